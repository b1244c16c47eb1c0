//! Rule T6.2: Table 6 total = sum of economic classes

use super::*;

rules! {
    /// ## What it checks
    /// 表6: the 总计 row = Σ 经济分类 类 rows (301 + 302 + 303 + …), column by column. Exact passes; within
    /// half a printed unit per 类 is rounding; more is an error. Runs the shared `nesting`
    /// (structure.rs) at `Level::Total`.
    ///
    /// ## Why it must hold
    /// The economic classes partition basic expenditure. Applies to the basic-expenditure table of
    /// every template.
    ///
    /// ## Example
    /// Xinjiang sample, 表6: 1,985.64 (301) + 60.61 (302) + 56.31 (303) = 2,102.56, as printed.
    T6_2 = "T6.2", "表6 总计 = 各类之和", "Table 6 total = sum of economic classes",
        |c| nesting(c, TableKind::GeneralBasic, Side::Whole, Level::Total);
}
