//! Rule T5.4: Table 5, every column: 款 = sum of its 项

use super::*;

rules! {
    /// ## What it checks
    /// 表5, every column: each 款 row = Σ of its 项 rows. Exact passes; within half a printed unit per
    /// 项 is rounding; more is an error. Runs the shared `nesting` (structure.rs) at `Level::Kuan`.
    ///
    /// ## Why it must hold
    /// A 款 is the sum of its 项; only rounding may separate them. Applies to every template that
    /// prints 表5 to the 项 (预算法实施条例 §6 asks for the general budget by 项).
    ///
    /// ## Example
    /// Xinjiang sample, 表5 20805 prints 248.91; 1.77 + 203.41 + 43.74 = 248.92 — rounding.
    T5_4 = "T5.4", "表5 各列：款 = 所属各项之和", "Table 5, every column: 款 = sum of its 项",
        |c| nesting(c, TableKind::GeneralExpense, Side::Whole, Level::Kuan);
}
