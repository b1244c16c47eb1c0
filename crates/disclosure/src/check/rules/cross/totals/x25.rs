//! Rule X25: Table 11 appropriation / other carry-over = Table 1 rows

use super::*;

rules! {
    /// ## What it checks
    /// 表11 财政拨款合计 总计 = 表1 1、财政拨款结转, and 表11 非财政拨款合计 总计 = 表1 2、非财政拨款结转结余 (or, when 表1 prints no such
    /// row, 表2's column 总计). Same quantity: a gap of one unit of the last printed digit is rounding, more is an error. The rule's own logic,
    /// `carry_split`, is below; it uses the shared `same` (cross.rs).
    ///
    /// ## Why it must hold
    /// The same split of the carry-over is printed twice. Applies to templates with 表11 (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 表11 财政拨款合计 12.66 = 表1 财政拨款结转 12.66; 非财政拨款 blank in both.
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
