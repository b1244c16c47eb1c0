//! Rule X16: Table 5 total = Table 1 general budget = Table 4 general-budget expense

use super::*;

rules! {
    /// ## What it checks
    /// 表5 总计 = 表1 1.一般公共预算拨款 = 表4 一般公共预算 支出总计. Same quantity: a gap of one unit of the last printed digit is rounding, more is an error, reported
    /// at the place that disagrees with the others. The rule's own logic, `general_budget`, is
    /// below; it uses the shared `same_all` (cross.rs).
    ///
    /// ## Why it must hold
    /// The general budget's appropriation is printed three times. Applies to every template with
    /// the three tables.
    ///
    /// ## Example
    /// Xinjiang sample: 2,287.86 in 表5 总计, in 表1 and in 表4's 一般公共预算 column.
    X16 = "X16", "表5 总计 = 表1 一般公共预算拨款 = 表4 一般公共预算支出", "Table 5 total = Table 1 general budget = Table 4 general-budget expense", general_budget;
}

/// X16: 表5 总计 = 表1 一般公共预算拨款 = 表4 一般公共预算 支出总计.
fn general_budget(c: &mut Checker) {
    let b1 = t1_income(c).and_then(|s| s.keyed(RowKey::GeneralBudget, Col::Amount));
    let b5 = src(c, TableKind::GeneralExpense, Side::Whole).and_then(|s| s.total(Col::Total));
    let b4 =
        src(c, TableKind::FiscalSummary, Side::Expense).and_then(|s| s.total(Col::GeneralBudget));
    same_all(c, &[b1, b5, b4]);
}
