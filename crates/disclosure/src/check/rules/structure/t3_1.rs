//! Rule T3.1: Table 3, every row: total = basic + project

use super::*;

rules! {
    /// ## What it checks
    /// 表3 (部门支出总体情况表), every row: 合计 = 基本支出 + 项目支出 (+ 上缴上级, 经营支出, 对附属单位补助 where the template prints
    /// them). Exact passes; within half a printed unit per part is rounding; more is an error. Runs
    /// the shared `row_identities` (structure.rs).
    ///
    /// ## Why it must hold
    /// Every yuan spent is either basic (keeping the unit running) or project spending; the two
    /// columns partition the total. Applies to Xinjiang and Shanghai 支出 tables.
    ///
    /// ## Example
    /// Xinjiang sample, 表3 row 201 一般公共服务支出: 1,664.74 = 基本支出 1,475.44 + 项目支出 189.30 (exact).
    T3_1 = "T3.1", "表3 每行：合计 = 基本支出 + 项目支出", "Table 3, every row: total = basic + project",
        |c| row_identities(c, TableKind::Expense, Side::Whole, None);
}
