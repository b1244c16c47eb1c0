//! Rule T5.4: Table 5, every column: 款 = sum of its 项

use super::*;

rules! {
    /// 表5, every column: 款 = Σ 项.
    T5_4 = "T5.4", "表5 各列：款 = 所属各项之和", "Table 5, every column: 款 = sum of its 项",
        |c| nesting(c, TableKind::GeneralExpense, Side::Whole, Level::Kuan);
}
