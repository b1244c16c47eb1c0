//! Rule N25: Official-car running costs match the cars held

use super::*;

rules! {
    /// 十二（三） ⇔ 表10: official-car running costs with no official or law-enforcement car held.
    N25 = "N25", "公务用车运行费与车辆情况相符", "Official-car running costs match the cars held", vehicles_without_cars;
}
