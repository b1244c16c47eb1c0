//! Rule X20: Each code: Table 3 project = Tables 5/8/9 project + carry-over

use super::*;

rules! {
    /// What: for every code of 表3, 项目支出 = 表5 + 表8 + 表9 项目支出 of that code, plus its
    /// carry-over (表2 结转 columns) when 表11 shows the carry-over is all project money. What
    /// 财政专户 / 单位资金 income (or carry-over of unknown kind) pays for is unknown, so then
    /// only bounds are checked.
    /// Why: 表3 is the sum of what each source pays for.
    /// Example: 2010108 2.14 = 1.54 (表5) + 0.60 (结转).
    X20 = "X20", "各科目：表3 项目支出 = 表5/8/9 项目支出 + 结转", "Each code: Table 3 project = Tables 5/8/9 project + carry-over",
        |c| split_by_code(c, Part::Project);
}
