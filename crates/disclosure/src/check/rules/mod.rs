//! The rule registry: every rule of the checker, in rule-book order.

mod family;
mod narrative;
mod narrative_more;
mod structure;
mod summary;

use super::Rule;
pub(crate) use super::{Amt, Label};
use crate::model::{Row, Table};

/// "表2「208 05 行政事业单位养老支出」" / "Table 2 row 208 05 行政事业单位养老支出".
pub(crate) fn row_label(t: &Table, r: &Row) -> Label {
    let name = match (&r.code, &r.project) {
        (Some(c), Some(p)) => format!("{} {} / {}", c.spaced(), r.name, p),
        (Some(c), None) => format!("{} {}", c.spaced(), r.name),
        (None, _) => crate::parse::schema::compact_label(&r.name),
    };
    Label::new(
        format!("表{}「{}」", t.number, name),
        format!("Table {} row '{}'", t.number, name),
    )
}

/// "表7 一般公共预算项目支出情况表" / "Table 7 (一般公共预算项目支出情况表)".
pub(crate) fn table_label(t: &Table) -> Label {
    Label::new(
        format!("表{} {}", t.number, t.title),
        format!("Table {} ({})", t.number, t.title),
    )
}

/// Every rule, in rule-book order.
pub static RULES: &[Rule] = &[
    summary::T1_1,
    summary::T1_2,
    summary::T1_3,
    summary::T1_4,
    summary::T1_5,
    summary::T1_6,
    summary::T1_7,
    summary::T1_8,
    summary::T1_9,
    summary::T1_10,
    summary::T1_11,
    structure::T2_1,
    structure::T2_2,
    structure::T2_3,
    structure::T2_4,
    structure::T2_5,
    structure::T3_1,
    structure::T3_2,
    structure::T3_3,
    structure::T3_4,
    summary::T4_1,
    summary::T4_2,
    structure::T4_3,
    structure::T4_4,
    summary::T4_5,
    structure::T5_1,
    structure::T5_2,
    structure::T5_3,
    structure::T5_4,
    structure::T6_1,
    structure::T6_2,
    structure::T6_3,
    structure::T6_4,
    structure::T6_5,
    structure::T6_6,
    structure::T7_1,
    structure::T7_2,
    structure::T7_3,
    structure::T7_4,
    structure::T7_5,
    structure::T8_1,
    narrative_more::T8_2,
    structure::T9_1,
    narrative_more::T9_2,
    summary::T10_1,
    summary::T10_2,
    structure::T10_3,
    structure::T11_1,
    structure::T11_2,
    structure::T11_3,
    structure::T11_4,
    narrative::N1,
    narrative_more::N2,
    narrative::N3,
    narrative::N4,
    narrative::N5,
    narrative::N6,
    narrative::N7,
    narrative::N8,
    narrative::N9,
    narrative::N10,
    narrative::N11,
    narrative::N12,
    narrative::N14,
    narrative_more::N15,
    narrative_more::N16,
    narrative_more::N17,
    narrative_more::N19,
    narrative_more::N20,
    narrative_more::N21,
    narrative_more::N22,
    narrative_more::N23,
    narrative_more::N24,
    narrative_more::N25,
    narrative_more::N26,
    narrative_more::N29,
    narrative_more::N30,
    narrative_more::U1,
    family::F1,
    family::F2,
    family::F3,
    family::F4,
    family::F5,
];
