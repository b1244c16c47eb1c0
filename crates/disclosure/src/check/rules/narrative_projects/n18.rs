//! Rule N18: Counts in section 七 = the performance tables

use super::*;

rules! {
    /// ## What it checks
    /// 七, each project's description against its 项目支出绩效目标表: every 数量指标 stated with "=" in 人/名, 个 or
    /// 万人 equals the count of the same measure that the description gives under the closest name
    /// (at least 4 characters in common; every equally close mention must agree). A difference is a
    /// warning. The rule's own logic, `project_counts` with `measure`, is below; it uses the shared
    /// `core_name` (narrative_projects.rs) and `common_run` (mod.rs).
    ///
    /// ## Why it must hold
    /// The description and the performance table describe the same project; the people subsidised
    /// or the units built cannot differ between them. Applies to documents with 七 project
    /// descriptions and project performance tables (Xinjiang template).
    ///
    /// ## Example
    /// Xinjiang sample, 七（四）社区工作人员（助理）社会工作师补贴: "初级社会工作者补助人数 26人" (资金分配情况 and 补贴人数) = 绩效表
    /// "初级社会工作者补助人数 =26 人".
    N18 = "N18", "说明七的人数、个数 = 绩效目标表", "Counts in section 七 = the performance tables",
        project_counts;
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
