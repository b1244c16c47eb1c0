//! Rule P.2: Performance table: weights add up to 100 (or 90)

use super::*;

rules! {
    /// ## What it checks
    /// Each 绩效目标表 (project or department): the 分值权重 of its indicators add up to exactly 100, or to
    /// 90 where the template keeps 10 points for 预算执行率 (the Xinjiang convention); any other sum is
    /// a warning. The rule's own logic, `weights`, is below.
    ///
    /// ## Why it must hold
    /// Weights score the indicators out of a whole; a sum that is neither whole nor the customary
    /// 90 means an indicator or a weight is missing or mistyped. Applies to every performance table
    /// that prints weights.
    ///
    /// ## Example
    /// Xinjiang sample, 部门整体绩效目标表: 20 + 25 + 20 + 25 = 90 (the project tables also sum to 90).
    P2 = "P.2", "绩效表：分值权重之和为 100（或 90）", "Performance table: weights add up to 100 (or 90)", weights;
}

/// P.2: the weights of a table add up to 100, or to 90 where the template keeps 10 points for
/// 预算执行率 (the Xinjiang convention).
fn weights(c: &mut Checker) {
    let doc = c.doc;
    for p in &doc.performance {
        let ws: Vec<(Decimal, LineNo)> = p
            .indicators
            .iter()
            .filter_map(|i| i.weight.map(|w| (w, i.lines.last().copied().unwrap_or(0))))
            .collect();
        if ws.is_empty() {
            continue;
        }
        let sum: Decimal = ws.iter().map(|w| w.0).sum();
        if sum == Decimal::from(100) || sum == Decimal::from(90) {
            continue;
        }
        let name = table_name(p);
        let f = c.report(
            Severity::Warning,
            format!("{}：各指标分值权重之和为 {sum}，既不是 100，也不是 90（预留 10 分给预算执行率）。", name.zh),
            format!("{}: the indicator weights add up to {sum}, neither 100 nor 90 (10 kept for budget execution).", name.en),
        );
        f.actual = Some(sum);
        f.lines = ws.iter().map(|w| w.1).collect();
    }
}
