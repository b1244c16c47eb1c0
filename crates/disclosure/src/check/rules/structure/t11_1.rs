//! Rule T11.1: Table 11, every row: total = appropriations + other funds

use super::*;

rules! {
    /// ## What it checks
    /// 表11 (上年结转结余情况明细表), every row: 总计 = 财政拨款合计 + 非财政拨款合计. Exact passes; within half a printed
    /// unit per part is rounding; more is an error. Runs the shared `row_identities` (structure.rs)
    /// for the 总计 column.
    ///
    /// ## Why it must hold
    /// Carried-over money is either appropriated or not; the two subtotals partition it. Applies to
    /// the Xinjiang 表11.
    ///
    /// ## Example
    /// Xinjiang sample, 表11 总计 row: 12.66 = 财政拨款合计 12.66 + 非财政拨款 (blank) — exact.
    T11_1 = "T11.1", "表11 每行：总计 = 财政拨款 + 非财政拨款", "Table 11, every row: total = appropriations + other funds",
        |c| row_identities(c, TableKind::CarryOver, Side::Whole, Some(Col::Total));
}
