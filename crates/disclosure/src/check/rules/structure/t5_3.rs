//! Rule T5.3: Table 5, every column: class = sum of its 款

use super::*;

rules! {
    /// 表5, every column: 类 = Σ 款.
    T5_3 = "T5.3", "表5 各列：类 = 所属各款之和", "Table 5, every column: class = sum of its 款",
        |c| nesting(c, TableKind::GeneralExpense, Side::Whole, Level::Class);
}
