//! Rule T7.2: Table 7 department row = total

use super::*;

rules! {
    /// ## What it checks
    /// 表7: the department row (库尔勒市朝阳街道办事处) repeats the 总计 row, column by column; a gap of one unit of the last printed digit is
    /// rounding, more is an error. Runs the shared `unit_equals_total` (structure.rs).
    ///
    /// ## Why it must hold
    /// In a department with one unit the unit row and the total are the same quantity printed
    /// twice. Applies to the Xinjiang 表7.
    ///
    /// ## Example
    /// Xinjiang sample, 表7: 总计 185.30 / 173.56 / 11.74 and the unit row 185.30 / 173.56 / 11.74.
    T7_2 = "T7.2", "表7 单位行 = 总计", "Table 7 department row = total",
        |c| unit_equals_total(c, TableKind::GeneralProjects);
}
