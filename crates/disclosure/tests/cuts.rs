//! Tables cut mid-rows (issue 21): a paste that ends, or begins, inside a table.

mod common;

use disclosure::check::{Finding, Severity};
use disclosure::parse::segment;
use disclosure::text;

/// The sample and the pypdf copies of the corpus, without shangwu-unit-2025 (held out when
/// these tests were written).
const DOCUMENTS: &[(&str, &str)] = common::DOCUMENTS.split_at(5).0;

fn serious(f: &Finding) -> bool {
    matches!(f.severity, Severity::Error | Severity::Warning)
}

type Key = (String, Severity, Option<String>, Option<String>, Vec<u32>);

fn key(f: &Finding, map: &[u32]) -> Key {
    (
        f.rule.clone(),
        f.severity,
        f.actual.map(|d| d.to_string()),
        f.expected.map(|d| d.to_string()),
        f.lines
            .iter()
            .map(|&l| map.get(l as usize - 1).copied().unwrap_or(0))
            .collect(),
    )
}

/// The whole's errors and warnings that are not about what a cut leaves out.
fn serious_keys(a: &disclosure::Analysis, map: &[u32]) -> Vec<Key> {
    a.findings
        .iter()
        .filter(|f| serious(f))
        .map(|f| key(f, map))
        .collect()
}

/// The part's errors and warnings that the whole does not have for the same lines.
fn new_findings(part: &disclosure::Analysis, map: &[u32], theirs: &[Key]) -> Vec<String> {
    part.findings
        .iter()
        .filter(|f| serious(f))
        .filter_map(|f| {
            let k = key(f, map);
            let known = theirs
                .iter()
                .any(|t| t.0 == k.0 && t.1 == k.1 && k.4.iter().all(|l| t.4.contains(l)));
            (!known).then(|| {
                format!(
                    "new {} {:?} {:?}: {}",
                    f.rule, f.severity, k.4, f.message_zh
                )
            })
        })
        .collect()
}

/// A text cut at line `from` (0-based) to line `to` (exclusive), the first and last lines
/// perhaps cut in the middle: `head` drops the first line's first half, `tail` the last
/// line's second half.
fn cut(raw: &[&str], from: usize, to: usize, head: bool, tail: bool) -> String {
    let half = |t: &str| {
        t.char_indices()
            .nth(t.chars().count() / 2)
            .map_or(t.len(), |(i, _)| i)
    };
    let mut out: Vec<String> = raw[from..to].iter().map(|l| (*l).to_owned()).collect();
    if head {
        if let Some(first) = out.first_mut() {
            *first = first[half(first)..].to_owned();
        }
    }
    if tail {
        if let Some(last) = out.last_mut() {
            let h = half(last);
            last.truncate(h);
        }
    }
    out.join("\n")
}

/// Every table of every document, alone, cut at every row boundary from both ends, and at the
/// middle of every line of it from both ends: nothing the whole does not report for those
/// lines — no total judged against the parts that were pasted, no row "missing" after the cut.
#[test]
fn a_table_cut_anywhere_says_nothing_the_whole_does_not() {
    let mut failures = Vec::new();
    let mut count = 0;
    for &(doc, whole_text) in DOCUMENTS {
        let whole = disclosure::analyze(whole_text);
        let identity: Vec<u32> = (1..=whole.document.line_count).collect();
        let theirs = serious_keys(&whole, &identity);
        let raw: Vec<&str> = text::split_lines(whole_text).collect();
        let lines = text::lines(whole_text);
        let seg = segment::segment(&lines);
        for t in &seg.tables {
            let s = lines[t.start].no as usize - 1;
            let e = lines.get(t.end).map_or(raw.len(), |l| l.no as usize - 1);
            for k in s + 1..e {
                // At the boundary before line k, and in the middle of line k.
                for (from, to, head, tail) in [
                    (s, k, false, false),
                    (k, e, false, false),
                    (s, k + 1, false, true),
                    (k, e, true, false),
                ] {
                    count += 1;
                    let text = cut(&raw, from, to, head, tail);
                    let map: Vec<u32> = (from as u32 + 1..=to as u32).collect();
                    let a = disclosure::analyze(&text);
                    for n in new_findings(&a, &map, &theirs) {
                        failures.push(format!(
                            "{doc} / {} cut to lines {}-{} ({head}, {tail}): {n}",
                            t.title,
                            from + 1,
                            to
                        ));
                    }
                }
            }
        }
    }
    assert!(count > 5000, "{count} cuts");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Each document cut inside each of its tables (a quarter, half and three quarters of the way
/// down, at a row boundary and in the middle of a line), keeping what is before the cut and,
/// apart, what is after it: nothing the whole does not report for those lines, and every
/// error and warning of the whole whose lines and tables all lie on the kept side is reported
/// there too.
#[test]
fn a_document_cut_inside_a_table_keeps_the_problems_on_each_side() {
    let mut failures = Vec::new();
    for &(doc, whole_text) in DOCUMENTS {
        let whole = disclosure::analyze(whole_text);
        let identity: Vec<u32> = (1..=whole.document.line_count).collect();
        let theirs = serious_keys(&whole, &identity);
        let raw: Vec<&str> = text::split_lines(whole_text).collect();
        let n = raw.len();
        let lines = text::lines(whole_text);
        let seg = segment::segment(&lines);
        // The whole's tables' spans (1-based lines), by number.
        let spans: Vec<(u8, u32, u32)> = whole
            .document
            .tables
            .iter()
            .map(|t| (t.number, t.span.0, t.span.1))
            .collect();
        for t in &seg.tables {
            let s = lines[t.start].no as usize - 1;
            let e = lines.get(t.end).map_or(n, |l| l.no as usize - 1);
            if e < s + 8 {
                continue;
            }
            for k in [s + (e - s) / 4, s + (e - s) / 2, s + 3 * (e - s) / 4] {
                for mid in [false, true] {
                    for before in [true, false] {
                        let (from, to) = if before {
                            (0, k + usize::from(mid))
                        } else {
                            (k, n)
                        };
                        let text = cut(&raw, from, to, !before && mid, before && mid);
                        let map: Vec<u32> = (from as u32 + 1..=to as u32).collect();
                        let a = disclosure::analyze(&text);
                        let name = format!(
                            "{doc} cut in {} at line {} ({}, {})",
                            t.title,
                            k + 1,
                            if before { "before" } else { "after" },
                            if mid { "mid-line" } else { "row boundary" }
                        );
                        for f in new_findings(&a, &map, &theirs) {
                            failures.push(format!("{name}: {f}"));
                        }
                        // The whole's findings wholly on the kept side, the cut line apart.
                        let kept = |l: u32| {
                            if before {
                                (l as usize) < k
                            } else {
                                l as usize > k + 1
                            }
                        };
                        let mine = serious_keys(&a, &map);
                        for (f, key) in whole.findings.iter().filter(|f| serious(f)).zip(&theirs) {
                            let tables_kept = f.tables.iter().all(|n| {
                                spans
                                    .iter()
                                    .filter(|sp| sp.0 == *n)
                                    .all(|sp| kept(sp.1) && kept(sp.2))
                            });
                            let lines_kept =
                                !f.lines.is_empty() && f.lines.iter().all(|&l| kept(l));
                            if tables_kept && lines_kept && !mine.contains(key) {
                                failures.push(format!(
                                    "{name}: lost {} {:?} {:?}: {}",
                                    f.rule, f.severity, f.lines, f.message_zh
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The sample's 表2 pasted down to its first 行政运行 row: the 总计, 201 and 201 03 rows are
/// totals whose later parts the paste left out; nothing is judged on them, and one note says
/// why. The same rows with 201 01 人大事务 printed as 4.00 (less than its two 项, 4.14 and
/// 1.00, which are both there): parts that already exceed their total are wrong whatever
/// follows, and the error stands.
#[test]
fn a_table_cut_after_its_first_rows_judges_only_what_is_there() {
    let raw: Vec<&str> = text::split_lines(common::SAMPLE).collect();
    let part = raw[125..215].join("\n");
    let a = disclosure::analyze(&part);
    let serious: Vec<&Finding> = a.findings.iter().filter(|f| serious(f)).collect();
    assert!(serious.is_empty(), "{serious:#?}");
    let notes: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| f.rule == "check/cut-table")
        .collect();
    assert_eq!(notes.len(), 1, "{:#?}", a.findings);
    assert!(
        notes[0].message_zh.contains("T2.3"),
        "{}",
        notes[0].message_zh
    );

    let edited = common::edited(208, "5.14", "4.00");
    let raw: Vec<&str> = text::split_lines(&edited).collect();
    let a = disclosure::analyze(&raw[125..215].join("\n"));
    assert!(
        a.findings.iter().any(|f| f.rule == "T2.5"
            && f.severity == Severity::Error
            && f.lines.contains(&(208 - 125))),
        "{:#?}",
        a.findings
    );
    // The whole table alone is judged as ever: its end is followed by nothing, but no total
    // of it falls short, and no note is made.
    let lines = text::lines(common::SAMPLE);
    let seg = segment::segment(&lines);
    let t = &seg.tables[1];
    let e = lines[t.end].no as usize - 1;
    let a = disclosure::analyze(&raw_sample()[lines[t.start].no as usize - 1..e].join("\n"));
    assert!(a.findings.iter().all(|f| f.rule != "check/cut-table"));
}

fn raw_sample() -> Vec<&'static str> {
    text::split_lines(common::SAMPLE).collect()
}
