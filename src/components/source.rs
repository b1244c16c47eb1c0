//! The source view: the original text, one element per line (`data-line="N"`, numbered as the
//! core numbers them), scrolled to the first cited line, with the cited lines marked
//! (`data-highlighted="true"`) and the cited numbers highlighted within them. The text is
//! rendered as text, never as markup. For a PDF's text, a heading marks where each page begins
//! (`data-page="N"`), from the PDF reader's page starts ([`page_at`]); for a PDF read in this
//! session, the page of the first cited line is drawn above the lines (the later module's
//! [`super::page_picture::PagePicture`]), the cited numbers marked where they stand on it.

use std::rc::Rc;

use disclosure::LineNo;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::page_picture::PictureProps;
use super::{use_dispatch, Shared};
use crate::highlight::{needles, pieces};
use crate::i18n::Lang;
use crate::pdf::page_of;
use crate::prepared::{Prepared, SourceText};
use crate::state::{Action, Selection};

/// The page (1-based) of a PDF that begins at `line`, given where each page begins (`starts`,
/// the number of each page's first line), if one does: of pages without text that begin at the
/// same line, the last (the one whose text is there).
pub fn page_at(starts: &[u32], line: LineNo) -> Option<usize> {
    starts
        .iter()
        .rposition(|&first| first == line)
        .map(|i| i + 1)
}

#[derive(Properties, PartialEq)]
pub struct SourceProps {
    pub result: Prepared,
    pub lang: Lang,
    pub selection: Option<Selection>,
    /// When the text is a PDF's, the number of each page's first line; else empty.
    #[prop_or_default]
    pub pages: Rc<Vec<u32>>,
    /// When the text is a PDF's read in this session, the PDF reader's handle on it.
    #[prop_or_default]
    pub pdf_doc: Option<u32>,
}

/// Scrolls the line list so that `line` sits a third of the way down, and brings the view
/// itself on screen when it is not (on a narrow screen it is below the findings).
fn scroll_to(list: &web_sys::Element, line: LineNo) {
    let Ok(Some(target)) = list.query_selector(&format!(r#"[data-line="{line}"]"#)) else {
        return;
    };
    let (Ok(target), Ok(list)) = (
        target.dyn_into::<web_sys::HtmlElement>(),
        list.clone().dyn_into::<web_sys::HtmlElement>(),
    ) else {
        return;
    };
    list.set_scroll_top(target.offset_top() - list.client_height() / 3);
    if let Some(window) = web_sys::window() {
        let height = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let rect = list.get_bounding_client_rect();
        if rect.top() > height - 80.0 || rect.bottom() < 80.0 {
            list.scroll_into_view_with_bool(false);
        }
    }
}

#[derive(Properties, PartialEq)]
struct LinesProps {
    source: Shared<SourceText>,
    /// The first and last line shown.
    window: (LineNo, LineNo),
    /// The cited lines, ascending.
    cited: Rc<Vec<LineNo>>,
    /// The printed forms of the cited numbers.
    marks: Rc<Vec<String>>,
    /// Where a PDF's pages begin.
    pages: Rc<Vec<u32>>,
    lang: Lang,
}

/// The lines of the window, the cited ones marked.
#[component]
fn Lines(props: &LinesProps) -> Html {
    let (from, to) = props.window;
    let page = |n: LineNo| {
        page_at(&props.pages, n).map(|p| {
            html! {
                <li key={format!("p{n}")} class="src-page" data-page={p.to_string()}>
                    { props.lang.pdf_page(p) }
                </li>
            }
        })
    };
    let line = |n: LineNo| {
        let text = props.source.line(n).unwrap_or("");
        if props.cited.binary_search(&n).is_err() {
            return html! {
                <li key={n} data-line={n.to_string()} class="src-line">
                    <span class="ln" aria-hidden="true">{ n }</span><span class="lt">{ text }</span>
                </li>
            };
        }
        html! {
            <li key={n} data-line={n.to_string()} data-highlighted="true" class="src-line cited">
                <span class="ln" aria-hidden="true">{ n }</span>
                <span class="lt">
                    { for pieces(text, &props.marks).into_iter().map(|p| if p.hit {
                        html! { <mark>{ p.text }</mark> }
                    } else {
                        html! { { p.text } }
                    }) }
                </span>
            </li>
        }
    };
    html! { <>{ for (from..=to).flat_map(|n| page(n).into_iter().chain([line(n)])) }</> }
}

/// `source-view`, shown once something is selected.
#[component]
pub fn SourceView(props: &SourceProps) -> Html {
    let dispatch = use_dispatch();
    let list = use_node_ref();
    let lang = props.lang;
    let s = lang.s();

    // Scroll to the first cited line whenever the selection changes.
    {
        let list = list.clone();
        let first = props
            .selection
            .as_ref()
            .and_then(|sel| sel.lines.first().copied());
        use_effect_with(props.selection.clone(), move |_| {
            if let (Some(line), Some(el)) = (first, list.cast::<web_sys::Element>()) {
                scroll_to(&el, line);
            }
        });
    }
    // The cited lines and the printed forms of the cited numbers, once per selection.
    let cited = use_memo(props.selection.clone(), |sel| {
        sel.as_ref().map(|s| s.lines.clone()).unwrap_or_default()
    });
    let marks = use_memo(props.selection.clone(), |sel| {
        sel.as_ref().map(|s| needles(&s.values)).unwrap_or_default()
    });
    // A PDF's page picture is drawn by the later module (in by the time a PDF is read).
    let later = crate::later::use_later(props.pdf_doc.is_some() && props.selection.is_some());

    let Some(sel) = &props.selection else {
        return html! {
            <aside class="source-placeholder card">
                <p>{ s.source_hint }</p>
            </aside>
        };
    };
    let source = &props.result.source;
    let total = source.count();
    // Page starts of another text than the one analysed (it is being replaced) are not shown.
    let pages = if props.pages.last().is_some_and(|&l| l > total) {
        Rc::default()
    } else {
        props.pages.clone()
    };
    let window = (sel.window.0.max(1), sel.window.1.min(total));
    let (from, to) = window;
    let finding = sel
        .finding
        .and_then(|i| props.result.analysis.findings.get(i));

    // For a PDF read in this session, the page of the first cited line (or of the window's
    // first line), with the lines it holds.
    let picture_page = props.pdf_doc.filter(|_| !pages.is_empty()).and_then(|doc| {
        let line = sel.lines.first().copied().unwrap_or(from);
        let page = page_of(&pages, line)?;
        let end = pages.get(page).copied().unwrap_or(total + 1);
        Some((doc, page, (pages[page - 1], end)))
    });
    let close = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Select(None)))
    };
    let widen = |earlier: bool| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::WidenSource { earlier }))
    };

    html! {
        <aside class="source-view card" data-testid="source-view" aria-labelledby="source-heading">
            <header class="source-head">
                <h3 id="source-heading">
                    { s.source_heading }
                    if let Some(f) = finding {
                        { " · " }<code>{ &f.rule }</code>
                    }
                </h3>
                <span class="source-window">{ lang.source_window(from, to, total) }</span>
                <button type="button" class="link" data-testid="close-source" onclick={close}>
                    { s.source_close }
                </button>
            </header>
            if let Some(p) = picture_page {
                if let crate::later::Later::Ready(parts) = later {
                    { (parts.picture)(PictureProps { source: Shared(source.clone()), doc: p.0,
                        page: p.1, lines: p.2, cited: cited.clone(), marks: marks.clone(), lang }) }
                }
            }
            if from > 1 {
                <button type="button" class="link more" onclick={widen(true)}>{ s.earlier }</button>
            }
            <ol class="source-lines" ref={list} tabindex="0" aria-label={s.source_heading}>
                <Lines source={Shared(source.clone())} {window} {cited} {marks} {pages} {lang} />
            </ol>
            if to < total {
                <button type="button" class="link more" onclick={widen(false)}>{ s.later }</button>
            }
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::page_at;

    /// wanli-2023's PDF: page 1 holds lines 1–2, page 2 begins at line 3 (README "The PDF in the
    /// page"); a page without text begins where the next one does, which then is the one marked.
    #[test]
    fn a_page_is_marked_at_its_first_line() {
        let starts = [1, 3, 3, 7];
        assert_eq!(page_at(&starts, 1), Some(1));
        assert_eq!(page_at(&starts, 2), None);
        assert_eq!(page_at(&starts, 3), Some(3));
        assert_eq!(page_at(&starts, 7), Some(4));
        assert_eq!(page_at(&[], 1), None);
    }
}
