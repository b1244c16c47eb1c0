//! Rule T11.3: Table 11, every row: other funds = personnel + public + project

use super::*;

rules! {
    /// ## What it checks
    /// 表11, every row: 非财政拨款合计 = 人员经费 + 公用经费 + 项目支出. Exact passes; within half a printed unit per
    /// part is rounding; more is an error; rows with all these cells blank are skipped. Runs the
    /// shared `row_identities` (structure.rs) for the 非财政拨款合计 column.
    ///
    /// ## Why it must hold
    /// Carried-over non-appropriated money is kept either for basic or for project spending, like
    /// the appropriated part (T11.2). Applies to the Xinjiang 表11.
    ///
    /// ## Example
    /// Xinjiang sample, 表11: every 非财政拨款 cell is blank (all 12.66 is 财政拨款), so no row is checked.
    T11_3 = "T11.3", "表11 每行：非财政拨款合计 = 人员 + 公用 + 项目", "Table 11, every row: other funds = personnel + public + project",
        |c| row_identities(c, TableKind::CarryOver, Side::Whole, Some(Col::NonFiscalCarryTotal));
}
