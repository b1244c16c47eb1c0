//! Rule N4: Section 二: income shares

use super::*;

rules! {
    /// 二: each 占 x% = source / 收入总计, within the rounding envelope; the shares add to 100 %.
    N4 = "N4", "说明二：各项收入占比", "Section 二: income shares", income_shares;
}
