//! Rule N22: Section 十二(一): running costs = table 6 public expenses

use super::*;

rules! {
    /// ## What it checks
    /// 十二（一）: 机关运行经费 restates the 三公 table's 机关运行经费 row where there is one (Shanghai budgets),
    /// otherwise 表6 公用经费 总计 (same quantity: a gap of one unit of the last printed digit is rounding, more is an error;
    /// a 机关运行经费 below 公用经费 is only noted where 第一部分 does not say the department has no units under it, as
    /// its 事业单位's 公用经费 are not 机关运行经费); its year-over-year claim
    /// as N5, with or without those tables (the 说明 alone). The run function is in this file; it uses the shared `table_label`
    /// (narrative_more.rs), `restates`, `find`, `total_of` and `yoy_in` (narrative.rs).
    ///
    /// ## Why it must hold
    /// For an administrative unit (行政单位 / 参公), 机关运行经费 is by definition its 公用经费; where the
    /// department includes 事业单位 whose 公用经费 are not 机关运行经费, the printed row is the figure. Applies
    /// to documents with a 机关运行经费 statement (Xinjiang 十二, Shanghai 其他相关情况说明).
    ///
    /// ## Example
    /// Xinjiang sample, 十二（一）: 60.61 = 表6 公用经费 60.61; 减少 17.95: 17.95 / 78.56 = 22.85 % as printed.
    /// Shanghai 万里街道 2023 budget: 786.09 万元 = 表9 机关运行经费 786.09.
    N22 = "N22", "说明十二（一）：机关运行经费 = 表6 公用经费", "Section 十二(一): running costs = table 6 public expenses",
        |c| {
            let doc = c.doc;
            let printed = doc.table(TableKind::ThreePublic).and_then(|t| {
                let b = t.main()?;
                let r = b.keyed(RowKey::RunningCost)?;
                let col = b.columns.first().copied()?;
                let cell = b.cell(r, col)?;
                Some((t, cell))
            });
            if printed.is_none() && c.table(TableKind::GeneralBasic).is_none() {
                // The 说明 alone: the year-over-year claim is the text's own arithmetic.
                if let Some(s) = find(doc, 12, 0, |s| s.contains("机关运行经费")) {
                    yoy_in(c, 12, s.section.sub);
                }
                return;
            }
            if let Some(s) = find(doc, 12, 0, |s| s.contains("机关运行经费")) {
                let sub = s.section.sub;
                if let Some((t, cell)) = printed {
                    restates(c, s, &|| table_label(doc, TableKind::ThreePublic, "机关运行经费", "running costs"), Some((cell.value, vec![cell.line])), t.unit, t.number);
                } else if let Some((v, lines, unit, n)) = total_of(doc, TableKind::GeneralBasic, Side::Whole, Col::Public) {
                    if below_public(doc, s, v, unit) {
                        not_all_administrative(c, s, v, unit, n);
                    } else {
                        restates(c, s, &|| table_label(doc, TableKind::GeneralBasic, "公用经费", "public expenses"), Some((v, lines)), unit, n);
                    }
                }
                yoy_in(c, 12, sub);
            }
        };
}

/// 机关运行经费 stated below 表6's 公用经费 (beyond rounding) in a department that does not say it
/// has no units under it. 机关运行经费 are the 公用经费 of its 行政单位 and 参公 units only: a
/// department with 事业单位 (schools, centres) spends more 公用经费 than that, and the two are
/// equal only for a department that is one administrative unit. Nothing is judged then.
fn below_public(doc: &Document, s: &Statement, public: Decimal, unit: Unit) -> bool {
    let Some(q) = s.value.as_ref() else {
        return false;
    };
    let t = tolerance::twice(q.value, unit_of(q), public, unit);
    doc.overview.no_subordinates.is_none() && t.verdict == Verdict::Wrong && t.diff < Decimal::ZERO
}

/// The note that says why [`below_public`]'s 机关运行经费 is not checked against 公用经费.
fn not_all_administrative(c: &mut Checker, s: &Statement, public: Decimal, unit: Unit, n: u8) {
    let label = statement_label(s);
    let v = s.value.as_ref().map_or(Decimal::ZERO, |q| q.value);
    let su = s.value.as_ref().map_or(unit, unit_of);
    let f = c.report(
        Severity::Info,
        format!(
            "{}为 {} {}，少于表{n} 公用经费 {} {}：机关运行经费只含行政单位和参公单位的公用经费，本部门未说明没有下属单位（事业单位的公用经费不计入），两者不必相等，未核对。",
            label.zh,
            amount(v),
            su.label(),
            amount(public),
            unit.label()
        ),
        format!(
            "{} is {} {}, less than table {n}'s public expenses of {} {}: running costs cover only the administrative (and 参公) units' public expenses, and the document does not say the department has no units under it (those of 事业单位 are not counted), so the two need not be equal; not checked.",
            label.en,
            amount(v),
            su.label(),
            amount(public),
            unit.label()
        ),
    );
    f.lines = s.lines.clone();
    f.tables = vec![n];
}
