//! Rule X10: Tables 2 and 3 print the same codes with equal totals

use super::*;

rules! {
    /// ## What it checks
    /// 表2 and 表3 print the same 类/款/项 codes with the same names, and for every code 表3 合计 = 表2 总计.
    /// An amount that differs or a code printed in one table only is an error; a name that differs
    /// is a warning, or a note when only the bracket style differs (（） against ()). Not checked in
    /// a 决算 (income and spending by function differ by the carry-over). The rule's own logic,
    /// `income_expense_rows` with `names_agree` and `only_in`, is below; it uses the shared `coded`
    /// (cross/codes.rs) and `same` (cross.rs).
    ///
    /// ## Why it must hold
    /// In a budget, money received for a purpose is money planned to be spent on it: the two tables
    /// mirror each other code by code. Applies to budgets of every template.
    ///
    /// ## Example
    /// Xinjiang sample: 2010108 代表工作 表2 总计 4.14 = 表3 合计 4.14, with the same name; 2010301 行政运行
    /// 1,418.90 in both.
    X10 = "X10", "表2 与表3 科目相同且各科目金额相等", "Tables 2 and 3 print the same codes with equal totals", income_expense_rows;
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

/// A row printed in one table whose code the other table does not print: an error.
fn only_in(c: &mut Checker, present: &Val, other: Src) {
    let v = present.shown();
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
    f.actual = present.amt.actual();
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
