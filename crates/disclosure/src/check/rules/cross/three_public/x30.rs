//! Rule X30: Table 10 total ≤ Table 4 expense total

use super::*;

rules! {
    /// ## What it checks
    /// 表10 合计 ≤ 表4 支出总计; an error when it is larger by more than one unit of the last printed
    /// digit (one unit is rounding). The run function is in this file; it reads the
    /// tables with the shared `src` and compares them with `at_most` (cross.rs).
    ///
    /// ## Why it must hold
    /// 三公 spending is a part of the appropriations that 表4 totals. Applies to every template with
    /// both tables.
    ///
    /// ## Example
    /// Xinjiang sample: 表10 合计 9.60 ≤ 表4 支出总计 2,287.86.
    X30 = "X30", "表10 合计 ≤ 表4 支出总计", "Table 10 total ≤ Table 4 expense total",
        |c| {
            let s10 = src(c, TableKind::ThreePublic, Side::Whole);
            let s4 = src(c, TableKind::FiscalSummary, Side::Expense);
            let (Some(s10), Some(s4)) = (s10, s4) else { return };
            if let (Some(item), Some(total)) = (s10.total(Col::Total), s4.total(Col::Total)) {
                at_most(c, &item, &total, ("三公经费是财政拨款支出的一部分", "三公 spending is part of the appropriations"));
            }
        };
}
