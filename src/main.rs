//! Budget Lens (预算透视): the browser app. Everything runs on the page; nothing is sent anywhere.

mod analyzer;
mod clock;
mod components;
mod decode;
mod example;
mod export;
mod format;
mod highlight;
mod i18n;
mod idb;
mod kiosk;
mod later;
mod later_parts;
mod library;
mod offload;
mod pdf;
mod png;
mod prepared;
mod served;
mod shell;
mod state;
mod storage;
mod workspace;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::{Interval, Timeout};
use wasm_bindgen::JsCast;
use web_sys::DragEvent;
use yew::prelude::*;

use crate::components::answer::PlainSummary;
use crate::components::findings::FindingsView;
use crate::components::input::{add_files, carries_files, load_file, InputPanel};
use crate::components::kiosk::IdleWarning;
use crate::components::nav::{tab_id, Masthead, Pages, Tabs};
use crate::components::status::Status;
use crate::components::summary::SummaryView;
use crate::kiosk::Kiosk;
use crate::state::{Action, Analysed, AppState, Dispatch, Page, View};

/// Analyses the text whenever it changes: after a pause in typing, at once for a load or a
/// paste. A newer change cancels the pending timer; an answer for an older text would be
/// dropped by the reducer. "At once" is in this effect, not in a 0 ms timer: the browser would
/// lay the page out and paint it (the pasted text included, ~30 ms for the sample) before such
/// a timer, and again with the findings. (Usually one frame, then: yew's scheduler itself
/// yields to the browser when a render has taken over 16 ms, before the effect runs.)
#[hook]
fn use_analysis(state: &UseReducerHandle<AppState>) {
    let dispatch = state.dispatcher();
    let text = state.text.clone();
    let debounce = state.debounce;
    // (The shell's text may have been analysed before the first render: App.)
    let analysed = state.result.as_ref().is_some_and(|r| r.rev == state.rev);
    use_effect_with(state.rev, move |&rev| {
        let delay = analyzer::delay(text.len(), debounce);
        let empty = text.trim().is_empty() || analysed;
        let analyse = move || {
            let done = Callback::from(move |p| dispatch.dispatch(Action::Analyzed(p)));
            analyzer::run(rev, text, &done);
        };
        let timer = if empty {
            None
        } else if delay == 0 {
            analyse();
            None
        } else {
            Some(Timeout::new(delay, analyse))
        };
        move || drop(timer)
    });
}

/// Reads the saved workspace once (the later module's code, loaded for it as the app starts:
/// the tabs show the count when it comes), then saves it whenever its saved part changes. Kiosk
/// mode keeps the workspace in memory only: it neither reads nor writes.
#[hook]
fn use_workspace_storage(state: &UseReducerHandle<AppState>) {
    let kiosk = state.kiosk;
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            if !kiosk {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(later) = later::load().await {
                        (later.read)(dispatch);
                    }
                });
            }
        });
    }
    let dispatch = state.dispatcher();
    let saved_rev = state.workspace.saved_rev;
    let due =
        state.ws_loaded && !kiosk && !state.ws_save_blocked && saved_rev != state.ws_persisted;
    let workspace = state.workspace.clone();
    let idb = state.ws_idb;
    use_effect_with((saved_rev, due), move |&(saved_rev, due)| {
        // (Due only once the saved workspace was read: through the later module.)
        if let Some(later) = later::loaded().filter(|_| due) {
            (later.save)(&workspace, idb, saved_rev, dispatch);
        }
    });
}

/// Analyses the workspace's texts that have no analysis yet, a batch per timer callback (as
/// many as fit in [`BATCH_MS`]), so the page stays responsive and shows progress. A text given
/// twice is analysed once. The work is the later module's ([`later::Parts::analyse`]: a kept
/// record read, or the text analysed and reduced); a batch whose workspace has changed
/// meanwhile is not run.
#[hook]
fn use_workspace_analysis(state: &UseReducerHandle<AppState>) {
    let dispatch = state.dispatcher();
    let workspace = state.workspace.clone();
    use_effect_with(state.workspace.rev, move |_| {
        // (A workspace has documents only through the later module: it is in.)
        let later = later::loaded();
        let pending: Vec<AttrValue> = workspace.pending().cloned().collect();
        let timer = later.filter(|_| !pending.is_empty()).map(|later| {
            Timeout::new(0, move || {
                let started = clock::now();
                let mut done = Vec::new();
                for text in pending {
                    done.push((text.clone(), Rc::new((later.analyse)(&text))));
                    if clock::now() - started > BATCH_MS {
                        break;
                    }
                }
                (later.keep_parses)(false);
                dispatch.dispatch(Action::WorkspaceAnalysed(Analysed(done)));
            })
        });
        if let Some(later) = later.filter(|_| timer.is_none()) {
            (later.keep_parses)(true);
        }
        move || drop(timer)
    });
}

/// On a narrow screen (a phone) the results of a paste or a load begin below the text box,
/// out of view: once they are drawn, they are scrolled to the top of the screen. Typing is left
/// where it is.
#[hook]
fn use_results_in_view(state: &AppState) {
    let drawn = state
        .result
        .as_ref()
        .filter(|r| r.rev == state.rev && !state.debounce && state.page == Page::Analyzer)
        .map(|r| r.rev);
    use_effect_with(drawn, |drawn| {
        let Some(window) = web_sys::window().filter(|_| drawn.is_some()) else {
            return;
        };
        let narrow = window
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w < NARROW_PX);
        if let Some(results) = window
            .document()
            .and_then(|d| d.query_selector(".plain-summary").ok().flatten())
            .filter(|_| narrow)
        {
            results.scroll_into_view();
        }
    });
}

/// Below this width (CSS pixels) the page is laid out for a phone (styles/app.css, 40rem).
const NARROW_PX: f64 = 640.0;

/// Warms the core up once, shortly after the page starts ([`analyzer::warm_up`]).
#[hook]
fn use_warm_up() {
    use_effect_with((), |_| {
        let timer = Timeout::new(analyzer::WARM_UP_MS, analyzer::warm_up);
        move || drop(timer)
    });
}

/// How long one batch of workspace analyses may run before the page gets a turn, in ms.
const BATCH_MS: f64 = 60.0;

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

/// In kiosk mode, returns to the start screen after `idle_ms` without input, with a countdown
/// in the last seconds ([`kiosk::WARNING_MS`]); any input starts the wait again and hides it.
/// Returns the seconds the countdown shows, while it shows.
#[hook]
fn use_idle_reset(kiosk: Kiosk, dispatch: Dispatch) -> Option<u32> {
    let left = use_state_eq(|| None::<u32>);
    let set_left = left.setter();
    use_effect_with(kiosk, move |&kiosk| {
        // The countdown's start, then its ticks (which stay idle once the page is reset, until
        // the next input replaces them: a timer is never dropped inside its own callback).
        let timers: Rc<RefCell<(Option<Timeout>, Option<Interval>)>> = Rc::default();
        let mut listeners = Vec::new();
        if let (true, Some(window)) = (kiosk.on, web_sys::window()) {
            if let Some(root) = window.document().and_then(|d| d.document_element()) {
                let _ = root.class_list().add_1("kiosk");
            }
            let arm = {
                let timers = timers.clone();
                Rc::new(move || {
                    set_left.set(None);
                    let deadline = clock::now() + f64::from(kiosk.idle_ms);
                    let (dispatch, set_left, ticks) =
                        (dispatch.clone(), set_left.clone(), timers.clone());
                    let start = Timeout::new(kiosk.warning_after_ms(), move || {
                        let mut done = false;
                        let mut tick = move || {
                            if done {
                                return;
                            }
                            match kiosk::seconds_left(deadline, clock::now()) {
                                0 => {
                                    done = true;
                                    set_left.set(None);
                                    dispatch.dispatch(Action::Reset);
                                    if let Some(w) = web_sys::window() {
                                        w.scroll_to_with_x_and_y(0.0, 0.0);
                                    }
                                }
                                n => set_left.set(Some(n)),
                            }
                        };
                        tick();
                        ticks.borrow_mut().1 = Some(Interval::new(200, tick));
                    });
                    *timers.borrow_mut() = (Some(start), None);
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
        move || {
            drop(listeners);
            // The timers' callbacks hold the cell: emptying it ends them and frees it.
            timers.replace((None, None));
        }
    });
    *left
}

/// Drag and drop of a file anywhere on the page: the file is loaded (src/components/input.rs),
/// and never opened by the browser in place of the app. Text dragged into the text area is
/// left to the text area.
#[hook]
fn use_file_drop(dispatch: Dispatch, page: Page) {
    use_effect_with(page, move |&page| {
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
                    let files = e
                        .dyn_ref::<DragEvent>()
                        .and_then(|e| e.data_transfer())
                        .and_then(|t| t.files())
                        .filter(|f| f.length() > 0);
                    let Some(files) = files else {
                        return;
                    };
                    e.prevent_default();
                    dispatch.dispatch(Action::Dragging(false));
                    // One file on the analyzer opens there; several files, or files dropped
                    // on the workspace's pages, join the workspace.
                    match (page, files.get(0)) {
                        (Page::Analyzer, Some(file)) if files.length() == 1 => {
                            load_file(file, dispatch.clone());
                        }
                        _ => {
                            add_files(&files, &dispatch);
                            if page == Page::Analyzer {
                                dispatch.dispatch(Action::SetPage(Page::Workspace));
                            }
                        }
                    }
                },
            ));
        }
        move || drop(listeners)
    });
}

#[derive(Properties, PartialEq)]
struct AppProps {
    /// What the shell of index.html held when the app started ([`shell`]).
    shell: Rc<shell::Shell>,
}

#[component]
fn App(props: &AppProps) -> Html {
    let kiosk = *use_memo((), |_| Kiosk::from_location());
    let shell = props.shell.clone();
    let state = use_reducer(move || {
        let page = Page::from_hash(
            &web_sys::window()
                .and_then(|w| w.location().hash().ok())
                .unwrap_or_default(),
        );
        let state = AppState::starting(kiosk.on, page, &shell.text);
        // A text the shell took before the app arrived, analysed on the page at once anyway, is
        // analysed before the first render: the page is drawn once, with its findings, rather
        // than once without them (a frame painted) and again with them.
        if state.busy && analyzer::at_once_here(state.text.len()) {
            let prepared = analyzer::prepare(state.rev, state.text.clone());
            return Rc::unwrap_or_clone(Rc::new(state).reduce(Action::Analyzed(prepared)));
        }
        state
    });
    {
        let shell = props.shell.clone();
        use_effect_with((), move |_| shell::restore_focus(&shell));
    }
    use_analysis(&state);
    use_results_in_view(&state);
    use_warm_up();
    use_workspace_storage(&state);
    use_workspace_analysis(&state);
    use_document_lang(state.lang);
    let idle_left = use_idle_reset(kiosk, state.dispatcher());
    use_file_drop(state.dispatcher(), state.page);

    let lang = state.lang;
    let s = lang.s();
    let ws = &state.workspace;
    let kiosk_start = state.kiosk && state.text.is_empty();
    // The views under the summary other than the findings are the later module's, as are the
    // other pages and the kiosk's library.
    // The glossary under a result is the later module's too.
    let later = later::use_later(
        state.page != Page::Analyzer
            || kiosk_start
            || state.view != View::Findings
            || state.result.is_some(),
    );
    let later_part = |draw: &dyn Fn(later::Parts) -> Html| match later {
        later::Later::Ready(parts) => draw(parts),
        later::Later::Loading => {
            html! { <p class="empty card" role="status" data-testid="later-loading">{ s.later_loading }</p> }
        }
        later::Later::Failed => {
            html! { <p class="empty card" role="alert" data-testid="later-failed">{ s.later_failed }</p> }
        }
    };
    let view = match (&state.result, state.view) {
        (None, _) => Html::default(),
        (Some(r), View::Findings) => html! {
            <FindingsView result={r.clone()} {lang} filter={state.filter.clone()}
                selection={state.selection.clone()} pages={state.pdf_pages.clone()}
                pdf_doc={state.pdf_doc} />
        },
        _ => later_part(&|p| (p.view)(&state)),
    };
    let page = match state.page {
        Page::Analyzer => html! {
            <>
                // A kiosk's start screen leads with its library.
                if kiosk_start {
                    { later_part(&|p| (p.library)(lang)) }
                }
                <InputPanel text={state.text.clone()} doc_name={doc_name(&state)} {lang}
                    notice={state.notice.clone()} dragging={state.dragging}
                    folded={state.folded} />
                <Status {lang} busy={state.busy} size={state.text.len()}
                    background={offload::offloads(state.text.len())}
                    done={state.result.as_ref().map(|r| (r.ms, r.in_worker))} />
                if let Some(result) = &state.result {
                    <PlainSummary result={result.clone()} {lang} yuan={state.yuan && lang == i18n::Lang::En} />
                    <SummaryView result={result.clone()} {lang} yuan={state.yuan} />
                    <Tabs view={state.view} {lang} findings={result.analysis.findings.len()} />
                    <div id="view-panel" class="view-panel" role="tabpanel"
                        aria-labelledby={tab_id(state.view)}>
                        { view }
                    </div>
                    if let later::Later::Ready(parts) = later {
                        { (parts.glossary)(lang) }
                    }
                }
            </>
        },
        _ => later_part(&|p| (p.page)(&state)),
    };

    html! {
        <ContextProvider<Dispatch> context={state.dispatcher()}>
            <div class={classes!("app", state.kiosk.then_some("kiosk"))} lang={lang.tag()}>
                <Masthead {lang} kiosk={state.kiosk} />
                <Pages current={state.page} documents={ws.docs.len()} {lang} />
                <main class={classes!("main", format!("page-{}", state.page.slug()))}>
                    { page }
                </main>
                <footer class="footer"><p>{ s.footer }</p></footer>
                if let Some(seconds) = idle_left {
                    <IdleWarning {seconds} {lang} />
                }
            </div>
        </ContextProvider<Dispatch>>
    }
}

/// The name a document made of the current text gets: its department and year once
/// analysed, else "pasted text".
fn doc_name(state: &AppState) -> AttrValue {
    let meta = state.result.as_ref().map(|r| &r.analysis.document.meta);
    match meta.and_then(|m| Some((m.department.as_ref()?, m.year.as_ref()))) {
        Some((d, Some(y))) => format!("{} {}", d.value, y.value).into(),
        Some((d, None)) => d.value.clone().into(),
        None => AttrValue::Static(state.lang.s().pasted_text),
    }
}

/// The page's memory allocator: Talc, smaller and faster in WebAssembly than the default
/// dlmalloc (it saves the page a few kilobytes of its size budget).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // The analysis worker (src/worker.js) runs this same wasm, with no window to render into.
    if web_sys::window().is_none() {
        return;
    }
    // The later module's split point (later does not import it: later_parts imports the views).
    later::set_loader(Rc::new(|| Box::pin(later_parts::parts())));
    // The worker's parses are read by the later module (offload does not import it).
    offload::set_reader(Rc::new(|bytes: Vec<u8>| {
        Box::pin(async move {
            later::load()
                .await
                .ok()
                .and_then(|later| (later.decode)(&bytes))
        })
    }));
    // Read the shell before yew mounts: mounting clears <body>, the shell with it.
    let shell = Rc::new(shell::take());
    yew::Renderer::<App>::with_props(AppProps { shell }).render();
}
