//! Rule X37: 30108 ≈ 2 × 30109

use super::*;

rules! {
    /// ## What it checks
    /// 表6 30108 机关事业单位基本养老保险缴费 ≈ 2 × 30109 职业年金缴费: a note when they differ by more than three
    /// half-units of printing or 0.1 % of 30108, whichever is larger; nothing when either is zero
    /// or not printed. The rule's own logic, `pension_ratio`, is below.
    ///
    /// ## Why it must hold
    /// Both are computed on the same wage base at the employer rates of 16 % and 8 %, so they stand
    /// 2:1. Applies to every template's basic-expenditure table.
    ///
    /// ## Example
    /// Xinjiang sample, 表6: 30108 87.48 = 2 × 30109 43.74 (exact; base 546.75).
    X37 = "X37", "30108 ≈ 2 × 30109", "30108 ≈ 2 × 30109", pension_ratio;
}

/// X37: 30108 (养老保险, 16 %) ≈ 2 × 30109 (职业年金, 8 %): a note when it does not hold.
fn pension_ratio(c: &mut Checker) {
    let Some(s6) = src(c, TableKind::GeneralBasic, Side::Whole) else {
        return;
    };
    let (Some(p), Some(a)) = (
        at_codes(&s6, &["30108"], Col::Total),
        at_codes(&s6, &["30109"], Col::Total),
    ) else {
        return;
    };
    // Both of 表6, in its unit.
    let (pv, av) = (p.amt.value, a.amt.value);
    if pv.is_zero() || av.is_zero() {
        return;
    }
    let twice = av * Decimal::TWO;
    // Each printed amount may be off by half a unit (doubling doubles that), and amounts
    // summed per person in 元 drift by a few 元: within 0.1 % the two are 2:1.
    let h = tolerance::half_unit_of([&pv, &av]);
    let slack = (h * Decimal::from(3)).max(pv.abs() / Decimal::from(1000));
    if (pv - twice).abs() <= slack {
        return;
    }
    let (pv, av, tv) = (amount(pv), amount(av), amount(twice));
    let f = c.report(
        Severity::Info,
        format!(
            "{}（{pv}）不是{}（{av}）的两倍（{tv}）。按单位缴费比例（基本养老保险 16%、职业年金 8%），两者通常为 2:1；请核对缴费基数或科目归属。",
            p.what().zh, a.what().zh
        ),
        format!(
            "{} ({pv}) is not twice {} ({av}, doubled {tv}). With the usual employer rates (pension 16 %, occupational annuity 8 %) they are about 2:1; check the base or the classification.",
            p.what().en, a.what().en
        ),
    );
    f.expected = Some(twice);
    f.actual = p.amt.actual();
    f.lines = lines_of(&[&p, &a]);
    f.tables = vec![s6.n()];
}
