//! Rule T4.5: Table 4: income total = expense total

use super::*;

rules! {
    /// 表4 收入总计 = 支出总计.
    T4_5 = "T4.5", "表4 收入总计 = 支出总计", "Table 4: income total = expense total", |c| balanced(c, TableKind::FiscalSummary, Col::Total);
}
