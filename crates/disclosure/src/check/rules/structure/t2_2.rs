//! Rule T2.2: Table 2, every row: appropriations subtotal = its six budget sources

use super::*;

rules! {
    /// 表2, every row: 财政拨款小计 = its six budget sources.
    /// Why: the subtotal is what the government appropriates; its parts name the budget.
    /// Example: "207 … 4.60 0.30 4.30": 4.60 = 0.30 (本级) + 4.30 (上级转移支付).
    T2_2 = "T2.2", "表2 每行：财政拨款小计 = 六项预算来源之和", "Table 2, every row: appropriations subtotal = its six budget sources",
        |c| row_identities(c, TableKind::Income, Side::Whole, Some(Col::FiscalSubtotal));
}
