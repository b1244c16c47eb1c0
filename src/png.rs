//! A chart saved as a PNG, for a story: the chart's own SVG (the one the page shows), with a
//! heading that says whose figures they are and where in the document they come from, and the
//! tool's name at the foot. The picture is put together as SVG elements (never as text), drawn
//! onto a canvas through an `<img>` of its `data:` URL (the CSP's `img-src data:`), and the
//! canvas's PNG is offered as a download like the page's other files (a `blob:` URL).
//!
//! What the heading says is worked out here, from the core's figures, as plain functions the
//! native tests check ([`Caption`]); the components only pass them on.

use disclosure::analyze::compare::{Column, Comparison, Row};
use disclosure::analyze::shares::ShareSet;
use disclosure::analyze::{Analysis, Share};
use disclosure::LineNo;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::format;
use crate::i18n::Lang;

/// The tool's name, in both languages, at the foot of every image.
pub const TOOL: &str = "预算透视 Budget Lens";

/// What an image says besides its chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caption {
    /// The chart's title.
    pub title: String,
    /// Whose figures, of which year, from which table and lines (one entry a line; long ones
    /// are wrapped when drawn).
    pub lines: Vec<String>,
    /// The file name, with the department and the year.
    pub file: String,
}

/// The lines sorted and given once, as the page prints them ("329–336, 400").
fn lines_text(lines: impl IntoIterator<Item = LineNo>) -> String {
    let mut all: Vec<LineNo> = lines.into_iter().collect();
    all.sort_unstable();
    all.dedup();
    format::line_ranges(&all)
}

/// Every line a share cites, with its children's (a drilled-down bar is read from them).
fn share_lines(items: &[Share], out: &mut Vec<LineNo>) {
    for s in items {
        out.extend_from_slice(&s.lines);
    }
}

/// A file name of the parts given, without the characters file systems refuse.
fn file_name(parts: &[&str]) -> String {
    let mut name = String::new();
    for p in parts.iter().filter(|p| !p.is_empty()) {
        if !name.is_empty() {
            name.push('-');
        }
        name.extend(p.chars().map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_whitespace() || c.is_control() => '_',
            c => c,
        }));
    }
    let mut short: String = name.chars().take(120).collect();
    short.push_str(".png");
    short
}

/// Whether a share set's chart has anything to draw: at least one percentage.
pub fn has_figures(items: &[Share]) -> bool {
    items.iter().any(|s| s.percent.is_some())
}

/// The caption of a share set's chart: the document's department, year and kind, what the
/// percentages are of, and the table and lines of the bars shown.
pub fn for_shares(
    analysis: &Analysis,
    set: &ShareSet,
    items: &[Share],
    (title, slug): (&str, &str),
    denominator: String,
    lang: Lang,
) -> Caption {
    let meta = &analysis.document.meta;
    let department = meta.department.as_ref().map(|d| d.value.as_str());
    let year = meta.year.as_ref().map(|y| y.value.to_string());
    let mut cited = Vec::new();
    share_lines(items, &mut cited);
    let who = lang.png_document(
        department.unwrap_or("—"),
        year.as_deref().unwrap_or("—"),
        meta.kind,
    );
    Caption {
        title: title.to_owned(),
        lines: vec![
            who,
            lang.png_source(&lang.table_n(set.table), &lines_text(cited)),
            denominator,
        ],
        file: file_name(&[
            "budget-lens",
            department.unwrap_or_default(),
            year.as_deref().unwrap_or_default(),
            slug,
        ]),
    }
}

/// A column's department and year for a file name ("库尔勒市朝阳街道办事处-2024").
fn column_name(col: &Column) -> String {
    let year = col.year.map(|y| y.to_string()).unwrap_or_default();
    match &col.department {
        Some(d) => format!("{d}-{year}"),
        None => year,
    }
}

/// The caption of a compare chart: each document shown (department, year and kind, as the
/// table heads it) with the lines its bars come from, and how each group's figures are derived
/// (which names the tables).
pub fn for_compare(
    c: &Comparison,
    rows: &[&Row],
    cols: &[usize],
    heads: &[String],
    (title, slug): (&str, &str),
    lang: Lang,
) -> Caption {
    let mut lines = Vec::new();
    for &i in cols {
        let cited = rows.iter().flat_map(|r| r.lines[i].iter().copied());
        lines.push(lang.png_column(&heads[i], &lines_text(cited)));
    }
    for r in rows {
        lines.push(format!(
            "{}: {}",
            lang.pick(&r.label_zh, &r.label_en),
            lang.pick(&r.derivation_zh, &r.derivation_en)
        ));
    }
    let names: Vec<String> = cols
        .iter()
        .take(3)
        .map(|&i| column_name(&c.columns[i]))
        .collect();
    let mut parts = vec!["budget-lens"];
    parts.extend(names.iter().map(String::as_str));
    parts.push(slug);
    Caption {
        title: title.to_owned(),
        lines,
        file: file_name(&parts),
    }
}

/// The image's width in CSS pixels (drawn at twice that for sharp text).
const WIDTH: u32 = 880;
const PAD: u32 = 28;
const TITLE: u32 = 30;
const LINE: u32 = 20;
const FOOT: u32 = 40;
/// How many 13 px characters of Chinese fit on a line (a Latin letter counts as half).
const LINE_UNITS: usize = 62;

/// Splits a caption line so that each part fits the image's width: a Chinese character is
/// one unit wide, any other character half of one; breaks fall after a space or punctuation
/// where one is near.
pub fn wrap(line: &str, units: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut width = 0;
    let mut last_break: Option<usize> = None;
    for ch in line.chars() {
        let w = if ch.is_ascii() { 1 } else { 2 };
        if width + w > units * 2 && !current.is_empty() {
            match last_break.filter(|&b| b > current.len() / 2) {
                Some(b) => {
                    let rest = current.split_off(b);
                    out.push(current.trim_end().to_owned());
                    current = rest.trim_start().to_owned();
                }
                None => out.push(std::mem::take(&mut current)),
            }
            width = current
                .chars()
                .map(|c| if c.is_ascii() { 1 } else { 2 })
                .sum();
            last_break = None;
        }
        current.push(ch);
        width += w;
        if matches!(ch, ' ' | '，' | '；' | '、' | ',' | ';' | '：' | '）') {
            last_break = Some(current.len());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The colours and fonts of the page's charts, for the image (an image has no stylesheet).
const STYLE: &str = "text{font-family:system-ui,\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;font-size:13px;fill:#1d2330}\
.png-title{font-size:20px;font-weight:700}.png-meta{fill:#4f5868}.png-tool{font-size:14px;font-weight:700;fill:#b3261e}\
.bar-value,.group-label{font-weight:700}.bar-track{fill:#eef0f3}.bar-fill{fill:#c2473f}\
.series-1{fill:#1f5f8b}.series-2{fill:#1e6b34}.series-3{fill:#8a5300}.series-4{fill:#6a3d9a}.series-5{fill:#4f5868}";

const SVG: &str = "http://www.w3.org/2000/svg";

fn element(
    doc: &web_sys::Document,
    name: &str,
    attrs: &[(&str, &str)],
) -> Result<web_sys::Element, JsValue> {
    let e = doc.create_element_ns(Some(SVG), name)?;
    for (k, v) in attrs {
        e.set_attribute(k, v)?;
    }
    Ok(e)
}

fn text(
    doc: &web_sys::Document,
    parent: &web_sys::Element,
    y: u32,
    class: &str,
    content: &str,
) -> Result<(), JsValue> {
    let t = element(
        doc,
        "text",
        &[
            ("x", &PAD.to_string()),
            ("y", &y.to_string()),
            ("class", class),
        ],
    )?;
    t.set_text_content(Some(content));
    parent.append_child(&t)?;
    Ok(())
}

/// The image as an SVG element: a white page, the title, the caption, the chart (a copy of
/// the one on the page) and the tool's name.
fn picture(
    doc: &web_sys::Document,
    chart: &web_sys::Element,
    caption: &Caption,
) -> Result<(web_sys::Element, u32), JsValue> {
    let chart_height: u32 = chart
        .get_attribute("height")
        .and_then(|h| h.parse().ok())
        .unwrap_or(0);
    let lines: Vec<String> = caption
        .lines
        .iter()
        .flat_map(|l| wrap(l, LINE_UNITS))
        .collect();
    let top = PAD + TITLE + LINE * lines.len() as u32 + 12;
    let height = top + chart_height + FOOT + PAD / 2;
    let (w, h) = (WIDTH.to_string(), height.to_string());
    let svg = element(
        doc,
        "svg",
        &[
            ("width", &w),
            ("height", &h),
            ("viewBox", &format!("0 0 {w} {h}")),
        ],
    )?;
    let style = element(doc, "style", &[])?;
    style.set_text_content(Some(STYLE));
    svg.append_child(&style)?;
    let page = element(
        doc,
        "rect",
        &[("width", "100%"), ("height", "100%"), ("fill", "#ffffff")],
    )?;
    svg.append_child(&page)?;
    text(doc, &svg, PAD + 18, "png-title", &caption.title)?;
    for (i, l) in lines.iter().enumerate() {
        text(
            doc,
            &svg,
            PAD + TITLE + LINE * (i as u32 + 1) - 4,
            "png-meta",
            l,
        )?;
    }
    let copy: web_sys::Element = chart.clone_node_with_deep(true)?.dyn_into()?;
    for (k, v) in [
        ("x", PAD.to_string()),
        ("y", top.to_string()),
        ("width", (WIDTH - 2 * PAD).to_string()),
    ] {
        copy.set_attribute(k, &v)?;
    }
    svg.append_child(&copy)?;
    let foot = top + chart_height + FOOT - 12;
    let rule_y = (foot - 22).to_string();
    let rule = element(
        doc,
        "line",
        &[
            ("x1", &PAD.to_string()),
            ("x2", &(WIDTH - PAD).to_string()),
            ("y1", &rule_y),
            ("y2", &rule_y),
            ("stroke", "#d9dbe0"),
        ],
    )?;
    svg.append_child(&rule)?;
    text(doc, &svg, foot, "png-tool", TOOL)?;
    Ok((svg, height))
}

/// Saves the chart drawn inside `from`'s card (the nearest `.png-source`) as a PNG named by
/// the caption. Nothing happens when the page has no such chart.
pub fn save(from: &web_sys::Element, caption: &Caption) -> Result<(), JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let chart = from
        .closest(".png-source")?
        .and_then(|card| card.query_selector("svg.bars").ok().flatten())
        .ok_or(JsValue::NULL)?;
    let (svg, height) = picture(&doc, &chart, caption)?;
    let markup = web_sys::XmlSerializer::new()?.serialize_to_string(&svg)?;
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(&markup)
    );
    let img = web_sys::HtmlImageElement::new()?;
    let loaded = img.clone();
    let name = caption.file.clone();
    let onload = Closure::once_into_js(move || {
        let _ = draw(&loaded, height, &name);
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
    Ok(())
}

/// Draws the loaded image at twice its size on a canvas and downloads the canvas as a PNG.
fn draw(img: &web_sys::HtmlImageElement, height: u32, name: &str) -> Result<(), JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
    canvas.set_width(WIDTH * 2);
    canvas.set_height(height * 2);
    let ctx: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or(JsValue::NULL)?.dyn_into()?;
    ctx.scale(2.0, 2.0)?;
    ctx.draw_image_with_html_image_element(img, 0.0, 0.0)?;
    let name = name.to_owned();
    let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        if let Some(blob) = blob {
            let _ = crate::storage::download_blob(&name, &blob);
        }
    });
    canvas.to_blob(done.unchecked_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_within_the_width() {
        let line = "库尔勒市朝阳街道办事处 2024 部门预算：表3 第 120–160, 171, 173–190 行，占比的分母：支出总计（表3）";
        let parts = wrap(line, 20);
        assert!(parts.len() > 1, "{parts:?}");
        assert_eq!(parts.concat().replace(' ', ""), line.replace(' ', ""));
        for p in &parts {
            let w: usize = p.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            assert!(w <= 40, "{p} is {w} half-units");
        }
        assert_eq!(wrap("short", 20), ["short"]);
    }

    /// The sample's 功能分类 chart: its department, year and kind, 表3 and the lines of the
    /// 类 rows it shows (201 一般公共服务支出 1,664.74 is line 466 of the sample, in 表3),
    /// and what the percentages are of.
    #[test]
    fn a_share_chart_names_its_document_table_and_lines() {
        let a = disclosure::analyze(crate::example::EXAMPLE);
        let set = a.shares.functional.as_ref().unwrap();
        let c = for_shares(
            &a,
            set,
            &set.items,
            ("功能分类", "functional"),
            "分母".into(),
            Lang::Zh,
        );
        assert_eq!(
            c.lines[0],
            "编制部门：库尔勒市朝阳街道办事处　年度：2024　部门预算"
        );
        assert!(
            c.lines[1].starts_with("来源：表3，第 466"),
            "{}",
            c.lines[1]
        );
        assert_eq!(c.lines[2], "分母");
        assert_eq!(
            c.file,
            "budget-lens-库尔勒市朝阳街道办事处-2024-functional.png"
        );
        let en = for_shares(
            &a,
            set,
            &set.items,
            ("Functional", "functional"),
            String::new(),
            Lang::En,
        );
        assert!(en.lines[0].starts_with("Department: 库尔勒市朝阳街道办事处 · year 2024"));
        assert!(
            en.lines[1].starts_with("Source: Table 3, lines 466"),
            "{}",
            en.lines[1]
        );
    }

    /// A compare chart names each document as its column is headed, with its lines, and how
    /// each figure is derived.
    #[test]
    fn a_compare_chart_names_every_document() {
        let a = disclosure::analyze(crate::example::EXAMPLE);
        let b = disclosure::analyze(include_str!("../fixtures/synthetic-sample-renamed.txt"));
        let c = disclosure::analyze::compare::compare(&[("a".into(), &a), ("b".into(), &b)]);
        let heads =
            disclosure::analyze::compare::headings(&c, disclosure::analyze::compare::Lang::Zh);
        let rows: Vec<&Row> = c
            .rows
            .iter()
            .filter(|r| r.metric == "share_func_201")
            .collect();
        let cap = for_compare(
            &c,
            &rows,
            &[0, 1],
            &heads,
            ("功能分类", "functions"),
            Lang::Zh,
        );
        assert!(
            cap.lines[0].starts_with(&format!("{}：第 ", heads[0])),
            "{:?}",
            cap.lines
        );
        assert!(cap.lines[0].contains("466"), "{:?}", cap.lines);
        assert!(cap.lines[1].starts_with(&format!("{}：第 ", heads[1])));
        assert!(cap.lines[2].contains("表3"), "{:?}", cap.lines);
        assert_eq!(
            cap.file,
            "budget-lens-库尔勒市朝阳街道办事处-2024-库尔勒市示例街道办事处-2024-functions.png"
        );
    }

    #[test]
    fn file_names_keep_department_and_year_and_drop_what_a_file_system_refuses() {
        assert_eq!(
            file_name(&["budget-lens", "某局/某处", "2024", "a: b"]),
            "budget-lens-某局_某处-2024-a__b.png"
        );
        assert_eq!(
            file_name(&["budget-lens", "", "2024"]),
            "budget-lens-2024.png"
        );
    }
}
