//! Rule N33: The parts' changes add up to the whole's change

use std::collections::HashSet;

use super::*;

rules! {
    /// ## What it checks
    /// Wherever the text states an amount with its change over the previous year and then lists its
    /// parts ("X a 万元，比上年增加 Δ。X中，A a₁ 万元，比上年增加 Δ₁；B 0 万元，比上年持平…", or "X …，其中：A …；
    /// B …"), the parts' amounts adding up to X's (within rounding) and every part's change stated
    /// (持平 is 0): Σ Δᵢ = Δ (exact passes, within half a printed unit per non-zero change is rounding,
    /// more is an error). And any amount said to have grown by more than it now is ("0 万元，比上年增
    /// 加 1,421.25 万元") would have been negative last year: an error, unless a failed sum above
    /// already names it. The rule's own logic, `part_changes`, is below; it reads the parts the
    /// parser links to their whole (`Statement::whole`).
    ///
    /// ## Why it must hold
    /// Last year's whole was the sum of last year's parts, so the changes add up like the amounts; and
    /// no budget or spending amount is negative. A change copied from the sentence before breaks
    /// both. Applies to every document whose narrative states a total's change and lists its parts
    /// with theirs (the Shanghai 编制说明's 财政拨款 sentence, a Xinjiang 二 or 五（一）).
    ///
    /// ## Example
    /// Shanghai 万里街道 2023 budget, line 63–65: 财政拨款支出预算 16,497.86 万元, 比2022年预算增加 1,421.25; of it
    /// 一般公共预算 16,497.86 增加 1,421.25, 政府性基金 0 增加 1,421.25 and 国有资本经营 0 持平: the parts' changes
    /// add up to 2,842.50, not 1,421.25 (an error; 政府性基金's 0 "增加 1,421.25" is 表6's empty fund with
    /// the 一般公共预算 sentence's change copied).
    N33 = "N33", "各组成部分的变动之和 = 总额的变动", "The parts' changes add up to the whole's change", part_changes;
}

/// A statement's amount when it is money in `unit`.
fn money_in(q: Option<&Quantity>, unit: &QUnit) -> Option<Decimal> {
    q.filter(|q| q.unit == *unit && q.unit.money().is_some())
        .map(|q| q.value)
}

/// A statement's signed change, when stated in `unit` (持平 is 0).
fn change_in(s: &Statement, unit: &QUnit) -> Option<Decimal> {
    let ch = s.change.as_ref()?;
    match (&ch.amount, ch.direction) {
        (None, Direction::Flat) => Some(Decimal::ZERO),
        (Some(a), Direction::Up | Direction::Down) if a.unit == *unit => Some(ch.signed()),
        _ => None,
    }
}

/// "+1,421.25" / "持平".
fn change_text(s: &Statement) -> String {
    match &s.change {
        Some(ch) if ch.direction == Direction::Flat => "持平".to_owned(),
        Some(ch) => {
            let sign = if ch.direction == Direction::Up {
                "+"
            } else {
                "−"
            };
            ch.amount
                .as_ref()
                .map_or_else(String::new, |a| format!("{sign}{}", amount(a.value)))
        }
        None => String::new(),
    }
}

/// N33: each whole's change against its parts' changes, then amounts that grew by more than
/// they are.
fn part_changes(c: &mut Checker) {
    let doc = c.doc;
    let st = &doc.statements;
    let mut named: HashSet<usize> = HashSet::new();
    // The parts of each whole, by the whole's index.
    let mut parts_of: std::collections::BTreeMap<usize, Vec<(usize, &Statement)>> =
        std::collections::BTreeMap::new();
    for (i, s) in st.iter().enumerate() {
        if let Some(w) = s.whole.filter(|_| !s.in_reason) {
            parts_of.entry(w).or_default().push((i, s));
        }
    }
    for (&w, parts) in &parts_of {
        let Some(whole) = st.get(w) else { continue };
        if whole.in_reason {
            continue;
        }
        let Some(q) = whole.value.as_ref() else {
            continue;
        };
        let unit = &q.unit;
        let (Some(value), Some(change)) = (money_in(Some(q), unit), change_in(whole, unit)) else {
            continue;
        };
        if parts.len() < 2 {
            continue;
        }
        // Every part in the whole's unit, with its change; their amounts make up the whole.
        let Some(values) = parts
            .iter()
            .map(|(_, s)| money_in(s.value.as_ref(), unit))
            .collect::<Option<Vec<Decimal>>>()
        else {
            continue;
        };
        let Some(changes) = parts
            .iter()
            .map(|(_, s)| change_in(s, unit))
            .collect::<Option<Vec<Decimal>>>()
        else {
            continue;
        };
        // Changes from different bases (a total's from last year, an item's from the year's
        // budget: "与年初预算相比增加…") do not add up to one another.
        if !same_basis(doc, whole, parts.iter().map(|(_, s)| *s)) {
            continue;
        }
        let half = tolerance::half_unit_of(values.iter().chain([&value]));
        let sum: Decimal = values.iter().sum();
        if tolerance::sum(value, sum, values.len(), half) == Verdict::Wrong {
            continue;
        }
        let names: Vec<String> = parts
            .iter()
            .map(|(_, s)| format!("{} {}", s.subject, change_text(s)))
            .collect();
        let sec = section_label(whole.section);
        let what = Label::new(
            format!(
                "{}「{}」比上年的变动（{}）应等于其各组成部分的变动之和（{}）",
                sec.zh,
                whole.subject,
                change_text(whole),
                names.join("，")
            ),
            format!(
                "{} '{}': its change over last year ({}) should be the sum of its parts' changes ({})",
                sec.en,
                whole.subject,
                change_text(whole),
                names.join(", ")
            ),
        );
        let Some(money) = unit.money() else { continue };
        // A change printed as a number, or 持平 (0, no number).
        let amt = |s: &Statement, v: Decimal| {
            let flat = s
                .change
                .as_ref()
                .is_some_and(|ch| ch.direction == Direction::Flat);
            if flat {
                Amt::implied(v, money, s.lines.clone())
            } else {
                Amt::printed(v, money, s.lines.clone())
            }
        };
        let total = amt(whole, change);
        let amts: Vec<Amt> = parts
            .iter()
            .zip(&changes)
            .map(|((_, s), &v)| amt(s, v))
            .collect();
        if c.sum(&what, &total, &amts, &[]) == Verdict::Wrong {
            named.extend(parts.iter().map(|(i, _)| *i));
        }
    }
    // An amount that grew by more than it is.
    for (i, s) in st.iter().enumerate() {
        if s.in_reason || named.contains(&i) {
            continue;
        }
        let Some(q) = s.value.as_ref() else { continue };
        let Some(ch) = s.change.as_ref().filter(|ch| ch.direction == Direction::Up) else {
            continue;
        };
        let (Some(v), Some(d)) = (
            money_in(Some(q), &q.unit),
            ch.amount
                .as_ref()
                .filter(|a| a.unit == q.unit)
                .map(|a| a.value),
        ) else {
            continue;
        };
        let half = tolerance::half_unit_of([&v, &d]);
        if d - v <= half * Decimal::TWO {
            continue;
        }
        let sl = statement_label(s);
        let f = c.report(
            Severity::Error,
            format!(
                "{}为 {}，却说比上年增加 {}：上年就应为 {} − {} = {}，金额不可能为负。",
                sl.zh,
                amount(v),
                amount(d),
                amount(v),
                amount(d),
                amount(v - d)
            ),
            format!(
                "{} is {} yet said to have grown by {}: last year it would have been {} − {} = {}, and an amount cannot be negative.",
                sl.en,
                amount(v),
                amount(d),
                amount(v),
                amount(d),
                amount(v - d)
            ),
        );
        f.expected = Some(Decimal::ZERO.max(v));
        f.actual = Some(d);
        f.lines = s.lines.clone();
    }
}
