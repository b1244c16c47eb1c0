//! Names of coded rows wrapped between two code lines, split by the names the document itself
//! gives.
//!
//! A copy that centres a wrapped name on its code line ("机关事业单位基本养老保险缴" / "208 05 05
//! 203.41" / "费支出") leaves the tail of one name and the head of the next between two code
//! lines. Where two or more such lines lie there, the reader cannot tell from the layout where
//! one name ends, and says so (`parse/name-in-doubt`). The document often can: 部门预算 and 决算
//! print the same codes with the same names in several tables (表2, 3, 5, 6, 7 …), and one
//! table's column may be wide enough to print a name on one line that another wraps; the 功能分类
//! and 经济分类 类 have standard names. A split of the lines is taken only where exactly one way
//! of splitting them gives every row concerned a name the document (or the standard list) gives
//! its code elsewhere; the note is then withdrawn. Otherwise the reading and the note stay as
//! they were.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::schema::FUNCTION_CLASSES;
use crate::model::*;
use crate::text::{compact, Line};

/// The most ways of splitting one run of names tried.
const MAX_SPLITS: usize = 4096;

/// One note's lines between two code lines, read: the rows above and below (indices into one
/// block) and the compact texts of the lines between, in order, with their numbers.
struct Gap {
    table: usize,
    block: usize,
    above: usize,
    below: usize,
    held: Vec<(LineNo, String)>,
    /// Index of the note in the parser's diagnostics.
    note: usize,
}

/// Splits the names in doubt ([`DiagCode::NameInDoubt`]) of every table of `doc` where the
/// document's own names confirm exactly one split, and withdraws their notes.
pub(crate) fn settle(lines: &[Line], doc: &mut Document, diags: &mut Vec<Diagnostic>) {
    // (The collections here are of types the page has elsewhere, or hashed: a sorted map or set
    // of a new type brings its own copy of the standard library's tree and sort code into the
    // page's first load, for a step that runs only on a copy with names in doubt.)
    let text_of: HashMap<LineNo, &str> = lines.iter().map(|l| (l.no, l.text.as_str())).collect();
    let mut gaps: Vec<Gap> = Vec::new();
    for (note, d) in diags.iter().enumerate() {
        if d.code != DiagCode::NameInDoubt {
            continue;
        }
        if let Some(g) = gap_of(doc, &d.lines, &text_of, note) {
            gaps.push(g);
        }
    }
    if gaps.is_empty() {
        return;
    }
    // The rows concerned do not vouch for names: every other coded row does.
    let concerned: HashSet<(usize, usize, usize)> = gaps
        .iter()
        .flat_map(|g| [(g.table, g.block, g.above), (g.table, g.block, g.below)])
        .collect();
    // Each code with each name it has in a row not concerned, as "code name" (a code is
    // digits, so no two pairs give the same text).
    let mut pairs: Vec<String> = Vec::new();
    for (ti, t) in doc.tables.iter().enumerate() {
        for (bi, b) in t.blocks.iter().enumerate() {
            for (ri, r) in b.rows.iter().enumerate() {
                if let Some(code) = &r.code {
                    if !concerned.contains(&(ti, bi, ri)) {
                        pairs.push(format!("{} {}", code.0, compact(&r.name)));
                    }
                }
            }
        }
    }
    let known: BTreeSet<String> = pairs.into_iter().collect();
    let knows = |code: &str, name: &str| {
        known.contains(format!("{code} {name}").as_str())
            || FUNCTION_CLASSES
                .iter()
                .any(|(c, n)| *c == code && *n == name)
            || (code.len() == 3 && code.starts_with('3') && {
                let std = code.parse::<u16>().map(econ_class_name).unwrap_or_default();
                std != "经济分类" && std == name
            })
    };
    // Runs of gaps that share a row (the row below one is the row above the next) are split
    // together: a row's name then takes from both.
    gaps.sort_by_key(|g| (g.table, g.block, g.below));
    // The notes withdrawn, by their index in `diags`.
    let mut withdrawn = vec![false; diags.len()];
    let mut start = 0;
    while start < gaps.len() {
        let mut end = start + 1;
        while end < gaps.len()
            && (gaps[end].table, gaps[end].block, gaps[end].above)
                == (
                    gaps[end - 1].table,
                    gaps[end - 1].block,
                    gaps[end - 1].below,
                )
        {
            end += 1;
        }
        let run = &gaps[start..end];
        start = end;
        let Some(names) = split_run(doc, run, &knows) else {
            continue;
        };
        let (ti, bi) = (run[0].table, run[0].block);
        let rows = &mut doc.tables[ti].blocks[bi].rows;
        for (k, (name, taken)) in names.into_iter().enumerate() {
            let ri = run[0].above + k;
            rows[ri].name = name;
            // The lines a row's name now takes from the gap after it move to it.
            if let (Some(g), true) = (run.get(k), !taken.is_empty()) {
                rows[g.below].lines.retain(|l| !taken.contains(l));
                rows[ri].lines.extend(taken);
                rows[ri].lines.sort_unstable();
            }
        }
        for g in run {
            withdrawn[g.note] = true;
        }
    }
    let mut k = 0;
    diags.retain(|_| {
        k += 1;
        !withdrawn[k - 1]
    });
}

/// The gap a note names: its first line is the number line of the row above, its last the code
/// line of the row below, and the lines between are the row below's first.
fn gap_of(
    doc: &Document,
    noted: &[LineNo],
    text_of: &HashMap<LineNo, &str>,
    note: usize,
) -> Option<Gap> {
    let (&first, &last) = (noted.first()?, noted.last()?);
    for (ti, t) in doc.tables.iter().enumerate() {
        if !(t.span.0 <= first && last <= t.span.1) {
            continue;
        }
        for (bi, b) in t.blocks.iter().enumerate() {
            let Some(below) = b.rows.iter().position(|r| r.lines.contains(&last)) else {
                continue;
            };
            let above = below.checked_sub(1)?;
            let (a, r) = (&b.rows[above], &b.rows[below]);
            if a.code.is_none() || r.code.is_none() || !a.lines.contains(&first) {
                return None;
            }
            let between = &noted[1..noted.len() - 1];
            if between.len() < 2 || between.iter().any(|l| !r.lines.contains(l)) {
                return None;
            }
            let held: Vec<(LineNo, String)> = between
                .iter()
                .map(|l| Some((*l, compact(text_of.get(l)?))))
                .collect::<Option<_>>()?;
            // The row below's name begins with the lines between, as read.
            let joined: String = held.iter().map(|(_, t)| t.as_str()).collect();
            if !compact(&r.name).starts_with(&joined) {
                return None;
            }
            return Some(Gap {
                table: ti,
                block: bi,
                above,
                below,
                held,
                note,
            });
        }
    }
    None
}

/// The one split of a run of gaps that gives every row concerned a known name: each row's new
/// name, with the lines it takes from the gap after it. `None` where no split, or more than one,
/// does.
#[allow(clippy::type_complexity)]
fn split_run(
    doc: &Document,
    run: &[Gap],
    knows: &dyn Fn(&str, &str) -> bool,
) -> Option<Vec<(String, Vec<LineNo>)>> {
    let rows = &doc.tables[run[0].table].blocks[run[0].block].rows;
    // Each row's own part: the name of the first as read; of the others, the name without the
    // gap's lines before it.
    let mut cores: Vec<String> = vec![compact(&rows[run[0].above].name)];
    for g in run {
        let joined: String = g.held.iter().map(|(_, t)| t.as_str()).collect();
        cores.push(compact(&rows[g.below].name)[joined.len()..].to_owned());
    }
    let codes: Vec<&str> = (run[0].above..=run[run.len() - 1].below)
        .map(|ri| rows[ri].code.as_ref().map_or("", |c| c.0.as_str()))
        .collect();
    let ways: usize = run
        .iter()
        .try_fold(1usize, |n, g| n.checked_mul(g.held.len() + 1))?;
    if ways > MAX_SPLITS {
        return None;
    }
    let mut found: Option<Vec<usize>> = None;
    let mut at = vec![0usize; run.len()];
    'ways: loop {
        let names = names_at(run, &cores, &at);
        if names.iter().zip(&codes).all(|(n, c)| knows(c, n)) {
            if found.is_some() {
                return None;
            }
            found = Some(at.clone());
        }
        // The next split: count up, each gap's cut from 0 to its lines' count.
        for (k, g) in run.iter().enumerate() {
            if at[k] < g.held.len() {
                at[k] += 1;
                continue 'ways;
            }
            at[k] = 0;
        }
        break;
    }
    let at = found?;
    let names = names_at(run, &cores, &at);
    Some(
        names
            .into_iter()
            .enumerate()
            .map(|(k, n)| {
                let taken = run
                    .get(k)
                    .map(|g| g.held[..at[k]].iter().map(|(l, _)| *l).collect())
                    .unwrap_or_default();
                (n, taken)
            })
            .collect(),
    )
}

/// The names of a run's rows when each gap `k` gives its first `at[k]` lines to the row above.
fn names_at(run: &[Gap], cores: &[String], at: &[usize]) -> Vec<String> {
    let mut names: Vec<String> = cores.to_vec();
    for (k, g) in run.iter().enumerate() {
        let (up, down) = g.held.split_at(at[k]);
        names[k].extend(up.iter().map(|(_, t)| t.as_str()));
        let head: String = down.iter().map(|(_, t)| t.as_str()).collect();
        names[k + 1].insert_str(0, &head);
    }
    names
}
