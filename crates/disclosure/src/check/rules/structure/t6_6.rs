//! Rule T6.6: Table 6 public-expense total = 302 + 310

use super::*;

rules! {
    /// ## What it checks
    /// 表6 公用经费 总计 = 302 + 310 (and 307, 309, 312, 313, 399 where printed). Exact passes; within
    /// half a printed unit per class is rounding; more is an error. Runs the shared
    /// `personnel_public_split` (structure.rs).
    ///
    /// ## Why it must hold
    /// 公用经费 is defined as 商品和服务支出 plus the capital and other classes of basic expenditure. Applies
    /// to every template's basic-expenditure table that prints a 公用经费 total.
    ///
    /// ## Example
    /// Xinjiang sample, 表6: 302 60.61 is the only such class, and the printed 公用经费 总计 is 60.61.
    T6_6 = "T6.6", "表6 公用经费总计 = 302 + 310", "Table 6 public-expense total = 302 + 310",
        |c| personnel_public_split(c, Col::Public, &["302", "310", "307", "309", "312", "313", "399"]);
}
