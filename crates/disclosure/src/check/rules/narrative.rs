//! Narrative (第三部分) against the tables, and the narrative's own arithmetic (rules.md §2.3):
//! amounts, shares (占 x%) and year-over-year claims (比上年增加 Δ，增长 g%).

use rust_decimal::Decimal;

use super::{Amt, Label};
use crate::check::tolerance::{self, Growth, Verdict};
use crate::check::{Checker, Finding, Severity};
use crate::format::{amount, percent};
use crate::model::*;
use crate::parse::segment::compact;
use crate::previous::current_of;

/// "第三部分 五（三）2" / "part 3, 五(三) item 2".
pub(crate) fn section_label(s: SectionRef) -> Label {
    const N: [&str; 21] = [
        "", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
        "十四", "十五", "十六", "十七", "十八", "十九", "二十",
    ];
    let part = N.get(usize::from(s.part)).copied().unwrap_or("");
    let mut zh = format!("第{part}部分");
    let mut en = format!("Part {}", s.part);
    if s.chapter > 0 {
        let ch = N.get(usize::from(s.chapter)).copied().unwrap_or("");
        zh.push(' ');
        zh.push_str(ch);
        en.push_str(&format!(", section {ch}"));
        if s.sub > 0 {
            let sub = N.get(usize::from(s.sub)).copied().unwrap_or("");
            zh.push_str(&format!("（{sub}）"));
            en.push_str(&format!("({sub})"));
        }
        if s.item > 0 {
            zh.push_str(&s.item.to_string());
            en.push_str(&format!(" item {}", s.item));
        }
    }
    Label::new(zh, en)
}

/// "第三部分 二「一般公共预算」".
pub(crate) fn statement_label(s: &Statement) -> Label {
    let sec = section_label(s.section);
    Label::new(
        format!("{}「{}」", sec.zh, s.subject),
        format!("{} '{}'", sec.en, s.subject),
    )
}

/// The printed chapters of 第三部分 that hold a topic. Rules name topics by their chapter in
/// the Xinjiang layout the rule book is written for (一 总体, 二 收入, 三 支出, 四 财政拨款, 五
/// 一般公共预算, 六 基本支出, 七 项目, 八 政府性基金, 九 国有资本经营, 十 三公, 十一 结转, 十二 其他).
/// The Shanghai 决算 follows that order up to 六 and prints 三公 as 七 and 其他 as 十一; the
/// Shanghai 预算 prints only 其他相关情况说明 as chapters (一 三公, 二–五 机关运行经费, 政府采购,
/// 绩效, 国有资产), its 编制说明 having no chapters. A topic a layout does not print has none.
pub(crate) fn chapters(doc: &Document, topic: u8) -> &'static [u8] {
    const SAME: [u8; 21] = [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    ];
    let same = || {
        SAME.get(usize::from(topic))
            .map_or(&[][..], std::slice::from_ref)
    };
    match (doc.meta.family, doc.meta.kind) {
        (Family::Shanghai, DocKind::Final) => match topic {
            1..=6 | 8 | 9 => same(),
            10 => &[7],
            12 => &[11],
            _ => &[],
        },
        (Family::Shanghai, DocKind::Budget) => match topic {
            10 => &[1],
            12 => &[2, 3, 4, 5],
            _ => &[],
        },
        _ => same(),
    }
}

/// Whether a section lies in a topic's chapters (see [`chapters`]).
pub(crate) fn in_topic(doc: &Document, section: SectionRef, topic: u8) -> bool {
    section.part == 3 && chapters(doc, topic).contains(&section.chapter)
}

/// Main (not explanatory) money statements of a topic (see [`chapters`]); `sub` 0 means the
/// whole chapter.
pub(crate) fn stated(doc: &Document, chapter: u8, sub: u8) -> impl Iterator<Item = &Statement> {
    doc.statements.iter().filter(move |s| {
        in_topic(doc, s.section, chapter)
            && (sub == 0 || s.section.sub == sub)
            && !s.in_reason
            && s.value
                .as_ref()
                .is_some_and(|q| matches!(q.unit, QUnit::Wan | QUnit::Yuan))
    })
}

/// The first main statement of a section whose subject satisfies `pred`.
pub(crate) fn find(
    doc: &Document,
    chapter: u8,
    sub: u8,
    pred: impl Fn(&str) -> bool,
) -> Option<&Statement> {
    stated(doc, chapter, sub).find(|s| pred(&s.subject))
}

/// A statement's amount with its lines (the value's own line first).
pub(crate) fn amt(s: &Statement) -> Option<Amt> {
    let v = s.value.as_ref()?;
    Some(Amt {
        value: v.value,
        lines: s.lines.clone(),
    })
}

/// The statement's value in 万元 (`None` for counts and percentages).
fn wan(q: &Quantity) -> Option<Decimal> {
    match q.unit {
        QUnit::Wan => Some(q.value),
        QUnit::Yuan => Some(Unit::Yuan.to_wan(q.value)),
        _ => None,
    }
}

/// Whether two amounts printed in possibly different units agree: the finer one, rounded to
/// the coarser one's precision, equals it.
pub(crate) fn agree(a: Decimal, a_unit: Unit, b: Decimal, b_unit: Unit) -> bool {
    let (aw, bw) = (a_unit.to_wan(a), b_unit.to_wan(b));
    if aw == bw {
        return true;
    }
    // Only an amount restated in another unit can differ by its printing: 164,978,640 元 is
    // 16,497.86 万元 to the cent. The same unit must match exactly, and so must a zero.
    if a_unit == b_unit || a.is_zero() || b.is_zero() {
        return false;
    }
    // Decimals each amount carries once expressed in 万元 (元 gain four).
    let places = |v: Decimal, u: Unit| v.scale() + if u == Unit::Yuan { 4 } else { 0 };
    let coarse = places(a, a_unit).min(places(b, b_unit));
    tolerance::round(aw, coarse) == tolerance::round(bw, coarse)
}

fn unit_of(q: &Quantity) -> Unit {
    if q.unit == QUnit::Yuan {
        Unit::Yuan
    } else {
        Unit::Wan
    }
}

/// A table's value `v` (in `from`) in the unit of the claim it is set against (`to`), so that a
/// finding's expected and printed values are in one unit: 元 to 万元 rounded to the claim's
/// `places` (873,617.00 元 against a claim in 万元 with two decimals is 87.36), 万元 to 元 exact.
pub(crate) fn in_unit(v: Decimal, from: Unit, to: Unit, places: u32) -> Decimal {
    match (from, to) {
        (Unit::Yuan, Unit::Wan) => tolerance::round(from.to_wan(v), places),
        (Unit::Wan, Unit::Yuan) => v * Decimal::from(10_000),
        _ => v,
    }
}

/// Sets a finding's expected value from a table's `v` (in `unit`) put into the unit of the claim
/// it is set against ([`in_unit`]), keeping `v` itself as the printed figure to mark when the
/// units differ.
pub(crate) fn expect_in(f: &mut Finding, v: Decimal, unit: Unit, claim: Unit, places: u32) {
    f.expected = Some(in_unit(v, unit, claim, places));
    f.printed = (unit != claim).then_some(v);
}

/// A narrative amount against the table cell it restates: any difference is an error. A 元
/// amount that would match as 万元 is left to the unit-slip rule (U1).
pub(crate) fn restates(
    c: &mut Checker,
    s: &Statement,
    what: &dyn Fn() -> Label,
    cell: Option<(Decimal, Vec<LineNo>)>,
    unit: Unit,
    table: u8,
) {
    let (Some(q), Some((tv, tlines))) = (s.value.as_ref(), cell) else {
        return;
    };
    if wan(q).is_none() {
        return;
    }
    let su = unit_of(q);
    if agree(q.value, su, tv, unit) || (su == Unit::Yuan && agree(q.value, Unit::Wan, tv, unit)) {
        return;
    }
    let (sl, what) = (statement_label(s), what());
    let (sv, t) = (amount(q.value), amount(tv));
    let f = c.report(
        Severity::Error,
        format!(
            "{}为 {sv} {}，而{}为 {t} {}。",
            sl.zh,
            su.label(),
            what.zh,
            unit.label()
        ),
        format!(
            "{} says {sv} {}, but {} is {t} {}.",
            sl.en,
            su.label(),
            what.en,
            unit.label()
        ),
    );
    expect_in(f, tv, unit, su, q.value.scale());
    f.actual = Some(q.value);
    f.lines = [s.lines.clone(), tlines].concat();
    f.tables = vec![table];
}

/// A table's total-row cell with its lines; `None` when the layout prints no such column
/// (the Shanghai 决算 prints no 合计 of its 基本支出 table).
pub(crate) fn total_of(
    doc: &Document,
    kind: TableKind,
    side: Side,
    col: Col,
) -> Option<(Decimal, Vec<LineNo>, Unit, u8)> {
    let t = doc.table(kind)?;
    let b = t.block(side)?;
    b.col(col)?;
    let r = b.total()?;
    Some((b.value(r, col), r.lines.clone(), t.unit, t.number))
}

/// A labelled row of a two-sided table's income half.
pub(crate) fn income_of(
    doc: &Document,
    kind: TableKind,
    key: RowKey,
) -> Option<(Decimal, Vec<LineNo>, Unit, u8)> {
    let t = doc.table(kind)?;
    let b = t.block(Side::Income)?;
    let r = b.keyed(key)?;
    Some((b.value(r, Col::Amount), r.lines.clone(), t.unit, t.number))
}

/// Compares a statement (found by `pred` in a section) with a table value.
fn restate_found(
    c: &mut Checker,
    (chapter, sub): (u8, u8),
    pred: impl Fn(&str) -> bool,
    cell: Option<(Decimal, Vec<LineNo>, Unit, u8)>,
    what: Label,
) {
    let doc = c.doc;
    let (Some(s), Some((v, lines, unit, table))) = (find(doc, chapter, sub, pred), cell) else {
        return;
    };
    restates(c, s, &|| what.clone(), Some((v, lines)), unit, table);
}

/// A stated share against numerator / denominator. When it fails with the expected
/// denominator but one of `others` gives it exactly, says which denominator the text used.
pub(crate) fn share(
    c: &mut Checker,
    s: &Statement,
    denominator: (&Label, Decimal, &[LineNo]),
    others: &[(Label, Decimal)],
    tables: &[u8],
) {
    let (Some(sh), Some(v)) = (&s.share, &s.value) else {
        return;
    };
    let (den_label, den, den_lines) = denominator;
    let Some((verdict, shown)) = tolerance::share(sh.value, v.value, den) else {
        return;
    };
    let sl = statement_label(s);
    let stated = format!("{}%", sh.value);
    let (severity, zh, en) = match verdict {
        Verdict::Exact => return,
        Verdict::Rounding => (
            Severity::Rounding,
            format!(
                "{}：占比印为 {stated}，按印出的数 {} ÷ {}（{}）得 {}；只有在各数的四舍五入范围内才能得到 {stated}（尾差）。",
                sl.zh,
                amount(v.value),
                amount(den),
                den_label.zh,
                percent(shown)
            ),
            format!(
                "{}: the share is printed as {stated}; the printed numbers give {} ÷ {} ({}) = {}. {stated} is reachable only within the rounding of the inputs.",
                sl.en,
                amount(v.value),
                amount(den),
                den_label.en,
                percent(shown)
            ),
        ),
        Verdict::Wrong => {
            let alt = others.iter().find_map(|(l, d)| {
                let (v2, _) = tolerance::share(sh.value, v.value, *d)?;
                (v2 != Verdict::Wrong).then_some(l)
            });
            match alt {
                Some(l) => (
                    Severity::Warning,
                    format!("{}：占比 {stated} 是以{}为分母算出的，而非{}（{} ÷ {} = {}）。", sl.zh, l.zh, den_label.zh, amount(v.value), amount(den), percent(shown)),
                    format!(
                        "{}: the share {stated} was computed over {}, not over {} ({} ÷ {} = {}).",
                        sl.en,
                        l.en,
                        den_label.en,
                        amount(v.value),
                        amount(den),
                        percent(shown)
                    ),
                ),
                None => (
                    Severity::Error,
                    format!("{}：占比印为 {stated}，但 {} ÷ {}（{}）= {}。", sl.zh, amount(v.value), amount(den), den_label.zh, percent(shown)),
                    format!("{}: the share is printed as {stated}, but {} ÷ {} ({}) = {}.", sl.en, amount(v.value), amount(den), den_label.en, percent(shown)),
                ),
            }
        }
    };
    let f = c.report(severity, zh, en);
    f.expected = Some(shown);
    f.actual = Some(sh.value);
    f.lines = [s.lines.clone(), den_lines.to_vec()].concat();
    f.tables = tables.to_vec();
}

/// Every year-over-year claim of a section: the growth rate against the stated change and
/// current amount, and the two direction words against each other (rules.md §0).
pub(crate) fn yoy_in(c: &mut Checker, chapter: u8, sub: u8) {
    let doc = c.doc;
    let claims: Vec<&Statement> = doc
        .statements
        .iter()
        .filter(|s| {
            in_topic(doc, s.section, chapter) && (sub == 0 || s.section.sub == sub) && !s.in_reason
        })
        .filter(|s| s.growth.is_some())
        .collect();
    for s in claims {
        yoy(c, s);
    }
}

fn yoy(c: &mut Checker, s: &Statement) {
    let doc = c.doc;
    let (Some(growth), Some(change)) = (&s.growth, &s.change) else {
        return;
    };
    let (Some(g), Some(d)) = (&growth.amount, &change.amount) else {
        return;
    };
    let Some(cur) = current_of(doc, s) else {
        return;
    };
    if wan(cur).is_none() || wan(d).is_none() {
        return;
    }
    // Named only in a finding.
    let sl = || statement_label(s);
    let lines = {
        let mut l = s.lines.clone();
        l.push(cur.line);
        l
    };
    let contradicts = matches!(
        (change.direction, growth.direction),
        (Direction::Up, Direction::Down) | (Direction::Down, Direction::Up)
    ) && !d.value.is_zero();
    if contradicts {
        let f = c.report(
            Severity::Error,
            format!(
                "{}：先说{}，后说{}，方向自相矛盾。",
                sl().zh,
                dir_zh(change.direction, false),
                dir_zh(growth.direction, true)
            ),
            format!(
                "{}: the change is stated as {} but the rate as {}.",
                sl().en,
                dir_en(change.direction),
                dir_en(growth.direction)
            ),
        );
        f.lines = lines;
        return;
    }
    let signed = change.signed();
    let Some(result) = tolerance::growth(g.value, cur.value, signed) else {
        return;
    };
    let prior = cur.value - signed;
    let stated = format!("{}%", g.value);
    let (severity, zh, en, expected) = match result {
        Growth::Checked(Verdict::Exact, _) => return,
        Growth::FromZero { customary: true } if signed.is_zero() => return,
        Growth::Checked(Verdict::Rounding, shown) => (
            Severity::Rounding,
            format!("{}：上年为 {} − ({}) = {}，变动率印为 {stated}，按印出的数得 {}，在尾差范围内。", sl().zh, amount(cur.value), amount(signed), amount(prior), percent(shown)),
            format!(
                "{}: last year was {} − ({}) = {}; the rate is printed as {stated}, the printed numbers give {}, within rounding.",
                sl().en,
                amount(cur.value),
                amount(signed),
                amount(prior),
                percent(shown)
            ),
            Some(shown),
        ),
        Growth::Checked(_, shown) => (
            Severity::Error,
            format!("{}：上年为 {} − ({}) = {}，变动率应为 {}，印为 {stated}。", sl().zh, amount(cur.value), amount(signed), amount(prior), percent(shown)),
            format!(
                "{}: last year was {} − ({}) = {}, so the rate is {}, not {stated}.",
                sl().en,
                amount(cur.value),
                amount(signed),
                amount(prior),
                percent(shown)
            ),
            Some(shown),
        ),
        Growth::FromZero { customary: true } => (
            Severity::Info,
            format!("{}：上年为 0，“增长 {stated}”是惯用写法，严格说增长率无从计算。", sl().zh),
            format!("{}: last year was zero; \"{stated} growth\" is the customary wording, though a rate from zero is undefined.", sl().en),
            None,
        ),
        Growth::FromZero { customary: false } => (
            Severity::Warning,
            format!("{}：上年为 0，增长率无从计算，却印为 {stated}。", sl().zh),
            format!("{}: last year was zero, so no rate exists, yet {stated} is printed.", sl().en),
            None,
        ),
    };
    let f = c.report(severity, zh, en);
    f.expected = expected;
    f.actual = Some(g.value);
    f.lines = lines;
}

fn dir_zh(d: Direction, rate: bool) -> &'static str {
    match (d, rate) {
        (Direction::Up, false) => "增加",
        (Direction::Up, true) => "增长",
        (Direction::Down, false) => "减少",
        (Direction::Down, true) => "下降",
        (Direction::Flat, _) => "持平",
    }
}

fn dir_en(d: Direction) -> &'static str {
    match d {
        Direction::Up => "an increase",
        Direction::Down => "a decrease",
        Direction::Flat => "unchanged",
    }
}

/// Which row of 表1's income half a subject of 二 names. In this template "一般公共预算" is
/// 一般财力 when the transfers are stated separately.
fn income_key(doc: &Document, subject: &str) -> Option<RowKey> {
    let s = subject;
    let split = doc
        .table(TableKind::Summary)
        .and_then(|t| t.block(Side::Income))
        .is_some_and(|b| b.keyed(RowKey::GeneralFinance).is_some());
    Some(if s.contains("上级") && s.contains("一般公共预算") {
        RowKey::GeneralTransfer
    } else if s.contains("上级") && s.contains("政府性基金") {
        RowKey::GovFundTransfer
    } else if s.contains("上级") && s.contains("国有资本") {
        RowKey::StateCapitalTransfer
    } else if s.contains("非财政拨款结转") {
        RowKey::NonFiscalCarryover
    } else if s.contains("财政拨款结转") {
        RowKey::FiscalCarryover
    } else if s.contains("上年结转") {
        RowKey::CarryOver
    } else if s.contains("一般公共预算") {
        if split {
            RowKey::GeneralFinance
        } else {
            RowKey::GeneralBudget
        }
    } else if s.contains("政府性基金") {
        if split {
            RowKey::GovFundIncome
        } else {
            RowKey::GovFund
        }
    } else if s.contains("国有资本") {
        if split {
            RowKey::StateCapitalIncome
        } else {
            RowKey::StateCapital
        }
    } else if s.contains("财政专户") {
        RowKey::SpecialAccount
    } else if s.contains("单位资金") {
        RowKey::UnitFunds
    } else if s.contains("本年收入") || (s == "收入" && doc.meta.kind == DocKind::Final) {
        // A 决算's 二 is about the year's income: "本年收入合计 2946.25 万元" (the subject reads
        // "收入" once 本年 and 合计 are trimmed).
        RowKey::CurrentIncome
    } else if s.contains("财政拨款收入") {
        RowKey::FiscalAppropriation
    } else if s.contains("事业收入") {
        RowKey::BusinessIncome
    } else if s.contains("其他收入") {
        RowKey::OtherIncome
    } else if s.contains("收入") {
        RowKey::IncomeTotal
    } else {
        return None;
    })
}

fn table_label(doc: &Document, kind: TableKind, what_zh: &str, what_en: &str) -> Label {
    let n = doc.table(kind).map_or(0, |t| t.number);
    Label::new(format!("表{n} {what_zh}"), format!("table {n} {what_en}"))
}

/// N3: 二's income total and each source against 表1.
fn income_sources(c: &mut Checker) {
    let doc = c.doc;
    if c.table(TableKind::Summary).is_none() {
        return;
    }
    for s in stated(doc, 2, 0).collect::<Vec<_>>() {
        let Some(key) = income_key(doc, &s.subject) else {
            continue;
        };
        let Some((v, lines, unit, table)) = income_of(doc, TableKind::Summary, key) else {
            continue;
        };
        let row = doc
            .table(TableKind::Summary)
            .and_then(|t| t.block(Side::Income))
            .and_then(|b| b.keyed(key))
            .map(|r| crate::parse::schema::compact_label(&r.name))
            .unwrap_or_default();
        let what = || table_label(doc, TableKind::Summary, &row, &format!("'{row}'"));
        restates(c, s, &what, Some((v, lines)), unit, table);
    }
}

/// N4: 二's shares, over 收入总计, or over 本年收入合计 when the section gives that as its total
/// (a 决算's 收入决算情况说明: "本年收入合计 2946.25 万元，其中：财政拨款收入 … 占 99.79%").
fn income_shares(c: &mut Checker) {
    let doc = c.doc;
    let current = (doc.meta.kind == DocKind::Final
        || stated(doc, 2, 0).any(|s| s.subject.contains("本年收入")))
        && income_of(doc, TableKind::Summary, RowKey::CurrentIncome).is_some();
    let (den_key, den_zh, den_en, other) = if current {
        (
            RowKey::CurrentIncome,
            "本年收入合计",
            "current-year income",
            (RowKey::IncomeTotal, "收入总计", "income total"),
        )
    } else {
        (
            RowKey::IncomeTotal,
            "收入总计",
            "income total",
            (RowKey::CurrentIncome, "本年收入", "current-year income"),
        )
    };
    let Some((den, lines, _, table)) = income_of(doc, TableKind::Summary, den_key) else {
        c.table(TableKind::Summary);
        return;
    };
    let den_label = table_label(doc, TableKind::Summary, den_zh, den_en);
    let others: Vec<(Label, Decimal)> = [other]
        .iter()
        .filter_map(|&(k, zh, en)| {
            income_of(doc, TableKind::Summary, k)
                .map(|(v, ..)| (table_label(doc, TableKind::Summary, zh, en), v))
        })
        .collect();
    let shares: Vec<&Statement> = stated(doc, 2, 0).filter(|s| s.share.is_some()).collect();
    for s in &shares {
        share(c, s, (&den_label, den, &lines), &others, &[table]);
    }
    // The shares of the sources add up to 100%.
    if shares.len() >= 2 {
        let sum: Decimal = shares
            .iter()
            .filter_map(|s| s.share.as_ref().map(|q| q.value))
            .sum();
        let half = tolerance::half_unit_of(
            shares
                .iter()
                .filter_map(|s| s.share.as_ref().map(|q| &q.value)),
        );
        let verdict = tolerance::sum(Decimal::ONE_HUNDRED, sum, shares.len(), half);
        if verdict != Verdict::Exact {
            let severity = if verdict == Verdict::Rounding {
                Severity::Rounding
            } else {
                Severity::Warning
            };
            let f = c.report(
                severity,
                format!("第三部分 二：各项收入占比之和为 {}%，不是 100%。", sum),
                format!(
                    "Part 3, section 二: the stated shares of income add up to {sum}%, not 100%."
                ),
            );
            f.expected = Some(Decimal::ONE_HUNDRED);
            f.actual = Some(sum);
            f.lines = shares
                .iter()
                .flat_map(|s| s.lines.iter().copied())
                .collect();
        }
    }
}

/// N7 / N9: a chapter's total, 基本 and 项目 against a table's total row, their shares, and
/// their year-over-year claims.
fn spending(c: &mut Checker, (chapter, sub): (u8, u8), kind: TableKind, total_words: &[&str]) {
    let doc = c.doc;
    let Some(t) = c.table(kind) else { return };
    let words: Vec<String> = total_words.iter().map(|w| (*w).to_owned()).collect();
    let is_total = move |s: &str| words.iter().any(|w| s.contains(w.as_str()));
    let cell = |col: Col| total_of(doc, kind, Side::Whole, col);
    let name = format!("表{} 总计", t.number);
    restate_found(
        c,
        (chapter, sub),
        &is_total,
        cell(Col::Total),
        Label::new(format!("{name} 合计"), format!("table {} total", t.number)),
    );
    restate_found(
        c,
        (chapter, sub),
        |s| s.contains("基本支出"),
        cell(Col::Basic),
        Label::new(
            format!("{name} 基本支出"),
            format!("table {} basic spending", t.number),
        ),
    );
    restate_found(
        c,
        (chapter, sub),
        |s| s.contains("项目支出"),
        cell(Col::Project),
        Label::new(
            format!("{name} 项目支出"),
            format!("table {} project spending", t.number),
        ),
    );
    if let Some((den, lines, ..)) = cell(Col::Total) {
        let den_label = Label::new(
            format!("表{} 支出合计", t.number),
            format!("table {} total spending", t.number),
        );
        let others: Vec<(Label, Decimal)> =
            total_of(doc, TableKind::GeneralExpense, Side::Whole, Col::Total)
                .map(|(v, ..)| {
                    (
                        table_label(
                            doc,
                            TableKind::GeneralExpense,
                            "一般公共预算支出合计",
                            "general-budget total",
                        ),
                        v,
                    )
                })
                .into_iter()
                .collect();
        for s in stated(doc, chapter, sub)
            .filter(|s| s.share.is_some())
            .collect::<Vec<_>>()
        {
            share(c, s, (&den_label, den, &lines), &others, &[t.number]);
        }
    }
    yoy_in(c, chapter, sub);
}

/// The 类 / 款 / 项 names of a 五（三） heading ("一般公共服务支出（类）人大事务（款）代表工作（项）").
pub(crate) fn path_names(subject: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = subject;
    for tag in ["（类）", "（款）", "（项）"] {
        let alt = tag.replace('（', "(").replace('）', ")");
        let Some((name, r)) = rest
            .split_once(tag)
            .or_else(|| rest.split_once(alt.as_str()))
        else {
            break;
        };
        out.push(compact(name.trim_matches(['“', '”', '"'])));
        rest = r;
    }
    out
}

/// The row of a coded table a 类/款/项 name path points at.
pub(crate) fn row_by_path<'t>(b: &'t Block, names: &[String]) -> Option<&'t Row> {
    let mut scope: Option<&Code> = None;
    let mut found = None;
    for (depth, name) in names.iter().enumerate() {
        let kind = [RowKind::Class, RowKind::Kuan, RowKind::Xiang][depth.min(2)];
        let row = b.rows.iter().find(|r| {
            r.kind == kind
                && compact(&r.name) == *name
                && scope.is_none_or(|s| r.code.as_ref().is_some_and(|c| c.is_within(s)))
        })?;
        scope = row.code.as_ref();
        found = Some(row);
    }
    found
}

/// N10: 五（二） each 类 against 表5, its share of 表5's total, and every 表5 类 listed.
fn classes(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::GeneralExpense) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let Some(total) = b.total() else { return };
    let den = b.value(total, Col::Total);
    let den_label = Label::new(
        format!("表{} 一般公共预算支出合计", t.number),
        format!("table {} general-budget total", t.number),
    );
    let claims: Vec<&Statement> = stated(doc, 5, 2).collect();
    if claims.is_empty() {
        return;
    }
    for s in &claims {
        let names = path_names(&s.subject);
        // "一般公共预算财政拨款支出 2940.05 万元，主要用于以下方面：…" introduces the list.
        if names.is_empty() && s.value.as_ref().is_some_and(|q| q.value == den) {
            continue;
        }
        let name = names
            .first()
            .cloned()
            .unwrap_or_else(|| compact(&s.subject));
        let Some(row) = b
            .rows
            .iter()
            .find(|r| r.kind == RowKind::Class && compact(&r.name) == name)
        else {
            let sl = statement_label(s);
            let f = c.report(
                Severity::Warning,
                format!("{}：表{}中没有名为「{name}」的类。", sl.zh, t.number),
                format!("{}: table {} has no class named '{name}'.", sl.en, t.number),
            );
            f.lines = s.lines.clone();
            f.tables = vec![t.number];
            continue;
        };
        let what = || super::row_label(t, row);
        restates(
            c,
            s,
            &what,
            Some((b.value(row, Col::Total), row.lines.clone())),
            t.unit,
            t.number,
        );
        share(c, s, (&den_label, den, &total.lines), &[], &[t.number]);
    }
    for row in b
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Class && !b.value(r, Col::Total).is_zero())
    {
        let listed = claims.iter().any(|s| {
            path_names(&s.subject)
                .first()
                .map_or(compact(&s.subject), Clone::clone)
                == compact(&row.name)
        });
        if !listed {
            let what = super::row_label(t, row);
            let f = c.report(
                Severity::Warning,
                format!("第三部分 五（二）没有列出{}。", what.zh),
                format!("Part 3, 五(二) does not list {}.", what.en),
            );
            f.lines = row.lines.clone();
            f.tables = vec![t.number];
        }
    }
}

/// N11: 五（三） each 项 against 表5, every 表5 项 covered once, and the items add up to 表5's total.
fn items(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::GeneralExpense) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let claims: Vec<&Statement> = stated(doc, 5, 3).filter(|s| s.section.item > 0).collect();
    if claims.is_empty() {
        return;
    }
    let mut covered: Vec<(&Row, &Statement)> = Vec::new();
    for s in &claims {
        let names = path_names(&s.subject);
        match row_by_path(b, &names).filter(|_| names.len() == 3) {
            Some(row) => {
                if let Some((_, first)) = covered.iter().find(|(r, _)| std::ptr::eq(*r, row)) {
                    let sl = statement_label(s);
                    let f = c.report(
                        Severity::Warning,
                        format!(
                            "{}：与{}说明的是同一项。",
                            sl.zh,
                            section_label(first.section).zh
                        ),
                        format!(
                            "{}: the same 项 is explained twice (also in {}).",
                            sl.en,
                            section_label(first.section).en
                        ),
                    );
                    f.lines = [s.lines.clone(), first.lines.clone()].concat();
                    continue;
                }
                covered.push((row, s));
                let what = || super::row_label(t, row);
                restates(
                    c,
                    s,
                    &what,
                    Some((b.value(row, Col::Total), row.lines.clone())),
                    t.unit,
                    t.number,
                );
            }
            None => {
                let sl = statement_label(s);
                let f = c.report(
                    Severity::Info,
                    format!("{}：在表{}中找不到对应的类、款、项名称，未能核对金额。", sl.zh, t.number),
                    format!("{}: no row of table {} has these 类/款/项 names; the amount was not checked.", sl.en, t.number),
                );
                f.lines = s.lines.clone();
                f.tables = vec![t.number];
            }
        }
    }
    for row in b
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Xiang && !b.value(r, Col::Total).is_zero())
    {
        if !covered.iter().any(|(r, _)| std::ptr::eq(*r, row)) {
            let what = super::row_label(t, row);
            let f = c.report(
                Severity::Warning,
                format!("第三部分 五（三）没有说明{}。", what.zh),
                format!("Part 3, 五(三) does not explain {}.", what.en),
            );
            f.lines = row.lines.clone();
            f.tables = vec![t.number];
        }
    }
    if let Some(total) = b.total() {
        let parts: Vec<Amt> = claims.iter().filter_map(|s| amt(s)).collect();
        let what = Label::new(
            format!("第三部分 五（三）各项之和应等于表{} 合计", t.number),
            format!(
                "Part 3, 五(三): the items should add up to table {}'s total",
                t.number
            ),
        );
        c.sum(
            &what,
            &Amt {
                value: b.value(total, Col::Total),
                lines: total.lines.clone(),
            },
            &parts,
            &[t.number],
        );
    }
    yoy_in(c, 5, 3);
}

/// N6: the reconstructed previous year must be consistent: prior income = prior 基本 + prior
/// 项目 (三), and prior general budget (二) = prior 基本 + prior 项目 (五（一）).
fn prior_consistency(c: &mut Checker) {
    let doc = c.doc;
    let prior = c.previous_year();
    let of =
        |chapter: u8, sub: u8, pred: &dyn Fn(&str) -> bool| -> Vec<&crate::previous::PriorItem> {
            prior
                .items
                .iter()
                .filter(|p| {
                    in_topic(doc, p.section, chapter)
                        && (sub == 0 || p.section.sub == sub)
                        && pred(&p.subject)
                })
                .collect()
        };
    let half = Decimal::new(5, 3);
    let compare = |c: &mut Checker,
                   left: Vec<&crate::previous::PriorItem>,
                   right: Vec<&crate::previous::PriorItem>,
                   zh: &str,
                   en: &str| {
        if left.is_empty() || right.len() < 2 {
            return;
        }
        let l: Decimal = left.iter().map(|p| p.prior).sum();
        let r: Decimal = right.iter().map(|p| p.prior).sum();
        let verdict = tolerance::sum(l, r, left.len() + right.len(), half);
        let (severity, tail_zh, tail_en) = match verdict {
            Verdict::Exact => return,
            Verdict::Rounding => (Severity::Rounding, "在尾差范围内", "within rounding"),
            Verdict::Wrong => (Severity::Error, "超出尾差范围", "beyond rounding"),
        };
        let f = c.report(
            severity,
            format!("按“比上年”推算的上年数：{zh}，一边为 {}，另一边为 {}，{tail_zh}。", amount(l), amount(r)),
            format!("Previous year reconstructed from the 比上年 claims: {en}; one side gives {}, the other {}, {tail_en}.", amount(l), amount(r)),
        );
        f.expected = Some(r);
        f.actual = Some(l);
        f.lines = left
            .iter()
            .chain(&right)
            .flat_map(|p| p.lines.iter().copied())
            .collect();
    };
    let income = of(2, 0, &|_| true);
    let spend3 = of(3, 0, &|s| s.contains("基本支出") || s.contains("项目支出"));
    compare(
        c,
        income,
        spend3,
        "二 各项收入的上年数之和应等于 三 基本支出与项目支出的上年数之和",
        "the prior income sources (二) should add up to prior basic + project spending (三)",
    );
    let gpb = of(2, 0, &|s| s.contains("一般公共预算"));
    let spend5 = of(5, 1, &|s| s.contains("基本支出") || s.contains("项目支出"));
    compare(
        c,
        gpb,
        spend5,
        "二 一般公共预算（含上级转移支付）的上年数应等于 五（一）基本支出与项目支出的上年数之和",
        "the prior general budget incl. transfers (二) should equal prior basic + project (五(一))",
    );
}

/// N12: the changes of 五（三）'s items add up to the change of 基本 + 项目 in 五（一）.
fn item_changes(c: &mut Checker) {
    let doc = c.doc;
    let items: Vec<Amt> = stated(doc, 5, 3)
        .filter(|s| s.section.item > 0)
        .filter_map(|s| {
            s.change.as_ref().map(|ch| Amt {
                value: ch.signed(),
                lines: s.lines.clone(),
            })
        })
        .collect();
    let totals: Vec<Amt> = stated(doc, 5, 1)
        .filter(|s| s.subject.contains("基本支出") || s.subject.contains("项目支出"))
        .filter_map(|s| {
            s.change.as_ref().map(|ch| Amt {
                value: ch.signed(),
                lines: s.lines.clone(),
            })
        })
        .collect();
    if items.len() < 2 || totals.is_empty() {
        return;
    }
    let total = Amt {
        value: totals.iter().map(|a| a.value).sum(),
        lines: totals
            .iter()
            .flat_map(|a| a.lines.iter().copied())
            .collect(),
    };
    let what = Label::new(
        "第三部分 五（三）各项“比上年”变动之和应等于 五（一）基本支出与项目支出的变动之和",
        "Part 3: the year-over-year changes of the items in 五(三) should add up to the change of basic + project spending in 五(一)",
    );
    c.sum(&what, &total, &items, &[]);
}

// The rules, each in its own file under `narrative/`.
mod n1;
mod n10;
mod n11;
mod n12;
mod n14;
mod n3;
mod n4;
mod n5;
mod n6;
mod n7;
mod n8;
mod n9;

pub use n1::N1;
pub use n10::N10;
pub use n11::N11;
pub use n12::N12;
pub use n14::N14;
pub use n3::N3;
pub use n4::N4;
pub use n5::N5;
pub use n6::N6;
pub use n7::N7;
pub use n8::N8;
pub use n9::N9;

/// N8: 四 against 表4.
fn fiscal(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::FiscalSummary) else {
        return;
    };
    restate_found(
        c,
        (4, 0),
        |s| s.contains("总预算") || s.contains("收支预算") || s.contains("收入支出总"),
        income_of(doc, TableKind::FiscalSummary, RowKey::IncomeTotal),
        table_label(doc, TableKind::FiscalSummary, "收入总计", "income total"),
    );
    restate_found(
        c,
        (4, 0),
        |s| s.contains("一般公共预算拨款") || s == "一般公共预算",
        income_of(doc, TableKind::FiscalSummary, RowKey::GeneralBudget),
        table_label(
            doc,
            TableKind::FiscalSummary,
            "一般公共预算",
            "general budget",
        ),
    );
    let Some(b) = t.block(Side::Expense) else {
        return;
    };
    for s in stated(doc, 4, 0).collect::<Vec<_>>() {
        let name = compact(&s.subject);
        let Some(row) = b
            .rows
            .iter()
            .find(|r| r.kind == RowKind::Class && compact(&r.name) == name)
        else {
            continue;
        };
        let what = || super::row_label(t, row);
        restates(
            c,
            s,
            &what,
            Some((b.value(row, Col::Total), row.lines.clone())),
            t.unit,
            t.number,
        );
    }
}
