//! Rule N5: Section 二: income year-over-year claims

use super::*;

rules! {
    /// ## What it checks
    /// 二: each "比上年增加/减少 Δ，增长/下降 g%" claim: g = |Δ| / (current − signed Δ), exact or within the
    /// rounding envelope (rounding), else an error; a direction word contradicting the other is an
    /// error; from a prior of zero, "100.00%" is a note and any other rate a warning. Runs the
    /// shared `yoy_in` (narrative.rs) on chapter 二.
    ///
    /// ## Why it must hold
    /// The rate is arithmetic on the stated change and the current amount (the prior is what they
    /// imply). Applies to documents whose income chapter gives year-over-year changes.
    ///
    /// ## Example
    /// Xinjiang sample, 二: 一般公共预算 2,283.56, 增加 239.81: 239.81 / 2,043.75 = 11.73 % as printed;
    /// 上级转移支付 4.30 from 0 "增长 100.00%" is noted as the customary wording.
    N5 = "N5", "说明二：收入比上年增减及增长率", "Section 二: income year-over-year claims", |c| yoy_in(c, 2, 0);
}
