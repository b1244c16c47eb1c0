//! Rule N7: Section 三: spending, basic, project, shares, changes = table 3

use super::*;

rules! {
    /// ## What it checks
    /// 三 (支出预算): the spending total, 基本支出 and 项目支出 restate 表3 (same quantity: a gap of one unit of the last printed digit is
    /// rounding, more is an error); each share over 表3's total is exact, within the rounding envelope (rounding), or an
    /// error; year-over-year claims as N5. Runs the shared `spending` (narrative.rs) on chapter 三
    /// and 表3.
    ///
    /// ## Why it must hold
    /// The section restates the spending table and its arithmetic. Applies to documents with a 支出
    /// chapter (Xinjiang budgets, Shanghai 决算).
    ///
    /// ## Example
    /// Xinjiang sample, 三: 2,300.52, 基本 2,102.56 and 项目 197.96 = 表3; "占 91.40%" is only reachable
    /// within rounding (2,102.56 / 2,300.52 = 91.39 %), and so is 8.60 % (197.96 / 2,300.52 = 8.61
    /// %); 60.81 / 2,041.75 = 2.98 % as printed.
    N7 = "N7", "说明三：支出总额、基本与项目支出、占比及增减 = 表3", "Section 三: spending, basic, project, shares, changes = table 3",
        |c| spending(c, (3, 0), TableKind::Expense, &["支出预算", "支出总预算"]);
}
