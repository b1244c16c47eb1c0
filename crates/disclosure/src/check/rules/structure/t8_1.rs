//! Rule T8.1: Table 8 rows and levels add up

use super::*;

rules! {
    /// 表8, every row: 合计 = 人员经费 + 公用经费 + 项目支出, and its nesting.
    T8_1 = "T8.1", "表8 每行及各级汇总相符", "Table 8 rows and levels add up",
        |c| {
            row_identities(c, TableKind::GovFund, Side::Whole, None);
            for level in [Level::Total, Level::Class, Level::Kuan] {
                nesting(c, TableKind::GovFund, Side::Whole, level);
            }
        };
}
