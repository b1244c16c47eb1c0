//! Rule T2.2: Table 2, every row: appropriations subtotal = its six budget sources

use super::*;

rules! {
    /// ## What it checks
    /// 表2, every row: 财政拨款小计 = 一般公共预算 + 上级一般公共预算转移支付 + 政府性基金 + 上级政府性基金 转移支付 + 国有资本经营 + 上级国有资本经营转移支付
    /// (the printed ones). Exact passes; within half a printed unit per part is rounding; more is
    /// an error. Runs the shared `row_identities` (structure.rs) for the 财政拨款小计 column.
    ///
    /// ## Why it must hold
    /// The subtotal is what the government appropriates this year; its six parts say from which
    /// budget and level. Applies to templates that print the subtotal with its sources (Xinjiang
    /// 表2); tables without a 财政拨款小计 column are not checked.
    ///
    /// ## Example
    /// Xinjiang sample, 表2 row 207 文化旅游体育与传媒支出: 财政拨款小计 4.60 = 一般公共预算 0.30 + 上级一般 公共预算转移支付 4.30
    /// (exact).
    T2_2 = "T2.2", "表2 每行：财政拨款小计 = 六项预算来源之和", "Table 2, every row: appropriations subtotal = its six budget sources",
        |c| row_identities(c, TableKind::Income, Side::Whole, Some(Col::FiscalSubtotal));
}
