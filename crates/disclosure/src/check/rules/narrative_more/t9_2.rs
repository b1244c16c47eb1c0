//! Rule T9.2: Table 9, when empty, must say so

use super::*;

rules! {
    /// ## What it checks
    /// 表9 (国有资本经营) without amounts states that it is empty on the table (an error otherwise) and in
    /// 九 where the layout has such a chapter (a warning otherwise); a table said to be empty has no
    /// amounts (an error otherwise). Rule N19 for 九. Runs the shared `empty_table`
    /// (narrative_more.rs).
    ///
    /// ## Why it must hold
    /// As T8.2: an empty table is shown and explained. Applies to every template's 国有资本经营 table.
    ///
    /// ## Example
    /// Xinjiang sample: 表9 is empty and says "…没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表 为空表", as 九 does
    /// (X31 notes the 2.06 of 国有资本 结转 it leaves out).
    T9_2 = "T9.2", "表9 为空表时须有空表说明", "Table 9, when empty, must say so", |c| empty_table(c, TableKind::StateCapital, "国有资本", 9);
}
