//! Rule T10.3: Table 10, every row: total = the three funding sources

use super::*;

rules! {
    /// ## What it checks
    /// 表10 (财政拨款“三公”经费支出情况表), every row: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算 (the printed ones). Exact
    /// passes; within half a printed unit per part is rounding; more is an error. Runs the shared
    /// `row_identities` (structure.rs).
    ///
    /// ## Why it must hold
    /// 三公 spending is paid from appropriations, which come from exactly these three budgets.
    /// Applies to 三公 tables with funding-source columns (Xinjiang 表10).
    ///
    /// ## Example
    /// Xinjiang sample, 表10 合计 row: 9.60 = 一般公共预算 9.60 (exact), and the same on 公务用车运行费.
    T10_3 = "T10.3", "表10 每行：合计 = 三种资金来源之和", "Table 10, every row: total = the three funding sources",
        |c| row_identities(c, TableKind::ThreePublic, Side::Whole, None);
}
