//! Rule T7.2: Table 7 department row = total

use super::*;

rules! {
    /// 表7 department row = 总计.
    T7_2 = "T7.2", "表7 单位行 = 总计", "Table 7 department row = total",
        |c| unit_equals_total(c, TableKind::GeneralProjects);
}
