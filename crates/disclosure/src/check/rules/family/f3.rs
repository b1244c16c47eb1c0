//! Rule F3: Shanghai templates: income rows add up

use super::*;

rules! {
    /// ## What it checks
    /// Shanghai templates, 收入 rows of 表1: in a budget (财务收支预算总表), 收入总计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 +
    /// 其他收入 and 财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营预算; in a 决算 (收入支出决算总表, and 表4), 本年收入合计 = every
    /// printed source. Exact passes; within half a printed unit per amount is rounding; more is an
    /// error; nothing is checked when the total is not printed or all are zero. The rule's own
    /// logic, `shanghai_income`, is below; it calls the shared `rows_add_up` (family.rs).
    ///
    /// ## Why it must hold
    /// The income total is the sum of the sources the template lists. Applies only to the Shanghai
    /// family: the Xinjiang 表1 has its own identities (T1.1–T1.9).
    ///
    /// ## Example
    /// Shanghai 万里街道 2023 budget, 表1 (元): 收入总计 164,978,640 = 财政拨款收入 164,978,640 (the others blank),
    /// and 财政拨款收入 = 一般公共预算 164,978,640. Shanghai 普陀区财政局 2024 决算, 表1 (万元): 本年收入合计 2,946.25 =
    /// 一般公共预算财政拨款收入 2,940.05 + 其他收入 6.20.
    F3 = "F3", "上海模板：收入各项之和", "Shanghai templates: income rows add up", shanghai_income;
}

/// F3: the Shanghai 收入 rows of 表1 (and the 决算's 表4) add up.
fn shanghai_income(c: &mut Checker) {
    let doc = c.doc;
    if doc.meta.family != Family::Shanghai {
        return;
    }
    use RowKey::*;
    if let Some(t) = doc.table(TableKind::Summary) {
        if let Some(b) = t.block(Side::Income) {
            // 预算: 收入总计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入, and
            // 财政拨款收入 = its three budgets.
            if b.keyed(FiscalAppropriation).is_some() {
                rows_add_up(
                    c,
                    t,
                    b,
                    Col::Amount,
                    IncomeTotal,
                    &[
                        FiscalAppropriation,
                        BusinessIncome,
                        OperatingIncome,
                        OtherIncome,
                    ],
                );
                rows_add_up(
                    c,
                    t,
                    b,
                    Col::Amount,
                    FiscalAppropriation,
                    &[GeneralBudget, GovFund, StateCapital],
                );
            }
            // 决算: 本年收入合计 = every source.
            rows_add_up(
                c,
                t,
                b,
                Col::Amount,
                CurrentIncome,
                &[
                    GeneralBudget,
                    GovFund,
                    StateCapital,
                    SuperiorSubsidy,
                    BusinessIncome,
                    OperatingIncome,
                    AffiliatedIncome,
                    OtherIncome,
                ],
            );
        }
    }
    if let Some(t) = doc.table(TableKind::FiscalSummary) {
        if let Some(b) = t.block(Side::Income) {
            rows_add_up(
                c,
                t,
                b,
                Col::Amount,
                CurrentIncome,
                &[GeneralBudget, GovFund, StateCapital],
            );
        }
    }
}
