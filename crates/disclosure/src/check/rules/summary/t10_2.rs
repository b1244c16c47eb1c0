//! Rule T10.2: Table 10: vehicles = purchase + operation

use super::*;

rules! {
    /// ## What it checks
    /// The 三公 table, every column: 公务用车购置及运行费（小计） = 公务用车购置费 + 公务用车运行费
    /// (`schema::THREE_PUBLIC_IDENTITIES`). Exact passes; within half a printed unit per non-zero
    /// part is rounding; more is an error. Runs the shared `labelled_sum` (summary.rs).
    ///
    /// ## Why it must hold
    /// The vehicle subtotal is by definition purchase plus operation. Applies to every template's
    /// 三公 table that splits the vehicle costs.
    ///
    /// ## Example
    /// Shanghai 万里街道 2023 budget (表9, 万元): 小计 21.56 = 购置费 0 + 运行费 21.56. Xinjiang sample 表10: 9.60
    /// = 公务用车运行费 9.60 (both exact).
    T10_2 = "T10.2", "表10 公务用车小计 = 购置费 + 运行费", "Table 10: vehicles = purchase + operation",
        |c| {
            let Some(t) = c.table(TableKind::ThreePublic) else { return };
            let cols = t.main().map(|b| b.columns.clone()).unwrap_or_default();
            for (_, id) in schema::THREE_PUBLIC_IDENTITIES {
                for &col in &cols {
                    labelled_sum(c, TableKind::ThreePublic, Side::Whole, col, id);
                }
            }
        };
}
