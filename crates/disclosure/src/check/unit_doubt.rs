//! Tables whose unit is a guess.
//!
//! A table's unit comes from its header ("单位：元"). Where the reader finds none there (a copy
//! that spaced the label out or dropped it, a form of it the reader does not know) and the
//! narrative does not show it either, the table takes the unit most tables print
//! ([`Table::unit_guessed`]). That guess can be off by exactly ten thousand: a Shanghai unit
//! budget whose 元 tables lost their labels reads them in the 万元 of the one table (the 三公
//! table) that kept its own, and its 公务接待费 of 10,000.00 元 then exceeds the 三公 table's
//! 1.00 万元 "by 9,999.00".
//!
//! A failure that draws on such a table and whose two sides are ten thousand times apart within
//! their rounding (both printed finely enough for that to be no coincidence) says a guess was
//! wrong, not that the document is: it is set aside, and one note names the tables, the unit
//! they were read in and the rules not concluded. A table that printed a unit and is ten thousand times off is another matter (a
//! unit slip of the document) and is judged as ever.

use rust_decimal::Decimal;

use super::{Finding, Severity};
use crate::model::{Document, LineNo, Table};

/// The rule id of the note on failures set aside for a guessed unit.
pub(crate) const RULE: &str = "check/unit-in-doubt";

/// Half a unit of `v`'s last printed digit.
fn half_digit(v: Decimal) -> Decimal {
    Decimal::new(5, v.scale().min(26) + 1)
}

/// Whether `a` is ten thousand times `b`, within the rounding of both, and both are printed
/// finely enough for that to be no coincidence: the rounding allows at most 5% of `a` either
/// way (0.31 万元 against 3,120: 3,100 give or take 50.5). 0.3 printed with one decimal is
/// anything from 0.25 to 0.35, so "ten thousand times 0.3" is anything from 2,500 to 3,500:
/// 2,940.05 against a 说明's 0.3 万元 is a real error, not a unit.
fn ten_thousand_times(a: Decimal, b: Decimal) -> bool {
    let scale = Decimal::from(10_000);
    let (Some(scaled), Some(window)) = (
        b.checked_mul(scale),
        half_digit(b)
            .checked_mul(scale)
            .and_then(|w| w.checked_add(half_digit(a))),
    ) else {
        return false;
    };
    !b.is_zero()
        && (a - scaled).abs() <= window
        && window
            .checked_mul(Decimal::from(20))
            .is_some_and(|w| w <= a.abs())
}

/// The tables with a guessed unit that `f` draws on, when its two values are ten thousand times
/// apart. The other side may be a table whose unit is guessed too: two guesses of one unit
/// that are ten thousand times apart were not both right (a Shanghai budget's 三公 table is in
/// 万元, its other tables in 元).
fn guessed_apart<'a>(doc: &'a Document, f: &Finding) -> Vec<&'a Table> {
    if !matches!(f.severity, Severity::Error | Severity::Warning) {
        return Vec::new();
    }
    let (Some(e), Some(a)) = (f.expected, f.actual) else {
        return Vec::new();
    };
    if !(ten_thousand_times(e, a) || ten_thousand_times(a, e)) {
        return Vec::new();
    }
    doc.tables
        .iter()
        .filter(|t| super::reliability::involves(f, t))
        .filter(|t| t.unit_guessed)
        .collect()
}

/// Sets aside every error and warning that a table's guessed unit explains, with one note that
/// says which tables and rules.
pub(crate) fn gate(doc: &Document, findings: Vec<Finding>) -> Vec<Finding> {
    if !doc.tables.iter().any(|t| t.unit_guessed) {
        return findings;
    }
    let mut tables: Vec<u8> = Vec::new();
    let mut rules: Vec<String> = Vec::new();
    let mut lines: Vec<LineNo> = Vec::new();
    let mut kept = Vec::with_capacity(findings.len());
    for f in findings {
        let guessed = guessed_apart(doc, &f);
        if guessed.is_empty() {
            kept.push(f);
            continue;
        }
        for t in guessed {
            if !tables.contains(&t.number) {
                tables.push(t.number);
            }
        }
        if !rules.contains(&f.rule) {
            rules.push(f.rule);
        }
        lines.extend(f.lines);
    }
    if tables.is_empty() {
        return kept;
    }
    tables.sort_unstable();
    lines.sort_unstable();
    lines.dedup();
    kept.push(note(doc, &tables, &rules, lines));
    kept
}

fn note(doc: &Document, numbers: &[u8], rules: &[String], lines: Vec<LineNo>) -> Finding {
    let tables: Vec<&Table> = numbers
        .iter()
        .filter_map(|n| doc.tables.iter().find(|t| t.number == *n))
        .collect();
    let names_zh: Vec<String> = tables
        .iter()
        .map(|t| format!("表{}（{}）按{}", t.number, t.title, t.unit.label()))
        .collect();
    let names_en: Vec<String> = tables
        .iter()
        .map(|t| format!("table {} ({}) in {}", t.number, t.title, t.unit.label()))
        .collect();
    let rules = rules.join(", ");
    Finding {
        rule: RULE.to_owned(),
        severity: Severity::Info,
        message_zh: format!(
            "表头未见金额单位的表格，按文件多数表格的单位读取：{}。{rules} 的两个数字正好相差一万倍，\
             更可能是这里的单位没有读准，而不是文件的错误，因此未下结论。请对照原文查看这些表格的单位。",
            names_zh.join("、")
        ),
        message_en: format!(
            "Tables whose header shows no unit were read in the unit of most tables: {}. The two \
             amounts of {rules} are exactly 10,000 times apart, more likely a unit read wrongly \
             here than an error of the document, so they were not concluded. Check these \
             tables' unit in the original.",
            names_en.join(", ")
        ),
        expected: None,
        actual: None,
        printed: None,
        lines,
        tables: numbers.to_vec(),
        percent: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn ten_thousand_times_within_rounding() {
        // 10,000.00 元 read in 万元 against 1.00 万元.
        assert!(ten_thousand_times(d("10000.00"), d("1.00")));
        // 91,016,775.35 against 9,101.68: within half a cent of 万元, times ten thousand.
        assert!(ten_thousand_times(d("91016775.35"), d("9101.68")));
        assert!(!ten_thousand_times(d("91016775.35"), d("9101.60")));
        assert!(!ten_thousand_times(d("8000.00"), d("1.00")));
        assert!(!ten_thousand_times(d("0"), d("0")));
        assert!(!ten_thousand_times(d("1.00"), d("10000.00")));
        // One decimal of 万元 allows 2,500 to 3,500: no evidence.
        assert!(!ten_thousand_times(d("2940.05"), d("0.3")));
        assert!(!ten_thousand_times(d("3000.00"), d("0.3")));
        // 13,500.00 against 1.35: the window is 50.005, under 5% of 13,500; 3,120 against
        // 0.31 (wanli's 表5 in 元 read in 万元), 50.5 of 3,120.
        assert!(ten_thousand_times(d("13500.00"), d("1.35")));
        assert!(ten_thousand_times(d("3120"), d("0.31")));
    }
}
