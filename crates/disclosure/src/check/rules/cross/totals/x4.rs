//! Rule X4: Table 2 general budget = Table 1 own general funds

use super::*;

rules! {
    /// ## What it checks
    /// 表2 一般公共预算 (本级) column 总计 = 表1 其中：一般财力. Same quantity: a gap of one unit of the last printed digit is rounding, more is an error. Runs the
    /// shared `income_column` (cross/totals.rs).
    ///
    /// ## Why it must hold
    /// The same income is printed twice, once in total (表1) and once by function (表2). Applies to
    /// templates that print both (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 表2 总计 一般公共预算 2,283.56 = 表1 一般财力 2,283.56.
    X4 = "X4", "表2 一般公共预算 = 表1 一般财力", "Table 2 general budget = Table 1 own general funds",
        |c| income_column(c, &[(Col::GeneralBudget, RowKey::GeneralFinance)]);
}
