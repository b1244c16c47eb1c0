//! Rule T6.3: Table 6, every class = sum of its 款

use super::*;

rules! {
    /// 表6, every 类 = Σ 款. Example: 301's 款 sum to 1,985.65 against 1,985.64, and 302's to
    /// 60.60 against 60.61 (both rounding).
    T6_3 = "T6.3", "表6 各类 = 所属各款之和", "Table 6, every class = sum of its 款",
        |c| nesting(c, TableKind::GeneralBasic, Side::Whole, Level::Class);
}
