//! Rule T6.1: Table 6, every row: total = personnel + public expenses

use super::*;

rules! {
    /// ## What it checks
    /// 表6 (一般公共预算基本支出情况表), every row: 合计 = 人员经费 + 公用经费. Exact passes; within half a printed unit
    /// per part is rounding; more is an error. Runs the shared `row_identities` (structure.rs).
    ///
    /// ## Why it must hold
    /// Basic expenditure is by definition personnel plus public (running) expenses. Applies to the
    /// basic-expenditure table of every template (Shanghai budgets number it 表8).
    ///
    /// ## Example
    /// Xinjiang sample, 表6 总计: 2,102.56 = 人员经费 2,041.95 + 公用经费 60.61 (exact).
    T6_1 = "T6.1", "表6 每行：合计 = 人员经费 + 公用经费", "Table 6, every row: total = personnel + public expenses",
        |c| row_identities(c, TableKind::GeneralBasic, Side::Whole, None);
}
