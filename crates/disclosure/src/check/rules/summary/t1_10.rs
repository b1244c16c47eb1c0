//! Rule T1.10: Table 1: expense total = sum of functional classes

use super::*;

rules! {
    /// ## What it checks
    /// 表1 支出: 支出总计 = Σ of the 功能分类 类 rows (201 … 234). Exact passes; within half a printed unit per
    /// 类 is rounding; more is an error. Runs the shared `nesting` (structure.rs) at `Level::Total`
    /// on the expense half.
    ///
    /// ## Why it must hold
    /// The 类 partition the department's spending by function. Applies to every template's 表1 (the
    /// Shanghai 总表 lists the same 类 by name: 一、一般公共服务支出 …).
    ///
    /// ## Example
    /// Xinjiang sample, 表1: 1,664.74 + 4.13 + 6.60 + 370.15 + 96.83 + 156.00 + 2.06 = 2,300.51
    /// against 支出总计 2,300.52 — rounding (7 parts allow 0.035), from 20805's 尾差 (T2.5). Shanghai
    /// 万里街道 2023 budget, 表1 (元): the eight 类 add up to 164,978,640 = 支出总计 (exact).
    T1_10 = "T1.10", "表1 支出总计 = 各类支出之和", "Table 1: expense total = sum of functional classes",
        |c| nesting(c, TableKind::Summary, Side::Expense, Level::Total);
}
