//! Rule X18: Table 7 total = Table 5 project expenditure

use super::*;

rules! {
    /// ## What it checks
    /// 表7 总计 = 表5 项目支出 总计. Same quantity: a gap of one unit of the last printed digit is rounding, more is an error. Runs the shared
    /// `totals_equal` (cross/totals.rs).
    ///
    /// ## Why it must hold
    /// 表7 lists the general budget's project expenditure project by project. Applies to templates
    /// with 表7 (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 表7 总计 185.30 = 表5 项目支出 185.30.
    X18 = "X18", "表7 总计 = 表5 项目支出", "Table 7 total = Table 5 project expenditure",
        |c| totals_equal(c, (TableKind::GeneralProjects, Col::Total), (TableKind::GeneralExpense, Col::Project));
}
