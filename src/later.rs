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

use crate::i18n::Lang;
use crate::state::{Action, AppState, Dispatch};
use crate::workspace::{Reduced, Workspace};

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
    pub reduce: crate::state::WorkspaceSteps,
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
    /// A PDF's page above the source view's lines
    /// ([`crate::components::page_picture::PagePicture`]).
    pub picture: fn(crate::components::page_picture::PictureProps) -> Html,
    /// The glossary under a result ([`crate::components::glossary::glossary`]): its entries'
    /// text is none of the first load's.
    pub glossary: fn(Lang) -> Html,
}

/// The later module could not be loaded (the browser's console says why).
#[derive(Debug, Clone, Copy)]
pub struct Unavailable;

impl From<wasm_split_helpers::SplitLoaderError> for Unavailable {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// The later module, loading it first if it is not in yet (one load however many ask).
pub async fn load() -> Result<Parts, Unavailable> {
    if let Some(p) = LOADED.get() {
        return Ok(p);
    }
    let Some(load) = LOADER.with(|l| l.borrow().clone()) else {
        FAILED.set(true);
        return Err(Unavailable);
    };
    match load().await {
        Ok(p) => {
            LOADED.set(Some(p));
            crate::state::set_workspace_steps(p.reduce);
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

/// Loads the later module and gives its parts ([`set_loader`]).
pub type Loader =
    Rc<dyn Fn() -> std::pin::Pin<Box<dyn Future<Output = Result<Parts, Unavailable>>>>>;

/// Sets how the later module is loaded: `crate::later_parts::parts`, the split point, which
/// draws the views and so imports them; the page's root sets it, so the views may call this
/// module (a download, a workspace action) without an import cycle.
pub fn set_loader(loader: Loader) {
    LOADER.with(|l| *l.borrow_mut() = Some(loader));
}

thread_local! {
    static LOADER: std::cell::RefCell<Option<Loader>> = const { std::cell::RefCell::new(None) };
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
