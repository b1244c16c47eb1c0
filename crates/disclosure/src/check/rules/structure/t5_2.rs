//! Rule T5.2: Table 5, every column: total = sum of classes

use super::*;

rules! {
    /// 表5, every column: 总计 = Σ 类.
    T5_2 = "T5.2", "表5 各列：总计 = 各类之和", "Table 5, every column: total = sum of classes",
        |c| nesting(c, TableKind::GeneralExpense, Side::Whole, Level::Total);
}
