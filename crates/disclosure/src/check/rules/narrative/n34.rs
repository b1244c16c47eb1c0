//! Rule N34: An amount said to be unchanged (持平) is unchanged by the numbers

use crate::previous::{same_subject, PriorItem};

use super::*;

rules! {
    /// ## What it checks
    /// An amount the text calls unchanged from the previous year ("与2023年度相比，财政拨款收入支出总计持平", "比
    /// 2022年预算执行数持平") when its previous value is printed or follows from printed figures:
    /// * printed: the same item states last year's value ("2022年当年预算执行数为15.00万元，2023年预算安排15.00万元，
    ///   比2022年预算执行数持平": a statement of the item whose subject is a 执行数, or 上年 with the claim's
    ///   subject or 预算数 / 决算数) — the two must be equal;
    /// * derived: a part cannot exceed its whole in either year. 持平 makes last year's amount this
    ///   year's (the narrative's, and the table's it restates); a part whose own change is stated
    ///   (last year = now − Δ) must not have been larger last year, and a whole that contains it must
    ///   not have been smaller. The parts are those the sentence lists ("其中…", "X中，…") and the
    ///   chapter totals, each inside the next: 五（一） 一般公共预算 ⊂ 四 财政拨款 ⊂ 一 总计, 五（一） ⊂ 三 支出 ⊂ 一,
    ///   二 收入 ⊂ 一.
    ///
    /// A contradiction beyond the rounding of the printed figures is a warning (the reading of 持平 and
    /// of which figure is whose is wording). 基本持平 ("roughly") and comparisons within the year (决算数与
    /// 预算数) are not read. The rule's own logic, `flat_claims`, is below; it uses the previous-year
    /// reconstruction (crate::previous).
    ///
    /// ## Why it must hold
    /// 持平 says last year's figure was this year's. When the document's own numbers put last year
    /// elsewhere — a part of the amount was already larger last year — the word misleads the reader
    /// about the direction of the budget. Applies to every document whose narrative says 持平 of an
    /// amount whose previous value is printed or whose parts' changes are stated.
    ///
    /// ## Example
    /// Shanghai 普陀区财政局 2024 决算, 四: "与2023年度相比，财政拨款收入支出总计持平" makes the 2023 total 2,961.68 (表4 总
    /// 计), but 五（一） puts 2023's 一般公共预算财政拨款支出 alone at 2,940.05 + 63.14 = 3,003.19: the total fell (a
    /// warning). 万里街道 2023, item 8: 执行数 15.00, 预算安排 15.00, 持平 (holds).
    N34 = "N34", "所称“持平”与上年数相符", "An amount said to be unchanged (持平) is unchanged by the numbers", flat_claims;
}

/// A statement that says its subject is unchanged.
fn is_flat(s: &Statement) -> bool {
    !s.in_reason
        && s.change
            .as_ref()
            .is_some_and(|ch| ch.direction == Direction::Flat)
}

/// A statement of last year's value of what `claim` is about: "2022年当年预算执行数为…" (the
/// Shanghai item's base), or "上年预算数为…" / "上年X为…" (X the claim's subject). "上年结转" is
/// money carried over, not last year's figure.
fn is_base(b: &Statement, claim: &Statement) -> bool {
    let sub = b.subject.trim();
    if sub.ends_with("执行数") {
        return true;
    }
    let Some(rest) = sub
        .strip_prefix("上年")
        .or_else(|| sub.strip_prefix("去年"))
    else {
        return false;
    };
    ["预算数", "预算", "决算数", "决算", "执行数"].contains(&rest)
        || (!rest.is_empty() && same_subject(rest, &claim.subject))
}

/// A money amount with its unit as a table unit.
fn money(q: &Quantity) -> Option<(Decimal, Unit)> {
    Some((q.value, q.unit.money()?))
}

/// One amount the rule reasons about: this year's value(s), and what the text fixes of last year.
struct Figure<'d> {
    /// The statement naming it.
    stmt: &'d Statement,
    /// This year's value as the narrative states it, in 万元.
    current: Decimal,
    /// The table figure it restates, in 万元, with its label, lines and table number.
    table: Option<(Decimal, Label, Vec<LineNo>, u8)>,
    /// 持平: the statement saying so.
    flat: Option<&'d Statement>,
    /// Last year from a stated change.
    prior: Option<&'d PriorItem>,
}

impl Figure<'_> {
    /// Last year's value if the 持平 claim holds: this year's, the narrative's and the table's.
    fn flat_values(&self) -> Vec<Decimal> {
        let mut v = vec![self.current];
        v.extend(self.table.as_ref().map(|t| t.0));
        v
    }

    fn prior_wan(&self) -> Option<Decimal> {
        self.prior.map(|p| p.unit.to_wan(p.prior))
    }
}

/// The 持平 claim on `s`'s subject in its chapter: `s` itself, or a bare "X持平" naming it.
fn flat_claim<'d>(doc: &'d Document, s: &'d Statement) -> Option<&'d Statement> {
    if is_flat(s) {
        return Some(s);
    }
    doc.statements.iter().find(|o| {
        is_flat(o)
            && o.value.is_none()
            && o.section.part == s.section.part
            && o.section.chapter == s.section.chapter
            && same_subject(&o.subject, &s.subject)
    })
}

/// The previous-year item reconstructed for `s`'s subject in its chapter.
fn prior_of<'p>(items: &'p [PriorItem], s: &Statement) -> Option<&'p PriorItem> {
    items.iter().find(|p| {
        p.section.part == s.section.part
            && p.section.chapter == s.section.chapter
            && (p.section.sub == s.section.sub || s.section.sub == 0 || p.section.sub == 0)
            && same_subject(&p.subject, &s.subject)
    })
}

/// The table total a chapter's total restates, in 万元 (一 表1 总计, 三 表3 合计, 四 表4 总计, 五 表5 合计).
fn table_total(doc: &Document, topic: u8) -> Option<(Decimal, Label, Vec<LineNo>, u8)> {
    let (cell, zh) = match topic {
        1 => (
            income_of(doc, TableKind::Summary, RowKey::IncomeTotal),
            "总计",
        ),
        3 => (
            total_of(doc, TableKind::Expense, Side::Whole, Col::Total),
            "合计",
        ),
        4 => (
            income_of(doc, TableKind::FiscalSummary, RowKey::IncomeTotal),
            "总计",
        ),
        5 => (
            total_of(doc, TableKind::GeneralExpense, Side::Whole, Col::Total),
            "合计",
        ),
        _ => return None,
    };
    let (v, lines, unit, n) = cell?;
    Some((
        unit.to_wan(v),
        Label::new(format!("表{n} {zh}"), format!("table {n} total")),
        lines,
        n,
    ))
}

/// The figure of statement `s` (`topic`: the chapter whose total it is, for its table).
fn figure<'a>(
    doc: &'a Document,
    items: &'a [PriorItem],
    s: &'a Statement,
    topic: Option<u8>,
) -> Option<Figure<'a>> {
    let (v, unit) = money(s.value.as_ref()?)?;
    Some(Figure {
        stmt: s,
        current: unit.to_wan(v),
        table: topic.and_then(|t| table_total(doc, t)),
        flat: flat_claim(doc, s),
        prior: prior_of(items, s),
    })
}

/// The chapter totals that nest, as (whole, part) by (topic, sub-section).
const NESTING: [((u8, u8), (u8, u8)); 5] = [
    ((1, 0), (2, 0)),
    ((1, 0), (3, 0)),
    ((1, 0), (4, 0)),
    ((4, 0), (5, 1)),
    ((3, 0), (5, 1)),
];

/// N34: every 持平 claim against what the document fixes of last year.
fn flat_claims(c: &mut Checker) {
    let doc = c.doc;
    if !doc.statements.iter().any(is_flat) {
        return;
    }
    printed_base(c);
    let previous = c.previous_year();
    let items = previous.items.as_slice();
    let figure = |s, topic| figure(doc, items, s, topic);
    let mut pairs: Vec<(Figure, Figure)> = Vec::new();
    // The chapter totals.
    let total = |(topic, sub): (u8, u8)| {
        stated(doc, topic, sub)
            .next()
            .and_then(|s| figure(s, Some(topic)))
    };
    for (w, p) in NESTING {
        if let (Some(whole), Some(part)) = (total(w), total(p)) {
            pairs.push((whole, part));
        }
    }
    // The parts a sentence lists.
    for s in &doc.statements {
        let Some(w) = s.whole.and_then(|i| doc.statements.get(i)) else {
            continue;
        };
        if s.in_reason || w.in_reason {
            continue;
        }
        if let (Some(whole), Some(part)) = (figure(w, None), figure(s, None)) {
            pairs.push((whole, part));
        }
    }
    let mut reported: Vec<*const Statement> = Vec::new();
    for (whole, part) in &pairs {
        // The whole unchanged, yet a part was larger last year.
        if let (Some(claim), Some(p_prior)) = (whole.flat, part.prior_wan()) {
            let half = tolerance::half_unit_of(
                whole.flat_values().iter().chain([&part.current, &p_prior]),
            );
            let tol = half * Decimal::from(3);
            let top = whole.flat_values().into_iter().max().unwrap_or_default();
            if p_prior > top + tol && !reported.contains(&std::ptr::from_ref(claim)) {
                reported.push(std::ptr::from_ref(claim));
                report_part(c, claim, whole, part, p_prior);
            }
        }
        // The part unchanged, yet its whole was smaller last year than the part is now.
        if let (Some(claim), Some(w_prior)) = (part.flat, whole.prior_wan()) {
            let half = tolerance::half_unit_of(
                part.flat_values().iter().chain([&whole.current, &w_prior]),
            );
            let tol = half * Decimal::from(3);
            let low = part.flat_values().into_iter().min().unwrap_or_default();
            if w_prior + tol < low && !reported.contains(&std::ptr::from_ref(claim)) {
                reported.push(std::ptr::from_ref(claim));
                report_whole(c, claim, part, whole, w_prior);
            }
        }
    }
}

/// "今年 a（表n 合计 b）".
fn now_text(f: &Figure) -> (String, String) {
    match &f.table {
        Some((v, l, _, _)) if *v != f.current => (
            format!("{}（{}；说明写作 {}）", amount(*v), l.zh, amount(f.current)),
            format!(
                "{} ({}; the text says {})",
                amount(*v),
                l.en,
                amount(f.current)
            ),
        ),
        _ => (amount(f.current), amount(f.current)),
    }
}

/// "2,940.05 + 63.14 = 3,003.19".
fn prior_text(p: &PriorItem) -> String {
    let cur = p.unit.to_wan(p.current);
    let change = p.unit.to_wan(p.change);
    let op = if change.is_sign_negative() {
        "+"
    } else {
        "−"
    };
    format!(
        "{} {op} {} = {}",
        amount(cur),
        amount(change.abs()),
        amount(cur - change)
    )
}

/// The lines of the 持平 claim, of the amount it is about (and the table total it restates),
/// and of the other amount's stated change.
fn lines_of_figures(claim: &Statement, flat: &Figure, other: &Figure) -> Vec<LineNo> {
    let mut lines = claim.lines.clone();
    lines.extend(&flat.stmt.lines);
    if let Some((_, _, l, _)) = &flat.table {
        lines.extend(l);
    }
    lines.extend(&other.stmt.lines);
    if let Some(p) = other.prior {
        lines.extend(&p.lines);
    }
    lines
}

fn report_part(
    c: &mut Checker,
    claim: &Statement,
    whole: &Figure,
    part: &Figure,
    p_prior: Decimal,
) {
    let (w, p) = (statement_label(whole.stmt), statement_label(part.stmt));
    let (now_zh, now_en) = now_text(whole);
    let how = part.prior.map(prior_text).unwrap_or_default();
    let f = c.report(
        Severity::Warning,
        format!(
            "{}说与上年持平，即上年也是 {now_zh}；但{}上年为 {how}，仅这一部分就超过了上年的总额：{}比上年减少，而非持平。",
            w.zh, p.zh, whole.stmt.subject
        ),
        format!(
            "{} is said to be unchanged, so last year it was {now_en} too; but {} was {how} last year, more than that whole: {} fell, it was not unchanged.",
            w.en, p.en, whole.stmt.subject
        ),
    );
    f.expected = Some(p_prior);
    f.actual = Some(whole.flat_values().into_iter().max().unwrap_or_default());
    f.lines = lines_of_figures(claim, whole, part);
    f.tables = whole.table.as_ref().map(|t| t.3).into_iter().collect();
}

fn report_whole(
    c: &mut Checker,
    claim: &Statement,
    part: &Figure,
    whole: &Figure,
    w_prior: Decimal,
) {
    let (w, p) = (statement_label(whole.stmt), statement_label(part.stmt));
    let (now_zh, now_en) = now_text(part);
    let how = whole.prior.map(prior_text).unwrap_or_default();
    let f = c.report(
        Severity::Warning,
        format!(
            "{}说与上年持平，即上年也是 {now_zh}；但包含它的{}上年只有 {how}，比这一部分还少：{}比上年增加，而非持平。",
            p.zh, w.zh, part.stmt.subject
        ),
        format!(
            "{} is said to be unchanged, so last year it was {now_en} too; but {}, which contains it, was only {how} last year: {} rose, it was not unchanged.",
            p.en, w.en, part.stmt.subject
        ),
    );
    f.expected = Some(w_prior);
    f.actual = Some(part.flat_values().into_iter().min().unwrap_or_default());
    f.lines = lines_of_figures(claim, part, whole);
    f.tables = part.table.as_ref().map(|t| t.3).into_iter().collect();
}

/// 持平 against last year's value printed in the same item.
fn printed_base(c: &mut Checker) {
    let doc = c.doc;
    for s in doc.statements.iter().filter(|s| is_flat(s)) {
        let Some((cur, unit)) = s.value.as_ref().and_then(money) else {
            continue;
        };
        let Some(base) = doc.statements.iter().find(|b| {
            b.section == s.section && !std::ptr::eq(*b, s) && is_base(b, s) && b.value.is_some()
        }) else {
            continue;
        };
        let Some((prior, base_unit)) = base.value.as_ref().and_then(money) else {
            continue;
        };
        if base_unit != unit || prior == cur {
            continue;
        }
        let sl = statement_label(s);
        let dir = if cur > prior { "增加" } else { "减少" };
        let f = c.report(
            Severity::Warning,
            format!(
                "{}为 {}，说与上年持平，但同一项印出的{}为 {}：{dir} {}，并非持平。",
                sl.zh,
                amount(cur),
                base.subject,
                amount(prior),
                amount((cur - prior).abs())
            ),
            format!(
                "{} is {} and said to be unchanged, but the same item prints {} as {}: a change of {}.",
                sl.en,
                amount(cur),
                base.subject,
                amount(prior),
                amount(cur - prior)
            ),
        );
        f.expected = Some(prior);
        f.actual = Some(cur);
        f.lines = [base.lines.clone(), s.lines.clone()].concat();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(subject: &str) -> Statement {
        Statement {
            section: SectionRef::default(),
            subject: subject.to_owned(),
            value: None,
            share: None,
            change: None,
            growth: None,
            in_reason: false,
            whole: None,
            lines: Vec::new(),
        }
    }

    #[test]
    fn last_years_value_is_named_as_such() {
        let claim = st("“三公”经费预算数");
        assert!(is_base(&st("当年预算执行数"), &st("预算安排")));
        assert!(is_base(&st("上年预算数"), &claim));
        assert!(is_base(&st("上年“三公”经费预算"), &claim));
        // Money carried over from last year is not last year's figure.
        assert!(!is_base(&st("上年结转"), &claim));
        assert!(!is_base(&st("公务接待费"), &claim));
    }
}
