//! Rule X3: Table 2 appropriations subtotal = Table 1 current appropriations

use super::*;

rules! {
    /// What: 表2 财政拨款小计 总计 = 表1 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款.
    /// Why: both are this year's appropriation; 表2 only splits it by function.
    /// Example: 2,287.86 = 2,287.86 + 0 + 0.
    X3 = "X3", "表2 财政拨款小计 = 表1 本年三种财政拨款之和", "Table 2 appropriations subtotal = Table 1 current appropriations", fiscal_subtotal;
}
