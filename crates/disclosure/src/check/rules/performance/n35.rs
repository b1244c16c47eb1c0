//! Rule N35: The projects said to have performance targets = the published tables

use super::*;
use crate::check::rules::narrative::statement_label;
use crate::check::tolerance;

rules! {
    /// ## What it checks
    /// A sentence that counts the projects with performance targets and gives their money ("编报绩效目标
    /// 的项目5个，涉及项目预算资金3328.13万元": a count whose subject names 绩效目标 and 项目, not 整体, and the
    /// money statement right after it), when the document publishes exactly that many project
    /// performance tables and each prints its year's total (年度预算总额 / 年度资金申请总额): the money
    /// stated must be the tables' sum, converted to the sentence's unit, within its rounding (and the
    /// tables', when they are rounded too). A difference is a warning: that the published tables are
    /// the projects counted is read from the counts agreeing. Counts that differ are not judged (N26
    /// and N27 compare them with 表7). The rule's own logic, `targets_total`, is below.
    ///
    /// ## Why it must hold
    /// The sentence summarises the tables that follow it; a total that no set of them gives means a
    /// table or the sentence is wrong. Applies to every document that states the count and amount
    /// of its projects' targets and publishes their tables.
    ///
    /// ## Example
    /// Shanghai 万里街道 2023, 四: "编报绩效目标的项目5个，涉及项目预算资金3328.13万元", while its five 财政项目支出绩效目标填报表 give
    /// 4,100,000 + 6,351,000 + 4,563,800 + 7,595,500 + 10,903,043 = 33,513,343 元 = 3,351.33 万元 (a warning: 23.20
    /// 万元 apart).
    N35 = "N35", "绩效目标项目个数与金额 = 公开的项目绩效表", "The projects said to have performance targets = the published tables", targets_total;
}

/// N35: the stated count and money of projects with targets against the published tables.
fn targets_total(c: &mut Checker) {
    let doc = c.doc;
    let tables: Vec<&PerformanceTable> = doc
        .performance
        .iter()
        .filter(|p| p.scope == PerformanceScope::Project)
        .collect();
    if tables.is_empty() {
        return;
    }
    let Some(totals) = tables
        .iter()
        .map(|p| p.total.as_ref())
        .collect::<Option<Vec<&Quantity>>>()
    else {
        return;
    };
    let Some(wan) = totals
        .iter()
        .map(|q| in_wan(q))
        .collect::<Option<Vec<Decimal>>>()
    else {
        return;
    };
    let st = &doc.statements;
    for (i, s) in st.iter().enumerate() {
        let counted = !s.in_reason
            && s.subject.contains("绩效目标")
            && s.subject.contains("项目")
            && !s.subject.contains("整体")
            && s.value
                .as_ref()
                .is_some_and(|q| matches!(&q.unit, QUnit::Count(w) if w == "个" || w == "项"));
        if !counted {
            continue;
        }
        let n = s.value.as_ref().map(|q| q.value).unwrap_or_default();
        if n != Decimal::from(tables.len()) {
            continue;
        }
        let Some(m) = st
            .get(i + 1)
            .filter(|m| m.section == s.section && !m.in_reason)
        else {
            continue;
        };
        let Some(q) = m.value.as_ref() else { continue };
        let Some(unit) = q.unit.money() else { continue };
        let sum_wan: Decimal = wan.iter().sum();
        let sum = match unit {
            Unit::Wan => sum_wan,
            Unit::Yuan => sum_wan * Decimal::from(10_000),
        };
        // The stated amount's rounding, and the tables' own when printed in the same or a coarser
        // unit.
        let tables_half: Decimal = totals
            .iter()
            .map(|t| {
                let h = tolerance::half_unit(t.value);
                match (t.unit.money(), unit) {
                    (Some(Unit::Yuan), Unit::Wan) => Unit::Yuan.to_wan(h),
                    (Some(Unit::Wan), Unit::Yuan) => h * Decimal::from(10_000),
                    _ => h,
                }
            })
            .sum();
        let tol = tolerance::half_unit(q.value) + tables_half;
        if (q.value - sum).abs() <= tol {
            continue;
        }
        let shown = tolerance::round(sum, q.value.scale());
        let parts: Vec<String> = totals.iter().map(|t| amount(t.value)).collect();
        let table_unit = totals
            .first()
            .and_then(|t| t.unit.money())
            .map_or("", |u| u.label());
        let sl = statement_label(m);
        let f = c.report(
            Severity::Warning,
            format!(
                "{}：说编报绩效目标的项目 {n} 个，涉及 {} {}；而公开的 {n} 张项目绩效目标表的年度金额为 {}（{table_unit}），合计 {} {}，相差 {} {}。",
                sl.zh,
                amount(q.value),
                unit.label(),
                parts.join(" + "),
                amount(shown),
                unit.label(),
                amount(q.value - shown),
                unit.label()
            ),
            format!(
                "{}: {n} projects with targets, {} {} in all; but the {n} published project performance tables give {} ({table_unit}), {} {} in all, {} {} apart.",
                sl.en,
                amount(q.value),
                unit.label(),
                parts.join(" + "),
                amount(shown),
                unit.label(),
                amount(q.value - shown),
                unit.label()
            ),
        );
        f.expected = Some(shown);
        f.actual = Some(q.value);
        f.lines = [s.lines.clone(), m.lines.clone()].concat();
        f.lines.extend(totals.iter().map(|t| t.line));
    }
}
