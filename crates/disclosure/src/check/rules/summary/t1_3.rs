//! Rule T1.3: Table 1: government-fund appropriation = fund income + transfers

use super::*;

rules! {
    /// 表1 政府性基金预算拨款 = 政府性基金收入 + 上级政府性基金安排转移支付.
    T1_3 = "T1.3", "表1 政府性基金预算拨款 = 基金收入 + 上级转移支付", "Table 1: government-fund appropriation = fund income + transfers", |c| summary_income(c, "T1.3");
}
