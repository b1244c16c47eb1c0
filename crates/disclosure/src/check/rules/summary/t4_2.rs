//! Rule T4.2: Table 4: income total = appropriations

use super::*;

rules! {
    /// 表4 收入总计 = 财政拨款（补助） (this template has no 上年结转 row).
    T4_2 = "T4.2", "表4 收入总计 = 财政拨款（补助）", "Table 4: income total = appropriations",
        |c| labelled_sum(c, TableKind::FiscalSummary, Side::Income, Col::Amount, &RowIdentity {
            total: RowKey::IncomeTotal,
            parts: &[RowKey::FiscalAppropriation],
        });
}
