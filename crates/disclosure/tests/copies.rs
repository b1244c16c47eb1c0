//! Copy-invariant reading: the same document reads the same whatever copied its text out of the
//! PDF. For each corpus document that has every copy, the tables read from each copy are compared
//! with those read from the pypdf copy (which keeps rows on their own lines and labels whole):
//! the same tables, the same rows (codes, labels, keys) and the same value in every column; and
//! the narrative's claims (subject, amount, share, change, growth).
//!
//! The copies that read right must stay equal; for the others, the number of differing cells and
//! claims is pinned at most at its current figure, so that progress shows and a regression
//! fails. The first differences are printed (`COPIES_SHOW=n` prints n).

use std::collections::HashMap;
use std::path::PathBuf;

use disclosure::{Block, Change, Col, Document, Quantity, Row};

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus")
}

/// The copy's text; the copy `pdf` is the document's PDF as the PDF reader (crates/disclosure-pdf)
/// extracts it.
fn read(doc: &str, copy: &str) -> Document {
    let text = if copy == "pdf" {
        let path = corpus().join(doc).join("document.pdf");
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        disclosure_pdf::extract(&bytes)
            .unwrap_or_else(|e| panic!("{path:?}: {e}"))
            .text
    } else if let Some(style) = copy.strip_prefix("tsv in ") {
        let path = corpus().join(doc).join("tsv.txt");
        let tsv = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        barred(&tsv, style == "markdown")
    } else {
        let path = corpus().join(doc).join(format!("{copy}.txt"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
    };
    disclosure::parse(&text).document
}

/// The tab-separated copy's rows with bars between their cells, as a Markdown converter prints
/// a table ("| 项目 | 2,946.25 |") or as a wiki's text does ("项目|2,946.25"). Line for line.
fn barred(tsv: &str, markdown: bool) -> String {
    tsv.lines()
        .map(|l| match (l.contains('\t'), markdown) {
            (false, _) => l.to_owned(),
            (true, true) => format!("| {} |", l.split('\t').collect::<Vec<_>>().join(" | ")),
            (true, false) => l.replace('\t', "|"),
        })
        .collect::<Vec<_>>()
        .join("\n")
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

/// The narrative's claims as data, one line each: section, subject (without spaces), amount,
/// share, change, growth, and whether it is cited in an explanation. Line numbers differ
/// between copies and are left out, and so are the subject's quotation marks (a copy may print
/// them on a line of their own: "绩效评级为 优 的项目" with "“ ”" below, caizhengju tsv).
fn claims(doc: &Document) -> Vec<String> {
    let q = |q: &Option<Quantity>| {
        q.as_ref()
            .map(|q| format!("{} {:?}", q.value, q.unit))
            .unwrap_or_default()
    };
    let c = |c: &Option<Change>| {
        c.as_ref()
            .map(|c| format!("{:?} {}", c.direction, q(&c.amount)))
            .unwrap_or_default()
    };
    let mut out: Vec<String> = doc
        .statements
        .iter()
        .map(|s| {
            let subject: String = s
                .subject
                .chars()
                .filter(|c| !c.is_whitespace() && !"“”‘’\"'".contains(*c))
                .collect();
            let at = s.section;
            format!(
                "{}.{}.{}.{} {subject} | {} | {} | {} | {} | {}",
                at.part,
                at.chapter,
                at.sub,
                at.item,
                q(&s.value),
                q(&s.share),
                c(&s.change),
                c(&s.growth),
                s.in_reason
            )
        })
        .collect();
    out.sort();
    out
}

/// The claims only one of two readings has (as many times as it has them more).
fn claim_differences(want: &Document, got: &Document) -> Vec<String> {
    let (w, g) = (claims(want), claims(got));
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < w.len() || j < g.len() {
        match (w.get(i), g.get(j)) {
            (Some(a), Some(b)) if a == b => {
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) if a < b => {
                out.push(format!("missing: {a}"));
                i += 1;
            }
            (Some(a), None) => {
                out.push(format!("missing: {a}"));
                i += 1;
            }
            (_, Some(b)) => {
                out.push(format!("extra: {b}"));
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// `(document, copy, the most differing cells allowed, the most differing claims allowed)`: 0
/// for a copy that reads as the pypdf copy does. "tsv in markdown" and "tsv in bars": the
/// tab-separated copy with bars between its cells ([`barred`]).
const PINNED: &[(&str, &str, usize, usize)] = &[
    ("wanli-2023", "pdfium", 0, 0),
    ("wanli-2023", "pdfjs", 0, 0),
    ("wanli-2023", "pdfplumber", 0, 0),
    ("wanli-2023", "pdftotext", 0, 0),
    ("wanli-2023", "pdftotext-layout", 0, 0),
    ("wanli-2023", "tsv", 0, 0),
    ("wanli-2023", "tsv in markdown", 0, 0),
    ("wanli-2023", "tsv in bars", 0, 0),
    ("wanli-2023", "pdf", 0, 0),
    ("caizhengju-2024-final", "pdfium", 0, 0),
    ("caizhengju-2024-final", "pdfjs", 0, 0),
    ("caizhengju-2024-final", "pdfplumber", 0, 0),
    ("caizhengju-2024-final", "pdftotext", 190, 0),
    ("caizhengju-2024-final", "pdftotext-layout", 0, 0),
    ("caizhengju-2024-final", "tsv", 0, 0),
    ("caizhengju-2024-final", "tsv in markdown", 0, 0),
    ("caizhengju-2024-final", "tsv in bars", 0, 0),
    ("caizhengju-2024-final", "pdf", 0, 0),
    ("zhengfu-bangongshi-unit-2025", "pdfium", 0, 0),
    ("zhengfu-bangongshi-unit-2025", "pdfjs", 0, 0),
    ("zhengfu-bangongshi-unit-2025", "pdfplumber", 0, 0),
    ("zhengfu-bangongshi-unit-2025", "pdftotext", 0, 0),
    ("zhengfu-bangongshi-unit-2025", "pdftotext-layout", 0, 0),
    ("zhengfu-bangongshi-unit-2025", "tsv", 0, 0),
    ("zhengfu-bangongshi-unit-2025", "tsv in markdown", 0, 0),
    ("zhengfu-bangongshi-unit-2025", "tsv in bars", 0, 0),
    ("zhengfu-bangongshi-unit-2025", "pdf", 0, 0),
    ("shangwu-unit-2025", "pdfium", 0, 0),
    ("shangwu-unit-2025", "pdfjs", 0, 0),
    ("shangwu-unit-2025", "pdfplumber", 0, 0),
    ("shangwu-unit-2025", "pdftotext", 10, 0),
    ("shangwu-unit-2025", "pdftotext-layout", 0, 0),
    ("shangwu-unit-2025", "tsv", 0, 0),
    ("shangwu-unit-2025", "tsv in markdown", 0, 0),
    ("shangwu-unit-2025", "tsv in bars", 0, 0),
    ("shangwu-unit-2025", "pdf", 0, 0),
];

#[test]
fn every_copy_reads_the_tables_the_pypdf_copy_reads() {
    let mut failures = Vec::new();
    let mut reference: HashMap<&str, Document> = HashMap::new();
    let show = std::env::var("COPIES_SHOW")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    for &(doc, copy, most, most_claims) in PINNED {
        let want = reference.entry(doc).or_insert_with(|| read(doc, "pypdf"));
        let got = read(doc, copy);
        let diff = differences(want, &got);
        let claims = claim_differences(want, &got);
        println!(
            "{doc}/{copy}: {} differing cells, {} differing claims",
            diff.len(),
            claims.len()
        );
        for d in diff.iter().chain(&claims).take(show) {
            println!("    {d}");
        }
        if diff.len() > most || claims.len() > most_claims {
            failures.push(format!(
                "{doc}/{copy}: {} differing cells and {} differing claims, at most {most} and {most_claims} allowed",
                diff.len(),
                claims.len()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// shangwu-unit-2025's pdftotext copy prints 表4's column header split around its first rows
/// ("371,514,655.00 一、一般公共服务支出" / "合计" / "一般公共预算" / "21,601,733.00"): the header's
/// "一般公共预算" is no 收入 row, and the 一般公共服务支出 row's amount is not its cell. The pypdf
/// copy, which prints the header whole, reads the row as before.
#[test]
fn a_column_title_printed_among_the_rows_is_not_a_row() {
    let doc = "shangwu-unit-2025";
    let income = |d: &Document| -> Vec<(String, Option<String>)> {
        let t = d
            .tables
            .iter()
            .find(|t| t.kind == disclosure::TableKind::FiscalSummary)
            .expect("表4 read");
        let b = t
            .blocks
            .iter()
            .find(|b| b.side == disclosure::Side::Income)
            .expect("its 收入 half");
        b.rows
            .iter()
            .filter(|r| r.key == Some(disclosure::RowKey::GeneralBudget))
            .map(|r| {
                let v = values(b, r).get(&Col::Amount).cloned();
                (r.name.clone(), v)
            })
            .collect()
    };
    let got = income(&read(doc, "pdftotext"));
    assert!(
        got.iter()
            .all(|(name, v)| name != "一般公共预算" && v.as_deref() != Some("21601733.00")),
        "{got:?}"
    );
    assert_eq!(
        income(&read(doc, "pypdf")),
        [(
            "一、一般公共预算资金".to_owned(),
            Some("371514655.00".to_owned())
        )]
    );
}

/// Where the header printed a title whole before the rows, a line of that title alone among the
/// rows may be a row or the header printed again: the sample's 表4 with its 收入 row
/// "一般公共预算 2,287.86" cut from its amounts ("一般公共预算" / "2,287.86 202 外交支出") does not
/// read the row, and says so on its line; printed whole, the row is read.
#[test]
fn a_column_title_that_is_also_a_row_label_is_not_guessed() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let general = |text: &str| {
        let parsed = disclosure::parse(text);
        let t = parsed
            .document
            .tables
            .iter()
            .find(|t| t.kind == disclosure::TableKind::FiscalSummary)
            .expect("表4 read")
            .clone();
        let b = t
            .blocks
            .iter()
            .find(|b| b.side == disclosure::Side::Income)
            .expect("its 收入 half");
        let rows: Vec<Option<String>> = b
            .rows
            .iter()
            .filter(|r| r.key == Some(disclosure::RowKey::GeneralBudget))
            .map(|r| values(b, r).get(&Col::Amount).cloned())
            .collect();
        (rows, parsed.diagnostics)
    };
    let (rows, _) = general(&text);
    assert_eq!(rows, [Some("2287.86".to_owned())]);
    let cut = text.replacen(
        "一般公共预算 2,287.86 202 外交支出",
        "一般公共预算\n2,287.86 202 外交支出",
        1,
    );
    assert_ne!(cut, text);
    let at = cut
        .lines()
        .position(|l| l == "一般公共预算")
        .expect("the cut line") as u32
        + 1;
    let (rows, notes) = general(&cut);
    assert!(rows.iter().all(|v| v.is_none()), "{rows:?}");
    assert!(
        notes
            .iter()
            .any(|d| d.code == disclosure::DiagCode::UnreadableRow && d.lines.contains(&at)),
        "no note on line {at}"
    );
}
