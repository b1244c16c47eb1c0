//! Rule T10.3: Table 10, every row: total = the three funding sources

use super::*;

rules! {
    /// 表10, every row: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算.
    T10_3 = "T10.3", "表10 每行：合计 = 三种资金来源之和", "Table 10, every row: total = the three funding sources",
        |c| row_identities(c, TableKind::ThreePublic, Side::Whole, None);
}
