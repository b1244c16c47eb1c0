//! Rule X15: Each code: Table 5 total = Table 2 general budget + transfers

use super::*;

rules! {
    /// What: for every code, 表5 合计 = 表2 一般公共预算 + 上级一般公共预算转移支付, and 表5
    /// prints exactly the codes where that is not zero.
    /// Why: 表5 is the general budget's share of 表2. Example: 2070199 4.30 = 0 + 4.30; 2010199
    /// (结转 only) is correctly absent from 表5.
    X15 = "X15", "各科目：表5 合计 = 表2 一般公共预算 + 上级转移支付", "Each code: Table 5 total = Table 2 general budget + transfers", general_by_code;
}
