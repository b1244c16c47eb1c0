//! Rule N28: Performance cost caps can cover the budget

use super::*;
use crate::check::tolerance::{self, Verdict};

rules! {
    /// ## What it checks
    /// Each 项目支出绩效目标表: the 成本指标 caps (≤, < or =), each multiplied by the 数量指标 it is per ("万元/个" ×
    /// "=5个"; "/月" × 12), allow at least the 年度预算总额 (at its printed decimals); a ceiling one unit of the
    /// last digit lower is rounding, a lower one a warning. Caps in 元 are
    /// converted to 万元; a table whose cap cannot be matched to a quantity is skipped. The rule's
    /// own logic, `cost_caps` with `cost_ceiling` and `to_wan`, is below.
    ///
    /// ## Why it must hold
    /// The cost indicators bound what the money buys; if the most they allow is below the budget,
    /// either the budget or the indicators are wrong. Applies to project performance tables with
    /// cost indicators.
    ///
    /// ## Example
    /// Xinjiang sample, 绩效表 of 部门专项-为民办实事经费-社区: ≤ 10 万元/个 × 为民办实事社区补助数量 = 5 个 = 50.00 = 年度预算总额
    /// 50.00.
    N28 = "N28", "绩效表成本指标上限足以覆盖年度预算", "Performance cost caps can cover the budget", cost_caps;
}

/// Converts an indicator value in "万元…" or "元…" to 万元.
fn to_wan(value: Decimal, unit: &str) -> Option<Decimal> {
    if unit.starts_with("万元") {
        Some(value)
    } else if unit.starts_with('元') {
        Some(Unit::Yuan.to_wan(value))
    } else {
        None
    }
}

/// The most a table's cost caps allow in all: each cap times the quantity it is per
/// ("≤ 100 元/人/月" × "补助人数 = 7 人" × 12 months). `None` when a cap's quantity cannot be
/// told from the table.
fn cost_ceiling(p: &PerformanceTable) -> Option<(Decimal, Vec<LineNo>)> {
    let costs: Vec<&Indicator> = p
        .indicators
        .iter()
        .filter(|i| i.level1.contains("成本"))
        .collect();
    if costs.is_empty() {
        return None;
    }
    let quantities: Vec<&Indicator> = p
        .indicators
        .iter()
        .filter(|i| i.level2.contains("数量"))
        .collect();
    let mut sum = Decimal::ZERO;
    let mut lines = Vec::new();
    for cost in costs {
        if !matches!(cost.op, Op::Le | Op::Lt | Op::Eq) {
            return None;
        }
        let mut v = to_wan(cost.value, &cost.unit)?;
        lines.extend(cost.lines.iter().copied());
        for per in cost.unit.split('/').skip(1) {
            if per == "月" {
                v = v.checked_mul(Decimal::from(12))?;
                continue;
            }
            let best = quantities
                .iter()
                .filter(|q| q.unit == per && matches!(q.op, Op::Eq | Op::Ge))
                .max_by_key(|q| common_run(&q.name, &cost.name))?;
            v = v.checked_mul(best.value)?;
            lines.extend(best.lines.iter().copied());
        }
        sum = sum.checked_add(v)?;
    }
    Some((sum, lines))
}

/// N28: the cost caps of a project table can cover its annual budget.
fn cost_caps(c: &mut Checker) {
    let doc = c.doc;
    for p in doc
        .performance
        .iter()
        .filter(|p| p.scope == PerformanceScope::Project)
    {
        let (Some(total), Some((ceiling, lines))) = (&p.total, cost_ceiling(p)) else {
            continue;
        };
        // The budget in its unit (万元 unless printed in 元), against the caps at its decimals.
        let unit = total.unit.money().unwrap_or_default();
        if ceiling >= unit.to_wan(total.value) {
            continue;
        }
        let places = total.value.scale().max(2);
        let twice = tolerance::twice(total.value, unit, ceiling, Unit::Wan);
        let (severity, tail_zh, tail_en) = match twice.verdict {
            Verdict::Exact => continue,
            Verdict::Rounding => (
                Severity::Rounding,
                "，只差末位一个单位，是四舍五入造成的尾差",
                ", only by one unit of the last digit, a rounding difference",
            ),
            Verdict::Wrong => (Severity::Warning, "", ""),
        };
        let mut cap =
            tolerance::round(tolerance::in_unit(ceiling, Unit::Wan, unit, places), places);
        cap.rescale(places);
        let (cv, tv) = (
            crate::check::shown(cap, unit, true),
            crate::check::shown(total.value, unit, true),
        );
        let name = table_name(p);
        let f = c.report(
            severity,
            format!("{}：成本指标上限合计只有 {cv}，低于年度预算总额 {tv}{tail_zh}。", name.zh),
            format!("{}: the cost caps allow at most {cv} in all, less than the annual budget of {tv}{tail_en}.", name.en),
        );
        // The budget is printed; the most the caps allow is implied, as the budget is printed.
        f.actual = Some(total.value);
        f.expected = Some(cap);
        f.lines = [lines, vec![total.line]].concat();
    }
}
