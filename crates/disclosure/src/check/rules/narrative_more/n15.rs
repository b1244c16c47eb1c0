//! Rule N15: Section 六: listed personnel and public items = table 6

use super::*;

rules! {
    /// ## What it checks
    /// 六: the item names listed for 人员经费 ("主要包括：…") are the 301 and 303 款 of 表6 with money, and
    /// those for 公用经费 the 302 (and 310 …) 款 with money, by name; a name missing from either side is
    /// a warning. The rule's own logic, `listed_items`, is below; it uses the shared `row_amount`
    /// (structure.rs).
    ///
    /// ## Why it must hold
    /// The lists tell the reader what the personnel and public expenses pay for; they must be the
    /// table's items. Applies to documents with 表6 and a 六 chapter (Xinjiang budgets, Shanghai 决算).
    ///
    /// ## Example
    /// Xinjiang sample, 六: the 12 人员经费 names (基本工资 … 生活补助) are 301's ten 款 and 303's two, and the
    /// 11 公用经费 names (办公费 … 公务用车运行维护费) are 302's eleven 款. Shanghai 普陀区财政局 2024 决算: 六 lists
    /// 个人农业生产补贴, which 表6 does not have, and leaves out 奖励金 — a warning.
    N15 = "N15", "说明六：列举的人员经费、公用经费科目 = 表6", "Section 六: listed personnel and public items = table 6", listed_items;
}

/// N15: the items 六 lists for 人员经费 and 公用经费 are the 款 of 表6 with money.
fn listed_items(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::GeneralBasic) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let heads: Vec<(&Statement, Col, &[&str])> = stated(doc, 6, 0)
        .filter_map(|s| {
            if s.subject.contains("人员经费") {
                Some((s, Col::Personnel, &["301", "303"][..]))
            } else if s.subject.contains("公用经费") {
                Some((
                    s,
                    Col::Public,
                    &["302", "310", "307", "309", "312", "313", "399"][..],
                ))
            } else {
                None
            }
        })
        .collect();
    for (i, &(s, col, classes)) in heads.iter().enumerate() {
        let from = s.lines.first().copied().unwrap_or(0);
        let to = heads
            .get(i + 1)
            .and_then(|h| h.0.lines.first().copied())
            .unwrap_or(LineNo::MAX);
        // The list that names its subject ("人员经费…，主要包括：") is its; else the one printed
        // between this statement and the next.
        let word = if col == Col::Personnel {
            "人员经费"
        } else {
            "公用经费"
        };
        let named = doc
            .listings
            .iter()
            .find(|l| in_topic(doc, l.section, 6) && l.subject.contains(word));
        let Some(list) = named.or_else(|| {
            doc.listings.iter().find(|l| {
                in_topic(doc, l.section, 6)
                    && !l.subject.contains("人员经费")
                    && !l.subject.contains("公用经费")
                    && l.items
                        .first()
                        .is_some_and(|it| it.line >= from && it.line < to)
            })
        }) else {
            continue;
        };
        let listed: Vec<String> = list.items.iter().map(|it| compact(&it.value)).collect();
        let rows: Vec<&Row> = b
            .rows
            .iter()
            .filter(|r| {
                r.kind == RowKind::Kuan
                    && r.code_str()
                        .is_some_and(|code| classes.contains(&&code[..3]))
                    && !crate::check::rules::structure::row_amount(b, r, col).is_zero()
            })
            .collect();
        let missing: Vec<&Row> = rows
            .iter()
            .copied()
            .filter(|r| !listed.contains(&compact(&r.name)))
            .collect();
        let extra: Vec<&Located<String>> = list
            .items
            .iter()
            .filter(|it| !rows.iter().any(|r| compact(&r.name) == compact(&it.value)))
            .collect();
        if missing.is_empty() && extra.is_empty() {
            continue;
        }
        let names = |v: &[&Row]| {
            v.iter()
                .map(|r| r.name.clone())
                .collect::<Vec<_>>()
                .join("、")
        };
        let extras = extra
            .iter()
            .map(|e| e.value.clone())
            .collect::<Vec<_>>()
            .join("、");
        let f = c.report(
            Severity::Warning,
            format!("第三部分 六：{}包括的科目与表{}不一致。未列出：{}；表中没有：{}。", col.title(), t.number, names(&missing), extras),
            format!("Part 3, 六: the items listed for {} differ from table {}. Not listed: {}; not in the table: {}.", col.title(), t.number, names(&missing), extras),
        );
        f.lines = missing
            .iter()
            .flat_map(|r| r.lines.iter().copied())
            .chain(extra.iter().map(|e| e.line))
            .collect();
        f.tables = vec![t.number];
    }
}
