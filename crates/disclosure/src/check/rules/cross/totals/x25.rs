//! Rule X25: Table 11 appropriation / other carry-over = Table 1 rows

use super::*;

rules! {
    /// What: 表11 财政拨款合计 = 表1 财政拨款结转; 表11 非财政拨款合计 = 表1 非财政拨款结转结余.
    /// Why: the same carry-over split printed twice. Example: 12.66 and 0.
    X25 = "X25", "表11 财政/非财政拨款 = 表1 结转两行", "Table 11 appropriation / other carry-over = Table 1 rows", carry_split;
}

/// X25: 表11 财政拨款 / 非财政拨款 合计 = 表1 财政拨款结转 / 非财政拨款结转结余 (or, without
/// those rows, 表2 财政拨款结转 / 非财政拨款结转结余 总计; X9 compares 表1 with 表2).
fn carry_split(c: &mut Checker) {
    let s11 = src(c, TableKind::CarryOver, Side::Whole);
    let s1 = t1_income(c);
    let s2 = t2(c);
    let Some(s11) = s11 else { return };
    for (col11, key1, col2) in [
        (
            Col::FiscalCarryTotal,
            RowKey::FiscalCarryover,
            Col::FiscalCarryover,
        ),
        (
            Col::NonFiscalCarryTotal,
            RowKey::NonFiscalCarryover,
            Col::NonFiscalCarryover,
        ),
    ] {
        let Some(v11) = s11.total(col11) else {
            continue;
        };
        let reference = s1
            .and_then(|s| s.keyed(key1, Col::Amount))
            .or_else(|| s2.and_then(|s| s.total(col2)));
        if let Some(r) = reference {
            same(c, &v11, &r);
        }
    }
}
