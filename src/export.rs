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

#[cfg(test)]
mod tests {
    use super::*;
    use disclosure::TableKind;

    fn sample() -> disclosure::Analysis {
        disclosure::analyze(crate::state::EXAMPLE)
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
