//! Rule X32: Table 7 projects = 第三部分 七 projects

use super::*;

rules! {
    /// ## What it checks
    /// The projects of 表7 and the project descriptions of 第三部分 七 are the same list with the same
    /// amounts: names are paired without spaces (shared `pair`, cross/projects.rs); a 表7 project
    /// not described, or a described project not in 表7, is an error; a different amount is an error
    /// (shared `same`); a name that pairs only once bracket styles are unified, or a character or
    /// so apart, is a note. The rule's own logic, `narrative_projects` with its reporters, is
    /// below.
    ///
    /// ## Why it must hold
    /// 七 explains each project of 表7; a missing, extra or different project misleads. Applies to
    /// templates with 表7 and 七 (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: nine projects in both, 185.30 in all; "部门专项-一十一届市级人大代表活动经费" is spelled the
    /// same in 表7 and 七（九）.
    X32 = "X32", "表7 项目 = 第三部分 七 项目", "Table 7 projects = 第三部分 七 projects", narrative_projects;
}

/// X32: the projects of 表7 and of 第三部分 七 are the same, with the same amounts.
fn narrative_projects(c: &mut Checker) {
    let Some(s7) = src(c, TableKind::GeneralProjects, Side::Whole) else {
        return;
    };
    let rows = project_rows(s7.b);
    let notes = &c.doc.projects;
    let has_chapter = c
        .doc
        .headings
        .iter()
        .any(|h| h.section.part == 3 && h.section.chapter == 7);
    if notes.is_empty() && !has_chapter {
        if !rows.is_empty() {
            c.missing(
                0,
                "第三部分 七（项目支出情况说明）".to_owned(),
                "第三部分 七 (the project descriptions)".to_owned(),
            );
        }
        return;
    }
    let left: Vec<&str> = rows
        .iter()
        .map(|r| r.project.as_deref().unwrap_or_default())
        .collect();
    let right: Vec<&str> = notes.iter().map(|n| n.name.as_str()).collect();
    let pairs = pair(&left, &right);
    let mut described = vec![false; notes.len()];
    for (r, p) in rows.iter().zip(&pairs) {
        let table = s7.val(r, Col::Total);
        let Some((j, m)) = *p else {
            not_described(c, &table, s7.n());
            continue;
        };
        described[j] = true;
        let note = &notes[j];
        if m != Match::Exact {
            name_variant(c, r, &table, note);
        }
        if let Some(amt) = note.amount.as_ref().and_then(money) {
            let narrative = Val::labelled(note_label(note), amt, c.doc.meta.unit, s7.n());
            same(c, &narrative, &table);
        }
    }
    for (note, _) in notes.iter().zip(&described).filter(|(_, d)| !**d) {
        not_in_table(c, note, s7.n());
    }
}

/// "第三部分 七（三）「name」预算安排规模".
fn note_label(note: &ProjectNote) -> Label {
    let sub = numeral(note.section.sub);
    Label::new(
        format!("第三部分 七（{sub}）「{}」预算安排规模", note.name),
        format!("第三部分 七（{sub}） '{}', budgeted amount", note.name),
    )
}

/// A 表7 project without a description in 七: an error.
fn not_described(c: &mut Checker, table: &Val, n: u8) {
    let v = table.shown();
    let f = c.report(
        Severity::Error,
        format!(
            "{}（{v}）在第三部分 七 中没有对应的项目说明。",
            table.what().zh
        ),
        format!(
            "{} ({v}) has no description in 第三部分 七.",
            table.what().en
        ),
    );
    f.actual = table.amt.actual();
    f.lines = table.amt.lines.clone();
    f.tables = vec![n];
}

/// A project described in 七 but absent from 表7: an error.
fn not_in_table(c: &mut Checker, note: &ProjectNote, n: u8) {
    let label = note_label(note);
    let v = note
        .amount
        .as_ref()
        .map_or_else(String::new, |q| format!("（{}）", amount(q.value)));
    let v_en = note
        .amount
        .as_ref()
        .map_or_else(String::new, |q| format!(" ({})", amount(q.value)));
    let f = c.report(
        Severity::Error,
        format!("{}{v}在表{n} 中没有对应的项目。", label.zh),
        format!("{}{v_en} is not a project of Table {n}.", label.en),
    );
    f.actual = note.amount.as_ref().map(|q| q.value);
    let mut lines: Vec<LineNo> = note.lines.first().copied().into_iter().collect();
    lines.extend(note.amount.as_ref().map(|q| q.line));
    f.lines = lines;
    f.tables = vec![n];
}

/// The same project named differently in 表7 and in 七: a note.
fn name_variant(c: &mut Checker, r: &Row, table: &Val, note: &ProjectNote) {
    let t = r.project.as_deref().unwrap_or_default();
    let sub = numeral(note.section.sub);
    let f = c.report(
        Severity::Info,
        format!(
            "同一项目名称写法不一：表{}「{t}」，第三部分 七（{sub}）「{}」。",
            table.table, note.name
        ),
        format!(
            "The same project is named differently: '{t}' in Table {}, '{}' in 第三部分 七（{sub}）.",
            table.table, note.name
        ),
    );
    let mut lines = r.lines.clone();
    lines.extend(note.lines.first().copied());
    f.lines = lines;
    f.tables = vec![table.table];
}
