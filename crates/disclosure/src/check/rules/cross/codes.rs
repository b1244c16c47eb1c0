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

/// X2: for each 类, 表1 支出 = 表2 总计 = 表3 合计. In final accounts 表2 (收入决算表) gives
/// income by function, which differs from spending by what is carried over, so only 表1 and
/// 表3 are compared.
fn classes_in_totals(c: &mut Checker) {
    let s1 = src(c, TableKind::Summary, Side::Expense);
    let s2 = if c.doc.meta.kind == crate::model::DocKind::Final {
        None
    } else {
        src(c, TableKind::Income, Side::Whole)
    };
    let s3 = src(c, TableKind::Expense, Side::Whole);
    let sources: Vec<(Src, Col)> = [(s1, Col::Amount), (s2, Col::Total), (s3, Col::Total)]
        .into_iter()
        .filter_map(|(s, col)| s.map(|s| (s, col)))
        .collect();
    if sources.len() >= 2 {
        per_class(c, &sources);
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

/// X10: 表2 and 表3 print the same codes with the same names, and 表3 合计 = 表2 总计 per code.
fn income_expense_rows(c: &mut Checker) {
    // In final accounts income and spending by function differ by what is carried over.
    if c.doc.meta.kind == crate::model::DocKind::Final {
        return;
    }
    let s2 = src(c, TableKind::Income, Side::Whole);
    let s3 = src(c, TableKind::Expense, Side::Whole);
    let (Some(s2), Some(s3)) = (s2, s3) else {
        return;
    };
    let codes = union([coded(&s2, |_| true), coded(&s3, |_| true)]);
    for code in codes {
        let (r2, r3) = (s2.row(code), s3.row(code));
        let (a, b) = (s3.at(code, Col::Total), s2.at(code, Col::Total));
        match (r2, r3) {
            (Some(r2), Some(r3)) => {
                names_agree(c, (s2, r2), (s3, r3));
                same(c, &a, &b);
            }
            (Some(_), None) => only_in(c, &b, s3),
            (None, Some(_)) => only_in(c, &a, s2),
            (None, None) => {}
        }
    }
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

/// A row printed in one table whose code the other table does not print: an error.
fn only_in(c: &mut Checker, present: &Val, other: Src) {
    let v = amount(present.value());
    let f = c.report(
        Severity::Error,
        format!(
            "{}（{v}）在表{}中没有对应的科目行；两表应列出相同的科目。",
            present.what().zh,
            other.n()
        ),
        format!(
            "{} ({v}) has no row with the same code in Table {}; both tables should print the same codes.",
            present.what().en,
            other.n()
        ),
    );
    f.actual = Some(present.value());
    f.expected = Some(Decimal::ZERO);
    f.lines = present.amt.lines.clone();
    f.tables = vec![present.table, other.n()];
}

/// The same code printed with two names: a warning, or a note when only the bracket style
/// differs.
fn names_agree(c: &mut Checker, (sa, ra): (Src, &Row), (sb, rb): (Src, &Row)) {
    let (na, nb): (String, String) = (
        ra.name.split_whitespace().collect(),
        rb.name.split_whitespace().collect(),
    );
    if na == nb {
        return;
    }
    let severity = if fold(&na) == fold(&nb) {
        Severity::Info
    } else {
        Severity::Warning
    };
    let code = spaced(ra.code_str().unwrap_or_default());
    let f = c.report(
        severity,
        format!(
            "科目 {code} 在表{}中名为「{na}」，在表{}中名为「{nb}」。",
            sa.n(),
            sb.n()
        ),
        format!(
            "Code {code} is named '{na}' in Table {} but '{nb}' in Table {}.",
            sa.n(),
            sb.n()
        ),
    );
    f.lines = [ra.lines.clone(), rb.lines.clone()].concat();
    f.tables = vec![sa.n(), sb.n()];
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

/// X15: for every code, 表5 合计 = 表2 一般公共预算 + 上级一般公共预算转移支付; 表5 prints
/// exactly the codes where that sum is not zero.
fn general_by_code(c: &mut Checker) {
    let s2 = src(c, TableKind::Income, Side::Whole);
    let s5 = src(c, TableKind::GeneralExpense, Side::Whole);
    let (Some(s2), Some(s5)) = (s2, s5) else {
        return;
    };
    // Templates whose 表2 does not split out the general budget (Shanghai: 财政拨款收入 only)
    // give nothing to compare.
    if !s2.has(Col::GeneralBudget) && !s2.has(Col::GeneralTransfer) {
        return;
    }
    let with_gpb = coded(&s2, |r| !gpb(&s2, r).is_zero());
    for code in union([coded(&s5, |_| true), with_gpb]) {
        let parts = [
            s2.at(code, Col::GeneralBudget),
            s2.at(code, Col::GeneralTransfer),
        ];
        let total = s5.at(code, Col::Total);
        if s5.row(code).is_none() {
            missing_code(c, &parts, s5, ("一般公共预算", "general-budget"));
            continue;
        }
        let what = || {
            let total = total.what();
            Label::new(
                format!(
                    "{} = 表{} 一般公共预算 + 上级一般公共预算转移支付",
                    total.zh,
                    s2.n()
                ),
                format!(
                    "{} = Table {} general budget + general-budget transfers",
                    total.en,
                    s2.n()
                ),
            )
        };
        sum_of(c, &what, &total, &parts);
    }
}

/// 表2 一般公共预算 + 上级转移支付 of a row.
fn gpb(s: &Src, r: &Row) -> Decimal {
    s.b.value(r, Col::GeneralBudget) + s.b.value(r, Col::GeneralTransfer)
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
    let t = amount(total);
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
    f.actual = Some(Decimal::ZERO);
    f.expected = Some(total);
    f.lines = super::lines_of(&used.iter().collect::<Vec<_>>());
    f.tables = vec![first.table, absent.n()];
}

/// X19: 表7 类/款 rows = 表5 项目支出 of the same code; per 项, the projects of 表7 add up to
/// 表5 项目支出; 表7 covers exactly the codes with 表5 项目支出.
fn projects_by_code(c: &mut Checker) {
    let s5 = src(c, TableKind::GeneralExpense, Side::Whole);
    let s7 = src(c, TableKind::GeneralProjects, Side::Whole);
    let (Some(s5), Some(s7)) = (s5, s7) else {
        return;
    };
    let with_projects = |kinds: &[RowKind]| -> Vec<&str> {
        s5.b.rows
            .iter()
            .filter(|r| kinds.contains(&r.kind) && !s5.b.value(r, Col::Project).is_zero())
            .filter_map(Row::code_str)
            .collect()
    };
    // 类 and 款: both tables print a subtotal.
    let upper = union([
        s7.codes(RowKind::Class),
        s7.codes(RowKind::Kuan),
        with_projects(&[RowKind::Class, RowKind::Kuan]),
    ]);
    for code in upper {
        let (a, b) = (s7.at(code, Col::Total), s5.at(code, Col::Project));
        same(c, &a, &b);
    }
    // 项: 表7 has one row per project and no subtotal.
    let project_codes: Vec<&str> =
        s7.b.rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Project | RowKind::Xiang))
            .filter_map(Row::code_str)
            .collect();
    for code in union([project_codes, with_projects(&[RowKind::Xiang])]) {
        let parts: Vec<Val> =
            s7.b.rows
                .iter()
                .filter(|r| r.code_str() == Some(code))
                .filter(|r| matches!(r.kind, RowKind::Project | RowKind::Xiang))
                .map(|r| s7.val(r, Col::Total))
                .collect();
        let total = s5.at(code, Col::Project);
        if s5.row(code).is_none() {
            missing_code(
                c,
                &parts,
                s5,
                ("一般公共预算项目支出", "general-budget project"),
            );
            continue;
        }
        if parts.is_empty() {
            let v = amount(total.value());
            let f = c.report(
                Severity::Error,
                format!(
                    "{}为 {v}，但表{}没有该科目下的项目。",
                    total.what().zh,
                    s7.n()
                ),
                format!(
                    "{} is {v}, but Table {} lists no project under that code.",
                    total.what().en,
                    s7.n()
                ),
            );
            f.actual = Some(Decimal::ZERO);
            f.expected = Some(total.value());
            f.lines = total.amt.lines.clone();
            f.tables = vec![s5.n(), s7.n()];
            continue;
        }
        let what = || {
            let code_name = s5.row(code).map(|r| row_label(s5.t, r));
            Label::new(
                format!(
                    "{} = 表{} 该科目各项目之和",
                    code_name
                        .as_ref()
                        .map_or(total.what().zh, |l| format!("{}项目支出", l.zh)),
                    s7.n()
                ),
                format!(
                    "{} = the sum of Table {} projects under that code",
                    code_name.as_ref().map_or(total.what().en, |l| format!(
                        "{}, project expenditure",
                        l.en
                    )),
                    s7.n()
                ),
            )
        };
        sum_of(c, &what, &total, &parts);
    }
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
        let f = on_edit("X10", 474, "政府办公厅（室）", "政府办公厅(室)");
        one(&f, Severity::Info, &[214, 474]);
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
