//! Rule X1: Table 1 totals = Table 2 total = Table 3 total

use super::*;

rules! {
    /// What: 表1 收入总计 = 表1 支出总计 = 表2 总计 = 表3 总计. This rule compares 表1 收入总计,
    /// 表2 and 表3, reporting the one that disagrees with the others (T1.11 compares the two
    /// halves of 表1).
    /// Why: the three tables describe the same budget; their grand totals are one number.
    /// Example: 2,300.52 in all four places.
    X1 = "X1", "表1 收支总计 = 表2 总计 = 表3 总计", "Table 1 totals = Table 2 total = Table 3 total", grand_totals;
}
