//! Rule T6.3: Table 6, every class = sum of its 款

use super::*;

rules! {
    /// ## What it checks
    /// 表6, every column: each 经济分类 类 = Σ of its 款. Exact passes; within half a printed unit per 款
    /// is rounding; more is an error. Runs the shared `nesting` (structure.rs) at `Level::Class`.
    ///
    /// ## Why it must hold
    /// A 类 is the sum of its 款 in the 部门预算支出经济分类; 预算法实施条例 §6 asks for basic expenditure by 款, so
    /// the 款 must carry the whole class. Applies to every template's basic-expenditure table.
    ///
    /// ## Example
    /// Xinjiang sample, 表6 301 工资福利支出: its ten 款 give 1,985.65 against the printed 1,985.64, and
    /// 302's eleven 款 give 60.60 against 60.61 — both rounding.
    T6_3 = "T6.3", "表6 各类 = 所属各款之和", "Table 6, every class = sum of its 款",
        |c| nesting(c, TableKind::GeneralBasic, Side::Whole, Level::Class);
}
