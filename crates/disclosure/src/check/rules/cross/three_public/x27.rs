//! Rule X27: Table 10 vehicle operation ≥ Table 6 30231

use super::*;

rules! {
    /// ## What it checks
    /// 表10 公务用车运行费 (一般公共预算 column, or 合计 when there is none) ≥ 表6 30231 公务用车运行维护费: an error when
    /// the 款 exceeds the item by more than one unit of the last printed digit (one unit is
    /// rounding; each table in its own unit); equality is usual, more is allowed (projects may carry 30231 too).
    /// Runs the shared `item_covers_basic` (cross/three_public.rs).
    ///
    /// ## Why it must hold
    /// The 款 is the basic-expenditure part of the same vehicle cost, so it cannot exceed the whole.
    /// Applies to templates whose 三公 table lists the items as rows (Xinjiang 表10; F4 compares the
    /// Shanghai tables across units).
    ///
    /// ## Example
    /// Xinjiang sample: 表10 公务用车运行费 9.60 ≥ 表6 30231 9.60 (equal).
    X27 = "X27", "表10 公务用车运行费 ≥ 表6 30231", "Table 10 vehicle operation ≥ Table 6 30231",
        |c| item_covers_basic(c, RowKey::VehicleOperation, &["30231"]);
}
