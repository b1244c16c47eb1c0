//! Rule T3.1: Table 3, every row: total = basic + project

use super::*;

rules! {
    /// 表3, every row: 合计 = 基本支出 + 项目支出.
    T3_1 = "T3.1", "表3 每行：合计 = 基本支出 + 项目支出", "Table 3, every row: total = basic + project",
        |c| row_identities(c, TableKind::Expense, Side::Whole, None);
}
