//! Cross-table identities (rules.md §2.2, X1–X38): the same money seen from two tables.
//!
//! The rules are grouped by what they compare: totals and labelled rows ([`totals`]), rows
//! matched by 功能分类 code ([`codes`]), the 基本/项目 split and the 结转 scope ([`funds`]),
//! the 三公 table against the others ([`three_public`]), projects and 绩效目标表
//! ([`projects`]), and 功能分类 against 经济分类 ([`econ`]). This file holds what they share:
//! reading labelled amounts out of tables, and the three ways of comparing them (the same
//! quantity, a sum of printed parts, an inequality).

mod codes;
mod econ;
mod funds;
mod projects;
mod three_public;
mod totals;

pub(super) use codes::{X10, X13, X14, X15, X19, X2};
pub(super) use econ::{X35, X36, X37, X38};
pub(super) use funds::{X20, X21, X22, X23, X26, X31};
pub(super) use projects::{X32, X33, X34};
pub(super) use three_public::{X27, X28, X29, X30};
pub(super) use totals::{X1, X11, X12, X16, X17, X18, X24, X25, X3, X4, X5, X6, X7, X8, X9};

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::{row_label, Amt, Label};
use crate::check::tolerance::Verdict;
use crate::check::{Checker, Severity};
use crate::model::*;

/// The value of an empty cell or an absent row: zero, printed "0.00". Its two decimals matter:
/// a zero without decimals would count as rounded to a whole unit and widen the rounding
/// envelope of a sum (§0) to 0.5.
const EMPTY: Decimal = Decimal::from_parts(0, 0, 0, false, 2);

/// One block of one table, as a source of amounts.
#[derive(Clone, Copy)]
pub(super) struct Src<'a> {
    /// The table.
    pub t: &'a Table,
    /// The block (the whole table, or one half of 表1 / 表4).
    pub b: &'a Block,
    /// The document's main unit: amounts of a table printed in another unit are converted.
    unit: Unit,
    /// The block's rows by code, when the checker has them.
    codes: Option<&'a HashMap<&'a str, &'a Row>>,
}

/// An amount read from a table: what it is, its value and lines, and the table's number.
#[derive(Debug, Clone)]
pub(super) struct Val<'a> {
    /// What it is, for messages (see [`Val::what`]).
    what: What<'a>,
    /// The value in its table's unit (zero for an empty cell or an absent row) and the lines
    /// it was read from.
    pub amt: Amt,
    /// The document's main unit, in which [`Val::value`] gives the amount for arithmetic.
    base: Unit,
    /// The printed number of its table.
    pub table: u8,
}

/// What an amount is, kept as its parts: nearly every amount agrees with the others and is
/// never named, so its label is only written when a message needs it.
#[derive(Debug, Clone)]
enum What<'a> {
    /// Written out.
    Label(Label),
    /// A row's cell, with the column named when the block has several (`Some`).
    Cell {
        t: &'a Table,
        r: &'a Row,
        col: Option<Col>,
    },
    /// The zero of a table printed empty.
    Empty { table: u8, col: Col },
    /// The zero of a code the table does not print.
    Absent { table: u8, code: &'a str, col: Col },
}

impl Val<'_> {
    /// The value in the document's main unit, exactly (for arithmetic; messages show
    /// [`Val::shown`]).
    pub fn value(&self) -> Decimal {
        self.amt.in_unit(self.base)
    }

    /// The amount as printed, with its unit when its table's unit is not the document's
    /// ("285,000.00" in a document in 元; "28.50 万元" from a 三公 table in 万元 there).
    pub fn shown(&self) -> String {
        crate::check::shown(self.amt.value, self.amt.unit, self.amt.unit != self.base)
    }

    /// What it is, for messages: "表2「201 一般公共服务支出」合计".
    pub fn what(&self) -> Label {
        match &self.what {
            What::Label(l) => l.clone(),
            What::Cell { t, r, col } => {
                let row = row_label(t, r);
                match col {
                    Some(col) => Label::new(
                        format!("{}{}", row.zh, col.title()),
                        format!("{}, column {}", row.en, col.title()),
                    ),
                    None => row,
                }
            }
            What::Empty { table, col } => Label::new(
                format!("表{table}（空表）{}", col.title()),
                format!("Table {table} (empty), column {}", col.title()),
            ),
            What::Absent { table, code, col } => Label::new(
                format!("表{table} {}（未列出）{}", spaced(code), col.title()),
                format!(
                    "Table {table} code {} (not printed), column {}",
                    spaced(code),
                    col.title()
                ),
            ),
        }
    }

    /// The document's main unit, in which [`Val::value`] is given.
    pub fn base(&self) -> Unit {
        self.base
    }

    /// This amount in `other`'s unit, as `other` is printed (元 to 万元 rounded to its decimals,
    /// at least two): what a finding gives as expected against `other`.
    pub fn as_in(&self, other: &Val) -> Decimal {
        crate::check::tolerance::in_unit(
            self.amt.value,
            self.amt.unit,
            other.amt.unit,
            other.amt.value.scale().max(2),
        )
    }

    /// The same amount, described by `what`.
    pub fn named(self, what: Label) -> Self {
        Val {
            what: What::Label(what),
            ..self
        }
    }
}

impl<'a> Val<'a> {
    /// An amount described by a label written out; `base` is the document's main unit.
    pub fn labelled(what: Label, amt: Amt, base: Unit, table: u8) -> Self {
        Val {
            what: What::Label(what),
            amt,
            base,
            table,
        }
    }
}

/// A block of a table; when the table is absent the current rule is noted as not checked.
///
/// A table without rows counts only when it says it is empty; otherwise its rows could not
/// be read, and comparing its zeros with other tables would report differences that are not
/// in the document, so the rule is noted as not checked instead.
pub(super) fn src<'a>(c: &mut Checker<'a>, kind: TableKind, side: Side) -> Option<Src<'a>> {
    let t = c.table(kind)?;
    if t.row_count() == 0 && t.empty_statement.is_none() {
        let layout = crate::parse::schema::Layout::of(&c.doc.meta);
        let title = crate::parse::schema::title_in(layout, kind);
        c.missing(
            t.number,
            format!("表{} {title} 的数据行", t.number),
            format!("the rows of table {} ({title})", t.number),
        );
        return None;
    }
    block_of(c, t, side)
}

/// A block of a table that the rule can do without: absence is not noted.
pub(super) fn optional<'a>(c: &Checker<'a>, kind: TableKind, side: Side) -> Option<Src<'a>> {
    let t = c.doc.table(kind)?;
    if t.row_count() == 0 && t.empty_statement.is_none() {
        return None;
    }
    block_of(c, t, side)
}

fn block_of<'a>(c: &Checker<'a>, t: &'a Table, side: Side) -> Option<Src<'a>> {
    let b = match side {
        Side::Whole => t.main()?,
        _ => t.block(side)?,
    };
    Some(Src {
        t,
        b,
        unit: c.doc.meta.unit,
        codes: c.codes.and_then(|ix| ix.of(b)),
    })
}

impl<'a> Src<'a> {
    /// The printed number of the table.
    pub fn n(&self) -> u8 {
        self.t.number
    }

    /// The amount of `r` in `col`, in the table's unit, and whether it is printed as such. A
    /// table printed in panels without a 合计 column (the Shanghai 决算 basic-spending table)
    /// has one amount per row: that is its total.
    fn cell(&self, r: &Row, col: Col) -> (Decimal, bool) {
        if col == Col::Total && !self.has(Col::Total) {
            let printed: Vec<Decimal> = r.cells.iter().flatten().map(|c| c.value).collect();
            return match printed[..] {
                [] => (EMPTY, false),
                [one] => (one, true),
                _ => (printed.iter().sum(), false),
            };
        }
        self.b
            .cell(r, col)
            .map_or((EMPTY, false), |c| (c.value, true))
    }

    /// Whether the block has this column.
    pub fn has(&self, col: Col) -> bool {
        self.b.col(col).is_some()
    }

    /// The cell of `r` in `col` (zero when empty), labelled "表2「201 一般公共服务支出」合计".
    pub fn val(&self, r: &'a Row, col: Col) -> Val<'a> {
        let (value, printed) = self.cell(r, col);
        Val {
            what: What::Cell {
                t: self.t,
                r,
                col: (self.b.columns.len() > 1).then_some(col),
            },
            amt: Amt {
                value,
                unit: self.t.unit,
                lines: r.lines.clone(),
                printed,
            },
            base: self.unit,
            table: self.t.number,
        }
    }

    /// The labelled row `key` in `col`; `None` when the row or the column is absent.
    pub fn keyed(&self, key: RowKey, col: Col) -> Option<Val<'a>> {
        self.has(col).then_some(())?;
        self.b.keyed(key).map(|r| self.val(r, col))
    }

    /// The 总计 row in `col`. A table printed empty (no rows; [`src`] admits only those that
    /// say so) gives zero, cited by its empty-table sentence; `None` when the total row or
    /// the column is absent otherwise.
    pub fn total(&self, col: Col) -> Option<Val<'a>> {
        if self.b.rows.is_empty() {
            return Some(self.empty(col));
        }
        self.has(col).then_some(())?;
        self.b.total().map(|r| self.val(r, col))
    }

    /// Zero for a table without rows, cited by its empty-table sentence.
    fn empty(&self, col: Col) -> Val<'a> {
        Val {
            what: What::Empty {
                table: self.t.number,
                col,
            },
            amt: Amt::implied(
                EMPTY,
                self.t.unit,
                self.t
                    .empty_statement
                    .as_ref()
                    .map(|e| vec![e.line])
                    .unwrap_or_default(),
            ),
            base: self.unit,
            table: self.t.number,
        }
    }

    /// The first non-project row with this code.
    pub fn row(&self, code: &str) -> Option<&'a Row> {
        match self.codes {
            Some(rows) => rows.get(code).copied(),
            None => self.b.by_code(code),
        }
    }

    /// The amount at a code in `col`: the row's cell, or zero when the table does not print
    /// the code (labelled so, and citing no line, or the empty-table sentence of an empty
    /// table).
    pub fn at<'c>(&self, code: &'c str, col: Col) -> Val<'c>
    where
        'a: 'c,
    {
        if let Some(r) = self.row(code) {
            return self.val(r, col);
        }
        if self.b.rows.is_empty() {
            return self.empty(col);
        }
        Val {
            what: What::Absent {
                table: self.t.number,
                code,
                col,
            },
            amt: Amt::implied(EMPTY, self.t.unit, Vec::new()),
            base: self.unit,
            table: self.t.number,
        }
    }

    /// The codes of the rows of one kind, in printed order.
    pub fn codes(&self, kind: RowKind) -> Vec<&'a str> {
        self.b
            .rows
            .iter()
            .filter(|r| r.kind == kind)
            .filter_map(Row::code_str)
            .collect()
    }
}

/// "201 03 01" for "2010301".
pub(super) fn spaced(code: &str) -> String {
    Code(code.to_owned()).spaced()
}

/// 一 … 十九 for a chapter number.
pub(super) fn numeral(n: u8) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[usize::from(n)].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", DIGITS[usize::from(n - 10)]),
        _ => n.to_string(),
    }
}

/// The union of code lists, in order of first appearance.
pub(super) fn union<'x>(lists: impl IntoIterator<Item = Vec<&'x str>>) -> Vec<&'x str> {
    let mut out: Vec<&str> = Vec::new();
    for list in lists {
        for code in list {
            if !out.contains(&code) {
                out.push(code);
            }
        }
    }
    out
}

/// The same quantity printed in two places, each in its table's unit: a difference of one
/// unit of the coarser printing's last digit is rounding, more is an error ([`Checker::same`]).
pub(super) fn same(c: &mut Checker, a: &Val, b: &Val) -> bool {
    // Named only when they differ.
    if a.value() == b.value() {
        return true;
    }
    c.same(&a.what(), &a.amt, &b.what(), &b.amt, &[a.table, b.table])
}

/// The same quantity printed in several places. The value most places agree on (the first
/// one on a tie) is the reference, and each place that differs from it is reported, so that one
/// wrong cell gives one finding.
pub(super) fn same_all(c: &mut Checker, vals: &[Option<Val>]) {
    let present: Vec<&Val> = vals.iter().flatten().collect();
    let count = |v: &Val| present.iter().filter(|o| o.value() == v.value()).count();
    let Some(reference) =
        present
            .iter()
            .copied()
            .reduce(|best, v| if count(v) > count(best) { v } else { best })
    else {
        return;
    };
    for v in present.iter().filter(|v| v.value() != reference.value()) {
        same(c, v, reference);
    }
}

/// A printed total against printed parts from other tables (rounding envelope of §0). Parts
/// that are zero add nothing and are left out, so that they neither widen the envelope nor
/// cite lines.
pub(super) fn sum(c: &mut Checker, what: &Label, total: &Val, parts: &[Val]) -> Verdict {
    sum_of(c, &|| what.clone(), total, parts)
}

/// [`sum`] with the label written only when there is something to report.
pub(super) fn sum_of(
    c: &mut Checker,
    what: &dyn Fn() -> Label,
    total: &Val,
    parts: &[Val],
) -> Verdict {
    let used: Vec<&Val> = parts.iter().filter(|p| !p.value().is_zero()).collect();
    if used.is_empty() {
        if total.value().is_zero() {
            return Verdict::Exact;
        }
        let t = total.shown();
        let what = what();
        let f = c.report(
            Severity::Error,
            format!("{}：印出 {t}，但相加的各项都是 0，不是尾差。", what.zh),
            format!(
                "{}: printed {t}, but every part is 0, which no rounding explains.",
                what.en
            ),
        );
        f.actual = total.amt.actual();
        f.expected = Some(EMPTY);
        let all: Vec<&Val> = std::iter::once(total).chain(parts).collect();
        f.lines = lines_of(&all);
        let mut tables: Vec<u8> = all.iter().map(|v| v.table).collect();
        crate::sort::sort(&mut tables);
        tables.dedup();
        f.tables = tables;
        return Verdict::Wrong;
    }
    let amts: Vec<&Amt> = used.iter().map(|p| &p.amt).collect();
    let mut tables: Vec<u8> = used.iter().map(|p| p.table).collect();
    // A part taken as 0 drew on its table too, whether the table prints no row for the code, an
    // empty cell in the row, or nothing at all: a table not read reliably may have lost the row
    // or the cell (a figure wrapped onto a line of its own), and what is concluded from it is
    // set aside with it.
    for p in parts {
        if !tables.contains(&p.table) {
            tables.push(p.table);
        }
    }
    tables.push(total.table);
    c.sum_of(what, &total.amt, &amts, &tables)
}

/// "a + b + c" of the labels of some values, in Chinese and English.
pub(super) fn names(vals: &[Val]) -> (String, String) {
    let labels: Vec<Label> = vals.iter().map(Val::what).collect();
    let zh: Vec<&str> = labels.iter().map(|l| l.zh.as_str()).collect();
    let en: Vec<&str> = labels.iter().map(|l| l.en.as_str()).collect();
    (zh.join(" + "), en.join(" + "))
}

/// Values summed into one (for a side of an inequality), with all their lines and labels: one
/// value as it is, several as their sum in the document's unit (implied, not printed).
pub(super) fn combined<'a>(vals: &[Val<'a>]) -> Option<Val<'a>> {
    let first = vals.first()?;
    if let [one] = vals {
        return Some(one.clone());
    }
    let (zh, en) = names(vals);
    let mut lines: Vec<LineNo> = vals.iter().flat_map(|v| v.amt.lines.clone()).collect();
    crate::sort::sort(&mut lines);
    lines.dedup();
    Some(Val::labelled(
        Label::new(zh, en),
        Amt::implied(vals.iter().map(Val::value).sum(), first.base, lines),
        first.base,
        first.table,
    ))
}

/// `small ≤ big`, each in its table's unit ([`Checker::at_most`]): exceeding by one unit of
/// the coarser printing's last digit is rounding, more is an error saying why the first cannot
/// exceed the other.
pub(super) fn at_most(c: &mut Checker, small: &Val, big: &Val, why: (&str, &str)) {
    if small.value() <= big.value() {
        return;
    }
    c.at_most(
        (&small.what(), &small.amt),
        (&big.what(), &big.amt),
        why,
        &[small.table, big.table],
    );
}

/// The lines of some values, ascending.
pub(super) fn lines_of(vals: &[&Val]) -> Vec<LineNo> {
    crate::check::lines_of(vals.iter().map(|v| &v.amt))
}

#[cfg(test)]
pub(super) mod testing {
    //! Small hand-built documents and edits of the sample for the cross-table rule tests.

    use std::str::FromStr;
    use std::sync::OnceLock;

    use rust_decimal::Decimal;

    use crate::check::{check, Finding, Severity};
    use crate::model::*;

    /// The reference sample.
    pub const SAMPLE: &str =
        include_str!("../../../../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");

    /// A decimal from a literal.
    pub fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("decimal literal")
    }

    /// The findings of one rule on a document.
    pub fn findings_of(doc: &Document, rule: &str) -> Vec<Finding> {
        check(doc).into_iter().filter(|f| f.rule == rule).collect()
    }

    /// The parsed sample, parsed once.
    pub fn sample() -> &'static Document {
        static DOC: OnceLock<Document> = OnceLock::new();
        DOC.get_or_init(|| crate::parse(SAMPLE).document)
    }

    /// The findings of one rule on the unedited sample.
    pub fn on_sample(rule: &str) -> Vec<Finding> {
        findings_of(sample(), rule)
    }

    /// The sample with `from` replaced by `to` on line `line` (1-based); `from` must occur
    /// exactly once on that line.
    pub fn edited(line: LineNo, from: &str, to: &str) -> Document {
        edited_many(&[(line, from, to)])
    }

    /// The sample with several one-line edits.
    pub fn edited_many(edits: &[(LineNo, &str, &str)]) -> Document {
        let mut lines: Vec<String> = SAMPLE.split('\n').map(str::to_owned).collect();
        for &(line, from, to) in edits {
            let l = &mut lines[line as usize - 1];
            assert_eq!(
                l.matches(from).count(),
                1,
                "line {line}: {l:?} should contain {from:?} once"
            );
            *l = l.replacen(from, to, 1);
        }
        crate::parse(&lines.join("\n")).document
    }

    /// The findings of one rule on an edited sample.
    pub fn on_edit(rule: &str, line: LineNo, from: &str, to: &str) -> Vec<Finding> {
        findings_of(&edited(line, from, to), rule)
    }

    /// Asserts there is exactly one finding, of this severity, citing exactly these lines.
    pub fn one(found: &[Finding], severity: Severity, lines: &[LineNo]) -> Finding {
        assert_eq!(found.len(), 1, "expected one finding, got {found:#?}");
        let f = found[0].clone();
        assert_eq!(f.severity, severity, "{f:#?}");
        assert_eq!(f.lines, lines, "{f:#?}");
        f
    }

    /// A table of a kind with given blocks.
    pub fn table(kind: TableKind, number: u8, blocks: Vec<Block>) -> Table {
        Table {
            kind,
            number,
            title: crate::parse::schema::canonical_title(kind).to_owned(),
            unit: Unit::Wan,
            unit_guessed: false,
            department: None,
            repeated_departments: Vec::new(),
            span: (0, 0),
            blocks,
            empty_statement: None,
        }
    }

    /// A row with a code or a label and its cells (`None` for an empty cell), on one line.
    pub fn row(
        kind: RowKind,
        code: Option<&str>,
        name: &str,
        cells: &[Option<&str>],
        line: LineNo,
    ) -> Row {
        Row {
            kind,
            key: None,
            code: code.map(|c| Code(c.to_owned())),
            name: name.to_owned(),
            project: None,
            cells: cells
                .iter()
                .map(|c| c.map(|v| Cell { value: d(v), line }))
                .collect(),
            lines: vec![line],
        }
    }

    /// A block of one side.
    pub fn block(side: Side, columns: Vec<Col>, rows: Vec<Row>) -> Block {
        Block {
            side,
            columns,
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use crate::check::{check, Checker, Severity, RULES};
    use crate::model::*;

    #[test]
    fn x_findings_on_the_sample() {
        let got: Vec<(String, Severity)> = check(sample())
            .into_iter()
            .filter(|f| f.rule.starts_with('X'))
            .map(|f| (f.rule, f.severity))
            .collect();
        let want: Vec<(String, Severity)> = [
            ("X31", Severity::Info),
            ("X36", Severity::Info),
            ("X36", Severity::Info),
            ("X38", Severity::Info),
        ]
        .into_iter()
        .map(|(r, s)| (r.to_owned(), s))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn registered_in_rule_book_order_after_the_t_rules() {
        let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        let at = ids.iter().position(|&id| id == "T11.4").expect("T11.4") + 1;
        let want: Vec<String> = (1..=38).map(|i| format!("X{i}")).collect();
        assert_eq!(
            ids[at..at + want.len()],
            want.iter().map(String::as_str).collect::<Vec<_>>()[..]
        );
    }

    #[test]
    fn a_missing_table_is_not_checked_never_an_error() {
        for (kind, n) in crate::parse::schema::XINJIANG_ORDER {
            let mut doc = sample().clone();
            doc.tables.retain(|t| t.kind != kind);
            let found = check(&doc);
            let bad: Vec<_> = found
                .iter()
                .filter(|f| f.rule.starts_with('X'))
                .filter(|f| matches!(f.severity, Severity::Error | Severity::Warning))
                .collect();
            assert!(bad.is_empty(), "without table {n}: {bad:#?}");
            let note = found
                .iter()
                .find(|f| f.rule == "check/not-checked" && f.tables == vec![n])
                .unwrap_or_else(|| panic!("no not-checked note for table {n}"));
            assert!(note.message_en.contains("X"), "{}", note.message_en);
        }
    }

    #[test]
    fn a_table_without_readable_rows_is_not_checked() {
        for (kind, n) in crate::parse::schema::XINJIANG_ORDER {
            let mut doc = sample().clone();
            for t in doc.tables.iter_mut().filter(|t| t.kind == kind) {
                for b in &mut t.blocks {
                    b.rows.clear();
                }
            }
            let found = check(&doc);
            let bad: Vec<_> = found
                .iter()
                .filter(|f| f.rule.starts_with('X'))
                .filter(|f| matches!(f.severity, Severity::Error | Severity::Warning))
                .collect();
            assert!(bad.is_empty(), "table {n} without rows: {bad:#?}");
        }
    }

    #[test]
    fn never_panics_on_partial_or_damaged_documents() {
        // Every prefix of the sample at a few dozen cut points.
        let lines: Vec<&str> = SAMPLE.split('\n').collect();
        for cut in (0..lines.len()).step_by(61) {
            let doc = crate::parse(&lines[..cut].join("\n")).document;
            check(&doc);
        }
        // Rows that lost cells (the within-table rules index cells by column, so only the
        // cross-table rules run here), blocks that lost rows, tables that lost blocks.
        let mut doc = sample().clone();
        for t in &mut doc.tables {
            for b in &mut t.blocks {
                for r in &mut b.rows {
                    r.cells.truncate(r.cells.len() / 2);
                }
            }
        }
        let mut c = Checker::new(&doc);
        for rule in RULES.iter().filter(|r| r.id.starts_with('X')) {
            c.rule = rule.id;
            (rule.run)(&mut c);
        }
        c.finish();
        let mut doc = sample().clone();
        for t in &mut doc.tables {
            for b in &mut t.blocks {
                b.rows.retain(|r| r.kind != RowKind::Total);
            }
        }
        check(&doc);
        let mut doc = sample().clone();
        for t in &mut doc.tables {
            t.blocks.clear();
        }
        check(&doc);
        check(&Document::default());
    }

    #[test]
    fn tables_printed_in_yuan_are_compared_in_the_document_unit() {
        // 表6 printed in 元: 21,025,600 元 is 2,102.56 万元, the 表5 基本支出. Messages show
        // 表6's amounts as printed, in 元.
        let mut doc = sample().clone();
        for t in doc
            .tables
            .iter_mut()
            .filter(|t| t.kind == TableKind::GeneralBasic)
        {
            t.unit = Unit::Yuan;
            for b in &mut t.blocks {
                for r in &mut b.rows {
                    for c in r.cells.iter_mut().flatten() {
                        c.value *= rust_decimal::Decimal::from(10_000);
                        c.value.rescale(0);
                    }
                }
            }
        }
        assert_eq!(findings_of(&doc, "X17"), vec![]);
        let x38 = findings_of(&doc, "X38");
        assert_eq!(x38.len(), 1);
        assert!(
            x38[0].message_zh.contains("10,594,700 元"),
            "{}",
            x38[0].message_zh
        );
        assert_eq!((x38[0].actual, x38[0].expected), (None, Some(d("53.36"))));
    }
}
