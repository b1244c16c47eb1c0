//! Rule X12: Table 4 expense total = Table 2 appropriations = Tables 5 + 8 + 9

use super::*;

rules! {
    /// What: 表4 支出总计 = 表2 财政拨款小计 总计 (same quantity), and = 表5 + 表8 + 表9 总计
    /// (a sum of printed totals, rounding envelope). Why: 表4 covers this year's appropriations,
    /// which 表5, 表8 and 表9 split by budget. Example: 2,287.86 = 2,287.86 + 0 + 0.
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
