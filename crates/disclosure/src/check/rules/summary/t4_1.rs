//! Rule T4.1: Table 4: appropriations = the three budgets

use super::*;

rules! {
    /// 表4 财政拨款（补助） = 一般公共预算 + 政府性基金预算 + 国有资本经营预算.
    T4_1 = "T4.1", "表4 财政拨款（补助）= 三种预算之和", "Table 4: appropriations = the three budgets",
        |c| labelled_sum(c, TableKind::FiscalSummary, Side::Income, Col::Amount, &RowIdentity {
            total: RowKey::FiscalAppropriation,
            parts: &[RowKey::GeneralBudget, RowKey::GovFund, RowKey::StateCapital],
        });
}
