//! Rule T6.2: Table 6 total = sum of economic classes

use super::*;

rules! {
    /// 表6 总计 = Σ 类 (301 + 302 + 303 + …).
    T6_2 = "T6.2", "表6 总计 = 各类之和", "Table 6 total = sum of economic classes",
        |c| nesting(c, TableKind::GeneralBasic, Side::Whole, Level::Total);
}
