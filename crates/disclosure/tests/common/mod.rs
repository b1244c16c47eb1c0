//! Helpers shared by the integration tests: the reference sample and edits of it.
#![allow(dead_code)]

use disclosure::check::{Finding, Severity};

/// The reference sample (库尔勒市朝阳街道办事处 2024 部门预算), as copied from the PDF.
pub const SAMPLE: &str =
    include_str!("../../../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");

/// A corpus copy's text, by its path under fixtures/corpus ("wanli-2023/pdfium.txt").
pub fn corpus_file(path: &str) -> String {
    let p = format!(
        "{}/../../fixtures/corpus/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

/// Every real document the project has, by id: the sample and the pypdf copy of each corpus
/// document, shangwu-unit-2025 last (the tests written while it was held out take the first five).
pub const DOCUMENTS: [(&str, &str); 6] = [
    ("sample", SAMPLE),
    (
        "wanli-2023",
        include_str!("../../../../fixtures/corpus/wanli-2023/pypdf.txt"),
    ),
    (
        "caizhengju-2025-budget",
        include_str!("../../../../fixtures/corpus/caizhengju-2025-budget/pypdf.txt"),
    ),
    (
        "caizhengju-2024-final",
        include_str!("../../../../fixtures/corpus/caizhengju-2024-final/pypdf.txt"),
    ),
    (
        "zhengfu-bangongshi-unit-2025",
        include_str!("../../../../fixtures/corpus/zhengfu-bangongshi-unit-2025/pypdf.txt"),
    ),
    (
        "shangwu-unit-2025",
        include_str!("../../../../fixtures/corpus/shangwu-unit-2025/pypdf.txt"),
    ),
];

/// The sample with one edit on line `line` (1-based): the first `from` there becomes `to`.
/// Panics when `from` is not on that line, so a test cannot silently edit nothing.
pub fn edited(line: usize, from: &str, to: &str) -> String {
    let mut out: Vec<String> = SAMPLE.split('\n').map(str::to_owned).collect();
    let target = &mut out[line - 1];
    assert!(
        target.contains(from),
        "line {line} does not contain {from:?}: {target:?}"
    );
    *target = target.replacen(from, to, 1);
    out.join("\n")
}

/// The sample with several edits, each as for [`edited`].
pub fn edited_many(edits: &[(usize, &str, &str)]) -> String {
    let mut out: Vec<String> = SAMPLE.split('\n').map(str::to_owned).collect();
    for &(line, from, to) in edits {
        let target = &mut out[line - 1];
        assert!(
            target.contains(from),
            "line {line} does not contain {from:?}: {target:?}"
        );
        *target = target.replacen(from, to, 1);
    }
    out.join("\n")
}

/// The sample with the lines from `from` up to `to` (the first of each after the other) printed
/// a word a line where they hold figures, as a copy that keeps no row together gives them.
pub fn sample_a_word_a_line(from: &str, to: &str) -> String {
    let start = SAMPLE.find(from).unwrap_or_else(|| panic!("{from}"));
    let end = start + SAMPLE[start..].find(to).unwrap_or_else(|| panic!("{to}"));
    let body: Vec<String> = SAMPLE[start..end]
        .split('\n')
        .flat_map(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            if words.len() > 1 && l.chars().any(|c| c.is_ascii_digit()) {
                words.into_iter().map(str::to_owned).collect()
            } else {
                vec![l.to_owned()]
            }
        })
        .collect();
    format!("{}{}{}", &SAMPLE[..start], body.join("\n"), &SAMPLE[end..])
}

/// Every finding for a text (checker and parser).
pub fn findings(text: &str) -> Vec<Finding> {
    disclosure::analyze(text).findings
}

/// `(severity, rule)` pairs, sorted, for comparing finding lists.
pub fn kinds(findings: &[Finding]) -> Vec<(Severity, String)> {
    let mut v: Vec<(Severity, String)> = findings
        .iter()
        .map(|f| (f.severity, f.rule.clone()))
        .collect();
    v.sort();
    v
}
