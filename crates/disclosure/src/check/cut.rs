//! Tables the text ends inside: a paste that stops in the middle of a table (a page of it, the
//! first screen of a long one) holds its title and its first rows, and the rows after the cut
//! are simply not there. A total printed above its parts (the 合计 row over the 类 rows, a 类
//! over its 款) is then compared with only the parts that were pasted; a row that another
//! table has is "missing" from this one because it lies after the cut. Neither says anything
//! about the document.
//!
//! So a table is taken as **open at its end** when the text's last line is its last line and
//! it does not say it is empty: nothing after it shows that its rows ended there. For an open table, an error or warning
//! is set aside when rows after the cut could explain it:
//! - it draws on the open table by number but cites no line of it (a row the other tables
//!   have and this one does not show: it may lie after the cut);
//! - it is a comparison inside the open table whose group may go on after the cut: its first
//!   cited row is a total or a parent that nothing after it in the table closes (a later row
//!   whose code is not under the parent's code closes it: "205" after the rows of "201"), and
//!   its printed total is not exceeded by the parts that are there (parts that already add up
//!   to more than their total are wrong whatever follows);
//! - it is a total printed before the table, against parts found nowhere or parts in the
//!   table that fall short of it (more may follow the cut);
//! - it starts from a row of the table's last top-level group (the last 类 and the rows under
//!   it), whose rows, totals and columns may read otherwise with its later rows there;
//! - it cites the table's last line or row and that line may be split by the cut: it is no
//!   row (a repeated header's "编制部门：库尔勒市朝"), or a row with fewer figures than the
//!   table's fullest, or whose last figure has other decimals than most ("2,152.2" of
//!   "2,152.26"); or it is the parser's note on a line after the last row it read.
//!
//! What is set aside is said once, in a note naming the table, the line it was cut at and the
//! rules not concluded. A table that the text holds whole (another line follows it: the next
//! table's title, a note, the 说明) is judged as ever, and so is every comparison of rows that
//! are all there.

use rust_decimal::Decimal;

use super::{Finding, Severity};
use crate::model::{Document, LineNo, Row, RowKind, Table};

/// The rule id of the note on a table cut at the end of the text.
pub(crate) const RULE: &str = "check/cut-table";

fn within(t: &Table, line: LineNo) -> bool {
    t.span.0 <= line && line <= t.span.1
}

/// Whether the rows of `t` after line `after` close the group that row `first` heads: a row
/// of its block with a code no longer than `first`'s and not `first`'s own (a 类 "205" after
/// the rows of "201", a 款 "20103" after those of "20101"). A group headed by a row without a
/// code (合计, 总计, a 表1 item) is closed by nothing the checker can tell.
fn closed(t: &Table, first: &Row, after: LineNo) -> bool {
    let Some(code) = first.code_str() else {
        return false;
    };
    t.blocks
        .iter()
        .filter(|b| b.rows.iter().any(|r| std::ptr::eq(r, first)))
        .flat_map(|b| &b.rows)
        .filter(|r| r.kind != RowKind::Project && r.lines.iter().all(|&l| l > after))
        .any(|r| {
            r.code_str()
                .is_some_and(|c| c.len() <= code.len() && c != code)
        })
}

/// Whether rows after the cut of open table `t` could explain `f`.
fn explained_by_cut(f: &Finding, t: &Table) -> bool {
    let inside: Vec<LineNo> = f.lines.iter().copied().filter(|&l| within(t, l)).collect();
    if inside.is_empty() {
        // Drawn on the table by number, not on any of its lines: a row it does not show; or
        // a total before the table against parts found nowhere, which may follow the cut.
        let nothing = f.expected == Some(Decimal::ZERO) && f.actual.is_some_and(|a| !a.is_zero());
        let before = !f.lines.is_empty() && f.lines.iter().all(|&l| l < t.span.0);
        return f.tables.contains(&t.number) || (nothing && before);
    }
    let rows = || t.blocks.iter().flat_map(|b| &b.rows);
    // The last line: the cut may have split it, leaving a header's name or a row's figures
    // out — a row with fewer figures than the table's fullest, or whose last figure has
    // other decimals than most of the table's ("2,152.2" of "2,152.26").
    let last: Vec<&Row> = rows().filter(|r| r.lines.contains(&t.span.1)).collect();
    let split = if last.is_empty() {
        true
    } else {
        let filled = |r: &Row| r.cells.iter().flatten().count();
        // The fullest of the rows before it: with none, how many figures a row has is not known.
        let fullest = rows()
            .filter(|r| !r.lines.contains(&t.span.1))
            .map(filled)
            .max()
            .unwrap_or(usize::MAX);
        let mut scales: Vec<u32> = rows()
            .flat_map(|r| r.cells.iter().flatten())
            .map(|c| c.value.scale())
            .collect();
        scales.sort_unstable();
        let usual = scales.get(scales.len() / 2).copied();
        last.iter().any(|r| {
            let tail = r.cells.iter().flatten().last().map(|c| c.value.scale());
            filled(r) < fullest || (tail.is_some() && tail != usual)
        })
    };
    let last_lines: Vec<LineNo> = last.iter().flat_map(|r| r.lines.iter().copied()).collect();
    if split
        && inside
            .iter()
            .any(|&l| l == t.span.1 || last_lines.contains(&l))
    {
        return true;
    }
    if f.rule.starts_with("parse/") {
        // A line the parser could not read after the last row it read: the header or a row
        // the cut split.
        let last_row = rows()
            .flat_map(|r| r.lines.iter().copied())
            .max()
            .unwrap_or(0);
        return inside.iter().all(|&l| l > last_row);
    }
    // Parts that add up to more than their total are wrong whatever rows follow.
    let short = match (f.actual, f.expected) {
        (Some(actual), Some(expected)) => {
            if expected > actual && actual >= Decimal::ZERO {
                return false;
            }
            expected < actual
        }
        _ => false,
    };
    if inside.len() != f.lines.len() {
        // A total printed before the table against parts in it that fall short of it ("表1
        // 结转 = 表2 各类结转之和", "表5 科目 = 表7 该科目各项目之和"): more may follow the cut.
        return short && f.lines.iter().all(|&l| l <= t.span.1);
    }
    // A comparison inside the table only, and of more than one row: a row's own columns
    // (合计 = 基本支出 + 项目支出) hold or fail whatever rows follow.
    // (A parent cited alone whose parts add up to 0 has none of them here: they may follow.)
    let one_row = rows().any(|r| inside.iter().all(|l| r.lines.contains(l)))
        && f.expected.is_some_and(|e| !e.is_zero());
    if f.tables.iter().any(|&n| n != t.number) || one_row {
        return false;
    }
    let (first, last) = (inside[0], inside[inside.len() - 1]);
    // Rows of the last top-level group (the last 类 and what follows it) may be read otherwise
    // with its later rows there: which column a figure is in is solved over the rows present.
    let top = rows().filter_map(|r| r.code_str().map(str::len)).min();
    let last_group = rows()
        .filter(|r| top.is_some() && r.code_str().map(str::len) == top)
        .map(Row::line)
        .max();
    if last_group.is_some_and(|g| first >= g) {
        return true;
    }
    // The row the comparison starts from; where two rows share its line (a table printed in
    // two halves side by side), which one is not known, and the group is taken as open.
    let mut heads = rows().filter(|r| r.lines.contains(&first));
    match (heads.next(), heads.next()) {
        (Some(row), None) => !closed(t, row, last),
        (Some(_), Some(_)) => true,
        // Not from a row: the table's title or header.
        (None, _) => false,
    }
}

/// Sets aside the errors and warnings that rows after the cut of a table the text ends inside
/// could explain, with one note per such table.
pub(crate) fn gate(doc: &Document, findings: Vec<Finding>) -> Vec<Finding> {
    let Some(open) = doc
        .tables
        .iter()
        .find(|t| t.span.0 > 0 && t.span.1 == doc.last_line && t.empty_statement.is_none())
    else {
        return findings;
    };
    let mut rules: Vec<String> = Vec::new();
    let mut kept = Vec::with_capacity(findings.len());
    for f in findings {
        let serious = matches!(f.severity, Severity::Error | Severity::Warning);
        if serious && explained_by_cut(&f, open) {
            if !rules.contains(&f.rule) {
                rules.push(f.rule);
            }
        } else {
            kept.push(f);
        }
    }
    if !rules.is_empty() {
        kept.push(note(open, &rules));
    }
    kept
}

/// The one note on a table cut at the end of the text.
fn note(t: &Table, rules: &[String]) -> Finding {
    let (a, b) = t.span;
    let rules = rules.join(", ");
    Finding {
        rule: RULE.to_owned(),
        severity: Severity::Info,
        message_zh: format!(
            "表{} {}（第 {a}–{b} 行）到文字末尾为止，其后的行可能没有粘贴进来：凭已有的行不能断定合计与各项是否相符、某行是否缺失，这些核对（{rules}）没有下结论。",
            t.number, t.title
        ),
        message_en: format!(
            "Table {} ({}, lines {a}–{b}) runs to the end of the text, so its later rows may not have been pasted: whether its totals match their parts, or a row is missing, cannot be told from the rows there, and these checks ({rules}) were not concluded.",
            t.number, t.title
        ),
        expected: None,
        actual: None,
        printed: None,
        lines: vec![a, b],
        tables: vec![t.number],
        percent: false,
    }
}
