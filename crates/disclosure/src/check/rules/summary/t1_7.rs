//! Rule T1.7: Table 1: appropriation carry-over = its three budgets

use super::*;

rules! {
    /// 表1 财政拨款结转 = 其中 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款. Example: 10.60 + 2.06.
    T1_7 = "T1.7", "表1 财政拨款结转 = 三种预算的结转之和", "Table 1: appropriation carry-over = its three budgets", |c| summary_income(c, "T1.7");
}
