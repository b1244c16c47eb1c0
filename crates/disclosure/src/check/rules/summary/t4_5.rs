//! Rule T4.5: Table 4: income total = expense total

use super::*;

rules! {
    /// ## What it checks
    /// 表4: 收入总计 = 支出总计 (its 合计 column); a gap of one unit of the last printed digit is rounding, more is an error. Runs the shared `balanced`
    /// (summary.rs).
    ///
    /// ## Why it must hold
    /// Every appropriated yuan is assigned to spending. Applies to every template's 财政拨款收支 table.
    ///
    /// ## Example
    /// Xinjiang sample, 表4: 收入总计 2,287.86 and 支出总计 2,287.86 (exact).
    T4_5 = "T4.5", "表4 收入总计 = 支出总计", "Table 4: income total = expense total", |c| balanced(c, TableKind::FiscalSummary, Col::Total);
}
