//! The analysis status line: a progress indication while an analysis is pending, then how
//! long it took and where it ran.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub lang: Lang,
    pub busy: bool,
    /// Milliseconds and whether the worker ran it, for the latest analysis.
    pub done: Option<(u32, bool)>,
}

/// `analysis-status`, with `data-state="busy|done"` and `data-engine="page|worker"`.
#[component]
pub fn Status(props: &StatusProps) -> Html {
    let s = props.lang.s();
    if props.busy {
        return html! {
            <div class="status busy" data-testid="analysis-status" data-state="busy" role="status">
                <progress aria-label={s.analysing}></progress>
                <span>{ s.analysing }</span>
            </div>
        };
    }
    match props.done {
        Some((ms, worker)) => html! {
            <div class="status done" data-testid="analysis-status" data-state="done"
                data-engine={if worker { "worker" } else { "page" }} role="status">
                <span aria-hidden="true">{ "✓ " }</span>
                { props.lang.analysed(ms, worker) }
            </div>
        },
        None => html! {
            <div class="status idle" data-testid="analysis-status" data-state="idle" role="status"></div>
        },
    }
}
