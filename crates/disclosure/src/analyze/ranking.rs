//! The compared documents ranked by one metric, as the documents state it or per person of a
//! headcount or population the user entered.
//!
//! A document that does not give the metric is listed apart, never ranked as zero; in a ranking
//! per person, so is a document without an entered count of that kind. Per-person figures are
//! exact decimals rounded half away from zero to two decimals, like the document's own
//! per-person metrics ([`super::metrics`]): per member of staff in 万元, per resident in 元
//! (a street office's spending per resident is a few hundred 元; in 万元 two decimals would
//! round it to a hundred).

use std::str::FromStr;

use rust_decimal::Decimal;

use super::compare::Comparison;
use super::metrics::{round2, MetricUnit};

/// What an entered count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    /// People working there (a headcount).
    Staff,
    /// People living there (a street office's or district's residents).
    Population,
}

impl Basis {
    /// Its name in a saved workspace ("staff", "population").
    pub fn slug(self) -> &'static str {
        match self {
            Basis::Staff => "staff",
            Basis::Population => "population",
        }
    }

    /// The basis of a slug.
    pub fn of_slug(slug: &str) -> Option<Basis> {
        [Basis::Staff, Basis::Population]
            .into_iter()
            .find(|b| b.slug() == slug)
    }

    /// The unit of a figure per one of these people.
    pub fn unit(self) -> MetricUnit {
        match self {
            Basis::Staff => MetricUnit::WanPerPerson,
            Basis::Population => MetricUnit::YuanPerPerson,
        }
    }
}

/// A count the user entered for a document (not read from it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entered {
    /// What it counts.
    pub basis: Basis,
    /// How many; never 0.
    pub count: u64,
}

/// Why an entered count is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountError {
    /// 0 people: nothing can be divided by it.
    Zero,
    /// Below zero.
    Negative,
    /// A fraction of a person.
    NotWhole,
    /// Not a number at all.
    NotANumber,
    /// More people than live on Earth.
    TooLarge,
}

/// The largest count accepted (ten billion).
pub const MAX_COUNT: u64 = 10_000_000_000;

/// Reads an entered count: digits, optionally with thousands separators (`1,234`, `1，234`),
/// full-width digits, and a trailing `人`. `Ok(None)` for a blank entry (no count).
pub fn parse_count(text: &str) -> Result<Option<u64>, CountError> {
    let mut plain = String::with_capacity(text.len());
    for c in text.trim().trim_end_matches('人').trim().chars() {
        match c {
            ',' | '，' | '_' => {}
            '０'..='９' => plain.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            '－' | '−' => plain.push('-'),
            '．' => plain.push('.'),
            c => plain.push(c),
        }
    }
    if plain.is_empty() {
        return Ok(None);
    }
    // Digits, a sign and a point only (Decimal would read "1e3" too).
    if !plain
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
    {
        return Err(CountError::NotANumber);
    }
    let Ok(d) = Decimal::from_str(&plain) else {
        return Err(CountError::NotANumber);
    };
    if d.is_sign_negative() && !d.is_zero() {
        Err(CountError::Negative)
    } else if d.is_zero() {
        Err(CountError::Zero)
    } else if !d.fract().is_zero() {
        Err(CountError::NotWhole)
    } else if d > Decimal::from(MAX_COUNT) {
        Err(CountError::TooLarge)
    } else {
        Ok(u64::try_from(d).ok())
    }
}

/// How the documents are ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// By the metric as the documents give it.
    #[default]
    AsStated,
    /// By the metric divided by an entered count of this kind (amounts in 万元 only).
    PerPerson(Basis),
}

/// One ranked document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Its column in the comparison.
    pub column: usize,
    /// 1 for the highest; equal values share a place (1, 1, 3).
    pub place: usize,
    /// The value shown: the comparison's for the metric as stated, the per-person figure
    /// rounded to two decimals otherwise.
    pub value: Decimal,
    /// The unrounded value it is ranked by.
    pub exact: Decimal,
    /// The metric as the document gives it (the amount divided, in a ranking per person).
    pub stated: Decimal,
    /// The entered count it was divided by, in a ranking per person.
    pub count: Option<u64>,
}

/// The documents ranked by one metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranking {
    /// The metric's id.
    pub metric: String,
    /// What the values count (per person: 万元 or 元 per person).
    pub unit: MetricUnit,
    /// The documents that have a value, highest first (equal values in workspace order).
    pub places: Vec<Place>,
    /// Documents that do not give the metric.
    pub not_stated: Vec<usize>,
    /// In a ranking per person: documents that give the metric but have no count of the kind
    /// entered.
    pub no_count: Vec<usize>,
}

/// Why no ranking can be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankError {
    /// The comparison has no such metric.
    NoSuchMetric,
    /// Only amounts (万元) can be divided per person, not shares or counts.
    NotAnAmount,
}

/// Whether a metric of this unit can be ranked per person.
pub fn divisible(unit: MetricUnit) -> bool {
    unit == MetricUnit::Wan
}

/// `amount` (万元) per one of `count` people, exact and rounded: 万元 per member of staff,
/// 元 per resident.
pub fn per_person(amount: Decimal, count: u64, basis: Basis) -> Option<(Decimal, Decimal)> {
    if count == 0 {
        return None;
    }
    let amount = match basis {
        Basis::Staff => amount,
        Basis::Population => amount.checked_mul(Decimal::from(10_000))?,
    };
    let exact = amount.checked_div(Decimal::from(count))?;
    Some((round2(exact), exact))
}

/// Ranks the comparison's columns by `metric`; `entered[i]` is the count entered for column
/// `i` (used per person only; missing entries count as none).
pub fn rank(
    c: &Comparison,
    metric: &str,
    mode: Mode,
    entered: &[Option<Entered>],
) -> Result<Ranking, RankError> {
    let row = c
        .rows
        .iter()
        .find(|r| r.metric == metric)
        .ok_or(RankError::NoSuchMetric)?;
    let mut places = Vec::new();
    let mut not_stated = Vec::new();
    let mut no_count = Vec::new();
    for col in 0..c.columns.len() {
        let (Some(value), exact) = (row.values[col], row.exact[col]) else {
            not_stated.push(col);
            continue;
        };
        let stated = exact.unwrap_or(value);
        let (value, exact, count) = match mode {
            Mode::AsStated => (value, stated, None),
            Mode::PerPerson(basis) => {
                if !divisible(row.unit) {
                    return Err(RankError::NotAnAmount);
                }
                let count = entered
                    .get(col)
                    .copied()
                    .flatten()
                    .filter(|e| e.basis == basis)
                    .map(|e| e.count);
                match count.and_then(|n| Some((per_person(stated, n, basis)?, n))) {
                    Some(((value, exact), n)) => (value, exact, Some(n)),
                    None => {
                        no_count.push(col);
                        continue;
                    }
                }
            }
        };
        places.push(Place {
            column: col,
            place: 0,
            value,
            exact,
            stated,
            count,
        });
    }
    // Highest first; stable, so equal values keep the workspace order.
    crate::sort::sort_by(&mut places, |a, b| b.exact.cmp(&a.exact));
    for i in 0..places.len() {
        places[i].place = if i > 0 && places[i].exact == places[i - 1].exact {
            places[i - 1].place
        } else {
            i + 1
        };
    }
    Ok(Ranking {
        metric: metric.to_owned(),
        unit: match mode {
            Mode::AsStated => row.unit,
            Mode::PerPerson(basis) => basis.unit(),
        },
        places,
        not_stated,
        no_count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::compare::compare;

    const SAMPLE: &str =
        include_str!("../../../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");
    const SYNTHETIC: &str = include_str!("../../../../fixtures/synthetic-sample-renamed.txt");

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn sample_synthetic_and_noise() -> Comparison {
        let a = crate::analyze(SAMPLE);
        let b = crate::analyze(SYNTHETIC);
        let n = crate::analyze("这不是预算文件。");
        compare(&[("a".into(), &a), ("b".into(), &b), ("n".into(), &n)])
    }

    #[test]
    fn counts_are_read_or_refused_with_a_reason() {
        assert_eq!(parse_count(" 189 "), Ok(Some(189)));
        assert_eq!(parse_count("1,234"), Ok(Some(1234)));
        assert_eq!(parse_count("５６，７８９人"), Ok(Some(56789)));
        assert_eq!(parse_count("12.0"), Ok(Some(12)));
        assert_eq!(parse_count("   "), Ok(None));
        assert_eq!(parse_count("0"), Err(CountError::Zero));
        assert_eq!(parse_count("-0"), Err(CountError::Zero));
        assert_eq!(parse_count("-5"), Err(CountError::Negative));
        assert_eq!(parse_count("－5"), Err(CountError::Negative));
        assert_eq!(parse_count("12.5"), Err(CountError::NotWhole));
        assert_eq!(parse_count("一百"), Err(CountError::NotANumber));
        assert_eq!(parse_count("abc"), Err(CountError::NotANumber));
        assert_eq!(parse_count("1e3"), Err(CountError::NotANumber));
        assert_eq!(parse_count("99999999999"), Err(CountError::TooLarge));
    }

    #[test]
    fn ranked_highest_first_and_the_metric_missing_listed_apart() {
        let c = sample_synthetic_and_noise();
        // 三公 per member of staff: 0.05 in the sample, 0.06 in the synthetic copy; the text
        // that is no disclosure gives none.
        let r = rank(&c, "per_staff_actual_three_public", Mode::AsStated, &[]).unwrap();
        let got: Vec<(usize, usize, String)> = r
            .places
            .iter()
            .map(|p| (p.place, p.column, p.value.to_string()))
            .collect();
        assert_eq!(got, [(1, 1, "0.06".into()), (2, 0, "0.05".into())]);
        assert_eq!(r.not_stated, [2], "not ranked as zero");
        assert_eq!(r.unit, MetricUnit::WanPerPerson);
        assert_eq!(
            rank(&c, "no_such", Mode::AsStated, &[]),
            Err(RankError::NoSuchMetric)
        );
    }

    #[test]
    fn equal_values_share_a_place() {
        let a = crate::analyze(SAMPLE);
        let c = compare(&[("a".into(), &a), ("b".into(), &a)]);
        let r = rank(&c, "expense_total", Mode::AsStated, &[]).unwrap();
        let places: Vec<(usize, usize)> = r.places.iter().map(|p| (p.place, p.column)).collect();
        assert_eq!(places, [(1, 0), (1, 1)]);
        assert_eq!(r.places[0].value, d("2300.52"));
    }

    #[test]
    fn per_person_divides_the_exact_amount_by_the_entered_count() {
        let c = sample_synthetic_and_noise();
        let staff = |n| {
            Some(Entered {
                basis: Basis::Staff,
                count: n,
            })
        };
        let people = |n| {
            Some(Entered {
                basis: Basis::Population,
                count: n,
            })
        };
        // The sample's 支出总计 is 2,300.52 万元; 189 entered staff → 12.1720… → 12.17 万元.
        let entered = [staff(189), people(30_000), staff(5)];
        let r = rank(&c, "expense_total", Mode::PerPerson(Basis::Staff), &entered).unwrap();
        assert_eq!(r.unit, MetricUnit::WanPerPerson);
        assert_eq!(r.places.len(), 1);
        let p = &r.places[0];
        assert_eq!((p.column, p.value, p.count), (0, d("12.17"), Some(189)));
        assert_eq!(p.stated, d("2300.52"));
        assert_eq!(p.exact, d("2300.52") / d("189"));
        assert_eq!(r.no_count, [1], "a population is not a headcount");
        assert_eq!(r.not_stated, [2]);
        // Per resident in 元: 2,300.52 万元 over 40,000 residents is 575.13 元.
        let entered = [people(40_000)];
        let r = rank(
            &c,
            "expense_total",
            Mode::PerPerson(Basis::Population),
            &entered,
        )
        .unwrap();
        assert_eq!(r.unit, MetricUnit::YuanPerPerson);
        assert_eq!(r.places[0].value, d("575.13"));
        assert_eq!(r.no_count, [1], "nothing entered");
        // Shares are not divided.
        assert_eq!(
            rank(&c, "share_basic", Mode::PerPerson(Basis::Staff), &entered),
            Err(RankError::NotAnAmount)
        );
    }

    #[test]
    fn one_document_is_a_ranking_of_one() {
        let a = crate::analyze(SAMPLE);
        let c = compare(&[("a".into(), &a)]);
        let r = rank(&c, "expense_total", Mode::AsStated, &[]).unwrap();
        assert_eq!(r.places.len(), 1);
        assert_eq!(r.places[0].place, 1);
    }
}
