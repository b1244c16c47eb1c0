//! Rule T2.1: Table 2, every row: total = appropriations subtotal + special account + unit funds + carry-overs

use super::*;

rules! {
    /// 表2, every row: 总计 = 财政拨款小计 + 财政专户 + 单位资金 + 财政拨款结转 + 非财政拨款结转结余.
    /// Why: a row whose columns do not add up misstates where the money comes from.
    /// Example: "201 … 1,664.74 1,656.14 1,656.14 8.60" holds: 1,664.74 = 1,656.14 + 8.60.
    T2_1 = "T2.1", "表2 每行：总计 = 财政拨款小计 + 财政专户 + 单位资金 + 结转", "Table 2, every row: total = appropriations subtotal + special account + unit funds + carry-overs",
        |c| row_identities(c, TableKind::Income, Side::Whole, Some(Col::Total));
}
