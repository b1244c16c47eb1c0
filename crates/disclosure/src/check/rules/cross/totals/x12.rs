//! Rule X12: Table 4 expense total = Table 2 appropriations = Tables 5 + 8 + 9

use super::*;

rules! {
    /// What: 表4 支出总计 = 表2 财政拨款小计 总计 (same quantity), and = 表5 + 表8 + 表9 总计
    /// (a sum of printed totals, rounding envelope). Why: 表4 covers this year's appropriations,
    /// which 表5, 表8 and 表9 split by budget. Example: 2,287.86 = 2,287.86 + 0 + 0.
    X12 = "X12", "表4 支出总计 = 表2 财政拨款小计 = 表5 + 表8 + 表9", "Table 4 expense total = Table 2 appropriations = Tables 5 + 8 + 9", fiscal_expense;
}
