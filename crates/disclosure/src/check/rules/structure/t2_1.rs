//! Rule T2.1: Table 2, every row: total = appropriations subtotal + special account + unit funds + carry-overs

use super::*;

rules! {
    /// ## What it checks
    /// 表2 (部门收入总体情况表), every row: 总计 = 财政拨款小计 + 财政专户管理资金 + 单位资金 + 财政拨款结转 + 非财政拨款结转结余 (Xinjiang
    /// columns); in the Shanghai 收入预算总表, 总计 = 财政拨款收入 + 上级补助 + 事业收入 + 经营收入 + 附属单位上缴 + 其他收入. Only
    /// printed columns count; a row with every cell blank is skipped. Exact passes; a gap within
    /// half a printed unit per part is rounding; more is an error. Runs the shared `row_identities`
    /// (structure.rs) for the 总计 column.
    ///
    /// ## Why it must hold
    /// 总计 is by definition the sum of the funding sources a row lists; a row whose columns do not
    /// add up misstates where the money comes from. Applies to any budget whose 收入 table is
    /// recognised (Xinjiang and Shanghai templates).
    ///
    /// ## Example
    /// Xinjiang sample, 表2 row 201 一般公共服务支出: 总计 1,664.74 = 财政拨款小计 1,656.14 + 财政拨款结转 8.60 (exact).
    T2_1 = "T2.1", "表2 每行：总计 = 财政拨款小计 + 财政专户 + 单位资金 + 结转", "Table 2, every row: total = appropriations subtotal + special account + unit funds + carry-overs",
        |c| row_identities(c, TableKind::Income, Side::Whole, Some(Col::Total));
}
