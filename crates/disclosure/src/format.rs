//! Amounts as the documents print them: "2,300.52", "164,978,640", "-0.01".

use rust_decimal::Decimal;

use crate::rounding::round;

/// An amount with thousands separators, keeping its scale ("2,300.52", "0.3", "-1,204.10").
pub fn amount(v: Decimal) -> String {
    let s = v.abs().to_string();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let mut out = String::with_capacity(s.len() + int.len() / 3 + 1);
    if v.is_sign_negative() && !v.is_zero() {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// An amount rounded to two decimals, then formatted with exactly two ("1,234.57").
pub fn amount2(v: Decimal) -> String {
    let mut r = round(v, 2);
    r.rescale(2);
    amount(r)
}

/// A percentage with two decimals ("91.39%").
pub fn percent(v: Decimal) -> String {
    let mut r = round(v, 2);
    r.rescale(2);
    format!("{}%", amount(r))
}

/// A rate worked out to the places the document printed its own (`printed`): "17%" beside a
/// printed "50%", not "17.00%", which would claim places the check never looked at; "50.00%"
/// beside a printed "25.00%".
pub fn percent_as_printed(v: Decimal, printed: Decimal) -> String {
    let places = printed.scale();
    let mut r = round(v, places);
    r.rescale(places);
    format!("{}%", amount(r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn amounts_as_printed() {
        for (v, want) in [
            ("2300.52", "2,300.52"),
            ("164978640", "164,978,640"),
            ("0.3", "0.3"),
            ("-1204.10", "-1,204.10"),
            ("0.00", "0.00"),
            ("-0.01", "-0.01"),
            ("999", "999"),
            ("1000", "1,000"),
        ] {
            assert_eq!(amount(Decimal::from_str(v).unwrap()), want);
        }
        assert_eq!(percent(Decimal::from_str("91.394995").unwrap()), "91.39%");
        assert_eq!(percent(Decimal::from_str("8.605").unwrap()), "8.61%");
        assert_eq!(percent(Decimal::from(100)), "100.00%");
    }
}
