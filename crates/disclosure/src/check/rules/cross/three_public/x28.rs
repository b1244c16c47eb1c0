//! Rule X28: Table 10 travel, reception, vehicle purchase ≥ Table 6 items

use super::*;

rules! {
    /// What: 表10 因公出国（境）费 ≥ 表6 30212; 公务接待费 ≥ 表6 30217; 公务用车购置费 ≥ 表6
    /// 31013 + 30913 (一般公共预算 column).
    /// Why: as X27. Example: all zero in the sample.
    X28 = "X28", "表10 出国、接待、购车 ≥ 表6 对应款", "Table 10 travel, reception, vehicle purchase ≥ Table 6 items",
        |c| {
            item_covers_basic(c, RowKey::Abroad, &["30212"]);
            item_covers_basic(c, RowKey::Reception, &["30217"]);
            item_covers_basic(c, RowKey::VehiclePurchase, &["31013", "30913"]);
        };
}
