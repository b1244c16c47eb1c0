//! The static shell of index.html: the masthead, a text box and a note, painted as soon as the
//! page and its stylesheet arrive, long before the wasm on a slow network. A text pasted or
//! typed into it before the app starts is not lost: the app reads it here as it starts (before
//! yew replaces the shell), analyses it at once, and puts the focus and the selection back in
//! its own text box.

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

/// The id of the shell's text box in index.html.
pub const INPUT_ID: &str = "shell-input";

/// What the shell's text box held when the app started.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shell {
    /// Its text.
    pub text: String,
    /// The selection (UTF-16 offsets, as the browser gives them).
    pub selection: (u32, u32),
    /// Whether it had the keyboard focus.
    pub focused: bool,
}

/// Reads the shell's text box (an empty [`Shell`] when the page has none).
pub fn take() -> Shell {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Shell::default();
    };
    let Some(area) = document
        .get_element_by_id(INPUT_ID)
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
    else {
        return Shell::default();
    };
    let focused = document
        .active_element()
        .is_some_and(|e| e.id() == INPUT_ID);
    let offset = |o: Result<Option<u32>, _>| o.ok().flatten().unwrap_or(0);
    Shell {
        text: area.value(),
        selection: (offset(area.selection_start()), offset(area.selection_end())),
        focused,
    }
}

/// Gives the app's text box (`#paste-input`) the focus and selection the shell's had; when the
/// app folded the box (a whole document), the focus goes to the button that opens it.
pub fn restore_focus(shell: &Shell) {
    if !shell.focused {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let area = document
        .get_element_by_id("paste-input")
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok());
    match area {
        Some(area) if area.hidden() => {
            if let Some(button) = document
                .get_element_by_id("unfold-input")
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = button.focus();
            }
        }
        Some(area) => {
            let _ = area.focus();
            let _ = area.set_selection_range(shell.selection.0, shell.selection.1);
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    /// The shell shows the app's own words, so nothing changes when the app replaces it.
    #[test]
    fn the_shell_in_index_html_says_what_the_app_says() {
        let html = include_str!("../index.html");
        let s = Lang::Zh.s();
        for text in [
            s.app_title,
            s.tagline,
            s.input_label,
            s.input_placeholder,
            Lang::En.s().app_title,
            // The stand-ins for the app's controls.
            s.lang_toggle,
            s.page_analyzer,
            s.page_workspace,
            s.page_compare,
            s.page_time,
            s.load_example,
            s.open_file,
        ] {
            assert!(html.contains(text), "index.html's shell lacks {text:?}");
        }
        assert!(html.contains(&format!("id=\"{}\"", super::INPUT_ID)));
        assert!(
            !html.contains("data-testid="),
            "the shell carries none of the app's test ids (the tests wait for the app by them)"
        );
    }
}
