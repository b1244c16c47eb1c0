//! Rule X2: Each class: Table 1 expense = Table 2 total = Table 3 total

use super::*;

rules! {
    /// What: for each 功能分类 类, 表1 支出 = 表2 总计 = 表3 合计.
    /// Why: the three tables split the same spending by the same classes.
    /// Example: 208 社会保障和就业支出 370.15 in all three.
    X2 = "X2", "各类：表1 支出 = 表2 总计 = 表3 合计", "Each class: Table 1 expense = Table 2 total = Table 3 total", classes_in_totals;
}
