//! Rule X6: Table 2 government-fund columns = Table 1 rows

use super::*;

rules! {
    /// ## What it checks
    /// 表2 政府性基金预算 总计 = 表1 政府性基金收入, and 表2 上级政府性基金转移支付 总计 = 表1 上级政府性基金安排转移支付. Same quantity: a gap of one unit of the last printed digit is
    /// rounding, more is an error; a pair not printed on both sides is skipped. Runs the shared
    /// `income_column` (cross/totals.rs).
    ///
    /// ## Why it must hold
    /// The same income is printed twice. Applies to templates that print both (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: both columns of 表2 and both rows of 表1 are blank (no government-fund
    /// money), so nothing differs.
    X6 = "X6", "表2 政府性基金两列 = 表1 同项", "Table 2 government-fund columns = Table 1 rows",
        |c| income_column(c, &[
            (Col::GovFund, RowKey::GovFundIncome),
            (Col::GovFundTransfer, RowKey::GovFundTransfer),
        ]);
}
