//! Rule F2: Final accounts: 三公 outturn against budget

use super::*;

rules! {
    /// ## What it checks
    /// 决算 三公 table (财政拨款“三公”经费支出决算表, with 预算数 and 决算数 columns): one note listing every item whose
    /// 决算数 exceeds its 预算数, with the excess. The rule's own logic, `three_public_outturn`, is
    /// below.
    ///
    /// ## Why it must hold
    /// 三公 spending is capped by its budget under the 八项规定 discipline; spending above budget is not
    /// an arithmetic error (budgets may be adjusted during the year), so it is noted, not flagged.
    /// Applies to final accounts whose 三公 table prints both columns.
    ///
    /// ## Example
    /// Shanghai 普陀区财政局 2024 决算, 表7 (万元): 预算数 0.95 and no 决算数 — nothing above budget, nothing to
    /// note.
    F2 = "F2", "决算：“三公”经费决算数与预算数", "Final accounts: 三公 outturn against budget", three_public_outturn;
}

/// F2: each 三公 item's 决算数 against its 预算数; an outturn above budget is noted.
fn three_public_outturn(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = doc.table(TableKind::ThreePublic) else {
        return;
    };
    let Some(b) = t.main() else { return };
    if b.col(Col::Budgeted).is_none() || b.col(Col::Actual).is_none() {
        return;
    }
    let over: Vec<&Row> = b
        .rows
        .iter()
        .filter(|r| b.value(r, Col::Actual) > b.value(r, Col::Budgeted))
        .collect();
    if over.is_empty() {
        return;
    }
    let describe = |r: &Row, zh: bool| {
        let (bud, act) = (b.value(r, Col::Budgeted), b.value(r, Col::Actual));
        if zh {
            format!(
                "{} 决算 {} 超出预算 {}（多 {}）",
                r.name,
                amount(act),
                amount(bud),
                amount(act - bud)
            )
        } else {
            format!(
                "{}: outturn {} above the budget {} (by {})",
                r.name,
                amount(act),
                amount(bud),
                amount(act - bud)
            )
        }
    };
    let zh: Vec<String> = over.iter().map(|r| describe(r, true)).collect();
    let en: Vec<String> = over.iter().map(|r| describe(r, false)).collect();
    let f = c.report(
        Severity::Info,
        format!(
            "表{} “三公”经费超出预算的项目：{}（{}）。",
            t.number,
            zh.join("；"),
            t.unit.label()
        ),
        format!(
            "Table {}: 三公 items spent above budget: {} ({}).",
            t.number,
            en.join("; "),
            t.unit.label()
        ),
    );
    f.lines = over.iter().flat_map(|r| r.lines.iter().copied()).collect();
    f.tables = vec![t.number];
}
