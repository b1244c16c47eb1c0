//! Rule X33: Project performance table budget = Table 7 project amount

use super::*;

rules! {
    /// ## What it checks
    /// Each 项目支出绩效目标表's 年度预算总额 = its 表7 project's amount (names paired as in X32; variants are not
    /// reported here). A different amount is an error (shared `same`); a table whose project is not
    /// in 表7 is a note. The rule's own logic, `performance_projects` with `no_table_project`, is
    /// below.
    ///
    /// ## Why it must hold
    /// The targets are set for the money budgeted; a table for another amount describes another
    /// project. Applies to templates with 表7 and project performance tables (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 绩效表 of 部门专项-社区党建工作经费 年度预算总额 95.00 = 表7 95.00; all seven tables match
    /// (181.00 in all).
    X33 = "X33", "项目绩效目标表 年度预算总额 = 表7 项目金额", "Project performance table budget = Table 7 project amount", performance_projects;
}

/// X33: each project 绩效目标表's 年度预算总额 = its 表7 amount.
fn performance_projects(c: &mut Checker) {
    let tables: Vec<&PerformanceTable> = c
        .doc
        .performance
        .iter()
        .filter(|p| p.scope == PerformanceScope::Project)
        .collect();
    if tables.is_empty() {
        return;
    }
    let Some(s7) = src(c, TableKind::GeneralProjects, Side::Whole) else {
        return;
    };
    let rows = project_rows(s7.b);
    let left: Vec<&str> = tables
        .iter()
        .map(|p| p.project.as_ref().map_or("", |l| l.value.as_str()))
        .collect();
    let right: Vec<&str> = rows
        .iter()
        .map(|r| r.project.as_deref().unwrap_or_default())
        .collect();
    let base = c.doc.meta.unit;
    for (p, m) in tables.iter().zip(pair(&left, &right)) {
        let name = p.project.as_ref().map_or("", |l| l.value.as_str());
        let Some((j, _)) = m else {
            if !name.is_empty() {
                no_table_project(c, p, name, s7.n());
            }
            continue;
        };
        let Some(amt) = p.total.as_ref().and_then(money) else {
            continue;
        };
        let perf = Val::labelled(
            Label::new(
                format!("项目支出绩效目标表「{name}」年度预算总额"),
                format!("project performance table '{name}', annual budget"),
            ),
            amt,
            base,
            s7.n(),
        );
        same(c, &perf, &s7.val(rows[j], Col::Total));
    }
}

/// A project 绩效目标表 whose project is not in 表7: a note (it may be paid from other money).
fn no_table_project(c: &mut Checker, p: &PerformanceTable, name: &str, n: u8) {
    let f = c.report(
        Severity::Info,
        format!(
            "项目支出绩效目标表「{name}」在表{n}（一般公共预算项目支出）中没有同名项目；若该项目由其他资金安排则无妨。"
        ),
        format!(
            "The project performance table '{name}' has no project of that name in Table {n} (general-budget projects); fine if other money pays for it."
        ),
    );
    f.lines = p.project.iter().map(|l| l.line).collect();
    f.tables = vec![n];
}
