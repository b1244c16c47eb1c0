//! Projects and 绩效目标表 against the tables (X32–X34).
//!
//! Project names are matched on their compact form (no spaces). A name that matches only once
//! bracket styles are unified, or that differs by a character or so, is still the same project:
//! X32 notes the variant, X33 does not (the narrative rules compare names).

use rust_decimal::Decimal;

use super::codes::fold;
use super::{names, numeral, same, src, Val};
use crate::check::rules::{Amt, Label};
use crate::check::{Checker, Severity};
use crate::format::amount;
use crate::model::*;

/// A quantity of the narrative or a 绩效目标表 as an amount in the document's unit; `None`
/// when it is not money.
fn money(q: &Quantity, unit: Unit) -> Option<Amt> {
    let value = match (&q.unit, unit) {
        (QUnit::Wan, Unit::Wan) | (QUnit::Yuan, Unit::Yuan) => q.value,
        (QUnit::Yuan, Unit::Wan) => {
            let mut w = q.value / Decimal::from(10_000);
            w.rescale((q.value.scale() + 4).min(28));
            w
        }
        (QUnit::Wan, Unit::Yuan) => q.value * Decimal::from(10_000),
        _ => return None,
    };
    Some(Amt::at(value, q.line))
}

/// How well two project names match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    /// Equal once spaces are removed.
    Exact,
    /// Equal once bracket styles are unified too.
    Brackets,
    /// A few characters apart (edit distance).
    Near(usize),
}

/// A project name in the forms it is compared in, computed once per name (a pairing
/// compares every name of one list with every name of the other).
struct Name {
    /// Without spaces.
    compact: String,
    /// Without spaces, brackets unified ([`fold`]).
    folded: Vec<char>,
}

impl Name {
    fn new(s: &str) -> Self {
        Name {
            compact: crate::parse::segment::compact(s),
            folded: fold(s).chars().collect(),
        }
    }
}

/// How `a` and `b` match, if they name the same project.
#[cfg(test)]
fn matches(a: &str, b: &str) -> Option<Match> {
    matches_names(&Name::new(a), &Name::new(b))
}

/// How two names match, if they name the same project.
fn matches_names(a: &Name, b: &Name) -> Option<Match> {
    if a.compact == b.compact {
        return Some(Match::Exact);
    }
    let (ca, cb) = (&a.folded, &b.folded);
    if ca == cb {
        return Some(Match::Brackets);
    }
    // Short names one character apart are as likely two projects ("一期工程", "二期工程").
    if ca.len().min(cb.len()) < 8 {
        return None;
    }
    // One character per ten, at least one: "一十一届" against "十一届" in a 20-character name.
    let allowed = (ca.len().min(cb.len()) / 10).max(1);
    let d = distance(ca, cb, allowed)?;
    Some(Match::Near(d))
}

/// The edit distance between two strings, or `None` when it exceeds `limit`.
fn distance(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().min().is_some_and(|&m| m > limit) {
            return None;
        }
        prev = cur;
    }
    prev.last().copied().filter(|&d| d <= limit)
}

/// Pairs names of two lists one to one, best matches first. Returns, for each left index, the
/// matched right index and how it matched.
fn pair(left: &[&str], right: &[&str]) -> Vec<Option<(usize, Match)>> {
    let mut candidates: Vec<(Match, usize, usize)> = Vec::new();
    let right: Vec<Name> = right.iter().map(|r| Name::new(r)).collect();
    for (i, l) in left.iter().enumerate() {
        let l = Name::new(l);
        for (j, r) in right.iter().enumerate() {
            if let Some(m) = matches_names(&l, r) {
                candidates.push((m, i, j));
            }
        }
    }
    crate::sort::sort(&mut candidates);
    let mut out = vec![None; left.len()];
    let mut taken = vec![false; right.len()];
    for (m, i, j) in candidates {
        if out[i].is_none() && !taken[j] {
            out[i] = Some((j, m));
            taken[j] = true;
        }
    }
    out
}

/// The project rows of 表7.
fn project_rows(b: &Block) -> Vec<&Row> {
    b.rows
        .iter()
        .filter(|r| r.kind == RowKind::Project && r.project.is_some())
        .collect()
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
        if let Some(amt) = note.amount.as_ref().and_then(|q| money(q, c.doc.meta.unit)) {
            let narrative = Val::labelled(note_label(note), amt, s7.n());
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
    let v = amount(table.value());
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
    f.actual = Some(table.value());
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
    let unit = c.doc.meta.unit;
    for (p, m) in tables.iter().zip(pair(&left, &right)) {
        let name = p.project.as_ref().map_or("", |l| l.value.as_str());
        let Some((j, _)) = m else {
            if !name.is_empty() {
                no_table_project(c, p, name, s7.n());
            }
            continue;
        };
        let Some(amt) = p.total.as_ref().and_then(|q| money(q, unit)) else {
            continue;
        };
        let perf = Val::labelled(
            Label::new(
                format!("项目支出绩效目标表「{name}」年度预算总额"),
                format!("project performance table '{name}', annual budget"),
            ),
            amt,
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

/// X34: 部门整体绩效目标表 资金总额 = 表1 收入总计; 本级安排 = 表1 一般财力 (+ the other
/// own-level income).
fn performance_department(c: &mut Checker) {
    let Some(p) = c
        .doc
        .performance
        .iter()
        .find(|p| p.scope == PerformanceScope::Department)
    else {
        return;
    };
    let Some(s1) = src(c, TableKind::Summary, Side::Income) else {
        return;
    };
    let unit = c.doc.meta.unit;
    let perf = |q: &Option<Quantity>, zh: &str, en: &str| -> Option<Val> {
        let amt = money(q.as_ref()?, unit)?;
        Some(Val::labelled(
            Label::new(
                format!("部门整体绩效目标表 {zh}"),
                format!("department performance table, {en}"),
            ),
            amt,
            s1.n(),
        ))
    };
    if let (Some(total), Some(income)) = (
        perf(&p.total, "资金总额", "total funds"),
        s1.keyed(RowKey::IncomeTotal, Col::Amount),
    ) {
        same(c, &total, &income);
    }
    let Some(local) = perf(&p.local, "本级安排", "own-level funds") else {
        return;
    };
    let get = |keys: &[RowKey]| -> Vec<Val> {
        keys.iter()
            .filter_map(|&k| s1.keyed(k, Col::Amount))
            .filter(|v| !v.value().is_zero())
            .collect()
    };
    let own = get(&[
        RowKey::GeneralFinance,
        RowKey::GovFundIncome,
        RowKey::StateCapitalIncome,
    ]);
    let non_fiscal = get(&[RowKey::SpecialAccount, RowKey::UnitFunds]);
    let carry = get(&[RowKey::CarryOver]);
    let total =
        |vals: &[&[Val]]| -> Decimal { vals.iter().flat_map(|v| v.iter()).map(Val::value).sum() };
    // Templates differ on whether 本级 includes non-appropriated income and carry-over.
    let accepted = [
        total(&[&own]),
        total(&[&own, &non_fiscal]),
        total(&[&own, &carry]),
        total(&[&own, &non_fiscal, &carry]),
    ];
    if accepted.contains(&local.value()) {
        return;
    }
    let (names, names_en) = names(&own);
    let (l, e) = (amount(local.value()), amount(accepted[0]));
    let f = c.report(
        Severity::Warning,
        format!(
            "{}（{l}）与表{} 本级收入（{} = {e}，或再加单位资金、上年结转）均不相符。",
            local.what().zh,
            s1.n(),
            if names.is_empty() { "0".to_owned() } else { names }
        ),
        format!(
            "{} ({l}) matches none of Table {}'s own-level income ({} = {e}, possibly with unit funds or carry-over).",
            local.what().en,
            s1.n(),
            if names_en.is_empty() { "0".to_owned() } else { names_en }
        ),
    );
    f.actual = Some(local.value());
    f.expected = Some(accepted[0]);
    let mut lines = local.amt.lines.clone();
    lines.extend(own.iter().flat_map(|v| v.amt.lines.iter().copied()));
    f.lines = lines;
    f.tables = vec![s1.n()];
}

// The rules, each in its own file under `projects/`.
mod x32;
mod x33;
mod x34;

pub use x32::X32;
pub use x33::X33;
pub use x34::X34;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::cross::testing::*;

    #[test]
    fn names_match_across_variants() {
        assert_eq!(
            matches("部门专项 - 网格工作经费", "部门专项-网格工作经费"),
            Some(Match::Exact)
        );
        assert_eq!(
            matches("文化馆〔站〕免费开放", "文化馆（站）免费开放"),
            Some(Match::Brackets)
        );
        assert_eq!(
            matches(
                "部门专项-一十一届市级人大代表活动经费",
                "部门专项-十一届市级人大代表活动经费"
            ),
            Some(Match::Near(1))
        );
        assert_eq!(
            matches("部门专项-社区党建工作经费", "部门专项-网格工作经费"),
            None
        );
        assert_eq!(matches("一期工程", "二期工程"), None);
    }

    #[test]
    fn hold_on_the_sample() {
        for rule in ["X32", "X33", "X34"] {
            assert_eq!(on_sample(rule), vec![], "{rule}");
        }
    }

    #[test]
    fn x32_fires_on_a_different_amount() {
        let f = on_edit("X32", 1409, "50.00", "50.10");
        let f = one(&f, Severity::Error, &[898, 1409]);
        assert_eq!(f.tables, vec![7]);
    }

    #[test]
    fn x32_notes_a_bracket_variant() {
        let f = on_edit("X32", 1468, "（助理）", "(助理)");
        let f = one(&f, Severity::Info, &[874, 875, 877, 879, 881, 882, 1468]);
        assert_eq!(f.tables, vec![7]);
    }

    #[test]
    fn x32_fires_on_a_missing_project() {
        let f = on_edit("X32", 1468, "社会工作师补贴", "社区志愿服务经费");
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f.iter().all(|f| f.severity == Severity::Error));
        assert_eq!(f[0].lines, vec![874, 875, 877, 879, 881, 882]);
        assert_eq!(f[1].lines, vec![1468, 1474]);
    }

    /// A document with one 表7 project and project 绩效目标表 with the given names and totals.
    fn with_performance(perf: &[(&str, &str)]) -> Document {
        let mut project = row(
            RowKind::Project,
            Some("2010108"),
            "代表工作",
            &[Some("1.54")],
            852,
        );
        project.project = Some("部门专项-一十一届市级人大代表活动经费".to_owned());
        let t7 = table(
            TableKind::GeneralProjects,
            7,
            vec![block(Side::Whole, vec![Col::Total], vec![project])],
        );
        let performance = perf
            .iter()
            .enumerate()
            .map(|(i, (name, total))| {
                let line = 2000 + 10 * i as LineNo;
                PerformanceTable {
                    scope: PerformanceScope::Project,
                    project: Some(Located {
                        value: (*name).to_owned(),
                        line,
                    }),
                    total: Some(Quantity {
                        value: d(total),
                        unit: QUnit::Wan,
                        line: line + 1,
                    }),
                    fiscal: None,
                    other: None,
                    superior: None,
                    local: None,
                    indicators: Vec::new(),
                    span: (line, line + 9),
                }
            })
            .collect();
        Document {
            tables: vec![t7],
            performance,
            ..Document::default()
        }
    }

    #[test]
    fn x33_fires_on_a_different_budget() {
        let doc = with_performance(&[("部门专项-一十一届市级人大代表活动经费", "1.64")]);
        let f = findings_of(&doc, "X33");
        assert_eq!(one(&f, Severity::Error, &[852, 2001]).tables, vec![7]);
    }

    #[test]
    fn x33_holds_across_a_name_variant() {
        let doc = with_performance(&[("部门专项-十一届市级人大代表活动经费", "1.54")]);
        assert_eq!(findings_of(&doc, "X33"), vec![]);
    }

    #[test]
    fn x33_notes_a_project_outside_table7() {
        let doc = with_performance(&[("部门专项-社区党建工作经费", "95.00")]);
        let f = findings_of(&doc, "X33");
        one(&f, Severity::Info, &[2000]);
    }

    #[test]
    fn x33_x34_are_silent_without_performance_tables() {
        let doc = with_performance(&[]);
        assert_eq!(findings_of(&doc, "X33"), vec![]);
        assert_eq!(findings_of(&doc, "X34"), vec![]);
    }

    /// A document with 表1 收入 and a 部门整体绩效目标表 with the given 资金总额 and 本级安排.
    fn with_department(total: &str, local: &str) -> Document {
        let keyed = |key, name, v: Option<&str>, line| {
            let mut r = row(RowKind::Item, None, name, &[v], line);
            r.key = Some(key);
            r
        };
        let income = block(
            Side::Income,
            vec![Col::Amount],
            vec![
                keyed(
                    RowKey::GeneralFinance,
                    "其中：一般财力",
                    Some("2283.56"),
                    69,
                ),
                keyed(
                    RowKey::GeneralTransfer,
                    "上级一般公共预算安排转移支付",
                    Some("4.30"),
                    71,
                ),
                keyed(RowKey::CarryOver, "二、上年结转结余", Some("12.66"), 99),
                keyed(RowKey::IncomeTotal, "收入总计", Some("2300.52"), 125),
            ],
        );
        let q = |v: &str, line| {
            Some(Quantity {
                value: d(v),
                unit: QUnit::Wan,
                line,
            })
        };
        Document {
            tables: vec![table(TableKind::Summary, 1, vec![income])],
            performance: vec![PerformanceTable {
                scope: PerformanceScope::Department,
                project: None,
                total: q(total, 1730),
                fiscal: None,
                other: q("0.00", 1729),
                superior: q("16.96", 1727),
                local: q(local, 1728),
                indicators: Vec::new(),
                span: (1720, 1800),
            }],
            ..Document::default()
        }
    }

    #[test]
    fn x34_holds_on_the_sample_figures() {
        assert_eq!(
            findings_of(&with_department("2300.52", "2283.56"), "X34"),
            vec![]
        );
    }

    #[test]
    fn x34_fires_on_the_total() {
        let f = findings_of(&with_department("2300.62", "2283.56"), "X34");
        assert_eq!(one(&f, Severity::Error, &[125, 1730]).tables, vec![1]);
    }

    #[test]
    fn x34_warns_on_own_level_funds() {
        let f = findings_of(&with_department("2300.52", "2287.86"), "X34");
        one(&f, Severity::Warning, &[69, 1728]);
    }
}
