//! Rule X21: Each code: Table 3 basic = Tables 5/8/9 basic + carry-over

use super::*;

rules! {
    /// ## What it checks
    /// For every code of 表3: 基本支出 = 表5 基本支出 + 表8/表9 人员经费 + 公用经费 of that code, plus its carry-over
    /// when 表11 shows the carry-over is all basic money; bounds only when part of the money is of
    /// unknown kind (as X20). Exact (or within the bounds) passes; within half a printed unit per
    /// part is rounding; more is an error. Runs the shared `split_by_code` (cross/funds.rs) for
    /// `Part::Basic`.
    ///
    /// ## Why it must hold
    /// As X20, for basic expenditure: each code's basic spending is paid by this year's budgets and
    /// the money kept for basic spending. Applies to the same templates as X20.
    ///
    /// ## Example
    /// Xinjiang sample: 2010108 表3 基本支出 2.00 = 表5 基本支出 2.00 (no basic carry-over).
    X21 = "X21", "各科目：表3 基本支出 = 表5/8/9 基本支出 + 结转", "Each code: Table 3 basic = Tables 5/8/9 basic + carry-over",
        |c| split_by_code(c, Part::Basic);
}
