//! Rule X17: Table 6 total = Table 5 basic expenditure

use super::*;

rules! {
    /// ## What it checks
    /// 表6 总计 = 表5 基本支出 总计. Same quantity: a gap of one unit of the last printed digit is rounding, more is an error. Runs the shared
    /// `totals_equal` (cross/totals.rs).
    ///
    /// ## Why it must hold
    /// 表6 splits the general budget's basic expenditure by economic class: its total is 表5's basic
    /// column. Applies to every template (Shanghai budgets number the tables 表8 and 表5).
    ///
    /// ## Example
    /// Xinjiang sample: 表6 总计 2,102.56 = 表5 基本支出 2,102.56.
    X17 = "X17", "表6 总计 = 表5 基本支出", "Table 6 total = Table 5 basic expenditure",
        |c| totals_equal(c, (TableKind::GeneralBasic, Col::Total), (TableKind::GeneralExpense, Col::Basic));
}
