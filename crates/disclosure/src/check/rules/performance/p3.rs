//! Rule P.3: Department performance table: sources add up

use super::*;

rules! {
    /// 部门整体绩效目标表: 上级安排 + 本级安排 + 其他 = 资金总额 (when printed).
    P3 = "P.3", "部门整体绩效表：资金来源之和 = 资金总额", "Department performance table: sources add up", department_funds;
}
