//! Identities between the labelled rows of 表1, 表4 and 表10 (rules.md §2.1).

use super::structure::{nesting, Level};
use super::{Amt, Label};
use crate::check::Checker;
use crate::model::*;
use crate::parse::schema::{self, RowIdentity};

/// The amount of a labelled row in a block's amount column (empty counts as zero).
fn labelled_amount(t: &Table, b: &Block, key: RowKey, col: Col) -> Option<Amt> {
    let r = b.keyed(key)?;
    Some(Amt::cell(t, b, r, col))
}

/// `total = Σ parts` over labelled rows of one column; rows that are absent are skipped, and
/// nothing is checked when the total row is absent or all rows are empty.
fn labelled_sum(c: &mut Checker, kind: TableKind, side: Side, col: Col, id: &RowIdentity) {
    let Some(t) = c.table(kind) else { return };
    let Some(b) = t.block(side) else { return };
    let Some(total) = labelled_amount(t, b, id.total, col) else {
        return;
    };
    let parts: Vec<Amt> = id
        .parts
        .iter()
        .filter_map(|&k| labelled_amount(t, b, k, col))
        .collect();
    if parts.is_empty() || (total.value.is_zero() && parts.iter().all(|p| p.value.is_zero())) {
        return;
    }
    let names: Vec<String> = id
        .parts
        .iter()
        .filter_map(|&k| b.keyed(k).map(|r| schema::compact_label(&r.name)))
        .collect();
    let tname = b
        .keyed(id.total)
        .map(|r| schema::compact_label(&r.name))
        .unwrap_or_default();
    let what = Label::new(
        format!("表{} {} = {}", t.number, tname, names.join(" + ")),
        format!("Table {}: {} = {}", t.number, tname, names.join(" + ")),
    );
    c.sum(&what, &total, &parts, &[t.number]);
}

/// One of rules T1.1–T1.9 by id. They are the identities of the Xinjiang 表1 收入 rows; the
/// Shanghai tables group their income differently (本年收入合计 lists every source directly)
/// and have their own rule (F3).
fn summary_income(c: &mut Checker, id: &str) {
    if c.doc.meta.family == Family::Shanghai {
        return;
    }
    if let Some((_, ident)) = schema::SUMMARY_INCOME_IDENTITIES
        .iter()
        .find(|(i, _)| *i == id)
    {
        labelled_sum(c, TableKind::Summary, Side::Income, Col::Amount, ident);
    }
}

/// 收入总计 = 支出总计 of a two-sided table.
fn balanced(c: &mut Checker, kind: TableKind, expense_col: Col) {
    let Some(t) = c.table(kind) else { return };
    let (Some(inc), Some(exp)) = (t.block(Side::Income), t.block(Side::Expense)) else {
        return;
    };
    // 支出总计: the row keyed so (in a 决算 the block's total row is 本年支出合计).
    let (Some(a), Some(b)) = (
        labelled_amount(t, inc, RowKey::IncomeTotal, Col::Amount),
        exp.keyed(RowKey::ExpenseTotal)
            .or_else(|| exp.total())
            .map(|r| Amt::cell(t, exp, r, expense_col)),
    ) else {
        return;
    };
    c.same(
        &Label::new(
            format!("表{} 收入总计", t.number),
            format!("Table {} income total", t.number),
        ),
        &a,
        &Label::new(
            format!("表{} 支出总计", t.number),
            format!("Table {} expense total", t.number),
        ),
        &b,
        &[t.number],
    );
}

// The rules, each in its own file under `summary/`.
mod t10_1;
mod t10_2;
mod t1_1;
mod t1_10;
mod t1_11;
mod t1_2;
mod t1_3;
mod t1_4;
mod t1_5;
mod t1_6;
mod t1_7;
mod t1_8;
mod t1_9;
mod t4_1;
mod t4_2;
mod t4_5;

pub use t10_1::T10_1;
pub use t10_2::T10_2;
pub use t1_1::T1_1;
pub use t1_10::T1_10;
pub use t1_11::T1_11;
pub use t1_2::T1_2;
pub use t1_3::T1_3;
pub use t1_4::T1_4;
pub use t1_5::T1_5;
pub use t1_6::T1_6;
pub use t1_7::T1_7;
pub use t1_8::T1_8;
pub use t1_9::T1_9;
pub use t4_1::T4_1;
pub use t4_2::T4_2;
pub use t4_5::T4_5;

mod c1;
mod d1;

pub use c1::C1;
pub use d1::D1;
