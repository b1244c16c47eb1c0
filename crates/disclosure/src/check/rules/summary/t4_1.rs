//! Rule T4.1: Table 4: appropriations = the three budgets

use super::*;

rules! {
    /// ## What it checks
    /// 表4 (财政拨款收支预算总体情况表) 收入: 一、财政拨款（补助） = 一般公共预算 + 政府性基金预算 + 国有资本经营 预算 (the printed rows). Exact
    /// passes; within half a printed unit per non-zero part is rounding; more is an error; nothing
    /// is checked when the total row is absent or all are blank. Runs the shared `labelled_sum`
    /// (summary.rs).
    ///
    /// ## Why it must hold
    /// Appropriations come from exactly these three budgets. Applies to every template whose 表4
    /// prints the 财政拨款（补助） row (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample, 表4: 财政拨款（补助） 2,287.86 = 一般公共预算 2,287.86 (the other two are blank) — exact.
    T4_1 = "T4.1", "表4 财政拨款（补助）= 三种预算之和", "Table 4: appropriations = the three budgets",
        |c| labelled_sum(c, TableKind::FiscalSummary, Side::Income, Col::Amount, &RowIdentity {
            total: RowKey::FiscalAppropriation,
            parts: &[RowKey::GeneralBudget, RowKey::GovFund, RowKey::StateCapital],
        });
}
