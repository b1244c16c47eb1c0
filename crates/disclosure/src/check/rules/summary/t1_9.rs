//! Rule T1.9: Table 1: income total = current income + carry-over

use super::*;

rules! {
    /// 表1 收入总计 = 本年收入 + 上年结转结余. Example: 2,287.86 + 12.66 = 2,300.52.
    T1_9 = "T1.9", "表1 收入总计 = 本年收入 + 上年结转结余", "Table 1: income total = current income + carry-over", |c| summary_income(c, "T1.9");
}
