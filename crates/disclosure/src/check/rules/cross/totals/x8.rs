//! Rule X8: Table 2 special account and unit funds = Table 1 rows

use super::*;

rules! {
    /// What: 表2 财政专户 = 表1 4.财政专户核拨; 表2 单位资金 = 表1 5.单位资金.
    /// Why: the same income printed twice. Example: both empty in the sample.
    X8 = "X8", "表2 财政专户、单位资金 = 表1 同项", "Table 2 special account and unit funds = Table 1 rows",
        |c| income_column(c, &[
            (Col::SpecialAccount, RowKey::SpecialAccount),
            (Col::UnitFunds, RowKey::UnitFunds),
        ]);
}
