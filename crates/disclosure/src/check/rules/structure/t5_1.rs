//! Rule T5.1: Table 5, every row: total = basic + project

use super::*;

rules! {
    /// ## What it checks
    /// 表5 (一般公共预算支出情况表), every row: 合计 = 基本支出 + 项目支出. Exact passes; within half a printed unit per
    /// part is rounding; more is an error. Runs the shared `row_identities` (structure.rs).
    ///
    /// ## Why it must hold
    /// General-budget spending is either basic or project spending; the two columns partition it.
    /// Applies to Xinjiang and Shanghai 一般公共预算 tables.
    ///
    /// ## Example
    /// Xinjiang sample, 表5 row 201 一般公共服务支出: 1,656.14 = 1,475.44 + 180.70 (exact).
    T5_1 = "T5.1", "表5 每行：合计 = 基本支出 + 项目支出", "Table 5, every row: total = basic + project",
        |c| row_identities(c, TableKind::GeneralExpense, Side::Whole, None);
}
