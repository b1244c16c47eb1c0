//! Rule X23: Table 3 basic total = Tables 5/8/9 basic + Table 11 basic carry-over

use super::*;

rules! {
    /// ## What it checks
    /// 表3 总计 基本支出 = 表5 基本支出 + 表8/表9 人员经费 + 公用经费 + 表11 人员 + 公用 (财政 + 非财政) + this year's
    /// non-appropriated basic money (bounded as in X22). Exact (or within the bounds) passes;
    /// within half a printed unit per part is rounding; more is an error. Runs the shared
    /// `split_totals` (cross/funds.rs) for `Part::Basic`.
    ///
    /// ## Why it must hold
    /// As X22, for basic expenditure. Applies to templates with 表3, 表5 and 表11 (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 表3 基本支出 2,102.56 = 表5 基本支出 2,102.56 (表11 has no basic carry-over).
    X23 = "X23", "表3 基本支出 = 表5/8/9 基本 + 表11 结转基本", "Table 3 basic total = Tables 5/8/9 basic + Table 11 basic carry-over",
        |c| split_totals(c, Part::Basic);
}
