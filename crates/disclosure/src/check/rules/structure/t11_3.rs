//! Rule T11.3: Table 11, every row: other funds = personnel + public + project

use super::*;

rules! {
    /// 表11, every row: 非财政拨款合计 = 人员 + 公用 + 项目.
    T11_3 = "T11.3", "表11 每行：非财政拨款合计 = 人员 + 公用 + 项目", "Table 11, every row: other funds = personnel + public + project",
        |c| row_identities(c, TableKind::CarryOver, Side::Whole, Some(Col::NonFiscalCarryTotal));
}
