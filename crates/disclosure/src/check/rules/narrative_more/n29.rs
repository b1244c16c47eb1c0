//! Rule N29: Part 1: staff and office figures add up

use super::*;

rules! {
    /// 第一部分: 实有人数 = 在职 + 退休 + 离休; 科室 count = names listed; 编制 vs 在职 (info).
    N29 = "N29", "第一部分：人员与科室数字相符", "Part 1: staff and office figures add up", staff;
}
