//! What the later module draws and does, behind its split point ([`parts`]): the views under
//! the summary but the findings, the workspace's, compare and over-the-years pages, the
//! kiosk's library, and the workspace's storage steps. It imports the views; the page's root
//! hands [`parts`] to [`crate::later::set_loader`], so [`crate::later`], which the views call,
//! imports none of them.

use yew::prelude::*;

use crate::components::compare::CompareView;
use crate::components::kiosk::KioskLibrary;
use crate::components::page_picture::{PagePicture, PictureProps};
use crate::components::previous::PreviousView;
use crate::components::shares::SharesView;
use crate::components::tables::TablesView;
use crate::components::time::TimeView;
use crate::components::workspace::WorkspaceView;
use crate::components::Shared;
use crate::i18n::Lang;
use crate::later::{Parts, Unavailable};
use crate::state::{Action, AppState, Dispatch, Page, View};
use crate::storage::SaveError;
use crate::workspace::Workspace;

#[wasm_split_helpers::wasm_split(later, fallible)]
pub fn parts() -> Result<Parts, Unavailable> {
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
        picture: draw_picture,
        glossary: crate::components::glossary::glossary,
    })
}

fn draw_picture(props: PictureProps) -> Html {
    html! { <PagePicture ..props /> }
}

fn read_workspace(dispatch: Dispatch) {
    crate::storage::load(move |opened| dispatch.dispatch(Action::WorkspaceLoaded(opened)));
}

fn save_workspace(w: &Workspace, idb: bool, saved_rev: u64, dispatch: Dispatch) {
    crate::storage::save(w, idb, move |result: Result<(), SaveError>| {
        dispatch.dispatch(Action::WorkspaceSaved { saved_rev, result })
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
