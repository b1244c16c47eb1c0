//! Rule N29: Part 1: staff and office figures add up

use super::*;

rules! {
    /// ## What it checks
    /// 第一部分: 实有人数 = 在职 + 退休 + 离休 (an error otherwise); the stated number of offices ("下设 6 个科室") =
    /// the names listed (a warning otherwise); a note when far more people are in post than the 编制
    /// allows. The rule's own logic, `staff`, is below.
    ///
    /// ## Why it must hold
    /// The overview's staff figures are sums of their kinds, and a count of offices counts the list
    /// that follows. Applies to documents whose 第一部分 gives these figures (Xinjiang budgets).
    ///
    /// ## Example
    /// Xinjiang sample: 实有人数 189 = 在职 187 + 退休 2 + 离休 0; 6 科室 = six names; 在职 187 against 编制数 51 is
    /// noted.
    N29 = "N29", "第一部分：人员与科室数字相符", "Part 1: staff and office figures add up", staff;
}

/// N29: 实有人数 = 在职 + 退休 + 离休; the stated number of offices = the names listed; and a
/// note when far more people are in post than the establishment allows.
fn staff(c: &mut Checker) {
    let ov = &c.doc.overview;
    // People are counted, not rounded: any difference is an error.
    if let (Some(actual), Some(a), Some(b), Some(l)) =
        (&ov.actual, &ov.in_service, &ov.retired, &ov.lixiu)
    {
        let sum = a.count + b.count + l.count;
        if sum != actual.count {
            let f = c.report(
                Severity::Error,
                format!(
                    "第一部分：实有人数 {}，但在职 {} + 退休 {} + 离休 {} = {}。",
                    actual.count, a.count, b.count, l.count, sum
                ),
                format!(
                    "Part 1: {} staff, but {} in post + {} retired + {} 离休 = {}.",
                    actual.count, a.count, b.count, l.count, sum
                ),
            );
            f.expected = Some(sum);
            f.actual = Some(actual.count);
            f.lines = vec![actual.line, a.line, b.line, l.line];
        }
    }
    if let Some(stated) = &ov.offices_stated {
        let n = Decimal::from(ov.offices.len());
        if !ov.offices.is_empty() && n != stated.value {
            let f = c.report(
                Severity::Warning,
                format!(
                    "第一部分说下设 {} 个科室，列出的名称有 {} 个。",
                    stated.value, n
                ),
                format!(
                    "Part 1 says there are {} offices but names {}.",
                    stated.value, n
                ),
            );
            // The stated number is printed; the names are counted.
            f.expected = Some(n);
            f.actual = Some(stated.value);
            f.lines = std::iter::once(stated.line)
                .chain(ov.offices.iter().map(|o| o.line))
                .collect();
        }
    }
    if let (Some(est), Some(inpost)) = (&ov.establishment, &ov.in_service) {
        if inpost.count > est.count {
            let f = c.report(
                Severity::Info,
                format!("第一部分：在职 {} 人，编制数为 {}。在职人数超过编制，通常包括编外聘用人员，读数时请留意。", inpost.count, est.count),
                format!("Part 1: {} people in post against an establishment of {}; the difference usually means staff hired outside the establishment.", inpost.count, est.count),
            );
            f.lines = vec![est.line, inpost.line];
        }
    }
}
