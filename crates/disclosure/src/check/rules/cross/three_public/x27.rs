//! Rule X27: Table 10 vehicle operation ≥ Table 6 30231

use super::*;

rules! {
    /// What: 表10 公务用车运行费 (一般公共预算) ≥ 表6 30231 公务用车运行维护费; equal unless
    /// projects carry 30231 too.
    /// Why: the 款 is the basic-expenditure part of the same cost.
    /// Example: 9.60 ≥ 9.60.
    X27 = "X27", "表10 公务用车运行费 ≥ 表6 30231", "Table 10 vehicle operation ≥ Table 6 30231",
        |c| item_covers_basic(c, RowKey::VehicleOperation, &["30231"]);
}
