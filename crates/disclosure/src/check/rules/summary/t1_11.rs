//! Rule T1.11: Table 1: income total = expense total

use super::*;

rules! {
    /// ## What it checks
    /// 表1: 收入总计 = 支出总计 (in a 决算, the 支出 side's total row); a gap of one unit of the last printed digit is rounding, more is an error. Runs the
    /// shared `balanced` (summary.rs).
    ///
    /// ## Why it must hold
    /// A budget is balanced by construction: every yuan available is assigned to spending (in final
    /// accounts the closing balance sits on the 支出 side). Applies to every template's 表1.
    ///
    /// ## Example
    /// Xinjiang sample, 表1: 收 入 总 计 2,300.52 and 支 出 总 计 2,300.52 (exact).
    T1_11 = "T1.11", "表1 收入总计 = 支出总计", "Table 1: income total = expense total", |c| balanced(c, TableKind::Summary, Col::Amount);
}
