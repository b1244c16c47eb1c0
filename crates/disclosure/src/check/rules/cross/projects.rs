//! Projects and 绩效目标表 against the tables (X32–X34).
//!
//! Project names are matched on their compact form (no spaces). A name that matches only once
//! bracket styles are unified, or that differs by a character or so, is still the same project:
//! X32 notes the variant, X33 does not (the narrative rules compare names).

use rust_decimal::Decimal;

use super::codes::fold;
use super::{names, numeral, same, src, Val};
use crate::check::rules::{Amt, Label};
use crate::check::tolerance::{self, Verdict};
use crate::check::{Checker, Severity};
use crate::format::amount;
use crate::model::*;

/// A quantity of the narrative or a 绩效目标表 as an amount in its own unit; `None` when it is
/// not money.
fn money(q: &Quantity) -> Option<Amt> {
    Some(Amt::at(q.value, q.unit.money()?, q.line))
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
        let f = on_edit("X32", 1468, "（助理）", "〔助理〕");
        let f = one(&f, Severity::Info, &[874, 875, 877, 879, 881, 882, 1468]);
        assert_eq!(f.tables, vec![7]);
        // ASCII parentheses are read as the full-width ones (text.rs): the same name.
        assert!(on_edit("X32", 1468, "（助理）", "(助理)").is_empty());
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
                    request: None,
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
                request: None,
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
