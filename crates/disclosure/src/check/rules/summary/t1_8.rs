//! Rule T1.8: Table 1: other carry-over = special account + unit funds

use super::*;

rules! {
    /// 表1 非财政拨款结转结余 = 其中 财政专户核拨 + 单位资金.
    T1_8 = "T1.8", "表1 非财政拨款结转结余 = 财政专户 + 单位资金", "Table 1: other carry-over = special account + unit funds", |c| summary_income(c, "T1.8");
}
