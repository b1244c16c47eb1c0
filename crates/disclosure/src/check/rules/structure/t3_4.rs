//! Rule T3.4: Table 3, every column: 款 = sum of its 项

use super::*;

rules! {
    /// 表3, every column: 款 = Σ 项.
    T3_4 = "T3.4", "表3 各列：款 = 所属各项之和", "Table 3, every column: 款 = sum of its 项",
        |c| nesting(c, TableKind::Expense, Side::Whole, Level::Kuan);
}
