//! Rule X1: Table 1 totals = Table 2 total = Table 3 total

use super::*;

rules! {
    /// ## What it checks
    /// 表1 收入总计 (支出总计 when the income half is missing) = 表2 总计 = 表3 总计; in a 决算, 表1 本年收入合计 = 表2 合计
    /// and 本年支出合计 = 表3 合计. Same quantity: a gap of one unit of the last printed digit is rounding, more is an error, reported at the place that
    /// disagrees with the others. T1.11 compares the two halves of 表1. The rule's own logic,
    /// `grand_totals`, is below; it uses the shared `same_all` (cross.rs).
    ///
    /// ## Why it must hold
    /// The three tables describe the same budget, so their grand totals are one number. Applies to
    /// every template (Xinjiang and Shanghai, budgets and 决算).
    ///
    /// ## Example
    /// Xinjiang sample: 表1 2,300.52, 表2 总计 2,300.52, 表3 总计 2,300.52. Shanghai 普陀区财政局 2024 决算:
    /// 本年收入合计 2,946.25 = 表2 合计 2,946.25; 本年支出合计 2,940.05 = 表3 合计 2,940.05.
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
