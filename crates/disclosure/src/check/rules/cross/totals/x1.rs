//! Rule X1: Table 1 totals = Table 2 total = Table 3 total

use super::*;

rules! {
    /// What: 表1 收入总计 = 表1 支出总计 = 表2 总计 = 表3 总计. This rule compares 表1 收入总计,
    /// 表2 and 表3, reporting the one that disagrees with the others (T1.11 compares the two
    /// halves of 表1).
    /// Why: the three tables describe the same budget; their grand totals are one number.
    /// Example: 2,300.52 in all four places.
    X1 = "X1", "表1 收支总计 = 表2 总计 = 表3 总计", "Table 1 totals = Table 2 total = Table 3 total", grand_totals;
}

/// X1: 表1 收入总计 = 表2 总计 = 表3 总计 (T1.11 compares the two halves of 表1; 支出总计
/// stands in for 收入总计 when the income half is missing).
fn grand_totals(c: &mut Checker) {
    let s1i = t1_income(c);
    let s1e = src(c, TableKind::Summary, Side::Expense);
    let s2 = t2(c);
    let s3 = src(c, TableKind::Expense, Side::Whole);
    let t2_total = s2.and_then(|s| s.total(Col::Total));
    let t3_total = s3.and_then(|s| s.total(Col::Total));
    // Final accounts total this year's income and spending separately from the balances
    // carried in and out: 表2 is this year's income, 表3 this year's spending.
    if c.doc.meta.kind == crate::model::DocKind::Final {
        let income = s1i.and_then(|s| s.keyed(RowKey::CurrentIncome, Col::Amount));
        let spending = s1e.and_then(|s| s.keyed(RowKey::CurrentExpense, Col::Amount));
        same_all(c, &[income, t2_total]);
        same_all(c, &[spending, t3_total]);
        return;
    }
    let t1 = s1i
        .and_then(|s| s.keyed(RowKey::IncomeTotal, Col::Amount))
        .or_else(|| s1e.and_then(|s| s.total(Col::Amount)));
    same_all(c, &[t1, t2_total, t3_total]);
}
