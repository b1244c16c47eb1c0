//! Rule X26: Table 1 carry-over by budget = Table 2 carry-over of that budget's classes

use super::*;

rules! {
    /// ## What it checks
    /// 表1 结转 by budget = 表2 财政拨款结转 of that budget's classes: 国有资本经营预算拨款 = the 223 类 (国有资本经营 预算支出);
    /// 一般公共预算拨款 (+ 政府性基金预算拨款) = the other classes. Printed parts: exact passes, within half a
    /// printed unit per non-zero part is rounding, more is an error. The rule's own logic,
    /// `carry_by_budget`, is below; it uses the shared `carry_val` (cross/funds.rs) and `sum`
    /// (cross.rs).
    ///
    /// ## Why it must hold
    /// Carried-over money keeps its budget: state-capital money can only pay 223 spending. Applies
    /// to templates whose 表1 splits 结转 by budget and whose 表2 prints it by function (Xinjiang),
    /// and only when 表2's 类 rows were read: none read is nothing to compare, not parts of 0.
    ///
    /// ## Example
    /// Xinjiang sample: 表1 一般公共预算拨款 结转 10.60 = 表2 结转 8.60 (201) + 2.00 (207); 国有资本经营预算拨款 2.06 =
    /// 223's 2.06.
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
    // No class read in 表2: nothing to compare (not "every part is 0").
    if classes.is_empty() {
        return;
    }
    // Every finding rests on 表2, even one whose parts are found nowhere in it.
    let since = c.reported();
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
        c.rests_on(since, s2.n());
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
    c.rests_on(since, s2.n());
}
