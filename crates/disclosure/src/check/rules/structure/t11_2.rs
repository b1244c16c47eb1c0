//! Rule T11.2: Table 11, every row: appropriations = personnel + public + project

use super::*;

rules! {
    /// ## What it checks
    /// 表11, every row: 财政拨款合计 = 人员经费 + 公用经费 + 项目支出. Exact passes; within half a printed unit per
    /// part is rounding; more is an error. Runs the shared `row_identities` (structure.rs) for the
    /// 财政拨款合计 column.
    ///
    /// ## Why it must hold
    /// Carried-over appropriations are kept either for basic (personnel, public) or for project
    /// spending. Applies to the Xinjiang 表11.
    ///
    /// ## Example
    /// Xinjiang sample, 表11 row "巴财行〔2023〕37 号…": 财政拨款合计 6.00 = 项目支出 6.00 (exact).
    T11_2 = "T11.2", "表11 每行：财政拨款合计 = 人员 + 公用 + 项目", "Table 11, every row: appropriations = personnel + public + project",
        |c| row_identities(c, TableKind::CarryOver, Side::Whole, Some(Col::FiscalCarryTotal));
}
