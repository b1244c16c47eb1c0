//! Rule X26: Table 1 carry-over by budget = Table 2 carry-over of that budget's classes

use super::*;

rules! {
    /// What: 表1 结转 by budget = 表2 财政拨款结转 of that budget's classes: 国有资本经营预算拨款
    /// = class 223; 一般公共预算拨款 (+ 政府性基金预算拨款) = the other classes.
    /// Why: carry-over keeps its budget. Example: 2.06 = 223's 2.06; 10.60 = 8.60 (201) + 2.00 (207).
    X26 = "X26", "表1 各预算结转 = 表2 对应各类结转", "Table 1 carry-over by budget = Table 2 carry-over of that budget's classes", carry_by_budget;
}
