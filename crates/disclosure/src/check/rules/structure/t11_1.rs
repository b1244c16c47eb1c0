//! Rule T11.1: Table 11, every row: total = appropriations + other funds

use super::*;

rules! {
    /// 表11, every row: 总计 = 财政拨款合计 + 非财政拨款合计.
    T11_1 = "T11.1", "表11 每行：总计 = 财政拨款 + 非财政拨款", "Table 11, every row: total = appropriations + other funds",
        |c| row_identities(c, TableKind::CarryOver, Side::Whole, Some(Col::Total));
}
