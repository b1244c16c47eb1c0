//! Rule X23: Table 3 basic total = Tables 5/8/9 basic + Table 11 basic carry-over

use super::*;

rules! {
    /// What: 表3 总计 基本支出 = 表5 基本 + 表8/表9 人员 + 公用 + 表11 人员 + 公用 (财政 + 非财政),
    /// plus this year's non-appropriated basic money.
    /// Why: as X22. Example: 2,102.56 = 2,102.56.
    X23 = "X23", "表3 基本支出 = 表5/8/9 基本 + 表11 结转基本", "Table 3 basic total = Tables 5/8/9 basic + Table 11 basic carry-over",
        |c| split_totals(c, Part::Basic);
}
