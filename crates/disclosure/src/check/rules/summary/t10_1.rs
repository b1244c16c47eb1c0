//! Rule T10.1: Table 10: total = travel abroad + reception + vehicles

use super::*;

rules! {
    /// 表10 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费（小计）.
    T10_1 = "T10.1", "表10 合计 = 出国 + 接待 + 公务用车", "Table 10: total = travel abroad + reception + vehicles", three_public_total;
}

/// 表10 合计 row against the three 三公 items, in every column.
fn three_public_total(c: &mut Checker) {
    let Some(t) = c.table(TableKind::ThreePublic) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let Some(total) = b.total() else { return };
    for &col in &b.columns {
        let parts: Vec<Amt> = [RowKey::Abroad, RowKey::Reception, RowKey::Vehicles]
            .iter()
            .filter_map(|&k| keyed(b, k, col))
            .collect();
        let printed = Amt {
            value: b.value(total, col),
            lines: total.lines.clone(),
        };
        if parts.is_empty() || (printed.value.is_zero() && parts.iter().all(|p| p.value.is_zero()))
        {
            continue;
        }
        let what = Label::new(
            format!(
                "表{} {}：合计 = 出国 + 接待 + 公务用车",
                t.number,
                col.title()
            ),
            format!(
                "Table {} {}: total = abroad + reception + vehicles",
                t.number,
                col.title()
            ),
        );
        c.sum(&what, &printed, &parts, &[t.number]);
    }
}
