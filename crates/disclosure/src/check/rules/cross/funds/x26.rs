//! Rule X26: Table 1 carry-over by budget = Table 2 carry-over of that budget's classes

use super::*;

rules! {
    /// What: 表1 结转 by budget = 表2 财政拨款结转 of that budget's classes: 国有资本经营预算拨款
    /// = class 223; 一般公共预算拨款 (+ 政府性基金预算拨款) = the other classes.
    /// Why: carry-over keeps its budget. Example: 2.06 = 223's 2.06; 10.60 = 8.60 (201) + 2.00 (207).
    X26 = "X26", "表1 各预算结转 = 表2 对应各类结转", "Table 1 carry-over by budget = Table 2 carry-over of that budget's classes", carry_by_budget;
}

/// X26: 表1 财政拨款结转 by budget = 表2 财政拨款结转 of the classes of that budget: 223 is
/// 国有资本经营预算; the other classes are 一般公共预算 (with 政府性基金, which cannot be told
/// apart from the class alone).
fn carry_by_budget(c: &mut Checker) {
    let s1 = src(c, TableKind::Summary, Side::Income);
    let s2 = src(c, TableKind::Income, Side::Whole);
    let (Some(s1), Some(s2)) = (s1, s2) else {
        return;
    };
    if !s2.has(Col::FiscalCarryover) {
        return;
    }
    let classes: Vec<&Row> =
        s2.b.rows
            .iter()
            .filter(|r| r.kind == RowKind::Class)
            .collect();
    let (state, other): (Vec<&Row>, Vec<&Row>) = classes
        .into_iter()
        .partition(|r| r.code_str() == Some(STATE_CAPITAL_CLASS));
    let parts = |rows: Vec<_>| -> Vec<_> {
        rows.into_iter()
            .map(|r| s2.val(r, Col::FiscalCarryover))
            .collect()
    };
    if let Some(total) = carry_val(&s1, RowKey::CarryStateCapital) {
        let what = Label::new(
            format!("{} = 表{} 223 类的财政拨款结转", total.what().zh, s2.n()),
            format!(
                "{} = Table {} appropriation carry-over of class 223",
                total.what().en,
                s2.n()
            ),
        );
        sum(c, &what, &total, &parts(state));
    }
    let general = carry_val(&s1, RowKey::CarryGeneral);
    let fund = carry_val(&s1, RowKey::CarryGovFund).filter(|v| !v.value().is_zero());
    let total = match (general, fund) {
        (Some(g), None) => g,
        (g, Some(f)) => match combined(&g.into_iter().chain([f]).collect::<Vec<_>>()) {
            Some(v) => v,
            None => return,
        },
        (None, None) => return,
    };
    let what = Label::new(
        format!(
            "{} = 表{} 223 以外各类的财政拨款结转",
            total.what().zh,
            s2.n()
        ),
        format!(
            "{} = Table {} appropriation carry-over of the classes other than 223",
            total.what().en,
            s2.n()
        ),
    );
    sum(c, &what, &total, &parts(other));
}
