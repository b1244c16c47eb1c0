//! Rule T4.3: Table 4 expense, every row: total = general budget + government funds + state capital

use super::*;

rules! {
    /// 表4 支出, every 类 row: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营.
    T4_3 = "T4.3", "表4 支出每行：合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算", "Table 4 expense, every row: total = general budget + government funds + state capital",
        |c| row_identities(c, TableKind::FiscalSummary, Side::Expense, None);
}
