//! The parts of the page a paste does not use: the views under the summary but the findings
//! (shares, tables, the previous year), the workspace (its views, the reducer's steps and its
//! storage), compare, over the years, the kiosk's library, a chart saved as a PNG, the CSV and
//! JSON downloads and the decoding of the analysis worker's parses. In the shipped page they
//! are a WebAssembly module of their own (`#[wasm_split]`; scripts/split.mjs), fetched once the
//! app has started (to read the saved workspace) or when a view or a click first needs them;
//! so the first load carries only what shows a paste's findings. Natively (the render tests)
//! they are ordinary functions.
//!
//! Every workspace action reaches the reducer through this module ([`reduce`]), so one is
//! dispatched only once the module is in: by the module's own views, or through [`dispatch`].

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use disclosure::Analysis;

use yew::prelude::*;

use crate::components::compare::CompareView;
use crate::components::kiosk::KioskLibrary;
use crate::components::previous::PreviousView;
use crate::components::shares::SharesView;
use crate::components::tables::TablesView;
use crate::components::time::TimeView;
use crate::components::workspace::WorkspaceView;
use crate::components::Shared;
use crate::i18n::Lang;
use crate::state::{Action, AppState, Dispatch, Page, View};
use crate::storage::SaveError;
use crate::workspace::{Reduced, Workspace};

/// The reducer's workspace steps.
type Steps = fn(Rc<AppState>, Action) -> Rc<AppState>;

/// What the later module draws.
#[derive(Clone, Copy)]
pub struct Parts {
    /// The workspace, compare and over-the-years pages.
    pub page: fn(&AppState) -> Html,
    /// The kiosk's library on its start screen.
    pub library: fn(Lang) -> Html,
    /// The views under the summary but the findings: shares, tables, the previous year.
    pub view: fn(&AppState) -> Html,
    /// The reducer's workspace steps ([`AppState::reduce_workspace`]; natively called
    /// directly).
    #[cfg_attr(not(target_family = "wasm"), allow(dead_code))]
    pub reduce: Steps,
    /// Reads the saved workspace, then dispatches it ([`crate::storage::load`]).
    pub read: fn(Dispatch),
    /// Saves the workspace ([`crate::storage::save`]; `idb`, then its `saved_rev`), then
    /// dispatches the outcome.
    pub save: fn(&Workspace, bool, u64, Dispatch),
    /// A workspace text's analysis ([`crate::storage::analyse`]).
    pub analyse: fn(&str) -> Reduced,
    /// Keeps the parses made ([`crate::storage::keep_parses`]).
    pub keep_parses: fn(bool),
    /// The analysis worker's parse from its bytes ([`crate::offload::decode`]).
    pub decode: fn(&[u8]) -> Option<disclosure::Parsed>,
}

/// The later module could not be loaded (the browser's console says why).
#[derive(Debug, Clone, Copy)]
pub struct Unavailable;

impl From<wasm_split_helpers::SplitLoaderError> for Unavailable {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Unavailable
    }
}

#[wasm_split_helpers::wasm_split(later, fallible)]
fn parts() -> Result<Parts, Unavailable> {
    Ok(Parts {
        page: draw_page,
        library: draw_library,
        view: draw_view,
        reduce: AppState::reduce_workspace,
        read: read_workspace,
        save: save_workspace,
        analyse: crate::storage::analyse,
        keep_parses: crate::storage::keep_parses,
        decode: crate::offload::decode,
    })
}

fn read_workspace(dispatch: Dispatch) {
    crate::storage::load(move |opened| dispatch.dispatch(Action::WorkspaceLoaded(opened)));
}

fn save_workspace(w: &Workspace, idb: bool, saved_rev: u64, dispatch: Dispatch) {
    crate::storage::save(w, idb, move |result: Result<(), SaveError>| {
        dispatch.dispatch(Action::WorkspaceSaved { saved_rev, result })
    });
}

/// The later module, loading it first if it is not in yet (one load however many ask).
pub async fn load() -> Result<Parts, Unavailable> {
    if let Some(p) = LOADED.get() {
        return Ok(p);
    }
    match parts().await {
        Ok(p) => {
            LOADED.set(Some(p));
            Ok(p)
        }
        Err(e) => {
            FAILED.set(true);
            Err(e)
        }
    }
}

/// The later module, if it is in.
pub fn loaded() -> Option<Parts> {
    LOADED.get()
}

/// The reducer's workspace steps: the later module's, which is in whenever a workspace action
/// is dispatched ([`dispatch`]). Natively, the function itself.
pub fn reduce(state: Rc<AppState>, action: Action) -> Rc<AppState> {
    #[cfg(target_family = "wasm")]
    let steps = loaded().map(|p| p.reduce);
    #[cfg(not(target_family = "wasm"))]
    let steps: Option<Steps> = Some(AppState::reduce_workspace);
    match steps {
        Some(reduce) => reduce(state, action),
        None => state,
    }
}

/// Dispatches a workspace action from the page's main module: once the later module, which
/// reduces it, is in.
pub async fn dispatch(dispatch: Dispatch, action: Action) -> Result<(), Unavailable> {
    load().await?;
    dispatch.dispatch(action);
    Ok(())
}

/// Saves the chart of `button`'s card as a PNG ([`crate::png::save`]).
#[wasm_split_helpers::wasm_split(later, fallible)]
pub fn save_png(button: web_sys::Element, caption: crate::png::Caption) -> Result<(), Unavailable> {
    let _ = crate::png::save(&button, &caption);
    Ok(())
}

/// Downloads table `index` of the analysis as CSV.
#[wasm_split_helpers::wasm_split(later, fallible)]
pub fn download_csv(analysis: Rc<Analysis>, index: usize, lang: Lang) -> Result<(), Unavailable> {
    if let Some(t) = analysis.document.tables.get(index) {
        let _ = crate::storage::download(
            &crate::export::table_file_name(t),
            "text/csv;charset=utf-8",
            &crate::export::table_csv(t, lang),
        );
    }
    Ok(())
}

/// Downloads the parse of the analysis as JSON.
#[wasm_split_helpers::wasm_split(later, fallible)]
pub fn download_json(analysis: Rc<Analysis>) -> Result<(), Unavailable> {
    if let Some(json) = crate::export::analysis_json(&analysis) {
        let _ = crate::storage::download(
            &crate::export::analysis_file_name(&analysis),
            "application/json;charset=utf-8",
            &json,
        );
    }
    Ok(())
}

/// Runs one of the later module's actions (a click's); when the module cannot be loaded, says
/// so in an alert, in the page's language.
pub fn act(lang: Lang, action: impl Future<Output = Result<(), Unavailable>> + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        if action.await.is_err() {
            if let Some(w) = web_sys::window() {
                let _ = w.alert_with_message(lang.s().later_failed);
            }
        }
    });
}

fn draw_library(lang: Lang) -> Html {
    html! { <KioskLibrary {lang} /> }
}

fn draw_view(state: &AppState) -> Html {
    let lang = state.lang;
    let Some(r) = &state.result else {
        return Html::default();
    };
    match state.view {
        View::Findings => Html::default(),
        View::Shares => {
            html! { <SharesView result={r.clone()} {lang} drill={state.drill.clone()} /> }
        }
        View::Tables => html! { <TablesView result={r.clone()} {lang} /> },
        View::PreviousYear => html! { <PreviousView result={r.clone()} {lang} /> },
    }
}

fn draw_page(state: &AppState) -> Html {
    let lang = state.lang;
    let s = lang.s();
    let ws = &state.workspace;
    let waiting = html! {
        <p class="empty card" data-testid="compare-waiting">
            { if ws.docs.is_empty() { s.compare_empty.to_owned() } else { lang.ws_progress(ws.analysed(), ws.docs.len()) } }
        </p>
    };
    match state.page {
        Page::Analyzer => Html::default(),
        Page::Workspace => html! {
            <WorkspaceView workspace={ws.clone()} messages={state.ws_messages.clone()} kiosk={state.kiosk}
                save_blocked={state.ws_save_blocked} idb={state.ws_idb} {lang} />
        },
        Page::Compare => match &ws.comparison {
            Some(c) => html! {
                <CompareView comparison={Shared(c.clone())} docs={Shared(ws.docs.clone())}
                    ui={state.compare.clone()} {lang} />
            },
            None => waiting,
        },
        Page::Time => match &ws.comparison {
            Some(_) => html! { <TimeView series={Shared(ws.series.clone())} {lang} /> },
            None => waiting,
        },
    }
}

thread_local! {
    static LOADED: Cell<Option<Parts>> = const { Cell::new(None) };
    static FAILED: Cell<bool> = const { Cell::new(false) };
}

/// Where the later module is.
#[derive(Clone, Copy)]
pub enum Later {
    Loading,
    Ready(Parts),
    Failed,
}

/// The later module, its load started on the first render that `needs` it.
#[hook]
pub fn use_later(needs: bool) -> Later {
    let bump = use_state(|| 0u32);
    {
        let bump = bump.clone();
        use_effect_with(needs, move |&needs| {
            if needs && LOADED.get().is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = load().await;
                    bump.set(*bump + 1);
                });
            }
        });
    }
    match (LOADED.get(), FAILED.get()) {
        (Some(p), _) => Later::Ready(p),
        (None, true) => Later::Failed,
        (None, false) => Later::Loading,
    }
}
