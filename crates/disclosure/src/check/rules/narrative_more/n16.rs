//! Rule N16: Section 七: number of projects = table 7

use super::*;

rules! {
    /// ## What it checks
    /// 七: as many project descriptions ("（一）项目名称：…") as 表7 has project rows; a different count is
    /// an error. The rule's own logic, `project_count`, is below.
    ///
    /// ## Why it must hold
    /// 七 describes every project of 表7, one by one (X32 compares the lists). Applies to documents
    /// with 表7 (Xinjiang budgets).
    ///
    /// ## Example
    /// Xinjiang sample: 七 describes nine projects, （一） to （九）, and 表7 has nine project rows.
    N16 = "N16", "说明七：项目个数 = 表7", "Section 七: number of projects = table 7", project_count;
}

/// N16: 七 describes as many projects as 表7 lists.
fn project_count(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::GeneralProjects) else {
        return;
    };
    let rows: Vec<&Row> = t.rows().filter(|r| r.kind == RowKind::Project).collect();
    if doc.projects.is_empty() || rows.len() == doc.projects.len() {
        return;
    }
    let f = c.report(
        Severity::Error,
        format!(
            "第三部分 七说明了 {} 个项目，表{}列出 {} 个。",
            doc.projects.len(),
            t.number,
            rows.len()
        ),
        format!(
            "Part 3, 七 describes {} projects; table {} lists {}.",
            doc.projects.len(),
            t.number,
            rows.len()
        ),
    );
    // Both are counted, not printed: the count of 表7's rows is what the text should say.
    f.expected = Some(Decimal::from(rows.len()));
    f.lines = doc
        .projects
        .iter()
        .filter_map(|p| p.lines.first().copied())
        .chain(rows.iter().map(|r| r.line()))
        .collect();
    f.tables = vec![t.number];
}
