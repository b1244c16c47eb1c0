//! Rule T1.10: Table 1: expense total = sum of functional classes

use super::*;

rules! {
    /// 表1 支出总计 = Σ 功能分类 类. Example: the classes sum to 2,300.51 against 2,300.52
    /// (rounding, carried from 20805).
    T1_10 = "T1.10", "表1 支出总计 = 各类支出之和", "Table 1: expense total = sum of functional classes",
        |c| nesting(c, TableKind::Summary, Side::Expense, Level::Total);
}
