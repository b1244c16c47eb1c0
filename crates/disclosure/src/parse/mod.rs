//! Parsing: pasted text → [`Document`] + [`Diagnostic`]s. Never panics, never fails.

mod cells;
mod confirm;
pub mod coverage;
mod furniture;
mod glossary;
pub mod joined;
mod meta;
mod names;
mod narrative;
pub mod numbers;
mod overview;
mod panels;
pub mod performance;
pub mod schema;
pub mod segment;
pub mod solve;
mod tables;
pub mod topics;
pub mod units;

use crate::model::*;
use crate::text::{self, Line, LineNo};
use crate::Parsed;
use segment::compact;
pub use tables::{other_unit_in, BODY_BEFORE_UNIT};

/// The largest input accepted, in bytes. Larger inputs get a [`DiagCode::TooLarge`] note
/// and an empty document: a disclosure is well under 1 MB.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// Parses the text of one disclosure.
pub fn parse(input: &str) -> Parsed {
    let mut diagnostics = Vec::new();
    if input.len() > MAX_INPUT_BYTES {
        // Tenths of a megabyte (MB here and in the limit means 2^20 bytes), rounded up so that a
        // text just over the limit does not read as at it; without floating point (its
        // formatting costs the page 4 kB).
        let tenths = (input.len() as u64 * 10).div_ceil(1_048_576);
        let size = format!("{}.{}", tenths / 10, tenths % 10);
        diagnostics.push(Diagnostic {
            code: DiagCode::TooLarge,
            lines: Vec::new(),
            message_zh: format!(
                "文本过大（{size} MB），超过 {} MB 的上限，未分析。一份部门预算通常不足 1 MB。",
                MAX_INPUT_BYTES / 1_048_576
            ),
            message_en: format!(
                "The text is too large ({size} MB; the limit is {} MB) and was not analysed. A department budget is usually under 1 MB.",
                MAX_INPUT_BYTES / 1_048_576
            ),
        });
        return Parsed {
            document: Document::default(),
            diagnostics,
        };
    }
    let (mut lines, line_count) = text::lines_counted(input);
    // Page numbers and running headers out first: nothing below should read them.
    let furniture = furniture::strip(&mut lines);
    if !furniture.is_empty() {
        diagnostics.push(furniture_note(&furniture));
    }
    let mut doc = Document {
        line_count: u32::try_from(line_count).unwrap_or(u32::MAX),
        ..Document::default()
    };
    doc.last_line = lines.iter().map(|l| l.no).max().unwrap_or(0);
    // A table's title broken onto two lines is one title; so is a unit label and its unit.
    segment::rejoin_split_titles(&mut lines);
    segment::rejoin_split_units(&mut lines);
    let seg = segment::segment(&lines);
    // Outside the tables, numbers a copy moved to the next line go back where they were
    // printed, and a line printed above the one it continues goes after it.
    let mut restored = narrative::restore_displaced_numbers(&lines, &seg);
    restored.apply(&mut lines);
    narrative::reorder_lines_printed_early(&mut lines, &seg);
    meta::read_meta(&lines, &seg, &mut doc);
    doc.narrative_part_printed = segment::printed_part(&seg, &lines, 3).unwrap_or(0);
    doc.narrative_name = segment::narrative_name(&seg, &lines);
    if let Some(range) = seg.part(1, lines.len()) {
        doc.overview = overview::read(&lines[range]);
    }
    let mut table_diags = Vec::new();
    tables::read_all(&lines, &seg.tables, &[], &mut doc, &mut table_diags);
    narrative::read_breakdowns(&lines, &seg, &mut doc);
    let mut narrative_full = None;
    // A text without any part heading or budget table (a 说明 cut anywhere, a line of one, a
    // 说明 pasted from its first chapter with the 绩效目标表 it holds) is read as narrative
    // from its start; the narrative reader passes over the 绩效目标表s' lines.
    let whole_read = seg.parts.is_empty() && seg.tables.is_empty();
    let narrative = seg
        .part(3, lines.len())
        .or_else(|| whole_read.then_some(0..lines.len()));
    if let Some(range) = narrative {
        narrative::read(&lines, &restored.moved, &seg, range, &mut doc);
        restored.cite_sources(&mut doc.statements);
        if doc.statements.len() >= narrative::MAX_STATEMENTS {
            narrative_full = Some(Diagnostic {
                code: DiagCode::TooLarge,
                lines: doc
                    .statements
                    .last()
                    .map(|s| s.lines.clone())
                    .unwrap_or_default(),
                message_zh: format!(
                    "说明部分的数字超过 {} 处，之后的未读取。",
                    narrative::MAX_STATEMENTS
                ),
                message_en: format!(
                    "The narrative has more than {} numeric claims; the rest were not read.",
                    narrative::MAX_STATEMENTS
                ),
            });
        }
    }
    // A table total 10,000 times off the narrative's was read in the wrong unit: the tables
    // are read again in the right one (their numbers' form depends on it), with one note.
    let printed: Vec<bool> = seg
        .tables
        .iter()
        .map(|span| tables::header_unit(&lines, span).is_some())
        .collect();
    if let Some(fix) = units::cross_check(&doc, &printed) {
        doc.tables.clear();
        table_diags.clear();
        tables::read_all(&lines, &seg.tables, &fix.units, &mut doc, &mut table_diags);
        table_diags.push(fix.note);
    }
    drop_cut_off_table(&lines, &mut doc, &mut table_diags);
    settle_unit(&mut doc);
    // Headline totals of tables whose rows could not be read, where the table, the narrative
    // and the table's sums agree on them.
    doc.confirmed = confirm::confirm(&lines, &seg.tables, &doc);
    diagnostics.append(&mut table_diags);
    doc.performance = seg
        .performance
        .iter()
        .map(|p| performance::read(&lines, p))
        .collect();
    if let Some(part4) = seg.part(4, lines.len()).and_then(|r| lines.get(r)) {
        doc.glossary = glossary::read(part4);
    }
    doc.landmarks = landmarks(&lines, &seg);
    if seg.tables.len() >= segment::MAX_TABLES {
        diagnostics.push(Diagnostic {
            code: DiagCode::TooLarge,
            lines: vec![lines[seg.tables[segment::MAX_TABLES - 1].start].no],
            message_zh: format!("表格超过 {} 张，之后的未读取。", segment::MAX_TABLES),
            message_en: format!(
                "More than {} tables; the rest were not read.",
                segment::MAX_TABLES
            ),
        });
    }
    if !seg.unknown_titles.is_empty() {
        diagnostics.push(unknown_tables(&lines, &seg, &doc));
    }
    doc.meta.coverage = coverage::of(&lines, &seg, &doc, coverage::contents(&lines), whole_read);
    // A narrative read only in part is said of a disclosure, not of text that is none (random
    // words and figures: the note below says what it is).
    if doc.meta.coverage.extent != Extent::NotADisclosure {
        diagnostics.extend(narrative_full);
    }
    if doc.meta.coverage.extent == Extent::NotADisclosure {
        diagnostics.push(Diagnostic {
            code: DiagCode::NotADisclosure,
            lines: Vec::new(),
            message_zh: "这段文字不像部门预算或决算：没有找到其中的表格（如“部门收支总体情况表”）、部分标题（如“第三部分 情况说明”）或文件标题。请粘贴从预算公开 PDF 或网页中复制的文字，整份或其中一部分均可。"
                .to_owned(),
            message_en: "The text does not look like a budget or final-accounts disclosure: none of its tables (such as 部门收支总体情况表), part headings (such as 第三部分 情况说明) or title were found. Paste the text copied from the disclosure's PDF or web page, whole or any part of it."
                .to_owned(),
        });
    }
    Parsed {
        document: doc,
        diagnostics,
    }
}

/// A table whose title (and header) end the text, with no row of figures after them: the text was cut
/// there (a part pasted with the next table's title at its end, or a table's first lines), and
/// the table's rows are not in it. It is not read as an empty table of the document, nor its
/// header's lines as rows it could not read.
fn drop_cut_off_table(lines: &[Line], doc: &mut Document, diags: &mut Vec<Diagnostic>) {
    let Some(last) = lines.last().map(|l| l.no) else {
        return;
    };
    // No row, or rows without one figure: the header's lines, the cut before the first row.
    let figures = |t: &Table| {
        t.blocks
            .iter()
            .flat_map(|b| &b.rows)
            .any(|r| r.cells.iter().any(Option::is_some))
    };
    let cut_off = |t: &Table| t.span.1 == last && !figures(t) && t.empty_statement.is_none();
    let spans: Vec<(LineNo, LineNo)> = doc
        .tables
        .iter()
        .filter(|t| cut_off(t))
        .map(|t| t.span)
        .collect();
    if spans.is_empty() {
        return;
    }
    doc.tables.retain(|t| !cut_off(t));
    // Nor are its header's lines rows it could not read.
    let header = |l: &LineNo| spans.iter().any(|&(a, b)| a <= *l && *l <= b);
    diags.retain(|d| {
        let title = |l: &LineNo| spans.iter().any(|&(a, _)| a == *l);
        let row_note = matches!(d.code, DiagCode::UnreadableRow | DiagCode::TooManyNumbers);
        let of_title = matches!(
            d.code,
            DiagCode::EmptyTable | DiagCode::TitleOnly | DiagCode::Unplaced
        );
        !((of_title && d.lines.iter().all(title)) || (row_note && d.lines.iter().all(header)))
    });
}

/// Titles that head a table (a 单位 or 编制部门 line follows) but name no table of any known
/// template: their rows are not read, and the reader is told which tables were recognised.
fn unknown_tables(lines: &[Line], seg: &segment::Segments, doc: &Document) -> Diagnostic {
    let known: Vec<String> = doc
        .tables
        .iter()
        .map(|t| format!("{}（{:?}）", t.title, t.kind))
        .collect();
    let unknown: Vec<String> = seg
        .unknown_titles
        .iter()
        .map(|(i, title)| format!("{}（第 {} 行）", compact(title), lines[*i].no))
        .collect();
    let family = match doc.meta.family {
        Family::Xinjiang => ("新疆", "Xinjiang"),
        Family::Shanghai => ("上海", "Shanghai"),
        Family::Unknown => ("未识别", "unrecognised"),
    };
    let none = |v: &[String], zh: bool| match (v.is_empty(), zh) {
        (true, true) => "无".to_owned(),
        (true, false) => "none".to_owned(),
        (false, true) => v.join("、"),
        (false, false) => v.join(", "),
    };
    Diagnostic {
        code: DiagCode::UnknownTable,
        lines: seg
            .unknown_titles
            .iter()
            .map(|(i, _)| lines[*i].no)
            .collect(),
        message_zh: format!(
            "有 {} 个标题像表格，但不是已知模板（新疆、上海）的表，未读取其数字：{}。已识别的表（{}模板）：{}。",
            unknown.len(),
            none(&unknown, true),
            family.0,
            none(&known, true)
        ),
        message_en: format!(
            "{} titles head tables that no known template (Xinjiang, Shanghai) defines; their numbers were not read: {}. Tables recognised ({} template): {}.",
            unknown.len(),
            none(&unknown, false),
            family.1,
            none(&known, false)
        ),
    }
}

/// Words that name a required part of a disclosure when they head a section.
const LANDMARK_WORDS: &[&str] = &[
    "职能",
    "职责",
    "机构设置",
    "单位构成",
    "三公",
    "机关运行经费",
    "政府采购",
    "国有资产",
    "绩效",
    "名词解释",
    "收支增减",
    "增减变化",
];

/// Short heading-like lines outside the tables that name a required part. Lines of a table of
/// contents (with leader dots) do not count.
fn landmarks(lines: &[Line], seg: &segment::Segments) -> Vec<Located<String>> {
    let heading_like = |t: &str| {
        let body = t.trim_end_matches(['：', ':']);
        text::at_most_chars(body, 32)
            && !body.contains(['，', '：', ':', '。', '…'])
            && !body.contains("...")
    };
    lines
        .iter()
        .enumerate()
        .filter(|&(i, l)| !seg.in_table(i) && heading_like(&l.text))
        .filter(|(_, l)| LANDMARK_WORDS.iter().any(|w| l.text.contains(w)))
        .take(200)
        .map(|(_, l)| Located {
            value: l.text.clone(),
            line: l.no,
        })
        .collect()
}

/// The document's unit once its tables are read: what most of them are in (a tie goes to 表1's),
/// never a default while tables say otherwise.
fn settle_unit(doc: &mut Document) {
    let summary = doc
        .table(TableKind::Summary)
        .map_or(doc.meta.unit, |t| t.unit);
    if let Some(u) = meta::majority(doc.tables.iter().map(|t| t.unit), summary) {
        doc.meta.unit = u;
    } else if let Some(u) = meta::majority(
        doc.statements
            .iter()
            .filter_map(|s| s.value.as_ref()?.unit.money()),
        doc.meta.unit,
    ) {
        // No table (the 说明 alone): the unit its amounts print.
        doc.meta.unit = u;
    }
}

/// The note that page numbers and running headers were skipped, with their lines.
fn furniture_note(lines: &[LineNo]) -> Diagnostic {
    let first: Vec<String> = lines.iter().take(5).map(ToString::to_string).collect();
    let more = if lines.len() > 5 { "…" } else { "" };
    Diagnostic {
        code: DiagCode::PageFurniture,
        lines: lines.to_vec(),
        message_zh: format!(
            "{} 行是页码或每页重复的页眉（第 {}{more} 行），已略过，不参与核对。",
            lines.len(),
            first.join("、")
        ),
        message_en: format!(
            "{} lines are page numbers or a header repeated on every page (lines {}{more}): skipped, not checked.",
            lines.len(),
            first.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_over_the_limit_is_refused_with_its_size() {
        let text = "1".repeat(MAX_INPUT_BYTES + 1);
        let parsed = parse(&text);
        assert!(parsed.document.tables.is_empty());
        let [d] = parsed.diagnostics.as_slice() else {
            panic!("{:?}", parsed.diagnostics)
        };
        assert_eq!(d.code, DiagCode::TooLarge);
        assert!(
            d.message_en.contains("(20.1 MB; the limit is 20 MB)"),
            "{}",
            d.message_en
        );
        assert!(
            d.message_zh.contains("文本过大（20.1 MB）"),
            "{}",
            d.message_zh
        );
    }

    #[test]
    fn nothing_in_nothing_out() {
        for input in ["", "\n\n", "hello", "<script>alert(1)</script>"] {
            let p = parse(input);
            assert!(p.document.tables.is_empty());
            assert!(
                p.diagnostics
                    .iter()
                    .any(|d| d.code == DiagCode::NotADisclosure),
                "{input:?}"
            );
        }
    }
}
