//! Narrative readings that blamed the document wrongly (issue 18): each case is a short text in
//! the structure of a real 说明 that was misread (worded anew, the figures our own), read with
//! the fix and shown failing without it.

mod common;

use disclosure::check::{Finding, Severity};

/// The errors and warnings of one rule.
fn blamed(text: &str, rule: &str) -> Vec<Finding> {
    common::findings(text)
        .into_iter()
        .filter(|f| f.rule == rule && matches!(f.severity, Severity::Error | Severity::Warning))
        .collect()
}

/// A 三公 section stating this year's budget, then last year's 决算 under a heading of its own,
/// then "X 比上年增加 Δ，增长 g%" with no amount of its own: the change runs from last year's 决算
/// to this year's budget. The item's latest amount (last year's) is not the base: of the two
/// amounts the one that makes the claim hold is taken, when exactly one does, and where none or
/// both do nothing is judged.
#[test]
fn a_change_after_last_years_outturn_is_measured_to_this_years_budget() {
    let text = |car: &str, hosting: &str| {
        format!(
            "一、2024年“三公”经费预算情况\n\
             2024年“三公”经费预算20.00万元，其中：公务接待8.00万元，公务用车运行费12.00万元。\n\
             二、2023年“三公”经费决算情况\n\
             2023年“三公”经费决算支出18.00万元，其中：公务接待9.00万元，公务用车运行费9.00万元。\n\
             公务用车运行费比上年增加3.00万元，增长{car}。公务接待比上年减少1.00万元，下降{hosting}。\n"
        )
    };
    // 12 − 3 = 9: 3 / 9 = 33.33%; 8 + 1 = 9: 1 / 9 = 11.11% (read from 9, 50% and 10%).
    assert_eq!(blamed(&text("33.33%", "11.11%"), "N5"), vec![]);
    // Neither base gives 40%, or 12%: no guess is judged.
    assert_eq!(blamed(&text("40.00%", "12.00%"), "N5"), vec![]);
    // Under a heading naming no earlier year the item's amount there is the base, as ever:
    // 3 / (9 − 3) = 50%.
    let undated = text("40.00%", "11.11%").replace("二、2023年", "二、");
    let found = blamed(&undated, "N5");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].expected, Some(disclosure::Decimal::new(5000, 2)));
}
