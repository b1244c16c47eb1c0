//! Rule T1.6: Table 1: carry-over = appropriation carry-over + other carry-over

use super::*;

rules! {
    /// 表1 上年结转结余 = 财政拨款结转 + 非财政拨款结转结余. Example: 12.66 = 12.66 + 0.
    T1_6 = "T1.6", "表1 上年结转结余 = 财政拨款结转 + 非财政拨款结转结余", "Table 1: carry-over = appropriation carry-over + other carry-over", |c| summary_income(c, "T1.6");
}
