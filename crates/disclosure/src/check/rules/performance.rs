//! The 绩效目标表 (rules.md §1 "Performance tables", P.1–P.3, N27, N28).

use rust_decimal::Decimal;

use super::{common_run, Amt, Label};
use crate::check::{Checker, Severity};
use crate::format::amount;
use crate::model::*;

fn table_name(p: &PerformanceTable) -> Label {
    match &p.project {
        Some(name) => Label::new(
            format!("项目支出绩效目标表「{}」", name.value),
            format!("performance table of '{}'", name.value),
        ),
        None => Label::new(
            "部门整体绩效目标表",
            "the department-wide performance table",
        ),
    }
}

fn amt(q: &Option<Quantity>) -> Option<Amt> {
    q.as_ref().map(|q| Amt::at(q.value, q.line))
}

/// P.1: 年度预算总额 = 财政拨款 + 其他资金, in every project table.
fn funds(c: &mut Checker) {
    let doc = c.doc;
    for p in doc
        .performance
        .iter()
        .filter(|p| p.scope == PerformanceScope::Project)
    {
        let (Some(total), Some(fiscal)) = (amt(&p.total), amt(&p.fiscal)) else {
            continue;
        };
        let parts: Vec<Amt> = [Some(fiscal), amt(&p.other)]
            .into_iter()
            .flatten()
            .collect();
        let name = table_name(p);
        let what = Label::new(
            format!("{}：年度预算总额 = 财政拨款 + 其他资金", name.zh),
            format!("{}: annual budget = appropriation + other funds", name.en),
        );
        c.sum(&what, &total, &parts, &[]);
    }
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

/// P.3: 部门整体: 上级安排 + 本级安排 + 其他 = 资金总额, when the total is printed.
fn department_funds(c: &mut Checker) {
    let doc = c.doc;
    for p in doc
        .performance
        .iter()
        .filter(|p| p.scope == PerformanceScope::Department)
    {
        let Some(total) = amt(&p.total) else { continue };
        let parts: Vec<Amt> = [amt(&p.superior), amt(&p.local), amt(&p.other)]
            .into_iter()
            .flatten()
            .collect();
        if parts.is_empty() {
            continue;
        }
        let what = Label::new(
            "部门整体绩效目标表：上级安排 + 本级安排 + 其他 = 资金总额",
            "Department performance table: superior + own + other = total funds",
        );
        c.sum(&what, &total, &parts, &[]);
    }
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
        if ceiling >= total.value {
            continue;
        }
        let name = table_name(p);
        let f = c.report(
            Severity::Warning,
            format!("{}：成本指标上限合计只有 {} 万元，低于年度预算总额 {} 万元。", name.zh, amount(ceiling), amount(total.value)),
            format!("{}: the cost caps allow at most {} 万元 in all, less than the annual budget of {} 万元.", name.en, amount(ceiling), amount(total.value)),
        );
        f.expected = Some(total.value);
        f.actual = Some(ceiling);
        f.lines = [lines, vec![total.line]].concat();
    }
}

/// N27: the project tables published plus the transfer projects excluded (十二（五）) are the
/// projects of 表7, in count and amount.
fn published(c: &mut Checker) {
    let doc = c.doc;
    let tables: Vec<&PerformanceTable> = doc
        .performance
        .iter()
        .filter(|p| p.scope == PerformanceScope::Project)
        .collect();
    if tables.is_empty() {
        return;
    }
    let Some(t7) = c.table(TableKind::GeneralProjects) else {
        return;
    };
    let find = |count: bool| {
        doc.statements.iter().find(|s| {
            s.section.chapter == 12
                && s.subject.contains("转移支付项目")
                && s.value
                    .as_ref()
                    .is_some_and(|q| matches!(q.unit, QUnit::Count(_)) == count)
        })
    };
    let (Some(n_tr), Some(a_tr)) = (find(true), find(false)) else {
        return;
    };
    let (Some(n), Some(a)) = (&n_tr.value, &a_tr.value) else {
        return;
    };
    let projects = t7.rows().filter(|r| r.kind == RowKind::Project).count();
    let b = t7.main();
    let total7 = b
        .and_then(|b| b.total().map(|r| b.value(r, Col::Total)))
        .unwrap_or_default();
    let published: Decimal = tables
        .iter()
        .filter_map(|p| p.total.as_ref().map(|q| q.value))
        .sum();
    let count = Decimal::from(tables.len()) + n.value;
    let money = published + a.value;
    if count != Decimal::from(projects) || money != total7 {
        let f = c.report(
            Severity::Warning,
            format!(
                "公开的项目绩效目标表 {} 张（合计 {} 万元）加上不公开的转移支付项目 {} 个（{} 万元），应等于表{}的 {} 个项目（{} 万元）。",
                tables.len(),
                amount(published),
                n.value,
                amount(a.value),
                t7.number,
                projects,
                amount(total7)
            ),
            format!(
                "The {} project performance tables ({} 万元) plus the {} transfer projects not published ({} 万元) should be table {}'s {} projects ({} 万元).",
                tables.len(),
                amount(published),
                n.value,
                amount(a.value),
                t7.number,
                projects,
                amount(total7)
            ),
        );
        f.expected = Some(total7);
        f.actual = Some(money);
        f.lines = [
            n_tr.lines.clone(),
            a_tr.lines.clone(),
            tables
                .iter()
                .filter_map(|p| p.total.as_ref().map(|q| q.line))
                .collect(),
        ]
        .concat();
        f.tables = vec![t7.number];
    }
}

// The rules, each in its own file under `performance/`.
mod n27;
mod n28;
mod p1;
mod p2;
mod p3;

pub use n27::N27;
pub use n28::N28;
pub use p1::P1;
pub use p2::P2;
pub use p3::P3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_runs() {
        assert_eq!(
            common_run("中级社会工作者补助标准", "中级社会工作者补助人数"),
            9
        );
        assert_eq!(
            common_run("中级社会工作者补助标准", "初级社会工作者补助人数"),
            8
        );
        assert_eq!(common_run("", "abc"), 0);
    }
}
