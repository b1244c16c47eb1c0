//! Rule X17: Table 6 total = Table 5 basic expenditure

use super::*;

rules! {
    /// What: 表6 总计 = 表5 基本支出 总计.
    /// Why: 表6 splits the general budget's basic expenditure by economic class.
    /// Example: 2,102.56 = 2,102.56.
    X17 = "X17", "表6 总计 = 表5 基本支出", "Table 6 total = Table 5 basic expenditure",
        |c| totals_equal(c, (TableKind::GeneralBasic, Col::Total), (TableKind::GeneralExpense, Col::Basic));
}
