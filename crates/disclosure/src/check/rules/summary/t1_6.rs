//! Rule T1.6: Table 1: carry-over = appropriation carry-over + other carry-over

use super::*;

rules! {
    /// ## What it checks
    /// 表1 收入: 二、上年结转结余 = 1、财政拨款结转 + 2、非财政拨款结转结余. Exact passes; within half a printed unit per
    /// non-zero part is rounding; more is an error. Runs the shared `summary_income` (summary.rs).
    ///
    /// ## Why it must hold
    /// Money carried over from last year is either appropriated money or not. Applies to the
    /// Xinjiang 表1 (Shanghai documents are skipped: F3).
    ///
    /// ## Example
    /// Xinjiang sample, 表1: 上年结转结余 12.66 = 财政拨款结转 12.66 + 非财政拨款结转结余 (blank) — exact.
    T1_6 = "T1.6", "表1 上年结转结余 = 财政拨款结转 + 非财政拨款结转结余", "Table 1: carry-over = appropriation carry-over + other carry-over", |c| summary_income(c, "T1.6");
}
