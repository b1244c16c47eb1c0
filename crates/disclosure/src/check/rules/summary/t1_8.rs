//! Rule T1.8: Table 1: other carry-over = special account + unit funds

use super::*;

rules! {
    /// ## What it checks
    /// 表1 收入: 2、非财政拨款结转结余 = 其中 财政专户核拨 + 单位资金. Exact passes; within half a printed unit per non-zero
    /// part is rounding; more is an error; nothing is checked when all three are blank. Runs the
    /// shared `summary_income` (summary.rs).
    ///
    /// ## Why it must hold
    /// Non-appropriated carry-over is either special-account money or the unit's own. Applies to
    /// the Xinjiang 表1 (Shanghai documents are skipped: F3).
    ///
    /// ## Example
    /// Xinjiang sample, 表1: 非财政拨款结转结余, 财政专户核拨 and 单位资金 are blank under 二 (all 12.66 of carry-over
    /// is 财政拨款), so there is nothing to add up.
    T1_8 = "T1.8", "表1 非财政拨款结转结余 = 财政专户 + 单位资金", "Table 1: other carry-over = special account + unit funds", |c| summary_income(c, "T1.8");
}
