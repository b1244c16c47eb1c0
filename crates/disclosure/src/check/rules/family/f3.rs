//! Rule F3: Shanghai templates: income rows add up

use super::*;

rules! {
    /// Shanghai 表1: 收入总计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入 and 财政拨款收入
    /// = 一般公共预算 + 政府性基金 + 国有资本经营预算 (预算); 本年收入合计 = every source (决算,
    /// also 表4). Example: 164,978,640 = 164,978,640 + 0 + 0 + 0 (万里街道 2023).
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
