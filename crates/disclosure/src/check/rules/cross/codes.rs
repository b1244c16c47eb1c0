//! Rows matched by 功能分类 code across tables (X2, X10, X13–X15, X19).
//!
//! A table prints only the codes it has money for (表1 and 表4 print all 30 类), so a code
//! absent from one table counts as zero there, and a non-zero amount facing an absent code is
//! reported like any other difference.

use rust_decimal::Decimal;

use super::{names, same, same_all, spaced, src, sum_of, union, Src, Val};
use crate::check::rules::{row_label, Label};
use crate::check::{Checker, Severity};
use crate::format::amount;
use crate::model::{Col, Row, RowKind, Side, TableKind};

/// The same amount per 类 in several tables: each against the first table given.
fn per_class(c: &mut Checker, sources: &[(Src, Col)]) {
    let codes = union(sources.iter().map(|(s, _)| s.codes(RowKind::Class)));
    for code in codes {
        let vals: Vec<Option<Val>> = sources
            .iter()
            .map(|(s, col)| Some(s.at(code, *col)))
            .collect();
        same_all(c, &vals);
    }
}

/// The compact form of a 科目名称 used to compare names: no spaces, one bracket style.
pub(super) fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' | '〔' | '【' | '［' | '[' => '(',
            '）' | '〕' | '】' | '］' | ']' => ')',
            other => other,
        })
        .collect()
}

/// The codes of the 类, 款 and 项 rows of a block that pass `keep`, in printed order.
fn coded<'a>(s: &Src<'a>, keep: impl Fn(&Row) -> bool) -> Vec<&'a str> {
    s.b.rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Class | RowKind::Kuan | RowKind::Xiang))
        .filter(|r| keep(r))
        .filter_map(Row::code_str)
        .collect()
}

/// X13 / X14: for each 类, a budget column of 表4 支出 = 合计 of that budget's table.
fn fiscal_by_class(c: &mut Checker, col4: Col, kind: TableKind) {
    let s4 = src(c, TableKind::FiscalSummary, Side::Expense);
    let sx = src(c, kind, Side::Whole);
    let (Some(s4), Some(sx)) = (s4, sx) else {
        return;
    };
    if s4.has(col4) {
        per_class(c, &[(s4, col4), (sx, Col::Total)]);
    }
}

/// Money at a code that the table which should show it does not print: an error.
fn missing_code(c: &mut Checker, parts: &[Val], absent: Src, (kind_zh, kind_en): (&str, &str)) {
    let used: Vec<Val> = parts
        .iter()
        .filter(|p| !p.value().is_zero())
        .cloned()
        .collect();
    let Some(first) = used.first() else { return };
    let total: Decimal = used.iter().map(Val::value).sum();
    let (zh, en) = names(&used);
    let t = match &used[..] {
        [one] => one.shown(),
        _ => amount(total),
    };
    let f = c.report(
        Severity::Error,
        format!(
            "{zh} 共 {t}，是{kind_zh}资金，但表{}没有列出该科目。",
            absent.n()
        ),
        format!(
            "{en} come to {t} of {kind_en} money, but Table {} does not print that code.",
            absent.n()
        ),
    );
    // Nothing is printed at the code in the other table.
    f.expected = Some(total);
    f.lines = super::lines_of(&used.iter().collect::<Vec<_>>());
    f.tables = vec![first.table, absent.n()];
}

// The rules, each in its own file under `codes/`.
mod x10;
mod x13;
mod x14;
mod x15;
mod x19;
mod x2;

pub use x10::X10;
pub use x13::X13;
pub use x14::X14;
pub use x15::X15;
pub use x19::X19;
pub use x2::X2;

#[cfg(test)]
mod tests {
    use crate::check::rules::cross::testing::*;
    use crate::check::Severity;

    #[test]
    fn hold_on_the_sample() {
        for rule in ["X2", "X10", "X13", "X14", "X15", "X19"] {
            assert_eq!(on_sample(rule), vec![], "{rule}");
        }
    }

    #[test]
    fn x2_fires_on_a_class_of_table3() {
        let f = on_edit("X2", 492, "4.13 4.13", "4.23 4.23");
        let f = one(&f, Severity::Error, &[73, 492]);
        assert_eq!(f.tables, vec![1, 3]);
    }

    #[test]
    fn x2_calls_one_unit_of_the_last_digit_rounding() {
        // 0.01 apart: the same quantity rounded two ways (a total adjusted to foot), said so.
        let f = on_edit("X2", 492, "4.13 4.13", "4.14 4.14");
        let f = one(&f, Severity::Rounding, &[73, 492]);
        assert!(
            f.message_zh.contains("两数相差 0.01，是四舍五入造成的尾差"),
            "{}",
            f.message_zh
        );
        assert!(f
            .message_en
            .contains("the two differ by 0.01, a rounding difference"));
        assert_eq!((f.actual, f.expected), (Some(d("4.14")), Some(d("4.13"))));
        // 0.10 apart cannot be rounding, and the error says why.
        let f = on_edit("X2", 492, "4.13 4.13", "4.23 4.23");
        let f = one(&f, Severity::Error, &[73, 492]);
        assert!(
            f.message_zh
                .contains("相差 0.10，超出四舍五入的尾差（至多 0.01）"),
            "{}",
            f.message_zh
        );
        assert!(f
            .message_en
            .contains("more than rounding explains (at most 0.01)"));
    }

    #[test]
    fn x10_fires_on_an_amount() {
        let f = on_edit("X10", 502, "0.30 0.30", "0.40 0.40");
        assert_eq!(one(&f, Severity::Error, &[319, 502]).tables, vec![2, 3]);
    }

    #[test]
    fn x10_fires_on_a_missing_row() {
        let f = on_edit("X10", 472, "201 01 99 其他人大事务支出 1.00 1.00", "");
        assert_eq!(one(&f, Severity::Error, &[212]).tables, vec![2, 3]);
    }

    #[test]
    fn x10_compares_names() {
        let f = on_edit("X10", 472, "其他人大事务支出", "其他人大事务");
        one(&f, Severity::Warning, &[212, 472]);
        let f = on_edit("X10", 474, "政府办公厅（室）", "政府办公厅〔室〕");
        one(&f, Severity::Info, &[214, 474]);
        // ASCII parentheses are read as the full-width ones (text.rs): the same name.
        assert!(on_edit("X10", 474, "政府办公厅（室）", "政府办公厅(室)").is_empty());
    }

    #[test]
    fn x13_fires_on_a_class_of_table4() {
        let f = on_edit("X13", 582, "4.13 4.13", "4.23 4.23");
        assert_eq!(one(&f, Severity::Error, &[582, 672]).tables, vec![4, 5]);
    }

    #[test]
    fn x14_fires_on_fund_money_missing_from_its_table() {
        let f = on_edit("X14", 582, "4.13 4.13", "5.13 4.13 1.00");
        let f = one(&f, Severity::Error, &[582, 1006]);
        assert_eq!(f.tables, vec![4, 8]);
    }

    #[test]
    fn x15_fires_on_an_amount() {
        let f = on_edit("X15", 656, "3.54 2.00", "3.64 2.10");
        assert_eq!(one(&f, Severity::Error, &[210, 656]).tables, vec![2, 5]);
    }

    #[test]
    fn x15_fires_on_a_missing_code() {
        let f = on_edit("X15", 670, "201 34 99 其他统战事务支出 7.27 7.27", "");
        assert_eq!(one(&f, Severity::Error, &[234]).tables, vec![2, 5]);
    }

    #[test]
    fn x19_fires_when_projects_do_not_add_up() {
        let f = on_edit("X19", 898, "50.00 50.00", "50.10 50.10");
        assert_eq!(one(&f, Severity::Error, &[666, 898]).tables, vec![5, 7]);
    }
}
