//! Rule T9.1: Table 9 rows and levels add up

use super::*;

rules! {
    /// 表9, every row: 合计 = 人员经费 + 公用经费 + 项目支出, and its nesting.
    T9_1 = "T9.1", "表9 每行及各级汇总相符", "Table 9 rows and levels add up",
        |c| {
            row_identities(c, TableKind::StateCapital, Side::Whole, None);
            for level in [Level::Total, Level::Class, Level::Kuan] {
                nesting(c, TableKind::StateCapital, Side::Whole, level);
            }
        };
}
