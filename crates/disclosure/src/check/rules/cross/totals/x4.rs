//! Rule X4: Table 2 general budget = Table 1 own general funds

use super::*;

rules! {
    /// What: 表2 一般公共预算 (本级) 总计 = 表1 一般财力.
    /// Why: the same income printed twice. Example: 2,283.56.
    X4 = "X4", "表2 一般公共预算 = 表1 一般财力", "Table 2 general budget = Table 1 own general funds",
        |c| income_column(c, &[(Col::GeneralBudget, RowKey::GeneralFinance)]);
}
