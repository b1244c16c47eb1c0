//! Rule T1.1: Table 1: current-year income = its five sources

use super::*;

rules! {
    /// 表1 本年收入 = 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款 + 财政专户核拨 + 单位资金.
    /// Why: the current-year income is defined by its five sources. Example: 2,287.86 = 2,287.86.
    T1_1 = "T1.1", "表1 本年收入 = 五项收入之和", "Table 1: current-year income = its five sources", |c| summary_income(c, "T1.1");
}
