//! Rule T2.4: Table 2, every column: class = sum of its 款

use super::*;

rules! {
    /// ## What it checks
    /// 表2, every column: each 类 row = Σ of its 款 rows. Exact passes; a gap within half a printed
    /// unit per 款 is rounding; more is an error. Runs the shared `nesting` (structure.rs) at
    /// `Level::Class`.
    ///
    /// ## Why it must hold
    /// A 类 is the sum of its 款 by the structure of the 功能分类; a class that is not the sum of its 款
    /// hides or double-counts money. Applies to every template that prints 表2 by 功能分类.
    ///
    /// ## Example
    /// Xinjiang sample, 表2 208 社会保障和就业支出: 248.91 (20805) + 121.24 (20807) = 370.15, as printed.
    T2_4 = "T2.4", "表2 各列：类 = 所属各款之和", "Table 2, every column: class = sum of its 款",
        |c| nesting(c, TableKind::Income, Side::Whole, Level::Class);
}
