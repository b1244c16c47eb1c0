//! Rule T10.1: Table 10: total = travel abroad + reception + vehicles

use super::*;

rules! {
    /// 表10 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费（小计）.
    T10_1 = "T10.1", "表10 合计 = 出国 + 接待 + 公务用车", "Table 10: total = travel abroad + reception + vehicles", three_public_total;
}
