//! Rule X35: Table 6 30216 training ≈ Table 5 2050803 training

use super::*;

rules! {
    /// ## What it checks
    /// 表6 30216 培训费 (合计) against 表5 2050803 培训支出 (基本支出): a note when both are printed and differ;
    /// nothing when either is not printed. Runs the shared `correspond` (cross/econ.rs) on the one
    /// pair.
    ///
    /// ## Why it must hold
    /// Training paid from basic expenditure is usually booked under both codes; it may also sit
    /// under another function (training under 201), so a gap is worth a look, not an error. Applies
    /// to every template with the basic-expenditure and 一般公共预算 tables.
    ///
    /// ## Example
    /// Xinjiang sample: 表6 30216 4.13 = 表5 2050803 基本支出 4.13 — nothing to note.
    X35 = "X35", "表6 30216 培训费 ≈ 表5 2050803 培训支出", "Table 6 30216 training ≈ Table 5 2050803 training",
        |c| correspond(c, &["2050803"], &["30216"]);
}
