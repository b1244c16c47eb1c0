//! Rule T1.4: Table 1: state-capital appropriation = own income + transfers

use super::*;

rules! {
    /// 表1 国有资本经营预算拨款 = 国有资本经营收入 + 上级国有资本经营预算安排转移支付.
    T1_4 = "T1.4", "表1 国有资本经营预算拨款 = 经营收入 + 上级转移支付", "Table 1: state-capital appropriation = own income + transfers", |c| summary_income(c, "T1.4");
}
