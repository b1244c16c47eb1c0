//! The workspace: the documents kept for comparing, each with its department, year, kind, unit
//! and quality; added from files (several at once), from the current text, or from an exported
//! workspace file; renamed, removed, opened in the analyzer; exported as one JSON file.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::input::{add_files, import_file};
use super::quality_counts;
use crate::i18n::Lang;
use crate::state::{Action, AppState, Dispatch, WsMessage};
use crate::workspace::Doc;


/// A message's kind, for `data-kind` and its icon: "ok", "error" or "info".
fn kind(m: &WsMessage) -> &'static str {
    match m {
        WsMessage::Added(_) | WsMessage::Restored { .. } | WsMessage::Imported { .. } => "ok",
        WsMessage::Rejected { .. }
        | WsMessage::SaveFailed { .. }
        | WsMessage::ImportRefused { .. }
        | WsMessage::Damaged { .. } => "error",
    }
}

/// The quality badge: findings by severity (icon and word) and completeness.
fn badge(doc: &Doc, lang: Lang) -> Html {
    let Some(a) = &doc.analysis else {
        return html! { <span class="ws-pending">{ lang.s().analysing }</span> };
    };
    quality_counts(&a.quality, lang)
}

/// One document's entry.
fn entry(doc: &Doc, index: usize, dup: bool, lang: Lang, dispatch: &Dispatch) -> Html {
    let s = lang.s();
    let id = doc.id.to_string();
    let meta = doc.analysis.as_ref().map(|a| &a.document.meta);
    let department = meta
        .and_then(|m| m.department.as_ref())
        .map_or("—".to_owned(), |d| d.value.clone());
    let year = meta
        .and_then(|m| m.year.as_ref())
        .map_or("—".to_owned(), |y| y.value.to_string());
    let on_rename = {
        let dispatch = dispatch.clone();
        let id = id.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::WorkspaceRename {
                id: id.clone(),
                name: input.value(),
            });
        })
    };
    let on_open = {
        let dispatch = dispatch.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::WorkspaceOpen(id.clone())))
    };
    let on_remove = {
        let dispatch = dispatch.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::WorkspaceRemove(id.clone())))
    };
    let name_id = format!("ws-name-{id}");
    html! {
        <li class={classes!("ws-doc", "card", doc.unsaved.then_some("unsaved"))} data-testid="workspace-doc"
            data-id={id.clone()} data-department={department.clone()}>
            <div class="ws-doc-head">
                <span class="ws-index" aria-hidden="true">{ index + 1 }</span>
                <label class="visually-hidden" for={name_id.clone()}>{ s.ws_name }</label>
                <input id={name_id} class="ws-name" data-testid="ws-name" value={doc.name.clone()}
                    onchange={on_rename} maxlength="200" />
                if doc.unsaved {
                    <span class="ws-unsaved" data-testid="ws-unsaved">
                        <span aria-hidden="true">{ "⚠ " }</span>{ s.ws_unsaved }
                    </span>
                }
                if dup {
                    <span class="ws-dup" data-testid="ws-duplicate">
                        <span aria-hidden="true">{ "⧉ " }</span>{ s.ws_duplicate }
                    </span>
                }
            </div>
            <dl class="ws-meta">
                <div><dt>{ s.department }</dt><dd data-testid="ws-department">{ department }</dd></div>
                <div><dt>{ s.year }</dt><dd>{ year }</dd></div>
                if let Some(m) = meta {
                    <div><dt>{ s.kind }</dt><dd>{ lang.doc_kind(m.kind) }</dd></div>
                    <div><dt>{ s.unit }</dt><dd>{ lang.unit(m.unit) }</dd></div>
                }
            </dl>
            { badge(doc, lang) }
            <div class="ws-actions">
                <button type="button" class="secondary" data-testid="ws-open" onclick={on_open}
                    aria-label={lang.open_doc(&doc.name)}>{ s.ws_open }</button>
                <button type="button" class="secondary danger" data-testid="ws-remove" onclick={on_remove}
                    aria-label={lang.remove_doc(&doc.name)}>{ s.ws_remove }</button>
            </div>
        </li>
    }
}

/// The workspace page (`nav-workspace`), as a plain function (see
/// [`super::compare::compare_view`]).
pub fn workspace_view(state: &AppState, dispatch: &Dispatch) -> Html {
    let dispatch = dispatch.clone();
    let lang = state.lang;
    let s = lang.s();
    let w = &state.workspace;
    let dups: Vec<usize> = w.duplicates().into_iter().flatten().collect();

    let on_files = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                add_files(&files, &dispatch);
            }
            input.set_value("");
        })
    };
    let on_import = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                import_file(file, dispatch.clone());
            }
            input.set_value("");
        })
    };
    let on_export = {
        let w = w.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = crate::storage::download(
                "budget-lens-workspace.json",
                "application/json",
                &w.to_json(),
            );
        })
    };
    let on_dismiss = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::DismissWsMessages))
    };
    let pending = w.docs.len() - w.analysed();

    html! {
        <section class="workspace" data-testid="workspace-view" aria-labelledby="ws-heading">
            <div class="view-head">
                <h2 id="ws-heading">{ s.ws_heading }</h2>
                <div class="view-actions">
                    <input type="file" id="workspace-files" class="visually-hidden" multiple=true
                        data-testid="workspace-files" accept=".txt,text/plain" onchange={on_files} />
                    <label for="workspace-files" class="button file-button">{ s.ws_add_files }</label>
                    <input type="file" id="workspace-import" class="visually-hidden"
                        data-testid="workspace-import" accept=".json,application/json" onchange={on_import} />
                    <label for="workspace-import" class="button secondary file-button">{ s.ws_import }</label>
                    <button type="button" class="secondary" data-testid="workspace-export"
                        disabled={w.docs.is_empty()} onclick={on_export}>{ s.ws_export }</button>
                </div>
            </div>
            <p class="ws-where">
                { if state.kiosk { s.ws_kiosk } else if state.ws_save_blocked { s.ws_not_saving } else { s.ws_saved_here } }
            </p>
            if !state.ws_messages.is_empty() {
                <div class="ws-messages" data-testid="ws-messages">
                    { for state.ws_messages.iter().map(|m| {
                        let k = kind(m);
                        html! {
                            <p class={classes!("notice", format!("notice-{k}"))} data-testid="ws-message" data-kind={k}
                                role={if k == "error" { "alert" } else { "status" }}>
                                <span class="notice-icon" aria-hidden="true">{ if k == "error" { "✖ " } else { "✓ " } }</span>
                                { lang.ws_message(m) }
                            </p>
                        }
                    }) }
                    <button type="button" class="link" onclick={on_dismiss}>{ s.dismiss }</button>
                </div>
            }
            if pending > 0 {
                <p class="status" role="status" data-testid="ws-progress">{ lang.ws_progress(w.analysed(), w.docs.len()) }</p>
            }
            if let Some(c) = &w.comparison {
                { for c.notes.iter().filter(|n| n.kind == disclosure::analyze::compare::NoteKind::Duplicate).map(|n| html! {
                    <p class="note-item" data-testid="duplicate-note" role="note">
                        <span aria-hidden="true">{ "⧉ " }</span>{ lang.pick(&n.message_zh, &n.message_en) }
                    </p>
                }) }
            }
            if w.docs.is_empty() {
                <p class="empty card" data-testid="ws-empty">{ s.ws_empty }</p>
            } else {
                <ol class="ws-list">
                    { for w.docs.iter().enumerate().map(|(i, d)| entry(d, i, dups.contains(&i), lang, &dispatch)) }
                </ol>
            }
        </section>
    }
}
