//! Narrative (第三部分) against the tables, and the narrative's own arithmetic (rules.md §2.3):
//! amounts, shares (占 x%) and year-over-year claims (比上年增加 Δ，增长 g%).

use rust_decimal::Decimal;

use super::{Amt, Label};
use crate::check::tolerance::{self, Growth, Verdict};
use crate::check::{Checker, Finding, Severity};
use crate::format::{amount, percent_as_printed};
use crate::model::*;
use crate::parse::segment::compact;
use crate::parse::topics::main_statement;
use crate::previous::bases;

/// "第三部分 五（三）2" / "Part 3, section 五(三) item 2", with the reader's part numbers: the
/// checker names the 说明 as the document does when it finishes ([`crate::format::as_printed`]).
pub(crate) fn section_label(s: SectionRef) -> Label {
    let (zh, en) = crate::format::section(s);
    Label::new(zh, en)
}

/// Where a statement stands in the document's list (what [`Statement::whole`] points at).
pub(crate) fn index_of(doc: &Document, s: &Statement) -> Option<usize> {
    doc.statements.iter().position(|o| std::ptr::eq(o, s))
}

/// The chapter a section is in: "第三部分 十" ("Part 3, section 十"), named in a rule's message by
/// the chapter the document prints (the 三公 as 七 in a Shanghai 决算), not the Xinjiang one.
pub(crate) fn chapter_label(s: SectionRef) -> Label {
    section_label(SectionRef {
        part: s.part,
        chapter: s.chapter,
        ..SectionRef::default()
    })
}

/// Whether a whole's change and its parts' are measured from the same kind of base: all from the
/// year's budget a 决算 names, or none ([`Change::against_budget`]).
pub(crate) fn same_basis<'s>(
    doc: &Document,
    whole: &Statement,
    parts: impl IntoIterator<Item = &'s Statement>,
) -> bool {
    let year = doc.meta.year.as_ref().map(|y| y.value);
    let basis = |s: &Statement| {
        s.change
            .as_ref()
            .map(|ch| ch.against_budget(doc.meta.kind, year))
    };
    let own = basis(whole);
    parts.into_iter().all(|p| basis(p) == own)
}

/// "第三部分 二「一般公共预算」".
pub(crate) fn statement_label(s: &Statement) -> Label {
    let sec = section_label(s.section);
    Label::new(
        format!("{}「{}」", sec.zh, s.subject),
        format!("{} '{}'", sec.en, s.subject),
    )
}

pub(crate) use crate::parse::topics::{chapters, in_topic};

/// Main (not explanatory) money statements of a topic (see [`chapters`]); `sub` 0 means the
/// whole chapter.
pub(crate) fn stated(doc: &Document, chapter: u8, sub: u8) -> impl Iterator<Item = &Statement> {
    doc.statements
        .iter()
        .filter(move |s| main_statement(doc, s, chapter) && (sub == 0 || s.section.sub == sub))
}

/// The sub-section of 五 that states the general budget's total: （一） where there is one, else
/// the whole chapter (a 说明 that states it, and lists its parts, without sub-headings). The
/// year-over-year claims of the chapter are then all N9's, none left to N10 or N11.
pub(crate) fn general_sub(doc: &Document) -> u8 {
    u8::from(stated(doc, 5, 1).next().is_some())
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

/// A statement's amount in its unit, with its lines (the value's own line first). A count
/// keeps the default unit: it is only ever compared with counts.
pub(crate) fn amt(s: &Statement) -> Option<Amt> {
    let v = s.value.as_ref()?;
    Some(Amt::printed(
        v.value,
        v.unit.money().unwrap_or_default(),
        s.lines.clone(),
    ))
}

/// A statement's "比上年增加/减少 Δ" as a signed amount in its unit, with the statement's lines
/// (0 for 持平); `None` without a change or when Δ is not money.
pub(crate) fn change_amt(s: &Statement) -> Option<Amt> {
    let ch = s.change.as_ref()?;
    let unit = match &ch.amount {
        Some(q) => q.unit.money()?,
        None => s
            .value
            .as_ref()
            .and_then(|q| q.unit.money())
            .unwrap_or_default(),
    };
    Some(Amt::printed(ch.signed(), unit, s.lines.clone()))
}

/// The statement's value in 万元 (`None` for counts and percentages).
fn wan(q: &Quantity) -> Option<Decimal> {
    match q.unit {
        QUnit::Wan => Some(q.value),
        QUnit::Yuan => Some(Unit::Yuan.to_wan(q.value)),
        _ => None,
    }
}

pub(crate) fn unit_of(q: &Quantity) -> Unit {
    if q.unit == QUnit::Yuan {
        Unit::Yuan
    } else {
        Unit::Wan
    }
}

pub(crate) use tolerance::in_unit;

/// Sets a finding's expected value from a table's `v` (in `unit`) put into the unit of the claim
/// it is set against ([`in_unit`]: 873,617.00 元 against a claim in 万元 with two decimals is
/// 87.36), keeping `v` itself as the printed figure to mark when the units differ.
pub(crate) fn expect_in(f: &mut Finding, v: Decimal, unit: Unit, claim: Unit, places: u32) {
    f.expected = Some(in_unit(v, unit, claim, places.max(2)));
    f.printed = (unit != claim).then_some(v);
}

/// The end of a restatement's message: why a difference is a rounding difference, or why it is
/// not one ([`tolerance::twice`]).
pub(crate) fn why_differ(t: &tolerance::Twice, with_unit: bool) -> (Severity, String, String) {
    let diff = crate::check::shown(t.diff.abs(), t.unit, with_unit);
    if t.verdict == Verdict::Rounding {
        (
            Severity::Rounding,
            format!("两数相差 {diff}，是四舍五入（或舍去尾数）造成的尾差"),
            format!("the two differ by {diff}, a rounding difference"),
        )
    } else {
        let step = crate::check::shown(t.step, t.unit, with_unit);
        (
            Severity::Error,
            format!("相差 {diff}，超出四舍五入的尾差（至多 {step}）"),
            format!("they differ by {diff}, more than rounding explains (at most {step})"),
        )
    }
}

/// A narrative amount against the table cell it restates, each in its own unit and compared at
/// the coarser printing's decimals: one unit of that last digit apart is a rounding difference,
/// more is an error ([`tolerance::twice`]). A 元 amount that would match as 万元 is left to the
/// unit-slip rule (U1).
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
    let t = tolerance::twice(q.value, su, tv, unit);
    if t.verdict == Verdict::Exact
        || (su == Unit::Yuan
            && tolerance::twice(q.value, Unit::Wan, tv, unit).verdict != Verdict::Wrong)
    {
        return;
    }
    let (sl, what) = (statement_label(s), what());
    let (sv, tvs) = (amount(q.value), amount(tv));
    let (severity, tail_zh, tail_en) = why_differ(&t, true);
    let f = c.report(
        severity,
        format!(
            "{}为 {sv} {}，而{}为 {tvs} {}：{tail_zh}。",
            sl.zh,
            su.label(),
            what.zh,
            unit.label()
        ),
        format!(
            "{} says {sv} {}, but {} is {tvs} {}: {tail_en}.",
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

/// A stated share against numerator / denominator, the denominator a table's amount in that
/// table's unit (brought exactly into the statement's: 29,400,500.00 元 is 2,940.050000 万元,
/// so the envelope keeps its precision). When it fails with the expected denominator but one of
/// `others` gives it exactly, says which denominator the text used.
pub(crate) fn share(
    c: &mut Checker,
    s: &Statement,
    denominator: (&Label, Decimal, Unit, &[LineNo]),
    others: &[(Label, Decimal, Unit)],
    tables: &[u8],
) {
    let (Some(sh), Some(v)) = (&s.share, &s.value) else {
        return;
    };
    let (den_label, den_printed, den_unit, den_lines) = denominator;
    let su = unit_of(v);
    let den = tolerance::convert(den_printed, den_unit, su);
    let Some((verdict, shown)) = tolerance::share(sh.value, v.value, den) else {
        return;
    };
    let sl = statement_label(s);
    let stated = format!("{}%", sh.value);
    // The denominator as printed, with its unit when it is not the statement's.
    let den_shown = crate::check::shown(den_printed, den_unit, den_unit != su);
    let (severity, zh, en) = match verdict {
        Verdict::Exact => return,
        Verdict::Rounding => (
            Severity::Rounding,
            format!(
                "{}：占比印为 {stated}，按印出的数 {} ÷ {}（{}）得 {}；只有在各数的四舍五入范围内才能得到 {stated}（尾差）。",
                sl.zh,
                amount(v.value),
                den_shown,
                den_label.zh,
                percent_as_printed(shown, sh.value)
            ),
            format!(
                "{}: the share is printed as {stated}; the printed numbers give {} ÷ {} ({}) = {}. {stated} is reachable only within the rounding of the inputs.",
                sl.en,
                amount(v.value),
                den_shown,
                den_label.en,
                percent_as_printed(shown, sh.value)
            ),
        ),
        Verdict::Wrong => {
            let alt = others.iter().find_map(|(l, d, u)| {
                let d = tolerance::convert(*d, *u, su);
                let (v2, _) = tolerance::share(sh.value, v.value, d)?;
                (v2 != Verdict::Wrong).then_some(l)
            });
            match alt {
                Some(l) => (
                    Severity::Warning,
                    format!("{}：占比 {stated} 是以{}为分母算出的，而非{}（{} ÷ {} = {}）。", sl.zh, l.zh, den_label.zh, amount(v.value), den_shown, percent_as_printed(shown, sh.value)),
                    format!(
                        "{}: the share {stated} was computed over {}, not over {} ({} ÷ {} = {}).",
                        sl.en,
                        l.en,
                        den_label.en,
                        amount(v.value),
                        den_shown,
                        percent_as_printed(shown, sh.value)
                    ),
                ),
                None => (
                    Severity::Error,
                    format!("{}：占比印为 {stated}，但 {} ÷ {}（{}）= {}，各数四舍五入的范围内也得不到 {stated}。", sl.zh, amount(v.value), den_shown, den_label.zh, percent_as_printed(shown, sh.value)),
                    format!("{}: the share is printed as {stated}, but {} ÷ {} ({}) = {}, and no rounding of the inputs gives {stated}.", sl.en, amount(v.value), den_shown, den_label.en, percent_as_printed(shown, sh.value)),
                ),
            }
        }
    };
    let f = c.report(severity, zh, en);
    f.expected = Some(shown);
    f.actual = Some(sh.value);
    f.percent = true;
    f.lines = [s.lines.clone(), den_lines.to_vec()].concat();
    f.tables = tables.to_vec();
}

/// Every year-over-year claim of a section: the growth rate against the stated change and
/// current amount, and the two direction words against each other (rules.md §0).
pub(crate) fn yoy_in(c: &mut Checker, chapter: u8, sub: u8) {
    let doc = c.doc;
    for (i, s) in doc.statements.iter().enumerate() {
        if in_topic(doc, s.section, chapter)
            && (sub == 0 || s.section.sub == sub)
            && !s.in_reason
            && s.growth.is_some()
        {
            c.yoy_taken.push(i);
            yoy(c, s);
        }
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
    // Where the base is in doubt (last year's value or this year's), the one that makes the
    // claim hold, if exactly one does; none judged when more than one does. When none does, the
    // claim is wrong whichever it is measured from, and it is judged from this year's amount (the
    // second: [`bases`] gives last year's first).
    let consistent = |q: &&&Quantity| {
        matches!(
            tolerance::growth(g.value, q.value, change.signed()),
            Some(Growth::Checked(Verdict::Exact | Verdict::Rounding, _))
        )
    };
    let cur = match bases(doc, s).as_slice() {
        [one] => *one,
        [] => return,
        many => match many
            .iter()
            .filter(consistent)
            .collect::<Vec<_>>()
            .as_slice()
        {
            [one] => **one,
            [] => many[1],
            _ => return,
        },
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
    // What the change is measured from: last year, or the year's budget a 决算 compares with.
    let year = doc.meta.year.as_ref().map(|y| y.value);
    let (was_zh, was_en) = if change.against_budget(doc.meta.kind, year) {
        ("预算数为", "the budget was")
    } else {
        ("上年为", "last year was")
    };
    let stated = format!("{}%", g.value);
    let (severity, zh, en, expected) = match result {
        Growth::Checked(Verdict::Exact, _) => return,
        Growth::FromZero { customary: true } if signed.is_zero() => return,
        Growth::Checked(Verdict::Rounding, shown) => (
            Severity::Rounding,
            format!("{}：{was_zh} {} − ({}) = {}，变动率印为 {stated}，按印出的数得 {}，在尾差范围内。", sl().zh, amount(cur.value), amount(signed), amount(prior), percent_as_printed(shown, g.value)),
            format!(
                "{}: {was_en} {} − ({}) = {}; the rate is printed as {stated}, the printed numbers give {}, within rounding.",
                sl().en,
                amount(cur.value),
                amount(signed),
                amount(prior),
                percent_as_printed(shown, g.value)
            ),
            Some(shown),
        ),
        Growth::Checked(_, shown) => (
            Severity::Error,
            format!("{}：{was_zh} {} − ({}) = {}，变动率应为 {}，印为 {stated}，各数四舍五入的范围内也得不到。", sl().zh, amount(cur.value), amount(signed), amount(prior), percent_as_printed(shown, g.value)),
            format!(
                "{}: {was_en} {} − ({}) = {}, so the rate is {}, not {stated}, which no rounding of the inputs gives.",
                sl().en,
                amount(cur.value),
                amount(signed),
                amount(prior),
                percent_as_printed(shown, g.value)
            ),
            Some(shown),
        ),
        Growth::FromZero { customary: true } => (
            Severity::Info,
            format!("{}：{was_zh} 0，“增长 {stated}”是惯用写法，严格说增长率无从计算。", sl().zh),
            format!("{}: {was_en} zero; \"{stated} growth\" is the customary wording, though a rate from zero is undefined.", sl().en),
            None,
        ),
        Growth::FromZero { customary: false } => (
            Severity::Warning,
            format!("{}：{was_zh} 0，增长率无从计算，却印为 {stated}。", sl().zh),
            format!("{}: {was_en} zero, so no rate exists, yet {stated} is printed.", sl().en),
            None,
        ),
    };
    let f = c.report(severity, zh, en);
    f.expected = expected;
    f.actual = Some(g.value);
    f.percent = true;
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

fn table_label(doc: &Document, kind: TableKind, what_zh: &str, what_en: &str) -> Label {
    let n = doc.table(kind).map_or(0, |t| t.number);
    Label::new(format!("表{n} {what_zh}"), format!("table {n} {what_en}"))
}

/// A section's amount and its parts as the text states them, when all are stated: the first
/// main statement of the section whose subject satisfies `total`, and for each of `parts` the
/// first after it whose subject satisfies that predicate (the predicates exclude each other).
/// The parts must add up to the total ([`Checker::sum`]: exact, within half a printed unit per
/// part as rounding, else an error). Text alone: no table is cited, and it runs whether the
/// tables are there or not. Nothing is judged when one of them is not stated.
pub(crate) fn stated_split(
    c: &mut Checker,
    (chapter, sub): (u8, u8),
    total: &dyn Fn(&str) -> bool,
    parts: &[&dyn Fn(&str) -> bool],
    (zh, en): (&str, &str),
) {
    let doc = c.doc;
    let all: Vec<&Statement> = stated(doc, chapter, sub).collect();
    let Some(at) = all.iter().position(|s| total(&s.subject)) else {
        return;
    };
    let mut amts = Vec::with_capacity(parts.len());
    for p in parts {
        let Some(a) = all[at + 1..]
            .iter()
            .find(|s| p(&s.subject))
            .and_then(|s| amt(s))
        else {
            return;
        };
        amts.push(a);
    }
    // Another part listed with them ("其中：基本支出…；项目支出…；经营支出 2,000 万元", on one
    // line or a line each): the whole is not these parts alone, and nothing is judged.
    let listed = |s: &Statement| parts.iter().any(|p| p(&s.subject));
    let index = index_of(doc, all[at]);
    let third = doc
        .statements
        .iter()
        .any(|s| index.is_some() && s.whole == index && !listed(s));
    if third {
        return;
    }
    let Some(t) = amt(all[at]) else { return };
    let sl = statement_label(all[at]);
    let what = Label::new(format!("{}：{zh}", sl.zh), format!("{}: {en}", sl.en));
    c.sum(&what, &t, &amts, &[]);
}

/// Without the table a section's shares are set against: each stated share ("占 x%") over the
/// stated amount it is a part of ("X a 万元，其中：A b 万元，占 p%", [`Statement::whole`]), else over
/// `fallback` (the section's stated total, which the table's total would be), under the same
/// tolerance as against the table ([`share`]). Text alone: no table is cited.
pub(crate) fn shares_in_text(
    c: &mut Checker,
    (chapter, sub): (u8, u8),
    fallback: Option<&Statement>,
) {
    let doc = c.doc;
    let money =
        |w: &&Statement| !w.in_reason && w.value.as_ref().is_some_and(|q| q.unit.money().is_some());
    for s in stated(doc, chapter, sub)
        .filter(|s| s.share.is_some())
        .collect::<Vec<_>>()
    {
        let den = s
            .whole
            .and_then(|i| doc.statements.get(i))
            .filter(money)
            .or(fallback.filter(|f| !std::ptr::eq(*f, s)).filter(money));
        let Some((den, q)) = den.and_then(|d| Some((d, d.value.as_ref()?))) else {
            continue;
        };
        let Some(unit) = q.unit.money() else { continue };
        let label = statement_label(den);
        share(c, s, (&label, q.value, unit, &den.lines), &[], &[]);
    }
}

/// N7 / N9: a chapter's total, 基本 and 项目 against a table's total row, their shares, and
/// their year-over-year claims; without the table, the shares over the stated total and the
/// year-over-year claims. The total = 基本 + 项目 as stated, always (`split`: where the
/// chapter's spending is only those two, as a budget's and a 一般公共预算's is).
fn spending(
    c: &mut Checker,
    (chapter, sub): (u8, u8),
    kind: TableKind,
    total_words: &[&str],
    split: bool,
) {
    let doc = c.doc;
    let words: Vec<String> = total_words.iter().map(|w| (*w).to_owned()).collect();
    let is_total = move |s: &str| words.iter().any(|w| s.contains(w.as_str()));
    let basic = |s: &str| s.contains("基本支出") && !s.contains("项目支出");
    let project = |s: &str| s.contains("项目支出") && !s.contains("基本支出");
    let whole = |s: &str| is_total(s) && !s.contains("基本支出") && !s.contains("项目支出");
    if split {
        stated_split(
            c,
            (chapter, sub),
            &whole,
            &[&basic, &project],
            (
                "应等于所述基本支出与项目支出之和",
                "should be the stated basic plus project spending",
            ),
        );
    }
    let Some(t) = c.table(kind) else {
        let total = stated(doc, chapter, sub).find(|s| whole(&s.subject));
        shares_in_text(c, (chapter, sub), total);
        yoy_in(c, chapter, sub);
        return;
    };
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
    if let Some((den, lines, den_unit, _)) = cell(Col::Total) {
        let den_label = Label::new(
            format!("表{} 支出合计", t.number),
            format!("table {} total spending", t.number),
        );
        let others: Vec<(Label, Decimal, Unit)> =
            total_of(doc, TableKind::GeneralExpense, Side::Whole, Col::Total)
                .map(|(v, _, u, _)| {
                    (
                        table_label(
                            doc,
                            TableKind::GeneralExpense,
                            "一般公共预算支出合计",
                            "general-budget total",
                        ),
                        v,
                        u,
                    )
                })
                .into_iter()
                .collect();
        for s in stated(doc, chapter, sub)
            .filter(|s| s.share.is_some())
            .collect::<Vec<_>>()
        {
            share(
                c,
                s,
                (&den_label, den, den_unit, &lines),
                &others,
                &[t.number],
            );
        }
    }
    yoy_in(c, chapter, sub);
}

/// The 类 / 款 / 项 names of a 五（三） heading ("一般公共服务支出（类）人大事务（款）代表工作（项）").
/// Brackets count alike full- or half-width, even mixed ("（款)", as a held-out unit budget
/// prints half its items).
pub(crate) fn path_names(subject: &str) -> Vec<String> {
    let subject = subject.replace('(', "（").replace(')', "）");
    let mut out = Vec::new();
    let mut rest = subject.as_str();
    for tag in ["（类）", "（款）", "（项）"] {
        let Some((name, r)) = rest.split_once(tag) else {
            break;
        };
        out.push(compact(name.trim_matches(['“', '”', '"'])));
        rest = r;
    }
    out
}

/// The 类/款/项 names of the item a purpose's text names: a "A（类）B（款）C（项）" path, or a quoted
/// "“A-B-C”" path; `None` when the text names no full path, or more than one.
pub(crate) fn item_path(item: &str) -> Option<Vec<String>> {
    let separators =
        |c: char| c.is_ascii_digit() || c.is_whitespace() || "、.．“”\"，。；：:,;".contains(c);
    let tagged = ["（项）", "(项)"].iter().any(|t| item.contains(t));
    if tagged {
        if item.matches("（项）").count() + item.matches("(项)").count() != 1 {
            return None;
        }
        let class_at = item.find("（类）").or_else(|| item.find("(类)"))?;
        let start = item[..class_at]
            .char_indices()
            .rev()
            .find(|&(_, c)| separators(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let names = path_names(&item[start..]);
        return (names.len() == 3 && names.iter().all(|n| !n.is_empty())).then_some(names);
    }
    let mut found = None;
    for quoted in item.split('“').skip(1) {
        let Some((inside, _)) = quoted.split_once('”') else {
            continue;
        };
        let parts: Vec<String> = inside.split(['-', '－']).map(compact).collect();
        if parts.len() == 3 && parts.iter().all(|p| !p.is_empty()) {
            if found.is_some() {
                return None;
            }
            found = Some(parts);
        }
    }
    found
}

/// A name as compared: no spaces, and 其它 and 其他 are one word.
pub(crate) fn norm_name(name: &str) -> String {
    compact(name).replace('它', "他")
}

/// A block's rows by name, to find a 类/款/项 name path in one look-up (F5, N32).
pub(crate) struct PathIndex<'b> {
    /// The name of each coded row, by code.
    by_code: std::collections::HashMap<&'b str, String>,
    /// 项 rows by name.
    xiang: std::collections::HashMap<String, Vec<&'b Row>>,
}

impl<'b> PathIndex<'b> {
    pub(crate) fn new(b: &'b Block) -> Self {
        let mut by_code = std::collections::HashMap::new();
        let mut xiang: std::collections::HashMap<String, Vec<&Row>> =
            std::collections::HashMap::new();
        for r in &b.rows {
            let Some(code) = r.code_str() else { continue };
            by_code.entry(code).or_insert_with(|| norm_name(&r.name));
            if r.kind == RowKind::Xiang {
                xiang.entry(norm_name(&r.name)).or_default().push(r);
            }
        }
        PathIndex { by_code, xiang }
    }

    /// The 项 row of a 类/款/项 name path.
    pub(crate) fn row(&self, names: &[String]) -> Option<&'b Row> {
        let [class, kuan, xiang] = names else {
            return None;
        };
        let (class, kuan) = (norm_name(class), norm_name(kuan));
        let named = |code: Option<&str>, want: &str| {
            code.and_then(|c| self.by_code.get(c))
                .is_some_and(|n| n == want)
        };
        self.xiang
            .get(&norm_name(xiang))?
            .iter()
            .copied()
            .find(|r| {
                let code = r.code_str().unwrap_or_default();
                named(code.get(..3), &class) && named(code.get(..5), &kuan)
            })
    }
}

// The rules, each in its own file under `narrative/`.
mod n1;
mod n10;
mod n11;
mod n12;
mod n14;
mod n3;
mod n32;
mod n33;
mod n34;
mod n36;
mod n37;
mod n38;
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
pub use n32::N32;
pub use n33::N33;
pub use n34::N34;
pub use n36::N36;
pub use n37::N37;
pub use n38::N38;
pub use n4::N4;
pub use n5::N5;
pub use n6::N6;
pub use n7::N7;
pub use n8::N8;
pub use n9::N9;
