//! Rule N12: Section 五(三) changes add up to 五(一)

use super::*;

rules! {
    /// ## What it checks
    /// Σ of the changes (signed Δ) of 五（三）'s items = Δ 基本支出 + Δ 项目支出 of 五（一）. Exact passes; within
    /// half a printed unit per item is rounding; more is an error. The rule's own logic,
    /// `item_changes`, is below.
    ///
    /// ## Why it must hold
    /// The items are the general budget split by 项, so their changes add up to its change. Applies
    /// to documents whose 五（一） and 五（三） give changes (Xinjiang budgets).
    ///
    /// ## Example
    /// Xinjiang sample: the 15 items' changes add up to 244.12 against 五（一）'s 60.81 + 183.30 =
    /// 244.11 — rounding (15 parts).
    N12 = "N12", "五（三）各项变动之和 = 五（一）变动", "Section 五(三) changes add up to 五(一)", item_changes;
}

/// N12: the changes of 五（三）'s items add up to the change of 基本 + 项目 in 五（一）.
fn item_changes(c: &mut Checker) {
    let doc = c.doc;
    let items: Vec<Amt> = stated(doc, 5, 3)
        .filter(|s| s.section.item > 0)
        .filter_map(change_amt)
        .collect();
    let totals: Vec<Amt> = stated(doc, 5, 1)
        .filter(|s| s.subject.contains("基本支出") || s.subject.contains("项目支出"))
        .filter_map(change_amt)
        .collect();
    if items.len() < 2 || totals.is_empty() {
        return;
    }
    // One change printed as such, or the sum of 基本 and 项目 (not printed): in one unit.
    let total = match &totals[..] {
        [one] => one.clone(),
        _ => {
            let unit = totals[0].unit;
            Amt::implied(
                totals.iter().map(|a| a.in_unit(unit)).sum(),
                unit,
                totals
                    .iter()
                    .flat_map(|a| a.lines.iter().copied())
                    .collect(),
            )
        }
    };
    let what = Label::new(
        "第三部分 五（三）各项“比上年”变动之和应等于 五（一）基本支出与项目支出的变动之和",
        "Part 3: the year-over-year changes of the items in 五(三) should add up to the change of basic + project spending in 五(一)",
    );
    c.sum(&what, &total, &items, &[]);
}
