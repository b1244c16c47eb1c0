//! Rule T7.5: Table 7 款 = sum of its projects

use super::*;

rules! {
    /// ## What it checks
    /// 表7, every column: each 款 row = Σ of the project rows under it (表7 prints no 项 subtotals:
    /// every project row carries its 7-digit code). Exact passes; within half a printed unit per
    /// project is rounding; more is an error. Runs the shared `nesting` (structure.rs) at
    /// `Level::Kuan`.
    ///
    /// ## Why it must hold
    /// A 款's project spending is the sum of its projects. Applies to the Xinjiang 表7.
    ///
    /// ## Example
    /// Xinjiang sample, 表7 20103: 0.84 + 10.32 + 95.00 + 23.00 = 129.16, as printed.
    T7_5 = "T7.5", "表7 款 = 所属各项目之和", "Table 7 款 = sum of its projects",
        |c| nesting(c, TableKind::GeneralProjects, Side::Whole, Level::Kuan);
}
