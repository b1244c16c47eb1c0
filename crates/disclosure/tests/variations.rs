//! Real copies as other documents print or copy them: the same text with page numbers and
//! running headers between its lines (which most published PDFs print and none of the corpus's
//! does), with other line ends, blank lines, spaces, or no thousands separators. Each variation
//! of each document must read as the document itself: the same department, year, kind and total
//! income, and the same errors and warnings — nothing new, nothing lost.

use disclosure::check::Severity;
use disclosure::Analysis;

mod common;

use common::corpus_file as corpus;

/// The documents: every real one the project has (common::DOCUMENTS: the sample and each corpus
/// document's pypdf copy) and the PDFium copies of three of them.
fn documents() -> Vec<(&'static str, String)> {
    let mut out: Vec<(&str, String)> = common::DOCUMENTS
        .iter()
        .map(|&(id, text)| (id, text.to_string()))
        .collect();
    for path in [
        "wanli-2023/pdfium.txt",
        "caizhengju-2024-final/pdfium.txt",
        "zhengfu-bangongshi-unit-2025/pdfium.txt",
    ] {
        out.push((path, corpus(path)));
    }
    out
}

/// What must not change: the metadata and total income read, and every error and warning
/// (rule, figures, message).
fn reading(a: &Analysis) -> (String, Vec<String>) {
    let m = &a.document.meta;
    let meta = format!(
        "{:?} {:?} {:?} {:?}",
        m.department.as_ref().map(|d| &d.value),
        m.year.as_ref().map(|y| y.value),
        m.kind,
        a.summary.income_total.as_ref().map(|f| f.wan)
    );
    let mut serious: Vec<String> = a
        .findings
        .iter()
        .filter(|f| f.severity <= Severity::Warning)
        .map(|f| {
            format!(
                "{} {:?} {:?} {}",
                f.rule, f.expected, f.actual, f.message_en
            )
        })
        .collect();
    serious.sort();
    (meta, serious)
}

/// `text` with `extra(k)` put after every 45th line (k = 1, 2, …): what a page break of a
/// copy leaves between two lines.
fn every_page(text: &str, extra: impl Fn(usize) -> String) -> String {
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate() {
        out.push(l.to_string());
        if i % 45 == 44 {
            out.push(extra(i / 45 + 1));
        }
    }
    out.join("\n")
}

/// A page's furniture: what is printed between two pages, by page number.
type Furniture<'a> = (&'a str, Box<dyn Fn(usize) -> String + 'a>);
/// A variation of a whole text.
type Variation = (&'static str, fn(&str) -> String);

/// The lines (1-based) `every_page` added.
fn added_lines(text: &str) -> Vec<u32> {
    let n = text.lines().count();
    (0..n / 45).map(|k| (46 * (k + 1)) as u32).collect()
}

/// The lines the page-furniture note names, if there is one.
fn furniture(a: &Analysis) -> Option<Vec<u32>> {
    a.findings
        .iter()
        .find(|f| f.rule == "parse/page-furniture")
        .map(|f| f.lines.clone())
}

/// Without thousands separators: "2,300.52" as "2300.52".
fn no_separators(t: &str) -> String {
    let c: Vec<char> = t.chars().collect();
    let mut s = String::with_capacity(t.len());
    for (i, ch) in c.iter().enumerate() {
        let between_digits = i > 0
            && c[i - 1].is_ascii_digit()
            && c.get(i + 1..i + 4)
                .is_some_and(|d| d.iter().all(char::is_ascii_digit));
        if *ch == ',' && between_digits {
            continue;
        }
        s.push(*ch);
    }
    s
}

/// Every "0.00" cell of a table row (a line of three or more figures and no sentence) printed
/// as `dash`, as many tables print an empty or zero cell.
fn zero_cells_as(t: &str, dash: &str) -> String {
    let row = |l: &str| {
        let figures = l
            .split(' ')
            .filter(|w| disclosure::parse::numbers::decimal(w).is_some())
            .count();
        figures >= 3 && !l.contains('万') && !l.contains('，')
    };
    let lines: Vec<String> = t
        .lines()
        .map(|l| {
            if row(l) {
                l.split(' ')
                    .map(|w| if w == "0.00" { dash } else { w })
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                l.to_string()
            }
        })
        .collect();
    lines.join("\n")
}

#[test]
fn page_numbers_and_running_headers_are_skipped_and_named() {
    for (name, text) in documents() {
        let a = disclosure::analyze(&text);
        let want = reading(&a);
        // No real copy of the corpus prints page furniture: nothing is taken from any.
        assert_eq!(furniture(&a), None, "{name}");
        let header = format!(
            "{}{}年部门预算",
            a.document
                .meta
                .department
                .as_ref()
                .map(|d| d.value.as_str())
                .unwrap_or_default(),
            a.document
                .meta
                .year
                .as_ref()
                .map(|y| y.value)
                .unwrap_or_default()
        );
        let forms: [Furniture; 6] = [
            ("- N -", Box::new(|k| format!("- {k} -"))),
            ("— N —", Box::new(|k| format!("— {k} —"))),
            (
                "第 N 页，共 M 页",
                Box::new(|k| format!("第 {k} 页，共 90 页")),
            ),
            ("Page N of M", Box::new(|k| format!("Page {k} of 90"))),
            ("a bare page number", Box::new(|k| format!("{}", k + 2))),
            ("a running header", Box::new(|_| header.clone())),
        ];
        for (form, extra) in forms {
            let varied = every_page(&text, extra);
            let b = disclosure::analyze(&varied);
            assert_eq!(reading(&b), want, "{name}, {form}");
            let mut added = added_lines(&text);
            if form == "a running header" {
                // Its first printing stays: it may be the document's title.
                added.remove(0);
            }
            assert_eq!(furniture(&b), Some(added), "{name}, {form}");
        }
    }
}

#[test]
fn other_line_ends_spaces_and_separators_read_the_same() {
    let variations: [Variation; 12] = [
        ("CRLF line ends", |t| t.replace('\n', "\r\n")),
        ("a blank line after every line", |t| t.replace('\n', "\n\n")),
        ("trailing spaces", |t| t.replace('\n', "  \n")),
        ("leading spaces", |t| t.replace('\n', "\n  ")),
        ("no-break spaces", |t| t.replace(' ', "\u{a0}")),
        ("tabs for spaces", |t| t.replace(' ', "\t")),
        ("a byte-order mark", |t| format!("\u{feff}{t}")),
        ("no thousands separators", no_separators),
        ("ASCII parentheses", |t| {
            t.replace('（', "(").replace('）', ")")
        }),
        ("tables' zero cells printed as a dash", |t| {
            zero_cells_as(t, "-")
        }),
        ("tables' zero cells printed as a long dash", |t| {
            zero_cells_as(t, "—")
        }),
        ("table numbers in Chinese", |t| {
            let mut s = t.to_string();
            for (n, c) in ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
                .iter()
                .zip("一二三四五六七八九".chars())
            {
                s = s.replace(&format!("表{n}"), &format!("表{c}"));
                s = s.replace(&format!("表 {n}"), &format!("表 {c}"));
            }
            s
        }),
    ];
    // Each variation changes some document (none is a test of nothing).
    let docs = documents();
    for (what, vary) in variations {
        assert!(
            docs.iter().any(|(_, t)| vary(t) != *t),
            "{what} changes nothing"
        );
    }
    for (name, text) in docs {
        let want = reading(&disclosure::analyze(&text));
        for (what, vary) in variations {
            let b = disclosure::analyze(&vary(&text));
            assert_eq!(reading(&b), want, "{name}, {what}");
            assert_eq!(furniture(&b), None, "{name}, {what}");
        }
    }
}

#[test]
fn ascii_quotation_marks_give_the_same_findings() {
    // Quoted words are quoted in the messages as printed: only the rules and figures compare.
    let figures = |a: &Analysis| {
        let mut v: Vec<String> = a
            .findings
            .iter()
            .filter(|f| f.severity <= Severity::Warning)
            .map(|f| format!("{} {:?} {:?} {:?}", f.rule, f.expected, f.actual, f.lines))
            .collect();
        v.sort();
        v
    };
    for (name, text) in documents() {
        let a = disclosure::analyze(&text);
        let b = disclosure::analyze(&text.replace(['“', '”'], "\""));
        assert_eq!(figures(&b), figures(&a), "{name}");
        assert_eq!(reading(&b).0, reading(&a).0, "{name}");
    }
}
