//! Row labels a copy wrapped in their cells, on real copies of the corpus (fixtures/corpus):
//! the rows of a table read by its labels put back together, and the names of coded rows
//! centred on their code lines split by the names the document itself gives.

mod common;

use common::corpus_file as corpus;

/// The amount of the row of table `number` whose name is `name`, as printed in its first cell.
fn amount_of(a: &disclosure::Analysis, number: u8, name: &str) -> Option<String> {
    let t = a.document.tables.iter().find(|t| t.number == number)?;
    let r = t.rows().find(|r| r.name.replace(' ', "").ends_with(name))?;
    let c = r.cells.iter().flatten().next()?;
    Some(c.value.to_string())
}

#[test]
fn a_label_wrapped_with_its_figures_after_both_parts_is_one_row() {
    // PDFium prints a wrapped label's figures after both its parts ("十九、住房保障支" / "出" /
    // "445.69"): the three lines are one row of 表1, and the total income is read as before.
    let text = corpus("caizhengju-2024-final/pypdf.txt");
    let want = disclosure::analyze(&text);
    let wrapped = text.replace("十九、住房保障支出 445.69", "十九、住房保障支\n出\n445.69");
    assert_ne!(wrapped, text);
    let a = disclosure::analyze(&wrapped);
    assert_eq!(amount_of(&a, 1, "住房保障支出").as_deref(), Some("445.69"));
    assert_eq!(
        a.summary.income_total.as_ref().map(|f| f.wan),
        want.summary.income_total.as_ref().map(|f| f.wan)
    );
    assert!(
        !a.findings
            .iter()
            .any(|f| f.rule == "check/unreliable-table"),
        "{:#?}",
        a.findings
    );
}

/// `text` with lines `from..=to` (1-based) replaced by `with`.
fn replaced(text: &str, from: usize, to: usize, with: &[&str]) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    lines.splice(from - 1..to, with.iter().copied());
    lines.join("\n")
}

/// The name of the row of table `number` with code `code`.
fn name_of(a: &disclosure::Analysis, number: u8, code: &str) -> Option<String> {
    let t = a.document.tables.iter().find(|t| t.number == number)?;
    let r = t
        .rows()
        .find(|r| r.code.as_ref().is_some_and(|c| c.0 == code))?;
    Some(r.name.clone())
}

fn in_doubt(a: &disclosure::Analysis) -> usize {
    a.findings
        .iter()
        .filter(|f| f.rule == "parse/name-in-doubt")
        .count()
}

#[test]
fn names_centred_between_code_lines_are_split_by_the_names_other_tables_print() {
    // pdfplumber centres a wrapped name on its code line: in 表5 (lines 249–250) the tail of
    // 208 05 05's name and the head of 208 05 06's lie together between the two code lines.
    // 表2 and 表3 print both names whole under the same codes: only one split gives both rows
    // a name the document knows, so the names are read right and not in doubt.
    let text = corpus("caizhengju-2024-final/pypdf.txt");
    let centred = replaced(
        &text,
        249,
        250,
        &[
            "机关事业单位基本养老保险缴",
            "208 05 05 160.75 160.75",
            "费支出",
            "机关事业单位职业年金缴费支",
            "208 05 06 80.38 80.38",
            "出",
        ],
    );
    let a = disclosure::analyze(&centred);
    assert_eq!(in_doubt(&a), 0, "{:#?}", a.findings);
    assert_eq!(
        name_of(&a, 5, "2080505").as_deref(),
        Some("机关事业单位基本养老保险缴费支出")
    );
    assert_eq!(
        name_of(&a, 5, "2080506").as_deref(),
        Some("机关事业单位职业年金缴费支出")
    );
    let want = disclosure::analyze(&text);
    let serious = |a: &disclosure::Analysis| {
        let mut s: Vec<String> = a
            .findings
            .iter()
            .filter(|f| f.severity <= disclosure::check::Severity::Warning)
            .map(|f| format!("{} {:?} {:?}", f.rule, f.expected, f.actual))
            .collect();
        s.sort();
        s
    };
    assert_eq!(serious(&a), serious(&want));
}

#[test]
fn names_no_other_table_confirms_stay_in_doubt_for_their_rows_only() {
    // The same layout for 208 and 208 05 in 表2, 表3 and 表5 alike: 208's name is the standard
    // 类 name, but no table prints 208 05's whole, so no split is confirmed and the names stay
    // in doubt. The checks by name that read other rows stand: the real N10 on 表5's 201 row
    // (71.73% printed, 71.65% computed) is still reported.
    let text = corpus("caizhengju-2024-final/pypdf.txt");
    let mut centred = text.clone();
    for at in [246, 165, 141] {
        centred = replaced(
            &centred,
            at,
            at + 1,
            &[
                "社会保障和就业支",
                "208 326.72 326.72",
                "出",
                "行政事业单位养老",
                "208 05 326.72 326.72",
                "支出",
            ],
        );
    }
    let a = disclosure::analyze(&centred);
    assert_eq!(in_doubt(&a), 3, "{:#?}", a.findings);
    let n10: Vec<_> = a.findings.iter().filter(|f| f.rule == "N10").collect();
    assert!(
        n10.iter()
            .any(|f| f.actual.map(|d| d.to_string()).as_deref() == Some("71.73")),
        "{n10:#?}"
    );
}
