//! Rule X24: Table 11 total = Table 1 carry-over

use super::*;

rules! {
    /// What: 表11 总计 = 表1 二、上年结转结余.
    /// Why: 表11 details the carry-over that 表1 budgets. Example: 12.66 = 12.66.
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
