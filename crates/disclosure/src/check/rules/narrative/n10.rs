//! Rule N10: Section 五(二): classes and shares = table 5

use super::*;

rules! {
    /// ## What it checks
    /// 五（二）: each 类 stated restates 表5's 类 row (same quantity: a gap of one unit of the last printed digit is rounding, more is an error; a name
    /// no 类 has is a warning); its "占 x%" = 类 / 表5 总计 as N4; every 表5 类 with money is listed (a
    /// warning for each one left out). Without 表5 (the 说明 alone) each share is set against the
    /// total the list opens with, when its first statement is one that names no 类 ("一般公共预算财政
    /// 拨款支出 2940.05 万元，主要用于以下方面：…"), under the same tolerance. Year-over-year claims
    /// under 五（二） are checked as N5 (where 五 has a （一）; without one they are N9's). The rule's own logic,
    /// `classes`, is below; it uses the shared `restates`, `share`, `shares_in_text` and
    /// `path_names` (narrative.rs).
    ///
    /// ## Why it must hold
    /// The section explains the general budget class by class; each figure is the table's. Applies
    /// to documents with 五（二） (Xinjiang budgets, Shanghai 决算).
    ///
    /// ## Example
    /// Xinjiang sample, 五（二）: "一般公共服务支出（类）1,656.14 万元，占 72.39%" = 表5 1,656.14, and 1,656.14 /
    /// 2,287.86 = 72.39 %. Shanghai 普陀区财政局 2024 决算 prints 71.73 % where 2,106.66 / 2,940.05 = 71.65
    /// % — an error.
    N10 = "N10", "说明五（二）：各类支出及占比 = 表5", "Section 五(二): classes and shares = table 5", classes;
}

/// N10: 五（二） each 类 against 表5, its share of 表5's total, and every 表5 类 listed.
fn classes(c: &mut Checker) {
    let doc = c.doc;
    if general_sub(doc) == 1 {
        yoy_in(c, 5, 2);
    }
    let Some(t) = c.table(TableKind::GeneralExpense) else {
        // The 说明 alone: each 类's share over the total the list opens with ("一般公共预算财政拨款支出
        // a 万元，主要用于以下方面：…"), a statement that names no 类.
        let total = stated(doc, 5, 2)
            .next()
            .filter(|s| path_names(&s.subject).is_empty());
        if total.is_some() && general_sub(doc) == 1 {
            shares_in_text(c, (5, 2), total);
        }
        return;
    };
    let Some(b) = t.main() else { return };
    let Some(total) = b.total() else { return };
    let den = b.value(total, Col::Total);
    let den_label = Label::new(
        format!("表{} 一般公共预算支出合计", t.number),
        format!("table {} general-budget total", t.number),
    );
    let claims: Vec<&Statement> = stated(doc, 5, 2).collect();
    if claims.is_empty() {
        return;
    }
    for s in &claims {
        let names = path_names(&s.subject);
        // "一般公共预算财政拨款支出 2940.05 万元，主要用于以下方面：…" introduces the list.
        let is_total = |q: &Quantity| {
            q.unit.money().is_some_and(|u| {
                tolerance::twice(q.value, u, den, t.unit).verdict != Verdict::Wrong
            })
        };
        if names.is_empty() && s.value.as_ref().is_some_and(is_total) {
            continue;
        }
        let name = names
            .first()
            .cloned()
            .unwrap_or_else(|| compact(&s.subject));
        let Some(row) = b
            .rows
            .iter()
            .find(|r| r.kind == RowKind::Class && compact(&r.name) == name)
        else {
            let sl = statement_label(s);
            let f = c.report(
                Severity::Warning,
                format!("{}：表{}中没有名为「{name}」的类。", sl.zh, t.number),
                format!("{}: table {} has no class named '{name}'.", sl.en, t.number),
            );
            f.lines = s.lines.clone();
            f.tables = vec![t.number];
            continue;
        };
        let what = || crate::check::rules::row_label(t, row);
        restates(
            c,
            s,
            &what,
            Some((b.value(row, Col::Total), row.lines.clone())),
            t.unit,
            t.number,
        );
        share(
            c,
            s,
            (&den_label, den, t.unit, &total.lines),
            &[],
            &[t.number],
        );
    }
    for row in b
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Class && !b.value(r, Col::Total).is_zero())
    {
        let listed = claims.iter().any(|s| {
            path_names(&s.subject)
                .first()
                .map_or(compact(&s.subject), Clone::clone)
                == compact(&row.name)
        });
        if !listed {
            let what = crate::check::rules::row_label(t, row);
            let f = c.report(
                Severity::Warning,
                format!("第三部分 五（二）没有列出{}。", what.zh),
                format!("Part 3, 五(二) does not list {}.", what.en),
            );
            f.lines = row.lines.clone();
            f.tables = vec![t.number];
        }
    }
}
