//! Rule T2.3: Table 2, every column: total = sum of classes

use super::*;

rules! {
    /// 表2, every column: 总计 = Σ 类. Example: the sample's c1 classes sum to 2,300.51 against
    /// 2,300.52 (rounding: 208 carries 20805's 尾差).
    T2_3 = "T2.3", "表2 各列：总计 = 各类之和", "Table 2, every column: total = sum of classes",
        |c| nesting(c, TableKind::Income, Side::Whole, Level::Total);
}
