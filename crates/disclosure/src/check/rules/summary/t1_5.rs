//! Rule T1.5: Table 1: unit funds = its five kinds of income

use super::*;

rules! {
    /// 表1 单位资金 = 事业收入 + 上级补助收入 + 附属单位上缴收入 + 事业单位经营收入 + 其他收入.
    T1_5 = "T1.5", "表1 单位资金 = 五项单位收入之和", "Table 1: unit funds = its five kinds of income", |c| summary_income(c, "T1.5");
}
