//! Rule T4.4: Table 4 expense total, every column = sum of classes

use super::*;

rules! {
    /// ## What it checks
    /// 表4 支出 side, every column: the 总计 row = Σ 类 rows. Exact passes; within half a printed unit
    /// per 类 is rounding; more is an error. Runs the shared `nesting` (structure.rs) at
    /// `Level::Total` on the expense block.
    ///
    /// ## Why it must hold
    /// The 类 partition the appropriated spending by function. Applies to Xinjiang and Shanghai 财政拨款
    /// tables.
    ///
    /// ## Example
    /// Xinjiang sample, 表4: 1,656.14 + 4.13 + 4.60 + 370.15 + 96.83 + 156.00 = 2,287.85 against the
    /// printed 支出总计 2,287.86 — rounding (6 parts allow 0.03).
    T4_4 = "T4.4", "表4 支出总计各列 = 各类之和", "Table 4 expense total, every column = sum of classes",
        |c| nesting(c, TableKind::FiscalSummary, Side::Expense, Level::Total);
}
