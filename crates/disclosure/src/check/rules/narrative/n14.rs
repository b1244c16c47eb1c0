//! Rule N14: Section 六: basic, personnel, public = table 6

use super::*;

rules! {
    /// 六: 基本支出 = 表6 总计; 人员经费 and 公用经费 = 表6.
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
