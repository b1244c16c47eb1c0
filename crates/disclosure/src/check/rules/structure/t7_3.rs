//! Rule T7.3: Table 7 total = sum of classes

use super::*;

rules! {
    /// 表7 总计 = Σ 类.
    T7_3 = "T7.3", "表7 总计 = 各类之和", "Table 7 total = sum of classes",
        |c| nesting(c, TableKind::GeneralProjects, Side::Whole, Level::Total);
}
