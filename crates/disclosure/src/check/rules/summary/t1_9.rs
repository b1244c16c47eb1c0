//! Rule T1.9: Table 1: income total = current income + carry-over

use super::*;

rules! {
    /// ## What it checks
    /// 表1 收入: 收入总计 = 一、本年收入 + 二、上年结转结余. Exact passes; within half a printed unit per non-zero part
    /// is rounding; more is an error. Runs the shared `summary_income` (summary.rs).
    ///
    /// ## Why it must hold
    /// What can be spent this year is this year's income plus what was carried over. Applies to the
    /// Xinjiang 表1 (Shanghai documents are skipped: F3).
    ///
    /// ## Example
    /// Xinjiang sample, 表1: 收入总计 2,300.52 = 本年收入 2,287.86 + 上年结转结余 12.66 (exact).
    T1_9 = "T1.9", "表1 收入总计 = 本年收入 + 上年结转结余", "Table 1: income total = current income + carry-over", |c| summary_income(c, "T1.9");
}
