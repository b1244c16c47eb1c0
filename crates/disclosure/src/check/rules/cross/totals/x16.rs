//! Rule X16: Table 5 total = Table 1 general budget = Table 4 general-budget expense

use super::*;

rules! {
    /// What: 表5 总计 = 表1 一般公共预算拨款 = 表4 一般公共预算 支出总计.
    /// Why: the general budget's appropriation printed three times. Example: 2,287.86.
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
