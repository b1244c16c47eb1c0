//! Rule T5.3: Table 5, every column: class = sum of its 款

use super::*;

rules! {
    /// ## What it checks
    /// 表5, every column: each 类 row = Σ of its 款 rows. Exact passes; within half a printed unit per
    /// 款 is rounding; more is an error. Runs the shared `nesting` (structure.rs) at `Level::Class`.
    ///
    /// ## Why it must hold
    /// A 类 is the sum of its 款 by the structure of the 功能分类. Applies to every template that prints
    /// 表5.
    ///
    /// ## Example
    /// Xinjiang sample, 表5 201 合计: 3.54 + 1,548.06 + 97.27 + 7.27 = 1,656.14, as printed.
    T5_3 = "T5.3", "表5 各列：类 = 所属各款之和", "Table 5, every column: class = sum of its 款",
        |c| nesting(c, TableKind::GeneralExpense, Side::Whole, Level::Class);
}
