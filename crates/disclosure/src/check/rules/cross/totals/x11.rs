//! Rule X11: Table 4 income by budget = Table 1 current appropriations

use super::*;

rules! {
    /// ## What it checks
    /// 表4 收入 一般公共预算 / 政府性基金预算 / 国有资本经营预算 = 表1 1. / 2. / 3. (this year's appropriation of the same
    /// budget). Same quantity: a gap of one unit of the last printed digit is rounding, more is an error; a budget not printed in both is skipped.
    /// The rule's own logic, `fiscal_income`, is below; it uses the shared `same` (cross.rs).
    ///
    /// ## Why it must hold
    /// 表4 restates this year's appropriations by budget. Applies to every template whose 表1 and 表4
    /// print the budgets as rows.
    ///
    /// ## Example
    /// Xinjiang sample: 表4 一般公共预算 2,287.86 = 表1 1.一般公共预算拨款 2,287.86.
    X11 = "X11", "表4 收入三种预算 = 表1 本年三种拨款", "Table 4 income by budget = Table 1 current appropriations", fiscal_income;
}

/// X11: each budget of 表4 收入 = the same budget's current-year appropriation in 表1.
fn fiscal_income(c: &mut Checker) {
    let s1 = t1_income(c);
    let s4 = src(c, TableKind::FiscalSummary, Side::Income);
    let (Some(s1), Some(s4)) = (s1, s4) else {
        return;
    };
    for key in [RowKey::GeneralBudget, RowKey::GovFund, RowKey::StateCapital] {
        if let (Some(a), Some(b)) = (s4.keyed(key, Col::Amount), s1.keyed(key, Col::Amount)) {
            same(c, &a, &b);
        }
    }
}
