//! Rule T7.1: Table 7, every row: total = sum of economic-class columns

use super::*;

rules! {
    /// 表7, every row: 项目支出合计 = Σ 经济分类 columns.
    T7_1 = "T7.1", "表7 每行：合计 = 各经济分类之和", "Table 7, every row: total = sum of economic-class columns",
        |c| row_identities(c, TableKind::GeneralProjects, Side::Whole, None);
}
