//! Where the money comes from and what it pays for (X20–X23, X26, X31).
//!
//! 表3 splits all spending into 基本 and 项目. The budgets' own tables (表5, 表8, 表9) give
//! that split for this year's appropriations; the rest is carry-over (表2 财政拨款结转 /
//! 非财政拨款结转结余, detailed in 表11) and this year's non-appropriated income (表2 财政专户 /
//! 单位资金). 表11 tells how carry-over divides between 基本 and 项目 in total; when it is all
//! one or the other, every code can be checked exactly. Otherwise only bounds can be.

use rust_decimal::Decimal;

use super::{combined, lines_of, names, numeral, optional, src, sum, sum_of, Src, Val};
use crate::check::rules::Label;
use crate::check::{tolerance, Checker, Severity};
use crate::format::amount;
use crate::model::{Col, Document, LineNo, Located, Row, RowKey, RowKind, Side, TableKind, Unit};

/// Basic or project expenditure.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Basic,
    Project,
}

impl Part {
    /// Its column in 表3 / 表5.
    fn col(self) -> Col {
        match self {
            Part::Basic => Col::Basic,
            Part::Project => Col::Project,
        }
    }

    /// Its columns in 表8 / 表9 (基本 = 人员经费 + 公用经费).
    fn fund_cols(self) -> &'static [Col] {
        match self {
            Part::Basic => &[Col::Personnel, Col::Public],
            Part::Project => &[Col::Project],
        }
    }

    /// Its columns in 表11.
    fn carry_cols(self) -> &'static [Col] {
        match self {
            Part::Basic => &[
                Col::FiscalCarryPersonnel,
                Col::FiscalCarryPublic,
                Col::NonFiscalCarryPersonnel,
                Col::NonFiscalCarryPublic,
            ],
            Part::Project => &[Col::FiscalCarryProject, Col::NonFiscalCarryProject],
        }
    }

    fn zh(self) -> &'static str {
        match self {
            Part::Basic => "基本支出",
            Part::Project => "项目支出",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Part::Basic => "basic expenditure",
            Part::Project => "project expenditure",
        }
    }
}

/// How 表11 says the carry-over divides.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CarrySplit {
    /// All of it is this part.
    All(Part),
    /// Both parts, or 表11 is absent: unknown per code.
    Unknown,
}

/// The carry-over split from 表11's 总计 row.
fn carry_split(s11: Option<Src>) -> CarrySplit {
    let Some(s) = s11 else {
        return CarrySplit::Unknown;
    };
    let Some(total) = s.b.total() else {
        return CarrySplit::Unknown;
    };
    let of = |p: Part| -> Decimal { p.carry_cols().iter().map(|&c| s.b.value(total, c)).sum() };
    match (of(Part::Basic).is_zero(), of(Part::Project).is_zero()) {
        (true, _) => CarrySplit::All(Part::Project),
        (false, true) => CarrySplit::All(Part::Basic),
        (false, false) => CarrySplit::Unknown,
    }
}

/// The tables every split rule reads.
struct Sources<'a> {
    s2: Option<Src<'a>>,
    s3: Src<'a>,
    s5: Src<'a>,
    s8: Src<'a>,
    s9: Src<'a>,
}

fn sources<'a>(c: &mut Checker<'a>, need_income: bool) -> Option<Sources<'a>> {
    let s2 = if need_income {
        src(c, TableKind::Income, Side::Whole)
    } else {
        optional(c, TableKind::Income, Side::Whole)
    };
    let s3 = src(c, TableKind::Expense, Side::Whole);
    let s5 = src(c, TableKind::GeneralExpense, Side::Whole);
    let s8 = src(c, TableKind::GovFund, Side::Whole);
    let s9 = src(c, TableKind::StateCapital, Side::Whole);
    if need_income && s2.is_none() {
        return None;
    }
    Some(Sources {
        s2,
        s3: s3?,
        s5: s5?,
        s8: s8?,
        s9: s9?,
    })
}

/// `printed` against `known` parts plus up to `unknown` more: an exact sum (rounding envelope)
/// when nothing is unknown, otherwise `Σ known ≤ printed ≤ Σ known + Σ unknown`.
fn split_check(
    c: &mut Checker,
    what: &dyn Fn() -> Label,
    printed: &Val,
    known: &[Val],
    unknown: &[Val],
) {
    if unknown.iter().all(|v| v.value().is_zero()) {
        sum_of(c, what, printed, known);
        return;
    }
    let unknown: Vec<Val> = unknown
        .iter()
        .filter(|v| !v.value().is_zero())
        .cloned()
        .collect();
    let known: Vec<Val> = known
        .iter()
        .filter(|v| !v.value().is_zero())
        .cloned()
        .collect();
    let lo: Decimal = known.iter().map(Val::value).sum();
    let hi = lo + unknown.iter().map(Val::value).sum::<Decimal>();
    // Each printed part may be off by half a unit of its last digit (in the document's unit,
    // at the decimals every table's printing carries).
    let places = tolerance::common_places(
        known
            .iter()
            .chain(&unknown)
            .map(|v| (&v.amt.value, v.amt.unit)),
    );
    let base = printed.base();
    let half = tolerance::convert(Decimal::new(5, places + 1), Unit::Wan, base);
    let slack = half * Decimal::from((known.len() + unknown.len()).max(2));
    let p = printed.value();
    if p >= lo - slack && p <= hi + slack {
        return;
    }
    let what = what();
    let (kz, ke) = names(&known);
    let (uz, ue) = names(&unknown);
    let (pv, lv, hv) = (printed.shown(), amount(lo), amount(hi));
    let sl = amount(slack.normalize());
    let f = c.report(
        Severity::Error,
        format!(
            "{}：印出 {pv}，应在 {lv}（{}）与 {hv}（另加可能属于此项的 {uz}）之间，超出的部分大于四舍五入的尾差（至多 {sl}）。",
            what.zh,
            if kz.is_empty() { "0".to_owned() } else { kz },
        ),
        format!(
            "{}: printed {pv}; it should lie between {lv} ({}) and {hv} (adding {ue}, which may belong here), and misses by more than rounding explains (at most {sl}).",
            what.en,
            if ke.is_empty() { "0".to_owned() } else { ke },
        ),
    );
    f.actual = printed.amt.actual();
    f.expected = Some(tolerance::in_unit(
        if p < lo { lo } else { hi },
        base,
        printed.amt.unit,
        printed.amt.value.scale().max(2),
    ));
    let all: Vec<&Val> = std::iter::once(printed)
        .chain(&known)
        .chain(&unknown)
        .collect();
    f.lines = lines_of(&all);
    let mut tables: Vec<u8> = all.iter().map(|v| v.table).collect();
    crate::sort::sort(&mut tables);
    tables.dedup();
    f.tables = tables;
}

/// X20 / X21: for every code of 表3, its 基本 (or 项目) = 表5 + 表8 + 表9 of the same part,
/// plus the carry-over and non-appropriated income that belong to it.
fn split_by_code(c: &mut Checker, part: Part) {
    let split = carry_split(optional(c, TableKind::CarryOver, Side::Whole));
    let Some(s) = sources(c, true) else { return };
    let Some(s2) = s.s2 else { return };
    for r3 in s.s3.b.rows.iter().filter(|r| {
        matches!(r.kind, RowKind::Class | RowKind::Kuan | RowKind::Xiang) && r.code.is_some()
    }) {
        let code = r3.code_str().unwrap_or_default();
        let printed = s.s3.val(r3, part.col());
        let mut known = vec![s.s5.at(code, part.col())];
        for fund in [s.s8, s.s9] {
            known.extend(part.fund_cols().iter().map(|&col| fund.at(code, col)));
        }
        let carry = [
            s2.at(code, Col::FiscalCarryover),
            s2.at(code, Col::NonFiscalCarryover),
        ];
        let mut unknown = vec![
            s2.at(code, Col::SpecialAccount),
            s2.at(code, Col::UnitFunds),
        ];
        match split {
            CarrySplit::All(p) if p == part => known.extend(carry),
            CarrySplit::All(_) => {}
            CarrySplit::Unknown => unknown.extend(carry),
        }
        if printed.value().is_zero() && known.iter().chain(&unknown).all(|v| v.value().is_zero()) {
            continue;
        }
        let what = || split_label(&s, r3, part, split);
        split_check(c, &what, &printed, &known, &unknown);
    }
}

fn split_label(s: &Sources, r3: &Row, part: Part, split: CarrySplit) -> Label {
    let row = crate::check::rules::row_label(s.s3.t, r3);
    let s2n = s.s2.map_or(2, |x| x.n());
    let carry = match split {
        CarrySplit::All(p) if p == part => (
            format!(" + 表{} 同科目结转", s2n),
            format!(" + the code's carry-over in Table {}", s2n),
        ),
        _ => (String::new(), String::new()),
    };
    Label::new(
        format!(
            "{}{} = 表{}/表{}/表{} 同科目{}{}",
            row.zh,
            part.zh(),
            s.s5.n(),
            s.s8.n(),
            s.s9.n(),
            part.zh(),
            carry.0
        ),
        format!(
            "{}, {} = the same code's {} in tables {}, {} and {}{}",
            row.en,
            part.en(),
            part.en(),
            s.s5.n(),
            s.s8.n(),
            s.s9.n(),
            carry.1
        ),
    )
}

/// X22 / X23: 表3 总计's 项目 (基本) = 表5 + 表8 + 表9 总计 of that part + 表11's carry-over of
/// that part + this year's non-appropriated income of that part.
fn split_totals(c: &mut Checker, part: Part) {
    let s11 = src(c, TableKind::CarryOver, Side::Whole);
    let Some(s) = sources(c, false) else { return };
    let Some(s11) = s11 else { return };
    let Some(printed) = s.s3.total(part.col()) else {
        return;
    };
    let mut known: Vec<Val> = s.s5.total(part.col()).into_iter().collect();
    for fund in [s.s8, s.s9] {
        known.extend(part.fund_cols().iter().filter_map(|&col| fund.total(col)));
    }
    known.extend(part.carry_cols().iter().filter_map(|&col| s11.total(col)));
    // This year's 财政专户 and 单位资金 may pay for either part.
    let unknown: Vec<Val> = match s.s2 {
        Some(s2) => [Col::SpecialAccount, Col::UnitFunds]
            .iter()
            .filter_map(|&col| s2.total(col))
            .collect(),
        None => optional(c, TableKind::Summary, Side::Income)
            .map(|s1| {
                [RowKey::SpecialAccount, RowKey::UnitFunds]
                    .iter()
                    .filter_map(|&k| s1.keyed(k, Col::Amount))
                    .collect()
            })
            .unwrap_or_default(),
    };
    let what = Label::new(
        format!(
            "表{} 总计{} = 表{}/表{}/表{} {} + 表{} 结转{}",
            s.s3.n(),
            part.zh(),
            s.s5.n(),
            s.s8.n(),
            s.s9.n(),
            part.zh(),
            s11.n(),
            part.zh()
        ),
        format!(
            "Table {} total {} = {} of tables {}, {} and {} + Table {} carry-over {}",
            s.s3.n(),
            part.en(),
            part.en(),
            s.s5.n(),
            s.s8.n(),
            s.s9.n(),
            s11.n(),
            part.en()
        ),
    );
    split_check(c, &|| what.clone(), &printed, &known, &unknown);
}

/// A 结转 row of 表1 (its label repeats a current-year row's, so it is named as carry-over).
fn carry_val<'a>(s1: &Src<'a>, key: RowKey) -> Option<Val<'a>> {
    let r = s1.b.keyed(key)?;
    let v = s1.keyed(key, Col::Amount)?;
    let name = crate::parse::schema::compact_label(&r.name);
    Some(v.named(Label::new(
        format!("表{} 上年结转中的「{name}」", s1.n()),
        format!("Table {} carry-over row '{name}'", s1.n()),
    )))
}

/// The 223 类 (国有资本经营预算支出) belongs to the state-capital budget.
const STATE_CAPITAL_CLASS: &str = "223";

// The rules, each in its own file under `funds/`.
mod x20;
mod x21;
mod x22;
mod x23;
mod x26;
mod x31;

pub use x20::X20;
pub use x21::X21;
pub use x22::X22;
pub use x23::X23;
pub use x26::X26;
pub use x31::X31;

#[cfg(test)]
mod tests {
    use crate::check::rules::cross::testing::*;
    use crate::check::Severity;

    #[test]
    fn hold_on_the_sample() {
        for rule in ["X20", "X21", "X22", "X23", "X26"] {
            assert_eq!(on_sample(rule), vec![], "{rule}");
        }
    }

    #[test]
    fn x20_fires_on_a_project_amount() {
        // 20799 has no row in 表5 (no general-budget money), and 表8 and 表9 are printed empty:
        // their 0s are drawn from those tables too, which the finding cites (a table not read
        // reliably may have lost the row or the cell).
        let f = on_edit("X20", 508, "2.00 2.00", "2.10 2.10");
        assert_eq!(
            one(&f, Severity::Error, &[325, 508]).tables,
            vec![2, 3, 5, 8, 9]
        );
    }

    #[test]
    fn x21_fires_on_a_basic_amount() {
        let f = on_edit("X21", 470, "4.14 2.00", "4.24 2.10");
        assert_eq!(
            one(&f, Severity::Error, &[470, 656]).tables,
            vec![3, 5, 8, 9]
        );
    }

    #[test]
    fn x22_fires_on_the_project_total() {
        let f = on_edit(
            "X22",
            464,
            "2,300.52 2,102.56 197.96",
            "2,300.62 2,102.56 198.06",
        );
        assert_eq!(
            one(&f, Severity::Error, &[464, 650, 1084]).tables,
            vec![3, 5, 8, 9, 11]
        );
    }

    #[test]
    fn x23_fires_on_the_basic_total() {
        let f = on_edit(
            "X23",
            464,
            "总计 2,300.52 2,102.56",
            "总计 2,300.62 2,102.66",
        );
        assert_eq!(
            one(&f, Severity::Error, &[464, 650]).tables,
            vec![3, 5, 8, 9, 11]
        );
    }

    #[test]
    fn x26_fires_on_the_general_budget_carry_over() {
        let f = on_edit("X26", 103, "10.60", "10.70");
        assert_eq!(
            one(&f, Severity::Error, &[103, 206, 315]).tables,
            vec![1, 2]
        );
    }

    #[test]
    fn x31_notes_the_state_capital_carry_over() {
        let found = on_sample("X31");
        let f = one(
            &found,
            Severity::Info,
            &[107, 444, 445, 447, 448, 552, 1027, 1595],
        );
        assert_eq!(f.tables, vec![1, 2, 3, 9]);
        assert!(f.message_zh.contains("2.06"), "{}", f.message_zh);
        assert!(f.message_zh.contains("223 01 05"), "{}", f.message_zh);
        assert!(
            f.message_zh.contains("第三部分 九（第 1595 行）"),
            "{}",
            f.message_zh
        );
    }

    #[test]
    fn x31_holds_when_the_text_mentions_the_carry_over() {
        let f = on_edit(
            "X31",
            1595,
            "国有资本经营预算拨款安排的",
            "本年国有资本经营预算拨款安排的支出（上年结转资金不在本表反映）的",
        );
        assert_eq!(f, vec![]);
    }
}
