//! Rule T5.1: Table 5, every row: total = basic + project

use super::*;

rules! {
    /// 表5, every row: 合计 = 基本支出 + 项目支出.
    T5_1 = "T5.1", "表5 每行：合计 = 基本支出 + 项目支出", "Table 5, every row: total = basic + project",
        |c| row_identities(c, TableKind::GeneralExpense, Side::Whole, None);
}
