//! Rule T2.5: Table 2, every column: 款 = sum of its 项

use super::*;

rules! {
    /// ## What it checks
    /// 表2, every column: each 款 row = Σ of its 项 rows. Exact passes; a gap within half a printed
    /// unit per 项 is rounding; more is an error. Runs the shared `nesting` (structure.rs) at
    /// `Level::Kuan`.
    ///
    /// ## Why it must hold
    /// A 款 is the sum of its 项; the 项 rows are computed from the accounts and the 款 from them, so
    /// only rounding may separate them. Applies to every template that prints 表2 to the 项.
    ///
    /// ## Example
    /// Xinjiang sample, 表2 20805 行政事业单位养老支出 prints 248.91; its 项 give 1.77 + 203.41 + 43.74 =
    /// 248.92 in 总计, 财政拨款小计 and 一般公共预算 — rounding (3 parts allow 0.015).
    T2_5 = "T2.5", "表2 各列：款 = 所属各项之和", "Table 2, every column: 款 = sum of its 项",
        |c| nesting(c, TableKind::Income, Side::Whole, Level::Kuan);
}
