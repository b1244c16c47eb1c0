//! Rule N6: The previous year implied by each section is the same

use super::*;

rules! {
    /// The previous year implied by 二, 三 and 五（一） is one year: prior income = prior 基本 +
    /// prior 项目 = 2,072.48 in the sample.
    N6 = "N6", "各部分推算的上年数相互一致", "The previous year implied by each section is the same", prior_consistency;
}
