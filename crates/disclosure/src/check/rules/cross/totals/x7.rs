//! Rule X7: Table 2 state-capital columns = Table 1 rows

use super::*;

rules! {
    /// ## What it checks
    /// 表2 国有资本经营预算 总计 = 表1 国有资本经营收入, and 表2 上级国有资本经营预算转移支付 总计 = 表1 上级国有资本经营 预算安排转移支付. Same
    /// quantity: a gap of one unit of the last printed digit is rounding, more is an error; a pair not printed on both sides is skipped. Runs the
    /// shared `income_column` (cross/totals.rs).
    ///
    /// ## Why it must hold
    /// The same income is printed twice. Applies to templates that print both (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: this year's 国有资本 income is blank in both tables (its 2.06 is 结转, compared
    /// by X9), so nothing differs.
    X7 = "X7", "表2 国有资本经营两列 = 表1 同项", "Table 2 state-capital columns = Table 1 rows",
        |c| income_column(c, &[
            (Col::StateCapital, RowKey::StateCapitalIncome),
            (Col::StateCapitalTransfer, RowKey::StateCapitalTransfer),
        ]);
}
