//! Rule N8: Section 四: appropriations and classes = table 4

use super::*;

rules! {
    /// ## What it checks
    /// 四 (财政拨款收支): 财政拨款收支总预算 restates 表4 收入总计, 一般公共预算拨款 表4's 一般公共预算 row, and each 类 amount stated
    /// 表4's 类 row. Same quantity: a gap of one unit of the last printed digit is rounding, more is an error. The rule's own logic, `fiscal`, is
    /// below; it uses the shared `restates` and `restate_found` (narrative.rs).
    ///
    /// ## Why it must hold
    /// The section restates the appropriations table. Applies to documents with a 财政拨款 chapter
    /// (Xinjiang budgets, Shanghai 决算).
    ///
    /// ## Example
    /// Xinjiang sample, 四: 财政拨款收支总预算 2,287.86 = 表4 收入总计 2,287.86, and 一般公共预算拨款 2,287.86 = 表4
    /// 一般公共预算.
    N8 = "N8", "说明四：财政拨款收支及各类支出 = 表4", "Section 四: appropriations and classes = table 4", fiscal;
}

/// N8: 四 against 表4.
fn fiscal(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::FiscalSummary) else {
        return;
    };
    restate_found(
        c,
        (4, 0),
        |s| s.contains("总预算") || s.contains("收支预算") || s.contains("收入支出总"),
        income_of(doc, TableKind::FiscalSummary, RowKey::IncomeTotal),
        table_label(doc, TableKind::FiscalSummary, "收入总计", "income total"),
    );
    restate_found(
        c,
        (4, 0),
        |s| s.contains("一般公共预算拨款") || s == "一般公共预算",
        income_of(doc, TableKind::FiscalSummary, RowKey::GeneralBudget),
        table_label(
            doc,
            TableKind::FiscalSummary,
            "一般公共预算",
            "general budget",
        ),
    );
    let Some(b) = t.block(Side::Expense) else {
        return;
    };
    for s in stated(doc, 4, 0).collect::<Vec<_>>() {
        let name = compact(&s.subject);
        let Some(row) = b
            .rows
            .iter()
            .find(|r| r.kind == RowKind::Class && compact(&r.name) == name)
        else {
            continue;
        };
        let what = || crate::check::rules::row_label(t, row);
        restates(
            c,
            s,
            &what,
            Some((b.value(row, Col::Total), row.lines.clone())),
            t.unit,
            t.number,
        );
    }
}
