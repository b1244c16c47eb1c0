//! The tolerance model (rules.md §0): what counts as exact, as rounding (尾差), or as an error.
//!
//! Printed amounts are rounded (to 0.01 万元, or to 1 元). A printed subtotal is the rounded sum
//! of unrounded amounts, so a sum of `n` printed parts may be off by up to half a unit per part.
//! A percentage is right when it is the rounded ratio of the printed numbers, and excusable
//! when some inputs within half a unit of the printed ones give it.

use rust_decimal::Decimal;

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

/// `total` against the sum of `parts` printed parts, each rounded to `half * 2`.
pub fn sum(total: Decimal, sum: Decimal, parts: usize, half: Decimal) -> Verdict {
    let diff = (total - sum).abs();
    if diff.is_zero() {
        Verdict::Exact
    } else if diff <= half * Decimal::from(parts.max(1)) {
        Verdict::Rounding
    } else {
        Verdict::Wrong
    }
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
/// `b` (each ± its half unit), or wrong. Also returns the ratio of the printed numbers,
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
    let verdict = if reachable(stated, lo, hi) {
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

/// Checks "增长/下降 g%" given the current value and the signed change (current − prior).
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
    let verdict = if reachable(stated, lo, hi) {
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
        assert_eq!(sum(d("60.61"), d("60.60"), 1, h), Verdict::Wrong);
        assert_eq!(half_unit(d("164978640")), d("0.5"));
        assert_eq!(half_unit_of(&[d("17.77"), d("0"), d("14.32")]), d("0.005"));
        assert_eq!(half_unit_of(&[d("0"), d("0")]), d("0.5"));
        assert_eq!(half_unit_of(&[d("164978640"), d("0")]), d("0.5"));
        assert_eq!(half_unit_of(&[d("17.77"), d("0"), d("14.32")]), d("0.005"));
        assert_eq!(half_unit_of(&[d("0"), d("0")]), d("0.5"));
        assert_eq!(half_unit_of(&[d("164978640"), d("0")]), d("0.5"));
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
