//! Rule T6.1: Table 6, every row: total = personnel + public expenses

use super::*;

rules! {
    /// 表6, every row: 合计 = 人员经费 + 公用经费.
    T6_1 = "T6.1", "表6 每行：合计 = 人员经费 + 公用经费", "Table 6, every row: total = personnel + public expenses",
        |c| row_identities(c, TableKind::GeneralBasic, Side::Whole, None);
}
