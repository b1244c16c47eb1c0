//! Rule T1.3: Table 1: government-fund appropriation = fund income + transfers

use super::*;

rules! {
    /// ## What it checks
    /// 表1 收入: 2.政府性基金预算拨款 = 其中 政府性基金收入 + 上级政府性基金安排转移支付. Exact passes; within half a printed unit
    /// per non-zero part is rounding; more is an error; nothing is checked when all three are
    /// blank. Runs the shared `summary_income` (summary.rs).
    ///
    /// ## Why it must hold
    /// The government-fund appropriation is the fund's own income plus transfers from above.
    /// Applies to the Xinjiang 表1 (Shanghai documents are skipped: F3).
    ///
    /// ## Example
    /// Xinjiang sample, 表1: 2.政府性基金预算拨款, 政府性基金收入 and 上级政府性基金安排转移支付 are all blank (the unit has no
    /// government-fund money), so there is nothing to add up.
    T1_3 = "T1.3", "表1 政府性基金预算拨款 = 基金收入 + 上级转移支付", "Table 1: government-fund appropriation = fund income + transfers", |c| summary_income(c, "T1.3");
}
