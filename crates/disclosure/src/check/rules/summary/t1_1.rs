//! Rule T1.1: Table 1: current-year income = its five sources

use super::*;

rules! {
    /// ## What it checks
    /// 表1 (部门收支总体情况表) 收入: 一、本年收入 = 1.一般公共预算拨款 + 2.政府性基金预算拨款 + 3.国有资本经营 预算拨款 + 4.财政专户核拨 + 5.单位资金
    /// (the printed rows). Exact passes; within half a printed unit per non-zero part is rounding;
    /// more is an error. Runs the shared `summary_income` (summary.rs), which reads the identity
    /// from `schema::SUMMARY_INCOME_IDENTITIES`.
    ///
    /// ## Why it must hold
    /// This year's income is exactly the five sources the template lists. The identity is the
    /// Xinjiang 表1's: the Shanghai templates group their income differently and have their own rule
    /// (F3), so they are skipped.
    ///
    /// ## Example
    /// Xinjiang sample, 表1: 本年收入 2,287.86 = 1.一般公共预算拨款 2,287.86 (the other four sources are blank)
    /// — exact.
    T1_1 = "T1.1", "表1 本年收入 = 五项收入之和", "Table 1: current-year income = its five sources", |c| summary_income(c, "T1.1");
}
