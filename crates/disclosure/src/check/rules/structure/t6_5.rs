//! Rule T6.5: Table 6 personnel total = 301 + 303

use super::*;

rules! {
    /// ## What it checks
    /// 表6 人员经费 总计 = 301 + 303 (the 类 rows' amounts). Exact passes; within half a printed unit per
    /// class is rounding; more is an error. Runs the shared `personnel_public_split`
    /// (structure.rs).
    ///
    /// ## Why it must hold
    /// 人员经费 is defined as 工资福利支出 plus 对个人和家庭的补助. Applies to every template's basic-expenditure
    /// table that prints a 人员经费 total.
    ///
    /// ## Example
    /// Xinjiang sample, 表6: 1,985.64 + 56.31 = 2,041.95 = the printed 人员经费 总计 (exact).
    T6_5 = "T6.5", "表6 人员经费总计 = 301 + 303", "Table 6 personnel total = 301 + 303",
        |c| personnel_public_split(c, Col::Personnel, &["301", "303"]);
}
