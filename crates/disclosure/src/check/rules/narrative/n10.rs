//! Rule N10: Section 五(二): classes and shares = table 5

use super::*;

rules! {
    /// 五（二）: each 类 = 表5; share = 类 / 表5 总计; every 表5 类 listed.
    N10 = "N10", "说明五（二）：各类支出及占比 = 表5", "Section 五(二): classes and shares = table 5", classes;
}
