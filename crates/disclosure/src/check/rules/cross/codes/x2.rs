//! Rule X2: Each class: Table 1 expense = Table 2 total = Table 3 total

use super::*;

rules! {
    /// What: for each 功能分类 类, 表1 支出 = 表2 总计 = 表3 合计.
    /// Why: the three tables split the same spending by the same classes.
    /// Example: 208 社会保障和就业支出 370.15 in all three.
    X2 = "X2", "各类：表1 支出 = 表2 总计 = 表3 合计", "Each class: Table 1 expense = Table 2 total = Table 3 total", classes_in_totals;
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
