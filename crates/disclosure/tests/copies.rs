//! Copy-invariant reading: the same document reads the same whatever copied its text out of the
//! PDF. For each corpus document that has every copy, the tables read from each copy are compared
//! with those read from the pypdf copy (which keeps rows on their own lines and labels whole):
//! the same tables, the same rows (codes, labels, keys) and the same value in every column.
//!
//! The copies that read right must stay equal; for the others, the number of differing cells is
//! pinned at most at its current figure, so that progress shows and a regression fails. The first
//! differences are printed.

use std::collections::HashMap;
use std::path::PathBuf;

use disclosure::{Block, Col, Document, Row};

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus")
}

fn read(doc: &str, copy: &str) -> Document {
    let path = corpus().join(doc).join(format!("{copy}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    disclosure::parse(&text).document
}

/// What makes a row the same row in two copies: its place in the hierarchy, its code, its
/// key, and for a row with neither, its label without spaces (表7 rows also by project).
fn identity(r: &Row) -> String {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    match (&r.code, r.key) {
        (Some(c), _) => format!(
            "{:?} {} {}",
            r.kind,
            c.0,
            r.project.as_deref().map(squeeze).unwrap_or_default()
        ),
        (None, Some(k)) => format!("{:?} {k:?}", r.kind),
        (None, None) => format!("{:?} {}", r.kind, squeeze(&r.name)),
    }
}

/// The printed value of each column of a row.
fn values(block: &Block, r: &Row) -> HashMap<Col, String> {
    block
        .columns
        .iter()
        .zip(&r.cells)
        .filter_map(|(c, v)| v.map(|v| (*c, v.value.to_string())))
        .collect()
}

/// The differences between two readings of one document, one line each; a cell that differs,
/// a row or a table that only one reading has (counted as its cells, at least one), a name
/// that differs (one).
fn differences(want: &Document, got: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let cells = |b: &Block, r: &Row| values(b, r).len().max(1);
    for t in &want.tables {
        let Some(g) = got.tables.iter().find(|g| g.kind == t.kind) else {
            let n: usize = t
                .blocks
                .iter()
                .flat_map(|b| b.rows.iter().map(move |r| cells(b, r)))
                .sum();
            for _ in 0..n.max(1) {
                out.push(format!("{:?}: table missing", t.kind));
            }
            continue;
        };
        for b in &t.blocks {
            let Some(gb) = g.blocks.iter().find(|x| x.side == b.side) else {
                for r in &b.rows {
                    for _ in 0..cells(b, r) {
                        out.push(format!("{:?}/{:?}: block missing", t.kind, b.side));
                    }
                }
                continue;
            };
            // Rows pair up by identity, in printed order.
            let mut theirs: Vec<Option<&Row>> = gb.rows.iter().map(Some).collect();
            for r in &b.rows {
                let id = identity(r);
                let found = theirs
                    .iter_mut()
                    .find(|x| x.is_some_and(|x| identity(x) == id))
                    .and_then(Option::take);
                let Some(gr) = found else {
                    for _ in 0..cells(b, r) {
                        out.push(format!(
                            "{:?}/{:?}: row {id} ({}) missing",
                            t.kind, b.side, r.name
                        ));
                    }
                    continue;
                };
                let squeeze =
                    |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                if squeeze(&r.name) != squeeze(&gr.name) {
                    out.push(format!(
                        "{:?}/{:?}: row {id}: name {:?}, read {:?} (lines {:?})",
                        t.kind, b.side, r.name, gr.name, gr.lines
                    ));
                }
                let (wv, gv) = (values(b, r), values(gb, gr));
                let mut cols: Vec<&Col> = wv.keys().chain(gv.keys()).collect();
                cols.sort();
                cols.dedup();
                for c in cols {
                    if wv.get(c) != gv.get(c) {
                        out.push(format!(
                            "{:?}/{:?}: row {id}: {c:?} {:?}, read {:?} (lines {:?})",
                            t.kind,
                            b.side,
                            wv.get(c),
                            gv.get(c),
                            gr.lines
                        ));
                    }
                }
            }
            for gr in theirs.into_iter().flatten() {
                for _ in 0..cells(gb, gr) {
                    out.push(format!(
                        "{:?}/{:?}: extra row {} ({}) (lines {:?})",
                        t.kind,
                        b.side,
                        identity(gr),
                        gr.name,
                        gr.lines
                    ));
                }
            }
        }
    }
    for g in &got.tables {
        if !want.tables.iter().any(|t| t.kind == g.kind) {
            out.push(format!("{:?}: extra table", g.kind));
        }
    }
    out
}

/// `(document, copy, the most differing cells allowed)`: 0 for a copy that reads as the pypdf
/// copy does.
const PINNED: &[(&str, &str, usize)] = &[
    ("wanli-2023", "pdfium", 0),
    ("wanli-2023", "pdfjs", 0),
    ("wanli-2023", "pdfplumber", 0),
    ("wanli-2023", "pdftotext", 647),
    ("wanli-2023", "pdftotext-layout", 0),
    ("wanli-2023", "tsv", 0),
    ("caizhengju-2024-final", "pdfium", 0),
    ("caizhengju-2024-final", "pdfjs", 0),
    ("caizhengju-2024-final", "pdfplumber", 183),
    ("caizhengju-2024-final", "pdftotext", 237),
    ("caizhengju-2024-final", "pdftotext-layout", 130),
    ("caizhengju-2024-final", "tsv", 0),
    ("zhengfu-bangongshi-unit-2025", "pdfium", 0),
    ("zhengfu-bangongshi-unit-2025", "pdfjs", 0),
    ("zhengfu-bangongshi-unit-2025", "pdfplumber", 0),
    ("zhengfu-bangongshi-unit-2025", "pdftotext", 141),
    (
        "zhengfu-bangongshi-unit-2025",
        "pdftotext-layout",
        usize::MAX,
    ),
    ("zhengfu-bangongshi-unit-2025", "tsv", 0),
];

#[test]
fn every_copy_reads_the_tables_the_pypdf_copy_reads() {
    let mut failures = Vec::new();
    let mut reference: HashMap<&str, Document> = HashMap::new();
    for &(doc, copy, most) in PINNED {
        let want = reference.entry(doc).or_insert_with(|| read(doc, "pypdf"));
        let got = read(doc, copy);
        let diff = differences(want, &got);
        let show = std::env::var("COPIES_SHOW")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(8);
        println!("{doc}/{copy}: {} differing cells", diff.len());
        for d in diff.iter().take(show) {
            println!("    {d}");
        }
        if diff.len() > most {
            failures.push(format!(
                "{doc}/{copy}: {} differing cells, at most {most} allowed",
                diff.len()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
