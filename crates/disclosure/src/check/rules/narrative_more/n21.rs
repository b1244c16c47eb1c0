//! Rule N21: Section 十一: carry-over = table 11

use super::*;

rules! {
    /// 十一: total, split and each carried-over item = 表11; each item's parts add up.
    N21 = "N21", "说明十一：上年结转结余 = 表11", "Section 十一: carry-over = table 11", carry_over;
}
