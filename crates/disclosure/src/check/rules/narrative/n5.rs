//! Rule N5: Section 二: income year-over-year claims

use super::*;

rules! {
    /// 二: each 比上年 claim's rate = |Δ| / (current − Δ). Example: 239.81 / 2,043.75 = 11.73 %.
    N5 = "N5", "说明二：收入比上年增减及增长率", "Section 二: income year-over-year claims", |c| yoy_in(c, 2, 0);
}
