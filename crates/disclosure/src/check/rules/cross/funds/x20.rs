//! Rule X20: Each code: Table 3 project = Tables 5/8/9 project + carry-over

use super::*;

rules! {
    /// ## What it checks
    /// For every code of 表3: 项目支出 = 表5 + 表8 + 表9 项目支出 of that code, plus its carry-over (表2 财政拨款结转
    /// + 非财政拨款结转结余) when 表11 shows the carry-over is all project money. When part of the money is
    /// of unknown kind (财政专户 / 单位资金 income, or carry-over that 表11 does not assign), only bounds
    /// are checked: Σ known ≤ 表3 ≤ Σ known + Σ unknown. Exact (or within the bounds) passes; within
    /// half a printed unit per part is rounding; more is an error. Runs the shared `split_by_code`
    /// (cross/funds.rs) for `Part::Project`.
    ///
    /// ## Why it must hold
    /// 表3 spends what the sources provide: each code's project spending is paid by this year's
    /// budgets and by the carry-over and own income kept for projects. Applies to templates with
    /// 表3, 表5 and 表2's source columns (Xinjiang; 表11 decides how carry-over splits).
    ///
    /// ## Example
    /// Xinjiang sample: 2010108 代表工作 表3 项目支出 2.14 = 表5 1.54 + 表2 结转 0.60 (表11: all 12.66 of
    /// carry-over is 项目支出).
    X20 = "X20", "各科目：表3 项目支出 = 表5/8/9 项目支出 + 结转", "Each code: Table 3 project = Tables 5/8/9 project + carry-over",
        |c| split_by_code(c, Part::Project);
}
