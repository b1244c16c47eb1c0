//! Rule T1.2: Table 1: general-budget appropriation = own funds + transfers

use super::*;

rules! {
    /// 表1 一般公共预算拨款 = 一般财力 + 上级一般公共预算安排转移支付. Example: 2,283.56 + 4.30.
    T1_2 = "T1.2", "表1 一般公共预算拨款 = 一般财力 + 上级转移支付", "Table 1: general-budget appropriation = own funds + transfers", |c| summary_income(c, "T1.2");
}
