//! Rule X12: Table 4 expense total = Table 2 appropriations = Tables 5 + 8 + 9

use super::*;

rules! {
    /// ## What it checks
    /// 表4 支出总计 = 表2 财政拨款小计 总计 (same quantity: a gap of one unit of the last printed digit is rounding, more is an error), and 表4 支出总计 = 表5 总计 + 表8
    /// 总计 + 表9 总计 (printed totals: exact passes, within half a printed unit per non-zero part is
    /// rounding, more is an error). The rule's own logic, `fiscal_expense`, is below; it uses the
    /// shared `same` and `sum` (cross.rs).
    ///
    /// ## Why it must hold
    /// 表4 covers this year's appropriations, which 表2 shows by function and 表5, 表8 and 表9 split by
    /// budget. Applies to every template with these tables (the 表2 comparison only where 表2 prints
    /// a 财政拨款小计).
    ///
    /// ## Example
    /// Xinjiang sample: 表4 支出总计 2,287.86 = 表2 财政拨款小计 2,287.86 = 表5 2,287.86 + 表8 (empty) + 表9
    /// (empty).
    X12 = "X12", "表4 支出总计 = 表2 财政拨款小计 = 表5 + 表8 + 表9", "Table 4 expense total = Table 2 appropriations = Tables 5 + 8 + 9", fiscal_expense;
}

/// X12: 表4 支出总计 = 表2 财政拨款小计 总计, and = 表5 + 表8 + 表9 总计.
fn fiscal_expense(c: &mut Checker) {
    let s4 = src(c, TableKind::FiscalSummary, Side::Expense);
    let s2 = t2(c);
    let s5 = src(c, TableKind::GeneralExpense, Side::Whole);
    let s8 = src(c, TableKind::GovFund, Side::Whole);
    let s9 = src(c, TableKind::StateCapital, Side::Whole);
    let Some(s4) = s4 else { return };
    let Some(total) = s4.total(Col::Total) else {
        return;
    };
    if let Some(b) = s2.and_then(|s| s.total(Col::FiscalSubtotal)) {
        same(c, &total, &b);
    }
    let (Some(s5), Some(s8), Some(s9)) = (s5, s8, s9) else {
        return;
    };
    let parts: Vec<Val> = [s5, s8, s9]
        .iter()
        .filter_map(|s| s.total(Col::Total))
        .collect();
    let what = Label::new(
        format!(
            "表{} 支出总计 = 表{} + 表{} + 表{} 总计",
            s4.n(),
            s5.n(),
            s8.n(),
            s9.n()
        ),
        format!(
            "Table {} expense total = totals of tables {}, {} and {}",
            s4.n(),
            s5.n(),
            s8.n(),
            s9.n()
        ),
    );
    sum(c, &what, &total, &parts);
}
