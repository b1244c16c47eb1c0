//! Rule X13: Each class: Table 4 general budget = Table 5 total

use super::*;

rules! {
    /// ## What it checks
    /// For each 类: 表4 支出 一般公共预算 = 表5 合计 (a 类 one table does not print counts as zero). Same
    /// quantity: a gap of one unit of the last printed digit is rounding, more is an error. Runs the shared `fiscal_by_class` (cross/codes.rs) for
    /// the 一般公共预算 column and 表5.
    ///
    /// ## Why it must hold
    /// 表5 details the 一般公共预算 column of 表4 by function. Applies to every template.
    ///
    /// ## Example
    /// Xinjiang sample: 201 一般公共服务支出 表4 1,656.14 = 表5 1,656.14; 207 4.60 = 4.60.
    X13 = "X13", "各类：表4 一般公共预算 = 表5 合计", "Each class: Table 4 general budget = Table 5 total",
        |c| fiscal_by_class(c, Col::GeneralBudget, TableKind::GeneralExpense);
}
