//! Rule N1: Section 一: total budget = table 1 income total

use super::*;

rules! {
    /// ## What it checks
    /// 第三部分 一 (总体说明): the first statement about 总预算 / 收支预算 / 收入支出总计 restates 表1 收入总计. Same
    /// quantity: a gap of one unit of the last printed digit is rounding, more is an error (万元 against 元 compared at the claim's precision). Runs
    /// the shared `restate_found` (narrative.rs) on 表1's income total.
    ///
    /// ## Why it must hold
    /// The headline number of the explanation is the table's; a reader quoting it must get the
    /// budget's total. Applies to documents whose explanation has a 总体 chapter (Xinjiang budgets,
    /// Shanghai 决算).
    ///
    /// ## Example
    /// Xinjiang sample, 一: "收支总预算 2,300.52 万元" = 表1 收入总计 2,300.52.
    N1 = "N1", "说明一：收支总预算 = 表1 收入总计", "Section 一: total budget = table 1 income total",
        |c| {
            let doc = c.doc;
            let cell = income_of(doc, TableKind::Summary, RowKey::IncomeTotal);
            restate_found(c, (1, 0), |s| s.contains("总预算") || s.contains("收支预算") || s.contains("收入支出总"), cell, table_label(doc, TableKind::Summary, "收入总计", "income total"));
        };
}
