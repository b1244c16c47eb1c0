//! Rule T11.4: Table 11 total = department row = sum of items

use super::*;

rules! {
    /// 表11 总计 = department row = Σ item rows. Example: 6.00 + 2.00 + 0.60 + 1.00 + 1.00 + 2.06 = 12.66.
    T11_4 = "T11.4", "表11 总计 = 单位行 = 各结转项目之和", "Table 11 total = department row = sum of items",
        |c| {
            unit_equals_total(c, TableKind::CarryOver);
            carry_items(c);
        };
}
