//! Rule X10: Tables 2 and 3 print the same codes with equal totals

use super::*;

rules! {
    /// What: 表2 and 表3 print the same codes with the same names, and for every code
    /// 表3 合计 = 表2 总计. A name that differs only in its bracket style is a note.
    /// Why: money received for a purpose is money spent on it; the two tables mirror each other.
    /// Example: 2230105 2.06 in both.
    X10 = "X10", "表2 与表3 科目相同且各科目金额相等", "Tables 2 and 3 print the same codes with equal totals", income_expense_rows;
}
