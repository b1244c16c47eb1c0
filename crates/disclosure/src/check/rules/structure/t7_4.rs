//! Rule T7.4: Table 7 class = sum of its 款

use super::*;

rules! {
    /// ## What it checks
    /// 表7, every column: each 类 row = Σ of its 款 rows. Exact passes; within half a printed unit per
    /// 款 is rounding; more is an error. Runs the shared `nesting` (structure.rs) at `Level::Class`.
    ///
    /// ## Why it must hold
    /// A 类 is the sum of its 款 by the structure of the 功能分类. Applies to the Xinjiang 表7.
    ///
    /// ## Example
    /// Xinjiang sample, 表7 201: 1.54 (20101) + 129.16 (20103) + 50.00 (20132) = 180.70, as printed.
    T7_4 = "T7.4", "表7 类 = 所属各款之和", "Table 7 class = sum of its 款",
        |c| nesting(c, TableKind::GeneralProjects, Side::Whole, Level::Class);
}
