//! Rule X24: Table 11 total = Table 1 carry-over

use super::*;

rules! {
    /// ## What it checks
    /// 表11 总计 = 表1 二、上年结转结余. Same quantity: a gap of one unit of the last printed digit is rounding, more is an error. The run function is in this
    /// file; it reads the tables with the shared `src` (cross.rs) and `t1_income` (cross/totals.rs)
    /// and compares them with `same` (cross.rs).
    ///
    /// ## Why it must hold
    /// 表11 details item by item the carry-over that 表1 budgets. Applies to templates with 表11
    /// (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 表11 总计 12.66 = 表1 上年结转结余 12.66.
    X24 = "X24", "表11 总计 = 表1 上年结转结余", "Table 11 total = Table 1 carry-over",
        |c| {
            let s11 = src(c, TableKind::CarryOver, Side::Whole);
            let s1 = t1_income(c);
            let (Some(s11), Some(s1)) = (s11, s1) else { return };
            if let (Some(a), Some(b)) = (s11.total(Col::Total), s1.keyed(RowKey::CarryOver, Col::Amount)) {
                same(c, &a, &b);
            }
        };
}
