//! Rule T2.4: Table 2, every column: class = sum of its 款

use super::*;

rules! {
    /// 表2, every column: 类 = Σ 款. Why: a class that is not the sum of its 款 hides money.
    T2_4 = "T2.4", "表2 各列：类 = 所属各款之和", "Table 2, every column: class = sum of its 款",
        |c| nesting(c, TableKind::Income, Side::Whole, Level::Class);
}
