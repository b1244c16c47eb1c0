//! The workspace: the documents kept for comparing, each with its department, year, kind, unit
//! and quality; added from files (several at once), from the current text, or from an exported
//! workspace file; renamed, removed, opened in the analyzer; exported as one JSON file.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::input::{add_files, import_file};
use super::quality_counts;
use crate::i18n::Lang;
use crate::markup::{action_of, Markup};
use crate::state::{Action, AppState, Dispatch};
use crate::workspace::{Doc, WsMessage};

/// The quality counts (as the summary shows them), once the document is analysed.
fn badge(m: &mut Markup, doc: &Doc, lang: Lang) {
    let Some(a) = &doc.analysis else {
        m.put(
            r#"<span class="ws-pending">{}</span>"#,
            &[lang.s().analysing],
        );
        return;
    };
    quality_counts(m, &a.quality, lang, " ws-counts");
}

/// One document's entry; its controls carry `data-action` (see [`crate::markup`]).
fn entry(m: &mut Markup, doc: &Doc, index: usize, dup: bool, lang: Lang) {
    let s = lang.s();
    let id = doc.id.as_str();
    let meta = doc.analysis.as_ref().map(|a| &a.document.meta);
    let department = meta
        .and_then(|m| m.department.as_ref())
        .map_or("—", |d| d.value.as_str());
    let year = meta
        .and_then(|m| m.year.as_ref())
        .map_or("—".to_owned(), |y| y.value.to_string());
    m.put(
        r#"<li class="ws-doc card{}" data-testid="workspace-doc" data-id="{}" data-department="{}"><div class="ws-doc-head"><span class="ws-index" aria-hidden="true">{}</span><label class="visually-hidden" for="ws-name-{}">{}</label><input id="ws-name-{}" class="ws-name" data-testid="ws-name" data-action="rename" data-arg="{}" value="{}" maxlength="200">"#,
        &[
            if doc.unsaved { " unsaved" } else { "" },
            id,
            department,
            &(index + 1).to_string(),
            id,
            s.ws_name,
            id,
            id,
            &doc.name,
        ],
    );
    if doc.unsaved {
        m.put(
            r#"<span class="ws-unsaved" data-testid="ws-unsaved"><span aria-hidden="true">⚠ </span>{}</span>"#,
            &[s.ws_unsaved],
        );
    }
    if dup {
        m.put(
            r#"<span class="ws-dup" data-testid="ws-duplicate"><span aria-hidden="true">⧉ </span>{}</span>"#,
            &[s.ws_duplicate],
        );
    }
    m.put(
        r#"</div><dl class="ws-meta"><div><dt>{}</dt><dd data-testid="ws-department">{}</dd></div><div><dt>{}</dt><dd>{}</dd></div>"#,
        &[s.department, department, s.year, &year],
    );
    if let Some(meta) = meta {
        m.put(
            r#"<div><dt>{}</dt><dd>{}</dd></div><div><dt>{}</dt><dd>{}</dd></div>"#,
            &[
                s.kind,
                lang.doc_kind(meta.kind),
                s.unit,
                lang.unit(meta.unit),
            ],
        );
    }
    m.put("</dl>", &[]);
    badge(m, doc, lang);
    m.put(
        r#"<div class="ws-actions"><button type="button" class="secondary" data-testid="ws-open" data-action="open" data-arg="{}" aria-label="{}">{}</button><button type="button" class="secondary danger" data-testid="ws-remove" data-action="remove" data-arg="{}" aria-label="{}">{}</button></div></li>"#,
        &[
            id,
            &lang.open_doc(&doc.name),
            s.ws_open,
            id,
            &lang.remove_doc(&doc.name),
            s.ws_remove,
        ],
    );
}

/// The workspace page (`nav-workspace`), written as text ([`Markup`]) with one click and one
/// change listener for all its controls (`data-action`).
pub fn workspace_view(state: &AppState, dispatch: &Dispatch) -> Html {
    let lang = state.lang;
    let s = lang.s();
    let w = &state.workspace;
    let dups: Vec<usize> = w.duplicates().into_iter().flatten().collect();
    let mut m = Markup::default();
    m.put(
        r#"<section class="workspace" data-testid="workspace-view" aria-labelledby="ws-heading"><div class="view-head"><h2 id="ws-heading">{}</h2><div class="view-actions"><input type="file" id="workspace-files" class="visually-hidden" multiple data-testid="workspace-files" data-action="add-files" accept=".txt,text/plain"><label for="workspace-files" class="button file-button">{}</label><input type="file" id="workspace-import" class="visually-hidden" data-testid="workspace-import" data-action="import" accept=".json,application/json"><label for="workspace-import" class="button secondary file-button">{}</label><button type="button" class="secondary" data-testid="workspace-export" data-action="export""#,
        &[s.ws_heading, s.ws_add_files, s.ws_import],
    )
    .flag(w.docs.is_empty(), "disabled")
    .put(
        r#">{}</button></div></div><p class="ws-where">{}</p>"#,
        &[
            s.ws_export,
            if state.kiosk {
                s.ws_kiosk
            } else if state.ws_save_blocked {
                s.ws_not_saving
            } else {
                s.ws_saved_here
            },
        ],
    );
    if !state.ws_messages.is_empty() {
        m.put(
            r#"<div class="ws-messages" data-testid="ws-messages">"#,
            &[],
        );
        for msg in &state.ws_messages {
            let error = matches!(
                msg,
                WsMessage::Rejected { .. }
                    | WsMessage::SaveFailed { .. }
                    | WsMessage::ImportRefused { .. }
                    | WsMessage::Damaged { .. }
            );
            let (kind, role, icon) = if error {
                ("error", "alert", "✖ ")
            } else {
                ("ok", "status", "✓ ")
            };
            m.put(
                r#"<p class="notice notice-{}" data-testid="ws-message" data-kind="{}" role="{}"><span class="notice-icon" aria-hidden="true">{}</span>{}</p>"#,
                &[kind, kind, role, icon, &lang.ws_message(msg)],
            );
        }
        m.put(
            r#"<button type="button" class="link" data-action="dismiss">{}</button></div>"#,
            &[s.dismiss],
        );
    }
    if w.docs.len() > w.analysed() {
        m.put(
            r#"<p class="status" role="status" data-testid="ws-progress">{}</p>"#,
            &[&lang.ws_progress(w.analysed(), w.docs.len())],
        );
    }
    for n in w.comparison.iter().flat_map(|c| &c.notes) {
        if n.kind == disclosure::analyze::compare::NoteKind::Duplicate {
            m.put(
                r#"<p class="note-item" data-testid="duplicate-note" role="note"><span aria-hidden="true">⧉ </span>{}</p>"#,
                &[lang.pick(&n.message_zh, &n.message_en)],
            );
        }
    }
    if w.docs.is_empty() {
        m.put(
            r#"<p class="empty card" data-testid="ws-empty">{}</p>"#,
            &[s.ws_empty],
        );
    } else {
        m.put(r#"<ol class="ws-list">"#, &[]);
        for (i, d) in w.docs.iter().enumerate() {
            entry(&mut m, d, i, dups.contains(&i), lang);
        }
        m.put("</ol>", &[]);
    }
    m.put("</section>", &[]);

    let on_click = {
        let dispatch = dispatch.clone();
        let w = w.clone();
        Callback::from(move |e: MouseEvent| match action_of(&e) {
            Some((a, id)) if a == "open" => dispatch.dispatch(Action::WorkspaceOpen(id)),
            Some((a, id)) if a == "remove" => dispatch.dispatch(Action::WorkspaceRemove(id)),
            Some((a, _)) if a == "dismiss" => dispatch.dispatch(Action::DismissWsMessages),
            Some((a, _)) if a == "export" => {
                let _ = crate::storage::download(
                    "budget-lens-workspace.json",
                    "application/json",
                    &w.to_json(),
                );
            }
            _ => {}
        })
    };
    let on_change = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let Some((action, id)) = action_of(&e) else {
                return;
            };
            let input: HtmlInputElement = e.target_unchecked_into();
            match action.as_str() {
                "rename" => dispatch.dispatch(Action::WorkspaceRename {
                    id,
                    name: input.value(),
                }),
                "add-files" => {
                    if let Some(files) = input.files() {
                        add_files(&files, &dispatch);
                    }
                    input.set_value("");
                }
                "import" => {
                    if let Some(file) = input.files().and_then(|f| f.get(0)) {
                        import_file(file, dispatch.clone());
                    }
                    input.set_value("");
                }
                _ => {}
            }
        })
    };
    html! { <div onclick={on_click} onchange={on_change}>{ m.html() }</div> }
}
