//! Rule T3.2: Table 3, every column: total = sum of classes

use super::*;

rules! {
    /// ## What it checks
    /// 表3, every column: the 总计 row = Σ 类 rows. Exact passes; within half a printed unit per 类 is
    /// rounding; more is an error. Runs the shared `nesting` (structure.rs) at `Level::Total`.
    ///
    /// ## Why it must hold
    /// The 类 partition the spending by function, so they add up to the total. Applies to every
    /// template that prints 表3 by 功能分类.
    ///
    /// ## Example
    /// Xinjiang sample, 表3 合计 column: the seven 类 give 2,300.51 against 2,300.52, and 基本支出 gives
    /// 1,475.44 + 4.13 + 370.15 + 96.83 + 156.00 = 2,102.55 against 2,102.56 — both rounding.
    T3_2 = "T3.2", "表3 各列：总计 = 各类之和", "Table 3, every column: total = sum of classes",
        |c| nesting(c, TableKind::Expense, Side::Whole, Level::Total);
}
