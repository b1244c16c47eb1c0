//! Rule N38: Year-over-year claims outside the chapters whose rules check them

use super::*;

rules! {
    /// ## What it checks
    /// Every "A 万元，比上年增加/减少 Δ 万元，增长/下降 g%" the chapters' rules (N5, N7, N9, N10, N11, N20, N22) do not
    /// take, wherever it stands (一 总体情况, a 五 or 十二 sub-section no rule reads, a text without
    /// chapters), checked as N5 checks them: g = |Δ| / (A − signed Δ), exact or within the rounding
    /// envelope (rounding), else an error; a direction word contradicting the other is an error.
    /// Only a claim whose sentence states its own amount A, the change Δ and the rate g is
    /// judged, or a bare change of X whose chapter states X's 总计 (合计) once ("收入总计 6,955.73
    /// 万元…收入增加 950.05 万元、增长 15.82%": A is that total), each claim once; not one whose amount follows 较 / 比 or names last year ("较2024年的
    /// 2,190万元减少221万元": the amount is the base). Runs the shared `yoy` (narrative.rs) after those rules.
    ///
    /// ## Why it must hold
    /// The rate is arithmetic on the stated change and the current amount, whichever chapter
    /// states them. Applies to every document whose narrative gives year-over-year changes.
    ///
    /// ## Example
    /// Xinjiang sample, 二 (where N5 takes it): 一般公共预算 2,283.56, 增加 239.81: 239.81 / 2,043.75 =
    /// 11.73 % as printed. A 决算's 一 "本年收入 390.55 万元，较上年减少 175.26 万元，下降 21%" is 175.26 /
    /// 565.81 = 30.97 %: an error.
    N38 = "N38", "说明各处：比上年增减及增长率", "Year-over-year claims anywhere in the narrative", |c| {
        let doc = c.doc;
        // An amount after 较 / 比 ("较2024年的2,190万元减少221万元") is the base, not the current figure.
        let base = |subject: &str| ["较", "比", "上年", "去年"].iter().any(|w| subject.contains(w));
        for (i, s) in doc.statements.iter().enumerate() {
            if !s.in_reason
                && (s.value.is_some() || crate::previous::total_base(doc, s).is_some())
                && s.growth.is_some()
                && !base(&s.subject)
                && !c.yoy_taken.contains(&i)
            {
                yoy(c, s);
            }
        }
    };
}
