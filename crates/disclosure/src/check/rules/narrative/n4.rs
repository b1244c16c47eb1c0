//! Rule N4: Section 二: income shares

use super::*;

rules! {
    /// ## What it checks
    /// 二: each "占 x%" = source / 收入总计 (or / 本年收入合计 when the section gives that as its total),
    /// exact, or within the rounding envelope of the printed amounts (rounding), else an error (a
    /// warning naming the denominator when another total gives it exactly); and the stated shares
    /// add up to 100 % (within half a printed unit per share is rounding, more a warning). Without
    /// 表1 (the 说明 alone) each share is set against the stated total it is a part of ("收入预算 a
    /// 万元，其中：一般公共预算 b 万元，占 p%"), under the same tolerance, and the shares' sum is checked
    /// as ever (it needs no table). Only income's shares count: where the section goes on to the
    /// spending's (a 决算's "(二)支出决算情况" under the same 二), a share whose subject or whole
    /// names 支出 and not 收入 is not a source's; where it gives the parts of two wholes, each whole's add up to
    /// 100 % on their own. The rule's own logic, `income_shares`, is below; it uses the
    /// shared `share` and `shares_in_text` (narrative.rs).
    ///
    /// ## Why it must hold
    /// A share is arithmetic on two printed numbers, and the sources make up the whole. Applies to
    /// documents whose income chapter gives shares (Xinjiang budgets, Shanghai 决算).
    ///
    /// ## Example
    /// Xinjiang sample, 二: 2,283.56 / 2,300.52 = 99.26 %, 4.30 / 2,300.52 = 0.19 %, 12.66 /
    /// 2,300.52 = 0.55 %; 99.26 + 0.19 + 0.55 = 100.00 — all exact.
    N4 = "N4", "说明二：各项收入占比", "Section 二: income shares", income_shares;
}

/// N4: 二's shares, over 收入总计, or over 本年收入合计 when the section gives that as its total
/// (a 决算's 收入决算情况说明: "本年收入合计 2946.25 万元，其中：财政拨款收入 … 占 99.79%").
fn income_shares(c: &mut Checker) {
    let doc = c.doc;
    let current = (doc.meta.kind == DocKind::Final
        || stated(doc, 2, 0).any(|s| s.subject.contains("本年收入")))
        && income_of(doc, TableKind::Summary, RowKey::CurrentIncome).is_some();
    let (den_key, den_zh, den_en, other) = if current {
        (
            RowKey::CurrentIncome,
            "本年收入合计",
            "current-year income",
            (RowKey::IncomeTotal, "收入总计", "income total"),
        )
    } else {
        (
            RowKey::IncomeTotal,
            "收入总计",
            "income total",
            (RowKey::CurrentIncome, "本年收入", "current-year income"),
        )
    };
    // Income's shares only: a section that goes on to the spending's ("(二)支出决算情况" under the
    // same 二) states parts of another whole, never a source of income.
    // ("收入支出预算 a 万元，其中：…收入…" is income's whole.)
    let names_spending = |x: &str| x.contains("支出") && !x.contains("收入");
    let spending = |s: &Statement| {
        names_spending(&s.subject)
            || s.whole
                .and_then(|w| doc.statements.get(w))
                .is_some_and(|w| names_spending(&w.subject))
    };
    let shares: Vec<&Statement> = stated(doc, 2, 0)
        .filter(|s| s.share.is_some() && !spending(s))
        .collect();
    match income_of(doc, TableKind::Summary, den_key) {
        Some((den, lines, den_unit, table)) => {
            let den_label = table_label(doc, TableKind::Summary, den_zh, den_en);
            let others: Vec<(Label, Decimal, Unit)> = [other]
                .iter()
                .filter_map(|&(k, zh, en)| {
                    income_of(doc, TableKind::Summary, k)
                        .map(|(v, _, u, _)| (table_label(doc, TableKind::Summary, zh, en), v, u))
                })
                .collect();
            for s in &shares {
                share(c, s, (&den_label, den, den_unit, &lines), &others, &[table]);
            }
        }
        None => {
            // Without 表1 (the 说明 alone): each share over the stated total it is a part of.
            c.table(TableKind::Summary);
            shares_in_text(c, (2, 0), None);
        }
    }
    // The shares of the sources add up to 100%: those of the parts of one whole ("收入为 a 万元，
    // 其中：…占 p%；…"). A section that gives the income's shares and then the spending's (a
    // 决算's "(一)收入决算情况" and "(二)支出决算情况" under one 二) has two wholes, each 100%.
    // With one whole or none, every share counts (a sentence of its own may go on the list);
    // with two or more, a share whose whole is not told is left out.
    let mut wholes: Vec<usize> = Vec::new();
    for w in shares.iter().filter_map(|s| s.whole) {
        if !wholes.contains(&w) {
            wholes.push(w);
        }
    }
    if wholes.len() < 2 {
        sum_to_hundred(c, &shares, None);
    }
    for whole in wholes.iter().filter(|_| wholes.len() >= 2) {
        let parts: Vec<&Statement> = shares
            .iter()
            .copied()
            .filter(|s| s.whole == Some(*whole))
            .collect();
        let subject = doc.statements.get(*whole).map(|w| w.subject.as_str());
        sum_to_hundred(c, &parts, subject);
    }
}

/// The shares of `shares` add up to 100% (within half a printed unit per share is rounding,
/// more a warning); `whole`: the subject of the whole they are parts of, when the section has
/// more than one.
fn sum_to_hundred(c: &mut Checker, shares: &[&Statement], whole: Option<&str>) {
    if shares.len() >= 2 {
        let sum: Decimal = shares
            .iter()
            .filter_map(|s| s.share.as_ref().map(|q| q.value))
            .sum();
        let half = tolerance::half_unit_of(
            shares
                .iter()
                .filter_map(|s| s.share.as_ref().map(|q| &q.value)),
        );
        let verdict = tolerance::sum(Decimal::ONE_HUNDRED, sum, shares.len(), half);
        if verdict != Verdict::Exact {
            let severity = if verdict == Verdict::Rounding {
                Severity::Rounding
            } else {
                Severity::Warning
            };
            let ch = chapter_label(shares[0].section);
            let (zh, en) = match whole {
                Some(w) => (
                    format!("{}：「{w}」各部分的占比之和为 {sum}%，不是 100%。", ch.zh),
                    format!(
                        "{}: the stated shares of the parts of '{w}' add up to {sum}%, not 100%.",
                        ch.en
                    ),
                ),
                None => (
                    format!("{}：各项收入占比之和为 {sum}%，不是 100%。", ch.zh),
                    format!(
                        "{}: the stated shares of income add up to {sum}%, not 100%.",
                        ch.en
                    ),
                ),
            };
            let f = c.report(severity, zh, en);
            f.expected = Some(Decimal::ONE_HUNDRED);
            f.actual = Some(sum);
            f.percent = true;
            f.lines = shares
                .iter()
                .flat_map(|s| s.lines.iter().copied())
                .collect();
        }
    }
}
