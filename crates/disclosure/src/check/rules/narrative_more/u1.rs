//! Rule U1: Unit slip: 元 among amounts in 万元

use super::*;

rules! {
    /// An amount marked 元 among 万元 amounts ("0.58 元") is probably a unit slip.
    U1 = "U1", "单位疏误：万元段落中的“元”", "Unit slip: 元 among amounts in 万元", unit_slips;
}
