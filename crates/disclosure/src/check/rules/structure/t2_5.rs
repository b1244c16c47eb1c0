//! Rule T2.5: Table 2, every column: 款 = sum of its 项

use super::*;

rules! {
    /// 表2, every column: 款 = Σ 项. Example: 20805 prints 248.91; its 项 give
    /// 1.77 + 203.41 + 43.74 = 248.92 (rounding).
    T2_5 = "T2.5", "表2 各列：款 = 所属各项之和", "Table 2, every column: 款 = sum of its 项",
        |c| nesting(c, TableKind::Income, Side::Whole, Level::Kuan);
}
