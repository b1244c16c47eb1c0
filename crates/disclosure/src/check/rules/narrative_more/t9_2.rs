//! Rule T9.2: Table 9, when empty, must say so

use super::*;

rules! {
    /// 表9 without rows states that it is empty, on the table and in 九; and a table said to be
    /// empty has no rows (rule N19 for 九).
    T9_2 = "T9.2", "表9 为空表时须有空表说明", "Table 9, when empty, must say so", |c| empty_table(c, TableKind::StateCapital, "国有资本", 9);
}
