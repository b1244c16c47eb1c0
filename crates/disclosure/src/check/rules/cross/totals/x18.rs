//! Rule X18: Table 7 total = Table 5 project expenditure

use super::*;

rules! {
    /// What: 表7 总计 = 表5 项目支出 总计.
    /// Why: 表7 lists the general budget's project expenditure project by project.
    /// Example: 185.30 = 185.30.
    X18 = "X18", "表7 总计 = 表5 项目支出", "Table 7 total = Table 5 project expenditure",
        |c| totals_equal(c, (TableKind::GeneralProjects, Col::Total), (TableKind::GeneralExpense, Col::Project));
}
