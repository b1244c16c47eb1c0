//! Rule X2: Each class: Table 1 expense = Table 2 total = Table 3 total

use super::*;

rules! {
    /// ## What it checks
    /// For each 功能分类 类: 表1 支出 = 表2 总计 = 表3 合计. A 类 one table does not print counts as zero there;
    /// a gap of one unit of the last printed digit is rounding, more is an error, reported at the table that disagrees with the others. In a 决算,
    /// 表2 (收入决算表) gives income by function, which differs from spending by what is carried over, so
    /// only 表1 and 表3 are compared. The rule's own logic, `classes_in_totals`, is below; it uses
    /// the shared `per_class` (cross/codes.rs).
    ///
    /// ## Why it must hold
    /// The three tables split the same money by the same classes. Applies to every template.
    ///
    /// ## Example
    /// Xinjiang sample: 208 社会保障和就业支出 370.15 in 表1, 表2 and 表3 (and 201 1,664.74 in all three).
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
