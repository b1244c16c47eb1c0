//! Rule T1.11: Table 1: income total = expense total

use super::*;

rules! {
    /// 表1 收入总计 = 支出总计: a budget balances.
    T1_11 = "T1.11", "表1 收入总计 = 支出总计", "Table 1: income total = expense total", |c| balanced(c, TableKind::Summary, Col::Amount);
}
