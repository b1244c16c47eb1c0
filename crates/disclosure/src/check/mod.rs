//! The checker: every identity of rules.md §2, applied where its inputs exist, under the
//! tolerance model of §0. A rule is a named item with an id from the rule book, titles in
//! Chinese and English, and a function that reports [`Finding`]s. [`RULES`] lists them all.

pub mod completeness;
pub(crate) mod cut;
pub(crate) mod reliability;
mod rules;
pub mod tolerance;
pub(crate) mod unit_doubt;

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use rust_decimal::Decimal;

use crate::format::amount;
use crate::model::*;
use crate::previous::{self, PreviousYear};
use completeness::Completeness;
pub(crate) use rules::main_statements;
pub use rules::RULES;
use tolerance::Verdict;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "lowercase")
)]
pub enum Severity {
    /// A number that cannot be right, or something required that is missing.
    Error,
    /// An inconsistency worth a reader's attention (a unit slip, two sections disagreeing).
    Warning,
    /// A difference that rounding of the printed numbers explains (尾差).
    Rounding,
    /// A note: a convention, a heuristic, a rule that could not be checked.
    Info,
}

impl Severity {
    /// The stable lowercase name ("error", "warning", "rounding", "info").
    pub fn slug(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Rounding => "rounding",
            Severity::Info => "info",
        }
    }
}

/// One thing the checker found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Finding {
    /// The rule's id from the rule book ("T2.5", "X17", "N22"), or "parse/…" for a parser note.
    pub rule: String,
    /// How serious.
    pub severity: Severity,
    /// What was found, in Chinese.
    pub message_zh: String,
    /// What was found, in English.
    pub message_en: String,
    /// The value the rest of the document implies, where there is one.
    pub expected: Option<Decimal>,
    /// The value printed, where there is one.
    pub actual: Option<Decimal>,
    /// The other printed value, when `expected` is it converted into `actual`'s unit (表5's
    /// 873,617.00 元 behind an `expected` of 87.36 against a claim in 万元): the source view
    /// marks it on the cited lines.
    pub printed: Option<Decimal>,
    /// Every line the finding cites, ascending.
    pub lines: Vec<LineNo>,
    /// The printed numbers of the tables involved (empty for narrative-only findings).
    pub tables: Vec<u8>,
    /// Whether `expected` and `actual` are percentages (a share, a rate of change): shown with
    /// "%", `expected` to the places `actual` is printed with ("114.00%" beside "1.14%").
    #[cfg_attr(feature = "serde", serde(default))]
    pub percent: bool,
}

/// A rule of the rule book.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// The id used in rules.md ("T1.1", "X17", "N22", "P.1", "U1"…).
    pub id: &'static str,
    /// What it checks, in Chinese, one line.
    pub title_zh: &'static str,
    /// What it checks, in English, one line.
    pub title_en: &'static str,
    /// The check.
    pub run: fn(&mut Checker),
}

/// An amount as the document gives it: its value in its own unit (a table's 单位, or the unit
/// a sentence prints after it), the lines it was read from, and whether the value is printed
/// there as such. Amounts are compared only through their units ([`tolerance::twice`],
/// [`Checker::same`], [`Checker::sum`]): 185,000.00 元 is 18.50 万元, never 185,000.00 万元.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amt {
    /// The value, in `unit`: as printed, or zero when nothing is printed.
    pub value: Decimal,
    /// Its unit.
    pub unit: Unit,
    /// Its lines.
    pub lines: Vec<LineNo>,
    /// Whether `value` is a number printed on `lines`: false for an empty cell, a row or table
    /// not printed (all zero), and a sum of printed amounts. A finding's printed value
    /// ([`Finding::actual`]) is only ever a printed one.
    pub printed: bool,
}

impl Amt {
    /// An amount printed on one line.
    pub fn at(value: Decimal, unit: Unit, line: LineNo) -> Self {
        Amt::printed(value, unit, vec![line])
    }

    /// An amount printed on these lines.
    pub fn printed(value: Decimal, unit: Unit, lines: Vec<LineNo>) -> Self {
        Amt {
            value,
            unit,
            lines,
            printed: true,
        }
    }

    /// An amount the document implies without printing it: zero for an empty cell, or a sum
    /// of printed amounts; `lines` are those of what it is made of.
    pub fn implied(value: Decimal, unit: Unit, lines: Vec<LineNo>) -> Self {
        Amt {
            value,
            unit,
            lines,
            printed: false,
        }
    }

    /// The cell of `r` in `col` of a block of `t`: printed, or zero when the cell is empty.
    pub fn cell(t: &Table, b: &Block, r: &Row, col: Col) -> Self {
        match b.cell(r, col) {
            Some(cell) => Amt::printed(cell.value, t.unit, r.lines.clone()),
            None => Amt::implied(Decimal::ZERO, t.unit, r.lines.clone()),
        }
    }

    /// The value in `unit`, exactly.
    pub fn in_unit(&self, unit: Unit) -> Decimal {
        tolerance::convert(self.value, self.unit, unit)
    }

    /// The value as printed ("185,000.00"), followed by its unit when `with_unit`.
    fn shown(&self, with_unit: bool) -> String {
        shown(self.value, self.unit, with_unit)
    }

    /// The value when printed: what a finding may give as its printed value.
    pub fn actual(&self) -> Option<Decimal> {
        self.printed.then_some(self.value)
    }
}

/// An amount as printed ("185,000.00"), followed by its unit when `with_unit` ("185,000.00 元").
pub(crate) fn shown(v: Decimal, unit: Unit, with_unit: bool) -> String {
    if with_unit {
        format!("{} {}", amount(v), unit.label())
    } else {
        amount(v)
    }
}

/// A description of a quantity for messages, in both languages.
#[derive(Debug, Clone)]
pub struct Label {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Label {
    /// A label from its two languages.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Label {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// The state of one check run: the document, the rule running now, and what was found.
pub struct Checker<'a> {
    /// The document under check.
    pub doc: &'a Document,
    rule: &'static str,
    findings: Vec<Finding>,
    /// What was missing, and the rules that could not run for lack of it.
    missing: BTreeMap<(u8, String, String), Vec<&'static str>>,
    /// In a text that is not a whole document: the tables of its layout it does not hold, by
    /// their number in the layout, and the rules that could not run for want of each.
    absent: BTreeMap<(u8, TableKind), Vec<&'static str>>,
    /// The completeness checklist and the previous year, once a rule has asked for them
    /// (`analyze` reuses them).
    checklist: Option<Completeness>,
    previous_year: Option<Rc<PreviousYear>>,
    /// Each block's rows by code, when the run has them ([`check`] does).
    pub(crate) codes: Option<&'a CodeIndex<'a>>,
    /// The statements (their index in [`Document::statements`]) whose year-over-year claim a
    /// chapter's rule has taken: N38 checks the others.
    pub(crate) yoy_taken: Vec<usize>,
}

/// The rows of each block by code: the first row that is not a project with each code (what
/// [`Block::by_code`] finds). The cross-table rules look every code of one table up in several
/// others; with this they do not scan each table for each code.
pub(crate) struct CodeIndex<'a> {
    blocks: Vec<(&'a Block, HashMap<&'a str, &'a Row>)>,
}

impl<'a> CodeIndex<'a> {
    fn new(doc: &'a Document) -> Self {
        let blocks = doc
            .tables
            .iter()
            .flat_map(|t| &t.blocks)
            .map(|b| {
                let mut rows = HashMap::with_capacity(b.rows.len());
                for r in b.rows.iter().filter(|r| r.kind != RowKind::Project) {
                    if let Some(code) = r.code_str() {
                        rows.entry(code).or_insert(r);
                    }
                }
                (b, rows)
            })
            .collect();
        CodeIndex { blocks }
    }

    /// The index of block `b`.
    pub(crate) fn of(&self, b: &Block) -> Option<&HashMap<&'a str, &'a Row>> {
        self.blocks
            .iter()
            .find(|(x, _)| std::ptr::eq(*x, b))
            .map(|(_, rows)| rows)
    }
}

impl<'a> Checker<'a> {
    /// A checker for one document.
    pub fn new(doc: &'a Document) -> Self {
        Checker {
            doc,
            rule: "",
            findings: Vec::new(),
            missing: BTreeMap::new(),
            absent: BTreeMap::new(),
            checklist: None,
            previous_year: None,
            codes: None,
            yoy_taken: Vec::new(),
        }
    }

    /// The document's completeness checklist, computed once per run.
    pub fn checklist(&mut self) -> &Completeness {
        let doc = self.doc;
        self.checklist
            .get_or_insert_with(|| completeness::checklist(doc))
    }

    /// The previous year reconstructed from the narrative, computed once per run.
    pub fn previous_year(&mut self) -> Rc<PreviousYear> {
        let doc = self.doc;
        Rc::clone(
            self.previous_year
                .get_or_insert_with(|| Rc::new(previous::reconstruct(doc))),
        )
    }

    /// The table of a kind; when absent, notes that the current rule could not run (or, when
    /// the document's template has no such table, that it does not apply).
    pub fn table(&mut self, kind: TableKind) -> Option<&'a Table> {
        use crate::parse::schema;
        let t = self.doc.table(kind);
        if t.is_none() {
            let layout = schema::Layout::of(&self.doc.meta);
            let title = schema::title_in(layout, kind);
            let number = schema::number(layout, kind);
            let part = self.doc.meta.coverage.extent != Extent::Whole;
            if number == 0 && part {
                // A table the layout does not have: its rules do not apply, and a part of a
                // document (whose layout one title may have told) need not say so.
                return None;
            }
            if number > 0 && part {
                // A part's absent tables are not missing from the document: said once.
                let rule = self.rule;
                let ids = self.absent.entry((number, kind)).or_default();
                if !ids.contains(&rule) {
                    ids.push(rule);
                }
                return None;
            }
            match number {
                0 => self.missing(
                    0,
                    format!("{title}（{}模板没有此表）", family_zh(layout.family)),
                    format!(
                        "{title} (the {} template has no such table)",
                        family_en(layout.family)
                    ),
                ),
                number => self.missing(
                    number,
                    format!("表{number} {title}"),
                    format!("table {number} ({title})"),
                ),
            }
        }
        t
    }

    /// Notes that the current rule could not run because `what` is missing.
    pub fn missing(&mut self, order: u8, zh: String, en: String) {
        let rule = self.rule;
        let ids = self.missing.entry((order, zh, en)).or_default();
        if !ids.contains(&rule) {
            ids.push(rule);
        }
    }

    /// Reports a finding of the current rule.
    pub fn report(&mut self, severity: Severity, zh: String, en: String) -> &mut Finding {
        self.findings.push(Finding {
            rule: self.rule.to_owned(),
            severity,
            message_zh: zh,
            message_en: en,
            expected: None,
            actual: None,
            printed: None,
            lines: Vec::new(),
            tables: Vec::new(),
            percent: false,
        });
        self.findings.last_mut().expect("just pushed")
    }

    /// How many findings have been reported so far (for [`Checker::rests_on`]).
    pub fn reported(&self) -> usize {
        self.findings.len()
    }

    /// The findings reported since `since` (a [`Checker::reported`] count) rest on `table` too,
    /// though none of their numbers is printed there (parts found nowhere in it): cited, so that
    /// the reliability gate sets them aside when that table was not read reliably.
    pub fn rests_on(&mut self, since: usize, table: u8) {
        for f in self.findings.iter_mut().skip(since) {
            if !f.tables.contains(&table) {
                f.tables.push(table);
                crate::sort::sort(&mut f.tables);
            }
        }
    }

    /// Checks that a printed total is the sum of printed parts (rules.md §0): exact passes,
    /// a gap of at most half a unit per part is rounding, more is an error. Parts in another
    /// unit than the total are brought into it, and the sum is compared at the coarser
    /// printing's decimals.
    pub fn sum(&mut self, what: &Label, total: &Amt, parts: &[Amt], tables: &[u8]) -> Verdict {
        let parts: Vec<&Amt> = parts.iter().collect();
        self.sum_of(&|| what.clone(), total, &parts, tables)
    }

    /// [`Checker::sum`] with the label written only when there is something to report (a
    /// `dyn` closure: one copy of this code serves every caller).
    pub fn sum_of(
        &mut self,
        what: &dyn Fn() -> Label,
        total: &Amt,
        parts: &[&Amt],
        tables: &[u8],
    ) -> Verdict {
        let unit = total.unit;
        let mixed = parts.iter().any(|p| p.unit != unit);
        // Compared in 万元 at the decimals every printing carries.
        let places = tolerance::common_places(
            parts
                .iter()
                .map(|p| (&p.value, p.unit))
                .chain([(&total.value, unit)]),
        );
        let exact: Decimal = parts.iter().map(|p| p.in_unit(Unit::Wan)).sum();
        let (t_w, s_w) = (
            tolerance::round(total.in_unit(Unit::Wan), places),
            tolerance::round(exact, places),
        );
        let half = Decimal::new(5, places + 1);
        // Only printed, non-zero parts carry rounding.
        let n = parts.iter().filter(|p| !p.value.is_zero()).count();
        let verdict = tolerance::sum(t_w, s_w, n, half);
        if verdict == Verdict::Exact {
            return verdict;
        }
        // The sum in the total's unit, as the total is printed.
        let sum = if mixed {
            tolerance::in_unit(s_w, Unit::Wan, unit, total.value.scale().max(2))
        } else {
            parts.iter().map(|p| p.value).sum()
        };
        let what = what();
        let n = n.max(1);
        let envelope =
            tolerance::convert(half * Decimal::from(n.max(2)), Unit::Wan, unit).normalize();
        let diff = amount(total.value - sum);
        // A total printed, a total that is itself a sum (not printed), or an empty cell.
        let (t, t_en) = if total.printed {
            let t = amount(total.value);
            (format!("印出 {t}"), format!("printed {t}"))
        } else if !total.value.is_zero() {
            let t = amount(total.value);
            (format!("合计为 {t}"), format!("together {t}"))
        } else {
            ("没有印出数字".to_owned(), "nothing printed".to_owned())
        };
        let s = amount(sum);
        let env = amount(envelope);
        let (severity, zh, en) = match verdict {
            Verdict::Exact => return verdict,
            Verdict::Rounding => (
                Severity::Rounding,
                format!("{}：{t}，{n} 项之和为 {s}，相差 {diff}，在 {n} 项的尾差范围内，是四舍五入造成的。", what.zh),
                format!("{}: {t_en}; its {n} parts add up to {s}, a difference of {diff}, within the rounding of {n} parts.", what.en),
            ),
            Verdict::Wrong => (
                Severity::Error,
                format!("{}：{t}，但 {n} 项之和为 {s}，相差 {diff}，超出 {n} 项四舍五入的尾差（至多 {env}）。", what.zh),
                format!("{}: {t_en}, but its {n} parts add up to {s}, a difference of {diff}, more than the rounding of {n} parts explains (at most {env}).", what.en),
            ),
        };
        let lines = lines_of(std::iter::once(total).chain(parts.iter().copied()));
        let f = self.report(severity, zh, en);
        let nonzero: Vec<&&Amt> = parts.iter().filter(|p| !p.value.is_zero()).collect();
        match (total.printed, &nonzero[..]) {
            (true, _) => (f.actual, f.expected) = (Some(total.value), Some(sum)),
            // An empty total against one printed part: the part is the printed value, and the
            // empty cell implies zero in its place.
            (false, [one]) if one.printed => {
                let zero = tolerance::in_unit(total.value, unit, one.unit, one.value.scale());
                (f.actual, f.expected) = (Some(one.value), Some(zero));
            }
            (false, _) => f.expected = Some(sum),
        }
        f.lines = lines;
        f.tables = tables.to_vec();
        verdict
    }

    /// Checks that one quantity printed in two places is the same (rules.md §0), in one unit
    /// at the coarser printing's decimals ([`tolerance::twice`]): one unit of that last digit
    /// apart is a rounding difference (尾差), more is an error, and the message says which and
    /// why. Returns whether they agree.
    pub fn same(
        &mut self,
        a_what: &Label,
        a: &Amt,
        b_what: &Label,
        b: &Amt,
        tables: &[u8],
    ) -> bool {
        let t = tolerance::twice(a.value, a.unit, b.value, b.unit);
        if t.verdict == Verdict::Exact {
            return true;
        }
        let units = a.unit != b.unit;
        let (av, bv) = (a.shown(units), b.shown(units));
        let diff = shown(t.diff.abs(), t.unit, units);
        let step = shown(t.step, t.unit, units);
        let (severity, zh, en) = if t.verdict == Verdict::Rounding {
            (
                Severity::Rounding,
                format!(
                    "{}（{av}）与{}（{bv}）应为同一数，两数相差 {diff}，是四舍五入造成的尾差。",
                    a_what.zh, b_what.zh
                ),
                format!(
                    "{} ({av}) and {} ({bv}) should be the same amount; the two differ by {diff}, a rounding difference.",
                    a_what.en, b_what.en
                ),
            )
        } else {
            (
                Severity::Error,
                format!(
                    "{}（{av}）与{}（{bv}）应为同一数，相差 {diff}，超出四舍五入的尾差（至多 {step}）。",
                    a_what.zh, b_what.zh
                ),
                format!(
                    "{} ({av}) and {} ({bv}) should be the same amount; they differ by {diff}, more than rounding explains (at most {step}).",
                    a_what.en, b_what.en
                ),
            )
        };
        // `a`'s value is shown as printed, or `b`'s when `a` is an empty cell (which then
        // implies zero in its place).
        let f = self.report(severity, zh, en);
        compared(f, a, b, units, tables);
        false
    }

    /// Checks `small ≤ big` (a part against its whole), each in its own unit and compared at
    /// the coarser printing's decimals ([`tolerance::twice`]): exceeding by one unit of that
    /// last digit is a rounding difference, more is an error naming both amounts and `why` the
    /// first cannot exceed the other. Returns whether it holds.
    pub fn at_most(
        &mut self,
        (small_what, small): (&Label, &Amt),
        (big_what, big): (&Label, &Amt),
        why: (&str, &str),
        tables: &[u8],
    ) -> bool {
        if small.in_unit(Unit::Wan) <= big.in_unit(Unit::Wan) {
            return true;
        }
        let t = tolerance::twice(small.value, small.unit, big.value, big.unit);
        let units = small.unit != big.unit;
        let (s, b) = (small.shown(units), big.shown(units));
        let d = shown(t.diff, t.unit, units);
        let step = shown(t.step, t.unit, units);
        let (severity, tail_zh, tail_en) = match t.verdict {
            Verdict::Exact => return true,
            Verdict::Rounding => (
                Severity::Rounding,
                "两数只差末位一个单位，是四舍五入造成的尾差".to_owned(),
                "one unit of the last digit, a rounding difference".to_owned(),
            ),
            Verdict::Wrong => (
                Severity::Error,
                format!("超出四舍五入的尾差（至多 {step}）"),
                format!("more than rounding explains (at most {step})"),
            ),
        };
        let f = self.report(
            severity,
            format!(
                "{}（{s}）大于{}（{b}），多出 {d}，{tail_zh}；{}。",
                small_what.zh, big_what.zh, why.0
            ),
            format!(
                "{} ({s}) exceeds {} ({b}) by {d}, {tail_en}; {}.",
                small_what.en, big_what.en, why.1
            ),
        );
        // The smaller side's value is shown as printed, or the larger's when the smaller is a
        // sum of several amounts.
        compared(f, small, big, units, tables);
        false
    }

    /// In a text that is not a whole document: one note saying what part of a disclosure it is,
    /// which of its layout's tables it does not hold and which rules could not run for want of
    /// each. Nothing for a text that is no disclosure at all (the parser says so).
    fn part_note(&mut self) {
        let absent = std::mem::take(&mut self.absent);
        let meta = &self.doc.meta;
        if matches!(meta.coverage.extent, Extent::Whole | Extent::NotADisclosure) {
            return;
        }
        let held: Vec<u8> = self.doc.tables.iter().map(|t| t.number).collect();
        let (what_zh, what_en) = crate::parse::coverage::describe(meta, &held);
        // Without a table the template is not known, nor the tables' numbers.
        let numbered = meta.family != Family::Unknown;
        let (mut list_zh, mut list_en) = (Vec::new(), Vec::new());
        let layout = crate::parse::schema::Layout::of(meta);
        for ((number, kind), ids) in &absent {
            let title = crate::parse::schema::title_in(layout, *kind);
            let rules = ids.join(", ");
            if numbered {
                list_zh.push(format!("表{number} {title}（{rules}）"));
                list_en.push(format!("table {number} {title} ({rules})"));
            } else {
                list_zh.push(format!("{title}（{rules}）"));
                list_en.push(format!("{title} ({rules})"));
            }
        }
        // A 决算's text without any table: the tables the rules name are those of the budget
        // layout (the only one with numbered tables the rules know), which a 决算 does not print:
        // naming them would say the 决算 lacks budget tables.
        let final_without_tables = !numbered && held.is_empty() && meta.kind == DocKind::Final;
        let (tail_zh, tail_en) = if absent.is_empty() {
            (String::new(), String::new())
        } else if final_without_tables {
            let mut ids: Vec<&str> = absent.values().flatten().copied().collect();
            crate::sort::sort(&mut ids);
            ids.dedup();
            let count = ids.len();
            (
                format!("与表格核对的 {count} 条规则未能检查。"),
                format!(" The {count} rules that compare with tables were not checked."),
            )
        } else {
            (
                format!(
                    "以下表格不在其中，依赖它们的规则未能检查：{}。",
                    list_zh.join("；")
                ),
                format!(
                    " These tables are not in it, so the rules that need them were not checked: {}.",
                    list_en.join("; ")
                ),
            )
        };
        self.rule = "check/not-checked";
        let f = self.report(
            Severity::Info,
            format!("这段文字是{what_zh}。{tail_zh}其中的数字照常核对；公开内容是否齐全只对整份文件检查。"),
            format!("The text is {what_en}.{tail_en} What it holds is checked as usual; whether a disclosure is complete is checked only on a whole document."),
        );
        if numbered {
            f.tables = absent.keys().map(|&(n, _)| n).collect();
        }
    }

    /// Runs every rule and returns the findings, most serious first, then by line.
    fn finish(&mut self) -> Vec<Finding> {
        self.part_note();
        for ((number, zh, en), ids) in std::mem::take(&mut self.missing) {
            self.rule = "check/not-checked";
            let list = ids.join(", ");
            let f = self.report(
                Severity::Info,
                format!("未找到{zh}，以下规则未能检查：{list}。"),
                format!("{en} was not found, so these rules were not checked: {list}."),
            );
            if number > 0 {
                f.tables = vec![number];
            }
        }
        let mut out = std::mem::take(&mut self.findings);
        // The 说明 under another part number than 三, or none: the findings name it as printed.
        for f in &mut out {
            crate::format::as_printed(self.doc, &mut f.message_zh, &mut f.message_en);
        }
        for f in &mut out {
            crate::sort::sort(&mut f.lines);
            f.lines.dedup();
            crate::sort::sort(&mut f.tables);
            f.tables.dedup();
        }
        crate::sort::sort_by(&mut out, |a, b| {
            a.severity
                .cmp(&b.severity)
                .then(a.lines.first().cmp(&b.lines.first()))
        });
        out
    }
}

/// Sets the values of a finding that compares two amounts: the first is shown as printed
/// (`actual`) unless only the second was printed, the other goes into `expected` converted into
/// the shown one's unit, and, when the units differ, the other's own printed figure is kept
/// (`printed`) for the source view to mark.
fn compared(f: &mut Finding, first: &Amt, second: &Amt, units: bool, tables: &[u8]) {
    let (shown, other) = if first.printed || !second.printed {
        (first, second)
    } else {
        (second, first)
    };
    f.expected = Some(tolerance::in_unit(
        other.value,
        other.unit,
        shown.unit,
        shown.value.scale().max(2),
    ));
    f.actual = shown.actual();
    f.printed = (units && other.printed).then_some(other.value);
    f.lines = lines_of([first, second]);
    f.tables = tables.to_vec();
}

/// A template family's name in Chinese.
fn family_zh(f: Family) -> &'static str {
    match f {
        Family::Xinjiang => "新疆",
        Family::Shanghai => "上海",
        Family::Unknown => "未识别的",
    }
}

/// A template family's name in English.
fn family_en(f: Family) -> &'static str {
    match f {
        Family::Xinjiang => "Xinjiang",
        Family::Shanghai => "Shanghai",
        Family::Unknown => "unrecognised",
    }
}

/// All lines of some amounts, ascending.
pub fn lines_of<'x>(amts: impl IntoIterator<Item = &'x Amt>) -> Vec<LineNo> {
    let mut v: Vec<LineNo> = amts
        .into_iter()
        .flat_map(|a| a.lines.iter().copied())
        .collect();
    crate::sort::sort(&mut v);
    v.dedup();
    v
}

/// Runs every rule of [`RULES`] on a document.
pub fn check(doc: &Document) -> Vec<Finding> {
    let codes = CodeIndex::new(doc);
    run_rules(doc, &codes).finish()
}

/// A checker after every rule has run.
fn run_rules<'a>(doc: &'a Document, codes: &'a CodeIndex<'a>) -> Checker<'a> {
    let mut c = Checker::new(doc);
    c.codes = Some(codes);
    // Text that is no disclosure (random budget words and figures) has nothing to check: what
    // was read of it is noise, and the parser's note says what it is.
    if doc.meta.coverage.extent == Extent::NotADisclosure {
        return c;
    }
    for rule in RULES {
        c.rule = rule.id;
        (rule.run)(&mut c);
    }
    c
}

/// What a check run produces: the findings, and the checklist and previous year the rules
/// computed on the way.
pub(crate) struct Checked {
    pub findings: Vec<Finding>,
    pub checklist: Completeness,
    pub previous_year: PreviousYear,
    /// How many rules ran with every input they needed (those the text did not allow, named
    /// in the `check/not-checked` notes, are not counted).
    pub rules_run: usize,
}

/// [`check`], keeping the checklist and the previous year for the analysis.
pub(crate) fn check_all(doc: &Document) -> Checked {
    let codes = CodeIndex::new(doc);
    let mut c = run_rules(doc, &codes);
    let mut not_run: Vec<&str> = c
        .missing
        .values()
        .chain(c.absent.values())
        .flatten()
        .copied()
        .collect();
    crate::sort::sort(&mut not_run);
    not_run.dedup();
    let rules_run = if doc.meta.coverage.extent == Extent::NotADisclosure {
        0
    } else {
        RULES.len() - not_run.len()
    };
    let findings = c.finish();
    c.checklist();
    let previous_year = c.previous_year();
    drop(c.previous_year.take());
    Checked {
        findings,
        checklist: c.checklist.unwrap_or_default(),
        previous_year: Rc::unwrap_or_clone(previous_year),
        rules_run,
    }
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// A parser diagnostic as a finding, so that every note reaches the reader in one list.
pub fn from_diagnostic(d: &Diagnostic) -> Finding {
    let (slug, severity) = match d.code {
        DiagCode::AmbiguousColumns => ("ambiguous-columns", Severity::Info),
        DiagCode::SearchCapped => ("search-capped", Severity::Info),
        DiagCode::TooManyNumbers => ("too-many-numbers", Severity::Warning),
        DiagCode::UnreadableRow => ("unreadable-row", Severity::Warning),
        // A note about the input, not an error of a document.
        DiagCode::NotADisclosure => ("not-a-disclosure", Severity::Info),
        DiagCode::TooLarge => ("too-large", Severity::Error),
        DiagCode::EmptyTable => ("empty-table", Severity::Warning),
        DiagCode::UnknownTable => ("unknown-table", Severity::Info),
        DiagCode::UnitCorrected => ("unit-corrected", Severity::Info),
        DiagCode::PageFurniture => ("page-furniture", Severity::Info),
        DiagCode::NameInDoubt => ("name-in-doubt", Severity::Info),
        DiagCode::Unplaced => ("unplaced-amounts", Severity::Info),
        DiagCode::OtherUnit => ("other-unit", Severity::Info),
        DiagCode::UnnamedColumns => ("unnamed-columns", Severity::Info),
        DiagCode::TitleOnly => ("title-only", Severity::Info),
    };
    Finding {
        rule: format!("parse/{slug}"),
        severity,
        message_zh: d.message_zh.clone(),
        message_en: d.message_en.clone(),
        expected: None,
        actual: None,
        printed: None,
        lines: d.lines.clone(),
        tables: Vec::new(),
        percent: false,
    }
}
