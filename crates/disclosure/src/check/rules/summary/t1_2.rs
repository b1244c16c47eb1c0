//! Rule T1.2: Table 1: general-budget appropriation = own funds + transfers

use super::*;

rules! {
    /// ## What it checks
    /// 表1 收入: 1.一般公共预算拨款 = 其中 一般财力 + 上级一般公共预算安排转移支付. Exact passes; within half a printed unit per
    /// non-zero part is rounding; more is an error. Runs the shared `summary_income` (summary.rs).
    ///
    /// ## Why it must hold
    /// The general-budget appropriation is the government's own money plus what the level above
    /// transfers for the purpose. Applies to the Xinjiang 表1 (Shanghai documents are skipped: F3).
    ///
    /// ## Example
    /// Xinjiang sample, 表1: 2,287.86 = 一般财力 2,283.56 + 上级一般公共预算安排转移支付 4.30 (exact).
    T1_2 = "T1.2", "表1 一般公共预算拨款 = 一般财力 + 上级转移支付", "Table 1: general-budget appropriation = own funds + transfers", |c| summary_income(c, "T1.2");
}
