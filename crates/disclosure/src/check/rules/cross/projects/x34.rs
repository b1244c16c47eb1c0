//! Rule X34: Department performance table funds = Table 1 income total

use super::*;

rules! {
    /// What: 部门整体绩效目标表 资金总额 = 表1 收入总计 (error otherwise); 本级安排 = 表1
    /// 一般财力 (+ other own-level income; templates differ on 单位资金 and 上年结转, so a
    /// mismatch is a warning).
    /// Why: the department-wide targets cover its whole budget.
    /// Example: 2,300.52; 本级 2,283.56 (上级 16.96 = 4.30 + 12.66).
    X34 = "X34", "部门整体绩效 资金总额 = 表1 收入总计", "Department performance table funds = Table 1 income total", performance_department;
}
