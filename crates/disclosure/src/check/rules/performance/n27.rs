//! Rule N27: Published performance tables + transfer projects = table 7

use super::*;
use crate::check::tolerance::{self, Verdict};

rules! {
    /// ## What it checks
    /// 十二（五） says how many 上级转移支付 projects (and how much) publish no 绩效表: published project tables
    /// + those transfer projects = 表7's projects, in count (exactly) and in 年度预算总额 against 表7 总计
    /// (each amount in its unit, within the rounding of the amounts added; a difference beyond
    /// it is a warning). The rule's own logic, `published`, is below.
    ///
    /// ## Why it must hold
    /// Every 表7 project either has a published 绩效目标表 or is named as excluded (中发〔2018〕34号 asks for
    /// targets with the budget). Applies to documents with 表7, project performance tables and the
    /// 十二（五） statement (Xinjiang template).
    ///
    /// ## Example
    /// Xinjiang sample: 7 tables (0.84 + 95.00 + 10.32 + 1.54 + 23.00 + 50.00 + 0.30 = 181.00) + 2
    /// transfer projects (4.30) = 9 projects and 185.30, as in 表7.
    N27 = "N27", "公开的项目绩效表 + 转移支付项目 = 表7 项目", "Published performance tables + transfer projects = table 7", published;
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
    let total_row = t7.main().and_then(|b| Some((b, b.total()?)));
    let total7 = total_row.map_or(
        Amt::implied(Decimal::ZERO, t7.unit, Vec::new()),
        |(b, r)| Amt::cell(t7, b, r, Col::Total),
    );
    // Every amount in its own unit (万元 unless printed in 元).
    let parts: Vec<Amt> = tables
        .iter()
        .filter_map(|p| p.total.as_ref())
        .chain([a])
        .map(|q| Amt::at(q.value, q.unit.money().unwrap_or_default(), q.line))
        .collect();
    let published: Decimal = parts[..parts.len() - 1]
        .iter()
        .map(|p| p.in_unit(Unit::Wan))
        .sum();
    let count = Decimal::from(tables.len()) + n.value;
    let money: Decimal = parts.iter().map(|p| p.in_unit(Unit::Wan)).sum();
    let places =
        tolerance::common_places(parts.iter().chain([&total7]).map(|p| (&p.value, p.unit)));
    let verdict = tolerance::sum(
        tolerance::round(total7.in_unit(Unit::Wan), places),
        tolerance::round(money, places),
        parts.iter().filter(|p| !p.value.is_zero()).count(),
        Decimal::new(5, places + 1),
    );
    let counted = count == Decimal::from(projects);
    let severity = match (counted, verdict) {
        (true, Verdict::Exact) => return,
        (true, Verdict::Rounding) => Severity::Rounding,
        _ => Severity::Warning,
    };
    let t7v = crate::check::shown(total7.value, total7.unit, true);
    let av = crate::check::shown(a.value, a.unit.money().unwrap_or_default(), true);
    let (tail_zh, tail_en) = if severity == Severity::Rounding {
        (
            "；金额之差在各数四舍五入的尾差范围内",
            "; the amounts differ only within the rounding of the amounts added",
        )
    } else {
        ("", "")
    };
    {
        let f = c.report(
            severity,
            format!(
                "公开的项目绩效目标表 {} 张（合计 {} 万元）加上不公开的转移支付项目 {} 个（{av}），应等于表{}的 {} 个项目（{t7v}）{tail_zh}。",
                tables.len(),
                amount(published),
                n.value,
                t7.number,
                projects,
            ),
            format!(
                "The {} project performance tables ({} 万元) plus the {} transfer projects not published ({av}) should be table {}'s {} projects ({t7v}){tail_en}.",
                tables.len(),
                amount(published),
                n.value,
                t7.number,
                projects,
            ),
        );
        // 表7's total is printed; what the tables and the transfers add up to is implied.
        f.actual = total7.actual();
        f.expected = Some(tolerance::round(
            tolerance::in_unit(money, Unit::Wan, total7.unit, 2),
            2,
        ));
        f.lines = [
            n_tr.lines.clone(),
            a_tr.lines.clone(),
            tables
                .iter()
                .filter_map(|p| p.total.as_ref().map(|q| q.line))
                .collect(),
            total7.lines.clone(),
        ]
        .concat();
        f.tables = vec![t7.number];
    }
}
