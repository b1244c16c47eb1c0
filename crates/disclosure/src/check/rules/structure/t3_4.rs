//! Rule T3.4: Table 3, every column: 款 = sum of its 项

use super::*;

rules! {
    /// ## What it checks
    /// 表3, every column: each 款 row = Σ of its 项 rows. Exact passes; within half a printed unit per
    /// 项 is rounding; more is an error. Runs the shared `nesting` (structure.rs) at `Level::Kuan`.
    ///
    /// ## Why it must hold
    /// A 款 is the sum of its 项; only rounding may separate them. Applies to every template that
    /// prints 表3 to the 项.
    ///
    /// ## Example
    /// Xinjiang sample, 表3 20805 prints 248.91 in 合计 and 基本支出; 1.77 + 203.41 + 43.74 = 248.92 —
    /// rounding (3 parts allow 0.015).
    T3_4 = "T3.4", "表3 各列：款 = 所属各项之和", "Table 3, every column: 款 = sum of its 项",
        |c| nesting(c, TableKind::Expense, Side::Whole, Level::Kuan);
}
