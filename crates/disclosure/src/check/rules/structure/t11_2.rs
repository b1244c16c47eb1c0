//! Rule T11.2: Table 11, every row: appropriations = personnel + public + project

use super::*;

rules! {
    /// 表11, every row: 财政拨款合计 = 人员 + 公用 + 项目.
    T11_2 = "T11.2", "表11 每行：财政拨款合计 = 人员 + 公用 + 项目", "Table 11, every row: appropriations = personnel + public + project",
        |c| row_identities(c, TableKind::CarryOver, Side::Whole, Some(Col::FiscalCarryTotal));
}
