//! Rule N8: Section 四: appropriations and classes = table 4

use super::*;

rules! {
    /// 四: 财政拨款收支总预算 = 表4; 一般公共预算拨款 and each 类 amount = 表4.
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
