//! Rule F2: Final accounts: 三公 outturn against budget

use super::*;

rules! {
    /// 决算: each 三公 item's 决算数 against its 预算数 (财政拨款“三公”经费支出决算表). Spending
    /// above budget is not an arithmetic error (budgets may be adjusted during the year), so it
    /// is noted, not flagged. Example: 合计 预算 0.95, 决算 0 — nothing to note.
    F2 = "F2", "决算：“三公”经费决算数与预算数", "Final accounts: 三公 outturn against budget", three_public_outturn;
}
