//! A finding's printed value (`actual`, shown as 印出 / printed) is a number printed in the text,
//! on one of the lines the finding cites; its `expected` value is rounded as the document prints
//! its figures. Over every copy of the reviewed corpus (fixtures/corpus, except the document held
//! out; the copy `pdf` is the PDF as the PDF reader reads it), and the sample.

use disclosure::check::Finding;
use disclosure::Decimal;

mod common;

/// The corpus directory.
fn corpus_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus")
}

/// The copies of the documents of `corpus.toml` that are not held out: (name, text). The
/// document with its own `files` (the sample) is covered by the sample itself.
fn corpus_copies() -> Vec<(String, String)> {
    let dir = corpus_dir();
    let toml = std::fs::read_to_string(dir.join("corpus.toml")).expect("corpus.toml");
    // A small reading of corpus.toml: each [[document]] with its id, copies and held_out flag.
    let mut docs: Vec<(String, Vec<String>, bool, bool)> = Vec::new();
    for line in toml.lines().map(str::trim) {
        if line == "[[document]]" {
            docs.push((String::new(), Vec::new(), false, false));
        }
        let Some(doc) = docs.last_mut() else { continue };
        let value = |l: &str| l.split_once('=').map(|(_, v)| v.trim().to_owned());
        if line.starts_with("id ") || line.starts_with("id=") {
            doc.0 = value(line).unwrap_or_default().trim_matches('"').to_owned();
        } else if line.starts_with("copies") {
            let v = value(line).unwrap_or_default();
            doc.1 = v
                .trim_matches(|c| c == '[' || c == ']')
                .split(',')
                .map(|s| s.trim().trim_matches('"').to_owned())
                .filter(|s| !s.is_empty())
                .collect();
        } else if line.starts_with("held_out") {
            doc.2 = value(line).is_some_and(|v| v == "true");
        } else if line.starts_with("files") {
            doc.3 = true;
        }
    }
    let mut out = Vec::new();
    for (id, copies, held_out, elsewhere) in docs {
        if held_out || elsewhere {
            continue;
        }
        for copy in copies {
            // The copy `pdf` is the PDF itself, as the PDF reader (crates/disclosure-pdf)
            // rebuilds its text.
            let text = if copy == "pdf" {
                let path = dir.join(&id).join("document.pdf");
                let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
                let x = disclosure_pdf::extract(&bytes).unwrap_or_else(|e| panic!("{path:?}: {e}"));
                x.text
            } else {
                let path = dir.join(&id).join(format!("{copy}.txt"));
                std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
            };
            out.push((format!("{id}/{copy}"), text));
        }
    }
    assert!(out.len() >= 20, "only {} corpus copies found", out.len());
    out
}

/// The numbers printed on a line, thousands separators removed ("2,300.52" → 2300.52).
fn numbers(line: &str) -> Vec<Decimal> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<Decimal>| {
        let s = cur.trim_end_matches(['.', ',']).replace(',', "");
        if let Ok(d) = s.parse::<Decimal>() {
            out.push(d);
        }
        cur.clear();
    };
    for ch in line.chars() {
        let ch = match ch {
            '０'..='９' => char::from_u32(ch as u32 - '０' as u32 + '0' as u32).unwrap_or(ch),
            '．' => '.',
            c => c,
        };
        if ch.is_ascii_digit() || (!cur.is_empty() && (ch == '.' || ch == ',')) {
            cur.push(ch);
        } else {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// The decimals of a value as printed (trailing zeros kept: "28.50" has two).
fn decimals(v: Decimal) -> u32 {
    v.scale()
}

/// What is wrong with the values of one finding, if anything.
fn problems(name: &str, text: &str, f: &Finding) -> Vec<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let cited: Vec<Decimal> = f
        .lines
        .iter()
        .filter_map(|&n| lines.get((n as usize).wrapping_sub(1)))
        .flat_map(|l| numbers(l))
        .collect();
    let mut out = Vec::new();
    let describe = || {
        format!(
            "{name}: {} {:?} lines {:?}: {}",
            f.rule, f.severity, f.lines, f.message_zh
        )
    };
    if let Some(a) = f.actual {
        if !cited.iter().any(|&p| p == a.abs()) {
            out.push(format!(
                "{}\n    actual {a} is not printed on its lines",
                describe()
            ));
        }
    }
    if let Some(e) = f.expected {
        let places = cited.iter().map(|&p| decimals(p)).max().unwrap_or(0).max(2);
        if decimals(e.normalize()) > places {
            out.push(format!(
                "{}\n    expected {e} has more than {places} decimals",
                describe()
            ));
        }
    }
    out
}

fn check_text(name: &str, text: &str, bad: &mut Vec<String>) {
    let analysis = disclosure::analyze(text);
    let raw = disclosure::check::check(&analysis.document);
    for f in analysis.findings.iter().chain(&raw) {
        bad.extend(problems(name, text, f));
    }
}

#[test]
fn printed_values_are_printed_and_expected_values_rounded() {
    let mut bad = Vec::new();
    check_text("sample", common::SAMPLE, &mut bad);
    for (name, text) in corpus_copies() {
        check_text(&name, &text, &mut bad);
    }
    bad.sort();
    bad.dedup();
    assert!(
        bad.is_empty(),
        "{} findings:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn numbers_are_read_as_printed() {
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    assert_eq!(
        numbers("合计 2,300.52 2,102.56，占 91.40%。"),
        vec![d("2300.52"), d("2102.56"), d("91.40")]
    );
    assert_eq!(
        numbers("302 17 公务接待费 185,000.00"),
        vec![d("302"), d("17"), d("185000.00")]
    );
}
