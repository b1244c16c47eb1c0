//! Reading the tables of 第二部分 into rows, and placing their numbers in columns.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::cells::{self, CellRow};
use super::numbers::{
    decimal, descending, is_cell_dash, split_trailing_numbers, table_token, AmountStyle, NumToken,
};
use super::panels;
use super::schema::{self, class_code_by_name, compact_label, LabelMatcher, Layout, THREE_PUBLIC};
use super::segment::{compact, TableSpan};
use super::solve::{self, Hint, Note, Problem, SolveRow};
use crate::model::*;
use crate::text::Line;

/// The most rows read from one table: real tables have a few hundred at most, and the checks
/// compare rows pairwise.
pub const MAX_ROWS: usize = 2000;

/// Reads every table, in printed order; each may use facts from the ones before it. `units`
/// gives a table's unit where it is known better than its header says (the same index as its
/// span; shorter when none is).
pub fn read_all(
    lines: &[Line],
    spans: &[TableSpan],
    units: &[Option<Unit>],
    doc: &mut Document,
    diags: &mut Vec<Diagnostic>,
) {
    let layout = Layout::of(&doc.meta);
    // Tables a copy prints one cell per line are rebuilt first, all together: a row whose name
    // one table leaves open takes the name another gives its code.
    let inputs: Vec<Option<cells::Input>> = spans
        .iter()
        .enumerate()
        .map(|(i, span)| {
            if !reads_coded(layout, span.kind) {
                return None;
            }
            let header = read_header(lines, span);
            let columns = schema::columns(layout, span.kind, Side::Whole);
            let known = units.get(i).copied().flatten();
            let unit = table_unit(lines, span, &header, known, doc.meta.unit);
            Some(cells::Input {
                body: &lines[header.body.min(span.end)..span.end],
                header: &lines[(span.start + 1).min(span.end)..header.body.min(span.end)],
                ncols: columns.len(),
                identities: identities_of(span.kind, &columns),
                titles: columns.iter().map(|c| c.title().into_owned()).collect(),
                unit,
            })
        })
        .collect();
    let (rebuilt, unplaced) = cells::rebuild_all_traced(&inputs);
    let mut rebuilt = rebuilt.into_iter();
    for (i, span) in spans.iter().enumerate() {
        let unit = units.get(i).copied().flatten();
        let cells = rebuilt.next().flatten();
        // A table in a unit the reader does not read (亿元, 千元…): its amounts are not taken
        // as 万元 or 元. The table stands, without rows, and says why.
        if let Some((other, no)) = other_unit(lines, span) {
            let mut table = read_table(lines, span, unit, None, doc, &mut Vec::new());
            table.blocks.clear();
            diags.push(other_unit_note(&table, other, no));
            doc.tables.push(table);
            continue;
        }
        let mut tried = unplaced.get(i).copied().unwrap_or(false);
        // A table read by labels, printed one cell per line: read from its body rewritten as
        // rows, then pointed back at the lines its words came from.
        let rewritten = rewrite(lines, span, unit, doc, &mut tried);
        if tried {
            diags.push(unplaced_note(lines, span));
        }
        if let Some(rw) = rewritten {
            let header = read_header(lines, span);
            let mut local: Vec<Line> = lines[span.start..header.body.min(span.end)].to_vec();
            local.extend(rw.lines.iter().cloned());
            let local_span = TableSpan {
                start: 0,
                end: local.len(),
                ..span.clone()
            };
            let mut table = read_table(&local, &local_span, unit, None, doc, diags);
            rw.restore(&mut table);
            table.span = (
                lines[span.start].no,
                lines[span.end.saturating_sub(1).max(span.start)].no,
            );
            doc.tables.push(table);
            continue;
        }
        let table = read_table(lines, span, unit, cells, doc, diags);
        doc.tables.push(table);
    }
    // Names wrapped between two code lines, split where the document's own names tell how.
    super::names::settle(lines, doc, diags);
}

/// The body of a table read by labels (收支总表, the Shanghai “三公” table) rewritten as rows,
/// when a copy printed it one cell per line ([`cells::rewrite_two_sided_traced`],
/// [`cells::rewrite_numbers`]).
/// The note on a table printed one cell per line whose amounts could not be placed in its rows
/// so that its sums hold (`tried` of [`cells::rebuild_all_traced`] or of
/// [`cells::rewrite_two_sided_traced`]), citing its title's line; the reliability gate folds it
/// into its note on the table.
fn unplaced_note(lines: &[Line], span: &TableSpan) -> Diagnostic {
    let title = lines.get(span.start).map_or(0, |l| l.no);
    Diagnostic {
        code: DiagCode::Unplaced,
        lines: vec![title],
        message_zh: "这张表复制出来一格一行（名称与数字分开），没能把它的数字排回各行、使各项合计都成立：可能是复制的次序所致，也可能是文件本身有数字对不上，无法分辨。".to_owned(),
        message_en: "This table was copied one cell per line (names apart from figures), and its figures could not be placed back in its rows with every sum holding: this may be the copy's order or a figure of the document that does not add up; the reader cannot tell which.".to_owned(),
    }
}

/// Money units a table's header may name that the reader does not read: its amounts are in 元
/// or 万元 ([`Unit`]).
const OTHER_UNITS: [&str; 7] = [
    "亿元",
    "千万元",
    "百万元",
    "十万元",
    "千元",
    "万美元",
    "美元",
];

/// A unit label naming a money unit the reader does not read ("单位：亿元", "金额单位：千元",
/// "单位（亿元）"): that unit. Not a body's label (编制单位, 预算单位…). The labels are found as
/// [`unit_labels`] finds them ([`label_values`]).
pub fn other_unit_in(t: &str) -> Option<&'static str> {
    if !t.contains('单') {
        return None;
    }
    label_values(t).find_map(|(_, value, _)| {
        let value = compact(value);
        OTHER_UNITS.iter().find(|u| value.starts_with(**u)).copied()
    })
}

/// The unit a table's title or header names where the reader does not read it, and its line:
/// the title and the lines after it up to its first row of amounts (twelve at most).
fn other_unit(lines: &[Line], span: &TableSpan) -> Option<(&'static str, LineNo)> {
    let end = (span.start + 12).min(span.end).min(lines.len());
    lines[span.start.min(end)..end]
        .iter()
        .enumerate()
        .take_while(|(k, l)| *k == 0 || !is_row_with_amounts(&l.text))
        .find_map(|(_, l)| other_unit_in(&l.text).map(|u| (u, l.no)))
}

/// The note on a table in a unit the reader does not read, citing the label's line; the
/// reliability gate folds it into its note on the table.
fn other_unit_note(table: &Table, unit: &str, no: LineNo) -> Diagnostic {
    Diagnostic {
        code: DiagCode::OtherUnit,
        lines: vec![no],
        message_zh: format!(
            "{}的金额以{unit}计（第 {no} 行），本工具只读以元或万元计的表，没有读取其中的金额",
            table.title
        ),
        message_en: format!(
            "{}'s amounts are in {unit} (line {no}); the reader reads tables in 元 or 万元 only, so its amounts were not read",
            table.title
        ),
    }
}

/// The note on a “三公” table printed an item a row whose header does not name the columns the
/// reader reads it with, citing its title's line; the reliability gate folds it into its note
/// on the table.
fn columns_unnamed(ctx: &Ctx, table: &Table) -> Diagnostic {
    let no = ctx.lines.get(ctx.span.start).map_or(0, |l| l.no);
    let (zh, en) = if ctx.layout.doc == DocKind::Final {
        ("预算数、决算数两列", "a 预算数 and a 决算数 column")
    } else {
        ("预算数一列", "a 预算数 column")
    };
    Diagnostic {
        code: DiagCode::UnnamedColumns,
        lines: vec![no],
        message_zh: format!(
            "{}的表头没有依次列出{zh}（第 {no} 行起），本工具无法确定各列，没有读取其中的金额",
            table.title
        ),
        message_en: format!(
            "{}'s header does not name {en} in that order (from line {no}); the reader cannot tell its columns, so its amounts were not read",
            table.title
        ),
    }
}

/// `tried` is set as [`cells::rewrite_two_sided_traced`] sets it, and left as it is for a
/// table not read by labels.
fn rewrite(
    lines: &[Line],
    span: &TableSpan,
    unit: Option<Unit>,
    doc: &Document,
    tried: &mut bool,
) -> Option<cells::Rewritten> {
    let layout = Layout::of(&doc.meta);
    let header = read_header(lines, span);
    let body = &lines[header.body.min(span.end)..span.end];
    match span.kind {
        TableKind::ThreePublic if layout.family == Family::Shanghai => {
            cells::rewrite_label_runs(body, &three_public_label)
                .or_else(|| cells::rewrite_numbers(body))
        }
        TableKind::ThreePublic => cells::rewrite_label_runs(body, &three_public_label),
        TableKind::Summary | TableKind::FiscalSummary => {
            let unit = table_unit(lines, span, &header, unit, doc.meta.unit);
            let matcher = LabelMatcher::new(schema::income_labels(layout, span.kind));
            let extra = schema::expense_split_labels(layout);
            let income_total = schema::income_labels(layout, span.kind)
                .iter()
                .find(|l| l.key == RowKey::IncomeTotal)
                .map_or(&[][..], |l| l.texts);
            let label = |w: &str| {
                let c = compact_label(w);
                if matcher.knows(&c) {
                    return Some(cells::Label::Income {
                        grand: income_total.contains(&c.as_str()),
                    });
                }
                if let Some((kind, key)) = schema::expense_label(layout, &c) {
                    return Some(cells::Label::Expense {
                        class: false,
                        total: kind == RowKind::Total,
                        grand: key == RowKey::ExpenseTotal,
                    });
                }
                if class_code_by_name(&c).is_some() {
                    return Some(cells::Label::Expense {
                        class: true,
                        total: false,
                        grand: false,
                    });
                }
                extra
                    .contains(&c.as_str())
                    .then_some(cells::Label::Expense {
                        class: false,
                        total: false,
                        grand: false,
                    })
            };
            let words: String = lines[span.start..span.end]
                .iter()
                .map(|l| l.compact())
                .take(400)
                .collect();
            let half = |columns: Vec<Col>| cells::Half {
                ncols: columns.len(),
                identities: identities_of(span.kind, &columns),
                titles: columns.iter().map(|c| c.title().into_owned()).collect(),
            };
            cells::rewrite_two_sided_traced(
                body,
                &label,
                &half(schema::columns(layout, span.kind, Side::Income)),
                &half(schema::expense_columns(layout, span.kind, &words)),
                unit,
                tried,
            )
        }
        _ => None,
    }
}

/// Whether a table of `kind` is read by [`read_coded`] in `layout` (see [`read_table`]).
fn reads_coded(layout: Layout, kind: TableKind) -> bool {
    match kind {
        TableKind::Summary
        | TableKind::FiscalSummary
        | TableKind::ThreePublic
        | TableKind::CarryOver => false,
        TableKind::GeneralBasic => !layout.is_shanghai_final(),
        _ => true,
    }
}

/// The identities of a table's rows over its printed columns, as column indices.
pub(super) fn identities_of(kind: TableKind, columns: &[Col]) -> Vec<(usize, Vec<usize>)> {
    schema::identities(kind)
        .iter()
        .filter_map(|id| {
            let t = columns.iter().position(|&c| c == id.total)?;
            let parts: Vec<usize> = id
                .parts
                .iter()
                .filter_map(|p| columns.iter().position(|c| c == p))
                .collect();
            (!parts.is_empty()).then_some((t, parts))
        })
        .collect()
}

/// The header facts of a table.
struct Header {
    department: Option<Located<String>>,
    unit: Option<Unit>,
    /// Index of the first body line.
    body: usize,
    /// Whether the template prints a "※ 1 2 3" ruler under each header.
    ruled: bool,
}

fn read_header(lines: &[Line], span: &TableSpan) -> Header {
    let mut h = Header {
        department: None,
        unit: None,
        body: span.start + 1,
        ruled: false,
    };
    let limit = (span.start + 12).min(span.end);
    // A row printed with its amounts ends the header: a unit label after it is the header
    // repeated on the next page after the table's first rows (or a unit label left alone
    // there), which [`Ctx::body`] skips; the rows above it stay rows.
    let mut rows_begun = false;
    let two_sided = matches!(span.kind, TableKind::Summary | TableKind::FiscalSummary);
    for (i, line) in lines.iter().enumerate().take(span.end).skip(span.start + 1) {
        let t = &line.text;
        // A two-sided table's row starts with a label, not a code ("一、一般公共预算资金
        // 164978640 …" in a 元 table without separators).
        rows_begun = rows_begun
            || is_row_with_amounts(t)
            || two_sided && {
                let (head, nums) = split_trailing_numbers(t, AmountStyle::Integers);
                !head.is_empty() && !nums.is_empty()
            };
        if i < limit && !rows_begun {
            if let Some(d) = department_in(t) {
                if h.department.is_none() {
                    h.department = Some(Located {
                        value: d,
                        line: line.no,
                    });
                    // The body starts after it, as after a unit label: a copy that lost the
                    // label (or prints it in a form not read) must not have its rows taken for
                    // a repeated header's.
                    h.body = h.body.max(i + 1);
                }
            }
            if let Some(u) = unit_in(t) {
                h.unit.get_or_insert(u);
                h.body = h.body.max(i + 1);
            }
        }
        if is_ruler(t) {
            h.ruled = true;
            h.body = i + 1;
            break;
        }
    }
    h
}

/// The labels a table header names its body with: "编制部门：X 单位：万元", "编制单位：X 单位：元".
pub const HEADER_BODY_LABELS: [&str; 2] = ["编制部门", "编制单位"];

/// "编制部门：X 单位：万元" / "编制单位：X 单位：元" → X.
pub fn department_in(t: &str) -> Option<String> {
    HEADER_BODY_LABELS
        .iter()
        .find_map(|label| named_after(t, label))
}

/// The name printed after "`label`：" (or "`label`:") on a line, up to the unit label that may
/// follow it on the same line ("单位：万元", "金额单位：元"): `None` when nothing is named.
pub fn named_after(t: &str, label: &str) -> Option<String> {
    let (_, rest) = t.split_once(label)?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':'))?;
    // A unit label, or else a 单位 set apart by a space ("X 单位 万元").
    let end = unit_label_at(rest)
        .or_else(|| rest.find(" 单位"))
        .unwrap_or(rest.len());
    // The name ends before the unit label and an opening bracket round it ("X (单位:元)").
    let name = rest[..end].trim().trim_end_matches(['(', '（']).trim_end();
    let name = name.trim_end_matches("金额").trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// The words that make a 单位 after them a body's label (编制单位, 预算单位, 填报单位, 主管单位:
/// "编制单位：X"), not a unit's ("单位：万元").
pub const BODY_BEFORE_UNIT: [&str; 4] = ["编制", "预算", "填报", "主管"];

/// A unit label in a line: where it starts (its 单), where its unit ends, and the unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UnitLabel {
    /// The byte offset of the label's 单.
    pub start: usize,
    /// The byte offset just after the unit (元 or 万元), before any closing bracket.
    pub end: usize,
    /// The unit it names.
    pub unit: Unit,
}

/// The unit labels of a line ("单位：万元", "单位: 元", "单位（元）", "(单位:万元)", "单位 元"),
/// in order. The 单位 of "编制单位：" / "预算单位：" is a body's label, not a unit's, and is
/// passed over.
pub(crate) fn unit_labels(t: &str) -> impl Iterator<Item = UnitLabel> + '_ {
    label_values(t).filter_map(|(start, value, alone)| {
        let (end, unit) = if let Some(end) = value
            .strip_prefix('万')
            .and_then(|v| v.trim_start().strip_prefix('元'))
        {
            (end, Unit::Wan)
        } else {
            (value.strip_prefix('元')?, Unit::Yuan)
        };
        let ends =
            end.is_empty() || end.starts_with(|c: char| c.is_whitespace() || "）)".contains(c));
        (!alone || ends).then(|| UnitLabel {
            start,
            end: t.len() - end.len(),
            unit,
        })
    })
}

/// Each unit label of a line, whatever unit it names: where its 单 stands, the text from its
/// unit on (after the colon or bracket, and 人民币), and whether the unit must stand alone there
/// (in brackets or after a space: "单位 万元", not "单位 元旦"). The 单位 of "编制单位：" /
/// "预算单位：" is a body's label, not a unit's, and is passed over.
fn label_values(t: &str) -> impl Iterator<Item = (usize, &str, bool)> + '_ {
    // "单位", or spaced out as a copy of letter-spaced type gives it ("单 位：元").
    t.match_indices('单').filter_map(|(i, w)| {
        // The two characters before it, spaced out or not ("编 制 单 位 ：…" is a body's label too).
        let mut tail: Vec<char> = t[..i]
            .chars()
            .rev()
            .filter(|c| !c.is_whitespace())
            .take(2)
            .collect();
        tail.reverse();
        let before: String = tail.into_iter().collect();
        if BODY_BEFORE_UNIT.iter().any(|w| before.ends_with(w)) {
            return None;
        }
        let rest = t[i + w.len()..].trim_start().strip_prefix('位')?;
        let after = rest.trim_start();
        // "单位：元"; or the unit in brackets or after a space ("单位（元）", "单位 万元"); a
        // bracket may follow the colon too ("单位：（元）").
        let (value, alone) = if let Some(v) = after.strip_prefix(['：', ':']) {
            let v = v.trim_start();
            match v.strip_prefix(['（', '(']) {
                Some(v) => (v, true),
                None => (v, false),
            }
        } else if let Some(v) = after.strip_prefix(['（', '(']) {
            (v, true)
        } else if after.len() < rest.len() {
            (after, true)
        } else {
            return None;
        };
        let value = value.trim_start();
        Some((i, value.strip_prefix("人民币").unwrap_or(value), alone))
    })
}

/// Where the unit label of a line starts.
fn unit_label_at(t: &str) -> Option<usize> {
    unit_labels(t).next().map(|l| l.start)
}

/// "单位：万元" → 万元, also after a 编制单位 on the same line ("编制单位：X 单位：元").
pub fn unit_in(t: &str) -> Option<Unit> {
    // Read on every line: a character search rules out most lines before the string search.
    if !t.contains('单') {
        return None;
    }
    unit_labels(t).next().map(|l| l.unit)
}

/// The unit a table's header prints, if it prints one.
pub fn header_unit(lines: &[Line], span: &TableSpan) -> Option<Unit> {
    read_header(lines, span).unit
}

/// A table's unit: `known` (the narrative's correction), else its header's, else
/// [`unit_by_print`].
fn table_unit(
    lines: &[Line],
    span: &TableSpan,
    header: &Header,
    known: Option<Unit>,
    default: Unit,
) -> Unit {
    known
        .or(header.unit)
        .unwrap_or_else(|| unit_by_print(&lines[header.body.min(span.end)..span.end], default))
}

/// The unit of a table whose header prints none (a copy that lost the label line, a label in a
/// form not read): 元 when its rows (a name, then figures) print whole amounts of seven digits or
/// more, at least two, and not one amount with decimals, else `default` (the document's unit). A
/// 万元 table prints its amounts with their decimals ("2,283.56"), and a whole-万元 one prints small
/// figures ("2,102"); a 元 table of whole yuan prints a department's millions ("164,978,640").
/// Codes ("2010501") lead their rows and are not counted. Either way the table's unit is a guess
/// ([`Table::unit_guessed`]), which the narrative's amounts may correct ([`super::units`]).
/// Without it, a 元 table of whole amounts in a 万元 document is read for decimals, finds none,
/// and its rows are lost.
fn unit_by_print(body: &[Line], default: Unit) -> Unit {
    let mut millions = 0;
    for l in body {
        let (head, nums) = split_trailing_numbers(&l.text, AmountStyle::Integers);
        if head.is_empty() || head.bytes().all(|b| b.is_ascii_digit() || b == b' ') {
            continue;
        }
        for n in &nums {
            if let NumToken::Amount(d) = n {
                if d.scale() > 0 {
                    return default;
                }
                if d.abs() >= Decimal::from(1_000_000) {
                    millions += 1;
                }
            }
        }
    }
    if millions >= 2 {
        Unit::Yuan
    } else {
        default
    }
}

/// "※ ※ ※ ※ 1 2 3 …": the column ruler under a header.
fn is_ruler(t: &str) -> bool {
    t.starts_with('※')
}

/// A line that starts a repeated header after a page break.
fn is_header_repeat(t: &str) -> bool {
    HEADER_BODY_LABELS.iter().any(|l| t.starts_with(l)) || (t.starts_with("单位：") && t.len() < 20)
}

/// A line of a table's rows, never of its header: it prints an amount ("2,287.86"), or a code
/// or 合计 with figures after it ("301 工资福利支出 83847385 83847385", as a copy without
/// separators prints it).
fn is_row_with_amounts(t: &str) -> bool {
    prints_amount(t) || {
        let (head, nums) = split_trailing_numbers(t, AmountStyle::Integers);
        !nums.is_empty() && (leading_code(head).is_some() || total_label(&compact(head)).is_some())
    }
}

/// A lone page number.
fn is_page_number(t: &str) -> bool {
    t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
}

/// A sentence rather than a row ("…没有使用政府性基金预算拨款安排的支出，…为空表。"), or a
/// table's note ("注:…", "注：…"), whose first line a narrower page may have broken before its
/// first comma ("注:本部门2025年无政府性基金预算财政拨款" / "安排的预算，故本表为空表。").
fn is_sentence(t: &str) -> bool {
    t.contains('，')
        || t.contains('。')
        || t.contains("没有")
        || t.contains("空表")
        || compact(t).starts_with("注:")
        || compact(t).starts_with("注：")
}

/// 总计 / 合计, also when the 决算 template glues it to the header's last line ("类 款 项
/// 合计 2,940.05 …"), without the header.
fn total_label(compact: &str) -> Option<&str> {
    let c = compact
        .strip_prefix("类款项")
        .or_else(|| compact.strip_prefix("类款"))
        .unwrap_or(compact);
    (c == "总计" || c == "合计").then_some(c)
}

/// A line of a column header (Shanghai templates repeat theirs on every page, without the
/// 编制部门 line): "项目 收入预算", "功能分类科目编码", "功能分类科目名称 合计 基本支出 项目支出",
/// "编码 经济分类科目名称 合计 人员经费 公用经费", "类 款 项".
fn is_column_header(compact: &str) -> bool {
    compact.contains("科目编码")
        || compact.contains("科目名称")
        || compact.contains("经济分类科目")
        || matches!(compact, "类款项" | "类款" | "项目")
        // The tail of a header a narrower page broke ("…其他" / "收入 类 款 项"): the 类/款/项
        // sub-header ends a header line, never a row's name.
        || (compact.ends_with("类款项") && !compact.contains(|c: char| c.is_ascii_digit()))
        || (compact.starts_with("项目")
            && ["预算", "决算", "支出", "收入"]
                .iter()
                .any(|w| compact.ends_with(w)))
}

/// A row while it is being read.
#[derive(Debug, Default, Clone)]
struct RawRow {
    kind: Option<RowKind>,
    key: Option<RowKey>,
    code: Option<Code>,
    /// Name fragments, one per line they were printed on.
    parts: Vec<String>,
    /// 表7: the 项目名称 split off the name.
    project: Option<String>,
    nums: Vec<Option<Decimal>>,
    num_line: LineNo,
    /// When the copy printed the row's numbers on several lines: each line and how many of
    /// `nums` it gave, in order (see [`SolveRow::groups`]). Empty for numbers from one line.
    groups: Vec<(LineNo, usize)>,
    /// The row took amounts printed above it: it takes none printed below.
    from_above: bool,
    /// The line of each number, when they came from several ([`read_cells`]); else all are
    /// on `num_line`.
    num_lines: Vec<LineNo>,
    lines: Vec<LineNo>,
    done: bool,
}

impl RawRow {
    fn name(&self) -> String {
        join_fragments(&self.parts)
    }

    /// Adds the numbers of one more line to the row (its first numbers, or more of them from
    /// another line), and marks the row as having its numbers.
    fn add_numbers(&mut self, no: LineNo, nums: &[NumToken]) {
        if nums.is_empty() {
            return;
        }
        if self.nums.is_empty() {
            self.num_line = no;
        } else {
            if self.groups.is_empty() {
                self.groups.push((self.num_line, self.nums.len()));
            }
            self.groups.push((no, nums.len()));
        }
        self.nums.extend(numbers_of(nums));
        self.done = true;
    }

    /// The line each number was printed on.
    fn number_lines(&self) -> Vec<LineNo> {
        if self.num_lines.len() == self.nums.len() {
            return self.num_lines.clone();
        }
        if self.groups.is_empty() {
            return vec![self.num_line; self.nums.len()];
        }
        self.groups
            .iter()
            .flat_map(|&(no, n)| std::iter::repeat_n(no, n))
            .collect()
    }
}

/// Joins name fragments that were wrapped across lines: no space between CJK text, one space
/// between ASCII words.
pub fn join_fragments(parts: &[String]) -> String {
    let mut out = String::new();
    for p in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let glue = out
            .chars()
            .last()
            .is_some_and(|a| a.is_ascii_alphanumeric())
            && p.chars().next().is_some_and(|b| b.is_ascii_alphabetic());
        if glue {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

/// A leading classification code: "201 03 01", "301 02" or "2010301"; also "201 3 1 行政运行",
/// the 款 and 项 cells of a spreadsheet that took them for numbers and dropped their leading
/// zero (a tab-separated copy), where a name follows them: before the name a lone digit after
/// a 类 can be no amount.
fn leading_code(head: &str) -> Option<(Code, &str)> {
    let mut code = String::new();
    let mut rest = head;
    let mut zero_lost = false;
    for (i, want) in [3usize, 2, 2].into_iter().enumerate() {
        let tok_end = rest.find(' ').unwrap_or(rest.len());
        let tok = &rest[..tok_end];
        let digits = tok.len() == want && tok.bytes().all(|b| b.is_ascii_digit());
        let compact_code =
            i == 0 && matches!(tok.len(), 5 | 7) && tok.bytes().all(|b| b.is_ascii_digit());
        if compact_code {
            code.push_str(tok);
            rest = rest[tok_end..].trim_start();
            break;
        }
        if i > 0 && tok.len() == 1 && matches!(tok.as_bytes()[0], b'1'..=b'9') {
            zero_lost = true;
            code.push('0');
            code.push_str(tok);
            rest = rest[tok_end..].trim_start();
            continue;
        }
        if !digits {
            break;
        }
        code.push_str(tok);
        rest = rest[tok_end..].trim_start();
    }
    let named = rest
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii_digit() && c != '-');
    if zero_lost && !named {
        return None;
    }
    let first = code.bytes().next()?;
    (code.len() >= 3 && (first == b'2' || first == b'3' || first == b'1'))
        .then_some((Code(code), rest))
}

fn style_of(unit: Unit) -> AmountStyle {
    match unit {
        Unit::Wan => AmountStyle::Decimals,
        Unit::Yuan => AmountStyle::Integers,
    }
}

fn numbers_of(nums: &[NumToken]) -> Vec<Option<Decimal>> {
    nums.iter()
        .map(|n| match n {
            NumToken::Amount(d) => Some(*d),
            NumToken::Dash => None,
        })
        .collect()
}

fn read_table(
    lines: &[Line],
    span: &TableSpan,
    unit: Option<Unit>,
    cells: Option<Vec<CellRow>>,
    doc: &Document,
    diags: &mut Vec<Diagnostic>,
) -> Table {
    let header = read_header(lines, span);
    let unit_guessed = unit.is_none() && header.unit.is_none();
    let unit = table_unit(lines, span, &header, unit, doc.meta.unit);
    let layout = Layout::of(&doc.meta);
    let number = span
        .number
        .unwrap_or_else(|| schema::number(layout, span.kind));
    let mut table = Table {
        kind: span.kind,
        number,
        title: compact(&span.title),
        unit,
        unit_guessed,
        department: header.department.clone(),
        // The header lines that `Ctx::body` skips as repeats.
        repeated_departments: lines[span.start..span.end]
            .iter()
            .filter(|l| is_header_repeat(&l.text))
            .filter(|l| Some(l.no) != header.department.as_ref().map(|d| d.line))
            .filter_map(|l| department_in(&l.text).map(|value| Located { value, line: l.no }))
            .take(MAX_ROWS)
            .collect(),
        span: (
            lines[span.start].no,
            lines[span.end.saturating_sub(1).max(span.start)].no,
        ),
        blocks: Vec::new(),
        empty_statement: None,
    };
    let ctx = Ctx {
        lines,
        span,
        header: &header,
        style: style_of(unit),
        doc,
        layout,
    };
    let shanghai = layout.family == Family::Shanghai;
    match span.kind {
        TableKind::Summary | TableKind::FiscalSummary => read_two_sided(&ctx, &mut table, diags),
        // Shanghai's items as columns of one line of numbers; else an item a row, read by its
        // labels as Xinjiang's when its header names its columns.
        TableKind::ThreePublic if shanghai && !item_rows(&ctx) => {
            read_three_public_row(&ctx, &mut table, diags)
        }
        TableKind::ThreePublic if shanghai && !item_columns_named(&ctx) => {
            diags.push(columns_unnamed(&ctx, &table));
        }
        TableKind::ThreePublic => read_labelled(&ctx, &mut table, diags),
        TableKind::GeneralBasic if layout.is_shanghai_final() => {
            read_two_panel(&ctx, &mut table, diags)
        }
        TableKind::CarryOver => read_items(&ctx, &mut table, diags),
        _ => match cells {
            Some(rows) => read_cells(&ctx, &mut table, rows, diags),
            None => read_coded(&ctx, &mut table, diags),
        },
    }
    // No row read, yet lines of the table print amounts: the table was not read, which says
    // nothing of whether the document left it empty. Its lines are named unread (the table's one
    // note), not an empty table without its statement.
    let with_amounts: Vec<&Line> = if table.row_count() == 0 && table.empty_statement.is_none() {
        lines[span.start..span.end]
            .iter()
            .skip(1)
            .filter(|l| prints_amount(&l.text))
            .take(MAX_ROWS)
            .collect()
    } else {
        Vec::new()
    };
    for l in &with_amounts {
        diags.push(unreadable(l.no, &l.text, &table));
    }
    // Nothing after the title but its unit label: the table is not in the text, which says
    // nothing of the document's table.
    let title_only = lines[(span.start + 1).min(span.end)..span.end]
        .iter()
        .all(|l| unit_label_at(&l.text).is_some());
    if table.row_count() == 0 && table.empty_statement.is_none() && title_only {
        diags.push(Diagnostic {
            code: DiagCode::TitleOnly,
            lines: vec![table.span.0],
            message_zh: format!(
                "{}：文中只有标题，其后没有表格内容（表格可能是图片，或复制时没有带出），未能读取和核对。",
                table.title
            ),
            message_en: format!(
                "{}: only its title is in the text, nothing of the table after it (a picture of it, or a copy that left it out); it was not read or checked.",
                table.title
            ),
        });
    } else if table.row_count() == 0 && table.empty_statement.is_none() && with_amounts.is_empty() {
        diags.push(Diagnostic {
            code: DiagCode::EmptyTable,
            lines: vec![table.span.0],
            message_zh: format!(
                "{}：找到标题，但没有读到任何行，也没有空表说明。",
                table.title
            ),
            message_en: format!(
                "{}: the title was found but no rows and no empty-table statement.",
                table.title
            ),
        });
    }
    table
}

struct Ctx<'a> {
    lines: &'a [Line],
    span: &'a TableSpan,
    header: &'a Header,
    style: AmountStyle,
    doc: &'a Document,
    layout: Layout,
}

impl Ctx<'_> {
    /// The body lines, with repeated page headers and page numbers removed.
    fn body(&self) -> Vec<&Line> {
        self.body_lines(true)
    }

    /// The body lines, with repeated page headers removed, and lone page numbers too when
    /// `page_numbers` (a copy that prints codes on lines of their own, "302" / "40 税金及附加费用",
    /// keeps them).
    fn body_lines(&self, page_numbers: bool) -> Vec<&Line> {
        let mut out = Vec::new();
        let body = &self.lines[self.header.body.min(self.span.end)..self.span.end];
        let mut skipping = false;
        // The repeated header skipped ends at its ruler (a ruled template's column titles may
        // hold anything, "合计" too), or, when none comes before the next row with amounts (a
        // unit label alone, a header line without its column titles), at a row's start.
        let mut to_ruler = false;
        // Whether a ruler follows line k before the next row with amounts.
        let mut ruler_ahead = vec![false; body.len()];
        if self.header.ruled {
            let mut ahead = false;
            for (k, l) in body.iter().enumerate().rev() {
                ruler_ahead[k] = ahead;
                if is_ruler(&l.text) {
                    ahead = true;
                } else if is_row_with_amounts(&l.text) {
                    ahead = false;
                }
            }
        }
        for (k, line) in body.iter().enumerate() {
            let t = line.text.as_str();
            if is_header_repeat(t) {
                // A unit label alone, in a table whose rows need not start with a code (收支总表):
                // the line goes, the rows after it stay.
                skipping = !(self.two_sided() && department_in(t).is_none());
                to_ruler = ruler_ahead[k];
                continue;
            }
            if skipping {
                if is_ruler(t) {
                    skipping = false;
                    continue;
                }
                // A repeated header prints no amount: a line that does is a row.
                let row = is_row_with_amounts(t) || (!to_ruler && self.starts_row(t));
                if !row {
                    continue;
                }
                skipping = false;
            }
            if is_ruler(t) || (page_numbers && is_page_number(t)) {
                continue;
            }
            out.push(line);
        }
        out
    }

    /// A table of two sides (收入, 支出) read by their labels, whose rows start with no code.
    fn two_sided(&self) -> bool {
        matches!(
            self.span.kind,
            TableKind::Summary | TableKind::FiscalSummary
        )
    }

    /// Whether a line can begin a row of a code table.
    fn starts_row(&self, t: &str) -> bool {
        let (head, _) = split_trailing_numbers(t, self.style);
        leading_code(head).is_some() || matches!(compact(head).as_str(), "总计" | "合计")
    }

    fn department(&self) -> Option<String> {
        self.header.department.as_ref().map(|d| compact(&d.value))
    }

    fn half_ulp(&self) -> Decimal {
        match self.style {
            AmountStyle::Decimals => Decimal::new(5, 3),
            AmountStyle::Integers => Decimal::new(5, 1),
        }
    }
}

/// Tables whose rows start with a classification code: 表2, 3, 5, 6, 7, 8, 9.
fn read_coded(ctx: &Ctx, table: &mut Table, diags: &mut Vec<Diagnostic>) {
    let dept = ctx.department();
    let mut sentence: Option<(String, LineNo)> = None;
    let ncols = schema::columns(ctx.layout, table.kind, Side::Whole).len();
    let body = ctx.body();
    let mut pieces: Vec<Piece> = Vec::with_capacity(body.len());
    for line in body {
        let t = line.text.as_str();
        if is_sentence(t) {
            match &mut sentence {
                Some((s, _)) => s.push_str(t),
                None => sentence = Some((t.to_owned(), line.no)),
            }
            continue;
        }
        let (head, nums) = split_trailing_numbers(t, ctx.style);
        match row_pieces(t, head, ctx.style, ncols, dept.as_deref()) {
            None => pieces.push(Piece::from_split(
                line.no,
                t,
                head,
                nums,
                ctx.style,
                ncols,
                dept.as_deref(),
            )),
            Some(several) => pieces.extend(
                several
                    .iter()
                    .map(|piece| Piece::read(line.no, piece, ctx.style, ncols, dept.as_deref())),
            ),
        }
    }
    if let Some((s, l)) = sentence {
        table.empty_statement = Some(Located { value: s, line: l });
    }
    let mut rows = assemble_spilled(ctx, table, pieces, ncols, diags);
    if table.kind == TableKind::GeneralProjects {
        split_project_names(ctx.doc, &mut rows);
    }
    let parents = code_parents(&rows);
    push_whole(ctx, table, rows, parents, diags);
}

/// Assembles a coded table's rows ([`assemble_coded`]); when the copy set some rows' amounts on
/// lines of their own, reads the table both ways ([`Spill`]) and keeps the reading whose
/// arithmetic holds better (fewer lines left unread, fewer sums broken: a reading that puts a
/// line's amounts in the wrong row breaks its sums and its parent's). When both readings do
/// equally well but differ, which row those amounts belong to is not known: the lines are
/// reported unread, and the table is not trusted.
fn assemble_spilled(
    ctx: &Ctx,
    table: &Table,
    pieces: Vec<Piece>,
    ncols: usize,
    diags: &mut Vec<Diagnostic>,
) -> Vec<RawRow> {
    let floating: Vec<(LineNo, &str)> = pieces
        .iter()
        .filter(|p| {
            p.start.is_none()
                && p.coded_numbers.is_none()
                && p.head.is_empty()
                && !p.nums.is_empty()
        })
        .map(|p| (p.no, p.text))
        .collect();
    let mut below_diags = Vec::new();
    if floating.is_empty() {
        let rows = assemble_coded(pieces, table, ncols, Spill::Below, &mut below_diags);
        diags.extend(below_diags);
        return rows;
    }
    let below = assemble_coded(pieces.clone(), table, ncols, Spill::Below, &mut below_diags);
    let mut above_diags = Vec::new();
    let above = assemble_coded(pieces, table, ncols, Spill::Above, &mut above_diags);
    let cost =
        |rows: &[RawRow], found: &[Diagnostic]| unread(found) + broken_sums(ctx, table, rows);
    let same = |a: &[RawRow], b: &[RawRow]| {
        // A row's amounts as a multiset: how many cells are empty, and the amounts in order.
        let numbers = |r: &RawRow| {
            let mut n: Vec<Decimal> = r.nums.iter().flatten().copied().collect();
            n.sort_unstable_by(descending);
            (r.kind, r.code.clone(), r.nums.len() - n.len(), n)
        };
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| numbers(x) == numbers(y))
    };
    let below_cost = cost(&below, &below_diags);
    // The other reading's cost is at least the lines it leaves unread: when those alone exceed
    // this one's cost, it can neither win nor tie, and when this one costs nothing and the two
    // hold the same amounts, a tie changes nothing. Its sums are then not weighed (solving a
    // misread table is most of the work of reading a document).
    if unread(&above_diags) > below_cost || (below_cost == 0 && same(&below, &above)) {
        diags.extend(below_diags);
        return below;
    }
    let above_cost = cost(&above, &above_diags);
    if above_cost < below_cost && reads_whole(&above_diags) {
        diags.extend(above_diags);
        return above;
    }
    diags.extend(below_diags);
    if above_cost == below_cost && !same(&below, &above) {
        for (no, text) in floating {
            diags.push(unreadable(no, text, table));
        }
    }
    below
}

/// How many lines a reading of a table left unread.
fn unread(found: &[Diagnostic]) -> usize {
    found
        .iter()
        .filter(|d| d.code == DiagCode::UnreadableRow)
        .count()
}

/// Whether a reading of a table left no line unread: a reading that takes lines of amounts
/// alone for the row below them is preferred to the usual one only then (a copy that prints one
/// cell per line fits neither, and is read the usual way).
fn reads_whole(found: &[Diagnostic]) -> bool {
    unread(found) == 0
}

/// How many of a table's sums a reading of its rows leaves broken (see
/// [`solve::Solution::broken`]), and how many rows printed on several lines it cannot place
/// for certain.
fn broken_sums(ctx: &Ctx, table: &Table, rows: &[RawRow]) -> usize {
    let columns = schema::columns(ctx.layout, table.kind, Side::Whole);
    let hints = total_hints(ctx.doc, table, &columns);
    let parents = code_parents(rows);
    let problem = problem_of(ctx, table.kind, &columns, rows, &parents, &hints);
    let solution = solve::solve(&problem);
    let doubtful = uncertain_rows(rows, &solution).len();
    solution.broken + doubtful
}

/// The rows printed on several lines whose numbers the solver could not place for certain:
/// other placements fitted as well, or the search was capped, or the block's sums do not all
/// hold (the placement that breaks the fewest is then no proof that the lines were joined
/// right, and a wrong join would read as the document's error).
fn uncertain_rows(rows: &[RawRow], solution: &solve::Solution) -> Vec<usize> {
    let grouped = |row: usize| rows.get(row).is_some_and(|r| r.groups.len() > 1);
    if solution.broken > 0 {
        return (0..rows.len()).filter(|&i| grouped(i)).collect();
    }
    let mut out: Vec<usize> = solution
        .notes
        .iter()
        .filter_map(|n| match *n {
            Note::Ambiguous {
                row,
                reordered: true,
                ..
            }
            | Note::Capped { row } => Some(row),
            Note::Ambiguous { .. } | Note::Overflow { .. } => None,
        })
        .filter(|&row| grouped(row))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A coded table a copy printed one cell per line, its rows rebuilt from the cells
/// ([`cells`]); an empty table's note is read as in [`read_coded`].
fn read_cells(ctx: &Ctx, table: &mut Table, rows: Vec<CellRow>, diags: &mut Vec<Diagnostic>) {
    let sentence: Vec<&Line> = ctx
        .body()
        .into_iter()
        .filter(|l| is_sentence(&l.text))
        .collect();
    if let Some(first) = sentence.first() {
        table.empty_statement = Some(Located {
            value: sentence.iter().map(|l| l.text.as_str()).collect(),
            line: first.no,
        });
    }
    let rows: Vec<RawRow> = rows
        .into_iter()
        .map(|r| RawRow {
            kind: Some(r.kind),
            key: None,
            code: r.code,
            parts: vec![r.name],
            project: None,
            nums: r.amounts.iter().map(|(v, _)| *v).collect(),
            num_line: r.amounts.first().map_or(0, |(_, l)| *l),
            num_lines: r.amounts.iter().map(|(_, l)| *l).collect(),
            groups: Vec::new(),
            from_above: false,
            lines: r.lines,
            done: true,
        })
        .collect();
    let parents = code_parents(&rows);
    push_whole(ctx, table, rows, parents, diags);
}

/// One row's text of a coded table (a line, or one of the rows a copy ran together on a line),
/// read on its own.
#[derive(Clone)]
struct Piece<'t> {
    no: LineNo,
    text: &'t str,
    /// The text before the trailing numbers.
    head: &'t str,
    /// The trailing numbers.
    nums: Vec<NumToken>,
    /// The row the piece starts (code, 合计 or the department's row), without its numbers.
    start: Option<RawRow>,
    /// A line of numbers only whose first ones read as a code of a known 类 ("208 05 05
    /// 4412547 4412547" in a 元 table, whose name was printed above and below it): the row it
    /// starts and its amounts, taken when no row before waits for its numbers.
    coded_numbers: Option<(Code, Vec<NumToken>)>,
    /// A column header printed again after a page break ("项目 一般公共预算支出", "功能分类科目
    /// 编码", "类 款 项").
    header: bool,
}

impl<'t> Piece<'t> {
    fn read(no: LineNo, t: &'t str, style: AmountStyle, ncols: usize, dept: Option<&str>) -> Self {
        let (head, nums) = split_trailing_numbers(t, style);
        Self::from_split(no, t, head, nums, style, ncols, dept)
    }

    /// [`Piece::read`] from the text split into its head and its trailing numbers.
    fn from_split(
        no: LineNo,
        t: &'t str,
        head: &'t str,
        nums: Vec<NumToken>,
        style: AmountStyle,
        ncols: usize,
        dept: Option<&str>,
    ) -> Self {
        let c = compact(head);
        let start = if let Some(label) = total_label(&c) {
            Some(RawRow {
                kind: Some(RowKind::Total),
                parts: vec![label.to_owned()],
                ..Default::default()
            })
        } else if let Some((code, rest)) = leading_code(head) {
            Some(coded_row(code, rest))
        } else if dept.is_some_and(|d| !c.is_empty() && c == d) {
            Some(RawRow {
                kind: Some(RowKind::Unit),
                parts: vec![head.to_owned()],
                ..Default::default()
            })
        } else {
            None
        };
        let coded_numbers = if head.is_empty() {
            leading_code(t).and_then(|(code, rest)| {
                let (name, amounts) = split_trailing_numbers(rest, style);
                let known = schema::FUNCTION_CLASSES
                    .iter()
                    .any(|(c, _)| *c == code.class())
                    || code
                        .class()
                        .parse::<u16>()
                        .is_ok_and(|n| schema::ECON_CLASSES.contains(&n));
                (known && name.is_empty() && (1..=ncols).contains(&amounts.len()))
                    .then_some((code, amounts))
            })
        } else {
            None
        };
        Piece {
            no,
            text: t,
            head,
            header: start.is_none() && nums.is_empty() && is_column_header(&c),
            nums,
            start,
            coded_numbers,
        }
    }

    /// Text only: a part of a name.
    fn is_fragment(&self) -> bool {
        self.start.is_none() && self.nums.is_empty() && !self.head.is_empty() && !self.header
    }

    /// A code and amounts but no name.
    fn is_nameless_code_row(&self) -> bool {
        let nameless = |r: &RawRow| r.code.is_some() && r.parts.is_empty();
        match (&self.start, &self.coded_numbers) {
            (Some(r), _) => nameless(r) && !self.nums.is_empty(),
            (None, coded) => coded.is_some(),
        }
    }

    fn is_named_code_row(&self) -> bool {
        self.start
            .as_ref()
            .is_some_and(|r| r.code.is_some() && !r.parts.is_empty() && !self.nums.is_empty())
    }
}

fn coded_row(code: Code, rest: &str) -> RawRow {
    let mut r = RawRow {
        kind: Some(code.row_kind()),
        code: Some(code),
        ..Default::default()
    };
    if !rest.is_empty() {
        r.parts.push(rest.to_owned());
    }
    r
}

/// Where a copy prints the amounts of a row that it sets on a line of their own, without a
/// code or a name ("2,940.05"; "1,503.52 603.14"): pdfplumber prints them below the row's first
/// line ("合计 2,336.91 603.14" / "2,940.05"), pdftotext -layout above its code line
/// ("1,503.52 603.14" / "201 一般公共服务支出 2,106.66"). A copy does it the same way
/// throughout a table; which way is found by reading the table both ways (see [`read_coded`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spill {
    /// With the row printed before them.
    Below,
    /// With the row printed after them.
    Above,
}

/// A line of amounts waiting for its row: its number, its amounts, its text, and whether it
/// also printed the name of the row after it (a copy that prints names above their rows).
type Pending<'t> = (LineNo, Vec<NumToken>, &'t str, bool);

/// Builds the rows of a coded table from its pieces: a row starts at a code, 合计 or the
/// department's row; lines after it add to its name until its numbers come; a name cut by a
/// line break joins its row.
///
/// Where a name was cut, a copy may print its parts before the row's code line, after it, or
/// both ("机关事业单位基本养老保险缴费支" / "208 05 05 4412547 4412547" / "出": pdfplumber
/// centres the line of numbers on the name). A part of a name printed between two rows goes:
///
/// - when the copy prints every name above its row (most code lines have no name and a name
///   above them; pdfplumber on the 决算's tables), to the row after (the first row's name is the
///   last words of the header above it), and so do the amounts printed with it ("行政运行
///   1,503.52" / "201 06 01 1,511.89 8.37": the row's cells were printed on two lines);
/// - to the row before when that row has no name yet, or its name began after its numbers
///   ("208 05 05 160.75 160.75" / "机关事业单位基本养老保险" / "缴费支出");
/// - to the row after when that row's line has a code and amounts but no name;
/// - to the row before otherwise.
///
/// A line of amounts alone goes to a row still waiting for its numbers, to a 合计 printed
/// without its amounts after it, and otherwise as `spill` says: its numbers are then one more
/// line of that row's (the solver finds how the lines' numbers interleave), as long as the row
/// has no more numbers than the table has columns. What no row can take is reported unread.
fn assemble_coded<'t>(
    pieces: Vec<Piece<'t>>,
    table: &Table,
    ncols: usize,
    spill: Spill,
    diags: &mut Vec<Diagnostic>,
) -> Vec<RawRow> {
    let above = pieces
        .windows(2)
        .filter(|w| w[0].is_fragment() && w[1].is_nameless_code_row())
        .count();
    let named = pieces.iter().filter(|p| p.is_named_code_row()).count();
    let names_above = above > named;
    let mut rows: Vec<RawRow> = Vec::new();
    // Parts of a name printed after a row that has one, not yet given to a row.
    let mut held: Vec<(LineNo, &str)> = Vec::new();
    // The last row's name is being printed after its numbers.
    let mut name_after = false;
    // Lines of amounts not yet given to a row.
    let mut pending: Vec<Pending<'t>> = Vec::new();
    let give_back = |held: &mut Vec<(LineNo, &str)>, rows: &mut Vec<RawRow>| {
        if let Some(r) = rows.last_mut() {
            for (no, part) in held.drain(..) {
                r.lines.push(no);
                r.parts.push(part.to_owned());
            }
            r.lines.sort_unstable();
        }
    };
    // Gives lines of amounts to a row as more of its numbers, or reports them unread when the
    // row would have more numbers than the table has columns.
    let add_lines = |r: &mut RawRow, lines: Vec<Pending>, diags: &mut Vec<Diagnostic>| {
        let count: usize = lines.iter().map(|(_, n, _, _)| n.len()).sum();
        if r.nums.len() + count > ncols {
            for (no, _, text, _) in lines {
                diags.push(unreadable(no, text, table));
            }
            return;
        }
        for (no, nums, _, _) in lines {
            r.add_numbers(no, &nums);
            if !r.lines.contains(&no) {
                r.lines.push(no);
            }
        }
        r.lines.sort_unstable();
    };
    // The lines of amounts below a row that spill there, up to the first printed with the next
    // row's name.
    let below = |pending: &mut Vec<Pending<'t>>| -> Vec<Pending<'t>> {
        let named = pending.iter().position(|x| x.3).unwrap_or(pending.len());
        pending.drain(..named).collect()
    };
    for p in pieces {
        if rows.is_empty() && p.start.is_none() && p.nums.is_empty() {
            // The header above the first row; in a copy that prints names above their rows,
            // the last words before the first row are its name.
            held.clear();
            if names_above && p.is_fragment() {
                held.push((p.no, p.head));
            }
            continue;
        }
        if p.header {
            continue;
        }
        let waiting = rows.last().is_some_and(|r| !r.done);
        if p.is_fragment() && !waiting {
            match rows.last_mut() {
                Some(r) if !names_above && (r.parts.is_empty() || name_after) => {
                    r.lines.push(p.no);
                    r.parts.push(p.head.to_owned());
                    name_after = true;
                }
                _ => held.push((p.no, p.head)),
            }
            continue;
        }
        name_after = false;
        let (start, nums) = match (p.start, p.coded_numbers) {
            (Some(r), _) => (Some(r), p.nums),
            (None, Some((code, amounts))) if !waiting => (Some(coded_row(code, "")), amounts),
            (None, _) => (None, p.nums),
        };
        match start {
            // The row just read printed again without its name ("210 11 60.99 60.99" after
            // "210 11 行政事业单位医疗 60.99 60.99": a tab-separated copy repeats a row it also
            // read as text): the same row.
            Some(r)
                if held.is_empty()
                    && pending.is_empty()
                    && r.parts.is_empty()
                    && rows.last().is_some_and(|last| {
                        last.done
                            && last.code.is_some()
                            && last.code == r.code
                            && last.nums == numbers_of(&nums)
                    }) =>
            {
                if let Some(last) = rows.last_mut() {
                    last.lines.push(p.no);
                }
            }
            Some(mut r) => {
                if !pending.is_empty() {
                    // Amounts printed above a 合计 set lower (pdftotext -layout centres them on
                    // the label: "2,946.25 2,940.05 6.20" / "类 款 项" / "合计") are its own.
                    let label_alone = r.kind == Some(RowKind::Total) && nums.is_empty();
                    let count: usize = pending.iter().map(|x| x.1.len()).sum();
                    let before = if label_alone && count > ncols {
                        // More than the label can hold: the last line is its own.
                        pending.len() - 1
                    } else if spill == Spill::Below && !label_alone {
                        pending.iter().position(|x| x.3).unwrap_or(pending.len())
                    } else {
                        0
                    };
                    let lines: Vec<Pending> = pending.drain(..before).collect();
                    match rows
                        .last_mut()
                        .filter(|last| spill == Spill::Below && !last.from_above)
                    {
                        Some(last) => add_lines(last, lines, diags),
                        None => {
                            for (no, _, text, _) in lines {
                                diags.push(unreadable(no, text, table));
                            }
                        }
                    }
                    if r.code.is_some() || r.kind == Some(RowKind::Total) {
                        r.from_above = !pending.is_empty();
                        add_lines(&mut r, std::mem::take(&mut pending), diags);
                    } else {
                        for (no, _, text, _) in pending.drain(..) {
                            diags.push(unreadable(no, text, table));
                        }
                    }
                }
                let takes_held = (!nums.is_empty() || r.done)
                    && r.code.is_some()
                    && (r.parts.is_empty() || names_above);
                if takes_held {
                    // A name centred on its code line ("机关事业单位基本养老保险缴" / "208 05 05
                    // 203.41" / "费支出") leaves its tail and the next row's head both between
                    // the two code lines: where the row above began its name above its code
                    // line and two or more bare lines lie between, where one name ends is not
                    // known from the layout. The lines are read as before, and the reader is
                    // told the names are in doubt; once every table is read, the document's
                    // own names may settle the split (parse/names.rs), else no check by name
                    // reads those rows.
                    let centred_above = rows.last().is_some_and(|last| {
                        last.code.is_some()
                            && !last.parts.is_empty()
                            && last.lines.first().is_some_and(|&f| f < last.num_line)
                    });
                    if held.len() >= 2 && centred_above {
                        let mut lines: Vec<LineNo> = held.iter().map(|(no, _)| *no).collect();
                        lines.extend(rows.last().map(|l| l.num_line));
                        lines.push(p.no);
                        lines.sort_unstable();
                        diags.push(name_in_doubt(lines, table));
                    }
                    for (no, part) in held.drain(..).rev() {
                        r.lines.insert(0, no);
                        r.parts.insert(0, part.to_owned());
                    }
                    r.lines.sort_unstable();
                } else {
                    give_back(&mut held, &mut rows);
                    held.clear();
                }
                r.lines.push(p.no);
                r.lines.sort_unstable();
                r.lines.dedup();
                if !nums.is_empty() {
                    if !r.nums.is_empty() && r.nums.len() + nums.len() > ncols {
                        diags.push(unreadable(p.no, p.text, table));
                    } else {
                        r.add_numbers(p.no, &nums);
                    }
                }
                rows.push(r);
            }
            None => {
                let amounts_alone = p.head.is_empty() && !nums.is_empty();
                // In a copy that prints names above their rows, a name printed with amounts
                // belongs, with them, to the row after ("一般公共服务支出 1,503.52 603.14" /
                // "201 2,106.66").
                let named_above = names_above && !waiting && !p.head.is_empty() && !nums.is_empty();
                if named_above {
                    held.push((p.no, p.head));
                    pending.push((p.no, nums, p.text, true));
                    continue;
                }
                if amounts_alone && (spill == Spill::Above || !waiting) {
                    match rows.last_mut() {
                        // The amounts of the row just read, printed again on a line of their
                        // own (a tab-separated copy repeats rows it also read as text). A row of
                        // one amount in a table of several columns is no whole row (its total
                        // alone, without the parts that make it): the same amount after it is
                        // the rest of its figures, wrapped onto the next line ("208 05 05 机关
                        // 事业单位基本养老保险缴费支出 1,748,327.00" / "1,748,327.00").
                        Some(r)
                            if pending.is_empty()
                                && r.done
                                && r.nums == numbers_of(&nums)
                                && (r.nums.len() > 1 || ncols == 1) =>
                        {
                            r.lines.push(p.no);
                        }
                        _ => pending.push((p.no, nums, p.text, false)),
                    }
                    continue;
                }
                give_back(&mut held, &mut rows);
                match rows.last_mut() {
                    Some(r) if !r.done => {
                        r.lines.push(p.no);
                        if !p.head.is_empty() {
                            r.parts.push(p.head.to_owned());
                        }
                        r.add_numbers(p.no, &nums);
                    }
                    _ => diags.push(unreadable(p.no, p.text, table)),
                }
            }
        }
    }
    if !pending.is_empty() {
        let lines = match spill {
            Spill::Below => below(&mut pending),
            Spill::Above => Vec::new(),
        };
        match rows.last_mut().filter(|last| !last.from_above) {
            Some(last) => add_lines(last, lines, diags),
            None => pending.extend(lines),
        }
        for (no, _, text, _) in pending {
            diags.push(unreadable(no, text, table));
        }
    }
    give_back(&mut held, &mut rows);
    rows
}

/// The rows a line holds. A copy that runs a page's rows together on one line (PDFium, which
/// Chrome's viewer uses: "204 公共安全支出 1252300 0 1252300 204 06 司法 150000 0 150000 …")
/// is cut where a row evidently begins, right after the previous row's last amount:
///
/// - a classification code (类 "204", 款 "204 06", 项 "204 06 07", or joined "20406") followed
///   by a name: a code is never followed by an amount, so an amount (even a three-digit one
///   before a code, "… 0 150 204 06 司法") is never taken for a code;
/// - 合计 / 总计, or the department's own row, followed by amounts.
///
/// A cut is made only where the amounts before it fit the table's columns (`ncols`, from the
/// layout): a longer run means the line is not a run of whole rows, and it is left as it is.
/// `None` for a line of one row (`head` is its text before its trailing amounts).
fn row_pieces<'t>(
    t: &'t str,
    head: &str,
    style: AmountStyle,
    ncols: usize,
    dept: Option<&str>,
) -> Option<Vec<&'t str>> {
    let amount = |tok: &str| table_token(tok, style).is_some();
    let numeric = |tok: &str| amount(tok) || decimal(tok).is_some();
    // The label of a row without a code.
    let label = |tok: &str| matches!(tok, "合计" | "总计") || dept.is_some_and(|d| d == tok);
    // What a code's first token can be: three digits, or five or seven joined, from 1, 2 or 3.
    let code_like = |tok: &str| {
        matches!(tok.len(), 3 | 5 | 7)
            && tok.bytes().all(|b| b.is_ascii_digit())
            && matches!(tok.as_bytes()[0], b'1'..=b'3')
    };
    // Whether a code of five or seven digits is printed joined ("2040607") rather than spaced
    // ("204 06 07"); a 类 code alone shows neither.
    let joined_form = |code: &Code, at: &str| {
        (code.0.len() > 3).then(|| at.split(' ').next().is_some_and(|tok| tok.len() > 3))
    };
    // How the line prints its codes, once one shows it: a code printed the other way is an
    // amount ("… 2177200 0 2177200 合计 …" after "221 03 99 …"). Read when first needed.
    let mut joined: Option<Option<bool>> = None;
    let mut cuts: Vec<usize> = Vec::new();
    // Amounts since the last word.
    let mut run = 0usize;
    let mut offset = 0;
    // A row begins at a word (a code's name, a label) that is not one of the line's trailing
    // amounts: the cuts all lie in `head`, the text before them, and the label's amount
    // after it may be the first trailing one.
    let mut toks = t.split(' ').peekable();
    while let Some(tok) = toks.next() {
        let o = offset;
        if o >= head.len() {
            break;
        }
        offset += tok.len() + 1;
        if run > 0 && run <= ncols {
            if code_like(tok) {
                let rest = &t[o..];
                let form_of_line = *joined
                    .get_or_insert_with(|| leading_code(t).and_then(|(c, _)| joined_form(&c, t)));
                let code = leading_code(rest).filter(|(code, name)| {
                    let first = name.split(' ').next().unwrap_or_default();
                    let form = joined_form(code, rest);
                    !first.is_empty()
                        && !numeric(first)
                        && !label(first)
                        && (form_of_line.is_none() || form.is_none() || form_of_line == form)
                });
                if let Some((code, _)) = code {
                    joined = Some(form_of_line.or(joined_form(&code, rest)));
                    cuts.push(o);
                }
            } else if label(tok) && toks.peek().is_some_and(|x| amount(x)) {
                cuts.push(o);
            }
        }
        let digits = tok.starts_with(|c: char| c.is_ascii_digit() || is_cell_dash(c));
        run = if digits && amount(tok) { run + 1 } else { 0 };
    }
    if cuts.is_empty() {
        return None;
    }
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts {
        pieces.push(t[from..cut].trim());
        from = cut;
    }
    pieces.push(t[from..].trim());
    Some(pieces)
}

/// Lines of names between two coded rows that could be split between them more than one way.
fn name_in_doubt(lines: Vec<LineNo>, table: &Table) -> Diagnostic {
    let at = lines
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("、");
    Diagnostic {
        code: DiagCode::NameInDoubt,
        message_zh: format!(
            "{}：第 {} 行的科目名称折行印在两个编码行之间，无法确定哪部分属于哪一行；按科目名称的核对未采用这些行。",
            table.title, at
        ),
        message_en: format!(
            "{}: lines {} print wrapped item names between two code lines, and which part belongs to which row is not certain; checks by item name did not use them.",
            table.title, at
        ),
        lines,
    }
}

/// Whether a line prints an amount: a number with a decimal point or thousands separators
/// ("22.91", "580,885"), not a year, a code or a list's "1.".
fn prints_amount(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        w.bytes().any(|b| b.is_ascii_digit())
            && w.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
            && (w.contains('.') || w.contains(','))
    })
}

fn unreadable(no: LineNo, text: &str, table: &Table) -> Diagnostic {
    Diagnostic {
        code: DiagCode::UnreadableRow,
        lines: vec![no],
        message_zh: format!(
            "{}：第 {} 行不像表格的一行，已跳过：{}",
            table.title,
            no,
            clip(text)
        ),
        message_en: format!(
            "{}: line {} does not read as a table row and was skipped: {}",
            table.title,
            no,
            clip(text)
        ),
    }
}

/// The first 40 characters of a line, for messages.
pub fn clip(t: &str) -> String {
    let mut s: String = t.chars().take(40).collect();
    if t.chars().count() > 40 {
        s.push('…');
    }
    s
}

/// 表7: a 7-digit row's text is its 功能分类 name followed by its 项目名称. The name is known
/// from the tables read before (表2, 表3, 表5), so strip it; what is left is the project.
fn split_project_names(doc: &Document, rows: &mut [RawRow]) {
    let mut names: HashMap<&str, &str> = HashMap::new();
    for t in &doc.tables {
        for r in t.rows() {
            if let Some(c) = &r.code {
                names.entry(c.0.as_str()).or_insert(r.name.as_str());
            }
        }
    }
    for r in rows.iter_mut().filter(|r| r.kind == Some(RowKind::Xiang)) {
        let Some(code) = &r.code else { continue };
        let text = r.name();
        let split = match names.get(code.0.as_str()) {
            Some(known) => strip_prefix_ignoring_spaces(&text, known)
                .map(|p| ((*known).to_owned(), p.trim().to_owned())),
            // Unknown code: the first word of the first line is the function name.
            None => r
                .parts
                .first()
                .and_then(|f| f.split_once(' '))
                .map(|(a, _)| {
                    let rest = text[a.len()..].trim().to_owned();
                    (a.to_owned(), rest)
                }),
        };
        if let Some((name, project)) = split.filter(|(_, p)| !p.is_empty()) {
            r.parts = vec![name];
            r.project = Some(project);
            r.kind = Some(RowKind::Project);
        }
    }
}

/// `text` without a leading `prefix`, where spaces in either do not count.
fn strip_prefix_ignoring_spaces<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let mut want = prefix.chars().filter(|c| !c.is_whitespace()).peekable();
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if want.peek().is_none() {
            break;
        }
        end = i + c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if want.next() != Some(c) {
            return None;
        }
    }
    want.peek().is_none().then(|| &text[end..])
}

/// Parent of each row from its code: a 项 under the last 款 it falls within, a 款 under its
/// 类, a 类 under the department row (表7, 表11) or the total, wherever the total is printed
/// (first in the Xinjiang template, last in the Shanghai ones).
fn code_parents(rows: &[RawRow]) -> Vec<Option<usize>> {
    let total = rows.iter().position(|r| r.kind == Some(RowKind::Total));
    let unit = rows.iter().position(|r| r.kind == Some(RowKind::Unit));
    let top = unit.or(total);
    // The last row printed with each code: a row's parent is the nearest earlier row whose
    // code is a prefix of its own.
    let mut last: HashMap<&str, usize> = HashMap::new();
    let mut parents = Vec::with_capacity(rows.len());
    for (i, r) in rows.iter().enumerate() {
        let p = match (r.kind, &r.code) {
            (Some(RowKind::Total), _) => None,
            (Some(RowKind::Unit), _) => total.filter(|&t| t < i),
            // The total may be printed last (Shanghai): it is still every top row's parent.
            (_, Some(code)) => [5usize, 3]
                .iter()
                .filter(|&&n| n < code.0.len())
                .filter_map(|&n| code.0.get(..n).and_then(|pre| last.get(pre).copied()))
                .max()
                .or(top.filter(|&t| t != i)),
            _ => top.filter(|&t| t != i),
        };
        if let (Some(code), false) = (&r.code, r.kind == Some(RowKind::Project)) {
            last.insert(code.0.as_str(), i);
        }
        parents.push(p);
    }
    parents
}

/// Facts from earlier tables about a table's 总计 row, column by column. A table printed in
/// another unit (the Shanghai 三公 table is in 万元, the rest in 元) gives no hints: its rounded
/// amounts cannot be compared exactly.
fn total_hints(doc: &Document, table: &Table, columns: &[Col]) -> Vec<Hint> {
    let kind = table.kind;
    let layout = Layout::of(&doc.meta);
    let same_unit = |k: TableKind| doc.table(k).filter(|t| t.unit == table.unit);
    let mut hints = Vec::new();
    let col = |c: Col| columns.iter().position(|&x| x == c);
    let mut add = |cols: &[Col], v: Option<Decimal>| {
        let idx: Option<Vec<usize>> = cols.iter().map(|&c| col(c)).collect();
        if let (Some(idx), Some(v)) = (idx, v) {
            hints.push(Hint {
                cols: idx,
                expected: v,
            });
        }
    };
    let income = same_unit(TableKind::Summary).and_then(|t| t.block(Side::Income));
    let key = |k: RowKey| income.and_then(|b| b.keyed(k).map(|r| b.value(r, Col::Amount)));
    let total_of = |k: TableKind, c: Col| {
        same_unit(k)
            .and_then(|t| t.main())
            .and_then(|b| b.total().map(|r| b.value(r, c)))
    };
    match kind {
        TableKind::Income => {
            // A 决算's 收入决算表 covers the year's income only (本年收入合计).
            let total = if layout.is_shanghai_final() {
                RowKey::CurrentIncome
            } else {
                RowKey::IncomeTotal
            };
            add(&[Col::Total], key(total));
            let fiscal = [RowKey::GeneralBudget, RowKey::GovFund, RowKey::StateCapital]
                .into_iter()
                .map(key)
                .try_fold(Decimal::ZERO, |a, v| v.map(|v| a + v));
            add(&[Col::FiscalSubtotal], fiscal);
            // Shanghai: 财政拨款收入 (printed in a budget, the sum of its budgets in a 决算).
            add(
                &[Col::FiscalIncome],
                key(RowKey::FiscalAppropriation).or(fiscal),
            );
            for (c, k) in [
                (Col::GeneralBudget, RowKey::GeneralFinance),
                (Col::GeneralTransfer, RowKey::GeneralTransfer),
                (Col::GovFund, RowKey::GovFundIncome),
                (Col::GovFundTransfer, RowKey::GovFundTransfer),
                (Col::StateCapital, RowKey::StateCapitalIncome),
                (Col::StateCapitalTransfer, RowKey::StateCapitalTransfer),
                (Col::SpecialAccount, RowKey::SpecialAccount),
                (Col::UnitFunds, RowKey::UnitFunds),
                (Col::FiscalCarryover, RowKey::FiscalCarryover),
                (Col::NonFiscalCarryover, RowKey::NonFiscalCarryover),
                (Col::SuperiorSubsidy, RowKey::SuperiorSubsidy),
                (Col::BusinessIncome, RowKey::BusinessIncome),
                (Col::OperatingIncome, RowKey::OperatingIncome),
                (Col::AffiliatedIncome, RowKey::AffiliatedIncome),
                (Col::OtherIncome, RowKey::OtherIncome),
            ] {
                add(&[c], key(k));
            }
        }
        TableKind::GeneralBasic => add(
            &[Col::Total],
            total_of(TableKind::GeneralExpense, Col::Basic),
        ),
        TableKind::GeneralProjects => add(
            &[Col::Total],
            total_of(TableKind::GeneralExpense, Col::Project),
        ),
        TableKind::ThreePublic => {
            for c in [Col::GovFund, Col::StateCapital] {
                if let Some(v) = total_of(TableKind::FiscalSummary, c) {
                    if v.is_zero() {
                        add(&[c], Some(Decimal::ZERO));
                    }
                }
            }
        }
        TableKind::CarryOver => {
            add(&[Col::FiscalCarryTotal], key(RowKey::FiscalCarryover));
            add(&[Col::NonFiscalCarryTotal], key(RowKey::NonFiscalCarryover));
            // 表3 项目 = 表5 项目 + 表8 + 表9 + carried-over project money (rule X22).
            let carried = |c: Col| {
                let all = total_of(TableKind::Expense, c)?;
                let gpb = total_of(TableKind::GeneralExpense, c)?;
                let other = match c {
                    Col::Project => [TableKind::GovFund, TableKind::StateCapital]
                        .into_iter()
                        .map(|k| total_of(k, Col::Project).unwrap_or_default())
                        .sum(),
                    _ => Decimal::ZERO,
                };
                Some(all - gpb - other)
            };
            add(
                &[Col::FiscalCarryProject, Col::NonFiscalCarryProject],
                carried(Col::Project),
            );
            add(
                &[
                    Col::FiscalCarryPersonnel,
                    Col::FiscalCarryPublic,
                    Col::NonFiscalCarryPersonnel,
                    Col::NonFiscalCarryPublic,
                ],
                carried(Col::Basic),
            );
        }
        _ => {}
    }
    hints
}

/// Places the numbers of `rows` in `columns` and builds the block.
/// Solves a one-block table's rows with its layout's columns and the hints from tables read
/// before it, and adds the block.
fn push_whole(
    ctx: &Ctx,
    table: &mut Table,
    rows: Vec<RawRow>,
    parents: Vec<Option<usize>>,
    diags: &mut Vec<Diagnostic>,
) {
    let columns = schema::columns(ctx.layout, table.kind, Side::Whole);
    let hints = total_hints(ctx.doc, table, &columns);
    let (block, _) = solve_block(
        ctx,
        table,
        Side::Whole,
        columns,
        rows,
        parents,
        hints,
        diags,
    );
    table.blocks.push(block);
}

#[allow(clippy::too_many_arguments)]
fn solve_block(
    ctx: &Ctx,
    table: &Table,
    side: Side,
    columns: Vec<Col>,
    rows: Vec<RawRow>,
    parents: Vec<Option<usize>>,
    total_hints: Vec<Hint>,
    diags: &mut Vec<Diagnostic>,
) -> (Block, usize) {
    let (mut rows, mut parents) = (rows, parents);
    if rows.len() > MAX_ROWS {
        let first = rows[MAX_ROWS].lines.first().copied().unwrap_or(0);
        diags.push(Diagnostic {
            code: DiagCode::TooLarge,
            lines: vec![first],
            message_zh: format!(
                "{}：超过 {MAX_ROWS} 行，之后的 {} 行未读取。",
                table.title,
                rows.len() - MAX_ROWS
            ),
            message_en: format!(
                "{}: more than {MAX_ROWS} rows; the {} rows after that were not read.",
                table.title,
                rows.len() - MAX_ROWS
            ),
        });
        rows.truncate(MAX_ROWS);
        parents.truncate(MAX_ROWS);
    }
    let problem = problem_of(ctx, table.kind, &columns, &rows, &parents, &total_hints);
    let solution = solve::solve(&problem);
    // A row printed on several lines whose numbers could go more than one way is not read: a
    // guess would put an amount in the wrong column.
    let uncertain = uncertain_rows(&rows, &solution);
    for &i in &uncertain {
        let r = &rows[i];
        let label = r
            .code
            .as_ref()
            .map(|c| c.spaced())
            .unwrap_or_else(|| r.name());
        diags.push(Diagnostic {
            code: DiagCode::UnreadableRow,
            lines: r.lines.clone(),
            message_zh: format!(
                "{}「{}」行：其数字分印在几行上，表中其他数字无法确定各数所在的列，未读取。",
                table.title, label
            ),
            message_en: format!(
                "{} row '{}': its numbers were printed on several lines and the table's other numbers cannot tell which columns they belong to; not read.",
                table.title, label
            ),
        });
    }
    for note in &solution.notes {
        let about_uncertain = match *note {
            Note::Ambiguous { row, .. } | Note::Capped { row } => uncertain.contains(&row),
            Note::Overflow { .. } => false,
        };
        if !about_uncertain {
            diags.push(note_diagnostic(note, &rows, &columns, &solution, table));
        }
    }
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let mut cells = vec![None; columns.len()];
            let placed = solution.columns.get(i).filter(|_| !uncertain.contains(&i));
            for ((v, line), c) in r
                .nums
                .iter()
                .zip(r.number_lines())
                .zip(placed.into_iter().flatten())
            {
                if let (Some(v), Some(c)) = (v, c) {
                    cells[*c] = Some(Cell { value: *v, line });
                }
            }
            let name = r.name();
            Row {
                kind: r.kind.unwrap_or(RowKind::Item),
                key: r.key,
                code: r.code,
                name,
                project: r.project,
                cells,
                lines: r.lines,
            }
        })
        .collect();
    let block = Block {
        side,
        columns,
        rows,
    };
    (block, solution.broken + uncertain.len())
}

/// The solver's problem for a block: its rows' numbers (and how the copy split them over
/// lines), their parents, the table's identities and the hints on its total row.
fn problem_of(
    ctx: &Ctx,
    kind: TableKind,
    columns: &[Col],
    rows: &[RawRow],
    parents: &[Option<usize>],
    total_hints: &[Hint],
) -> Problem {
    Problem {
        ncols: columns.len(),
        identities: schema::identities(kind)
            .iter()
            .filter_map(|id| {
                let t = columns.iter().position(|&c| c == id.total)?;
                let parts: Vec<usize> = id
                    .parts
                    .iter()
                    .filter_map(|p| columns.iter().position(|c| c == p))
                    .collect();
                (!parts.is_empty()).then_some((t, parts))
            })
            .collect(),
        prior: columns.iter().map(|&c| schema::prior(c)).collect(),
        half_ulp: ctx.half_ulp(),
        rows: rows
            .iter()
            .zip(parents)
            .take(MAX_ROWS)
            .map(|(r, &parent)| SolveRow {
                numbers: r.nums.clone(),
                parent,
                hints: if r.kind == Some(RowKind::Total) {
                    total_hints.to_vec()
                } else {
                    Vec::new()
                },
                groups: r.groups.iter().map(|&(_, n)| n).collect(),
            })
            .collect(),
    }
}

fn note_diagnostic(
    note: &Note,
    rows: &[RawRow],
    columns: &[Col],
    sol: &solve::Solution,
    table: &Table,
) -> Diagnostic {
    let describe = |i: usize| {
        let r = &rows[i];
        let label = r
            .code
            .as_ref()
            .map(|c| c.spaced())
            .unwrap_or_else(|| join_fragments(&r.parts));
        (label, r.lines.clone())
    };
    match *note {
        Note::Ambiguous {
            row, alternatives, ..
        } => {
            let (label, lines) = describe(row);
            let mut placed: Vec<usize> = sol.columns[row].iter().flatten().copied().collect();
            placed.sort_unstable();
            let chosen: Vec<String> = placed
                .iter()
                .map(|&c| columns[c].title().into_owned())
                .collect();
            Diagnostic {
                code: DiagCode::AmbiguousColumns,
                lines,
                message_zh: format!(
                    "{}「{}」行：表中其他数字无法确定各数所在的列（另有 {} 种同样吻合的排列），按最常见的列取为 {}。",
                    table.title,
                    label,
                    alternatives,
                    chosen.join("、")
                ),
                message_en: format!(
                    "{} row '{}': the table's other numbers cannot tell which columns its numbers belong to ({} other placements fit as well); took the most usual: {}.",
                    table.title,
                    label,
                    alternatives,
                    chosen.join(", ")
                ),
            }
        }
        Note::Capped { row } => {
            let (label, lines) = describe(row);
            Diagnostic {
                code: DiagCode::SearchCapped,
                lines,
                message_zh: format!("{}「{}」行：列的组合过多，已截断搜索，结果为找到的最佳排列。", table.title, label),
                message_en: format!(
                    "{} row '{}': too many column placements to try them all; the search was capped and the best found is kept.",
                    table.title, label
                ),
            }
        }
        Note::Overflow { row, dropped } => {
            let (label, lines) = describe(row);
            Diagnostic {
                code: DiagCode::TooManyNumbers,
                lines,
                message_zh: format!("{}「{}」行的数字比表的列多，前 {} 个数字未计入。", table.title, label, dropped),
                message_en: format!(
                    "{} row '{}' has more numbers than the table has columns; the first {} were left out.",
                    table.title, label, dropped
                ),
            }
        }
    }
}

/// A body line of a table read by its labels, or the lines a copy broke one row's label over,
/// put back together ([`rejoin_labels`]).
struct LabelLine {
    /// The lines it was printed on, in order.
    nos: Vec<LineNo>,
    /// Its text: the label whole, then the row's figures.
    text: String,
}

impl LabelLine {
    /// A line as printed.
    fn of(l: &Line) -> Self {
        LabelLine {
            nos: vec![l.no],
            text: l.text.clone(),
        }
    }
}

/// The body lines of a table read by its labels, each row whose label a copy wrapped in its
/// cell put back on one line. A line of text without figures is only ever joined to its
/// neighbour when neither part alone is a row name the table knows (`known`, on the compact
/// label) and the two joined are one; the figures may be printed with the label's first part
/// ("十九、住房保障支 445.69" / "出"), with its last ("公务用车购置及运" / "行费（小计） 9.60 9.60"),
/// on a line of their own after both ("十九、住房保障支" / "出" / "445.69", where every line of
/// figures alone in the table follows a label's two parts), or between them ("库尔勒市朝阳街道" / "12.66 12.66 12.66" / "办事处": a copy that
/// centres the figures on a label set over two lines). Where no join makes a known name the
/// lines stay as printed, and the table's reader decides as before.
fn rejoin_labels(
    body: &[&Line],
    style: AmountStyle,
    known: &dyn Fn(&str) -> bool,
) -> Vec<LabelLine> {
    let halves = join_cut_halves(body, style, known);
    let lines: Vec<Line> = halves
        .iter()
        .map(|l| Line::new(l.nos[0], l.text.clone()))
        .collect();
    let refs: Vec<&Line> = lines.iter().collect();
    let mut out = rejoin_whole_labels(&refs, style, known);
    // Each line of the first pass stands for the lines it was printed on. The second pass
    // keeps the first pass's lines in their order, each in one line of its own: its lines
    // take them in turn (one pass, where looking each up was quadratic in a long paste).
    let mut halves = halves.into_iter();
    for l in &mut out {
        l.nos = halves
            .by_ref()
            .take(l.nos.len())
            .flat_map(|h| h.nos)
            .collect();
    }
    out
}

/// A label cut at the end of a line after other cells and finished at the start of the next
/// ("一、财政拨款收入 31,214,205.80 一、一般公共" / "服务支出 22,186,440.80", a two-sided table's
/// 支出 label wrapped at a narrow page's width): the next line's head goes back onto the line.
/// Only where the line's last word and the next line's first word (neither a figure) make a row
/// name the table knows, and neither alone is one.
fn join_cut_halves(
    body: &[&Line],
    style: AmountStyle,
    known: &dyn Fn(&str) -> bool,
) -> Vec<LabelLine> {
    // A figure, a dash, or an ordinal's number ("1."): never part of a cut label.
    let figure = |w: &str| {
        table_token(w, style).is_some()
            || decimal(w).is_some()
            || w.chars().all(|c| c.is_ascii_digit() || ",.-%".contains(c))
    };
    let last_word = |t: &str| -> Option<String> {
        let t = t.trim_end();
        let w = &t[t.rfind(' ')? + 1..];
        (!w.is_empty() && !figure(w)).then(|| w.to_owned())
    };
    let first_word = |t: &str| -> Option<String> {
        let w = t.trim_start().split(' ').next()?;
        (!w.is_empty() && !figure(w)).then(|| w.to_owned())
    };
    let mut out: Vec<LabelLine> = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let t = body[i].text.as_str();
        let next = body.get(i + 1).map(|l| l.text.as_str());
        let cut = last_word(t).zip(next.and_then(first_word));
        if let (Some((tail, head)), Some(n)) = (cut, next) {
            let whole = compact_label(&format!("{tail}{head}"));
            if known(&whole) && !known(&compact_label(&tail)) && !known(&compact_label(&head)) {
                let rest = n.trim_start()[head.len()..].trim_start();
                let text = format!("{}{head} {rest}", t.trim_end())
                    .trim_end()
                    .to_owned();
                out.push(LabelLine {
                    nos: vec![body[i].no, body[i + 1].no],
                    text,
                });
                i += 2;
                continue;
            }
        }
        out.push(LabelLine::of(body[i]));
        i += 1;
    }
    out
}

/// [`rejoin_labels`]'s second pass: labels wrapped whole onto lines of their own.
fn rejoin_whole_labels(
    body: &[&Line],
    style: AmountStyle,
    known: &dyn Fn(&str) -> bool,
) -> Vec<LabelLine> {
    let split = |t: &str| split_trailing_numbers(t, style).0.len();
    // The label part of a line that is text only as far as the table knows it.
    // An amount inside the text: the line holds more than a label (both halves of a
    // two-sided line, "371514655.00 一、一般公共服务支出").
    let amount_inside = |head: &str| {
        head.split(' ')
            .any(|w| decimal(w).is_some() && (w.contains('.') || w.len() > 3))
    };
    let unknown_label = |t: &str| -> Option<String> {
        let head = &t[..split(t)];
        (!head.is_empty()
            && !is_sentence(t)
            && !amount_inside(head)
            && !known(&compact_label(head)))
        .then(|| head.to_owned())
    };
    let joins = |a: &str, b: &str| known(&compact_label(&format!("{a}{b}")));
    let figures = |t: &str| t[split(t)..].trim().to_owned();
    let alone = |l: &Line| split(&l.text) == 0 && !l.text.trim().is_empty();
    // Whether the copy prints a wrapped label's figures after both its parts: every line of
    // figures alone follows the two parts of a label, neither with figures. A copy that prints
    // figures above their labels (pdftotext -layout: "2,940.05" / "一、一般公共预算财政拨款",
    // "2,940.05 2,940.05" / "本年收入合计 …") sets some elsewhere, and there the figures after
    // a wrapped label are the next row's.
    let pair_before = |k: usize| {
        k >= 2 && {
            let (a, b) = (&body[k - 2].text, &body[k - 1].text);
            match (unknown_label(a), unknown_label(b)) {
                (Some(h), Some(t)) => {
                    figures(a).is_empty() && figures(b).is_empty() && joins(&h, &t)
                }
                _ => false,
            }
        }
    };
    let figures_last = (0..body.len()).all(|k| !alone(body[k]) || pair_before(k));
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let t = body[i].text.as_str();
        if let Some(head) = unknown_label(t) {
            let next = body.get(i + 1).map(|l| l.text.as_str());
            // The label's two parts on two lines, the figures with at most one of them.
            if let Some(tail) = next.and_then(unknown_label) {
                let n = next.unwrap_or_default();
                if (figures(t).is_empty() || figures(n).is_empty()) && joins(&head, &tail) {
                    // The figures on a line of their own after both parts (PDFium: "十九、住房
                    // 保障支" / "出" / "445.69"), where the copy prints figures that way.
                    let after = body.get(i + 2);
                    if figures_last
                        && figures(t).is_empty()
                        && figures(n).is_empty()
                        && after.is_some_and(|l| alone(l))
                    {
                        let f = after.map(|l| l.text.trim()).unwrap_or_default();
                        out.push(LabelLine {
                            nos: vec![body[i].no, body[i + 1].no, body[i + 2].no],
                            text: format!("{head}{tail} {f}"),
                        });
                        i += 3;
                        continue;
                    }
                    out.push(LabelLine {
                        nos: vec![body[i].no, body[i + 1].no],
                        text: format!("{head}{tail} {}{}", figures(t), figures(n))
                            .trim_end()
                            .to_owned(),
                    });
                    i += 2;
                    continue;
                }
            }
            // The figures alone between the label's two parts.
            let middle = next.filter(|n| split(n) == 0 && !n.trim().is_empty());
            let third = body.get(i + 2).map(|l| l.text.as_str());
            if let (Some(m), Some(tail)) = (middle, third.and_then(unknown_label)) {
                let th = third.unwrap_or_default();
                if figures(t).is_empty() && figures(th).is_empty() && joins(&head, &tail) {
                    out.push(LabelLine {
                        nos: vec![body[i].no, body[i + 1].no, body[i + 2].no],
                        text: format!("{head}{tail} {}", m.trim()),
                    });
                    i += 3;
                    continue;
                }
            }
        }
        out.push(LabelLine::of(body[i]));
        i += 1;
    }
    out
}

/// 表10: labelled rows (合计, 因公出国（境）费 …) with four columns.
fn read_labelled(ctx: &Ctx, table: &mut Table, diags: &mut Vec<Diagnostic>) {
    let mut matcher = LabelMatcher::new(THREE_PUBLIC);
    let mut rows: Vec<RawRow> = Vec::new();
    let known = |c: &str| c == "合计" || c == "总计" || matcher.knows(c);
    let body = rejoin_labels(&ctx.body(), ctx.style, &known);
    for line in body {
        let t = line.text.as_str();
        let no = line.nos.last().copied().unwrap_or(0);
        if is_sentence(t) {
            table.empty_statement.get_or_insert(Located {
                value: t.to_owned(),
                line: line.nos[0],
            });
            continue;
        }
        let (head, nums) = three_public_split(t, ctx.style);
        let label = compact_label(head);
        let (kind, key) = if label == "合计" || label == "总计" {
            (Some(RowKind::Total), None)
        } else {
            match matcher.key(&label) {
                Some(k) => (Some(RowKind::Item), Some(k)),
                None => (None, None),
            }
        };
        if kind.is_some() {
            let mut r = RawRow {
                kind,
                key,
                parts: vec![head.to_owned()],
                lines: line.nos.clone(),
                ..Default::default()
            };
            if !nums.is_empty() {
                r.nums = numbers_of(&nums);
                r.num_line = no;
            }
            rows.push(r);
        } else if rows.is_empty() && nums.is_empty() {
            // Column titles the header did not take ("项 目" / "预 算 数" / "决 算 数").
            continue;
        } else if let Some(r) = rows.last_mut().filter(|r| r.nums.is_empty()) {
            r.lines.extend(&line.nos);
            r.parts.push(head.to_owned());
            if !nums.is_empty() {
                r.nums = numbers_of(&nums);
                r.num_line = no;
            }
        } else {
            diags.push(unreadable(no, &line.text, table));
        }
    }
    let total = rows.iter().position(|r| r.kind == Some(RowKind::Total));
    let vehicles = rows.iter().position(|r| r.key == Some(RowKey::Vehicles));
    let parents = rows
        .iter()
        .map(|r| match r.key {
            Some(RowKey::VehiclePurchase | RowKey::VehicleOperation) => vehicles.or(total),
            Some(RowKey::RunningCost) | None => None,
            Some(_) => total,
        })
        .collect();
    push_whole(ctx, table, rows, parents, diags);
}

/// Whether a line's words are the label of a “三公” table's row: 合计 or an item.
fn three_public_label(words: &str) -> bool {
    let label = compact_label(words);
    label == "合计"
        || label == "总计"
        || THREE_PUBLIC
            .iter()
            .any(|l| l.texts.contains(&label.as_str()))
}

/// A “三公” row's label and numbers. After a label the table knows, a bare integer is an amount
/// even in a 万元 table ("合 计 246 167.37"): the table has no codes, and no document numbers
/// in its labels, that an integer could be part of.
fn three_public_split(t: &str, style: AmountStyle) -> (&str, Vec<NumToken>) {
    let (head, nums) = split_trailing_numbers(t, style);
    if style == AmountStyle::Decimals && !three_public_label(head) {
        let (whole, all) = split_trailing_numbers(t, AmountStyle::Integers);
        if !all.is_empty() && three_public_label(whole) {
            return (whole, all);
        }
    }
    (head, nums)
}

/// Whether a “三公” table prints an item a row, its label before its numbers ("合 计 246
/// 167.37" / "因公出国(境)费 0 0", as many provinces print the 决算's), rather than the items as
/// columns of one line of numbers (Shanghai's): two rows or more so labelled. Such a table is
/// read by its labels, as Xinjiang's is, when its header names the layout's columns in their
/// order ([`item_columns_named`]); otherwise its columns cannot be told and it is not read.
fn item_rows(ctx: &Ctx) -> bool {
    let labelled = ctx.body().into_iter().filter(|l| labelled_row(ctx, l));
    labelled.take(2).count() == 2
}

/// A row of a “三公” table printed an item a row: a known label, then numbers.
fn labelled_row(ctx: &Ctx, l: &Line) -> bool {
    let (head, nums) = three_public_split(&l.text, ctx.style);
    !nums.is_empty() && three_public_label(head)
}

/// Whether the words between a “三公” table's title and its first row, its unit label and
/// 项目 aside, are the layout's columns in the layout's order: 预算数 then 决算数 for a 决算
/// (年初预算数 too), 预算数 for a budget. A header that says 决算数 first, a year's column
/// ("2020年决算数"), or one column where there are two, is not: read as 预算数 and 决算数 its
/// figures would be set in the wrong columns.
fn item_columns_named(ctx: &Ctx) -> bool {
    let lines = &ctx.lines[(ctx.span.start + 1).min(ctx.span.end)..ctx.span.end];
    let Some(first) = lines.iter().position(|l| labelled_row(ctx, l)) else {
        return false;
    };
    let words: String = lines[..first]
        .iter()
        .filter(|l| unit_label_at(&l.text).is_none())
        .map(|l| l.compact())
        .collect();
    let words = words.replace("项目", "");
    let named: &[&str] = if ctx.layout.doc == DocKind::Final {
        &[
            "预算数决算数",
            "预算决算",
            "年初预算数决算数",
            "年初预算决算",
        ]
    } else {
        &["预算数", "预算"]
    };
    named.contains(&words.as_str())
}

/// The items of a Shanghai “三公” table, in printed order, with the row each becomes: the
/// budget prints 合计, 因公出国（境）费, 公务接待费, 公务用车购置及运行费 (小计, 购置费, 运行费) and
/// 机关运行经费; the 决算 prints 合计, 因公出国（境）费, 公务用车购置及运行费 (小计, 购置费,
/// 运行费) and 公务接待费, each as a 预算数 / 决算数 pair.
fn three_public_items(layout: Layout) -> &'static [(Option<RowKey>, &'static str)] {
    const BUDGET: &[(Option<RowKey>, &str)] = &[
        (None, "合计"),
        (Some(RowKey::Abroad), "因公出国（境）费"),
        (Some(RowKey::Reception), "公务接待费"),
        (Some(RowKey::Vehicles), "公务用车购置及运行费"),
        (Some(RowKey::VehiclePurchase), "公务用车购置费"),
        (Some(RowKey::VehicleOperation), "公务用车运行费"),
        (Some(RowKey::RunningCost), "机关运行经费"),
    ];
    const FINAL: &[(Option<RowKey>, &str)] = &[
        (None, "合计"),
        (Some(RowKey::Abroad), "因公出国（境）费"),
        (Some(RowKey::Vehicles), "公务用车购置及运行费"),
        (Some(RowKey::VehiclePurchase), "公务用车购置费"),
        (Some(RowKey::VehicleOperation), "公务用车运行费"),
        (Some(RowKey::Reception), "公务接待费"),
    ];
    if layout.is_shanghai_final() {
        FINAL
    } else {
        BUDGET
    }
}

/// The Shanghai “三公” tables print their items as columns of one line of numbers ("22.91 0
/// 1.35 21.56 0 21.56 786.09"). The numbers are placed like any row's (合计 = 出国 + 接待 +
/// 公务用车, 公务用车 = 购置 + 运行, for 预算数 and 决算数 alike) and each item becomes a row of
/// the typed table, so that 表10's rules read it as they read Xinjiang's.
fn read_three_public_row(ctx: &Ctx, table: &mut Table, diags: &mut Vec<Diagnostic>) {
    let items = three_public_items(ctx.layout);
    let columns = schema::columns(ctx.layout, table.kind, Side::Whole);
    let idx = |item: usize, col: usize| item * columns.len() + col;
    let item_of = |key: Option<RowKey>| items.iter().position(|(k, _)| *k == key);
    let mut identities = Vec::new();
    for c in 0..columns.len() {
        let (Some(total), Some(abroad), Some(reception), Some(cars), Some(buy), Some(run)) = (
            item_of(None),
            item_of(Some(RowKey::Abroad)),
            item_of(Some(RowKey::Reception)),
            item_of(Some(RowKey::Vehicles)),
            item_of(Some(RowKey::VehiclePurchase)),
            item_of(Some(RowKey::VehicleOperation)),
        ) else {
            continue;
        };
        identities.push((
            idx(total, c),
            vec![idx(abroad, c), idx(reception, c), idx(cars, c)],
        ));
        identities.push((idx(cars, c), vec![idx(buy, c), idx(run, c)]));
    }
    // When the evidence ties, 公务接待费 is the usual nonzero item, and a 预算数 without its
    // 决算数 the usual half of a pair.
    let item_prior = |k: Option<RowKey>| match k {
        None | Some(RowKey::RunningCost) => 0,
        Some(RowKey::Reception) => 1,
        Some(RowKey::VehicleOperation | RowKey::Vehicles) => 2,
        Some(RowKey::Abroad) => 3,
        _ => 4,
    };
    let prior: Vec<u32> = items
        .iter()
        .flat_map(|(k, _)| (0..columns.len()).map(move |c| item_prior(*k) * 2 + c as u32))
        .collect();
    let mut data: Option<(&Line, Vec<NumToken>)> = None;
    for line in ctx.body() {
        let t = line.text.as_str();
        if is_sentence(t) {
            table.empty_statement.get_or_insert(Located {
                value: t.to_owned(),
                line: line.no,
            });
            continue;
        }
        let (head, nums) = split_trailing_numbers(t, ctx.style);
        if !head.is_empty() || nums.is_empty() {
            continue; // the header's words
        }
        if data.is_some() {
            diags.push(unreadable(line.no, &line.text, table));
        } else {
            data = Some((line, nums));
        }
    }
    let Some((line, nums)) = data else {
        return;
    };
    let numbers = numbers_of(&nums);
    let problem = Problem {
        ncols: items.len() * columns.len(),
        identities,
        prior,
        half_ulp: ctx.half_ulp(),
        rows: vec![SolveRow {
            groups: Vec::new(),
            numbers: numbers.clone(),
            parent: None,
            hints: Vec::new(),
        }],
    };
    let solution = solve::solve(&problem);
    let mut rows: Vec<Row> = items
        .iter()
        .map(|&(key, name)| Row {
            kind: if key.is_none() {
                RowKind::Total
            } else {
                RowKind::Item
            },
            key,
            code: None,
            name: name.to_owned(),
            project: None,
            cells: vec![None; columns.len()],
            lines: vec![line.no],
        })
        .collect();
    let placed = solution.columns.first().cloned().unwrap_or_default();
    for (v, at) in numbers.iter().zip(&placed) {
        if let (Some(v), Some(at)) = (v, at) {
            if let Some(row) = rows.get_mut(at / columns.len()) {
                row.cells[at % columns.len()] = Some(Cell {
                    value: *v,
                    line: line.no,
                });
            }
        }
    }
    for note in &solution.notes {
        let chosen: Vec<String> = placed
            .iter()
            .flatten()
            .map(|&at| {
                let (_, name) = items[at / columns.len()];
                match columns.len() {
                    1 => name.to_owned(),
                    _ => format!("{name}{}", columns[at % columns.len()].title()),
                }
            })
            .collect();
        let (code, zh, en) = match note {
            Note::Ambiguous { alternatives, .. } => (
                DiagCode::AmbiguousColumns,
                format!(
                    "{}：表中数字无法确定各数所属的项目（另有 {} 种同样吻合的排列），按最常见的取为 {}。",
                    table.title,
                    alternatives,
                    chosen.join("、")
                ),
                format!(
                    "{}: the numbers cannot tell which items they belong to ({} other placements fit as well); took the most usual: {}.",
                    table.title,
                    alternatives,
                    chosen.join(", ")
                ),
            ),
            Note::Capped { .. } => continue,
            Note::Overflow { dropped, .. } => (
                DiagCode::TooManyNumbers,
                format!("{}：数字比项目多，前 {} 个数字未计入。", table.title, dropped),
                format!(
                    "{}: more numbers than items; the first {} were left out.",
                    table.title, dropped
                ),
            ),
        };
        diags.push(Diagnostic {
            code,
            lines: vec![line.no],
            message_zh: zh,
            message_en: en,
        });
    }
    table.blocks.push(Block {
        side: Side::Whole,
        columns,
        rows,
    });
}

/// Where the right-hand panel of a two-panel line starts: the second 经济分类 code
/// ("301 01 基本工资 262.33 302 01 办公费 21.21" → "302 01 办公费 21.21").
fn second_panel(t: &str) -> Option<usize> {
    let mut offset = 0;
    let toks: Vec<(usize, &str)> = t
        .split(' ')
        .map(|tok| {
            let o = offset;
            offset += tok.len() + 1;
            (o, tok)
        })
        .collect();
    toks.iter().skip(1).find_map(|&(o, tok)| {
        let code =
            tok.len() == 3 && tok.starts_with('3') && tok.bytes().all(|b| b.is_ascii_digit());
        (code && leading_code(&t[o..]).is_some()).then_some(o)
    })
}

/// The Shanghai 决算's 一般公共预算财政拨款基本支出决算表: two panels side by side, 人员经费
/// (301, 303) on the left and 公用经费 (302, 310, …) on the right, each a list of 经济分类 rows
/// with one 决算数, and "人员经费合计 … 公用经费合计 …" at the bottom. Each amount goes to the
/// column of its panel.
fn read_two_panel(ctx: &Ctx, table: &mut Table, diags: &mut Vec<Diagnostic>) {
    let columns = schema::columns(ctx.layout, table.kind, Side::Whole);
    let body: Vec<(LineNo, &str)> = ctx
        .body_lines(false)
        .into_iter()
        .map(|l| (l.no, l.text.as_str()))
        .collect();
    if panels::codes_apart(&body, ctx.style) {
        read_panels_apart(ctx, table, &body, columns, diags);
        return;
    }
    // (panel, row); panel 0 is 人员经费, 1 公用经费.
    let mut rows: Vec<(usize, RawRow)> = Vec::new();
    // The index of each panel's last row.
    let mut last: [Option<usize>; 2] = [None, None];
    let mut total: Option<Row> = None;
    let panel_of = |code: &Code| usize::from(!matches!(code.class(), "301" | "303"));
    for line in ctx.body() {
        let t = line.text.as_str();
        if is_sentence(t) {
            table.empty_statement.get_or_insert(Located {
                value: t.to_owned(),
                line: line.no,
            });
            continue;
        }
        let c = compact(t);
        if c.starts_with("人员经费合计") || c.starts_with("公用经费合计") {
            let mut cells = vec![None; columns.len()];
            for (label, col) in [
                ("人员经费合计", Col::Personnel),
                ("公用经费合计", Col::Public),
            ] {
                let Some(at) = t.find(label) else { continue };
                let rest = &t[at + label.len()..];
                // A dash in a code cell is an empty code ("人员经费合计 — — 2,152.26").
                let end = rest.find(|ch: char| {
                    !(ch.is_ascii_digit() || ch == ' ' || ch == '.' || is_cell_dash(ch))
                });
                let (_, nums) =
                    split_trailing_numbers(&rest[..end.unwrap_or(rest.len())], ctx.style);
                if let (Some(NumToken::Amount(v)), Some(i)) =
                    (nums.last(), columns.iter().position(|&x| x == col))
                {
                    cells[i] = Some(Cell {
                        value: *v,
                        line: line.no,
                    });
                }
            }
            total = Some(Row {
                kind: RowKind::Total,
                key: None,
                code: None,
                name: "合计".to_owned(),
                project: None,
                cells,
                lines: vec![line.no],
            });
            continue;
        }
        let halves = match second_panel(t) {
            Some(o) => vec![(Some(0), &t[..o]), (Some(1), &t[o..])],
            None => vec![(None, t)],
        };
        for (side, part) in halves {
            let (head, nums) = split_trailing_numbers(part.trim(), ctx.style);
            if let Some((code, rest)) = leading_code(head) {
                let panel = side.unwrap_or_else(|| panel_of(&code)).min(1);
                let mut r = RawRow {
                    kind: Some(code.row_kind()),
                    parts: vec![rest.to_owned()],
                    code: Some(code),
                    lines: vec![line.no],
                    ..Default::default()
                };
                if !nums.is_empty() {
                    r.nums = numbers_of(&nums);
                    r.num_line = line.no;
                }
                last[panel] = Some(rows.len());
                rows.push((panel, r));
                continue;
            }
            if rows.is_empty() {
                continue; // the header
            }
            // A name cut by a line break ("301 08 机关事业单位基本养老保险缴" / "费 160.75 …"):
            // the last row of its panel (of either, on a one-panel line), if it has no amount.
            let at = match side {
                Some(panel) => last[panel],
                None => rows.len().checked_sub(1),
            };
            let target = at
                .and_then(|i| rows.get_mut(i))
                .filter(|(_, r)| r.nums.is_empty());
            match target {
                Some((_, r)) if !head.is_empty() || !nums.is_empty() => {
                    r.parts.push(head.to_owned());
                    r.lines.push(line.no);
                    if !nums.is_empty() {
                        r.nums = numbers_of(&nums);
                        r.num_line = line.no;
                    }
                }
                _ => diags.push(unreadable(line.no, &line.text, table)),
            }
        }
    }
    let mut out: Vec<Row> = Vec::with_capacity(rows.len() + 1);
    for panel in [0, 1] {
        let col = if panel == 0 {
            Col::Personnel
        } else {
            Col::Public
        };
        let ci = columns.iter().position(|&x| x == col);
        for (_, r) in rows.iter().filter(|(p, _)| *p == panel) {
            let mut cells = vec![None; columns.len()];
            if r.nums.len() > 1 {
                diags.push(Diagnostic {
                    code: DiagCode::TooManyNumbers,
                    lines: r.lines.clone(),
                    message_zh: format!(
                        "{}「{}」行有 {} 个数字，只取最后一个。",
                        table.title,
                        r.name(),
                        r.nums.len()
                    ),
                    message_en: format!(
                        "{} row '{}' has {} numbers; only the last was kept.",
                        table.title,
                        r.name(),
                        r.nums.len()
                    ),
                });
            }
            if let (Some(Some(v)), Some(ci)) = (r.nums.last(), ci) {
                cells[ci] = Some(Cell {
                    value: *v,
                    line: r.num_line,
                });
            }
            out.push(Row {
                kind: r.kind.unwrap_or(RowKind::Item),
                key: None,
                code: r.code.clone(),
                name: r.name(),
                project: None,
                cells,
                lines: r.lines.clone(),
            });
        }
    }
    out.extend(total);
    table.blocks.push(Block {
        side: Side::Whole,
        columns,
        rows: out,
    });
}

/// [`read_two_panel`] for a copy that prints the codes, names and amounts of a printed row on
/// lines of their own ([`panels`]): the table is read with the lines of amounts alone going
/// with the row above them and with the row below, and the reading that places every amount
/// (the panels' sums deciding where a line leaves it open) is kept. Where neither does, or both
/// do but differ, the amounts in doubt are not read and their lines are reported.
fn read_panels_apart(
    ctx: &Ctx,
    table: &mut Table,
    body: &[(LineNo, &str)],
    columns: Vec<Col>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut lines: Vec<(LineNo, &str)> = Vec::with_capacity(body.len());
    for &(no, t) in body {
        if is_sentence(t) {
            table.empty_statement.get_or_insert(Located {
                value: t.to_owned(),
                line: no,
            });
        } else {
            lines.push((no, t));
        }
    }
    let below = panels::read(&lines, ctx.style, ctx.half_ulp(), panels::Spill::Below);
    let above = panels::read(&lines, ctx.style, ctx.half_ulp(), panels::Spill::Above);
    let mut reading = match (below.unread.is_empty(), above.unread.is_empty()) {
        (true, false) => below,
        (false, true) => above,
        (true, true) if below == above => below,
        (true, true) => {
            // Both place every amount, differently: which is right is not known.
            let mut r = below;
            let doubtful: Vec<LineNo> = r
                .rows
                .iter()
                .zip(&above.rows)
                .filter(|(a, b)| a.amount.map(|x| x.1) != b.amount.map(|x| x.1))
                .flat_map(|(a, b)| a.amount.into_iter().chain(b.amount).map(|x| x.0))
                .collect();
            r.unread = if doubtful.is_empty() || r.rows.len() != above.rows.len() {
                r.rows
                    .iter()
                    .filter_map(|x| x.amount.map(|a| a.0))
                    .collect()
            } else {
                doubtful
            };
            r
        }
        (false, false) if above.unread.len() < below.unread.len() => above,
        (false, false) => below,
    };
    reading.unread.sort_unstable();
    reading.unread.dedup();
    for &no in &reading.unread {
        let text = lines.iter().find(|l| l.0 == no).map_or("", |l| l.1);
        diags.push(unreadable(no, text, table));
    }
    let col_of = |panel: usize| {
        let c = if panel == 0 {
            Col::Personnel
        } else {
            Col::Public
        };
        columns.iter().position(|&x| x == c)
    };
    let mut rows: Vec<Row> = Vec::with_capacity(reading.rows.len() + 1);
    for r in &reading.rows {
        let mut cells = vec![None; columns.len()];
        if let (Some((no, Some(v))), Some(ci)) = (r.amount, col_of(r.panel)) {
            if !reading.unread.contains(&no) {
                cells[ci] = Some(Cell { value: v, line: no });
            }
        }
        let code = Code(r.code.clone());
        rows.push(Row {
            kind: code.row_kind(),
            key: None,
            code: Some(code),
            name: r.name.clone(),
            project: None,
            cells,
            lines: r.lines.clone(),
        });
    }
    if let Some((amounts, lines)) = &reading.total {
        let mut cells = vec![None; columns.len()];
        for (panel, a) in amounts.iter().enumerate() {
            if let (Some((no, v)), Some(ci)) = (a, col_of(panel)) {
                if !reading.unread.contains(no) {
                    cells[ci] = Some(Cell {
                        value: *v,
                        line: *no,
                    });
                }
            }
        }
        rows.push(Row {
            kind: RowKind::Total,
            key: None,
            code: None,
            name: "合计".to_owned(),
            project: None,
            cells,
            lines: lines.clone(),
        });
    }
    table.blocks.push(Block {
        side: Side::Whole,
        columns,
        rows,
    });
}

/// 表11: items named by their fund documents, names wrapping, numbers last.
fn read_items(ctx: &Ctx, table: &mut Table, diags: &mut Vec<Diagnostic>) {
    let dept = ctx.department();
    let mut rows: Vec<RawRow> = Vec::new();
    // The rows named by the table itself: its totals and the department's own row.
    let known = |c: &str| c == "总计" || c == "合计" || dept.as_deref() == Some(c);
    let body = rejoin_labels(&ctx.body(), ctx.style, &known);
    for line in body {
        let t = line.text.as_str();
        let no = line.nos.last().copied().unwrap_or(0);
        let (head, nums) = split_trailing_numbers(t, ctx.style);
        if is_sentence(head) && nums.is_empty() {
            table.empty_statement.get_or_insert(Located {
                value: t.to_owned(),
                line: line.nos[0],
            });
            continue;
        }
        let c = compact(head);
        let pending = rows.last().is_some_and(|r| r.nums.is_empty());
        let kind = if c == "总计" || c == "合计" {
            RowKind::Total
        } else if dept.as_deref() == Some(c.as_str()) {
            RowKind::Unit
        } else {
            RowKind::Item
        };
        if kind == RowKind::Item && pending {
            let r = rows.last_mut().expect("pending row");
            r.lines.extend(&line.nos);
            r.parts.push(head.to_owned());
            if !nums.is_empty() {
                r.nums = numbers_of(&nums);
                r.num_line = no;
            }
            continue;
        }
        if head.is_empty() {
            diags.push(unreadable(no, &line.text, table));
            continue;
        }
        let mut r = RawRow {
            kind: Some(kind),
            parts: vec![head.to_owned()],
            lines: line.nos.clone(),
            ..Default::default()
        };
        if !nums.is_empty() {
            r.nums = numbers_of(&nums);
            r.num_line = no;
        }
        rows.push(r);
    }
    let parents = code_parents(&rows);
    push_whole(ctx, table, rows, parents, diags);
}

/// Where a line's 支出 half starts: a 类 code ("201 一般公共服务支出"), an ordinal with a 类
/// name ("一、一般公共服务支出"), the 支出总计 label, or one of the layout's `extra` labels
/// (a bare "总计" only right after a number or the 收入 总计). Returns a byte offset.
fn expense_start(t: &str, extra: &[&str]) -> Option<usize> {
    let mut offset = 0;
    let toks: Vec<(usize, &str)> = t
        .split(' ')
        .map(|tok| {
            let o = offset;
            offset += tok.len() + 1;
            (o, tok)
        })
        .collect();
    for (i, &(o, tok)) in toks.iter().enumerate() {
        let next = toks.get(i + 1).map(|&(_, n)| n);
        let is_code =
            tok.len() == 3 && tok.starts_with('2') && tok.bytes().all(|b| b.is_ascii_digit());
        if is_code && next.is_some_and(|n| !n.bytes().all(|b| b.is_ascii_digit() || b == b'.')) {
            return Some(o);
        }
        let stripped = schema::strip_ordinal(tok);
        if stripped.len() < tok.len() && class_code_by_name(stripped).is_some() {
            return Some(o);
        }
        let rest: String = t[o..]
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(16)
            .collect();
        if ["支出总计", "本年支出合计", "支出合计"]
            .iter()
            .any(|k| rest.starts_with(k))
            && i > 0
        {
            return Some(o);
        }
        // A bare 总计 starts the 支出 half after the 收入 total's amount, or after the 收入
        // total itself when the amounts are printed on the next line ("总计 总计").
        let after_number = i > 0
            && (super::numbers::decimal(toks[i - 1].1).is_some()
                || matches!(toks[i - 1].1, "总计" | "收入总计"));
        if i > 0
            && extra
                .iter()
                .any(|k| rest.starts_with(k) && (*k != "总计" || after_number))
        {
            return Some(o);
        }
    }
    None
}

/// The titles a two-sided table's column header prints: its columns' on both halves, the
/// halves' own ("本年收入" / "本年支出", "财政拨款收入" / "财政拨款支出"; not a bare "支出", which
/// may end a 类 name cut by a line break) and "项目".
fn header_titles(layout: Layout, kind: TableKind) -> Vec<String> {
    let mut titles: Vec<String> = [Side::Income, Side::Expense]
        .into_iter()
        .flat_map(|side| schema::columns(layout, kind, side))
        .map(|c| c.title().into_owned())
        .collect();
    for half in ["本年", "财政拨款"] {
        titles.push(format!("{half}收入"));
        titles.push(format!("{half}支出"));
    }
    titles.push("项目".to_owned());
    titles
}

/// Whether a line of a two-sided table is words of its column header only: every word, printed
/// without an ordinal, one of `titles` ("政府性基金预算 国有资本经营预算").
fn header_line(t: &str, titles: &[String]) -> bool {
    t.split_whitespace().next().is_some()
        && t.split_whitespace()
            .all(|w| schema::strip_ordinal(w) == w && titles.iter().any(|x| x == w))
}

/// A 类 name cut by a line break, alone on its line ("四、文化旅游体育与传媒" before "支出
/// 200,000 200,000"): an ordinal and the first part of a 类 name.
fn wrapped_class(t: &str) -> bool {
    let tok = t.trim();
    let stripped = schema::strip_ordinal(tok);
    stripped.len() < tok.len()
        && !tok.contains(' ')
        && stripped.chars().count() >= 2
        && schema::FUNCTION_CLASSES
            .iter()
            .any(|(_, name)| name.len() > stripped.len() && name.starts_with(stripped))
}

/// 表1 and 表4: 收入 on the left, 支出 on the right of each line.
///
/// A copy may set a line's amounts on a line of their own, below it (pdfplumber: "本年收入合计
/// 2,940.05 本年支出合计 2,940.05" / "2,940.05") or above it (pdftotext -layout: "2,940.05
/// 2,940.05" / "本年收入合计 本年支出合计 2,940.05"). When it does, the table is read both ways
/// ([`Spill`]) and the reading whose sums hold better is kept; when both do equally well but
/// differ, those lines are reported unread (the table is not trusted).
///
/// A line of amounts alone under a line whose 收入 row has none may be that row's (a copy that
/// centres amounts between rows) or the rest of the 支出 row's (a line wrapped at the page's
/// width: "三、国有资本经营预算 三、社会保障和就业支出 3,808,085.00" / "3,808,085.00"). Each
/// such line is read both ways ([`weigh_routes`]): the reading kept is the one whose sums hold,
/// when exactly one does; otherwise the lines are reported unread.
fn read_two_sided(ctx: &Ctx, table: &mut Table, diags: &mut Vec<Diagnostic>) {
    let below = weigh_routes(ctx, table);
    let floating = below.floating.clone();
    let mut chosen = (below.income, below.expense, below.diags);
    if !floating.is_empty() {
        let mut above_diags = Vec::new();
        let above = two_sided_blocks(ctx, table, Spill::Above, &[], &mut above_diags);
        let cost_above =
            above.broken + totals_apart(ctx, &above.income, &above.expense) + unread(&above_diags);
        let cost_below = below.cost;
        if cost_above < cost_below && reads_whole(&above_diags) {
            chosen = (above.income, above.expense, above_diags);
        } else if cost_above == cost_below
            && !(same_values(&above.income, &chosen.0) && same_values(&above.expense, &chosen.1))
        {
            for (no, text) in floating {
                if !chosen.2.iter().any(|d| d.lines == [no]) {
                    chosen.2.push(unreadable(no, &text, table));
                }
            }
        }
    }
    diags.extend(chosen.2);
    table.blocks.push(chosen.0);
    table.blocks.push(chosen.1);
}

/// At most this many readings of one table are weighed (each line in doubt doubles them);
/// beyond, its lines in doubt are all reported unread.
const MAX_READINGS: usize = 64;

/// A reading of 表1 / 表4 with lines of amounts alone going with the row above them.
struct Weighed {
    income: Block,
    expense: Block,
    diags: Vec<Diagnostic>,
    /// Broken sums and unread lines.
    cost: usize,
    /// The lines of amounts alone met.
    floating: Vec<(LineNo, String)>,
}

/// Reads 表1 / 表4 with lines of amounts alone going with the row above them, weighing every
/// line that could be read two ways ([`Route`]): every way of reading them is tried. Those
/// that leave the fewest lines unread are the contenders (a reading that cannot place a line is
/// no way to read it); the one whose sums all hold (the 支出 half's columns and 类, the hints
/// from the 收入 half, 收入总计 = 支出总计) is kept when it is the only one, and so is the only
/// contender. Otherwise the usual reading is kept and the lines in doubt are reported unread:
/// the table is not trusted, and no check is drawn from a guess.
fn weigh_routes(ctx: &Ctx, table: &Table) -> Weighed {
    let read = |routes: &[(LineNo, Route)]| {
        let mut diags = Vec::new();
        let r = two_sided_blocks(ctx, table, Spill::Below, routes, &mut diags);
        let broken = r.broken + totals_apart(ctx, &r.income, &r.expense);
        (r, diags, broken)
    };
    let mut tried: Vec<Vec<(LineNo, Route)>> = vec![Vec::new()];
    let mut readings = Vec::new();
    let mut whole = true;
    while let Some(routes) = tried.get(readings.len()).cloned() {
        let reading = read(&routes);
        for (no, route, _) in &reading.0.doubtful {
            if routes.contains(&(*no, *route)) {
                continue;
            }
            // `routes` is in order: the new one goes where it sorts.
            let mut more = routes.clone();
            let at = more.partition_point(|r| *r < (*no, *route));
            more.insert(at, (*no, *route));
            if !tried.contains(&more) {
                if tried.len() < MAX_READINGS {
                    tried.push(more);
                } else {
                    whole = false;
                }
            }
        }
        readings.push(reading);
    }
    let fewest = readings.iter().map(|r| unread(&r.1)).min().unwrap_or(0);
    let contenders: Vec<usize> = (0..readings.len())
        .filter(|&i| unread(&readings[i].1) == fewest)
        .collect();
    let holding: Vec<usize> = contenders
        .iter()
        .copied()
        .filter(|&i| readings[i].2 == 0)
        .collect();
    let pick = match (holding.as_slice(), contenders.as_slice()) {
        _ if !whole => None,
        ([one], _) | ([], [one]) => Some(*one),
        _ => None,
    };
    let mut lines: Vec<(LineNo, String)> = readings
        .iter()
        .flat_map(|r| r.0.doubtful.iter().map(|(no, _, t)| (*no, t.clone())))
        .collect();
    lines.sort_unstable();
    lines.dedup();
    let ways = readings.len();
    let (r, mut diags, broken) = readings.swap_remove(pick.unwrap_or(0));
    let mut cost = broken + unread(&diags);
    if pick.is_none() {
        for (no, text) in &lines {
            diags.push(undecided(*no, text, table, whole, ways, holding.len()));
            cost += 1;
        }
    }
    Weighed {
        income: r.income,
        expense: r.expense,
        diags,
        cost,
        floating: r.floating,
    }
}

/// Whether 收入总计 and 支出总计 (its first column), both read, differ by more than the last
/// printed digit: 1 if they do.
fn totals_apart(ctx: &Ctx, income: &Block, expense: &Block) -> usize {
    let inc = income
        .keyed(RowKey::IncomeTotal)
        .and_then(|r| r.cells.first().copied().flatten());
    let exp = expense
        .keyed(RowKey::ExpenseTotal)
        .and_then(|r| r.cells.first().copied().flatten());
    match (inc, exp) {
        (Some(a), Some(b)) => {
            usize::from((a.value - b.value).abs() > ctx.half_ulp() * Decimal::TWO)
        }
        _ => 0,
    }
}

/// A line of amounts alone that could be read two ways ([`Route`]), and the table's sums do not
/// tell which: `ways` readings weighed (all of them when `whole`), `holding` of them whole.
fn undecided(
    no: LineNo,
    text: &str,
    table: &Table,
    whole: bool,
    ways: usize,
    holding: usize,
) -> Diagnostic {
    let (zh, en) = if !whole {
        (
            "太多行可作两种读法，未逐一权衡".to_owned(),
            "too many such lines to weigh each".to_owned(),
        )
    } else if holding == 0 {
        (
            format!("{ways} 种读法中没有一种使表中各项合计成立"),
            format!("none of the {ways} readings makes the table's sums hold"),
        )
    } else {
        (
            format!("{ways} 种读法中有 {holding} 种都使表中各项合计成立"),
            format!("{holding} of the {ways} readings make the table's sums hold"),
        )
    };
    Diagnostic {
        code: DiagCode::UnreadableRow,
        lines: vec![no],
        message_zh: format!(
            "{}：第 {} 行只有金额（{}），可作两种读法（属于上一行的收入项或支出项，或是上一行金额的重复）；{}，未读取。",
            table.title,
            no,
            clip(text),
            zh
        ),
        message_en: format!(
            "{}: line {} holds amounts alone ({}) that could be read two ways (as the 收入 or the 支出 item's of the line above, or as that line's amounts printed again); {}, so it was not read.",
            table.title,
            no,
            clip(text),
            en
        ),
    }
}

/// Whether two readings of a block have the same rows with the same values (lines aside).
fn same_values(a: &Block, b: &Block) -> bool {
    let values = |r: &Row| {
        (
            r.kind,
            r.key,
            r.code.clone(),
            r.cells
                .iter()
                .map(|c| c.map(|c| c.value))
                .collect::<Vec<_>>(),
        )
    };
    a.rows.len() == b.rows.len()
        && a.rows
            .iter()
            .zip(&b.rows)
            .all(|(x, y)| values(x) == values(y))
}

/// A reading of 表1 or 表4.
struct TwoSided {
    income: Block,
    expense: Block,
    /// How many sums the two blocks leave broken.
    broken: usize,
    /// The lines of amounts alone met.
    floating: Vec<(LineNo, String)>,
    /// The lines of amounts alone that could be read another way, and that way.
    doubtful: Vec<(LineNo, Route, String)>,
}

/// The other way to read a line of amounts alone under a line of 表1 / 表4 than the usual one.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Route {
    /// The line repeats the amounts of the line before (a tab-separated copy repeats rows it
    /// also read as text) and is skipped as a rule; read it instead as more amounts.
    Read,
    /// The line's amounts go to the 收入 row of the line before, which was printed without any,
    /// as a rule; give them to the 支出 row beside it instead.
    Expense,
}

/// Reads 表1 or 表4 with lines of amounts alone going as `spill` says, and those of `routes`
/// (lines in doubt, see [`TwoSided::doubtful`]) read the other way.
fn two_sided_blocks(
    ctx: &Ctx,
    table: &Table,
    spill: Spill,
    routes: &[(LineNo, Route)],
    diags: &mut Vec<Diagnostic>,
) -> TwoSided {
    let layout = ctx.layout;
    let mut matcher = LabelMatcher::new(schema::income_labels(layout, table.kind));
    let extra = schema::expense_split_labels(layout);
    let mut income: Vec<RawRow> = Vec::new();
    let mut expense: Vec<RawRow> = Vec::new();
    let mut started = false;
    // The first part of a 收入 label cut by a line break ("二、政府性基金预算财政拨" before
    // "款 二、外交支出").
    let mut pending: Option<(String, &Line)> = None;
    // The column header's words, for the layouts that differ in their columns.
    let mut header = String::new();
    let mut previous: Option<&Line> = None;
    // The 收入 and 支出 rows the line before started without amounts.
    let mut waiting: (Option<usize>, Option<usize>) = (None, None);
    // The lines of amounts alone met, and those waiting for the line below (Spill::Above).
    let mut floating: Vec<(LineNo, String)> = Vec::new();
    let mut doubtful: Vec<(LineNo, Route, String)> = Vec::new();
    let mut above: Vec<(LineNo, Vec<NumToken>, &str)> = Vec::new();
    // How many rows there were before the line before: the rows it started are those after.
    let mut marks = (0usize, 0usize);
    let exp_ncols = |header: &str| schema::expense_columns(ctx.layout, table.kind, header).len();
    // The titles of the table's columns and halves, and the header's words printed before the
    // first row that are no label (a 收入 label printed without amounts before them is not the
    // header's title, though its words hold one: "一、一般公共预算资金").
    let titles = header_titles(ctx.layout, table.kind);
    let mut printed = String::new();
    // Labels a copy wrapped in their cells, put back on their rows' lines; the lines each
    // joined line was printed on, after its first, go to the rows it starts.
    let fresh = LabelMatcher::new(schema::income_labels(layout, table.kind));
    let known = |c: &str| {
        fresh.knows(c)
            || schema::expense_label(layout, c).is_some()
            || class_code_by_name(c).is_some()
            || extra.contains(&c)
    };
    let rejoined = rejoin_labels(&ctx.body(), ctx.style, &known);
    let also: Vec<(LineNo, Vec<LineNo>)> = rejoined
        .iter()
        .filter(|l| l.nos.len() > 1)
        .map(|l| (l.nos[0], l.nos[1..].to_vec()))
        .collect();
    let body: Vec<Line> = rejoined
        .into_iter()
        .map(|l| Line::new(l.nos[0], l.text))
        .collect();
    for line in &body {
        let t = line.text.as_str();
        // A line of column titles after the rows began (a copy prints the header split around
        // the first rows: "合计" / "一般公共预算" between a row's label and its amounts) is never
        // a row. One whose words are a 收入 label too ("一般公共预算") is the header's when the
        // header has not printed that title yet; when it has, the line may be either (a row
        // whose amounts come later, or the header printed again): not read, with a note.
        if started && header_line(t, &titles) {
            let label = compact_label(t);
            if matcher.knows(&label) && printed.contains(&label) {
                diags.push(unreadable(line.no, &line.text, table));
            } else if header.len() < 1000 {
                header.push_str(line.compact());
            }
            continue;
        }
        let previous_rows = (
            (income.len() > marks.0).then(|| income.len() - 1),
            (expense.len() > marks.1).then(|| expense.len() - 1),
        );
        marks = (income.len(), expense.len());
        if previous_rows != (None, None) && !above.is_empty() {
            let n = exp_ncols(&header);
            give_above(
                &mut above,
                previous_rows,
                &mut income,
                &mut expense,
                n,
                table,
                diags,
            );
        }
        // The amounts of the line before, printed again on a line of their own
        // ("本年收入合计 2,946.25 本年支出合计 2,940.05" / "2,946.25 2,940.05": a tab-separated
        // copy repeats rows it also read as text): the same row.
        let numbers_only = t.starts_with(|c: char| c.is_ascii_digit());
        let repeated = numbers_only
            && previous.is_some_and(|p| {
                let (head, nums) = split_trailing_numbers(t, ctx.style);
                let before: Vec<NumToken> = p
                    .text
                    .split(' ')
                    .filter_map(|tok| table_token(tok, ctx.style))
                    .collect();
                head.is_empty() && nums == before
            });
        previous = Some(line);
        // Or the rest of the line before's amounts, wrapped at the page's width ("三、国有资本
        // 经营预算 三、社会保障和就业支出 3,808,085.00" / "3,808,085.00"): the sums tell.
        if repeated {
            doubtful.push((line.no, Route::Read, t.to_owned()));
            if !routes.contains(&(line.no, Route::Read)) {
                continue;
            }
        }
        let waits = std::mem::take(&mut waiting);
        let split = expense_start(t, extra)
            .or_else(|| {
                let label = compact_label(t);
                (wrapped_class(t) && !matcher.knows(&label)).then_some(0)
            })
            .unwrap_or(t.len());
        let (left, right) = (t[..split].trim(), t[split..].trim());
        let (lhead, lnums) = split_trailing_numbers(left, ctx.style);
        // Header lines ("收入 支出", "项目 预算数 …", column titles broken over lines) come
        // before the first line with a 支出 half or an amount.
        if !started && right.is_empty() && lnums.is_empty() {
            if header.len() < 1000 {
                header.push_str(line.compact());
                // A line joined from parts none of which is a label is the header's words.
                let joined = also.iter().any(|(first, _)| *first == line.no);
                if joined || !matcher.knows(&compact_label(t)) {
                    printed.push_str(line.compact());
                }
            }
            continue;
        }
        started = true;
        let amounts_alone = lhead.is_empty() && right.is_empty() && !lnums.is_empty();
        if amounts_alone {
            floating.push((line.no, t.to_owned()));
            if spill == Spill::Above {
                above.push((line.no, lnums, t));
                continue;
            }
        }
        // A line of amounts only, under a line of labels without any (pdfplumber centres the
        // amounts between rows: "一、一般公共预算财政拨款收入 一、一般公共服务支出" /
        // "2,940.05 2,106.66"): the 收入 row takes one, its only column, and the 支出 row the
        // rest.
        if lhead.is_empty() && right.is_empty() && waits != (None, None) {
            // The 支出 row beside a 收入 row waiting for its amount could take these amounts
            // as well: its amounts wrapped onto the next line. Which it is, the table's sums
            // tell (weigh_routes).
            let n = exp_ncols(&header);
            let beside = waits.1.or(previous_rows.1);
            let fits = |r: &RawRow| r.nums.len() + lnums.len() <= n;
            if waits.0.is_some() && beside.and_then(|i| expense.get(i)).is_some_and(fits) {
                doubtful.push((line.no, Route::Expense, t.to_owned()));
                if routes.contains(&(line.no, Route::Expense)) {
                    if let Some(r) = beside.and_then(|i| expense.get_mut(i)) {
                        if r.nums.is_empty() {
                            r.nums = numbers_of(&lnums);
                            r.num_line = line.no;
                        } else {
                            r.add_numbers(line.no, &lnums);
                        }
                        r.lines.push(line.no);
                    }
                    continue;
                }
            }
            let nums = numbers_of(&lnums);
            let (first, rest) = match waits {
                (Some(_), Some(_)) => nums.split_at(1),
                (Some(_), None) => (nums.as_slice(), &[][..]),
                _ => (&[][..], nums.as_slice()),
            };
            for (rows, at, nums) in [(&mut income, waits.0, first), (&mut expense, waits.1, rest)] {
                if let Some(r) = at.and_then(|i| rows.get_mut(i)) {
                    r.nums = nums.to_vec();
                    r.num_line = line.no;
                    r.lines.push(line.no);
                }
            }
            continue;
        }
        // More amounts of the line before, whose rows have some already (pdfplumber:
        // "本年收入合计 2,940.05 本年支出合计 2,940.05" / "2,940.05"): the 支出 row's, which has
        // several columns, one more line of them.
        if amounts_alone {
            let n = exp_ncols(&header);
            if let Some(r) = previous_rows
                .1
                .and_then(|i| expense.get_mut(i))
                .filter(|r| !r.nums.is_empty() && r.nums.len() + lnums.len() <= n)
            {
                r.add_numbers(line.no, &lnums);
                r.lines.push(line.no);
                continue;
            }
        }
        let mut label = compact_label(lhead);
        let mut name = lhead.to_owned();
        let mut key = if lhead.is_empty() {
            None
        } else {
            matcher.key(&label)
        };
        let mut lines = vec![line.no];
        if key.is_none() && !lhead.is_empty() {
            if let Some((first, at)) =
                pending.take_if(|(first, _)| matcher.knows(&format!("{first}{label}")))
            {
                label = format!("{first}{label}");
                key = matcher.key(&label);
                let (head, _) = split_trailing_numbers(&at.text, ctx.style);
                name = format!("{}{}", head.trim(), lhead);
                lines.insert(0, at.no);
            }
        }
        let total_label = label == "收入总计" || (label == "总计" && !right.is_empty());
        if key.is_some() || total_label {
            if let Some((_, stale)) = pending.take() {
                diags.push(unreadable(stale.no, &stale.text, table));
            }
            let kind = if key == Some(RowKey::IncomeTotal) || total_label {
                RowKind::Total
            } else {
                RowKind::Item
            };
            if lnums.is_empty() {
                waiting.0 = Some(income.len());
            }
            income.push(RawRow {
                kind: Some(kind),
                key: key.or(Some(RowKey::IncomeTotal)),
                parts: vec![name],
                nums: numbers_of(&lnums),
                num_line: line.no,
                lines,
                ..Default::default()
            });
        } else if !lhead.is_empty() || !lnums.is_empty() {
            // Not a label we know: a wrapped 支出 name ("支出 200,000 200,000"), the first part
            // of a wrapped 收入 label, or noise.
            // Only a 类 name still incomplete (no code found for it) takes a continuation: its
            // amounts, or the rest of its name, also when the amounts came first ("四、文化旅游
            // 体育与传媒" / "200,000 200,000" / "支出": pdfplumber centres the amounts on the name).
            let completes = |r: &RawRow| {
                lnums.is_empty()
                    && !r.nums.is_empty()
                    && class_code_by_name(&compact_label(&format!("{}{lhead}", r.name()))).is_some()
            };
            match expense
                .last_mut()
                .filter(|r| r.code.is_none() && (r.nums.is_empty() || completes(r)))
            {
                Some(r) if right.is_empty() && !r.nums.is_empty() => {
                    r.parts.push(lhead.to_owned());
                    r.lines.push(line.no);
                    continue;
                }
                Some(r) if right.is_empty() => {
                    r.parts.push(lhead.to_owned());
                    r.lines.push(line.no);
                    r.nums = numbers_of(&lnums);
                    r.num_line = line.no;
                    continue;
                }
                _ if lnums.is_empty() && pending.is_none() => {
                    pending = Some((label, line));
                }
                _ => diags.push(unreadable(line.no, &line.text, table)),
            }
        }
        if right.is_empty() {
            continue;
        }
        let (rhead, rnums) = split_trailing_numbers(right, ctx.style);
        let rlabel = compact_label(rhead);
        let (kind, key, code, name) =
            if let Some((kind, key)) = schema::expense_label(layout, &rlabel) {
                (kind, Some(key), None, rhead.to_owned())
            } else if let Some((code, rest)) = leading_code(rhead) {
                (RowKind::Class, None, Some(code), rest.to_owned())
            } else {
                let code = class_code_by_name(&rlabel).map(|c| Code(c.to_owned()));
                (RowKind::Class, None, code, rlabel.clone())
            };
        if rnums.is_empty() {
            waiting.1 = Some(expense.len());
        }
        expense.push(RawRow {
            kind: Some(kind),
            key,
            code,
            parts: vec![name],
            nums: numbers_of(&rnums),
            num_line: line.no,
            lines: vec![line.no],
            ..Default::default()
        });
    }
    if let Some((_, stale)) = pending {
        diags.push(unreadable(stale.no, &stale.text, table));
    }
    if !above.is_empty() {
        let last = (
            (income.len() > marks.0).then(|| income.len() - 1),
            (expense.len() > marks.1).then(|| expense.len() - 1),
        );
        let n = exp_ncols(&header);
        give_above(&mut above, last, &mut income, &mut expense, n, table, diags);
    }
    for r in income.iter_mut().chain(expense.iter_mut()) {
        for (first, more) in &also {
            if r.lines.contains(first) {
                r.lines.extend(more);
            }
        }
        r.lines.sort_unstable();
        r.lines.dedup();
    }
    // A 类 name completed on the next line gets its code now.
    for r in expense
        .iter_mut()
        .filter(|r| r.kind == Some(RowKind::Class) && r.code.is_none())
    {
        r.code = class_code_by_name(&compact_label(&r.name())).map(|c| Code(c.to_owned()));
    }
    // Income: one amount column, no placement needed beyond dropping extras.
    let income_cols = schema::columns(ctx.layout, table.kind, Side::Income);
    let inc_parents = vec![None; income.len()];
    let (income_block, income_broken) = solve_block(
        ctx,
        table,
        Side::Income,
        income_cols,
        income,
        inc_parents,
        Vec::new(),
        diags,
    );
    // Expense: 表1 has one column, 表4 four; the total is the parent of every 类 (a 决算's
    // 年末结转和结余 and 总计 lie outside the 类 sum).
    let exp_cols = schema::expense_columns(ctx.layout, table.kind, &header);
    let total = expense.iter().position(|r| r.kind == Some(RowKind::Total));
    let exp_parents: Vec<Option<usize>> = expense
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if Some(i) == total || (r.kind == Some(RowKind::Item) && r.key.is_some()) {
                None
            } else {
                total
            }
        })
        .collect();
    // The solver wants parents before children: move the total first.
    let (expense, exp_parents) = total_first(expense, exp_parents, total);
    let hints = if table.kind == TableKind::FiscalSummary {
        let v = |k: RowKey| {
            income_block
                .keyed(k)
                .map(|r| income_block.value(r, Col::Amount))
        };
        let col = |c: Col| exp_cols.iter().position(|&x| x == c);
        // The 类 add up to the year's income: 本年收入合计 where a 决算 prints it.
        let year_total = v(RowKey::CurrentIncome).or_else(|| v(RowKey::IncomeTotal));
        [
            (Col::GeneralBudget, RowKey::GeneralBudget),
            (Col::GovFund, RowKey::GovFund),
            (Col::StateCapital, RowKey::StateCapital),
        ]
        .into_iter()
        .filter_map(|(c, k)| {
            Some(Hint {
                cols: vec![col(c)?],
                expected: v(k)?,
            })
        })
        .chain(year_total.and_then(|e| {
            Some(Hint {
                cols: vec![col(Col::Total)?],
                expected: e,
            })
        }))
        .collect()
    } else {
        Vec::new()
    };
    let (expense_block, expense_broken) = solve_block(
        ctx,
        table,
        Side::Expense,
        exp_cols,
        expense,
        exp_parents,
        hints,
        diags,
    );
    TwoSided {
        income: income_block,
        expense: expense_block,
        broken: income_broken + expense_broken,
        floating,
        doubtful,
    }
}

/// Gives the lines of amounts printed above a line of 表1 / 表4 to the rows that line started
/// (`rows`: its 收入 and its 支出 row): a 收入 row without an amount takes the first (its only
/// column), and the 支出 row the rest as one more line of its numbers, as far as its columns
/// hold them; what is left is reported unread.
fn give_above(
    above: &mut Vec<(LineNo, Vec<NumToken>, &str)>,
    rows: (Option<usize>, Option<usize>),
    income: &mut [RawRow],
    expense: &mut [RawRow],
    exp_ncols: usize,
    table: &Table,
    diags: &mut Vec<Diagnostic>,
) {
    let mut lines: Vec<(LineNo, Vec<NumToken>, &str)> = std::mem::take(above);
    if let Some(r) = rows
        .0
        .and_then(|i| income.get_mut(i))
        .filter(|r| r.nums.is_empty())
    {
        if let Some((no, nums, _)) = lines.first_mut() {
            let first = nums.remove(0);
            r.add_numbers(*no, &[first]);
            r.lines.insert(0, *no);
        }
        lines.retain(|(_, nums, _)| !nums.is_empty());
    }
    let count: usize = lines.iter().map(|(_, n, _)| n.len()).sum();
    match rows.1.and_then(|i| expense.get_mut(i)) {
        Some(r) if count > 0 && r.nums.len() + count <= exp_ncols => {
            for (no, nums, _) in lines {
                r.add_numbers(no, &nums);
                r.lines.insert(0, no);
            }
            r.lines.sort_unstable();
        }
        _ => {
            for (no, _, text) in lines {
                diags.push(unreadable(no, text, table));
            }
        }
    }
}

/// Moves the total row to the front (it is printed last in 表1 / 表4) and fixes parent indices.
fn total_first(
    rows: Vec<RawRow>,
    parents: Vec<Option<usize>>,
    total: Option<usize>,
) -> (Vec<RawRow>, Vec<Option<usize>>) {
    let Some(t) = total else {
        return (rows, parents);
    };
    let n = rows.len();
    let order: Vec<usize> = std::iter::once(t)
        .chain((0..n).filter(|&i| i != t))
        .collect();
    let mut pos = vec![0; n];
    for (new, &old) in order.iter().enumerate() {
        pos[old] = new;
    }
    let mut slots: Vec<Option<RawRow>> = rows.into_iter().map(Some).collect();
    let rows = order
        .iter()
        .map(|&i| slots[i].take().expect("each row once"))
        .collect();
    let parents = order.iter().map(|&i| parents[i].map(|p| pos[p])).collect();
    (rows, parents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spaced_out_body_label_is_no_unit() {
        // "编 制 单 位 ：元谋县…" names a body whose name starts with 元: the unit is the next label's.
        assert_eq!(
            unit_in("编 制 单 位 ：元谋县财政局    单位：万元"),
            Some(Unit::Wan)
        );
        assert_eq!(unit_in("预 算 单 位 ：元阳县财政局"), None);
        assert_eq!(unit_in("单 位 ： 元"), Some(Unit::Yuan));
        assert_eq!(unit_in("单位：（元）"), Some(Unit::Yuan));
    }

    /// The texts [`rejoin_labels`] makes of `lines`, the known labels being `known`.
    fn rejoined(lines: &[&str], known: &[&str]) -> Vec<String> {
        let lines: Vec<Line> = lines
            .iter()
            .zip(1..)
            .map(|(t, no)| Line::new(no, (*t).to_owned()))
            .collect();
        let body: Vec<&Line> = lines.iter().collect();
        let known = |c: &str| known.contains(&c);
        rejoin_labels(&body, AmountStyle::Decimals, &known)
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    /// Each line [`rejoin_labels`] gives keeps every line it was printed on, through both its
    /// passes: a 支出 label cut after a 收入 row's amount ("…一、一般公共" / "服务支出 …", the
    /// first pass) and one wrapped whole with its figures after both parts ("十九、住房保障支" /
    /// "出" / "445.69", the second), in a body of a few rows and in one of thousands.
    #[test]
    fn rejoined_lines_keep_the_lines_they_were_printed_on() {
        let rows = [
            "一、财政拨款收入 31,214,205.80 一、一般公共",
            "服务支出 22,186,440.80",
            "十九、住房保障支",
            "出",
            "445.69",
            "二十、粮油物资储备支出 1.00",
        ];
        let known = |c: &str| ["一般公共服务支出", "住房保障支出", "粮油物资储备支出"].contains(&c);
        for times in [1, 3000] {
            let lines: Vec<Line> = (0..times)
                .flat_map(|_| rows)
                .zip(1..)
                .map(|(t, no)| Line::new(no, t.to_owned()))
                .collect();
            let body: Vec<&Line> = lines.iter().collect();
            let out = rejoin_labels(&body, AmountStyle::Decimals, &known);
            assert_eq!(out.len(), 3 * times);
            for (k, l) in out.iter().enumerate() {
                let first = 6 * (k / 3) as LineNo + 1;
                let want: Vec<LineNo> = match k % 3 {
                    0 => vec![first, first + 1],
                    1 => vec![first + 2, first + 3, first + 4],
                    _ => vec![first + 5],
                };
                assert_eq!(l.nos, want, "{}", l.text);
            }
            assert_eq!(out[1].text, "十九、住房保障支出 445.69");
        }
    }

    #[test]
    fn a_label_wrapped_with_its_figures_after_both_parts_is_joined_with_them() {
        let known = ["住房保障支出", "粮油物资储备支出"];
        assert_eq!(
            rejoined(
                &["十九、住房保障支", "出", "445.69", "二十、粮油物资储备支出"],
                &known
            ),
            ["十九、住房保障支出 445.69", "二十、粮油物资储备支出"]
        );
        // A copy that prints figures above their labels: the figures after the label's two
        // parts are the next row's.
        assert_eq!(
            rejoined(
                &[
                    "445.69",
                    "十九、住房保障支",
                    "出",
                    "1.00",
                    "二十、粮油物资储备支出"
                ],
                &known
            ),
            [
                "445.69",
                "十九、住房保障支出",
                "1.00",
                "二十、粮油物资储备支出"
            ]
        );
    }

    #[test]
    fn units_and_bodies_of_headers() {
        for (t, want) in [
            ("编制部门：某区某局 单位：万元", Some(Unit::Wan)),
            (
                "编制单位：上海市普陀区人民政府办公室 单位：元",
                Some(Unit::Yuan),
            ),
            (
                "编制单位：上海市普陀区人民政府办公室 单位:万元",
                Some(Unit::Wan),
            ),
            ("单位: 万元", Some(Unit::Wan)),
            ("金额单位：人民币元", Some(Unit::Yuan)),
            ("编制单位：元宝山区某局", None),
            ("预算单位：上海市普陀区人民政府办公室", None),
            ("单位：人", None),
        ] {
            assert_eq!(unit_in(t), want, "{t}");
        }
        for (t, want) in [
            ("编制部门：某区某局 单位：万元", Some("某区某局")),
            (
                "编制单位：上海市普陀区人民政府办公室 单位：元",
                Some("上海市普陀区人民政府办公室"),
            ),
            ("编制单位：元宝山区某局", Some("元宝山区某局")),
            ("编制部门：某局 金额单位：元", Some("某局")),
            ("编制部门： 单位：万元", None),
        ] {
            assert_eq!(department_in(t).as_deref(), want, "{t}");
        }
    }

    #[test]
    fn rows_joined_on_one_line_are_split() {
        // PDFium's copy of zhengfu-bangongshi-unit-2025's 表8 (normalised: no thousands
        // separators), shortened.
        let pieces = |t| {
            let (head, _) = split_trailing_numbers(t, AmountStyle::Decimals);
            row_pieces(t, head, AmountStyle::Decimals, 3, None).unwrap_or_else(|| vec![t])
        };
        assert_eq!(
            pieces(
                "302 04 手续费 2000.00 2000.00 302 07 邮电费 30000.00 30000.00 \
                 合计 24606775.35 22473997.81"
            ),
            [
                "302 04 手续费 2000.00 2000.00",
                "302 07 邮电费 30000.00 30000.00",
                "合计 24606775.35 22473997.81"
            ]
        );
        // One row, or a code followed by an amount: nothing to split.
        for t in [
            "201 03 01 行政运行 12029501.84 11919501.84 110000.00",
            "201 一般公共服务支出 1.00 201 2.00",
        ] {
            assert_eq!(pieces(t), [t]);
        }
    }

    #[test]
    fn codes_in_all_their_forms() {
        let c = |s: &str| leading_code(s).map(|(c, rest)| (c.0, rest.to_owned()));
        assert_eq!(
            c("201 03 01 行政运行"),
            Some(("2010301".into(), "行政运行".into()))
        );
        assert_eq!(c("201 03"), Some(("20103".into(), "".into())));
        assert_eq!(
            c("301 02 津贴补贴"),
            Some(("30102".into(), "津贴补贴".into()))
        );
        assert_eq!(
            c("2010301 行政运行"),
            Some(("2010301".into(), "行政运行".into()))
        );
        // A spreadsheet's 款 and 项 cells that lost their leading zero, before a name only.
        assert_eq!(
            c("201 6 1 行政运行"),
            Some(("2010601".into(), "行政运行".into()))
        );
        assert_eq!(
            c("201 6 财政事务"),
            Some(("20106".into(), "财政事务".into()))
        );
        assert_eq!(c("208 5 5 4412547"), None);
        assert_eq!(c("20 一般"), None);
        assert_eq!(c("库尔勒市"), None);
    }

    #[test]
    fn units_of_table_headers() {
        assert_eq!(
            unit_in("编制部门：库尔勒市朝阳街道办事处 单位：万元"),
            Some(Unit::Wan)
        );
        assert_eq!(
            unit_in("编制部门：上海市普陀区财政局 单位:元"),
            Some(Unit::Yuan)
        );
        // A unit budget names the organisation with "编制单位：" before the unit.
        assert_eq!(
            unit_in("编制单位：上海市普陀区人民政府办公室 单位：元"),
            Some(Unit::Yuan)
        );
        assert_eq!(
            unit_in("编制单位：上海市普陀区人民政府办公室 单位:万元"),
            Some(Unit::Wan)
        );
        assert_eq!(unit_in("预算单位：上海市普陀区人民政府办公室"), None);
        assert_eq!(unit_in("项目承担单位：库尔勒市朝阳街道办事处"), None);
    }

    #[test]
    fn rows_run_together_are_cut_where_a_code_and_a_name_begin() {
        fn pieces(t: &str, style: AmountStyle) -> Vec<&str> {
            let (head, _) = split_trailing_numbers(t, style);
            row_pieces(t, head, style, 3, Some("某某街道办事处")).unwrap_or_else(|| vec![t])
        }
        // PDFium's copy of a 元 table (wanli-2023/pdfium.txt line 263), shortened.
        assert_eq!(
            pieces(
                "204 公共安全支出 1252300 0 1252300 204 06 司法 150000 0 150 204 06 07 公共法律服务 150 0 150 2049999 其他 1 0 1",
                AmountStyle::Integers
            ),
            [
                "204 公共安全支出 1252300 0 1252300",
                // "150 204 06 07" is no code: a code is followed by a name.
                "204 06 司法 150000 0 150",
                // A code printed joined on a line that spaces them: an amount.
                "204 06 07 公共法律服务 150 0 150 2049999 其他 1 0 1",
            ]
        );
        // The line's codes are spaced: a seven-digit amount before 合计 is no code.
        assert_eq!(
            pieces(
                "221 03 99 其他城乡社区住宅支出 2177200 0 2177200 合计 164978640 99406297 65572343",
                AmountStyle::Integers
            ),
            [
                "221 03 99 其他城乡社区住宅支出 2177200 0 2177200",
                "合计 164978640 99406297 65572343"
            ]
        );
        // 万元: the department's row and 合计 after the amounts of a row.
        assert_eq!(
            pieces(
                "总计 185.30 173.56 11.74 某某街道办事处 185.30 173.56 11.74 201 一般公共服务支出 180.70 168.96 11.74",
                AmountStyle::Decimals
            ),
            [
                "总计 185.30 173.56 11.74",
                "某某街道办事处 185.30 173.56 11.74",
                "201 一般公共服务支出 180.70 168.96 11.74"
            ]
        );
        // One row, a code inside a name, more amounts than columns: left whole.
        for t in [
            "201 03 01 行政运行 12.00 3.00",
            "2010301 行政运行 巴财教〔2023〕 201 号 1.00",
            "201 1.00 2.00 3.00 4.00 202 外交支出 1.00",
        ] {
            assert_eq!(pieces(t, AmountStyle::Decimals), [t], "{t}");
        }
    }

    fn coded_rows(text: &str, style: AmountStyle) -> (Vec<RawRow>, usize) {
        let table = Table {
            kind: TableKind::Income,
            number: 2,
            title: String::new(),
            unit: Unit::Yuan,
            unit_guessed: false,
            department: None,
            repeated_departments: Vec::new(),
            span: (1, 1),
            blocks: Vec::new(),
            empty_statement: None,
        };
        let lines = crate::text::lines(text);
        let pieces = lines
            .iter()
            .map(|l| Piece::read(l.no, &l.text, style, 3, None))
            .collect();
        let mut diags = Vec::new();
        let rows = assemble_coded(pieces, &table, 3, Spill::Below, &mut diags);
        (rows, diags.len())
    }

    /// Reads one table of a Shanghai 决算 (万元) from its title and body lines.
    fn final_table(kind: TableKind, title: &str, body: &str) -> (Table, Vec<Diagnostic>) {
        let text = format!("{title}\n单位：万元\n{body}");
        let lines = crate::text::lines(&text);
        let span = TableSpan {
            kind,
            number: None,
            family: Family::Shanghai,
            scope: None,
            title: title.to_owned(),
            start: 0,
            end: lines.len(),
        };
        let mut doc = Document::default();
        doc.meta.family = Family::Shanghai;
        doc.meta.kind = DocKind::Final;
        doc.meta.unit = Unit::Wan;
        let mut diags = Vec::new();
        let table = read_table(&lines, &span, Some(Unit::Wan), None, &doc, &mut diags);
        (table, diags)
    }

    /// Each row's code (or name) and its cells, by column.
    fn cells(table: &Table) -> Vec<(String, Vec<String>)> {
        table
            .blocks
            .iter()
            .flat_map(|b| {
                b.rows.iter().map(|r| {
                    let label = r.code.as_ref().map_or(r.name.clone(), |c| c.0.clone());
                    let cells = r
                        .cells
                        .iter()
                        .map(|c| c.map_or("-".to_owned(), |c| c.value.to_string()))
                        .collect();
                    (label, cells)
                })
            })
            .collect()
    }

    fn row(label: &str, cells: &[&str]) -> (String, Vec<String>) {
        (
            label.to_owned(),
            cells.iter().map(|c| (*c).to_owned()).collect(),
        )
    }

    /// caizhengju-2024-final's 支出决算表 (表3), its first rows.
    const EXPENSE_PDFPLUMBER: &str = "合计 2,336.91 603.14\n2,940.05\n一般公共服务支出 1,503.52 603.14\n201 2,106.66\n财政事务 1,503.52 603.14\n201 06 2,106.66\n行政运行 1,503.52\n201 06 01 1,511.89 8.37\n一般行政管理事务\n201 06 02 10.00 10.00\n信息化建设 135.25\n201 06 07 135.25\n财政委托业务支出 449.52\n201 06 08 449.52\n社会保障和就业支出\n208 326.72 326.72\n行政单位离退休\n208 05 01 326.72 326.72\n卫生健康支出\n210 60.99 60.99\n住房保障支出\n221 445.69 445.69";
    const EXPENSE_LAYOUT: &str = "2,336.91 603.14\n2,940.05\n类 款 项\n合计\n1,503.52 603.14\n201 一般公共服务支出 2,106.66\n1,503.52 603.14\n201 06 财政事务 2,106.66\n1,503.52\n201 06 01 行政运行 1,511.89 8.37\n201 06 02 一般行政管理事务 10.00 10.00\n135.25\n201 06 07 信息化建设 135.25\n449.52\n201 06 08 财政委托业务支出 449.52\n208 社会保障和就业支出 326.72 326.72\n208 05 01 行政单位离退休 326.72 326.72\n210 卫生健康支出 60.99 60.99\n221 住房保障支出 445.69 445.69";

    #[test]
    fn a_row_printed_on_two_lines_reads_as_on_one() {
        // pdfplumber prints a row's name and some of its amounts above its code line, and a
        // 合计's first amount below it; pdftotext -layout prints amounts above the code line.
        // Both read as the pypdf copy does ("201 06 01 行政运行 1,511.89 1,503.52 8.37").
        let want = [
            row("合计", &["2940.05", "2336.91", "603.14", "-", "-", "-"]),
            row("201", &["2106.66", "1503.52", "603.14", "-", "-", "-"]),
            row("20106", &["2106.66", "1503.52", "603.14", "-", "-", "-"]),
            row("2010601", &["1511.89", "1503.52", "8.37", "-", "-", "-"]),
            row("2010602", &["10.00", "-", "10.00", "-", "-", "-"]),
            row("2010607", &["135.25", "-", "135.25", "-", "-", "-"]),
            row("2010608", &["449.52", "-", "449.52", "-", "-", "-"]),
            row("208", &["326.72", "326.72", "-", "-", "-", "-"]),
            row("2080501", &["326.72", "326.72", "-", "-", "-", "-"]),
            row("210", &["60.99", "60.99", "-", "-", "-", "-"]),
            row("221", &["445.69", "445.69", "-", "-", "-", "-"]),
        ];
        for body in [EXPENSE_PDFPLUMBER, EXPENSE_LAYOUT] {
            let (table, diags) = final_table(TableKind::Expense, "支出决算表", body);
            assert_eq!(cells(&table), want, "{body}");
            assert!(
                !diags.iter().any(|d| d.code == DiagCode::UnreadableRow),
                "{diags:?}"
            );
        }
    }

    #[test]
    fn rows_printed_on_two_lines_in_a_table_whose_sums_fail_are_not_read() {
        // Without 210 and 221, 合计 is not the sum of its 类 whichever way the lines join:
        // the join is no longer proven, and the rows joined from two lines are reported.
        let body = EXPENSE_LAYOUT.split("\n210 ").next().unwrap_or_default();
        let (table, diags) = final_table(TableKind::Expense, "支出决算表", body);
        assert!(
            diags.iter().any(|d| d.code == DiagCode::UnreadableRow),
            "{diags:?}"
        );
        let read = cells(&table);
        assert!(read.contains(&row("2010601", &["-"; 6])), "{read:?}");
        // A row printed on one line is read as before.
        assert!(
            read.contains(&row("2010602", &["10.00", "-", "10.00", "-", "-", "-"])),
            "{read:?}"
        );
    }

    #[test]
    fn a_row_whose_lines_could_interleave_two_ways_is_not_read() {
        // Without its parents, nothing tells whether 行政运行's 1,503.52 printed above its line
        // is 基本支出 (and 8.37 项目支出) or the other way round: the row is reported, not guessed.
        let (table, diags) = final_table(
            TableKind::Expense,
            "支出决算表",
            "1,503.52\n201 06 01 行政运行 1,511.89 8.37",
        );
        assert!(
            diags.iter().any(|d| d.code == DiagCode::UnreadableRow),
            "{diags:?}"
        );
        assert_eq!(cells(&table), [row("2010601", &["-"; 6])]);
    }

    #[test]
    fn amounts_a_copy_sets_apart_from_their_two_sided_line_join_it() {
        // caizhengju-2024-final's 财政拨款收入支出决算总表 (表4): pdfplumber prints 本年支出合计's
        // 一般公共预算 amount on the next line, pdftotext -layout both sides' amounts above.
        let head = "收入 支出\n项目 决算数 项目 合计 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款\n";
        for body in [
            "一、一般公共预算财政拨款 2,940.05 一、一般公共服务支出\n2,106.66 2,106.66\n八、社会保障和就业支出\n326.71 326.71\n九、卫生健康支出\n60.99 60.99\n十九、住房保障支出\n445.69 445.69\n本年收入合计 2,940.05 本年支出合计 2,940.05\n2,940.05",
            "2,940.05\n一、一般公共预算财政拨款 一、一般公共服务支出 2,106.66 2,106.66\n八、社会保障和就业支出 326.71 326.71\n九、卫生健康支出 60.99 60.99\n十九、住房保障支出 445.69 445.69\n2,940.05 2,940.05\n本年收入合计 本年支出合计 2,940.05",
        ] {
            let (table, diags) = final_table(
                TableKind::FiscalSummary,
                "财政拨款收入支出决算总表",
                &format!("{head}{body}"),
            );
            assert!(
                !diags.iter().any(|d| d.code == DiagCode::UnreadableRow),
                "{body}: {diags:?}"
            );
            let all = cells(&table);
            assert!(all.contains(&row("一、一般公共预算财政拨款", &["2940.05"])), "{body}: {all:?}");
            assert!(all.contains(&row("本年收入合计", &["2940.05"])), "{body}: {all:?}");
            assert!(
                all.contains(&row("本年支出合计", &["2940.05", "2940.05", "-", "-"])),
                "{body}: {all:?}"
            );
        }
    }

    fn names(rows: &[RawRow]) -> Vec<(String, String, usize)> {
        rows.iter()
            .map(|r| {
                let code = r.code.as_ref().map(|c| c.0.clone()).unwrap_or_default();
                (code, r.name(), r.nums.len())
            })
            .collect()
    }

    #[test]
    fn a_name_cut_around_its_amounts_joins_its_row() {
        let row = |c: &str, n: &str, k| (c.to_owned(), n.to_owned(), k);
        // pdfplumber centres the line of numbers on a wrapped name (wanli-2023 lines 203–206).
        let (rows, unread) = coded_rows(
            "208 05 02 事业单位离退休 52,080 52,080\n机关事业单位基本养老保险缴费支\n208 05 05 4,412,547 4,412,547\n出\n208 05 06 机关事业单位职业年金缴费支出 2,206,272 2,206,272",
            AmountStyle::Integers,
        );
        assert_eq!(unread, 0);
        assert_eq!(
            names(&rows),
            [
                row("2080502", "事业单位离退休", 2),
                row("2080505", "机关事业单位基本养老保险缴费支出", 2),
                row("2080506", "机关事业单位职业年金缴费支出", 2),
            ]
        );
        // pdftotext -layout prints the name after the numbers (caizhengju-2024-final 231–237).
        let (rows, unread) = coded_rows(
            "208 05 05 160.75 160.75\n机关事业单位基本养老保险\n缴费支出\n208 05 06 80.38 80.38\n机关事业单位职业年金缴费\n支出\n208 05 99 其他行政事业单位养老支出 0.94 0.94",
            AmountStyle::Decimals,
        );
        assert_eq!(unread, 0);
        assert_eq!(
            names(&rows),
            [
                row("2080505", "机关事业单位基本养老保险缴费支出", 2),
                row("2080506", "机关事业单位职业年金缴费支出", 2),
                row("2080599", "其他行政事业单位养老支出", 2),
            ]
        );
        // pdfplumber prints every name above its code line (caizhengju-2024-final 156–166).
        let (rows, unread) = coded_rows(
            "合计\n2,946.25 2,940.05 6.20\n一般公共服务支出\n201 2,112.86 2,106.66 6.20\n财政事务\n201 06 2,112.86 2,106.66 6.20\n机关事业单位基本养老保险\n208 05 05 缴费支出 160.75 160.75\n行政单位医疗\n210 11 01 60.99 60.99",
            AmountStyle::Decimals,
        );
        assert_eq!(unread, 0);
        assert_eq!(
            names(&rows),
            [
                row("", "合计", 3),
                row("201", "一般公共服务支出", 3),
                row("20106", "财政事务", 3),
                row("2080505", "机关事业单位基本养老保险缴费支出", 2),
                row("2101101", "行政单位医疗", 2),
            ]
        );
        // A name wrapped after its numbers stays with its row; a line of numbers is the
        // amounts of the row waiting for them, even when it could read as a code.
        let (rows, unread) = coded_rows(
            "201 03 01 行政运行 100 100\n（含 2 个）\n201 03 02 一般\n行政管理事务\n201 0 201\n201 03 99 其他 1 1",
            AmountStyle::Integers,
        );
        assert_eq!(unread, 0);
        assert_eq!(
            names(&rows),
            [
                row("2010301", "行政运行（含 2 个）", 2),
                row("2010302", "一般行政管理事务", 3),
                row("2010399", "其他", 2),
            ]
        );
    }

    #[test]
    fn amounts_printed_above_their_total_are_its() {
        // pdftotext -layout, caizhengju-2024-final lines 175–177 (the header between).
        let text =
            "2,946.25 2,940.05 6.20\n类 款 项\n合计\n201 一般公共服务支出 2,112.86 2,106.66 6.20";
        let (rows, unread) = coded_rows(text, AmountStyle::Decimals);
        assert_eq!(unread, 0);
        assert_eq!(rows[0].name(), "合计");
        assert_eq!(rows[0].nums.len(), 3);
        assert_eq!(rows[0].lines, [1, 3]);
        // Not above a row with its own amounts: the line cannot be read.
        let text = "449.52\n201 06 08 财政委托业务支出 449.52";
        let (rows, unread) = coded_rows(text, AmountStyle::Decimals);
        assert_eq!((rows.len(), unread), (1, 1));
    }

    #[test]
    fn a_row_printed_again_without_its_name_is_one_row() {
        // caizhengju-2024-final/tsv.txt lines 147–148.
        let (rows, unread) = coded_rows(
            "210 11 行政事业单位医疗 60.99 60.99\n210 11 60.99 60.99\n210 11 01 行政单位医疗 60.99 60.99",
            AmountStyle::Decimals,
        );
        assert_eq!(unread, 0);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].lines, [1, 2]);
    }

    #[test]
    fn two_sided_split_points() {
        fn at(t: &str) -> Option<&str> {
            expense_start(t, &[]).map(|o| &t[o..])
        }
        assert_eq!(
            at("一、本年收入 2287.86 201 一般公共服务支出 1664.74"),
            Some("201 一般公共服务支出 1664.74")
        );
        assert_eq!(at("230 转移性支出"), Some("230 转移性支出"));
        assert_eq!(
            at("收 入 总 计 2300.52 支 出 总 计 2300.52"),
            Some("支 出 总 计 2300.52")
        );
        assert_eq!(
            at("一、财政拨款收入 164978640 一、一般公共服务支出 2976800"),
            Some("一、一般公共服务支出 2976800")
        );
        assert_eq!(at("5.单位资金"), None);
    }

    #[test]
    fn prefixes_match_across_spaces() {
        assert_eq!(
            strip_prefix_ignoring_spaces("代表工作部门专项-活动经费", "代表工作"),
            Some("部门专项-活动经费")
        );
        assert_eq!(
            strip_prefix_ignoring_spaces("其他 组织事务支出 部门专项", "其他组织事务支出"),
            Some(" 部门专项")
        );
        assert_eq!(strip_prefix_ignoring_spaces("其他", "其他组织"), None);
        assert_eq!(strip_prefix_ignoring_spaces("行政运行", "代表"), None);
    }

    #[test]
    fn fragments_join_without_spaces_between_cjk() {
        let parts = vec![
            "其他政府办公厅（室）及相".to_owned(),
            "关机构事务支出".to_owned(),
        ];
        assert_eq!(
            join_fragments(&parts),
            "其他政府办公厅（室）及相关机构事务支出"
        );
    }
}
