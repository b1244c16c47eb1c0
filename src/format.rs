//! The one place where numbers become text. Amounts and percentages are formatted by the core
//! ([`disclosure::format`]), exactly as the documents print them; this module only adds signs,
//! units and section numbers, and lists the printed forms of a number for highlighting.

use disclosure::Decimal;

/// "2,300.52": an amount with thousands separators, keeping its printed scale.
pub fn amount(v: Decimal) -> String {
    disclosure::format::amount(v)
}

/// "72.36%": a percentage with two decimals.
pub fn percent(v: Decimal) -> String {
    disclosure::format::percent(v)
}

/// An amount as shown, and the unit it is shown in: as printed, or (`yuan`) a 万元 amount in
/// 元, converted exactly by the core (2,300.52 万元 is 23,005,200.00 元).
pub fn money(v: Decimal, unit: disclosure::Unit, yuan: bool) -> (String, disclosure::Unit) {
    if yuan {
        (amount(unit.to_yuan(v)), disclosure::Unit::Yuan)
    } else {
        (amount(v), unit)
    }
}

/// "+239.81", "-204.10", "0.00": a change, with its sign.
pub fn signed_amount(v: Decimal) -> String {
    if v.is_sign_positive() && !v.is_zero() {
        format!("+{}", amount(v))
    } else {
        amount(v)
    }
}

/// "+11.73%", "-55.93%": a growth rate, with its sign.
pub fn signed_percent(v: Decimal) -> String {
    if v.is_sign_positive() && !v.is_zero() {
        format!("+{}", percent(v))
    } else {
        percent(v)
    }
}

/// A comparison metric's value in its unit: "72.36%" for a percentage, "2,300.52" for an
/// amount or a figure per person, "189" for a count.
pub fn metric(v: Decimal, unit: disclosure::analyze::metrics::MetricUnit) -> String {
    use disclosure::analyze::metrics::MetricUnit;
    match unit {
        MetricUnit::Percent => percent(v),
        MetricUnit::Wan
        | MetricUnit::WanPerPerson
        | MetricUnit::YuanPerPerson
        | MetricUnit::Count => amount(v),
    }
}

/// A bar's length as an SVG percentage ("41.7%"): `v` as a share of `largest`, between 0 and
/// 100 %, to a tenth (geometry only, never shown as a number). Exact decimals, no floating
/// point (whose formatting code would cost the page 20 kB).
pub fn bar_width(v: Decimal, largest: Decimal) -> String {
    if largest <= Decimal::ZERO || v <= Decimal::ZERO {
        return "0%".to_owned();
    }
    let share = v
        .checked_div(largest)
        .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
        .unwrap_or(Decimal::ZERO)
        .min(Decimal::ONE_HUNDRED)
        .round_dp(1);
    format!("{share}%")
}

/// "189": a head count.
pub fn count(v: Decimal) -> String {
    amount(v)
}

/// "329 331 333": line numbers for a `data-lines` attribute.
pub fn line_list(lines: &[u32]) -> String {
    lines
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// "329, 331, 333–343": line numbers for reading, runs of consecutive or every-other line
/// (the blank lines between printed lines) shortened.
pub fn line_ranges(lines: &[u32]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let start = lines[i];
        let mut j = i;
        while j + 1 < lines.len() && lines[j + 1] > lines[j] && lines[j + 1] - lines[j] <= 2 {
            j += 1;
        }
        if j >= i + 2 {
            out.push(format!("{start}–{}", lines[j]));
            i = j + 1;
        } else {
            out.push(start.to_string());
            i += 1;
        }
    }
    out.join(", ")
}

/// The ways a number can be printed in a line: with and without thousands separators, at
/// its own scale and without trailing zeros, and without its sign ("减少 204.10" prints the
/// magnitude of −204.10). Longest first, no duplicates.
pub fn printed_forms(v: Decimal) -> Vec<String> {
    let abs = v.abs();
    let normal = abs.normalize();
    let mut forms = vec![
        amount(v),
        v.to_string(),
        amount(abs),
        abs.to_string(),
        amount(normal),
        normal.to_string(),
    ];
    disclosure::sort::sort_by(&mut forms, |a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    forms.dedup();
    forms.retain(|f| !f.is_empty());
    forms
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn amounts_come_from_the_core() {
        assert_eq!(amount(d("2300.52")), "2,300.52");
        assert_eq!(percent(d("72.36")), "72.36%");
        assert_eq!(signed_amount(d("239.81")), "+239.81");
        assert_eq!(signed_amount(d("-204.10")), "-204.10");
        assert_eq!(signed_amount(d("0")), "0");
        assert_eq!(signed_percent(d("-55.93")), "-55.93%");
        assert_eq!(signed_percent(d("11.73")), "+11.73%");
    }

    #[test]
    fn metrics_in_their_units() {
        use disclosure::analyze::metrics::MetricUnit;
        assert_eq!(metric(d("72.36"), MetricUnit::Percent), "72.36%");
        assert_eq!(metric(d("2300.52"), MetricUnit::Wan), "2,300.52");
        assert_eq!(metric(d("0.230052"), MetricUnit::Wan), "0.230052");
        assert_eq!(metric(d("189"), MetricUnit::Count), "189");
        assert_eq!(bar_width(d("1"), d("3")), "33.3%");
        assert_eq!(bar_width(d("72.36"), d("100")), "72.4%");
        assert_eq!(bar_width(d("5"), d("0")), "0%");
        assert_eq!(bar_width(d("-5"), d("10")), "0%");
        assert_eq!(bar_width(d("50"), d("10")), "100%");
    }

    #[test]
    fn line_lists() {
        assert_eq!(line_list(&[329, 331]), "329 331");
        assert_eq!(line_list(&[]), "");
        assert_eq!(line_ranges(&[329, 331, 333, 334, 336, 400]), "329–336, 400");
        assert_eq!(line_ranges(&[5, 9]), "5, 9");
        assert_eq!(line_ranges(&[5, 6]), "5, 6");
    }

    #[test]
    fn printed_forms_cover_separators_scale_and_sign() {
        assert_eq!(printed_forms(d("2300.52")), ["2,300.52", "2300.52"]);
        assert_eq!(printed_forms(d("248.91")), ["248.91"]);
        assert_eq!(printed_forms(d("9.60")), ["9.60", "9.6"]);
        assert_eq!(
            printed_forms(d("-1204.10")),
            [
                "-1,204.10",
                "-1204.10",
                "1,204.10",
                "1,204.1",
                "1204.10",
                "1204.1"
            ]
        );
    }
}
