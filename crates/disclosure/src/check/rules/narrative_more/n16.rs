//! Rule N16: Section 七: number of projects = table 7

use super::*;

rules! {
    /// 七: as many projects described as 表7 lists.
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
    f.expected = Some(Decimal::from(rows.len()));
    f.actual = Some(Decimal::from(doc.projects.len()));
    f.lines = doc
        .projects
        .iter()
        .filter_map(|p| p.lines.first().copied())
        .chain(rows.iter().map(|r| r.line()))
        .collect();
    f.tables = vec![t.number];
}
