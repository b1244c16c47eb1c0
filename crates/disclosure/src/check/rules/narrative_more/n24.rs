//! Rule N24: Section 十二(三): vehicles add up

use super::*;

rules! {
    /// 十二（三）: the vehicle count and value are the sums of their kinds.
    N24 = "N24", "说明十二（三）：车辆数与价值 = 各类之和", "Section 十二(三): vehicles add up", vehicle_sums;
}
