//! The input area: the text box, the built-in example, a file picker and drag-and-drop of a
//! .txt or .pdf file, and the message about the last file.

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File, FileList, HtmlInputElement, HtmlTextAreaElement, InputEvent};
use yew::prelude::*;

use super::use_dispatch;
use crate::decode::{check_size, named_pdf, Decoded, Rejection};
use crate::i18n::Lang;
use crate::state::{Action, Dispatch, Notice};
use crate::workspace::ImportProblem;

#[derive(Properties, PartialEq)]
pub struct InputProps {
    pub text: AttrValue,
    /// The name a document made of this text gets in the workspace (its department and year
    /// once analysed).
    pub doc_name: AttrValue,
    pub lang: Lang,
    pub notice: Option<Notice>,
    pub dragging: bool,
    /// The text box is folded to one line (`AppState::folded`).
    pub folded: bool,
}

/// Reads and decodes a file (a PDF: reads its text with the PDF reader, src/pdf.rs), then
/// hands the outcome to `done`.
pub fn read_file(file: File, done: impl FnOnce(Result<Decoded, Rejection>) + 'static) {
    if let Err(why) = check_size(file.size() as u64, named_pdf(&file.name(), &file.type_())) {
        done(Err(why));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
            done(Err(Rejection::Unreadable));
            return;
        };
        done(crate::pdf::decode_bytes(&js_sys::Uint8Array::new(&buffer)).await);
    });
}

/// Reads, decodes and loads a file, or says why not.
pub fn load_file(file: File, dispatch: Dispatch) {
    let name = file.name();
    if named_pdf(&name, &file.type_()) {
        dispatch.dispatch(Action::ReadingPdf { name: name.clone() });
    }
    read_file(file, move |outcome| {
        dispatch.dispatch(match outcome {
            Ok(decoded) => Action::LoadFile { name, decoded },
            Err(why) => Action::FileRejected { name, why },
        })
    });
}

/// Adds every file of a list to the workspace (each read and decoded like one opened), or says
/// why a file was not added.
pub fn add_files(files: &FileList, dispatch: &Dispatch) {
    for file in (0..files.length()).filter_map(|i| files.get(i)) {
        let name = file.name();
        let dispatch = dispatch.clone();
        read_file(file, move |outcome| {
            let action = match outcome {
                Ok(decoded) => {
                    let (stamp, added) = (crate::storage::id_stamp(), crate::storage::now().1);
                    Action::WorkspaceAdd {
                        docs: vec![(name, decoded.text, decoded.pages)],
                        added,
                        stamp,
                    }
                }
                Err(why) => Action::WorkspaceRejected { name, why },
            };
            // (When the later module cannot be loaded, the workspace's page, where the files
            // were dropped or picked, or where a drop on the analyzer leads, says so.)
            wasm_bindgen_futures::spawn_local(async move {
                let _ = crate::later::dispatch(dispatch, action).await;
            });
        });
    }
}

/// Reads a workspace file (an export) and imports it, or says why not.
pub fn import_file(file: File, dispatch: Dispatch) {
    let name = file.name();
    read_file(file, move |outcome| {
        let read = match outcome {
            Ok(decoded) => crate::workspace::read(&decoded.text).map_err(ImportProblem::Json),
            Err(why) => Err(ImportProblem::File(why)),
        };
        dispatch.dispatch(Action::WorkspaceImport {
            name,
            read,
            stamp: crate::storage::id_stamp(),
        });
    });
}

/// Texts at least this long (in bytes) are not put in the text box: laying out megabytes of text
/// in a `<textarea>` takes the browser seconds (10 MB: 4 s in Chromium here), during which the
/// page is frozen. The same size from which the analysis runs in the worker.
pub const SHOWN_LIMIT: usize = crate::offload::OFFLOAD;

/// `current` with `pasted` put in place of its UTF-16 range `start..end` (a text box's
/// selection), or in place of all of it when the range does not fit.
pub fn splice(current: &str, start: u32, end: u32, pasted: &str) -> String {
    let byte = |units: u32| {
        let mut seen = 0u32;
        for (i, c) in current.char_indices() {
            if seen >= units {
                return (seen == units).then_some(i);
            }
            seen += c.len_utf16() as u32;
        }
        (seen == units).then_some(current.len())
    };
    match (byte(start), byte(end)) {
        (Some(a), Some(b)) if a <= b => [&current[..a], pasted, &current[b..]].concat(),
        _ => pasted.to_owned(),
    }
}

/// A pasted text of at least `min` bytes, taken from the clipboard event before the browser
/// puts it anywhere (the event's default is prevented); `None` leaves the paste to the browser.
fn take_paste(e: &Event, min: usize) -> Option<String> {
    let e = e.dyn_ref::<web_sys::ClipboardEvent>()?;
    let pasted = e.clipboard_data()?.get_data("text").ok()?;
    if pasted.len() < min {
        return None;
    }
    e.prevent_default();
    Some(pasted)
}

/// How many bytes a paste event carries (0 when the browser does not say).
fn pasted_len(e: &Event) -> usize {
    e.dyn_ref::<web_sys::ClipboardEvent>()
        .and_then(|e| e.clipboard_data())
        .and_then(|d| d.get_data("text").ok())
        .map_or(0, |t| t.len())
}

/// Whether a drag carries files (rather than text being dragged within the page).
pub fn carries_files(e: &DragEvent) -> bool {
    e.data_transfer()
        .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}

/// The input area (`paste-input`, `load-example`, `file-input`).
#[component]
pub fn InputPanel(props: &InputProps) -> Html {
    let dispatch = use_dispatch();
    let s = props.lang.s();
    let empty = props.text.is_empty();

    // How many bytes the paste under way brings (read from the paste event, which comes before
    // the input event; a whole document folds the box).
    let pasting = use_mut_ref(|| 0usize);
    let on_input = {
        let dispatch = dispatch.clone();
        let pasting = pasting.clone();
        let before = props.text.clone();
        Callback::from(move |e: InputEvent| {
            let paste = matches!(
                e.input_type().as_str(),
                "insertFromPaste" | "insertFromDrop" | "insertFromPasteAsQuotation"
            );
            let from_event = std::mem::take(&mut *pasting.borrow_mut());
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let text = area.value();
            // A drop has no paste event before it: what it brought is what the text gained.
            let pasted = match e.input_type().as_str() {
                "insertFromDrop" => text.len().saturating_sub(before.len()),
                _ if paste => from_event,
                _ => 0,
            };
            dispatch.dispatch(Action::Edit {
                text,
                paste,
                pasted,
            });
        })
    };
    // A large paste into the text box: spliced into the text here, never put in the box.
    let on_paste = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            // Too large for the text box ([`SHOWN_LIMIT`]): into the page's state instead.
            if let Some(pasted) = take_paste(&e, SHOWN_LIMIT) {
                let area: HtmlTextAreaElement = e.target_unchecked_into();
                let start = area.selection_start().ok().flatten().unwrap_or(0);
                let end = area.selection_end().ok().flatten().unwrap_or(0);
                let text = splice(&area.value(), start, end, &pasted);
                let pasted = pasted.len();
                dispatch.dispatch(Action::Edit {
                    text,
                    paste: true,
                    pasted,
                });
            } else {
                *pasting.borrow_mut() = pasted_len(&e);
            }
        })
    };
    // A paste onto the large text's stand-in replaces the text.
    let on_paste_large = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(text) = take_paste(&e, 0) {
                let pasted = text.len();
                dispatch.dispatch(Action::Edit {
                    text,
                    paste: true,
                    pasted,
                });
            }
        })
    };
    // Opening the folded box puts the caret in it once it is drawn; folding it while it had the
    // focus (a paste) hands the focus to the button that opens it, not to the page's top.
    let focus_box = use_mut_ref(|| false);
    let mounted = use_mut_ref(|| false);
    {
        let focus_box = focus_box.clone();
        use_effect_with(props.folded, move |folded| {
            // (On the first render the shell's hand-over places the focus: crate::shell.)
            if !std::mem::replace(&mut *mounted.borrow_mut(), true) {
                return;
            }
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let lost = document
                .active_element()
                .is_none_or(|e| e.id() == "paste-input" || e.tag_name() == "BODY");
            let target = match (*folded, std::mem::take(&mut *focus_box.borrow_mut())) {
                (false, true) => "paste-input",
                (true, _) if lost => "unfold-input",
                _ => return,
            };
            if let Some(e) = document
                .get_element_by_id(target)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = e.focus();
            }
        });
    }
    let on_unfold = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            *focus_box.borrow_mut() = true;
            dispatch.dispatch(Action::Unfold);
        })
    };
    let on_example = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let dispatch = dispatch.clone();
            crate::example::load(move |text| {
                dispatch.dispatch(match text {
                    Some(text) => Action::LoadExample(text),
                    None => Action::FileRejected {
                        name: crate::example::NAME.to_owned(),
                        why: Rejection::Unreadable,
                    },
                })
            })
        })
    };
    let on_clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Clear))
    };
    let on_add = {
        let dispatch = dispatch.clone();
        let text = props.text.clone();
        let name = props.doc_name.clone();
        let lang = props.lang;
        Callback::from(move |_: MouseEvent| {
            let (stamp, added) = (crate::storage::id_stamp(), crate::storage::now().1);
            let add = Action::WorkspaceAdd {
                docs: vec![(name.to_string(), text.to_string(), Vec::new())],
                added,
                stamp,
            };
            crate::later::act(lang, crate::later::dispatch(dispatch.clone(), add));
        })
    };
    let on_pick = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                load_file(file, dispatch.clone());
            }
            // Picking the same file again must load it again.
            input.set_value("");
        })
    };
    let notice = props.notice.as_ref().map(|n| {
        let (kind, text) = match n {
            Notice::Loaded { name, encoding, pages, notes } => {
                ("loaded", props.lang.file_loaded(name, encoding, *pages, notes))
            }
            Notice::Rejected { name, why } => ("rejected", props.lang.file_rejected(name, why)),
            Notice::Reading { name } => ("reading", props.lang.reading_pdf(name)),
        };
        let dismiss = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::DismissNotice))
        };
        html! {
            <div class={classes!("notice", format!("notice-{kind}"))} data-testid="notice" data-kind={kind}
                role={if kind == "rejected" { "alert" } else { "status" }}>
                <span class="notice-icon" aria-hidden="true">
                    { match kind { "rejected" => "✖", "reading" => "…", _ => "✓" } }
                </span>
                <span class="notice-text">{ text }</span>
                <button type="button" class="link" onclick={dismiss}>{ s.dismiss }</button>
            </div>
        }
    });

    // A large text stands in a note (a div), which a <label for> cannot name: the note names
    // itself by the label instead.
    let large = props.text.len() >= SHOWN_LIMIT;
    let folded = props.folded && !empty;
    html! {
        <section class={classes!("input-panel", props.dragging.then_some("dragging"), empty.then_some("start"))}>
            <div class="input-head">
                <label id="paste-label" for={(!large).then_some("paste-input")} class="input-label">{ s.input_label }</label>
                <div class="input-actions">
                    <button type="button" data-testid="load-example" onclick={on_example}
                        title={s.example_desc}>
                        { s.load_example }
                    </button>
                    <input
                        type="file"
                        id="file-input"
                        class="visually-hidden"
                        data-testid="file-input"
                        accept=".txt,text/plain,.pdf,application/pdf"
                        onchange={on_pick}
                    />
                    <label for="file-input" class="button secondary file-button">{ s.open_file }</label>
                    if !empty {
                        <button type="button" class="secondary" data-testid="workspace-add-current"
                            onclick={on_add} title={s.ws_add_current_desc}>
                            { s.ws_add_current }
                        </button>
                        <button type="button" class="secondary" data-testid="clear" onclick={on_clear}>
                            { s.clear }
                        </button>
                    }
                </div>
            </div>
            if large {
                <div id="paste-input" class="large-text" data-testid="large-text" tabindex="0"
                    role="note" aria-labelledby="paste-label" onpaste={on_paste_large}>
                    <span class="large-text-icon" aria-hidden="true">{ "▤" }</span>
                    <p>{ props.lang.large_text(props.text.len()) }</p>
                </div>
            } else {
                if folded {
                    // A paste here (the focus is on its button) replaces the text, as on the
                    // large text's stand-in.
                    <div class="folded" data-testid="input-folded" role="group" aria-labelledby="paste-label"
                        onpaste={on_paste_large.clone()}>
                        <span class="folded-icon" aria-hidden="true">{ "▤" }</span>
                        <p>{ props.lang.folded_text(props.text.lines().count(), props.text.chars().count()) }</p>
                        <button type="button" id="unfold-input" class="secondary" data-testid="unfold-input"
                            aria-expanded="false" aria-controls="paste-input" onclick={on_unfold}>
                            { s.unfold }
                        </button>
                    </div>
                }
                // Folded, the box keeps the text but is not drawn (no layout of its text).
                <textarea
                    id="paste-input"
                    data-testid="paste-input"
                    hidden={folded}
                    spellcheck="false"
                    autocomplete="off"
                    placeholder={s.input_placeholder}
                    value={props.text.clone()}
                    oninput={on_input}
                    onpaste={on_paste}
                />
            }
            <p class="drop-hint" aria-live="polite">
                { if props.dragging { s.drop_now } else { s.drop_hint } }
            </p>
            { for notice }
            if empty {
                <div class="start" data-testid="start">
                    <p class="start-empty">{ s.empty_text }</p>
                    <p>{ s.start_intro }</p>
                    <ol>{ for s.start_steps.iter().map(|step| html! { <li>{ *step }</li> }) }</ol>
                    <p class="example-desc">
                        <span aria-hidden="true">{ "→ " }</span>
                        { props.lang.example_line() }
                    </p>
                </div>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_goes_where_the_selection_is() {
        assert_eq!(splice("", 0, 0, "新"), "新");
        assert_eq!(splice("预算表", 2, 2, "1"), "预算1表");
        assert_eq!(splice("预算表", 0, 3, "x"), "x");
        assert_eq!(splice("ab", 1, 2, "XY"), "aXY");
        // 𝔸 is two UTF-16 units: offsets count units, not bytes or chars.
        assert_eq!(splice("𝔸b", 2, 2, "-"), "𝔸-b");
        // An offset inside a surrogate pair or past the end: the paste replaces everything.
        assert_eq!(splice("𝔸b", 1, 1, "-"), "-");
        assert_eq!(splice("ab", 1, 9, "-"), "-");
        assert_eq!(splice("ab", 2, 1, "-"), "-");
    }
}
