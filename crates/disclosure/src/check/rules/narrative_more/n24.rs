//! Rule N24: Section 十二(三): vehicles add up

use super::*;

rules! {
    /// ## What it checks
    /// 十二（三）: the vehicle count and value are the sums of their kinds (一般公务用车, 执法执勤用车, 特种专业技术 用车,
    /// 其他). Vehicles are counted, not rounded: the count must add up exactly. The value may be off
    /// by half a printed unit per part (rounding); more is an error. The rule's own
    /// logic, `vehicle_sums`, is below; it uses the shared `vehicles` (narrative_more.rs).
    ///
    /// ## Why it must hold
    /// The kinds partition the vehicles held. Applies to documents with a 国有资产 statement listing
    /// vehicles (Xinjiang 十二, Shanghai 其他相关情况说明).
    ///
    /// ## Example
    /// Xinjiang sample: 车辆 5 辆 = 0 + 0 + 5, 45.04 万元 = 0.00 + 0.00 + 45.04. Shanghai 万里街道 2023
    /// budget: 7 辆 = 3 + 4 + 0 + 0.
    N24 = "N24", "说明十二（三）：车辆数与价值 = 各类之和", "Section 十二(三): vehicles add up", vehicle_sums;
}

/// N24: the vehicle count and value are the sums of their kinds.
fn vehicle_sums(c: &mut Checker) {
    let doc = c.doc;
    let v = vehicles(doc);
    let Some(total) = v.iter().find(|s| s.subject == "车辆") else {
        return;
    };
    for value in [false, true] {
        let pick = |s: &&&Statement| s.subject.ends_with("价值") == value && s.value.is_some();
        let whole = v
            .iter()
            .filter(pick)
            .find(|s| s.subject.trim_end_matches("价值") == "车辆");
        let kinds: Vec<Amt> = v
            .iter()
            .filter(pick)
            .filter(|s| s.section == total.section && s.subject.trim_end_matches("价值") != "车辆")
            .filter_map(|s| amt(s))
            .collect();
        if let (Some(w), true) = (whole.and_then(|s| amt(s)), kinds.len() >= 2) {
            let ch = chapter_label(total.section);
            let what = if value {
                Label::new(
                    format!("{} 车辆价值 = 各类车辆价值之和", ch.zh),
                    format!("{}: vehicle value = the sum of its kinds", ch.en),
                )
            } else {
                Label::new(
                    format!("{} 车辆数 = 各类车辆数之和", ch.zh),
                    format!("{}: vehicle count = the sum of its kinds", ch.en),
                )
            };
            if value {
                c.sum(&what, &w, &kinds, &[]);
            } else {
                counted(c, &what, &w, &kinds);
            }
        }
    }
}

/// A count against the counts of its kinds: any difference is an error (nothing is rounded).
fn counted(c: &mut Checker, what: &Label, total: &Amt, kinds: &[Amt]) {
    let sum: Decimal = kinds.iter().map(|k| k.value).sum();
    if sum == total.value {
        return;
    }
    let f = c.report(
        Severity::Error,
        format!(
            "{}：印出 {}，但各类相加为 {}，相差 {}；车辆按辆计数，没有尾差。",
            what.zh,
            total.value,
            sum,
            total.value - sum
        ),
        format!(
            "{}: printed {}, but the kinds add up to {}, a difference of {}; vehicles are counted, so nothing is rounded.",
            what.en,
            total.value,
            sum,
            total.value - sum
        ),
    );
    f.actual = Some(total.value);
    f.expected = Some(sum);
    f.lines = crate::check::lines_of(std::iter::once(total).chain(kinds));
}
