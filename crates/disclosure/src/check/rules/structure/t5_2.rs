//! Rule T5.2: Table 5, every column: total = sum of classes

use super::*;

rules! {
    /// ## What it checks
    /// 表5, every column: the 总计 row = Σ 类 rows. Exact passes; within half a printed unit per 类 is
    /// rounding; more is an error. Runs the shared `nesting` (structure.rs) at `Level::Total`.
    ///
    /// ## Why it must hold
    /// The 类 partition the general budget by function. Applies to every template that prints 表5.
    ///
    /// ## Example
    /// Xinjiang sample, 表5 合计: 1,656.14 + 4.13 + 4.60 + 370.15 + 96.83 + 156.00 = 2,287.85 against
    /// 2,287.86; 基本支出 2,102.55 against 2,102.56 — both rounding.
    T5_2 = "T5.2", "表5 各列：总计 = 各类之和", "Table 5, every column: total = sum of classes",
        |c| nesting(c, TableKind::GeneralExpense, Side::Whole, Level::Total);
}
