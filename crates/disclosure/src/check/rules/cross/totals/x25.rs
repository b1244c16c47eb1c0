//! Rule X25: Table 11 appropriation / other carry-over = Table 1 rows

use super::*;

rules! {
    /// What: 表11 财政拨款合计 = 表1 财政拨款结转; 表11 非财政拨款合计 = 表1 非财政拨款结转结余.
    /// Why: the same carry-over split printed twice. Example: 12.66 and 0.
    X25 = "X25", "表11 财政/非财政拨款 = 表1 结转两行", "Table 11 appropriation / other carry-over = Table 1 rows", carry_split;
}
