//! Rule N11: Section 五(三): items and changes = table 5

use super::*;

rules! {
    /// ## What it checks
    /// 五（三）: each 项 stated (a 类/款/项 name path) restates 表5's 项 row (same quantity: a gap of one unit of the last printed digit is
    /// rounding, more is an error; a path no row has is a note that it was not checked); every 表5 项 is explained
    /// (a warning for each one left out, and for one explained twice); the items add up to 表5 总计
    /// (exact, within half a printed unit per item as rounding, else an error); year-over-year
    /// claims as N5, which are also checked without 表5 (the 说明 alone: they need no table), where
    /// the items must add up to the total 五（一） states instead of 表5's (the same tolerance). The
    /// rule's own logic, `items` with `row_by_path` and `items_in_text`, is below.
    ///
    /// ## Why it must hold
    /// The section explains the general budget item by item, so the items are 表5's and cover it.
    /// Applies to documents with 五（三） (Xinjiang budgets, Shanghai 决算).
    ///
    /// ## Example
    /// Xinjiang sample, 五（三）: 15 items add up to 2,287.86 = 表5 总计; 2010301 行政运行 1,418.90 减少 204.10:
    /// 204.10 / 1,623.00 = 12.58 % as printed.
    N11 = "N11", "说明五（三）：各项支出及增减 = 表5", "Section 五(三): items and changes = table 5", items;
}

/// The row of a coded table a 类/款/项 name path points at.
fn row_by_path<'t>(b: &'t Block, names: &[String]) -> Option<&'t Row> {
    let mut scope: Option<&Code> = None;
    let mut found = None;
    for (depth, name) in names.iter().enumerate() {
        let kind = [RowKind::Class, RowKind::Kuan, RowKind::Xiang][depth.min(2)];
        let row = b.rows.iter().find(|r| {
            r.kind == kind
                && compact(&r.name) == *name
                && scope.is_none_or(|s| r.code.as_ref().is_some_and(|c| c.is_within(s)))
        })?;
        scope = row.code.as_ref();
        found = Some(row);
    }
    found
}

/// N11: 五（三） each 项 against 表5, every 表5 项 covered once, and the items add up to 表5's total.
fn items(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::GeneralExpense) else {
        // The 说明 alone: the items add up to the total 五（一） states (as they would to 表5's,
        // which it restates), and their year-over-year claims are the text's own arithmetic.
        items_in_text(c);
        if general_sub(doc) == 1 {
            yoy_in(c, 5, 3);
        }
        return;
    };
    let Some(b) = t.main() else { return };
    let claims: Vec<&Statement> = stated(doc, 5, 3).filter(|s| s.section.item > 0).collect();
    if claims.is_empty() {
        return;
    }
    let mut covered: Vec<(&Row, &Statement)> = Vec::new();
    for s in &claims {
        let names = path_names(&s.subject);
        match row_by_path(b, &names).filter(|_| names.len() == 3) {
            Some(row) => {
                if let Some((_, first)) = covered.iter().find(|(r, _)| std::ptr::eq(*r, row)) {
                    let sl = statement_label(s);
                    let f = c.report(
                        Severity::Warning,
                        format!(
                            "{}：与{}说明的是同一项。",
                            sl.zh,
                            section_label(first.section).zh
                        ),
                        format!(
                            "{}: the same 项 is explained twice (also in {}).",
                            sl.en,
                            section_label(first.section).en
                        ),
                    );
                    f.lines = [s.lines.clone(), first.lines.clone()].concat();
                    continue;
                }
                covered.push((row, s));
                let what = || crate::check::rules::row_label(t, row);
                restates(
                    c,
                    s,
                    &what,
                    Some((b.value(row, Col::Total), row.lines.clone())),
                    t.unit,
                    t.number,
                );
            }
            None => {
                let sl = statement_label(s);
                let f = c.report(
                    Severity::Info,
                    format!("{}：在表{}中找不到对应的类、款、项名称，未能核对金额。", sl.zh, t.number),
                    format!("{}: no row of table {} has these 类/款/项 names; the amount was not checked.", sl.en, t.number),
                );
                f.lines = s.lines.clone();
                f.tables = vec![t.number];
            }
        }
    }
    for row in b
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Xiang && !b.value(r, Col::Total).is_zero())
    {
        if !covered.iter().any(|(r, _)| std::ptr::eq(*r, row)) {
            let what = crate::check::rules::row_label(t, row);
            let f = c.report(
                Severity::Warning,
                format!("第三部分 五（三）没有说明{}。", what.zh),
                format!("Part 3, 五(三) does not explain {}.", what.en),
            );
            f.lines = row.lines.clone();
            f.tables = vec![t.number];
        }
    }
    if let Some(total) = b.total() {
        let parts: Vec<Amt> = claims.iter().filter_map(|s| amt(s)).collect();
        let what = Label::new(
            format!("第三部分 五（三）各项之和应等于表{} 合计", t.number),
            format!(
                "Part 3, 五(三): the items should add up to table {}'s total",
                t.number
            ),
        );
        c.sum(
            &what,
            &Amt::cell(t, b, total, Col::Total),
            &parts,
            &[t.number],
        );
    }
    if general_sub(doc) == 1 {
        yoy_in(c, 5, 3);
    }
}

/// Without 表5: 五（三）'s items against the general budget's total as 五（一） states it ("一般公共预算
/// 拨款合计 a 万元，其中：…"), the first statement of 五（一） that names neither 基本支出 nor 项目支出.
fn items_in_text(c: &mut Checker) {
    let doc = c.doc;
    let words = ["拨款合计", "拨款", "一般公共预算"];
    let Some(total) = stated(doc, 5, 1).find(|s| {
        words.iter().any(|w| s.subject.contains(w))
            && !s.subject.contains("基本支出")
            && !s.subject.contains("项目支出")
    }) else {
        return;
    };
    let parts: Vec<Amt> = stated(doc, 5, 3)
        .filter(|s| s.section.item > 0)
        .filter_map(amt)
        .collect();
    let Some(total_amt) = amt(total).filter(|_| parts.len() >= 2) else {
        return;
    };
    let sl = statement_label(total);
    let what = Label::new(
        format!("第三部分 五（三）各项之和应等于{}", sl.zh),
        format!("Part 3, 五(三): the items should add up to {}", sl.en),
    );
    c.sum(&what, &total_amt, &parts, &[]);
}
