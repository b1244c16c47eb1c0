//! Rule N14: Section 六: basic, personnel, public = table 6

use super::*;

rules! {
    /// ## What it checks
    /// 六 (基本支出): 基本支出, 人员经费 and 公用经费 restate 表6's 总计 row (same quantity: a gap of one unit of the last printed digit is
    /// rounding, more is an error). Runs the shared `restate_found` (narrative.rs) three times.
    ///
    /// ## Why it must hold
    /// The section restates the basic-expenditure table's totals. Applies to documents with 表6 and
    /// a 六 chapter (Xinjiang budgets, Shanghai 决算).
    ///
    /// ## Example
    /// Xinjiang sample, 六: 基本支出 2,102.56 = 人员经费 2,041.95 + 公用经费 60.61, each as 表6 prints it.
    N14 = "N14", "说明六：基本支出、人员经费、公用经费 = 表6", "Section 六: basic, personnel, public = table 6",
        |c| {
            let doc = c.doc;
            if c.table(TableKind::GeneralBasic).is_none() {
                return;
            }
            let cell = |col| total_of(doc, TableKind::GeneralBasic, Side::Whole, col);
            restate_found(c, (6, 0), |s| s.contains("基本支出"), cell(Col::Total), table_label(doc, TableKind::GeneralBasic, "合计", "total"));
            restate_found(c, (6, 0), |s| s.contains("人员经费"), cell(Col::Personnel), table_label(doc, TableKind::GeneralBasic, "人员经费", "personnel"));
            restate_found(c, (6, 0), |s| s.contains("公用经费"), cell(Col::Public), table_label(doc, TableKind::GeneralBasic, "公用经费", "public expenses"));
        };
}
