//! Rule T1.5: Table 1: unit funds = its five kinds of income

use super::*;

rules! {
    /// ## What it checks
    /// 表1 收入: 5.单位资金 = 其中 事业收入 + 上级补助收入 + 附属单位上缴收入 + 事业单位经营收入 + 其他收入. Exact passes; within half a
    /// printed unit per non-zero part is rounding; more is an error; nothing is checked when all
    /// are blank. Runs the shared `summary_income` (summary.rs).
    ///
    /// ## Why it must hold
    /// A unit's own funds are exactly these five kinds of income. Applies to the Xinjiang 表1
    /// (Shanghai documents are skipped: F3).
    ///
    /// ## Example
    /// Xinjiang sample, 表1: 5.单位资金 and its five 其中 rows are blank (a 街道办事处 has no income of its
    /// own), so there is nothing to add up.
    T1_5 = "T1.5", "表1 单位资金 = 五项单位收入之和", "Table 1: unit funds = its five kinds of income", |c| summary_income(c, "T1.5");
}
