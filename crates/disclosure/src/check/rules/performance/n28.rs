//! Rule N28: Performance cost caps can cover the budget

use super::*;

rules! {
    /// 绩效表 cost caps × quantities can cover 年度预算总额. Example: ≤ 10 万元/个 × 5 个 = 50.00.
    N28 = "N28", "绩效表成本指标上限足以覆盖年度预算", "Performance cost caps can cover the budget", cost_caps;
}
