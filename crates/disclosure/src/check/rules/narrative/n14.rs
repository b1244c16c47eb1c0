//! Rule N14: Section 六: basic, personnel, public = table 6

use super::*;

rules! {
    /// ## What it checks
    /// 六 (基本支出): 基本支出, 人员经费 and 公用经费 restate 表6's 总计 row (same quantity: a gap of one unit of the last printed digit is
    /// rounding, more is an error). The stated 基本支出 must also be the stated 人员经费 + 公用经费 (text
    /// alone, so it runs with the 说明 alone too: exact, within half a printed unit per part as
    /// rounding, else an error). Runs the shared `restate_found` (narrative.rs) three times and
    /// `stated_split` once.
    ///
    /// ## Why it must hold
    /// The section restates the basic-expenditure table's totals, and 基本支出 is by definition 人员经费
    /// and 公用经费 (rules.md's 名词解释: 基本支出 包括人员经费、公用经费). Applies to documents with a 六
    /// chapter (Xinjiang budgets, Shanghai 决算); the comparison with 表6 to those that print it.
    ///
    /// ## Example
    /// Xinjiang sample, 六: 基本支出 2,102.56 = 人员经费 2,041.95 + 公用经费 60.61, each as 表6 prints it.
    N14 = "N14", "说明六：基本支出、人员经费、公用经费 = 表6", "Section 六: basic, personnel, public = table 6",
        |c| {
            let doc = c.doc;
            let basic = |s: &str| s.contains("基本支出");
            let personnel = |s: &str| s.contains("人员经费") && !s.contains("公用经费");
            let public = |s: &str| s.contains("公用经费") && !s.contains("人员经费");
            stated_split(c, (6, 0), &basic, &[&personnel, &public], ("应等于所述人员经费与公用经费之和", "should be the stated personnel plus public expenses"));
            if c.table(TableKind::GeneralBasic).is_none() {
                return;
            }
            let cell = |col| total_of(doc, TableKind::GeneralBasic, Side::Whole, col);
            restate_found(c, (6, 0), |s| s.contains("基本支出"), cell(Col::Total), table_label(doc, TableKind::GeneralBasic, "合计", "total"));
            restate_found(c, (6, 0), |s| s.contains("人员经费"), cell(Col::Personnel), table_label(doc, TableKind::GeneralBasic, "人员经费", "personnel"));
            restate_found(c, (6, 0), |s| s.contains("公用经费"), cell(Col::Public), table_label(doc, TableKind::GeneralBasic, "公用经费", "public expenses"));
        };
}
