//! Rule N3: Section 二: income total and sources = table 1

use super::*;

rules! {
    /// 二: the income total and each source restate 表1 (the narrative's "一般公共预算" is
    /// 表1's 一般财力 when the transfers are listed separately).
    N3 = "N3", "说明二：收入总额及各来源 = 表1", "Section 二: income total and sources = table 1", income_sources;
}
