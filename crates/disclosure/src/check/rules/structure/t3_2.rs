//! Rule T3.2: Table 3, every column: total = sum of classes

use super::*;

rules! {
    /// 表3, every column: 总计 = Σ 类.
    T3_2 = "T3.2", "表3 各列：总计 = 各类之和", "Table 3, every column: total = sum of classes",
        |c| nesting(c, TableKind::Expense, Side::Whole, Level::Total);
}
