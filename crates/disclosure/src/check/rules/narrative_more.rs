//! Narrative rules of 七 to 十二 and 第一部分, the consistency of facts stated twice, and unit
//! slips (rules.md §2.3, §0 "Units", §3.2).

use rust_decimal::Decimal;

use super::narrative::{
    amt, change_amt, chapter_label, chapters, find, in_topic, income_of, restates, section_label,
    share, stated, stated_split, statement_label, total_of, unit_of, yoy_in,
};
use super::{row_label, Amt, Label};
use crate::check::{tolerance, Checker, Severity, Verdict};
use crate::format::amount;
use crate::model::*;
use crate::parse::segment::compact;

/// "表11 总计" / "table 11 total": a table cell named by its table's number (N21, N22).
fn table_label(doc: &Document, kind: TableKind, zh: &str, en: &str) -> Label {
    let n = doc.table(kind).map_or(0, |t| t.number);
    Label::new(format!("表{n} {zh}"), format!("table {n} {en}"))
}

/// T8.2 / T9.2 / N19: an empty 表8 / 表9 says so on the table and in 八 / 九 (where the
/// layout has such a chapter), and a sentence that calls a table empty is true. A table whose
/// only row is a 合计 with nothing in it (as the Shanghai templates print an empty table) is
/// empty.
fn empty_table(c: &mut Checker, kind: TableKind, word: &str, chapter: u8) {
    let doc = c.doc;
    let Some(t) = c.table(kind) else { return };
    let empty = t
        .main()
        .is_none_or(|b| b.rows.iter().all(|r| r.cells.iter().all(Option::is_none)));
    let narrative = doc.empty_statements.iter().find(|e| e.value.contains(word));
    let label = Label::new(
        format!("表{} {}", t.number, t.title),
        format!("table {} ({})", t.number, t.title),
    );
    if empty {
        if t.empty_statement.is_none() {
            let f = c.report(
                Severity::Error,
                format!("{}没有数据，表上却没有空表说明。", label.zh),
                format!(
                    "{} has no rows but no statement that it is empty.",
                    label.en
                ),
            );
            f.lines = vec![t.span.0];
            f.tables = vec![t.number];
        }
        let printed = chapters(doc, chapter).first().copied();
        if let (None, false, Some(chapter)) = (narrative, doc.statements.is_empty(), printed) {
            let ch = section_label(SectionRef {
                part: 3,
                chapter,
                sub: 0,
                item: 0,
            });
            let f = c.report(
                Severity::Warning,
                format!("{}没有数据，但{}没有说明其为空表。", label.zh, ch.zh),
                format!(
                    "{} has no rows, but {} does not say it is empty.",
                    label.en, ch.en
                ),
            );
            f.lines = vec![t.span.0];
            f.tables = vec![t.number];
        }
    } else if let Some(e) = t.empty_statement.as_ref().or(narrative) {
        let f = c.report(
            Severity::Error,
            format!("{}有数据，却说明为空表。", label.zh),
            format!("{} has rows, yet it is said to be empty.", label.en),
        );
        f.lines = vec![e.line, t.span.0];
        f.tables = vec![t.number];
    }
}

/// The 三公 column a subject speaks of: 合计 (all sources), or, in a 决算 that prints 预算数 /
/// 决算数 pairs, 预算数 when the subject says 预算 ("年初预算") and 决算数 otherwise.
fn three_public_col(b: &Block, subject: &str) -> Col {
    if b.col(Col::Total).is_some() {
        Col::Total
    } else if subject.contains("预算") && !subject.contains("决算") {
        Col::Budgeted
    } else {
        Col::Actual
    }
}

/// The counts and values of vehicles stated in 十二（三）.
fn vehicles(doc: &Document) -> Vec<&Statement> {
    doc.statements
        .iter()
        .filter(|s| {
            in_topic(doc, s.section, 12)
                && (s.subject.contains("车辆") || s.subject.contains("用车"))
                && !s.in_reason
        })
        .collect()
}

// The rules, each in its own file under `narrative_more/`.
mod n15;
mod n16;
mod n17;
mod n2;
mod n20;
mod n21;
mod n22;
mod n23;
mod n24;
mod n25;
mod n26;
mod n29;
mod n30;
mod n31;
mod t8_2;
mod t9_2;
mod u1;

pub use n15::N15;
pub use n16::N16;
pub use n17::N17;
pub use n2::N2;
pub use n20::N20;
pub use n21::N21;
pub use n22::N22;
pub use n23::N23;
pub use n24::N24;
pub use n25::N25;
pub use n26::N26;
pub use n29::N29;
pub use n30::N30;
pub use n31::N31;
pub use t8_2::T8_2;
pub use t9_2::T9_2;
pub use u1::U1;
