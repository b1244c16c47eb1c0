//! Rule T4.4: Table 4 expense total, every column = sum of classes

use super::*;

rules! {
    /// 表4 支出总计, every column = Σ 类. Example: the sample gives 2,287.85 against 2,287.86.
    T4_4 = "T4.4", "表4 支出总计各列 = 各类之和", "Table 4 expense total, every column = sum of classes",
        |c| nesting(c, TableKind::FiscalSummary, Side::Expense, Level::Total);
}
