//! Rule T3.3: Table 3, every column: class = sum of its 款

use super::*;

rules! {
    /// ## What it checks
    /// 表3, every column: each 类 row = Σ of its 款 rows. Exact passes; within half a printed unit per
    /// 款 is rounding; more is an error. Runs the shared `nesting` (structure.rs) at `Level::Class`.
    ///
    /// ## Why it must hold
    /// A 类 is the sum of its 款 by the structure of the 功能分类. Applies to every template that prints
    /// 表3 by 功能分类.
    ///
    /// ## Example
    /// Xinjiang sample, 表3 201 合计: 5.14 + 1,548.06 + 1.00 + 103.27 + 7.27 = 1,664.74, as printed.
    T3_3 = "T3.3", "表3 各列：类 = 所属各款之和", "Table 3, every column: class = sum of its 款",
        |c| nesting(c, TableKind::Expense, Side::Whole, Level::Class);
}
