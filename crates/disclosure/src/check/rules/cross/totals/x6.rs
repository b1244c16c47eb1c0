//! Rule X6: Table 2 government-fund columns = Table 1 rows

use super::*;

rules! {
    /// What: 表2 政府性基金预算 = 表1 政府性基金收入; 表2 上级政府性基金转移支付 = 表1 同项.
    /// Why: the same income printed twice. Example: both empty in the sample.
    X6 = "X6", "表2 政府性基金两列 = 表1 同项", "Table 2 government-fund columns = Table 1 rows",
        |c| income_column(c, &[
            (Col::GovFund, RowKey::GovFundIncome),
            (Col::GovFundTransfer, RowKey::GovFundTransfer),
        ]);
}
