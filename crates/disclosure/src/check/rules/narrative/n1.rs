//! Rule N1: Section 一: total budget = table 1 income total

use super::*;

rules! {
    /// 一: 收支总预算 = 表1 收入总计. Why: the headline number of the narrative must be the
    /// table's. Example: "收支总预算 2,300.52 万元" = 表1 2,300.52.
    N1 = "N1", "说明一：收支总预算 = 表1 收入总计", "Section 一: total budget = table 1 income total",
        |c| {
            let doc = c.doc;
            let cell = income_of(doc, TableKind::Summary, RowKey::IncomeTotal);
            restate_found(c, (1, 0), |s| s.contains("总预算") || s.contains("收支预算") || s.contains("收入支出总"), cell, table_label(doc, TableKind::Summary, "收入总计", "income total"));
        };
}
