//! The previous year, reconstructed from the narrative's 比上年 claims: for "X 本年 a，比上年
//! 增加 Δ", last year's X was a − Δ (a + Δ for 减少).
//!
//! Both the checker (the year-over-year rules, N6's consistency of the reconstruction) and the
//! analysis (which shows it, re-exported as `analyze::PreviousYear`) use it, so it sits below
//! both and uses neither: only the model.

use rust_decimal::Decimal;

use crate::model::*;

/// One item's reconstructed previous-year value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PriorItem {
    /// Where the claim was made.
    pub section: SectionRef,
    /// What it is about, as the narrative names it.
    pub subject: String,
    /// The unit of the amounts.
    pub unit: Unit,
    /// This year's amount as stated.
    pub current: Decimal,
    /// The stated change, signed (negative for 减少).
    pub change: Decimal,
    /// Last year's amount: `current − change`.
    pub prior: Decimal,
    /// The stated growth rate, signed, in percent.
    pub growth: Option<Decimal>,
    /// Every line of the claim.
    pub lines: Vec<LineNo>,
}

/// Every reconstructed item, in the order the narrative states them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PreviousYear {
    /// The items.
    pub items: Vec<PriorItem>,
}

/// The current value a statement's change refers to: its own, or for a bare change ("因公出国
/// （境）费增加 0.00 万元") the value stated for the same subject earlier in the section; `None`
/// when that is in doubt ([`bases`] gives more than one).
pub fn current_of<'d>(doc: &'d Document, s: &'d Statement) -> Option<&'d Quantity> {
    match bases(doc, s).as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// The values a statement's change may refer to. One, as [`current_of`] takes it, unless the value
/// stated for the same subject in the section is last year's (its heading names only an earlier
/// year than the document's: "二、2021年“三公”经费决算情况" in a 2022 budget): a bare change after
/// it may then be measured from it or to another value of the subject stated before it in the
/// part (the 2022 budget's "公务用车运行费用10万元" under 一), and all are given, that one first.
pub fn bases<'d>(doc: &'d Document, s: &'d Statement) -> Vec<&'d Quantity> {
    if let Some(v) = &s.value {
        return vec![v];
    }
    let same = |o: &&Statement| {
        o.section.part == s.section.part
            && !o.in_reason
            && o.value.is_some()
            && same_subject(&o.subject, &s.subject)
    };
    let Some(first) = doc
        .statements
        .iter()
        .filter(same)
        .find(|o| o.section.chapter == s.section.chapter)
        .or_else(|| total_base(doc, s))
    else {
        return Vec::new();
    };
    let mut out: Vec<&Quantity> = first.value.iter().collect();
    if !of_earlier_year(doc, first.section) {
        return out;
    }
    for o in doc.statements.iter().take_while(|o| !std::ptr::eq(*o, s)) {
        let Some(v) = o.value.as_ref().filter(|_| same(&o)) else {
            continue;
        };
        if !of_earlier_year(doc, o.section) && out.iter().all(|c| c.value != v.value) {
            out.push(v);
        }
    }
    out
}

/// The statement a bare change of X is measured from when none states X itself: X's 总计 (合计)
/// stated in the chapter, when exactly one is ("收入总计 6,955.73 万元…收入增加 950.05 万元").
pub fn total_base<'d>(doc: &'d Document, s: &Statement) -> Option<&'d Statement> {
    if s.value.is_some() || s.subject.is_empty() {
        return None;
    }
    let mut totals = doc.statements.iter().filter(|o| {
        o.section.part == s.section.part
            && o.section.chapter == s.section.chapter
            && !o.in_reason
            && o.value.is_some()
            && ["总计", "合计"]
                .iter()
                .any(|t| o.subject.strip_suffix(t) == Some(s.subject.as_str()))
    });
    let first = totals.next()?;
    totals.next().is_none().then_some(first)
}

/// Whether a section's headings name an earlier year than the document's and none other.
fn of_earlier_year(doc: &Document, at: SectionRef) -> bool {
    let Some(year) = doc.meta.year.as_ref().map(|y| y.value) else {
        return false;
    };
    let mut years = doc
        .headings
        .iter()
        .filter(|h| {
            (h.section.part, h.section.chapter) == (at.part, at.chapter)
                && at.chapter > 0
                && (h.section.sub == 0 || h.section.sub == at.sub)
                && (h.section.item == 0 || h.section.item == at.item)
        })
        .flat_map(|h| years_in(&h.title))
        .peekable();
    years.peek().is_some() && years.all(|y| y < year)
}

/// The years ("2021年", "2021 年度") a text names.
fn years_in(text: &str) -> impl Iterator<Item = u16> + '_ {
    text.match_indices('年').filter_map(|(i, _)| {
        let before = text[..i].trim_end();
        let start = before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let digits = &before[start..];
        (digits.len() == 4).then(|| digits.parse().ok()).flatten()
    })
}

/// Whether two subjects name the same thing ("“三公”经费预算数" and "“三公”经费预算").
pub fn same_subject(a: &str, b: &str) -> bool {
    fn core(s: &str) -> &str {
        let s = s.trim();
        s.strip_suffix("预算数")
            .or_else(|| s.strip_suffix("预算"))
            .or_else(|| s.strip_suffix('数'))
            .unwrap_or(s)
    }
    core(a) == core(b)
}

/// Reconstructs every previous-year value the narrative implies. A claim made twice in one
/// (sub-)section — the same subject with the same amounts, as in a document that prints its 编制说明
/// twice — is one item citing the lines of both. (The same subject in another chapter is kept:
/// 五（一）'s 基本支出 is the 一般公共预算's, even where it equals 三's.)
pub fn reconstruct(doc: &Document) -> PreviousYear {
    let mut items = Vec::new();
    for s in doc.statements.iter().filter(|s| !s.in_reason) {
        let Some(change) = &s.change else { continue };
        // A 决算's change from its own budget says nothing of last year.
        if change.against_budget(doc.meta.kind, doc.meta.year.as_ref().map(|y| y.value)) {
            continue;
        }
        let Some(delta) = &change.amount else {
            continue;
        };
        let Some(unit) = delta.unit.money() else {
            continue;
        };
        let Some(cur) = current_of(doc, s) else {
            continue;
        };
        if cur.unit.money() != Some(unit) {
            continue;
        }
        let signed = change.signed();
        let mut lines = s.lines.clone();
        if !lines.contains(&cur.line) {
            lines.push(cur.line);
            crate::sort::sort(&mut lines);
        }
        let growth = s
            .growth
            .as_ref()
            .and_then(|g| g.amount.as_ref().map(|a| a.value * g.direction.sign()));
        if let Some(same) = items.iter_mut().find(|i: &&mut PriorItem| {
            i.subject == s.subject
                && (i.section.part, i.section.chapter, i.section.sub)
                    == (s.section.part, s.section.chapter, s.section.sub)
                && i.unit == unit
                && i.current == cur.value
                && i.change == signed
                && i.growth == growth
        }) {
            same.lines.extend(lines);
            crate::sort::sort(&mut same.lines);
            same.lines.dedup();
            continue;
        }
        items.push(PriorItem {
            section: s.section,
            subject: s.subject.clone(),
            unit,
            current: cur.value,
            change: signed,
            prior: cur.value - signed,
            growth,
            lines,
        });
    }
    PreviousYear { items }
}
