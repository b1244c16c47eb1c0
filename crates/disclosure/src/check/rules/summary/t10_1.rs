//! Rule T10.1: Table 10: total = travel abroad + reception + vehicles

use super::*;

rules! {
    /// ## What it checks
    /// The 三公 table (Xinjiang 表10, Shanghai 表9/表7), every column: 合计 = 因公出国（境）费 + 公务接待费 +
    /// 公务用车购置及运行费 (the printed rows). Exact passes; within half a printed unit per non-zero part is
    /// rounding; more is an error; a column with all these blank is skipped. The rule's own logic,
    /// `three_public_total`, is below.
    ///
    /// ## Why it must hold
    /// 三公 spending is by definition these three items. Applies to every template's 三公 table.
    ///
    /// ## Example
    /// Shanghai 万里街道 2023 budget (表9, 万元): 合计 22.91 = 因公出国(境)费 0 + 公务接待费 1.35 + 公务用车购置 及运行费 21.56
    /// (exact). Xinjiang sample 表10: 9.60 = 公务用车购置及运行费 9.60.
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
            .filter_map(|&k| labelled_amount(t, b, k, col))
            .collect();
        let printed = Amt::cell(t, b, total, col);
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
