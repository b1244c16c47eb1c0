//! Rule N8: Section 四: appropriations and classes = table 4

use super::*;

rules! {
    /// 四: 财政拨款收支总预算 = 表4; 一般公共预算拨款 and each 类 amount = 表4.
    N8 = "N8", "说明四：财政拨款收支及各类支出 = 表4", "Section 四: appropriations and classes = table 4", fiscal;
}
