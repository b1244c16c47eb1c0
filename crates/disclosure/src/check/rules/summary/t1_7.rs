//! Rule T1.7: Table 1: appropriation carry-over = its three budgets

use super::*;

rules! {
    /// ## What it checks
    /// 表1 收入: 1、财政拨款结转 = 其中 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款. Exact passes; within half a printed
    /// unit per non-zero part is rounding; more is an error. Runs the shared `summary_income`
    /// (summary.rs).
    ///
    /// ## Why it must hold
    /// Appropriated carry-over comes from exactly these three budgets. Applies to the Xinjiang 表1
    /// (Shanghai documents are skipped: F3).
    ///
    /// ## Example
    /// Xinjiang sample, 表1: 财政拨款结转 12.66 = 一般公共预算拨款 10.60 + 国有资本经营预算拨款 2.06 (exact).
    T1_7 = "T1.7", "表1 财政拨款结转 = 三种预算的结转之和", "Table 1: appropriation carry-over = its three budgets", |c| summary_income(c, "T1.7");
}
