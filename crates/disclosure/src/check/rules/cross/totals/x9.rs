//! Rule X9: Table 2 carry-over columns = Table 1 carry-over rows

use super::*;

rules! {
    /// What: 表2 财政拨款结转 = 表1 1、财政拨款结转; 表2 非财政拨款结转结余 = 表1 2、同项.
    /// Why: the same carry-over printed twice. Example: 12.66 and 0.
    X9 = "X9", "表2 结转两列 = 表1 结转两行", "Table 2 carry-over columns = Table 1 carry-over rows",
        |c| income_column(c, &[
            (Col::FiscalCarryover, RowKey::FiscalCarryover),
            (Col::NonFiscalCarryover, RowKey::NonFiscalCarryover),
        ]);
}
