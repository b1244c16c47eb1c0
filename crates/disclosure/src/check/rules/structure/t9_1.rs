//! Rule T9.1: Table 9 rows and levels add up

use super::*;

rules! {
    /// ## What it checks
    /// 表9 (国有资本经营预算支出情况表): every row 合计 = 人员经费 + 公用经费 + 项目支出 (+ 基本支出 where printed), and each level
    /// adds up (总计 = Σ 类, 类 = Σ 款, 款 = Σ 项). Exact passes; within half a printed unit per part is
    /// rounding; more is an error. Runs the shared `row_identities` and `nesting` (structure.rs).
    ///
    /// ## Why it must hold
    /// The same accounting as 表5 holds for state-capital spending. Applies to every template's
    /// 国有资本经营 table that has rows.
    ///
    /// ## Example
    /// Xinjiang sample, 表9 prints no row, only "…没有使用国有资本经营预算拨款安排的支出…", so there is nothing to add
    /// up (T9.2 checks that statement; X31 asks about the 2.06 of 国有资本 结转).
    T9_1 = "T9.1", "表9 每行及各级汇总相符", "Table 9 rows and levels add up",
        |c| {
            row_identities(c, TableKind::StateCapital, Side::Whole, None);
            for level in [Level::Total, Level::Class, Level::Kuan] {
                nesting(c, TableKind::StateCapital, Side::Whole, level);
            }
        };
}
