//! Rule X22: Table 3 project total = Tables 5/8/9 project + Table 11 project carry-over

use super::*;

rules! {
    /// ## What it checks
    /// 表3 总计 项目支出 = 表5 + 表8 + 表9 项目支出 总计 + 表11 项目支出 (财政 + 非财政) + this year's non-appropriated
    /// project money, which is bounded by 表2 财政专户 + 单位资金 (then only Σ known ≤ 表3 ≤ Σ known + Σ
    /// unknown is checked). Exact (or within the bounds) passes; within half a printed unit per
    /// part is rounding; more is an error. Runs the shared `split_totals` (cross/funds.rs) for
    /// `Part::Project`.
    ///
    /// ## Why it must hold
    /// Every project yuan comes from one of these sources. Applies to templates with 表3, 表5 and 表11
    /// (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 表3 项目支出 197.96 = 表5 185.30 + 表11 项目支出 12.66 (表8 and 表9 empty).
    X22 = "X22", "表3 项目支出 = 表5/8/9 项目 + 表11 结转项目", "Table 3 project total = Tables 5/8/9 project + Table 11 project carry-over",
        |c| split_totals(c, Part::Project);
}
