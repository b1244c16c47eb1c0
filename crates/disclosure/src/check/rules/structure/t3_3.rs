//! Rule T3.3: Table 3, every column: class = sum of its 款

use super::*;

rules! {
    /// 表3, every column: 类 = Σ 款.
    T3_3 = "T3.3", "表3 各列：类 = 所属各款之和", "Table 3, every column: class = sum of its 款",
        |c| nesting(c, TableKind::Expense, Side::Whole, Level::Class);
}
