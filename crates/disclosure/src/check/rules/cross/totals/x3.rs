//! Rule X3: Table 2 appropriations subtotal = Table 1 current appropriations

use super::*;

rules! {
    /// ## What it checks
    /// 表2 财政拨款小计 总计 = 表1 1.一般公共预算拨款 + 2.政府性基金预算拨款 + 3.国有资本经营预算拨款 (the printed rows). Exact passes;
    /// within half a printed unit per non-zero part is rounding; more is an error. The rule's own
    /// logic, `fiscal_subtotal`, is below; it uses the shared `sum` (cross.rs).
    ///
    /// ## Why it must hold
    /// Both are this year's appropriations; 表2 only splits them by function. Applies to templates
    /// whose 表2 prints a 财政拨款小计 column (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 表2 财政拨款小计 总计 2,287.86 = 表1 一般公共预算拨款 2,287.86 (the other two blank).
    X3 = "X3", "表2 财政拨款小计 = 表1 本年三种财政拨款之和", "Table 2 appropriations subtotal = Table 1 current appropriations", fiscal_subtotal;
}

/// X3: 表2 财政拨款小计 总计 = 表1 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款.
fn fiscal_subtotal(c: &mut Checker) {
    let (Some(s1), Some(s2)) = (t1_income(c), t2(c)) else {
        return;
    };
    let Some(total) = s2.total(Col::FiscalSubtotal) else {
        return;
    };
    let parts: Vec<Val> = [RowKey::GeneralBudget, RowKey::GovFund, RowKey::StateCapital]
        .iter()
        .filter_map(|&k| s1.keyed(k, Col::Amount))
        .collect();
    if parts.is_empty() {
        return;
    }
    let what = Label::new(
        format!(
            "表{} 财政拨款小计总计 = 表{} 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款",
            s2.n(),
            s1.n()
        ),
        format!(
            "Table {} appropriations subtotal = Table {} general budget + government funds + state capital",
            s2.n(),
            s1.n()
        ),
    );
    sum(c, &what, &total, &parts);
}
