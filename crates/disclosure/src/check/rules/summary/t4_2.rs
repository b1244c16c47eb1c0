//! Rule T4.2: Table 4: income total = appropriations

use super::*;

rules! {
    /// ## What it checks
    /// 表4 收入: 收入总计 = 一、财政拨款（补助） (this template has no 上年结转 row). Exact passes; within half a
    /// printed unit is rounding; more is an error. Runs the shared `labelled_sum` (summary.rs).
    ///
    /// ## Why it must hold
    /// The Xinjiang 表4 covers this year's appropriations only, so its income total is the
    /// appropriation. Applies to templates whose 表4 prints both rows.
    ///
    /// ## Example
    /// Xinjiang sample, 表4: 收入总计 2,287.86 = 财政拨款（补助） 2,287.86 (exact).
    T4_2 = "T4.2", "表4 收入总计 = 财政拨款（补助）", "Table 4: income total = appropriations",
        |c| labelled_sum(c, TableKind::FiscalSummary, Side::Income, Col::Amount, &RowIdentity {
            total: RowKey::IncomeTotal,
            parts: &[RowKey::FiscalAppropriation],
        });
}
