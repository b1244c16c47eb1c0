//! Rule T10.2: Table 10: vehicles = purchase + operation

use super::*;

rules! {
    /// 表10 公务用车购置及运行费（小计） = 购置费 + 运行费.
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
