//! Rule T7.4: Table 7 class = sum of its 款

use super::*;

rules! {
    /// 表7 类 = Σ 款.
    T7_4 = "T7.4", "表7 类 = 所属各款之和", "Table 7 class = sum of its 款",
        |c| nesting(c, TableKind::GeneralProjects, Side::Whole, Level::Class);
}
