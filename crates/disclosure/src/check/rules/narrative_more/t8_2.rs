//! Rule T8.2: Table 8, when empty, must say so

use super::*;

rules! {
    /// ## What it checks
    /// 表8 (政府性基金) without amounts states that it is empty on the table (an error otherwise) and in
    /// 八 where the layout has such a chapter (a warning otherwise); a table said to be empty has no
    /// amounts (an error otherwise). A table whose only row is an empty 合计 (as Shanghai prints it)
    /// is empty. Rule N19 for 八. Runs the shared `empty_table` (narrative_more.rs).
    ///
    /// ## Why it must hold
    /// The 操作规程 asks for tables without data to be shown as empty tables with an explanation, so a
    /// reader can tell "nothing" from "left out". Applies to every template's 政府性基金 table.
    ///
    /// ## Example
    /// Xinjiang sample: 表8 is empty and says "…没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为 空表", as 八 does.
    /// Shanghai 普陀区财政局 2024 决算: "注：…无政府性基金预算财政拨款支出，故本表无数据".
    T8_2 = "T8.2", "表8 为空表时须有空表说明", "Table 8, when empty, must say so", |c| empty_table(c, TableKind::GovFund, "政府性基金", 8);
}
