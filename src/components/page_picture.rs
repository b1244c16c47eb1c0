//! A PDF's page as the reader draws it, above the source view's lines, with the cited numbers
//! marked where they stand: drawn by the later module ([`crate::later::Parts::picture`]), so
//! none of it is in the first load; a text pasted has no page.

use std::rc::Rc;

use disclosure::LineNo;
use yew::prelude::*;

use super::Shared;
use crate::highlight::page_marks;
use crate::i18n::Lang;
use crate::pdf::Picture;
use crate::prepared::SourceText;

/// What the page picture needs: the text, the PDF and page, and what is cited on it.
#[derive(Properties, PartialEq)]
pub struct PictureProps {
    pub source: Shared<SourceText>,
    /// The PDF reader's handle on the PDF, and the page (1-based).
    pub doc: u32,
    pub page: usize,
    /// The page's first line and the line after its last.
    pub lines: (LineNo, LineNo),
    pub cited: Rc<Vec<LineNo>>,
    pub marks: Rc<Vec<String>>,
    pub lang: Lang,
}

/// What the picture of a page is: being drawn, drawn, or not to be had.
#[derive(Clone, PartialEq)]
enum Drawn {
    Waiting,
    Done(Rc<Picture>),
    Failed,
}

/// A PDF's page as the reader draws it (a picture of its paths and glyph outlines, in an
/// `<img>`), with the cited numbers marked on it (an SVG over it) and scrolled into view.
#[component]
pub fn PagePicture(props: &PictureProps) -> Html {
    let drawn = use_state(|| (0u32, 0usize, Drawn::Waiting));
    let frame = use_node_ref();
    {
        let drawn = drawn.clone();
        use_effect_with((props.doc, props.page), move |&(doc, page)| {
            drawn.set((doc, page, Drawn::Waiting));
            wasm_bindgen_futures::spawn_local(async move {
                let got = crate::pdf::picture(doc, page).await;
                drawn.set((
                    doc,
                    page,
                    got.map_or(Drawn::Failed, |p| Drawn::Done(Rc::new(p))),
                ));
            });
        });
    }
    let current = (drawn.0, drawn.1) == (props.doc, props.page);
    let picture = match &drawn.2 {
        Drawn::Done(pic) if current => Some(pic.clone()),
        _ => None,
    };
    let failed = current && drawn.2 == Drawn::Failed;
    let (first, end) = props.lines;
    let cited: Vec<(usize, &str)> = props
        .cited
        .iter()
        .filter(|&&n| first <= n && n < end)
        .map(|&n| ((n - first) as usize, props.source.line(n).unwrap_or("")))
        .collect();
    let marks = picture
        .as_ref()
        .map(|p| page_marks(&p.boxes, &cited, &props.marks))
        .unwrap_or_default();
    // Scroll the frame to the first mark, a third of the way down.
    {
        let frame = frame.clone();
        let top = marks
            .first()
            .zip(picture.as_ref())
            .map(|(m, p)| m.rect[1] / p.height);
        use_effect_with((top.map(f64::to_bits), props.doc, props.page), move |_| {
            if let (Some(top), Some(el)) = (top, frame.cast::<web_sys::Element>()) {
                let scrolled =
                    f64::from(el.scroll_height()) * top - f64::from(el.client_height()) / 3.0;
                el.set_scroll_top(scrolled.max(0.0) as i32);
            }
        });
    }
    let label = props.lang.pdf_page(props.page);
    // A page that cannot be drawn (the PDF no longer kept, the page refused) is left out: the
    // lines below are the evidence.
    if failed {
        return Html::default();
    }
    let Some(pic) = picture else {
        return html! {
            <p class="src-picture-wait" role="status">{ props.lang.s().pdf_page_drawing }</p>
        };
    };
    let view_box = format!("0 0 {} {}", pic.width, pic.height);
    html! {
        <div class="src-picture" ref={frame} data-testid="page-picture" data-page={props.page.to_string()}>
            <div class="src-picture-page">
            <img src={pic.url.clone()} alt={label} width={format!("{:.0}", pic.width)}
                height={format!("{:.0}", pic.height)} />
            <svg class="src-picture-marks" viewBox={view_box} preserveAspectRatio="none" aria-hidden="true">
                { for marks.iter().map(|m| {
                    let [x0, y0, x1, y1] = m.rect;
                    let class = if m.number { "pm-number" } else { "pm-line" };
                    html! {
                        <rect {class} x={format!("{:.2}", x0 - 1.0)} y={format!("{:.2}", y0 - 1.0)}
                            width={format!("{:.2}", x1 - x0 + 2.0)} height={format!("{:.2}", y1 - y0 + 2.0)} />
                    }
                }) }
            </svg>
            </div>
        </div>
    }
}
