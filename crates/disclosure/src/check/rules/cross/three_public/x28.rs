//! Rule X28: Table 10 travel, reception, vehicle purchase ≥ Table 6 items

use super::*;

rules! {
    /// ## What it checks
    /// 表10 (一般公共预算 column, or 合计) against 表6: 因公出国（境）费 ≥ 30212, 公务接待费 ≥ 30217, 公务用车购置费 ≥ 31013 +
    /// 30913, each table in its own unit (表6 in 元 against 表10 in 万元 at 0.01 万元); an error when
    /// the 款 exceed the item by more than one unit of the last printed digit (one unit is
    /// rounding); a 款 not printed in 表6 is skipped. It is an inequality, never an equality:
    /// project money may carry 三公 too. Runs the
    /// shared `item_covers_basic` (cross/three_public.rs) for each item.
    ///
    /// ## Why it must hold
    /// As X27: each 款 is the basic-expenditure part of the 三公 item. Applies to templates whose 三公
    /// table lists the items as rows (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 表6 prints none of 30212, 30217, 31013 or 30913, and 表10's three items are
    /// blank — nothing to compare.
    X28 = "X28", "表10 出国、接待、购车 ≥ 表6 对应款", "Table 10 travel, reception, vehicle purchase ≥ Table 6 items",
        |c| {
            item_covers_basic(c, RowKey::Abroad, &["30212"]);
            item_covers_basic(c, RowKey::Reception, &["30217"]);
            item_covers_basic(c, RowKey::VehiclePurchase, &["31013", "30913"]);
        };
}
