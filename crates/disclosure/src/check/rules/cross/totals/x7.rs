//! Rule X7: Table 2 state-capital columns = Table 1 rows

use super::*;

rules! {
    /// What: 表2 国有资本经营预算 = 表1 国有资本经营收入; 上级国有资本经营预算转移支付 = 表1 同项.
    /// Why: the same income printed twice. Example: both empty in the sample.
    X7 = "X7", "表2 国有资本经营两列 = 表1 同项", "Table 2 state-capital columns = Table 1 rows",
        |c| income_column(c, &[
            (Col::StateCapital, RowKey::StateCapitalIncome),
            (Col::StateCapitalTransfer, RowKey::StateCapitalTransfer),
        ]);
}
