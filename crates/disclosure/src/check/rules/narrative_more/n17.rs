//! Rule N17: Section 七: allocation arithmetic = budgeted amount

use super::*;
use crate::check::rules::narrative::why_differ;
use crate::check::shown;
use crate::check::tolerance::{self, Verdict};

rules! {
    /// ## What it checks
    /// 七, each project: the arithmetic of 资金分配情况 (quantity × standard × months, or a sum of parts)
    /// = its 预算安排规模; 元 amounts are read as 元, and a result that matches only when they are read as
    /// 万元 is left to U1. A mismatch is a warning, since the arithmetic is read from free text. The
    /// rule's own logic, `allocations` with `allocation_total`, is below.
    ///
    /// ## Why it must hold
    /// The allocation explains how the budgeted amount was arrived at; it must arrive at it.
    /// Applies to documents with 七 project descriptions (Xinjiang budgets).
    ///
    /// ## Example
    /// Xinjiang sample, 七（一）: "管辖 5个社区，每个社区 10万元" = 50.00 = 预算安排规模; 七（四）: 26 × 0.03 × 12 + 2 × 0.04
    /// × 12 = 9.36 + 0.96 = 10.32.
    N17 = "N17", "说明七：资金分配情况的算术 = 预算安排规模", "Section 七: allocation arithmetic = budgeted amount", allocations;
}

/// Σ amount × multipliers of an allocation, in 万元, reading 元 amounts as `yuan_as`.
fn allocation_total(p: &ProjectNote, yuan_as: Unit) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    for term in &p.terms {
        let mut v = match term.amount.unit {
            QUnit::Wan => term.amount.value,
            QUnit::Yuan => yuan_as.to_wan(term.amount.value),
            _ => return None,
        };
        for m in &term.multipliers {
            v = v.checked_mul(m.value)?;
        }
        sum = sum.checked_add(v)?;
    }
    Some(sum)
}

/// N17: each project's 资金分配情况 adds up to its 预算安排规模.
fn allocations(c: &mut Checker) {
    let doc = c.doc;
    for p in &doc.projects {
        let (Some(amount_q), false) = (&p.amount, p.terms.is_empty()) else {
            continue;
        };
        let Some(unit) = amount_q.unit.money() else {
            continue;
        };
        let Some(as_printed) = allocation_total(p, Unit::Yuan) else {
            continue;
        };
        // The arithmetic (in 万元, exact) against the budgeted amount at its printed decimals.
        let compare = |w: Decimal| tolerance::twice(amount_q.value, unit, w, Unit::Wan);
        let twice = compare(as_printed);
        if twice.verdict == Verdict::Exact {
            continue;
        }
        // A 元 typed for 万元 is the unit-slip rule's to report (U1).
        if allocation_total(p, Unit::Wan).is_some_and(|w| compare(w).verdict == Verdict::Exact) {
            continue;
        }
        let target = shown(amount_q.value, unit, true);
        let (severity, tail_zh, tail_en) = if twice.verdict == Verdict::Rounding {
            let (_, zh, en) = why_differ(&twice, true);
            (Severity::Rounding, zh, en)
        } else {
            (
                Severity::Warning,
                "不符".to_owned(),
                "which does not match".to_owned(),
            )
        };
        let arithmetic: Vec<String> = p
            .terms
            .iter()
            .map(|t| {
                let mut s = format!(
                    "{}{}",
                    amount(t.amount.value),
                    if t.amount.unit == QUnit::Yuan {
                        "元"
                    } else {
                        "万元"
                    }
                );
                for m in &t.multipliers {
                    s.push_str(&format!(" × {}", m.value));
                }
                s
            })
            .collect();
        let sl = section_label(p.section);
        let f = c.report(
            severity,
            format!(
                "{}「{}」：资金分配情况按文字计算为 {} = {} 万元，与预算安排规模 {target} 相比，{tail_zh}。",
                sl.zh,
                p.name,
                arithmetic.join(" + "),
                amount(as_printed),
            ),
            format!(
                "{} '{}': the allocation as written gives {} = {} 万元, against the budgeted {target}, {tail_en}.",
                sl.en,
                p.name,
                arithmetic.join(" + "),
                amount(as_printed),
            ),
        );
        // The budgeted amount is printed; the arithmetic's result, in its unit, is implied.
        let places = amount_q.value.scale().max(2);
        f.expected = Some(tolerance::round(
            tolerance::in_unit(as_printed, Unit::Wan, unit, places),
            places,
        ));
        f.actual = Some(amount_q.value);
        f.lines = p
            .terms
            .iter()
            .flat_map(|t| {
                std::iter::once(t.amount.line).chain(t.multipliers.iter().map(|m| m.line))
            })
            .chain([amount_q.line])
            .collect();
    }
}
