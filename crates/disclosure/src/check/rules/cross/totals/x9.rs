//! Rule X9: Table 2 carry-over columns = Table 1 carry-over rows

use super::*;

rules! {
    /// ## What it checks
    /// 表2 财政拨款结转 总计 = 表1 1、财政拨款结转, and 表2 非财政拨款结转结余 总计 = 表1 2、非财政拨款结转结余. Same quantity: a gap of one unit of the last printed digit is
    /// rounding, more is an error; a pair not printed on both sides is skipped. Runs the shared
    /// `income_column` (cross/totals.rs).
    ///
    /// ## Why it must hold
    /// The same carry-over is printed twice, in total and by function. Applies to templates that
    /// print both (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 表2 财政拨款结转 总计 12.66 = 表1 财政拨款结转 12.66; 非财政拨款 blank in both.
    X9 = "X9", "表2 结转两列 = 表1 结转两行", "Table 2 carry-over columns = Table 1 carry-over rows",
        |c| income_column(c, &[
            (Col::FiscalCarryover, RowKey::FiscalCarryover),
            (Col::NonFiscalCarryover, RowKey::NonFiscalCarryover),
        ]);
}
