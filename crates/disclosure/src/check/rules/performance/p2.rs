//! Rule P.2: Performance table: weights add up to 100 (or 90)

use super::*;

rules! {
    /// Each 绩效目标表: the weights add up to 100 (or 90, with 10 kept for 预算执行率).
    P2 = "P.2", "绩效表：分值权重之和为 100（或 90）", "Performance table: weights add up to 100 (or 90)", weights;
}
