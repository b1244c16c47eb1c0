//! Rule F1: Final accounts: opening balance + income = spending + closing balance

use super::*;

rules! {
    /// 决算: 年初结转和结余 + 本年收入合计 = 本年支出合计 + 年末结转和结余, each 总计 is the sum of
    /// its side, and the 年初财政拨款结转和结余 is the sum of its budgets (收入支出决算总表,
    /// 财政拨款收入支出决算总表; row by row in the fund tables). 总计 = 总计 is T1.11 / T4.5.
    /// Why: money carried in plus money received is money spent plus money carried out.
    /// Example: 49.14 + 2,946.25 = 2,940.05 + 55.34 = 2,995.39 (上海市普陀区财政局 2024).
    F1 = "F1", "决算：年初结转结余 + 本年收入 = 本年支出 + 年末结转结余", "Final accounts: opening balance + income = spending + closing balance",
        |c| {
            final_balance(c, TableKind::Summary);
            final_balance(c, TableKind::FiscalSummary);
            fund_rows(c, TableKind::GovFund);
            fund_rows(c, TableKind::StateCapital);
        };
}
