//! Rule X13: Each class: Table 4 general budget = Table 5 total

use super::*;

rules! {
    /// What: for each 类, 表4 一般公共预算 = 表5 合计.
    /// Why: 表5 details the general-budget column of 表4. Example: 201 1,656.14.
    X13 = "X13", "各类：表4 一般公共预算 = 表5 合计", "Each class: Table 4 general budget = Table 5 total",
        |c| fiscal_by_class(c, Col::GeneralBudget, TableKind::GeneralExpense);
}
