//! The tolerance model (rules.md §0): what counts as exact, as rounding (尾差), or as an error.
//!
//! Printed amounts are rounded (to 0.01 万元, or to 1 元). A printed subtotal is the rounded sum
//! of unrounded amounts, so a sum of `n` printed parts may be off by up to half a unit per part.
//! A percentage is right when it is the rounded ratio of the printed numbers, and excusable
//! when some inputs within half a unit of the printed ones give it, or when it is 0.01 point
//! from that ratio. One quantity printed in two places ([`twice`]) is compared in one unit at
//! the coarser printing's decimals, and may be one unit of that last digit off (326.71 and
//! 326.72): a rounding difference, not an error.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::Unit;
pub use crate::rounding::round;

/// The outcome of comparing a stated number with what the document's other numbers give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Exactly right.
    Exact,
    /// Off, but only as far as rounding of the printed inputs explains.
    Rounding,
    /// Off beyond what rounding explains.
    Wrong,
}

/// Half of the last printed digit of `v`: 0.005 for "2300.52", 0.5 for "164978640".
pub fn half_unit(v: Decimal) -> Decimal {
    Decimal::new(5, v.scale() + 1)
}

/// Half the unit the amounts are printed to: the finest precision among the non-zero values
/// ("2300.52" → 0.005). A zero is not evidence of coarse printing: an empty cell reads as "0"
/// and "0万元" sits among 万元 amounts printed to the cent.
pub fn half_unit_of<'a>(values: impl IntoIterator<Item = &'a Decimal>) -> Decimal {
    let (mut nonzero, mut any) = (None::<u32>, None::<u32>);
    for v in values {
        any = any.max(Some(v.scale()));
        if !v.is_zero() {
            nonzero = nonzero.max(Some(v.scale()));
        }
    }
    nonzero
        .or(any)
        .map_or(Decimal::new(5, 3), |scale| Decimal::new(5, scale + 1))
}

/// `total` against the sum of `parts` printed parts, each rounded to `half * 2`: a gap of at
/// most half a unit per part is rounding. A total of one part is that part printed twice, and
/// like any quantity printed twice may be one unit off ([`twice`]), so the envelope is never
/// narrower than two halves. A total facing no part at all matches only zero.
pub fn sum(total: Decimal, sum: Decimal, parts: usize, half: Decimal) -> Verdict {
    let diff = (total - sum).abs();
    if diff.is_zero() {
        Verdict::Exact
    } else if parts > 0 && diff <= half * Decimal::from(parts.max(2)) {
        Verdict::Rounding
    } else {
        Verdict::Wrong
    }
}

/// The decimals an amount carries once expressed in 万元: a 元 amount has four more
/// ("185,000.00" 元 has six, "28.50" 万元 two).
pub fn wan_places(v: Decimal, unit: Unit) -> u32 {
    v.scale() + if unit == Unit::Yuan { 4 } else { 0 }
}

/// The decimals (in 万元, as [`wan_places`]) at which amounts printed in possibly several units
/// are compared: within one unit, the finest non-zero printing ([`half_unit_of`]: a zero is not
/// evidence of coarse printing); across units, the coarser of those (元 compared with 万元 at
/// 0.01 万元).
pub fn common_places<'a>(amounts: impl IntoIterator<Item = (&'a Decimal, Unit)>) -> u32 {
    // Per unit: (finest non-zero, finest of any).
    let mut per: [(Option<u32>, Option<u32>); 2] = [(None, None); 2];
    for (v, unit) in amounts {
        let slot = &mut per[usize::from(unit == Unit::Yuan)];
        let p = wan_places(*v, unit);
        slot.1 = slot.1.max(Some(p));
        if !v.is_zero() {
            slot.0 = slot.0.max(Some(p));
        }
    }
    per.iter()
        .filter_map(|(nonzero, any)| nonzero.or(*any))
        .min()
        .unwrap_or(2)
}

/// One unit of the last digit at `places` decimals: 0.01 for two.
pub fn step(places: u32) -> Decimal {
    Decimal::new(1, places)
}

/// `v` (in `from`) in `to`: exact (a 元 amount in 万元 gains four decimals).
pub fn convert(v: Decimal, from: Unit, to: Unit) -> Decimal {
    match (from, to) {
        (Unit::Yuan, Unit::Wan) => {
            let mut w = v / Decimal::from(10_000);
            w.rescale((v.scale() + 4).min(28));
            w
        }
        (Unit::Wan, Unit::Yuan) => v * Decimal::from(10_000),
        _ => v,
    }
}

/// `v` (in `from`) in `to` as a document would print it with `places` decimals: 元 to 万元
/// rounded (873,617.00 元 is 87.36 万元 at two decimals), 万元 to 元 exact, the same unit
/// untouched.
pub fn in_unit(v: Decimal, from: Unit, to: Unit, places: u32) -> Decimal {
    match (from, to) {
        (Unit::Yuan, Unit::Wan) => round(convert(v, from, to), places),
        _ => convert(v, from, to),
    }
}

/// How one quantity printed in two places compares ([`twice`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Twice {
    /// Exact (equal once the finer is rounded to the coarser's decimals), rounding, or wrong.
    pub verdict: Verdict,
    /// The unit of the coarser printing, in which `diff` and `step` are given.
    pub unit: Unit,
    /// The first amount minus the second, both at the coarser one's decimals.
    pub diff: Decimal,
    /// One unit of the coarser printing's last digit.
    pub step: Decimal,
}

/// One quantity printed in two places, in possibly different units (rules.md §0, "same quantity
/// printed twice"). Both are brought into one unit and compared at the coarser one's decimals
/// (185,000.00 元 against 28.50 万元 at 0.01 万元):
///
/// * exact when the finer, rounded to the coarser's decimals, equals the coarser;
/// * rounding when they are one unit of that last digit apart (326.71 and 326.72: a total
///   adjusted to foot, or 元 truncated rather than rounded to 万元), where that unit is at most
///   0.01 万元, or when the finer truncated to the coarser's decimals gives the coarser (839.60
///   stated as 839);
/// * wrong otherwise. A zero (an empty cell) matches only a zero: rounding does not make money
///   appear.
pub fn twice(a: Decimal, a_unit: Unit, b: Decimal, b_unit: Unit) -> Twice {
    let (pa, pb) = (wan_places(a, a_unit), wan_places(b, b_unit));
    let places = pa.min(pb);
    let unit = if pb < pa { b_unit } else { a_unit };
    let (aw, bw) = (convert(a, a_unit, Unit::Wan), convert(b, b_unit, Unit::Wan));
    let (ra, rb) = (round(aw, places), round(bw, places));
    let in_unit = |w: Decimal| -> Decimal {
        let mut v = convert(w, Unit::Wan, unit);
        v.rescale(if unit == Unit::Yuan {
            places.saturating_sub(4)
        } else {
            places
        });
        v
    };
    let step_w = step(places);
    let verdict = if aw == bw {
        Verdict::Exact
    } else if a.is_zero() || b.is_zero() {
        Verdict::Wrong
    } else if ra == rb {
        Verdict::Exact
    } else {
        let (fine, coarse) = if pa >= pb { (aw, bw) } else { (bw, aw) };
        let truncated = fine.round_dp_with_strategy(places, RoundingStrategy::ToZero) == coarse;
        if truncated || (places >= 2 && (ra - rb).abs() <= step_w) {
            Verdict::Rounding
        } else {
            Verdict::Wrong
        }
    };
    let diff = if a.is_zero() || b.is_zero() {
        in_unit(aw - bw)
    } else {
        in_unit(ra - rb)
    };
    Twice {
        verdict,
        unit,
        diff,
        step: in_unit(step_w),
    }
}

/// A stated rate one unit of its last digit (printed to two decimals or more) from the rate
/// the printed numbers give: rounding, as an amount one unit apart is ([`twice`]).
fn one_step(stated: Decimal, shown: Decimal) -> bool {
    stated.scale() >= 2 && (stated - shown).abs() <= step(stated.scale())
}

/// `a / b × 100`, or `None` when `b` is zero.
pub fn ratio_percent(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(b)
}

/// Whether `stated` (printed with its own number of decimals) is the rounded value of some
/// ratio in `[lo, hi]` (both in percent).
fn reachable(stated: Decimal, lo: Decimal, hi: Decimal) -> bool {
    let half = half_unit(stated);
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    // Values rounding to `stated` lie in [stated - half, stated + half).
    stated + half > lo && stated - half <= hi
}

/// A stated percentage `stated` of `a / b`: exact, within the rounding envelope of `a` and
/// `b` (each ± its half unit) or one unit of its last digit (0.01 point) from the ratio of the
/// printed numbers, or wrong. Also returns the ratio of the printed numbers,
/// rounded as the statement is. `None` when `b` (or its envelope) reaches zero.
pub fn share(stated: Decimal, a: Decimal, b: Decimal) -> Option<(Verdict, Decimal)> {
    let exact = ratio_percent(a, b)?;
    let shown = round(exact, stated.scale());
    if shown == stated {
        return Some((Verdict::Exact, shown));
    }
    let (ha, hb) = (half_unit(a), half_unit(b));
    let corners = [
        (a - ha, b + hb),
        (a + ha, b - hb),
        (a - ha, b - hb),
        (a + ha, b + hb),
    ];
    let values: Option<Vec<Decimal>> = corners.iter().map(|&(x, y)| ratio_percent(x, y)).collect();
    let values = values?;
    let lo = values.iter().copied().min()?;
    let hi = values.iter().copied().max()?;
    let verdict = if reachable(stated, lo, hi) || one_step(stated, shown) {
        Verdict::Rounding
    } else {
        Verdict::Wrong
    };
    Some((verdict, shown))
}

/// A year-over-year growth rate stated for a current value and a stated change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Growth {
    /// The rate is checkable: the verdict and the rate the printed numbers give.
    Checked(Verdict, Decimal),
    /// The prior year is zero: a rate is undefined. `customary` when the text says 100%
    /// (the usual convention) or 0% with no change.
    FromZero {
        /// Whether the stated rate follows the convention.
        customary: bool,
    },
}

/// Checks "增长/下降 g%" given the current value and the signed change (current − prior):
/// exact, within the rounding envelope of both or 0.01 point off (rounding), or wrong.
pub fn growth(stated: Decimal, current: Decimal, signed_change: Decimal) -> Option<Growth> {
    let prior = current - signed_change;
    if prior.is_zero() {
        let customary =
            stated == Decimal::ONE_HUNDRED || (stated.is_zero() && signed_change.is_zero());
        return Some(Growth::FromZero { customary });
    }
    let delta = signed_change.abs();
    let exact = ratio_percent(delta, prior.abs())?;
    let shown = round(exact, stated.scale());
    if shown == stated {
        return Some(Growth::Checked(Verdict::Exact, shown));
    }
    let (hc, hd) = (half_unit(current), half_unit(signed_change));
    let mut values = Vec::with_capacity(4);
    for c in [current - hc, current + hc] {
        for d in [signed_change - hd, signed_change + hd] {
            let p = c - d;
            if p.is_zero() {
                return Some(Growth::Checked(Verdict::Rounding, shown));
            }
            values.push(ratio_percent(d.abs(), p.abs())?);
        }
    }
    let lo = values.iter().copied().min()?;
    let hi = values.iter().copied().max()?;
    let verdict = if reachable(stated, lo, hi) || one_step(stated, shown) {
        Verdict::Rounding
    } else {
        Verdict::Wrong
    };
    Some(Growth::Checked(verdict, shown))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn sums_within_half_a_unit_per_part_are_rounding() {
        let h = d("0.005");
        assert_eq!(sum(d("248.91"), d("248.92"), 3, h), Verdict::Rounding);
        assert_eq!(sum(d("248.91"), d("248.91"), 3, h), Verdict::Exact);
        assert_eq!(sum(d("248.91"), d("248.93"), 3, h), Verdict::Wrong);
        assert_eq!(sum(d("248.91"), d("248.93"), 4, h), Verdict::Rounding);
        assert_eq!(sum(d("60.61"), d("60.60"), 2, h), Verdict::Rounding);
        // One part is the same quantity printed twice: one unit apart is rounding, two are not.
        assert_eq!(sum(d("60.61"), d("60.60"), 1, h), Verdict::Rounding);
        assert_eq!(sum(d("60.61"), d("60.59"), 1, h), Verdict::Wrong);
        // Nothing to add up: only zero matches.
        assert_eq!(sum(d("0.01"), d("0"), 0, h), Verdict::Wrong);
        assert_eq!(half_unit(d("164978640")), d("0.5"));
        assert_eq!(half_unit_of(&[d("17.77"), d("0"), d("14.32")]), d("0.005"));
        assert_eq!(half_unit_of(&[d("0"), d("0")]), d("0.5"));
        assert_eq!(half_unit_of(&[d("164978640"), d("0")]), d("0.5"));
        assert_eq!(half_unit_of(&[d("17.77"), d("0"), d("14.32")]), d("0.005"));
        assert_eq!(half_unit_of(&[d("0"), d("0")]), d("0.5"));
        assert_eq!(half_unit_of(&[d("164978640"), d("0")]), d("0.5"));
    }

    #[test]
    fn one_quantity_printed_twice() {
        use Unit::{Wan, Yuan};
        let t = |a: &str, au, b: &str, bu| twice(d(a), au, d(b), bu);
        // caizhengju-2024-final: 208 printed 326.71 in 表1/表4 and 326.72 in 表3/表5.
        let r = t("326.72", Wan, "326.71", Wan);
        assert_eq!(
            (r.verdict, r.unit, r.diff, r.step),
            (Verdict::Rounding, Wan, d("0.01"), d("0.01"))
        );
        assert_eq!(t("326.71", Wan, "326.71", Wan).verdict, Verdict::Exact);
        let r = t("326.73", Wan, "326.71", Wan);
        assert_eq!((r.verdict, r.diff), (Verdict::Wrong, d("0.02")));
        let r = t("1800.00", Wan, "1000.00", Wan);
        assert_eq!((r.verdict, r.diff), (Verdict::Wrong, d("800.00")));
        // Whole 元: one 元 apart is rounding.
        assert_eq!(t("13501", Yuan, "13500", Yuan).verdict, Verdict::Rounding);
        assert_eq!(t("13502", Yuan, "13500", Yuan).verdict, Verdict::Wrong);
        // 元 against 万元 at 0.01 万元: 185,000.00 元 is 18.50 万元, not 28.50.
        let r = t("185000.00", Yuan, "28.50", Wan);
        assert_eq!(
            (r.verdict, r.unit, r.diff, r.step),
            (Verdict::Wrong, Wan, d("-10.00"), d("0.01"))
        );
        assert_eq!(t("185000.00", Yuan, "18.50", Wan).verdict, Verdict::Exact);
        assert_eq!(t("873617.00", Yuan, "87.36", Wan).verdict, Verdict::Exact);
        // 877,080 元 = 87.708 万元 printed 87.70 (truncated): rounding.
        let r = t("87.70", Wan, "877080.00", Yuan);
        assert_eq!((r.verdict, r.diff), (Verdict::Rounding, d("-0.01")));
        assert_eq!(t("87.69", Wan, "877080.00", Yuan).verdict, Verdict::Wrong);
        // A whole 万元 statement: truncation is rounding, a unit off is not (1 万元 is not a
        // rounding difference).
        assert_eq!(t("839", Wan, "839.60", Wan).verdict, Verdict::Rounding);
        assert_eq!(t("839", Wan, "839.40", Wan).verdict, Verdict::Exact);
        assert_eq!(t("839", Wan, "840.00", Wan).verdict, Verdict::Wrong);
        // A zero matches only a zero.
        assert_eq!(t("0.00", Wan, "0.01", Wan).verdict, Verdict::Wrong);
        assert_eq!(t("0", Wan, "0.00", Wan).verdict, Verdict::Exact);
        // The decimals at which several amounts are compared.
        let a = [d("185000.00"), d("28.50"), d("0")];
        assert_eq!(common_places([(&a[0], Yuan), (&a[1], Wan)]), 2);
        assert_eq!(common_places([(&a[0], Yuan), (&a[2], Yuan)]), 6);
        assert_eq!(common_places([(&a[1], Wan), (&a[2], Wan)]), 2);
        assert_eq!(in_unit(d("185000.00"), Yuan, Wan, 2), d("18.50"));
        assert_eq!(in_unit(d("28.50"), Wan, Yuan, 2), d("285000.00"));
    }

    #[test]
    fn shares_from_the_sample() {
        // 二: 2,283.56 / 2,300.52 = 99.2628 %, printed 99.26 %.
        assert_eq!(
            share(d("99.26"), d("2283.56"), d("2300.52")),
            Some((Verdict::Exact, d("99.26")))
        );
        // 三: 2,102.56 / 2,300.52 = 91.39499 %, printed 91.40 %: only the envelope reaches it.
        assert_eq!(
            share(d("91.40"), d("2102.56"), d("2300.52")),
            Some((Verdict::Rounding, d("91.39")))
        );
        assert_eq!(
            share(d("8.60"), d("197.96"), d("2300.52")),
            Some((Verdict::Rounding, d("8.61")))
        );
        assert_eq!(
            share(d("8.70"), d("197.96"), d("2300.52")),
            Some((Verdict::Wrong, d("8.61")))
        );
        // 0.01 point off, beyond the envelope of large amounts: still rounding.
        assert_eq!(
            share(d("71.66"), d("2106.66"), d("2940.05")),
            Some((Verdict::Rounding, d("71.65")))
        );
        assert_eq!(
            share(d("71.73"), d("2106.66"), d("2940.05")),
            Some((Verdict::Wrong, d("71.65")))
        );
        assert_eq!(
            share(d("0.00"), d("0.00"), d("2300.52")),
            Some((Verdict::Exact, d("0.00")))
        );
        assert_eq!(share(d("1"), d("1"), d("0")), None);
    }

    #[test]
    fn growth_rates_from_the_sample() {
        let g = |s, c, ch| growth(d(s), d(c), d(ch));
        assert_eq!(
            g("11.73", "2283.56", "239.81"),
            Some(Growth::Checked(Verdict::Exact, d("11.73")))
        );
        assert_eq!(
            g("12.58", "1418.90", "-204.10"),
            Some(Growth::Checked(Verdict::Exact, d("12.58")))
        );
        assert_eq!(
            g("9165.00", "185.30", "183.30"),
            Some(Growth::Checked(Verdict::Exact, d("9165.00")))
        );
        assert_eq!(
            g("22.85", "60.61", "-17.95"),
            Some(Growth::Checked(Verdict::Exact, d("22.85")))
        );
        assert_eq!(
            g("100.00", "4.30", "4.30"),
            Some(Growth::FromZero { customary: true })
        );
        assert_eq!(
            g("0.00", "0.00", "0.00"),
            Some(Growth::FromZero { customary: true })
        );
        assert_eq!(
            g("50.00", "4.30", "4.30"),
            Some(Growth::FromZero { customary: false })
        );
        assert_eq!(
            g("0.00", "9.60", "0.00"),
            Some(Growth::Checked(Verdict::Exact, d("0.00")))
        );
        assert_eq!(
            g("12.00", "2283.56", "239.81"),
            Some(Growth::Checked(Verdict::Wrong, d("11.73")))
        );
    }
}
