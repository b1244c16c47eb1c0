//! Metadata from sentences (issue 21): the narrative alone of every document, with its title
//! lines and headings removed, still gives the right department and year, or none — never a
//! wrong one.

mod common;

use disclosure::parse::segment;
use disclosure::text::{self, compact};

const DOCUMENTS: [(&str, &str); 6] = common::DOCUMENTS;

/// A line that is a title or heading: short, without a sentence's punctuation.
fn title(c: &str) -> bool {
    text::at_most_chars(c, 60) && !c.contains(['，', '。', '；'])
}

#[test]
fn the_narrative_without_titles_names_the_right_department_and_year_or_none() {
    let mut failures = Vec::new();
    let mut named = 0;
    for (doc, whole_text) in DOCUMENTS {
        let whole = disclosure::analyze(whole_text);
        let want = &whole.document.meta;
        let lines = text::lines(whole_text);
        let seg = segment::segment(&lines);
        let Some(range) = seg.part(3, lines.len()) else {
            continue;
        };
        let start = range.start;
        let untitled: Vec<&str> = range
            .filter(|&i| i > start && !title(lines[i].compact()) && !seg.in_table(i))
            .map(|i| lines[i].text.as_str())
            .collect();
        let a = disclosure::analyze(&untitled.join("\n"));
        let meta = &a.document.meta;
        println!(
            "{doc}: {:?} {:?}",
            meta.department.as_ref().map(|d| &d.value),
            meta.year.as_ref().map(|y| y.value)
        );
        if let (Some(got), Some(w)) = (&meta.department, &want.department) {
            named += 1;
            if compact(&got.value) != compact(&w.value) {
                failures.push(format!(
                    "{doc}: department {:?}, not {:?}",
                    got.value, w.value
                ));
            }
        }
        if let (Some(got), Some(w)) = (&meta.year, &want.year) {
            if got.value != w.value {
                failures.push(format!("{doc}: year {}, not {}", got.value, w.value));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every document's: the units' (wanli-2023, zhengfu-bangongshi-unit-2025, shangwu-unit-2025)
    // from their 其他相关情况说明's "<year>年X（部门）下属…" / "<year>年X财政拨款的…".
    assert_eq!(named, DOCUMENTS.len(), "{named} departments read");
}
