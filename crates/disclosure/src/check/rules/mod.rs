//! The rule registry: every rule of the checker, in rule-book order.

mod cross;
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
    structure::T9_1,
    summary::T10_1,
    summary::T10_2,
    structure::T10_3,
    structure::T11_1,
    structure::T11_2,
    structure::T11_3,
    structure::T11_4,
    cross::X1,
    cross::X2,
    cross::X3,
    cross::X4,
    cross::X5,
    cross::X6,
    cross::X7,
    cross::X8,
    cross::X9,
    cross::X10,
    cross::X11,
    cross::X12,
    cross::X13,
    cross::X14,
    cross::X15,
    cross::X16,
    cross::X17,
    cross::X18,
    cross::X19,
    cross::X20,
    cross::X21,
    cross::X22,
    cross::X23,
    cross::X24,
    cross::X25,
    cross::X26,
    cross::X27,
    cross::X28,
    cross::X29,
    cross::X30,
    cross::X31,
    cross::X32,
    cross::X33,
    cross::X34,
    cross::X35,
    cross::X36,
    cross::X37,
    cross::X38,
];
