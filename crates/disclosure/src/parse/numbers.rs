//! Reading numbers: whole tokens of a table line, and numbers embedded in narrative text.

use rust_decimal::Decimal;

/// Amounts from the largest down, for `sort_unstable_by` (one comparator for every such sort:
/// each closure would be a copy of the standard library's sort of its own in the page).
pub(crate) fn descending(a: &Decimal, b: &Decimal) -> std::cmp::Ordering {
    b.cmp(a)
}

/// The most significant digits a number may have; longer digit runs are not amounts.
const MAX_DIGITS: usize = 18;

/// Parses a plain decimal ("2300.52", "-1.5", "0", "164978640") exactly, keeping the printed
/// scale. Thousands separators must already be gone (see [`crate::text`]).
pub fn decimal(s: &str) -> Option<Decimal> {
    // One pass over the bytes (this reads every token of every table line).
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let mut m: i64 = 0;
    let mut digits = 0;
    // Digits after the point, once a point was seen.
    let mut frac: Option<u32> = None;
    for &b in body.as_bytes() {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if digits > MAX_DIGITS {
                    return None;
                }
                m = m * 10 + i64::from(b - b'0');
                if let Some(f) = &mut frac {
                    *f += 1;
                }
            }
            // One point, after at least one digit.
            b'.' if frac.is_none() && digits > 0 => frac = Some(0),
            _ => return None,
        }
    }
    if digits == 0 || frac == Some(0) {
        return None;
    }
    Some(Decimal::new(if neg { -m } else { m }, frac.unwrap_or(0)))
}

/// How a table prints its amounts, which decides what a trailing token may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountStyle {
    /// 万元 tables print two decimals ("0.30"); a bare integer there is part of a name
    /// ("巴财教〔2023〕51 号"), except a lone "0".
    Decimals,
    /// 元 tables print integers ("2976800", "0").
    Integers,
}

/// A token that stands in a number column: an amount, or a dash printed for an empty cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumToken {
    /// A printed amount.
    Amount(Decimal),
    /// "-" or "—": an empty cell that still takes its place.
    Dash,
}

/// A dash a table prints for an empty cell ("-", "—", "–", "－").
pub fn is_cell_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '－')
}

/// Reads one whitespace-separated token as a table number.
pub fn table_token(tok: &str, style: AmountStyle) -> Option<NumToken> {
    let mut chars = tok.chars();
    if chars.next().is_some_and(is_cell_dash) && chars.next().is_none() {
        return Some(NumToken::Dash);
    }
    let d = decimal(tok)?;
    let ok = match style {
        AmountStyle::Decimals => tok.contains('.') || tok == "0",
        AmountStyle::Integers => true,
    };
    ok.then_some(NumToken::Amount(d))
}

/// Splits a table line into its leading text and its trailing run of number tokens.
pub fn split_trailing_numbers(line: &str, style: AmountStyle) -> (&str, Vec<NumToken>) {
    let mut nums = Vec::new();
    let mut end = line.len();
    loop {
        let head = line[..end].trim_end();
        let start = head.rfind(' ').map_or(0, |i| i + 1);
        let tok = &head[start..];
        if tok.is_empty() {
            end = start;
            break;
        }
        match table_token(tok, style) {
            Some(n) => {
                nums.push(n);
                end = start;
                if start == 0 {
                    break;
                }
            }
            None => {
                end = head.len();
                break;
            }
        }
    }
    nums.reverse();
    (line[..end].trim_end(), nums)
}

/// A number found inside running text, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Embedded {
    /// The value.
    pub value: Decimal,
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
}

/// Every number in running text ("比上年预算增加4.30万元" gives 4.30). A digit run glued to
/// a letter or to another digit run through a dot is read as one number; runs longer than
/// `MAX_DIGITS` (18) are skipped.
pub fn embedded(text: &str) -> Vec<Embedded> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        if let Some(v) = decimal(&text[start..i]) {
            out.push(Embedded {
                value: v,
                start,
                end: i,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// The two-pass reader `decimal` replaced: split at the point, check both sides.
    fn reference(s: &str) -> Option<Decimal> {
        let (neg, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        if int.is_empty()
            || int.len() + frac.len() > MAX_DIGITS
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || (body.contains('.') && frac.is_empty())
        {
            return None;
        }
        let mut m: i64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            m = m * 10 + i64::from(b - b'0');
        }
        Some(Decimal::new(if neg { -m } else { m }, frac.len() as u32))
    }

    proptest::proptest! {
        #[test]
        fn decimal_agrees_with_the_reference(s in "-?[0-9.]{0,22}|-?[0-9]{0,3}[.a][0-9]{0,3}|[0-9]{17,19}(\\.[0-9])?") {
            let (got, want) = (decimal(&s), reference(&s));
            proptest::prop_assert_eq!(got, want);
            if let (Some(g), Some(w)) = (got, want) {
                proptest::prop_assert_eq!(g.scale(), w.scale());
                proptest::prop_assert_eq!(g.to_string(), w.to_string());
            }
        }
    }

    #[test]
    fn decimals_keep_their_scale() {
        for (input, want) in [
            ("2300.52", Some("2300.52")),
            ("0.3", Some("0.3")),
            ("0", Some("0")),
            ("-1.00", Some("-1.00")),
            ("164978640", Some("164978640")),
            ("9165.00", Some("9165.00")),
            ("1.", None),
            (".5", None),
            ("1.2.3", None),
            ("12a", None),
            ("", None),
            ("1234567890123456789", None),
        ] {
            assert_eq!(decimal(input), want.map(d), "{input}");
            if let Some(w) = want {
                assert_eq!(decimal(input).unwrap().to_string(), w);
            }
        }
    }

    #[test]
    fn table_tokens_by_style() {
        use AmountStyle::*;
        assert_eq!(table_token("2024", Decimals), None);
        assert_eq!(table_token("0", Decimals), Some(NumToken::Amount(d("0"))));
        assert_eq!(
            table_token("4.30", Decimals),
            Some(NumToken::Amount(d("4.30")))
        );
        assert_eq!(
            table_token("2976800", Integers),
            Some(NumToken::Amount(d("2976800")))
        );
        assert_eq!(table_token("-", Integers), Some(NumToken::Dash));
        assert_eq!(table_token("1.一般公共预算拨款", Decimals), None);
    }

    #[test]
    fn trailing_numbers() {
        let (head, nums) = split_trailing_numbers(
            "201 01 99 其他人大事务支出 1.00 1.00",
            AmountStyle::Decimals,
        );
        assert_eq!(head, "201 01 99 其他人大事务支出");
        assert_eq!(nums.len(), 2);
        let (head, nums) =
            split_trailing_numbers("巴财教〔2023〕51 号自治区 2024", AmountStyle::Decimals);
        assert_eq!(head, "巴财教〔2023〕51 号自治区 2024");
        assert!(nums.is_empty());
        let (head, nums) = split_trailing_numbers("129.16 129.16 129.16", AmountStyle::Decimals);
        assert_eq!(head, "");
        assert_eq!(nums.len(), 3);
    }

    #[test]
    fn embedded_numbers() {
        let got: Vec<String> = embedded("比上年预算增加4.30万元，增长100.00%，共 7 名")
            .iter()
            .map(|e| e.value.to_string())
            .collect();
        assert_eq!(got, ["4.30", "100.00", "7"]);
    }
}
