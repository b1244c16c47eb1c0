//! Rule X5: Table 2 general-budget transfers = Table 1 transfers

use super::*;

rules! {
    /// What: 表2 上级一般公共预算安排的转移支付 总计 = 表1 上级一般公共预算安排转移支付.
    /// Why: the same income printed twice. Example: 4.30.
    X5 = "X5", "表2 上级一般公共预算转移支付 = 表1 同项", "Table 2 general-budget transfers = Table 1 transfers",
        |c| income_column(c, &[(Col::GeneralTransfer, RowKey::GeneralTransfer)]);
}
