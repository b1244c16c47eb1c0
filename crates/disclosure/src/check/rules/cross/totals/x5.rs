//! Rule X5: Table 2 general-budget transfers = Table 1 transfers

use super::*;

rules! {
    /// ## What it checks
    /// 表2 上级一般公共预算安排的转移支付 column 总计 = 表1 上级一般公共预算安排转移支付. Same quantity: a gap of one unit of the last printed digit is rounding, more is an error.
    /// Runs the shared `income_column` (cross/totals.rs).
    ///
    /// ## Why it must hold
    /// The same transfer income is printed twice. Applies to templates that print both (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 表2 总计 4.30 = 表1 4.30.
    X5 = "X5", "表2 上级一般公共预算转移支付 = 表1 同项", "Table 2 general-budget transfers = Table 1 transfers",
        |c| income_column(c, &[(Col::GeneralTransfer, RowKey::GeneralTransfer)]);
}
