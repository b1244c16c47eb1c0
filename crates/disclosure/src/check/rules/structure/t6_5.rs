//! Rule T6.5: Table 6 personnel total = 301 + 303

use super::*;

rules! {
    /// 表6 人员经费总计 = 301 + 303.
    T6_5 = "T6.5", "表6 人员经费总计 = 301 + 303", "Table 6 personnel total = 301 + 303",
        |c| personnel_public_split(c, Col::Personnel, &["301", "303"]);
}
