//! Rule T7.1: Table 7, every row: total = sum of economic-class columns

use super::*;

rules! {
    /// ## What it checks
    /// 表7 (一般公共预算项目支出情况表), every row: 项目支出合计 = Σ of the ten 经济分类 columns (301, 302, 303, 307, 309,
    /// 310, 311, 312, 313, 399). Exact passes; within half a printed unit per part is rounding;
    /// more is an error. Runs the shared `row_identities` (structure.rs).
    ///
    /// ## Why it must hold
    /// Each project's money is split by economic nature, so the split adds up to the project's
    /// total. Applies to the Xinjiang 11-table template (the Shanghai budgets have no 表7).
    ///
    /// ## Example
    /// Xinjiang sample, 表7 总计: 185.30 = 商品服务支出 173.56 + 对个人和家庭的补助 11.74 (exact).
    T7_1 = "T7.1", "表7 每行：合计 = 各经济分类之和", "Table 7, every row: total = sum of economic-class columns",
        |c| row_identities(c, TableKind::GeneralProjects, Side::Whole, None);
}
