//! Rule X19: Each code: Table 7 projects = Table 5 project expenditure

use super::*;

rules! {
    /// What: for every code, the 表7 projects under it add up to 表5 项目支出 (类 and 款 rows are
    /// the same quantity); 表7 covers exactly the codes with 表5 项目支出.
    /// Why: 表7 lists the projects that make up 表5's project column.
    /// Example: 2010399 129.16 = 0.84 + 10.32 + 95.00 + 23.00.
    X19 = "X19", "各科目：表7 项目之和 = 表5 项目支出", "Each code: Table 7 projects = Table 5 project expenditure", projects_by_code;
}
