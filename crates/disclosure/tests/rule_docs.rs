//! Every rule's doc comment has the three parts of the rule book's style: what the rule checks,
//! why it must hold, and an example from a real document. The rules are read from their
//! source files (`src/check/rules/**.rs`, each `rules! { … }` block), so a rule cannot be added
//! without them, and their number must be that of [`disclosure::check::RULES`].

use std::fs;
use std::path::{Path, PathBuf};

/// The headings every rule's doc comment must have, in this order, each with text under it.
const HEADINGS: [&str; 3] = ["## What it checks", "## Why it must hold", "## Example"];

/// One rule declared in a `rules!` block: its file, its constant's name and its doc lines.
struct Declared {
    file: PathBuf,
    name: String,
    doc: Vec<String>,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The constant a rule line declares: `X17 = "X17", …` gives `X17`.
fn declared_name(line: &str) -> Option<&str> {
    let (name, rest) = line.split_once(" = \"")?;
    let name = name.trim();
    let is_const = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    (is_const && rest.contains('"')).then_some(name)
}

/// The rules declared in the `rules! { … }` blocks of one source file.
fn declared_in(file: &Path) -> Vec<Declared> {
    let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut found = Vec::new();
    let mut inside = false;
    let mut doc: Vec<String> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if !inside {
            inside = t.starts_with("rules! {");
            doc.clear();
            continue;
        }
        if line == "}" {
            inside = false;
        } else if let Some(d) = t.strip_prefix("///") {
            doc.push(d.trim().to_string());
        } else if let Some(name) = declared_name(t) {
            found.push(Declared {
                file: file.to_path_buf(),
                name: name.to_string(),
                doc: std::mem::take(&mut doc),
            });
        }
    }
    found
}

/// What is wrong with a doc comment: a heading missing, out of order, repeated, or with no
/// text under it. Empty when it is fine.
fn problems(doc: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let at: Vec<Option<usize>> = HEADINGS
        .iter()
        .map(|h| doc.iter().position(|l| l == h))
        .collect();
    for (h, i) in HEADINGS.iter().zip(&at) {
        match i {
            None => out.push(format!("no '{h}' heading")),
            Some(i) if doc.iter().filter(|l| l == h).count() > 1 => out.push(format!(
                "'{h}' appears more than once (line {i} of the doc)"
            )),
            Some(_) => {}
        }
    }
    if !out.is_empty() {
        return out;
    }
    let at: Vec<usize> = at.into_iter().flatten().collect();
    if at.windows(2).any(|w| w[0] > w[1]) {
        out.push(format!("the headings are not in the order {HEADINGS:?}"));
        return out;
    }
    for (k, &i) in at.iter().enumerate() {
        let end = at.get(k + 1).copied().unwrap_or(doc.len());
        let text = doc[i + 1..end]
            .iter()
            .any(|l| !l.is_empty() && !l.starts_with('#'));
        if !text {
            out.push(format!("no text under '{}'", HEADINGS[k]));
        }
    }
    out
}

#[test]
fn every_rule_doc_says_what_why_and_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/check/rules");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let rules: Vec<Declared> = files.iter().flat_map(|f| declared_in(f)).collect();
    assert_eq!(
        rules.len(),
        disclosure::check::RULES.len(),
        "the rules! blocks under {} declare {} rules, the registry lists {}",
        root.display(),
        rules.len(),
        disclosure::check::RULES.len()
    );
    let failures: Vec<String> = rules
        .iter()
        .flat_map(|r| {
            let file = r
                .file
                .strip_prefix(&root)
                .unwrap_or(&r.file)
                .display()
                .to_string();
            problems(&r.doc)
                .into_iter()
                .map(move |p| format!("{file}: rule {}: {p}", r.name))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} rule doc problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_checks_catch_a_missing_or_empty_part() {
    let doc = |lines: &[&str]| lines.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    let good = doc(&[HEADINGS[0], "a", "", HEADINGS[1], "b", "", HEADINGS[2], "c"]);
    assert!(problems(&good).is_empty(), "{:?}", problems(&good));
    let missing = doc(&[HEADINGS[0], "a", HEADINGS[2], "c"]);
    assert_eq!(problems(&missing), vec!["no '## Why it must hold' heading"]);
    let empty = doc(&[HEADINGS[0], "a", HEADINGS[1], "", HEADINGS[2], "c"]);
    assert_eq!(
        problems(&empty),
        vec!["no text under '## Why it must hold'"]
    );
    let last_empty = doc(&[HEADINGS[0], "a", HEADINGS[1], "b", HEADINGS[2]]);
    assert_eq!(problems(&last_empty), vec!["no text under '## Example'"]);
    assert_eq!(
        declared_name(r#"T2_5 = "T2.5", "表2", "Table 2","#),
        Some("T2_5")
    );
    assert_eq!(declared_name(r#"let x = "T2.5";"#), None);
}
