//! Budget Lens (预算透视): the browser app. Everything runs on the page; nothing is sent anywhere.

mod analyzer;
mod components;
mod decode;
mod format;
mod highlight;
mod i18n;
mod json;
mod kiosk;
mod prepared;
mod state;
mod storage;
mod workspace;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::DragEvent;
use yew::prelude::*;

use crate::components::findings::FindingsView;
use crate::components::input::{carries_files, load_file, InputPanel};
use crate::components::nav::{tab_id, Masthead, Tabs};
use crate::components::previous::PreviousView;
use crate::components::shares::SharesView;
use crate::components::status::Status;
use crate::components::summary::SummaryView;
use crate::components::tables::TablesView;
use crate::kiosk::Kiosk;
use crate::state::{Action, AppState, Dispatch, View};

/// Analyses the text whenever it changes: after a pause in typing, at once for a load or a
/// paste. A newer change cancels the pending timer; an answer for an older text would be
/// dropped by the reducer.
#[hook]
fn use_analysis(state: &UseReducerHandle<AppState>) {
    let dispatch = state.dispatcher();
    let text = state.text.clone();
    let debounce = state.debounce;
    use_effect_with(state.rev, move |&rev| {
        let timer = (!text.trim().is_empty()).then(|| {
            Timeout::new(analyzer::delay(text.len(), debounce), move || {
                let done = Callback::from(move |p| dispatch.dispatch(Action::Analyzed(p)));
                analyzer::run(rev, text, &done);
            })
        });
        move || drop(timer)
    });
}

/// Keeps `<html lang>` in step with the interface language.
#[hook]
fn use_document_lang(lang: i18n::Lang) {
    use_effect_with(lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.tag());
        }
    });
}

/// In kiosk mode, returns to the start screen after `idle_ms` without input.
#[hook]
fn use_idle_reset(kiosk: Kiosk, dispatch: Dispatch) {
    use_effect_with(kiosk, move |kiosk| {
        let timer: Rc<RefCell<Option<Timeout>>> = Rc::default();
        let mut listeners = Vec::new();
        if let (true, Some(window)) = (kiosk.on, web_sys::window()) {
            if let Some(root) = window.document().and_then(|d| d.document_element()) {
                let _ = root.class_list().add_1("kiosk");
            }
            let idle_ms = kiosk.idle_ms;
            let arm = {
                let timer = timer.clone();
                Rc::new(move || {
                    let dispatch = dispatch.clone();
                    *timer.borrow_mut() = Some(Timeout::new(idle_ms, move || {
                        dispatch.dispatch(Action::Reset);
                        if let Some(w) = web_sys::window() {
                            w.scroll_to_with_x_and_y(0.0, 0.0);
                        }
                    }));
                })
            };
            arm();
            for event in [
                "pointerdown",
                "keydown",
                "input",
                "wheel",
                "touchstart",
                "dragover",
            ] {
                let arm = arm.clone();
                listeners.push(EventListener::new(&window, event, move |_| arm()));
            }
        }
        move || drop((listeners, timer))
    });
}

/// Drag and drop of a file anywhere on the page: the file is loaded (src/components/input.rs),
/// and never opened by the browser in place of the app. Text dragged into the text area is
/// left to the text area.
#[hook]
fn use_file_drop(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let mut listeners = Vec::new();
        if let Some(window) = web_sys::window() {
            let active = EventListenerOptions::enable_prevent_default();
            let d = dispatch.clone();
            listeners.push(EventListener::new_with_options(
                &window,
                "dragover",
                active,
                move |e| {
                    if let Some(e) = e.dyn_ref::<DragEvent>().filter(|e| carries_files(e)) {
                        e.prevent_default();
                        d.dispatch(Action::Dragging(true));
                    }
                },
            ));
            let d = dispatch.clone();
            listeners.push(EventListener::new(&window, "dragleave", move |e| {
                // No element to go to: the drag has left the window.
                if e.dyn_ref::<DragEvent>()
                    .is_some_and(|e| e.related_target().is_none())
                {
                    d.dispatch(Action::Dragging(false));
                }
            }));
            listeners.push(EventListener::new_with_options(
                &window,
                "drop",
                active,
                move |e| {
                    let file = e
                        .dyn_ref::<DragEvent>()
                        .and_then(|e| e.data_transfer())
                        .and_then(|t| t.files())
                        .and_then(|f| f.get(0));
                    if let Some(file) = file {
                        e.prevent_default();
                        dispatch.dispatch(Action::Dragging(false));
                        load_file(file, dispatch.clone());
                    }
                },
            ));
        }
        move || drop(listeners)
    });
}

#[component]
fn App() -> Html {
    let kiosk = *use_memo((), |_| Kiosk::from_location());
    let state = use_reducer(move || AppState::new(kiosk.on));
    use_analysis(&state);
    use_document_lang(state.lang);
    use_idle_reset(kiosk, state.dispatcher());
    use_file_drop(state.dispatcher());

    let lang = state.lang;
    let s = lang.s();
    let view = match (&state.result, state.view) {
        (None, _) => Html::default(),
        (Some(r), View::Findings) => html! {
            <FindingsView result={r.clone()} {lang} filter={state.filter.clone()}
                selection={state.selection.clone()} />
        },
        (Some(r), View::Shares) => html! {
            <SharesView result={r.clone()} {lang} drill={state.drill.clone()} />
        },
        (Some(r), View::Tables) => html! { <TablesView result={r.clone()} {lang} /> },
        (Some(r), View::PreviousYear) => html! { <PreviousView result={r.clone()} {lang} /> },
    };

    html! {
        <ContextProvider<Dispatch> context={state.dispatcher()}>
            <div class={classes!("app", state.kiosk.then_some("kiosk"))} lang={lang.tag()}>
                <Masthead {lang} kiosk={state.kiosk} />
                <main class="main">
                    <InputPanel text={state.text.clone()} {lang} notice={state.notice.clone()}
                        dragging={state.dragging} />
                    <Status {lang} busy={state.busy} size={state.text.len()}
                        done={state.result.as_ref().map(|r| r.ms)} />
                    if let Some(result) = &state.result {
                        <SummaryView result={result.clone()} {lang} />
                        <Tabs view={state.view} {lang} findings={result.analysis.findings.len()} />
                        <div id="view-panel" class="view-panel" role="tabpanel"
                            aria-labelledby={tab_id(state.view)}>
                            { view }
                        </div>
                    }
                </main>
                <footer class="footer"><p>{ s.footer }</p></footer>
            </div>
        </ContextProvider<Dispatch>>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
