//! The short answer a citizen reads first: how much, mostly for what, how it changed, the
//! 三公 figure and what the check found. Every figure is one the analysis already has (the
//! summary's, the shares', the reconstructed previous year's), with the lines it was read
//! from; where the document does not give one, or the text holds only part of it, or the
//! table it would come from was not read reliably, the answer says so instead of a figure.

use rust_decimal::Decimal;

use super::{Figure, Quality, Shares, Summary};
use crate::check::{Finding, Severity};
use crate::model::*;
use crate::previous::{PreviousYear, PriorItem};

/// How many of the largest 类 the answer names.
pub const PURPOSES: usize = 3;

/// Why the answer cannot give a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Gap {
    /// The document (whole) does not give it.
    NotGiven,
    /// The text holds only part of a document, and not the part that gives it.
    NotInPart,
    /// The table it comes from was set aside as not read reliably (its printed number).
    Unreliable(u8),
}

/// One of the largest 类 of spending (功能分类), with its share of the total.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Purpose {
    /// Its classification code ("201").
    pub code: Option<String>,
    /// Its name as printed ("一般公共服务支出").
    pub name: String,
    /// Its amount as printed, in `unit`.
    pub amount: Decimal,
    /// The unit it was printed in.
    pub unit: Unit,
    /// Percent of the table's total, as the shares have it (two decimals, exact arithmetic).
    pub percent: Decimal,
    /// Where the amount was printed.
    pub lines: Vec<LineNo>,
}

/// A change from last year as the document states it ("比上年增加 239.81 万元，增长 11.73%").
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Change {
    /// The stated change, signed (negative for 减少), in `unit`.
    pub change: Decimal,
    /// Last year's amount: this year's less the change.
    pub prior: Decimal,
    /// The stated growth rate, signed, in percent.
    pub growth: Option<Decimal>,
    /// The unit of the amounts.
    pub unit: Unit,
    /// The lines of the claim.
    pub lines: Vec<LineNo>,
}

/// A figure, or why there is none.
pub type Given<T> = Result<T, Gap>;

/// What the check found, counted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Verdict {
    /// Rules that ran on the text (those the text did not allow are not counted).
    pub rules: usize,
    /// Findings by severity.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Rounding differences.
    pub rounding: usize,
    /// Notes.
    pub info: usize,
    /// The first error (its index in the analysis's findings), said in one sentence by its
    /// message.
    pub first_error: Option<usize>,
}

/// The short answer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Answer {
    /// 支出总计 (表1).
    pub total: Given<Figure>,
    /// The largest 类 of spending, largest first (at most [`PURPOSES`]).
    pub purposes: Given<Vec<Purpose>>,
    /// How many 类 there are in all.
    pub classes: usize,
    /// The change of the total from last year, when the narrative states it.
    pub total_change: Given<Change>,
    /// 财政拨款“三公”经费.
    pub three_public: Given<Figure>,
    /// Its change from last year, when the narrative states it.
    pub three_public_change: Given<Change>,
    /// What the check found.
    pub verdict: Verdict,
}

impl Default for Answer {
    fn default() -> Self {
        Answer {
            total: Err(Gap::NotGiven),
            purposes: Err(Gap::NotGiven),
            classes: 0,
            total_change: Err(Gap::NotGiven),
            three_public: Err(Gap::NotGiven),
            three_public_change: Err(Gap::NotGiven),
            verdict: Verdict::default(),
        }
    }
}

/// What the answer is made from: the analysis's parts.
pub(crate) struct Inputs<'a> {
    pub doc: &'a Document,
    pub summary: &'a Summary,
    pub shares: &'a Shares,
    pub previous_year: &'a PreviousYear,
    pub findings: &'a [Finding],
    pub quality: &'a Quality,
    /// The tables set aside as not read reliably.
    pub unreliable: &'a [u8],
    /// How many rules ran.
    pub rules: usize,
}

/// Why a figure from the table of `kind` is missing.
fn gap(doc: &Document, unreliable: &[u8], kind: TableKind) -> Gap {
    match doc.table(kind) {
        Some(t) if unreliable.contains(&t.number) => Gap::Unreliable(t.number),
        None if doc.meta.coverage.extent != Extent::Whole => Gap::NotInPart,
        _ => Gap::NotGiven,
    }
}

/// The statement of last year's change of an amount: a reconstructed item whose current
/// value is `figure`'s (the same amount, in 万元) and whose subject `about` accepts.
fn change_of(py: &PreviousYear, figure: &Figure, about: impl Fn(&str) -> bool) -> Option<Change> {
    py.items
        .iter()
        .find(|i: &&PriorItem| about(&i.subject) && i.unit.to_wan(i.current) == figure.wan)
        .map(|i| Change {
            change: i.change,
            prior: i.prior,
            growth: i.growth,
            unit: i.unit,
            lines: i.lines.clone(),
        })
}

pub(crate) fn answer(i: Inputs) -> Answer {
    let doc = i.doc;
    let total = i
        .summary
        .expense_total
        .clone()
        .ok_or_else(|| gap(doc, i.unreliable, TableKind::Summary));
    let functional = i.shares.functional.as_ref().filter(|s| !s.total.is_zero());
    let purposes = match functional {
        Some(set) if i.unreliable.contains(&set.table) => Err(Gap::Unreliable(set.table)),
        Some(set) if !set.items.is_empty() => Ok(set
            .items
            .iter()
            .take(PURPOSES)
            .filter_map(|s| {
                Some(Purpose {
                    code: s.code.clone(),
                    name: s.name.clone(),
                    amount: s.amount,
                    unit: set.unit,
                    percent: s.percent?,
                    lines: s.lines.clone(),
                })
            })
            .collect()),
        _ => Err(gap(doc, i.unreliable, TableKind::Expense)),
    };
    let classes = functional.map_or(0, |s| s.items.len());
    // "收支总预算 … 比上年" or "支出预算 … 比上年": the narrative's claim about the whole,
    // recognised by its amount (the total's) and its subject (not 财政拨款's own total).
    let total_change = match &total {
        Ok(t) => change_of(i.previous_year, t, |s| {
            !s.contains("财政拨款") && (s.contains("收") || s.contains("支"))
        })
        .ok_or(Gap::NotGiven),
        Err(g) => Err(*g),
    };
    let three_public = i
        .summary
        .three_public
        .clone()
        .ok_or_else(|| gap(doc, i.unreliable, TableKind::ThreePublic));
    let three_public_change = match &three_public {
        Ok(t) => change_of(i.previous_year, t, |s| s.contains("三公")).ok_or(Gap::NotGiven),
        Err(g) => Err(*g),
    };
    let q = i.quality;
    Answer {
        total,
        purposes,
        classes,
        total_change,
        three_public,
        three_public_change,
        verdict: Verdict {
            rules: i.rules,
            errors: q.errors,
            warnings: q.warnings,
            rounding: q.rounding,
            info: q.info,
            first_error: i
                .findings
                .iter()
                .position(|f| f.severity == Severity::Error),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn read(path: &str) -> String {
        std::fs::read_to_string(format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn the_sample_answers_total_purposes_three_public_and_verdict() {
        let a = crate::analyze(&read("fixtures/xinjiang-korla-chaoyang-2024-budget.txt"));
        let ans = &a.answer;
        let total = ans.total.as_ref().unwrap();
        assert_eq!(
            (total.value, total.unit, total.table),
            (d("2300.52"), Unit::Wan, Some(1))
        );
        assert_eq!(total.lines, [125]);
        let p = ans.purposes.as_ref().unwrap();
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].code.as_deref(), Some("201"));
        assert_eq!(p[0].name, "一般公共服务支出");
        assert_eq!(p[0].percent, d("72.36"));
        assert_eq!(p[0].amount, d("1664.74"));
        assert_eq!(p[0].lines, [466]);
        assert!(p[0].amount > p[1].amount && p[1].amount >= p[2].amount);
        assert!(!p[0].lines.is_empty());
        assert!(ans.classes > 3);
        // The sample states no change of its whole (收支总预算 2,300.52 万元, no 比上年).
        assert_eq!(ans.total_change, Err(Gap::NotGiven));
        assert_eq!(Unit::Wan.to_yuan(total.value), d("23005200.00"));
        let tp = ans.three_public.as_ref().unwrap();
        assert_eq!(tp.value, d("9.60"));
        let c = ans.three_public_change.as_ref().unwrap();
        assert_eq!((c.change, c.prior), (d("0.00"), d("9.60")));
        assert!(c.lines.contains(&1609));
        let v = &ans.verdict;
        assert_eq!(
            (v.errors, v.warnings, v.rounding, v.info),
            (
                a.quality.errors,
                a.quality.warnings,
                a.quality.rounding,
                a.quality.info
            )
        );
        assert!(v.rules > 50 && v.rules <= crate::check::RULES.len());
        let e = v.first_error.map(|i| &a.findings[i]);
        assert_eq!(
            e.map(|f| f.severity),
            (a.quality.errors > 0).then_some(Severity::Error)
        );
    }

    #[test]
    fn a_shanghai_document_answers_in_yuan() {
        let a = crate::analyze(&read("fixtures/corpus/wanli-2023/pdfium.txt"));
        let ans = &a.answer;
        let total = ans.total.as_ref().unwrap();
        assert_eq!(total.unit, Unit::Yuan);
        let p = ans.purposes.as_ref().unwrap();
        assert!(!p.is_empty());
        assert_eq!(p[0].unit, Unit::Yuan);
        let set = a.shares.functional.as_ref().unwrap();
        assert_eq!(set.items[0].percent, Some(p[0].percent));
        assert_eq!(set.items[0].amount, p[0].amount);
        assert!(ans.three_public.is_ok());
    }

    #[test]
    fn a_part_says_what_it_cannot_say() {
        // 表1 alone: a total, but no 功能分类 table and no 三公 table.
        let text = read("fixtures/xinjiang-korla-chaoyang-2024-budget.txt");
        let lines: Vec<&str> = text.lines().collect();
        let from = lines
            .iter()
            .position(|l| l.contains("部门收支总体情况表"))
            .unwrap();
        let part = lines[from..from + 80].join("\n");
        let a = crate::analyze(&part);
        assert_eq!(a.document.meta.coverage.extent, Extent::Part);
        let ans = &a.answer;
        assert_eq!(ans.total.as_ref().map(|f| f.value), Ok(d("2300.52")));
        assert_eq!(ans.total_change, Err(Gap::NotGiven));
        assert_eq!(ans.purposes, Err(Gap::NotInPart));
        assert_eq!(ans.three_public, Err(Gap::NotInPart));
        assert_eq!(ans.three_public_change, Err(Gap::NotInPart));
    }

    #[test]
    fn a_table_set_aside_gives_no_figure() {
        let text = read("fixtures/xinjiang-korla-chaoyang-2024-budget.txt");
        let a = crate::analyze(&text);
        let mut inputs_unreliable = vec![a.shares.functional.as_ref().unwrap().table];
        let t3 = a.document.table(TableKind::ThreePublic).unwrap().number;
        inputs_unreliable.push(t3);
        let mut summary = a.summary.clone();
        summary.three_public = None;
        let ans = answer(Inputs {
            doc: &a.document,
            summary: &summary,
            shares: &a.shares,
            previous_year: &a.previous_year,
            findings: &a.findings,
            quality: &a.quality,
            unreliable: &inputs_unreliable,
            rules: 0,
        });
        assert_eq!(ans.purposes, Err(Gap::Unreliable(inputs_unreliable[0])));
        assert_eq!(ans.three_public, Err(Gap::Unreliable(t3)));
    }
}
