//! Rule X33: Project performance table budget = Table 7 project amount

use super::*;

rules! {
    /// What: each project 绩效目标表's 年度预算总额 = its 表7 project amount (names matched as in
    /// X32, variants not reported here).
    /// Why: the targets are set for the money budgeted. Example: 社区党建工作经费 95.00.
    X33 = "X33", "项目绩效目标表 年度预算总额 = 表7 项目金额", "Project performance table budget = Table 7 project amount", performance_projects;
}
