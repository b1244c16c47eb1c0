//! Rule X21: Each code: Table 3 basic = Tables 5/8/9 basic + carry-over

use super::*;

rules! {
    /// What: for every code of 表3, 基本支出 = 表5 基本 + 表8/表9 人员经费 + 公用经费 of that
    /// code, plus its carry-over when 表11 shows the carry-over is all basic money.
    /// Why: as X20. Example: 2010108 2.00 = 2.00 (表5).
    X21 = "X21", "各科目：表3 基本支出 = 表5/8/9 基本支出 + 结转", "Each code: Table 3 basic = Tables 5/8/9 basic + carry-over",
        |c| split_by_code(c, Part::Basic);
}
