//! Rule T6.6: Table 6 public-expense total = 302 + 310

use super::*;

rules! {
    /// 表6 公用经费总计 = 302 + 310 (+ other 公用 classes).
    T6_6 = "T6.6", "表6 公用经费总计 = 302 + 310", "Table 6 public-expense total = 302 + 310",
        |c| personnel_public_split(c, Col::Public, &["302", "310", "307", "309", "312", "313", "399"]);
}
