//! Rule N2: Section 一: listed sources and classes = those with money in table 1

use super::*;

rules! {
    /// 一: the income sources and 支出 类 listed are exactly those with money in 表1.
    N2 = "N2", "说明一：列出的收入来源和支出类 = 表1 有金额的项", "Section 一: listed sources and classes = those with money in table 1", listed_groups;
}
