//! The workspace: the documents kept for comparing, each with its department, year, kind, unit
//! and quality; added from files (several at once), from the current text, or from an exported
//! workspace file; renamed, removed, opened in the analyzer; exported as one JSON file.

use disclosure::analyze::ranking::{parse_count, Basis, Entered};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::input::{add_files, import_file};
use super::{use_dispatch, QualityCounts, Shared};
use crate::i18n::Lang;
use crate::state::Action;
use crate::workspace::{Doc, Workspace, WsMessage};

#[derive(Properties, PartialEq)]
struct EntryProps {
    docs: Shared<Vec<Doc>>,
    /// Which document of the list.
    index: usize,
    /// Another document is the same department, year and kind.
    duplicate: bool,
    lang: Lang,
}

/// The count of people entered for a document: a number and what it counts. A count the core
/// refuses (0, negative, text) is not used: `refused` says why and the saved count stays.
fn people_field(
    id: &AttrValue,
    people: Option<Entered>,
    refused: &UseStateHandle<Option<String>>,
    dispatch: &crate::state::Dispatch,
    lang: Lang,
) -> Html {
    let s = lang.s();
    let basis = people.map_or(Basis::Staff, |p| p.basis);
    let count_id = format!("ws-people-{id}");
    let basis_id = format!("ws-basis-{id}");
    let set = {
        let (dispatch, id) = (dispatch.clone(), id.clone());
        move |people: Option<Entered>| {
            dispatch.dispatch(Action::WorkspacePeople {
                id: id.to_string(),
                people,
            })
        }
    };
    let count_changed = {
        let (set, refused) = (set.clone(), refused.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            match parse_count(&text) {
                Ok(count) => {
                    refused.set(None);
                    set(count.map(|count| Entered { basis, count }));
                }
                Err(why) => refused.set(Some(lang.count_refused(&text, why))),
            }
        })
    };
    let basis_changed = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let basis = Basis::of_slug(&select.value()).unwrap_or(Basis::Staff);
        if let Some(p) = people {
            set(Some(Entered { basis, ..p }));
        }
    });
    html! {
        <div class="ws-people" data-testid="ws-people-field">
            <label for={count_id.clone()}>{ s.ws_people }</label>
            <input id={count_id} type="text" inputmode="numeric" class="ws-people-count" data-testid="ws-people"
                value={people.map(|p| p.count.to_string()).unwrap_or_default()} maxlength="20"
                aria-invalid={super::aria_bool(refused.is_some())} onchange={count_changed} />
            <label class="visually-hidden" for={basis_id.clone()}>{ s.ws_people_basis }</label>
            <select id={basis_id} data-testid="ws-people-basis" onchange={basis_changed}>
                { for [(Basis::Staff, s.people_staff), (Basis::Population, s.people_residents)].map(|(b, label)| html! {
                    <option value={b.slug()} selected={b == basis}>{ label }</option>
                }) }
            </select>
            if let Some(why) = &**refused {
                <p class="field-error" role="alert" data-testid="ws-people-error">{ why }</p>
            } else {
                <p class="field-hint">{ s.ws_people_hint }</p>
            }
        </div>
    }
}

/// One document's entry: its name (renamed in place), what it is, its quality, open and remove.
#[component]
fn Entry(props: &EntryProps) -> Html {
    let dispatch = use_dispatch();
    let refused = use_state(|| None::<String>);
    let lang = props.lang;
    let s = lang.s();
    let doc = &props.docs[props.index];
    let id = doc.id.clone();
    let meta = doc.analysis.as_ref().map(|a| &a.entry.column);
    let department = meta.and_then(|m| m.department.as_deref()).unwrap_or("—");
    let year = meta
        .and_then(|m| m.year)
        .map_or("—".to_owned(), |y| y.to_string());
    let rename = {
        let (dispatch, id) = (dispatch.clone(), id.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::WorkspaceRename {
                id: id.to_string(),
                name: input.value(),
            });
        })
    };
    let open = {
        let (dispatch, id) = (dispatch.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::WorkspaceOpen(id.to_string()))
        })
    };
    let people = people_field(&id, doc.people, &refused, &dispatch, lang);
    let remove = {
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::WorkspaceRemove(id.to_string()))
        })
    };
    let name_id = format!("ws-name-{id}");
    html! {
        <li class={classes!("ws-doc", "card", doc.unsaved.then_some("unsaved"))} data-testid="workspace-doc"
            data-id={id.clone()} data-department={department.to_owned()}>
            <div class="ws-doc-head">
                <span class="ws-index" aria-hidden="true">{ props.index + 1 }</span>
                <label class="visually-hidden" for={name_id.clone()}>{ s.ws_name }</label>
                <input id={name_id} class="ws-name" data-testid="ws-name" value={doc.name.clone()}
                    maxlength="200" onchange={rename} />
                if doc.unsaved {
                    <span class="ws-unsaved" data-testid="ws-unsaved">
                        <span aria-hidden="true">{ "⚠ " }</span>{ s.ws_unsaved }
                    </span>
                }
                if props.duplicate {
                    <span class="ws-dup" data-testid="ws-duplicate">
                        <span aria-hidden="true">{ "⧉ " }</span>{ s.ws_duplicate }
                    </span>
                }
            </div>
            <dl class="ws-meta">
                <div><dt>{ s.department }</dt><dd data-testid="ws-department">{ department }</dd></div>
                <div><dt>{ s.year }</dt><dd>{ year }</dd></div>
                if let Some(meta) = meta {
                    <div><dt>{ s.kind }</dt><dd>{ lang.doc_kind(meta.kind) }</dd></div>
                    <div><dt>{ s.unit }</dt><dd>{ lang.unit(meta.unit_printed) }</dd></div>
                }
            </dl>
            { people }
            if let Some(a) = &doc.analysis {
                <QualityCounts quality={a.quality.clone()} {lang} extent={a.entry.column.extent} class="ws-counts" />
            } else {
                <span class="ws-pending">{ s.analysing }</span>
            }
            <div class="ws-actions">
                <button type="button" class="secondary" data-testid="ws-open" aria-label={lang.open_doc(&doc.name)}
                    onclick={open}>
                    { s.ws_open }
                </button>
                <button type="button" class="secondary danger" data-testid="ws-remove"
                    aria-label={lang.remove_doc(&doc.name)} onclick={remove}>
                    { s.ws_remove }
                </button>
            </div>
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct WorkspaceProps {
    pub workspace: Workspace,
    /// Messages about the workspace, oldest first.
    pub messages: Vec<WsMessage>,
    /// Kiosk mode: the workspace lives in the page's memory only.
    pub kiosk: bool,
    /// Saving is off for this session.
    pub save_blocked: bool,
    /// The workspace is kept in IndexedDB (else in `localStorage`).
    pub idb: bool,
    pub lang: Lang,
}

/// The workspace page (`nav-workspace`).
#[component]
pub fn WorkspaceView(props: &WorkspaceProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let s = lang.s();
    let w = &props.workspace;
    let dups: Vec<usize> = w.duplicates().into_iter().flatten().collect();
    let add_files_picked = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                add_files(&files, &dispatch);
            }
            // Picking the same files again must add them again.
            input.set_value("");
        })
    };
    let import_picked = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                import_file(file, dispatch.clone());
            }
            input.set_value("");
        })
    };
    let export = {
        let w = w.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(json) = w.to_json() {
                let _ = crate::storage::download(
                    "budget-lens-workspace.json",
                    "application/json",
                    &json,
                );
            }
        })
    };
    let dismiss = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::DismissWsMessages));
    let message = |msg: &WsMessage| {
        let error = matches!(
            msg,
            WsMessage::Rejected { .. }
                | WsMessage::SaveFailed { .. }
                | WsMessage::ImportRefused { .. }
                | WsMessage::Damaged { .. }
                | WsMessage::DamagedRecords(_)
                | WsMessage::NoIndexedDb(_)
        );
        let (kind, role, icon) = if error {
            ("error", "alert", "✖ ")
        } else {
            ("ok", "status", "✓ ")
        };
        html! {
            <p class={classes!("notice", format!("notice-{kind}"))} data-testid="ws-message" data-kind={kind} {role}>
                <span class="notice-icon" aria-hidden="true">{ icon }</span>{ lang.ws_message(msg) }
            </p>
        }
    };
    let where_kept = if props.kiosk {
        s.ws_kiosk
    } else if props.save_blocked {
        s.ws_not_saving
    } else if props.idb {
        s.ws_saved_here
    } else {
        s.ws_saved_local
    };
    let duplicate_notes = w
        .comparison
        .iter()
        .flat_map(|c| &c.notes)
        .filter(|n| n.kind == disclosure::analyze::compare::NoteKind::Duplicate);
    html! {
        <section class="workspace" data-testid="workspace-view" aria-labelledby="ws-heading">
            <div class="view-head">
                <h2 id="ws-heading">{ s.ws_heading }</h2>
                <div class="view-actions">
                    <input type="file" id="workspace-files" class="visually-hidden" multiple=true
                        data-testid="workspace-files" accept=".txt,text/plain,.pdf,application/pdf" onchange={add_files_picked} />
                    <label for="workspace-files" class="button file-button">{ s.ws_add_files }</label>
                    // A kiosk neither takes a workspace in nor lets one out.
                    if !props.kiosk {
                        <input type="file" id="workspace-import" class="visually-hidden" data-testid="workspace-import"
                            accept=".json,application/json" onchange={import_picked} />
                        <label for="workspace-import" class="button secondary file-button">{ s.ws_import }</label>
                        <button type="button" class="secondary" data-testid="workspace-export"
                            disabled={w.docs.is_empty()} onclick={export}>
                            { s.ws_export }
                        </button>
                    }
                </div>
            </div>
            <p class="ws-where">{ where_kept }</p>
            if !props.messages.is_empty() {
                <div class="ws-messages" data-testid="ws-messages">
                    { for props.messages.iter().map(message) }
                    <button type="button" class="link" onclick={dismiss}>{ s.dismiss }</button>
                </div>
            }
            if w.docs.len() > w.analysed() {
                <p class="status" role="status" data-testid="ws-progress">
                    { lang.ws_progress(w.analysed(), w.docs.len()) }
                </p>
            }
            { for duplicate_notes.map(|n| html! {
                <p class="note-item" data-testid="duplicate-note" role="note">
                    <span aria-hidden="true">{ "⧉ " }</span>{ lang.pick(&n.message_zh, &n.message_en) }
                </p>
            }) }
            if w.docs.is_empty() {
                <p class="empty card" data-testid="ws-empty">{ s.ws_empty }</p>
            } else {
                <ol class="ws-list">
                    { for w.docs.iter().enumerate().map(|(index, d)| html! {
                        <Entry key={d.id.to_string()} docs={Shared(w.docs.clone())} {index}
                            duplicate={dups.contains(&index)} {lang} />
                    }) }
                </ol>
            }
        </section>
    }
}
