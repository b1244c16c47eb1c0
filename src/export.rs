//! A parsed table as CSV, written like the core's comparison CSV
//! ([`disclosure::analyze::compare::to_csv`]): UTF-8 with a byte-order mark (so spreadsheet
//! programs read the Chinese), CRLF line ends, every text cell through the core's public
//! [`csv_text`] (quoted when needed, neutralised when it starts with = + - @), amounts as plain
//! decimal numbers exactly as printed.

use disclosure::analyze::compare::csv_text;
use disclosure::{Side, Table};

use crate::i18n::Lang;

/// The table as CSV. A two-sided table (收入 | 支出) gives one section per side, each with its
/// own header line, the side's name in the first column.
pub fn table_csv(t: &Table, lang: Lang) -> String {
    let s = lang.s();
    let mut out = String::from("\u{feff}");
    let mut line = |cells: Vec<String>| {
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    let sided = t.blocks.len() > 1;
    for b in t.blocks.iter().filter(|b| !b.rows.is_empty()) {
        let codes = b.rows.iter().any(|r| r.code.is_some());
        let projects = b.rows.iter().any(|r| r.project.is_some());
        let side = match b.side {
            Side::Whole => "",
            Side::Income => s.side_income,
            Side::Expense => s.side_expense,
        };
        let mut header = Vec::new();
        if sided {
            header.push(csv_text(lang.pick("收支", "side")));
        }
        if codes {
            header.push(csv_text(s.col_code));
        }
        header.push(csv_text(s.col_subject));
        if projects {
            header.push(csv_text(s.col_project));
        }
        header.extend(b.columns.iter().map(|&c| csv_text(&lang.column(c))));
        line(header);
        for r in &b.rows {
            let mut cells = Vec::new();
            if sided {
                cells.push(csv_text(side));
            }
            if codes {
                cells.push(csv_text(
                    &r.code.as_ref().map(|c| c.spaced()).unwrap_or_default(),
                ));
            }
            cells.push(csv_text(&r.name));
            if projects {
                cells.push(csv_text(r.project.as_deref().unwrap_or_default()));
            }
            cells.extend(
                r.cells
                    .iter()
                    .map(|c| c.map(|c| c.value.to_string()).unwrap_or_default()),
            );
            line(cells);
        }
    }
    out
}

/// A file name for a table's CSV: "budget-lens-table-3.csv".
pub fn table_file_name(t: &Table) -> String {
    format!("budget-lens-table-{}.csv", t.number)
}

/// The parse of a document and its findings, as written to JSON.
#[derive(serde::Serialize)]
struct ParseJson<'a> {
    /// What wrote it.
    generator: &'static str,
    /// Every table, row, cell, statement and line number read.
    document: &'a disclosure::Document,
    /// Every finding, the parser's notes among them.
    findings: &'a [disclosure::check::Finding],
}

/// The parse of a document (every table, row, cell, statement, with their line numbers) and
/// its findings, as JSON indented by one space, with amounts as exact decimal strings: the
/// core's own serde code, written by serde_json. The shares, previous year and summary are left
/// out: they follow from these. `None` should serde_json refuse (it does not for this model).
pub fn analysis_json(a: &disclosure::Analysis) -> Option<String> {
    let out = ParseJson {
        generator: concat!("Budget Lens ", env!("CARGO_PKG_VERSION")),
        document: &a.document,
        findings: &a.findings,
    };
    let mut bytes = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut writer = serde_json::Serializer::with_formatter(&mut bytes, formatter);
    serde::Serialize::serialize(&out, &mut writer).ok()?;
    String::from_utf8(bytes).ok()
}

/// Bidi controls and zero-width characters: a file name must not hide or reorder its text.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// "budget-lens-库尔勒市朝阳街道办事处-2024-budget.json": the department (without characters
/// file systems refuse), the year and the kind.
pub fn analysis_file_name(a: &disclosure::Analysis) -> String {
    let meta = &a.document.meta;
    let mut name = String::from("budget-lens");
    if let Some(d) = &meta.department {
        let clean: String = d
            .value
            .chars()
            .filter(|&c| !c.is_control() && !invisible(c) && !r#"/\:*?"<>|"#.contains(c))
            .take(40)
            .collect();
        if !clean.trim().is_empty() {
            name.push('-');
            name.push_str(clean.trim());
        }
    }
    if let Some(y) = &meta.year {
        name.push_str(&format!("-{}", y.value));
    }
    name.push_str(match meta.kind {
        disclosure::DocKind::Final => "-final.json",
        _ => "-budget.json",
    });
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use disclosure::TableKind;

    fn sample() -> disclosure::Analysis {
        disclosure::analyze(crate::example::EXAMPLE)
    }

    #[test]
    fn the_parse_as_json_keeps_exact_amounts_and_lines() {
        let a = sample();
        let json = analysis_json(&a).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            v["document"]["meta"]["department"]["value"],
            "库尔勒市朝阳街道办事处"
        );
        assert!(
            json.contains("\"2300.52\""),
            "amounts as exact decimal strings"
        );
        let back: disclosure::Document = serde_json::from_value(v["document"].clone()).unwrap();
        assert_eq!(back, a.document);
        let back: Vec<disclosure::check::Finding> =
            serde_json::from_value(v["findings"].clone()).unwrap();
        assert_eq!(back, a.findings);
        assert_eq!(
            analysis_file_name(&a),
            "budget-lens-库尔勒市朝阳街道办事处-2024-budget.json"
        );
        let odd = disclosure::analyze("编制部门：a/b:c*?<x>|\\\"\n2024年部门预算");
        let odd = analysis_file_name(&odd);
        assert!(odd.starts_with("budget-lens-abcx"), "{odd}");
        assert!(!odd.contains(['/', ':', '*', '?', '<', '>', '|', '\\', '"']));
        let mut named = a.clone();
        if let Some(d) = named.document.meta.department.as_mut() {
            d.value = "朝阳\u{202e}nosj.exe\u{200b}".to_owned();
        }
        assert_eq!(
            analysis_file_name(&named),
            "budget-lens-朝阳nosj.exe-2024-budget.json"
        );
    }

    #[test]
    fn a_table_with_bom_header_and_exact_amounts() {
        let a = sample();
        let t = a.document.table(TableKind::Expense).unwrap();
        let csv = table_csv(t, Lang::Zh);
        assert!(csv.starts_with('\u{feff}'));
        let mut lines = csv.trim_start_matches('\u{feff}').split("\r\n");
        let header = lines.next().unwrap();
        assert!(header.starts_with("编码,科目名称,"), "{header}");
        assert!(header.contains("基本支出"));
        assert!(csv.ends_with("\r\n"));
        let rows = t.row_count();
        assert_eq!(csv.matches("\r\n").count(), rows + 1);
        assert!(
            csv.contains(",2300.52,"),
            "amounts as printed, no separators"
        );
        assert!(
            csv.contains("\r\n201 ,") || csv.contains("\r\n201,"),
            "{}",
            &csv[..400]
        );
    }

    #[test]
    fn two_sided_tables_name_the_side_and_cells_are_neutralised() {
        let mut a = sample();
        let t = a
            .document
            .tables
            .iter_mut()
            .find(|t| t.blocks.len() > 1)
            .expect("表1 has two sides");
        t.blocks[0].rows[0].name = "=HYPERLINK(\"x\")".into();
        let csv = table_csv(t, Lang::En);
        assert!(
            csv.contains("\"'=HYPERLINK(\"\"x\"\")\""),
            "quoted and neutralised"
        );
        assert_eq!(csv.matches("side,").count(), 2, "one header per side");
    }
}
