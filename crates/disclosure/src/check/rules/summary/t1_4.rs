//! Rule T1.4: Table 1: state-capital appropriation = own income + transfers

use super::*;

rules! {
    /// ## What it checks
    /// 表1 收入: 3.国有资本经营预算拨款 = 其中 国有资本经营收入 + 上级国有资本经营预算安排转移支付. Exact passes; within half a printed
    /// unit per non-zero part is rounding; more is an error; nothing is checked when all three are
    /// blank. Runs the shared `summary_income` (summary.rs).
    ///
    /// ## Why it must hold
    /// The state-capital appropriation is the budget's own income plus transfers from above.
    /// Applies to the Xinjiang 表1 (Shanghai documents are skipped: F3).
    ///
    /// ## Example
    /// Xinjiang sample, 表1: 3.国有资本经营预算拨款 and both its 其中 rows are blank this year (the 2.06 of 国有资本
    /// money is 结转, counted under T1.7), so there is nothing to add up.
    T1_4 = "T1.4", "表1 国有资本经营预算拨款 = 经营收入 + 上级转移支付", "Table 1: state-capital appropriation = own income + transfers", |c| summary_income(c, "T1.4");
}
