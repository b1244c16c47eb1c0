//! Rule N13: Project amounts cited in explanations = table 7

use super::*;
use crate::check::rules::narrative::why_differ;
use crate::check::tolerance::{self, Verdict};

rules! {
    /// ## What it checks
    /// A reason in 第三部分 二, 三 or 五 that cites a project by name with an amount in 万元 ("将社区党建工作经费
    /// 95.00 万元…") gives 表7's 项目支出合计 for the one 表7 project whose name (without "部门专项-", "新增", "将")
    /// contains it or is contained in it; names under 4 characters and ambiguous matches are
    /// skipped. The amount is compared with the table's in its unit at the coarser printing's
    /// decimals: one unit of the last digit apart is rounding, more is an error. The rule's own logic, `reasons_cite_projects`, is
    /// below; it uses the shared `core_name` (narrative_projects.rs).
    ///
    /// ## Why it must hold
    /// The reasons are where a reader learns what changed and why; a project amount there is the
    /// same quantity as in 表7. Applies to documents with 表7 (Xinjiang template).
    ///
    /// ## Example
    /// Xinjiang sample, 三: "将社区党建工作经费 95.00 万元…从基本支出列入项目支出" = 表7 部门专项-社区党建工作经费 95.00 (exact).
    N13 = "N13", "说明中引用的项目金额 = 表7", "Project amounts cited in explanations = table 7",
        reasons_cite_projects;
}

/// N13: an explanation (二, 三, 五) that cites a project by name and amount must give 表7's
/// amount for it. Only names that identify one project (the cited name is part of one
/// project's name, or the other way round) are compared.
fn reasons_cite_projects(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = doc.table(TableKind::GeneralProjects) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let projects: Vec<(&Row, String)> = b
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Project)
        .filter_map(|r| Some((r, core_name(r.project.as_deref()?))))
        .collect();
    for s in doc
        .statements
        .iter()
        .filter(|s| s.in_reason && s.section.part == 3 && matches!(s.section.chapter, 2 | 3 | 5))
    {
        let Some(q) = s.value.as_ref().filter(|q| q.unit == QUnit::Wan) else {
            continue;
        };
        let name = core_name(&s.subject);
        if name.chars().count() < 4 {
            continue;
        }
        let hits: Vec<&(&Row, String)> = projects
            .iter()
            .filter(|(_, p)| p.contains(name.as_str()) || name.contains(p.as_str()))
            .collect();
        let [(row, _)] = hits.as_slice() else {
            continue;
        };
        let printed = b.value(row, Col::Total);
        // The claim in 万元 against the table in its unit, at the coarser printing's decimals.
        let twice = tolerance::twice(q.value, Unit::Wan, printed, t.unit);
        if twice.verdict == Verdict::Exact {
            continue;
        }
        let (severity, tail_zh, tail_en) = why_differ(&twice, t.unit != Unit::Wan);
        let sl = statement_label(s);
        let project = row.project.clone().unwrap_or_default();
        let f = c.report(
            severity,
            format!(
                "{}：说明中称「{}」为 {} 万元，表{}列该项目为 {} {}：{tail_zh}。",
                sl.zh,
                s.subject,
                amount(q.value),
                t.number,
                amount(printed),
                t.unit.label()
            ),
            format!(
                "{}: the explanation gives '{}' as {} 万元; table {} prints the project '{}' as {} {}: {tail_en}.",
                sl.en,
                s.subject,
                amount(q.value),
                t.number,
                project,
                amount(printed),
                t.unit.label()
            ),
        );
        crate::check::rules::narrative::expect_in(f, printed, t.unit, Unit::Wan, q.value.scale());
        f.actual = Some(q.value);
        f.lines = [s.lines.clone(), row.lines.clone()].concat();
        f.tables = vec![t.number];
    }
}
