//! Rule F4: 三公 items are at least their 表6 款

use super::*;

rules! {
    /// 三公 items ≥ the 表6 款 that pay them (30212 出国, 30217 接待, 30231 运行, 31013 购置),
    /// compared across units: the Shanghai 三公 table is in 万元, 表6 in 元. Example: 公务接待费
    /// 1.35 万元 = 30217 13,500 元.
    F4 = "F4", "“三公”经费不少于表6对应款", "三公 items are at least their 表6 款", three_public_econ;
}
