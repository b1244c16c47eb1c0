//! Rule D1: Every table names the document's department

use super::*;

rules! {
    /// ## What it checks
    /// Every table's 编制部门 — in its header and in each header repeated after a page break — is the
    /// document's department (compared without spaces). Each other name is an error; a name that
    /// is the start of the other (a wrapped name's first line) is not compared. The rule's own
    /// logic, `department_headers`, is below.
    ///
    /// ## Why it must hold
    /// A table copied from another department's disclosure is the worst error a reader can miss:
    /// every figure in it belongs to someone else. Applies to every document whose department is
    /// read from its cover or title.
    ///
    /// ## Example
    /// Xinjiang sample: the eleven tables and the headers repeated in 表2, 表3 and 表7 all print
    /// "编制部门：库尔勒市朝阳街道办事处", the department of the cover, so nothing is reported.
    D1 = "D1", "各表编制部门与文件部门一致", "Every table names the document's department", department_headers;
}

/// Every table header names the same department as the document (编制部门), also where the
/// header is repeated after a page break.
fn department_headers(c: &mut Checker) {
    let doc = c.doc;
    let Some(dept) = &doc.meta.department else {
        return;
    };
    let want = crate::parse::segment::compact(&dept.value);
    for t in &doc.tables {
        let repeats = t.repeated_departments.iter().map(|d| (d, true));
        for (d, repeat) in t.department.iter().map(|d| (d, false)).chain(repeats) {
            let got = crate::parse::segment::compact(&d.value);
            // One name the start of the other ("…万里街" / "…万里街道办"): the rest of a name a
            // narrow cell or a copy wrapped onto the next line, not another department. Not a
            // confident reading of a difference, so nothing is said.
            if got == want || got.starts_with(&want) || want.starts_with(&got) {
                continue;
            }
            let (where_zh, where_en) = if repeat {
                (
                    format!("第 {} 行分页后重复的表头", d.line),
                    format!("the header repeated after a page break on line {}", d.line),
                )
            } else {
                ("表头".to_owned(), "its header".to_owned())
            };
            let f = c.report(
                crate::check::Severity::Error,
                format!(
                    "表{} {}的编制部门为「{}」，与文件的部门「{}」不同。",
                    t.number, where_zh, d.value, dept.value
                ),
                format!(
                    "Table {}: {} names 编制部门 '{}', not the document's department '{}'.",
                    t.number, where_en, d.value, dept.value
                ),
            );
            f.lines = vec![d.line, dept.line];
            f.tables = vec![t.number];
        }
    }
}
