//! Rule T8.2: Table 8, when empty, must say so

use super::*;

rules! {
    /// 表8 without rows states that it is empty, on the table and in 八; and a table said to be
    /// empty has no rows (rule N19 for 八).
    T8_2 = "T8.2", "表8 为空表时须有空表说明", "Table 8, when empty, must say so", |c| empty_table(c, TableKind::GovFund, "政府性基金", 8);
}
