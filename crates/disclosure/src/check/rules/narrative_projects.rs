//! The projects as the narrative describes them, against 表7 and the 绩效目标表 (rules.md N13,
//! N18).

use super::common_run;
use super::narrative::{section_label, statement_label};
use crate::check::{Checker, Severity};
use crate::format::amount;
use crate::model::*;
use crate::parse::segment::compact;

/// A name without spaces, the "部门专项-" prefix and the "新增"/"将" of a reason.
fn core_name(s: &str) -> String {
    let c = compact(s);
    let c = c.trim_start_matches("新增").trim_start_matches('将');
    c.strip_prefix("部门专项-").unwrap_or(c).to_owned()
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
        if printed == q.value {
            continue;
        }
        let sl = statement_label(s);
        let project = row.project.clone().unwrap_or_default();
        let f = c.report(
            Severity::Error,
            format!("{}：说明中称「{}」为 {} 万元，表{}列该项目为 {} 万元。", sl.zh, s.subject, amount(q.value), t.number, amount(printed)),
            format!(
                "{}: the explanation gives '{}' as {} 万元; table {} prints the project '{}' as {} 万元.",
                sl.en,
                s.subject,
                amount(q.value),
                t.number,
                project,
                amount(printed)
            ),
        );
        f.expected = Some(printed);
        f.actual = Some(q.value);
        f.lines = [s.lines.clone(), row.lines.clone()].concat();
        f.tables = vec![t.number];
    }
}

/// Counts of people and things: 人 and 名 are the same measure.
fn measure(u: &str) -> Option<&'static str> {
    match u.trim() {
        "人" | "名" => Some("人"),
        "个" => Some("个"),
        "万人" | "万余人" => Some("万人"),
        _ => None,
    }
}

/// N18: the counts 七 gives for a project (补贴人数, communities, grids…) are the quantities
/// of its 绩效目标表. An indicator is paired with the count in the project's description
/// whose subject shares the longest run of characters with the indicator's name (at least four).
fn project_counts(c: &mut Checker) {
    let doc = c.doc;
    for note in &doc.projects {
        let key = core_name(&note.name);
        let Some(table) = doc.performance.iter().find(|p| {
            p.project.as_ref().is_some_and(|n| {
                let k = core_name(&n.value);
                k == key || k.contains(&key) || key.contains(&k)
            })
        }) else {
            continue;
        };
        let counts: Vec<(&Statement, &Quantity, &'static str)> = doc
            .statements
            .iter()
            .filter(|s| s.section == note.section)
            .filter_map(|s| {
                let q = s.value.as_ref()?;
                let QUnit::Count(w) = &q.unit else {
                    return None;
                };
                Some((s, q, measure(w)?))
            })
            .collect();
        for ind in table
            .indicators
            .iter()
            .filter(|i| i.level2.contains("数量") && i.op == Op::Eq)
        {
            let Some(unit) = measure(&ind.unit) else {
                continue;
            };
            // Every count as close to the indicator's name as the closest: the description may
            // give the same figure twice (资金分配情况, 补贴人数), and each must agree.
            let scored: Vec<(usize, &Statement, &Quantity)> = counts
                .iter()
                .filter(|(_, _, u)| *u == unit)
                .map(|&(s, q, _)| (common_run(&compact(&s.subject), &compact(&ind.name)), s, q))
                .filter(|(run, ..)| *run >= 4)
                .collect();
            let Some(top) = scored.iter().map(|(run, ..)| *run).max() else {
                continue;
            };
            let Some(&(_, s, q)) = scored
                .iter()
                .find(|(run, _, q)| *run == top && q.value != ind.value)
            else {
                continue;
            };
            let sl = section_label(note.section);
            let f = c.report(
                Severity::Warning,
                format!(
                    "{}「{}」说明为 {}{}，绩效目标表的「{}」却为 {}{}。",
                    sl.zh, note.name, q.value, unit, ind.name, ind.value, ind.unit
                ),
                format!(
                    "{} '{}' gives {}{}, but its performance table's '{}' is {}{}.",
                    sl.en, note.name, q.value, unit, ind.name, ind.value, ind.unit
                ),
            );
            f.expected = Some(ind.value);
            f.actual = Some(q.value);
            f.lines = [s.lines.clone(), ind.lines.clone()].concat();
        }
    }
}

// The rules, each in its own file under `narrative_projects/`.
mod n13;

pub use n13::N13;

mod n18;

pub use n18::N18;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_prefixes() {
        assert_eq!(core_name("部门专项-社区党建工作经费"), "社区党建工作经费");
        assert_eq!(core_name("将社区党建工作经费"), "社区党建工作经费");
        assert_eq!(
            common_run("初级社会工作者补助人数", "初级社会工作者补助人数"),
            11
        );
    }
}
