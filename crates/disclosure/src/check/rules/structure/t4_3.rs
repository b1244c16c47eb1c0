//! Rule T4.3: Table 4 expense, every row: total = general budget + government funds + state capital

use super::*;

rules! {
    /// ## What it checks
    /// 表4 (财政拨款收支预算总体情况表) 支出 side, every row: 合计 = 一般公共预算 + 政府性基金预算 + 国有资本 经营预算 (the printed ones).
    /// Exact passes; within half a printed unit per part is rounding; more is an error. Runs the
    /// shared `row_identities` (structure.rs) on the expense block.
    ///
    /// ## Why it must hold
    /// Appropriations come from exactly these three budgets, so each 类's total is their sum.
    /// Applies to Xinjiang and Shanghai 财政拨款 tables.
    ///
    /// ## Example
    /// Xinjiang sample, 表4 支出 row 208 社会保障和就业支出: 合计 370.15 = 一般公共预算 370.15 (exact; the other two
    /// budgets are blank).
    T4_3 = "T4.3", "表4 支出每行：合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算", "Table 4 expense, every row: total = general budget + government funds + state capital",
        |c| row_identities(c, TableKind::FiscalSummary, Side::Expense, None);
}
