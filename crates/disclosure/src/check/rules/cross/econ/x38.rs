//! Rule X38: Share of the 'other' item in its class

use super::*;

rules! {
    /// What: the share of an "其他" 款 (30199, 30299, 30399) in its 类; a note above 50 %.
    /// Why: spending parked in "其他" is not itemised as 预算法实施条例 §6 asks.
    /// Example: 30199 1,059.47 is 53.36 % of 301 (1,985.64).
    X38 = "X38", "“其他”款占所在类比重", "Share of the 'other' item in its class", other_share;
}
