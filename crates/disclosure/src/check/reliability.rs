//! Which tables were read reliably, and what follows when one was not.
//!
//! A checker that reports its own misreadings as the document's errors is worse than none. The
//! same PDF copied by different tools reads differently: rows run together, cells land one per
//! line, a wrapped label splits a row. When that happens the rules see tables whose sums fail in
//! many places at once, or whose rows disagree with another table's everywhere. A real document
//! rarely has more than one or two wrong figures in a table, and one wrong figure explains all
//! the failures it causes: they cite its line, or show the same difference wherever the figure
//! is repeated. A misread needs many such explanations.
//!
//! So a table is taken as **not reliably read** when
//! - the copy printed it one cell per line (or in blocks) and the parser could not place its
//!   amounts in its rows so that its sums hold (`parse/unplaced-amounts`): its rows are the
//!   line readers' guesses, or
//! - the parser skipped one of its rows, or read one with more numbers than the table has
//!   columns: every sum and comparison through that row is unknown, or
//! - it runs over many lines but not one amount could be read from it, and it does not say it
//!   is empty, or
//! - the failures that involve it (errors and warnings naming it or citing a line inside it)
//!   need three or more causes to explain them, a cause being one printed line or one
//!   difference that failures share. The table needing the most is blamed first, its findings
//!   are set aside, and the count is made again, so that one misread table does not take its
//!   neighbours with it.
//!
//! (Findings on the narrative's wording judged by a table's figure, [`WORDING`], are not
//! counted: they say nothing about how the table was read.)
//!
//! Nothing is concluded from such a table: every rule's finding that involves it (by table or by
//! a line inside it), of any severity, a 尾差 or a note included, is set aside, and one note per table says which lines, why, and which
//! rules were therefore not concluded. The parser's per-row notes inside it are folded into that
//! note. What the note says of the document follows the cause ([`note`]): a copy's shape is
//! said to be the copy's; amounts that could not be placed so that the sums hold may be the
//! copy's order or a figure of the document that does not add up (the reader places them by the
//! sums, so a real error leaves them as unplaced as a scrambled copy), and the note says both.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{Finding, Severity};
use crate::model::{Document, LineNo, Table};

/// Causes (lines or differences) needed to explain a table's failures from which it is not
/// trusted.
const CAUSES: usize = 3;

/// Why one table was not trusted.
#[derive(Debug, Default)]
struct Doubt {
    /// The table is printed one cell per line and its amounts could not be placed in its rows
    /// so that its sums hold ([`UNPLACED_NOTE`]).
    unplaced: bool,
    unreadable: Vec<LineNo>,
    crowded: Vec<LineNo>,
    failures: usize,
    causes: usize,
    no_amounts: bool,
    /// Its own layout is one the reader does not read ([`LAYOUT_NOTES`]: a unit other than 元
    /// and 万元, a “三公” table's columns not named): the parser's note, in Chinese and English.
    other_unit: Option<(String, String)>,
}

/// The rule id of the note on a table not reliably read.
pub(crate) const RULE: &str = "check/unreliable-table";

/// Lines from which a table that yields no amount is taken as misread rather than empty.
const LONG_TABLE: LineNo = 40;

/// The parser's notes on a row it could not read.
const ROW_NOTES: &[&str] = &["parse/unreadable-row", "parse/too-many-numbers"];

/// The parser's note on a table printed one cell per line whose amounts could not be placed in
/// its rows so that its sums hold: the copy's order or a figure that does not add up.
const UNPLACED_NOTE: &str = "parse/unplaced-amounts";

/// The parser's note on a table whose header names a money unit it does not read (亿元, 千元):
/// its amounts were not read.
const OTHER_UNIT_NOTE: &str = "parse/other-unit";

/// The parser's notes on a table whose own layout it does not read: a unit other than 元 and
/// 万元 ([`OTHER_UNIT_NOTE`]), or a “三公” table whose header does not name the columns it is read
/// with. Its amounts were not read; the note says why, and nothing of the copy.
const LAYOUT_NOTES: [&str; 2] = [OTHER_UNIT_NOTE, "parse/unnamed-columns"];

/// The parser's note on wrapped names between two coded rows that could be split more than one
/// way.
const NAME_NOTE: &str = "parse/name-in-doubt";

/// Rules that find a table's rows by their names (类/款/项 names, item lists): none is concluded
/// from a row whose name is in doubt, nor, for the rules that compare lists or sums over all the
/// rows ([`ROW_BY_ROW`] names the others), from a table with such a row.
const BY_NAME: &[&str] = &["N2", "N8", "N10", "N11", "N15", "N21"];

/// Of [`BY_NAME`], the rules each of whose findings reads the rows it cites and no other (a
/// 类 amount restated, a share of the total): one that cites no row whose name is in doubt
/// stands. The others compare lists or sums over all of a table's rows found by name (N2, N15:
/// the items listed against the rows with money; N11: the items against every 项 and their sum
/// against the total; N21: the items against 表11), so a row misnamed anywhere in the table can
/// change them without being cited: none of theirs is concluded from such a table.
const ROW_BY_ROW: &[&str] = &["N8", "N10"];

/// Rules that read a table's header, not its cells: a misread row does not touch them.
const NOT_FROM_CELLS: &[&str] = &["D1"];

/// Rules that judge the narrative's wording with a table's figure (what an item is said to be
/// for, an empty table's note, a 持平 against a total), and the completeness items about what a
/// table holds (C: no 项-level rows): a misread table makes them wrong, so they are set aside
/// with it, but one such finding says nothing about how the table was read, so they are no
/// evidence against it.
const WORDING: &[&str] = &["N31", "N32", "N34", "C"];

fn counts(f: &Finding) -> bool {
    matches!(f.severity, Severity::Error | Severity::Warning)
        && !NOT_FROM_CELLS.contains(&f.rule.as_str())
}

/// Whether a finding is a rule's conclusion from the cells, of any severity: an error or a
/// warning, and also a 尾差 or a note that states the table's figures ("相差 115.93", "在表7中没有
/// 同名项目"). None of these is shown from a table not reliably read; the parser's notes on how
/// it read are (they say what it could not read).
fn concluded(f: &Finding) -> bool {
    !f.rule.starts_with("parse/")
        && !f.rule.starts_with("check/")
        && !NOT_FROM_CELLS.contains(&f.rule.as_str())
}

/// Whether a finding counts as a failure when weighing how a table was read.
fn evidence(f: &Finding) -> bool {
    counts(f) && !WORDING.contains(&f.rule.as_str())
}

fn within(t: &Table, line: LineNo) -> bool {
    t.span.0 <= line && line <= t.span.1
}

/// Whether a finding draws on table `t`: it names it, or cites a line inside it.
pub(super) fn involves(f: &Finding, t: &Table) -> bool {
    f.tables.contains(&t.number) || f.lines.iter().any(|&l| within(t, l))
}

/// A finding's difference, when it has both values.
fn difference(f: &Finding) -> Option<Decimal> {
    Some((f.expected? - f.actual?).abs().normalize())
}

/// What can explain a failure: one printed line, or one difference.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cause {
    Line(LineNo),
    Difference(Decimal),
}

/// How many causes explain `failures`, greedily: the cause most failures share first.
fn causes(failures: &[&Finding]) -> usize {
    let mut left: Vec<&Finding> = failures.to_vec();
    let mut n = 0;
    while !left.is_empty() {
        let mut shared: BTreeMap<Cause, usize> = BTreeMap::new();
        for f in &left {
            // Each of its causes once: its lines without repeats, and its difference.
            let mut lines = f.lines.clone();
            lines.sort_unstable();
            lines.dedup();
            let own = lines.into_iter().map(Cause::Line);
            for c in own.chain(difference(f).map(Cause::Difference)) {
                *shared.entry(c).or_default() += 1;
            }
        }
        let best = shared
            .iter()
            .max_by_key(|(c, k)| (**k, std::cmp::Reverse(**c)))
            .map(|(c, _)| *c);
        n += 1;
        left.retain(|f| match best {
            Some(Cause::Line(l)) => !f.lines.contains(&l),
            Some(Cause::Difference(d)) => difference(f) != Some(d),
            // A failure with neither lines nor values is a cause of its own.
            None => false,
        });
        if best.is_none() {
            n += left.len();
            break;
        }
    }
    n
}

/// The tables with rows whose names the parser put together with doubt
/// (`parse/name-in-doubt`), each with every line of those rows: the rows of the table that
/// share a line with a note.
///
/// The lines are a sorted vector without repeats (a set of line numbers would bring its own copy
/// of the standard library's tree and sort code into the page's first load).
fn doubtful_rows<'t>(tables: &[&'t Table], findings: &[Finding]) -> Vec<(&'t Table, Vec<LineNo>)> {
    let notes: Vec<&Finding> = findings.iter().filter(|f| f.rule == NAME_NOTE).collect();
    tables
        .iter()
        .copied()
        .filter_map(|t| {
            let mut noted: Vec<LineNo> = notes
                .iter()
                .flat_map(|f| f.lines.iter().copied())
                .filter(|&l| within(t, l))
                .collect();
            if noted.is_empty() {
                return None;
            }
            noted.sort_unstable();
            noted.dedup();
            let mut lines = noted.clone();
            for r in t
                .rows()
                .filter(|r| r.lines.iter().any(|l| noted.binary_search(l).is_ok()))
            {
                lines.extend(r.lines.iter().copied());
            }
            lines.sort_unstable();
            lines.dedup();
            Some((t, lines))
        })
        .collect()
}

/// Whether a finding by name may have read a row whose name is in doubt: it draws on a table
/// with such rows, and either its rule compares lists or sums over the table's rows, or it
/// cites none of the table's lines (a name no row was found under, perhaps for the doubt), or
/// it cites a line of a row in doubt.
fn reads_doubtful(f: &Finding, doubtful: &[(&Table, Vec<LineNo>)]) -> bool {
    doubtful.iter().any(|(t, lines)| {
        if !involves(f, t) {
            return false;
        }
        let cited: Vec<LineNo> = f.lines.iter().copied().filter(|&l| within(t, l)).collect();
        !ROW_BY_ROW.contains(&f.rule.as_str())
            || cited.is_empty()
            || cited.iter().any(|l| lines.binary_search(l).is_ok())
    })
}

/// Sets aside every conclusion drawn from a table that was not reliably read, of any severity
/// ([`concluded`]; the parser's per-row notes inside it among them) and returns the findings to show, with one note
/// per such table. `findings` are the checker's and the parser's together.
pub(crate) fn gate(doc: &Document, findings: Vec<Finding>) -> Vec<Finding> {
    let tables: Vec<&Table> = doc.tables.iter().filter(|t| t.span.0 > 0).collect();
    // No check by name that reads a row whose name the parser put together with doubt.
    let doubtful = doubtful_rows(&tables, &findings);
    let findings: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            !(counts(f) && BY_NAME.contains(&f.rule.as_str()) && reads_doubtful(f, &doubtful))
        })
        .collect();
    // Each table's doubt, by its index in `tables` (a slot per table rather than a map keyed by
    // index: a new map type is a copy of the standard library's tree code in the page).
    let mut doubts: Vec<Option<Doubt>> = tables.iter().map(|_| None).collect();
    let doubted = |doubts: &[Option<Doubt>]| -> Vec<usize> {
        let indices = doubts.iter().enumerate();
        indices
            .filter(|(_, d)| d.is_some())
            .map(|(ti, _)| ti)
            .collect()
    };
    // A table that runs over many lines and yields not one amount, and does not say it is
    // empty, was not read (an empty table of these templates is its header and a few labels;
    // T8.2 and T9.2 ask that one say so).
    for (ti, t) in tables.iter().enumerate() {
        let amounts = t
            .blocks
            .iter()
            .flat_map(|b| &b.rows)
            .flat_map(|r| r.cells.iter().flatten())
            .any(|c| !c.value.is_zero());
        if !amounts && t.empty_statement.is_none() && t.span.1 - t.span.0 >= LONG_TABLE {
            doubts[ti].get_or_insert_with(Doubt::default).no_amounts = true;
        }
    }
    // A row the parser skipped, or read with more numbers than the table has columns, leaves
    // every sum and comparison through it unknown.
    for f in findings
        .iter()
        .filter(|f| ROW_NOTES.contains(&f.rule.as_str()))
    {
        for (ti, t) in tables.iter().enumerate() {
            if f.lines.iter().any(|&l| within(t, l)) {
                doubts[ti].get_or_insert_with(Doubt::default);
            }
        }
    }
    // A table printed one cell per line whose amounts the parser could not place so that its
    // sums hold was not read: its rows are the line readers' guesses.
    for f in findings.iter().filter(|f| f.rule == UNPLACED_NOTE) {
        for (ti, t) in tables.iter().enumerate() {
            if f.lines.iter().any(|&l| within(t, l)) {
                doubts[ti].get_or_insert_with(Doubt::default).unplaced = true;
            }
        }
    }
    // A table in a unit the reader does not read has no rows: it was not read.
    for f in findings
        .iter()
        .filter(|f| LAYOUT_NOTES.contains(&f.rule.as_str()))
    {
        for (ti, t) in tables.iter().enumerate() {
            if f.lines.iter().any(|&l| within(t, l)) {
                doubts[ti].get_or_insert_with(Doubt::default).other_unit =
                    Some((f.message_zh.clone(), f.message_en.clone()));
            }
        }
    }
    // Blame, the table needing the most causes first, until every table's failures have few.
    loop {
        let blamed = doubted(&doubts);
        let remaining: Vec<&Finding> = findings
            .iter()
            .filter(|f| evidence(f) && !blamed.iter().any(|&ti| involves(f, tables[ti])))
            .collect();
        let worst = tables
            .iter()
            .enumerate()
            .filter(|(ti, _)| doubts[*ti].is_none())
            .map(|(ti, t)| {
                let failures: Vec<&Finding> = remaining
                    .iter()
                    .copied()
                    .filter(|f| involves(f, t))
                    .collect();
                (causes(&failures), failures.len(), ti)
            })
            .max();
        match worst {
            Some((causes, failures, ti)) if causes >= CAUSES => {
                let doubt = doubts[ti].get_or_insert_with(Doubt::default);
                doubt.causes = causes;
                doubt.failures = failures;
            }
            _ => break,
        }
    }
    let blamed = doubted(&doubts);
    if blamed.is_empty() {
        return findings;
    }
    // The rules of the findings set aside, by table.
    let mut set_aside: Vec<Vec<String>> = vec![Vec::new(); tables.len()];
    let mut kept = Vec::with_capacity(findings.len());
    for f in findings {
        let folded = counts(&f)
            || concluded(&f)
            || f.rule == UNPLACED_NOTE
            || LAYOUT_NOTES.contains(&f.rule.as_str());
        let by = folded
            .then(|| blamed.iter().copied().find(|&ti| involves(&f, tables[ti])))
            .flatten();
        let Some(ti) = by else {
            kept.push(f);
            continue;
        };
        let doubt = doubts[ti].get_or_insert_with(Doubt::default);
        match f.rule.as_str() {
            "parse/unreadable-row" => doubt.unreadable.extend(&f.lines),
            "parse/too-many-numbers" => doubt.crowded.extend(&f.lines),
            UNPLACED_NOTE => doubt.unplaced = true,
            rule if LAYOUT_NOTES.contains(&rule) => {}
            _ => {
                let rules = &mut set_aside[ti];
                if !rules.contains(&f.rule) {
                    rules.push(f.rule);
                }
            }
        }
    }
    for (ti, doubt) in doubts.iter().enumerate() {
        if let Some(doubt) = doubt {
            kept.push(note(tables[ti], doubt, &set_aside[ti]));
        }
    }
    kept
}

/// The one note for a table not reliably read: which lines, why, and what the why says of the
/// document, by cause.
///
/// - A table printed one cell per line whose amounts could not be placed so that its sums hold
///   ([`Doubt::unplaced`]): the reader places the amounts by the sums, so a figure of the
///   document that does not add up leaves it as unplaced as a copy that scrambled the order.
///   The note says both and leans to neither (its unreadable lines follow from it and are no
///   evidence either way).
/// - Lines that could not be read, rows with more numbers than columns: the shape of the copy's
///   lines; whether the figures are right was not checked.
/// - Failures spread over many unrelated figures of a table read row by row: one misprint
///   explains the failures it causes, so many causes point to a misreading (the copy garbled
///   the table, or the column solver shifted its figures) rather than to as many misprints —
///   but one wrong figure can itself throw the solver off (tests/reliability.rs), so a real
///   error among them is not ruled out.
/// - No amount read: the figures were not read; nothing is said of them.
fn note(t: &Table, d: &Doubt, rules: &[String]) -> Finding {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if let Some((unit_zh, unit_en)) = &d.other_unit {
        zh.push(unit_zh.clone());
        en.push(unit_en.clone());
    }
    if d.unplaced {
        zh.push(
            "表格复制成一格一行（名称与数字分开），没能把数字排回各行、使各项合计都成立".to_owned(),
        );
        en.push("it was copied one cell per line (names apart from figures), and its figures could not be placed back in its rows with every sum holding".to_owned());
    }
    // A layout not read leaves its rows unread: its reason says why, not the rows.
    if !d.unreadable.is_empty() && d.other_unit.is_none() {
        zh.push(format!("{} 行无法读取", d.unreadable.len()));
        en.push(format!("{} lines could not be read", d.unreadable.len()));
    }
    if !d.crowded.is_empty() && d.other_unit.is_none() {
        zh.push(format!("{} 行的数字多于表格的列数", d.crowded.len()));
        en.push(format!(
            "{} rows have more numbers than the table has columns",
            d.crowded.len()
        ));
    }
    if d.no_amounts && d.other_unit.is_none() {
        zh.push("表中没有读到任何金额".to_owned());
        en.push("no amount could be read from it".to_owned());
    }
    if d.causes > 0 {
        zh.push(format!(
            "{} 处核对不符，分散在 {} 处以上互不相干的数字上",
            d.failures, d.causes
        ));
        en.push(format!(
            "{} checks fail, spread over {} or more unrelated figures",
            d.failures, d.causes
        ));
    }
    // What the causes say of the document.
    let (why_zh, why_en) = if d.unplaced {
        (
            "可能是复制的次序所致，也可能是文件本身有数字对不上，无法分辨；",
            " This may be the copy's order or a figure of the document that does not add up; the reader cannot tell which.",
        )
    } else if d.other_unit.is_some() {
        (
            "表中数字本身对不对，未能核对；",
            " Whether the table's figures are right was not checked.",
        )
    } else if !d.unreadable.is_empty() || !d.crowded.is_empty() {
        (
            "这些行是复制出的文字不成表格的行所致；表中数字本身对不对，未能核对；",
            " Those lines are the copy's shape (its text does not come out as the table's rows); whether the table's figures are right was not checked.",
        )
    } else if d.causes > 0 {
        (
            "一处印错只会引起牵涉它的几处不符；这么多处互不相干的不符，多半是表格没有读对（复制时走了样，或数字被排错了列），而不是文件有这么多处印错，但不排除其中有一处真错；",
            " One misprint explains all the failures it causes; so many unrelated ones most likely mean the table was misread (the copy garbled it, or its figures were put in the wrong columns), not that the document has this many misprints, though one real error among them is not ruled out.",
        )
    } else {
        (
            "表中数字本身对不对，未能核对；",
            " Whether the table's figures are right was not checked.",
        )
    };
    let (a, b) = t.span;
    let (checks_zh, checks_en) = if rules.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!("由此表得出的核对（{}）没有下结论。", rules.join(", ")),
            format!(
                " The checks drawn from it ({}) were not concluded.",
                rules.join(", ")
            ),
        )
    };
    // Another copy reads the copy's shape better; not the document's own unit.
    let (advice_zh, advice_en) = if d.other_unit.is_some() {
        ("请对照原文核对。", "Check it against the original.")
    } else {
        (
            "可换一种方式复制（如另一种 PDF 阅读器），或对照原文核对。",
            "Copy it another way (another PDF viewer) or check it against the original.",
        )
    };
    let mut lines: Vec<LineNo> = vec![a];
    lines.extend(&d.unreadable);
    lines.extend(&d.crowded);
    crate::sort::sort(&mut lines);
    lines.dedup();
    Finding {
        rule: RULE.to_owned(),
        severity: Severity::Info,
        message_zh: format!(
            "表{} {}（第 {a}–{b} 行）没有读可靠：{}。{why_zh}{}{advice_zh}",
            t.number,
            t.title,
            zh.join("，"),
            checks_zh
        ),
        message_en: format!(
            "Table {} ({}, lines {a}–{b}) was not read reliably: {}.{why_en}{} {advice_en}",
            t.number,
            t.title,
            en.join("; "),
            checks_en
        ),
        expected: None,
        actual: None,
        printed: None,
        lines,
        tables: vec![t.number],
        percent: false,
    }
}
