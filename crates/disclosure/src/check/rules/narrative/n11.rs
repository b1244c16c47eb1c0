//! Rule N11: Section 五(三): items and changes = table 5

use super::*;

rules! {
    /// 五（三）: each 项 = 表5; every 表5 项 explained once; Σ = 表5 总计; year-over-year claims.
    N11 = "N11", "说明五（三）：各项支出及增减 = 表5", "Section 五(三): items and changes = table 5", items;
}
