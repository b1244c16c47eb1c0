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
