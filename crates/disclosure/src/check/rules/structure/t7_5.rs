//! Rule T7.5: Table 7 款 = sum of its projects

use super::*;

rules! {
    /// 表7 款 = Σ project rows under it (there are no 项 subtotals). Example: 20103 129.16 =
    /// 0.84 + 10.32 + 95.00 + 23.00.
    T7_5 = "T7.5", "表7 款 = 所属各项目之和", "Table 7 款 = sum of its projects",
        |c| nesting(c, TableKind::GeneralProjects, Side::Whole, Level::Kuan);
}
