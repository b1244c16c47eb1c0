//! Rule N20: Section 十: 三公 amounts and changes = table 10

use super::*;

rules! {
    /// ## What it checks
    /// 十 (三公): the total and the four items (因公出国（境）费, 公务用车购置费, 公务用车运行费, 公务接待费) restate 表10 (same
    /// quantity: a gap of one unit of the last printed digit is rounding, more is an error); the items' stated changes add up to the total's
    /// (within half a printed unit per item is rounding, more is an error); year-over-year claims
    /// as N5. The rule's own logic, `three_public`, is below; it uses the shared `three_public_col`
    /// (narrative_more.rs), `restates` and `yoy_in` (narrative.rs).
    ///
    /// ## Why it must hold
    /// The 操作规程 asks for the 三公 total, each item and the reasons for their changes; the figures are
    /// the table's. Applies to documents with a 三公 table and chapter (Xinjiang 十, Shanghai 预算 一 and
    /// 决算 七).
    ///
    /// ## Example
    /// Xinjiang sample, 十: 9.60 = 出国 0.00 + 购置 0.00 + 运行 9.60 + 接待 0.00, as 表10 prints; every
    /// change is 0.00 and adds up to the total's 0.00.
    N20 = "N20", "说明十：“三公”经费及增减 = 表10", "Section 十: 三公 amounts and changes = table 10", three_public;
}

/// N20: 十 restates 表10 and its changes add up.
fn three_public(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::ThreePublic) else {
        return;
    };
    let Some(b) = t.main() else { return };
    for s in stated(doc, 10, 0).collect::<Vec<_>>() {
        let row = if s.subject.contains("三公") {
            b.total()
        } else {
            [
                (RowKey::Abroad, "出国"),
                (RowKey::Reception, "接待"),
                (RowKey::Vehicles, "购置及运行"),
                (RowKey::VehiclePurchase, "购置"),
                (RowKey::VehicleOperation, "运行"),
            ]
            .iter()
            .find(|(_, w)| s.subject.contains(w))
            .and_then(|&(k, _)| b.keyed(k))
        };
        let Some(row) = row else { continue };
        let what = || row_label(t, row);
        let col = three_public_col(b, &s.subject);
        restates(
            c,
            s,
            &what,
            Some((b.value(row, col), row.lines.clone())),
            t.unit,
            t.number,
        );
    }
    // Σ item Δ = total Δ.
    let changes: Vec<&Statement> = doc
        .statements
        .iter()
        .filter(|s| in_topic(doc, s.section, 10) && s.change.is_some() && !s.in_reason)
        .collect();
    if let Some((total, items)) = changes
        .split_first()
        .filter(|(t, _)| t.subject.contains("三公"))
    {
        let parts: Vec<Amt> = items.iter().filter_map(|s| change_amt(s)).collect();
        if parts.len() >= 2 {
            if let Some(total_change) = change_amt(total) {
                let what = Label::new(
                    "第三部分 十：各项“三公”经费的变动之和应等于总变动",
                    "Part 3, 十: the changes of the 三公 items should add up to the total change",
                );
                c.sum(&what, &total_change, &parts, &[t.number]);
            }
        }
    }
    yoy_in(c, 10, 0);
}
