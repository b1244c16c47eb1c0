//! Rule N17: Section 七: allocation arithmetic = budgeted amount

use super::*;

rules! {
    /// 七: 资金分配情况 arithmetic (quantity × standard × months, or parts) = 预算安排规模.
    /// Example: "管辖 5个社区，每个社区 10万元" = 50.00. A mismatch is a warning: the arithmetic is
    /// read from free text.
    N17 = "N17", "说明七：资金分配情况的算术 = 预算安排规模", "Section 七: allocation arithmetic = budgeted amount", allocations;
}
