//! The workspace: the documents kept for comparing, each with its department, year, kind, unit
//! and quality; added from files (several at once), from the current text, or from an exported
//! workspace file; renamed, removed, opened in the analyzer; exported as one JSON file.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::input::{add_files, import_file};
use super::{severity_icon, SEVERITIES};
use crate::i18n::Lang;
use crate::markup::{action_of, Markup};
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

/// The quality counts as text (the summary's [`super::quality_counts`], for the list).
fn badge(m: &mut Markup, doc: &Doc, lang: Lang) {
    let Some(a) = &doc.analysis else {
        m.el("span", &[("class", Some("ws-pending"))], lang.s().analysing);
        return;
    };
    let q = &a.quality;
    m.open(
        "ul",
        &[
            ("class", Some("counts ws-counts")),
            ("aria-label", Some(lang.s().quality)),
        ],
    );
    for (sev, n) in SEVERITIES
        .iter()
        .zip([q.errors, q.warnings, q.rounding, q.info])
    {
        m.open(
            "li",
            &[
                ("class", Some(&format!("count sev-{}", sev.slug()))),
                ("data-count", Some(sev.slug())),
                ("title", Some(lang.severity_help(*sev))),
            ],
        )
        .el(
            "span",
            &[("class", Some("sev-icon")), ("aria-hidden", Some("true"))],
            severity_icon(*sev),
        )
        .text(lang.severity(*sev))
        .text(" ")
        .el("b", &[], &n.to_string())
        .close("li");
    }
    m.open(
        "li",
        &[
            ("class", Some("count completeness")),
            ("data-count", Some("completeness")),
        ],
    )
    .text("☑ ")
    .text(&lang.completeness(q.complete, q.required))
    .close("li")
    .close("ul");
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
    let name_id = format!("ws-name-{id}");
    let class = if doc.unsaved {
        "ws-doc card unsaved"
    } else {
        "ws-doc card"
    };
    m.open(
        "li",
        &[
            ("class", Some(class)),
            ("data-testid", Some("workspace-doc")),
            ("data-id", Some(id)),
            ("data-department", Some(department)),
        ],
    )
    .open("div", &[("class", Some("ws-doc-head"))])
    .el(
        "span",
        &[("class", Some("ws-index")), ("aria-hidden", Some("true"))],
        &(index + 1).to_string(),
    )
    .el(
        "label",
        &[("class", Some("visually-hidden")), ("for", Some(&name_id))],
        s.ws_name,
    )
    .open(
        "input",
        &[
            ("id", Some(&name_id)),
            ("class", Some("ws-name")),
            ("data-testid", Some("ws-name")),
            ("data-action", Some("rename")),
            ("data-arg", Some(id)),
            ("value", Some(&doc.name)),
            ("maxlength", Some("200")),
        ],
    );
    for (on, class, testid, icon, text) in [
        (doc.unsaved, "ws-unsaved", "ws-unsaved", "⚠ ", s.ws_unsaved),
        (dup, "ws-dup", "ws-duplicate", "⧉ ", s.ws_duplicate),
    ] {
        if on {
            m.open(
                "span",
                &[("class", Some(class)), ("data-testid", Some(testid))],
            )
            .el("span", &[("aria-hidden", Some("true"))], icon)
            .text(text)
            .close("span");
        }
    }
    m.close("div").open("dl", &[("class", Some("ws-meta"))]);
    let mut item = |dt: &str, dd: &str, testid: Option<&str>| {
        m.open("div", &[])
            .el("dt", &[], dt)
            .el("dd", &[("data-testid", testid)], dd)
            .close("div");
    };
    item(s.department, department, Some("ws-department"));
    item(s.year, &year, None);
    if let Some(meta) = meta {
        item(s.kind, lang.doc_kind(meta.kind), None);
        item(s.unit, lang.unit(meta.unit), None);
    }
    m.close("dl");
    badge(m, doc, lang);
    m.open("div", &[("class", Some("ws-actions"))]);
    for (action, class, testid, text, label) in [
        (
            "open",
            "secondary",
            "ws-open",
            s.ws_open,
            lang.open_doc(&doc.name),
        ),
        (
            "remove",
            "secondary danger",
            "ws-remove",
            s.ws_remove,
            lang.remove_doc(&doc.name),
        ),
    ] {
        m.el(
            "button",
            &[
                ("type", Some("button")),
                ("class", Some(class)),
                ("data-testid", Some(testid)),
                ("data-action", Some(action)),
                ("data-arg", Some(id)),
                ("aria-label", Some(&label)),
            ],
            text,
        );
    }
    m.close("div").close("li");
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
    let mut list = Markup::default();
    list.open("ol", &[("class", Some("ws-list"))]);
    for (i, d) in w.docs.iter().enumerate() {
        entry(&mut list, d, i, dups.contains(&i), lang);
    }
    list.close("ol");
    // The list's controls, by their data-action.
    let on_list_click = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: MouseEvent| match action_of(&e) {
            Some((a, id)) if a == "open" => dispatch.dispatch(Action::WorkspaceOpen(id)),
            Some((a, id)) if a == "remove" => dispatch.dispatch(Action::WorkspaceRemove(id)),
            _ => {}
        })
    };
    let on_list_change = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some((_, id)) = action_of(&e).filter(|(a, _)| a == "rename") {
                let input: HtmlInputElement = e.target_unchecked_into();
                dispatch.dispatch(Action::WorkspaceRename {
                    id,
                    name: input.value(),
                });
            }
        })
    };

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
                <div onclick={on_list_click} onchange={on_list_change}>{ list.html() }</div>
            }
        </section>
    }
}
