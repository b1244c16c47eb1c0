//! Rule P.1: Project performance table: budget = appropriation + other

use super::*;

rules! {
    /// Each 项目支出绩效目标表: 年度预算总额 = 财政拨款 + 其他资金. Example: 0.84 = 0.84 + 0.00.
    P1 = "P.1", "项目绩效表：年度预算总额 = 财政拨款 + 其他资金", "Project performance table: budget = appropriation + other", funds;
}
