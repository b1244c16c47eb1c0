//! The analysis status line: a progress indication while an analysis is pending (with the size
//! of a large text), then how long it took.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub lang: Lang,
    pub busy: bool,
    /// The text's size in bytes.
    pub size: usize,
    /// Whether the pending analysis runs in the web worker.
    pub background: bool,
    /// How long the latest analysis took, in milliseconds, and whether it ran in the worker.
    pub done: Option<(u32, bool)>,
}

/// `analysis-status`, with `data-state="busy|done|idle"`.
#[component]
pub fn Status(props: &StatusProps) -> Html {
    let s = props.lang.s();
    if props.busy {
        return html! {
            <div class="status busy" data-testid="analysis-status" data-state="busy" role="status"
                data-worker={props.background.to_string()}>
                <progress aria-label={s.analysing}></progress>
                <span>{ props.lang.analysing(props.size, props.background) }</span>
            </div>
        };
    }
    match props.done {
        Some((ms, worker)) => html! {
            <div class="status done" data-testid="analysis-status" data-state="done"
                data-ms={ms.to_string()} data-worker={worker.to_string()} role="status">
                <span aria-hidden="true">{ "✓ " }</span>
                { props.lang.analysed(ms, worker) }
            </div>
        },
        None => html! {
            <div class="status idle" data-testid="analysis-status" data-state="idle" role="status"></div>
        },
    }
}
