//! Rule N27: Published performance tables + transfer projects = table 7

use super::*;

rules! {
    /// ## What it checks
    /// 十二（五） says how many 上级转移支付 projects (and how much) publish no 绩效表: published project tables
    /// + those transfer projects = 表7's projects, in count and in 年度预算总额 against 表7 总计 (exact; a
    /// difference is a warning). The rule's own logic, `published`, is below.
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
    let b = t7.main();
    let total7 = b
        .and_then(|b| b.total().map(|r| b.value(r, Col::Total)))
        .unwrap_or_default();
    let published: Decimal = tables
        .iter()
        .filter_map(|p| p.total.as_ref().and_then(in_wan))
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
