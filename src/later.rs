//! The parts of the page a paste does not use: the workspace, compare, over the years, the
//! kiosk's library, a chart saved as a PNG and the CSV and JSON downloads. In the shipped page
//! they are a WebAssembly module of their own (`#[wasm_split]`; scripts/split.mjs), fetched
//! when a view or a click first needs them, so the first load carries only what shows a
//! paste's findings. Natively (the render tests) they are ordinary functions.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use disclosure::Analysis;

use yew::prelude::*;

use crate::components::compare::CompareView;
use crate::components::kiosk::KioskLibrary;
use crate::components::time::TimeView;
use crate::components::workspace::WorkspaceView;
use crate::components::Shared;
use crate::i18n::Lang;
use crate::state::{AppState, Page};
use crate::workspace::Reduced;

/// What the later module draws.
#[derive(Clone, Copy)]
pub struct Parts {
    /// The workspace, compare and over-the-years pages.
    pub page: fn(&AppState) -> Html,
    /// The kiosk's library on its start screen.
    pub library: fn(Lang) -> Html,
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
    })
}

/// Makes what the workspace keeps of each text's analysis ([`crate::storage::analyse`]: read
/// from its kept record, or the text analysed), in order, stopping once `budget_ms` have
/// passed; returns what it made.
pub type Analyse = fn(Vec<AttrValue>, f64) -> Vec<(AttrValue, Rc<Reduced>)>;

/// The workspace's analyses: what reads and writes the kept records, reduces an analysis to
/// them and its comparison's metrics are used by no paste, so they come with this module.
#[wasm_split_helpers::wasm_split(later, fallible)]
pub fn analyser() -> Result<Analyse, Unavailable> {
    Ok(analyse_batch)
}

fn analyse_batch(pending: Vec<AttrValue>, budget_ms: f64) -> Vec<(AttrValue, Rc<Reduced>)> {
    let started = crate::clock::now();
    let mut done = Vec::new();
    for text in pending {
        let reduced = crate::storage::analyse(&text);
        done.push((text, Rc::new(reduced)));
        if crate::clock::now() - started > budget_ms {
            break;
        }
    }
    done
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
                    match parts().await {
                        Ok(p) => LOADED.set(Some(p)),
                        Err(_) => FAILED.set(true),
                    }
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
