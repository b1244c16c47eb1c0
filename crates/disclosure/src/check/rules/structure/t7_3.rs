//! Rule T7.3: Table 7 total = sum of classes

use super::*;

rules! {
    /// ## What it checks
    /// 表7, every column: the 总计 row = Σ 类 rows. Exact passes; within half a printed unit per 类 is
    /// rounding; more is an error. Runs the shared `nesting` (structure.rs) at `Level::Total`.
    ///
    /// ## Why it must hold
    /// The 类 partition project spending by function. Applies to the Xinjiang 表7.
    ///
    /// ## Example
    /// Xinjiang sample, 表7: 180.70 (201) + 4.60 (207) = 185.30, as printed.
    T7_3 = "T7.3", "表7 总计 = 各类之和", "Table 7 total = sum of classes",
        |c| nesting(c, TableKind::GeneralProjects, Side::Whole, Level::Total);
}
