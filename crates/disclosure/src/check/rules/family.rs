//! Identities of the templates other than the Xinjiang budget the rule book is written for:
//! the balance of a 决算 (F1), 三公 outturn against budget (F2), the Shanghai 收入 rows (F3),
//! 三公 items against the 经济分类 款 that pay them, across units (F4), and the items of a
//! Shanghai 部门预算编制说明 against 表5 and their growth over the previous year's 预算执行数
//! (F5).

use rust_decimal::Decimal;

use super::narrative::path_names;
use super::{Amt, Label};
use crate::check::tolerance::{self, Growth, Verdict};
use crate::check::{lines_of, Checker, Severity};
use crate::format::amount;
use crate::model::*;
use crate::parse::schema::compact_label;

/// A labelled row's amount in one column, with its lines and its compact name; `None` when
/// the row is not printed.
fn labelled_amount(t: &Table, b: &Block, key: RowKey, col: Col) -> Option<(Amt, String)> {
    let r = b.keyed(key)?;
    Some((Amt::cell(t, b, r, col), compact_label(&r.name)))
}

/// `total = Σ parts` over the labelled rows of one block; rows not printed are skipped, and
/// nothing is checked when the total is not printed or everything is zero.
fn rows_add_up(c: &mut Checker, t: &Table, b: &Block, col: Col, total: RowKey, parts: &[RowKey]) {
    let Some((total, tname)) = labelled_amount(t, b, total, col) else {
        return;
    };
    let (parts, names): (Vec<Amt>, Vec<String>) = parts
        .iter()
        .filter_map(|&k| labelled_amount(t, b, k, col))
        .unzip();
    if parts.is_empty() || (total.value.is_zero() && parts.iter().all(|p| p.value.is_zero())) {
        return;
    }
    let what = Label::new(
        format!("表{} {} = {}", t.number, tname, names.join(" + ")),
        format!("Table {}: {} = {}", t.number, tname, names.join(" + ")),
    );
    c.sum(&what, &total, &parts, &[t.number]);
}

// The rules, each in its own file under `family/`.
mod f1;
mod f2;
mod f3;
mod f4;
mod f5;

pub use f1::F1;
pub use f2::F2;
pub use f3::F3;
pub use f4::F4;
pub use f5::F5;

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// A table's value in the unit of the claim set against it (F5 and the restatement rules).
    #[test]
    fn values_in_the_claims_unit() {
        use super::super::narrative::in_unit;
        let cases = [
            // 元 to 万元, rounded to the claim's places (half away from zero).
            ("873617.00", Unit::Yuan, Unit::Wan, 2, "87.36"),
            ("877080.00", Unit::Yuan, Unit::Wan, 2, "87.71"),
            ("877050", Unit::Yuan, Unit::Wan, 2, "87.71"),
            ("877080", Unit::Yuan, Unit::Wan, 0, "88"),
            // 万元 to 元, exact.
            ("87.36", Unit::Wan, Unit::Yuan, 2, "873600.00"),
            // The same unit, untouched.
            ("2300.52", Unit::Wan, Unit::Wan, 0, "2300.52"),
        ];
        for (v, from, to, places, want) in cases {
            assert_eq!(
                in_unit(d(v), from, to, places).to_string(),
                want,
                "{v} {from:?} → {to:?}"
            );
        }
    }

    fn row(kind: RowKind, key: Option<RowKey>, name: &str, cells: &[Option<&str>]) -> Row {
        Row {
            kind,
            key,
            code: None,
            name: name.to_owned(),
            project: None,
            cells: cells
                .iter()
                .map(|c| {
                    c.map(|v| Cell {
                        value: d(v),
                        line: 7,
                    })
                })
                .collect(),
            lines: vec![7],
        }
    }

    fn doc_with(table: Table) -> Document {
        Document {
            meta: Meta {
                family: Family::Shanghai,
                kind: DocKind::Final,
                ..Meta::default()
            },
            tables: vec![table],
            ..Document::default()
        }
    }

    fn run(rule: &crate::check::Rule, doc: &Document) -> Vec<crate::check::Finding> {
        crate::check::check(doc)
            .into_iter()
            .filter(|f| f.rule == rule.id)
            .collect()
    }

    fn three_public(rows: Vec<Row>) -> Table {
        Table {
            kind: TableKind::ThreePublic,
            number: 7,
            title: "财政拨款“三公”经费支出决算表".to_owned(),
            unit: Unit::Wan,
            unit_guessed: false,
            department: None,
            repeated_departments: Vec::new(),
            span: (1, 9),
            blocks: vec![Block {
                side: Side::Whole,
                columns: vec![Col::Budgeted, Col::Actual],
                rows,
            }],
            empty_statement: None,
        }
    }

    #[test]
    fn f2_names_the_items_above_budget() {
        let doc = doc_with(three_public(vec![
            row(RowKind::Total, None, "合计", &[Some("3.00"), Some("3.20")]),
            row(
                RowKind::Item,
                Some(RowKey::Reception),
                "公务接待费",
                &[Some("1.00"), Some("1.50")],
            ),
            row(
                RowKind::Item,
                Some(RowKey::Abroad),
                "因公出国（境）费",
                &[Some("2.00"), Some("1.70")],
            ),
        ]));
        let found = run(&F2, &doc);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Info);
        assert!(found[0]
            .message_zh
            .contains("公务接待费 决算 1.50 超出预算 1.00"));
        assert!(!found[0].message_zh.contains("因公出国"));
    }

    #[test]
    fn f2_is_silent_within_budget() {
        let doc = doc_with(three_public(vec![row(
            RowKind::Total,
            None,
            "合计",
            &[Some("0.95"), None],
        )]));
        assert!(run(&F2, &doc).is_empty());
    }

    fn final_summary(opening: &str, closing: &str) -> Table {
        let inc = |key, name: &str, v: &str| row(RowKind::Item, Some(key), name, &[Some(v)]);
        let mut total = inc(RowKey::IncomeTotal, "总计", "2995.39");
        total.kind = RowKind::Total;
        let mut current = inc(RowKey::CurrentExpense, "本年支出合计", "2940.05");
        current.kind = RowKind::Total;
        Table {
            kind: TableKind::Summary,
            number: 1,
            title: "收入支出决算总表".to_owned(),
            unit: Unit::Wan,
            unit_guessed: false,
            department: None,
            repeated_departments: Vec::new(),
            span: (1, 9),
            blocks: vec![
                Block {
                    side: Side::Income,
                    columns: vec![Col::Amount],
                    rows: vec![
                        inc(RowKey::CurrentIncome, "本年收入合计", "2946.25"),
                        inc(RowKey::OpeningBalance, "年初结转和结余", opening),
                        total,
                    ],
                },
                Block {
                    side: Side::Expense,
                    columns: vec![Col::Amount],
                    rows: vec![
                        current,
                        inc(RowKey::ClosingBalance, "年末结转和结余", closing),
                        inc(RowKey::ExpenseTotal, "总计", "2995.39"),
                    ],
                },
            ],
            empty_statement: None,
        }
    }

    #[test]
    fn f1_holds_for_the_sample_figures() {
        let doc = doc_with(final_summary("49.14", "55.34"));
        assert!(run(&F1, &doc).is_empty());
    }

    #[test]
    fn f1_reports_a_broken_balance() {
        let doc = doc_with(final_summary("49.14", "45.34"));
        let found = run(&F1, &doc);
        assert!(
            found.iter().any(|f| f.severity == Severity::Error
                && f.message_zh.contains("年初结转和结余 + 本年收入合计")),
            "{found:?}"
        );
        assert!(found
            .iter()
            .any(|f| f.message_zh.contains("总计 = 本年支出合计")));
    }
}
