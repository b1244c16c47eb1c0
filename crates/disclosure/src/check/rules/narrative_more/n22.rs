//! Rule N22: Section 十二(一): running costs = table 6 public expenses

use super::*;

rules! {
    /// 十二（一）: 机关运行经费 = 表6 公用经费 (for an administrative unit); its year-over-year
    /// claim. Where the 三公 table prints a 机关运行经费 row (Shanghai budgets), that row is the
    /// figure: the department may include 事业单位 whose 公用经费 are not 机关运行经费.
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
                return;
            }
            if let Some(s) = find(doc, 12, 0, |s| s.contains("机关运行经费")) {
                let sub = s.section.sub;
                if let Some((t, cell)) = printed {
                    restates(c, s, &|| table_label(doc, TableKind::ThreePublic, "机关运行经费", "running costs"), Some((cell.value, vec![cell.line])), t.unit, t.number);
                } else if let Some((v, lines, unit, n)) = total_of(doc, TableKind::GeneralBasic, Side::Whole, Col::Public) {
                    restates(c, s, &|| table_label(doc, TableKind::GeneralBasic, "公用经费", "public expenses"), Some((v, lines)), unit, n);
                }
                yoy_in(c, 12, sub);
            }
        };
}
