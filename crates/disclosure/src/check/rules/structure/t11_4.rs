//! Rule T11.4: Table 11 total = department row = sum of items

use super::*;

rules! {
    /// ## What it checks
    /// 表11: the department row repeats 总计 (a gap of one unit of the last printed digit is rounding, more is an error; shared `unit_equals_total`,
    /// structure.rs), and the department row (or 总计 when there is none) = Σ of the item rows,
    /// column by column (exact passes, within half a printed unit per item is rounding, more is an
    /// error; the rule's own `carry_items`, below).
    ///
    /// ## Why it must hold
    /// The items are the carried-over funds one by one, so they make up the department's
    /// carry-over. Applies to the Xinjiang 表11.
    ///
    /// ## Example
    /// Xinjiang sample, 表11: 6.00 + 2.00 + 0.60 + 1.00 + 1.00 + 2.06 = 12.66 = the department row =
    /// 总计.
    T11_4 = "T11.4", "表11 总计 = 单位行 = 各结转项目之和", "Table 11 total = department row = sum of items",
        |c| {
            unit_equals_total(c, TableKind::CarryOver);
            carry_items(c);
        };
}

/// 表11: the department row (or 总计) equals the sum of the item rows, per column.
fn carry_items(c: &mut Checker) {
    let Some(t) = c.table(TableKind::CarryOver) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let Some(parent) = b
        .rows
        .iter()
        .find(|r| r.kind == RowKind::Unit)
        .or_else(|| b.total())
    else {
        return;
    };
    let items: Vec<&Row> = b.rows.iter().filter(|r| r.kind == RowKind::Item).collect();
    if items.is_empty() {
        return;
    }
    for (ci, col) in b.columns.iter().enumerate() {
        let printed = parent.cells[ci].map(|x| x.value);
        let vals: Vec<crate::check::rules::Amt> = items
            .iter()
            .filter_map(|r| {
                r.cells[ci].map(|x| crate::check::rules::Amt::at(x.value, t.unit, x.line))
            })
            .collect();
        if printed.is_none() && vals.is_empty() {
            continue;
        }
        let what = crate::check::rules::Label::new(
            format!("表{} {}：单位行应等于各结转项目之和", t.number, col.title()),
            format!(
                "Table {} {}: the department row should equal the sum of the items",
                t.number,
                col.title()
            ),
        );
        let total = crate::check::rules::Amt {
            value: printed.unwrap_or_default(),
            unit: t.unit,
            lines: parent.lines.clone(),
            printed: printed.is_some(),
        };
        c.sum(&what, &total, &vals, &[t.number]);
    }
}
