//! Rule N21: Section 十一: carry-over = table 11

use super::*;

rules! {
    /// ## What it checks
    /// 十一 (上年结转结余): the total, the 财政拨款 / 非财政拨款 split and each item (name and amount) restate 表11
    /// (same quantity: a gap of one unit of the last printed digit is rounding, more is an error; an item matching no 表11 row is a warning); an
    /// item's stated breakdown ("其中…3.00 万元…3.00 万元") adds up to it (within half a printed unit per
    /// part is rounding, more is an error), and the stated total is the stated 财政拨款 + 非财政拨款
    /// (the same tolerance). Those two sums are the text's own arithmetic: they run with or
    /// without 表11 (the 说明 alone). The rule's own logic, `carry_over` with `item_parts`, is
    /// below; it uses the shared `table_label` (narrative_more.rs), `restates` and
    /// `stated_split` (narrative.rs).
    ///
    /// ## Why it must hold
    /// The section explains the carried-over money item by item; the figures are 表11's, and what
    /// is carried over is appropriated or not, nothing else. Applies to documents with a 十一
    /// chapter (Xinjiang budgets); the comparison with 表11 to those that print it.
    ///
    /// ## Example
    /// Xinjiang sample, 十一: 12.66 = 财政拨款 12.66 + 非财政拨款 0.00 = 表11; item 4 (巴财行〔2023〕37 号) 6.00 =
    /// 3.00 + 3.00; item 5 0.60 = 0.3 + 0.3.
    N21 = "N21", "说明十一：上年结转结余 = 表11", "Section 十一: carry-over = table 11", carry_over;
}

/// N21: 十一 restates 表11: total, split, and each item; item breakdowns add up.
fn carry_over(c: &mut Checker) {
    let doc = c.doc;
    item_parts(c);
    let total = |s: &str| s.contains("结转结余") && !s.contains("非财政");
    stated_split(
        c,
        (11, 0),
        &total,
        &[&|s: &str| s == "财政拨款", &|s: &str| s == "非财政拨款"],
        (
            "应等于所述财政拨款与非财政拨款之和",
            "should be the stated appropriations plus other funds",
        ),
    );
    let Some(t) = c.table(TableKind::CarryOver) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let Some(total) = b.total() else { return };
    let cell = |col: Col| Some((b.value(total, col), total.lines.clone()));
    if let Some(s) = find(doc, 11, 0, |s| {
        s.contains("结转结余") && !s.contains("非财政")
    }) {
        restates(
            c,
            s,
            &|| table_label(doc, TableKind::CarryOver, "总计", "total"),
            cell(Col::Total),
            t.unit,
            t.number,
        );
    }
    if let Some(s) = find(doc, 11, 0, |s| s == "财政拨款") {
        restates(
            c,
            s,
            &|| table_label(doc, TableKind::CarryOver, "财政拨款合计", "appropriations"),
            cell(Col::FiscalCarryTotal),
            t.unit,
            t.number,
        );
    }
    if let Some(s) = find(doc, 11, 0, |s| s == "非财政拨款") {
        restates(
            c,
            s,
            &|| table_label(doc, TableKind::CarryOver, "非财政拨款合计", "other funds"),
            cell(Col::NonFiscalCarryTotal),
            t.unit,
            t.number,
        );
    }
    let items: Vec<&Row> = b.rows.iter().filter(|r| r.kind == RowKind::Item).collect();
    for s in stated(doc, 11, 0)
        .filter(|s| s.section.item > 0)
        .collect::<Vec<_>>()
    {
        let key = compact(&s.subject);
        let Some(row) = items.iter().find(|r| {
            let n = compact(&r.name);
            !n.is_empty() && (n == key || key.contains(&n) || n.contains(&key))
        }) else {
            let sl = statement_label(s);
            let f = c.report(
                Severity::Warning,
                format!("{}：表{}中没有这一结转项目。", sl.zh, t.number),
                format!(
                    "{}: table {} has no such carried-over item.",
                    sl.en, t.number
                ),
            );
            f.lines = s.lines.clone();
            f.tables = vec![t.number];
            continue;
        };
        restates(
            c,
            s,
            &|| row_label(t, row),
            Some((b.value(row, Col::Total), row.lines.clone())),
            t.unit,
            t.number,
        );
    }
}

/// "主要用于 A 0.3 万元，用于 B 0.3 万元": the parts of each item of 十一 add up to it. Text alone:
/// it runs for every item, with or without 表11.
fn item_parts(c: &mut Checker) {
    let doc = c.doc;
    for s in stated(doc, 11, 0)
        .filter(|s| s.section.item > 0)
        .collect::<Vec<_>>()
    {
        let parts: Vec<Amt> = doc
            .statements
            .iter()
            .filter(|o| {
                o.section == s.section
                    && o.in_reason
                    && o.value.as_ref().is_some_and(|q| q.unit == QUnit::Wan)
            })
            .filter_map(amt)
            .collect();
        if parts.len() >= 2 {
            if let Some(total) = amt(s) {
                let sl = statement_label(s);
                c.sum(
                    &Label::new(format!("{}的分项", sl.zh), format!("{}: its parts", sl.en)),
                    &total,
                    &parts,
                    &[],
                );
            }
        }
    }
}
