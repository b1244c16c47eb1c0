//! Rule T8.1: Table 8 rows and levels add up

use super::*;

rules! {
    /// ## What it checks
    /// 表8 (政府性基金预算支出情况表): every row 合计 = 人员经费 + 公用经费 + 项目支出 (+ 基本支出 where printed), and each level
    /// adds up (总计 = Σ 类, 类 = Σ 款, 款 = Σ 项). Exact passes; within half a printed unit per part is
    /// rounding; more is an error. Runs the shared `row_identities` and `nesting` (structure.rs).
    ///
    /// ## Why it must hold
    /// The same accounting as 表5 holds for government-fund spending. Applies to every template's
    /// 政府性基金 table that has rows.
    ///
    /// ## Example
    /// Xinjiang sample, 表8 prints no row, only "…2024 年没有使用政府性基金预算拨款安排的支出，政府性基金 预算支出情况表为空表", so
    /// there is nothing to add up (T8.2 checks that statement).
    T8_1 = "T8.1", "表8 每行及各级汇总相符", "Table 8 rows and levels add up",
        |c| {
            row_identities(c, TableKind::GovFund, Side::Whole, None);
            for level in [Level::Total, Level::Class, Level::Kuan] {
                nesting(c, TableKind::GovFund, Side::Whole, level);
            }
        };
}
