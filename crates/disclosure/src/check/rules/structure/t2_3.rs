//! Rule T2.3: Table 2, every column: total = sum of classes

use super::*;

rules! {
    /// ## What it checks
    /// 表2, every column: the 总计 row = Σ 类 rows. Exact passes; a gap within half a printed unit per
    /// 类 is rounding; more is an error. Runs the shared `nesting` (structure.rs) at `Level::Total`.
    ///
    /// ## Why it must hold
    /// The 类 rows partition the department's money by function, so they add up to the total; a gap
    /// means a 类 row is missing or mistyped. Applies to every template that prints 表2 by 功能分类.
    ///
    /// ## Example
    /// Xinjiang sample, 表2 总计 column: 1,664.74 + 4.13 + 6.60 + 370.15 + 96.83 + 156.00 + 2.06 =
    /// 2,300.51 against the printed 2,300.52 — rounding (7 parts allow 0.035); 208 carries the 尾差
    /// of 20805 (see T2.5).
    T2_3 = "T2.3", "表2 各列：总计 = 各类之和", "Table 2, every column: total = sum of classes",
        |c| nesting(c, TableKind::Income, Side::Whole, Level::Total);
}
