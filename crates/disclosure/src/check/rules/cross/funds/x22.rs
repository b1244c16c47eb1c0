//! Rule X22: Table 3 project total = Tables 5/8/9 project + Table 11 project carry-over

use super::*;

rules! {
    /// What: 表3 总计 项目支出 = 表5 + 表8 + 表9 项目支出 + 表11 项目支出 (财政 + 非财政), plus
    /// this year's non-appropriated project money (bounded by 表2 财政专户 + 单位资金).
    /// Why: every project yuan comes from one of these. Example: 197.96 = 185.30 + 12.66.
    X22 = "X22", "表3 项目支出 = 表5/8/9 项目 + 表11 结转项目", "Table 3 project total = Tables 5/8/9 project + Table 11 project carry-over",
        |c| split_totals(c, Part::Project);
}
