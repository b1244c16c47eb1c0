//! Within-table identities of the coded tables (rules.md §2.1): each row's columns add up
//! (T2.1, T2.2, T3.1, …), and each level of the 类/款/项 hierarchy adds up to the level above
//! (T2.3–T2.5, T3.2–T3.4, …). One mechanism serves every table; each rule names its table.

use rust_decimal::Decimal;

use super::{row_label, table_label};
use crate::check::tolerance::{self, Verdict};
use crate::check::{Checker, Severity};
use crate::format::amount;
use crate::model::*;
use crate::parse::schema;

/// Every row of a table: each column identity of the table's schema holds
/// (总计 = 小计 + …; 合计 = 基本支出 + 项目支出; …).
pub(super) fn row_identities(c: &mut Checker, kind: TableKind, side: Side, only: Option<Col>) {
    let Some(t) = c.table(kind) else { return };
    let Some(b) = t.block(side) else { return };
    for id in schema::identities(kind) {
        if only.is_some_and(|o| o != id.total) {
            continue;
        }
        let Some(ti) = b.col(id.total) else { continue };
        let parts: Vec<usize> = id.parts.iter().filter_map(|&p| b.col(p)).collect();
        if parts.is_empty() {
            continue;
        }
        for r in &b.rows {
            let cells: Vec<Option<Cell>> = parts.iter().map(|&i| r.cells[i]).collect();
            if r.cells[ti].is_none() && cells.iter().all(Option::is_none) {
                continue;
            }
            let total = r.cells[ti].map_or(Decimal::ZERO, |x| x.value);
            let sum: Decimal = cells.iter().flatten().map(|x| x.value).sum();
            let used = cells.iter().flatten().count();
            let half = tolerance::half_unit_of(r.cells.iter().flatten().map(|x| &x.value));
            let verdict = tolerance::sum(total, sum, used, half);
            if verdict == Verdict::Exact {
                continue;
            }
            let names: Vec<String> = id
                .parts
                .iter()
                .filter(|&&p| b.col(p).is_some())
                .map(|p| p.title().into_owned())
                .collect();
            let what_zh = format!(
                "{}：{} 应等于 {}",
                row_label(t, r).zh,
                id.total.title(),
                names.join(" + ")
            );
            let what_en = format!(
                "{}: {} should equal {}",
                row_label(t, r).en,
                id.total.title(),
                names.join(" + ")
            );
            let gap = Gap {
                printed: r.cells[ti].map(|x| x.value),
                sum,
                parts: used,
                half,
            };
            report_gap(
                c,
                verdict,
                (&what_zh, &what_en),
                gap,
                r.lines.clone(),
                t.number,
            );
        }
    }
}

/// A printed total (`None`: its cell is empty), what its parts add up to, how many parts
/// there are, and half the unit they are printed to.
struct Gap {
    printed: Option<Decimal>,
    sum: Decimal,
    parts: usize,
    half: Decimal,
}

/// Reports a row whose columns do not add up: rounding or error, as `verdict` says.
fn report_gap(
    c: &mut Checker,
    verdict: Verdict,
    (what_zh, what_en): (&str, &str),
    gap: Gap,
    lines: Vec<LineNo>,
    table: u8,
) {
    let Gap {
        printed,
        sum,
        parts: n,
        half,
    } = gap;
    let total = printed.unwrap_or_default();
    let (s, d) = (amount(sum), amount(total - sum));
    let (p_zh, p_en) = match printed {
        Some(p) => (
            format!("印出 {}", amount(p)),
            format!("printed {}", amount(p)),
        ),
        None => ("没有印出数字".to_owned(), "nothing printed".to_owned()),
    };
    let env = amount((half * Decimal::from(n.max(2))).normalize());
    let (severity, zh, en) = match verdict {
        Verdict::Exact => return,
        Verdict::Rounding => (
            Severity::Rounding,
            format!("{what_zh}：{p_zh}，相加得 {s}，相差 {d}，在 {n} 项的尾差范围内，是四舍五入造成的。"),
            format!("{what_en}: {p_en}, the parts give {s}, a difference of {d}, within the rounding of {n} parts."),
        ),
        Verdict::Wrong => (
            Severity::Error,
            format!("{what_zh}：{p_zh}，但相加得 {s}，相差 {d}，超出 {n} 项四舍五入的尾差（至多 {env}）。"),
            format!("{what_en}: {p_en}, but the parts give {s}, a difference of {d}, more than the rounding of {n} parts explains (at most {env})."),
        ),
    };
    let f = c.report(severity, zh, en);
    match printed {
        Some(_) => (f.actual, f.expected) = (printed, Some(sum)),
        // An empty total against one printed part: the part is the printed value, and the
        // empty cell implies zero in its place.
        None if n == 1 => (f.actual, f.expected) = (Some(sum), Some(Decimal::ZERO)),
        None => f.expected = Some(sum),
    }
    f.lines = lines;
    f.tables = vec![table];
}

/// A level of the hierarchy: which rows are parents and which are their children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Level {
    /// 总计 = Σ 类 (or, in 表7 and 表11, the department row = Σ of what is under it).
    Total,
    /// 类 = Σ 款.
    Class,
    /// 款 = Σ 项 (or Σ project rows in 表7).
    Kuan,
}

/// The children of `parent` at the level below.
fn children<'b>(b: &'b Block, parent: &Row, level: Level) -> Vec<&'b Row> {
    match level {
        Level::Total => b
            .rows
            .iter()
            .filter(|r| {
                r.kind == RowKind::Class
                    || (r.kind == RowKind::Item && r.code.is_none() && r.key.is_none())
            })
            .collect(),
        Level::Class | Level::Kuan => {
            let Some(pc) = &parent.code else {
                return Vec::new();
            };
            let want: &[RowKind] = if level == Level::Class {
                &[RowKind::Kuan]
            } else {
                &[RowKind::Xiang, RowKind::Project]
            };
            b.rows
                .iter()
                .filter(|r| {
                    want.contains(&r.kind) && r.code.as_ref().is_some_and(|c| c.is_within(pc))
                })
                .collect()
        }
    }
}

/// Each parent of a level equals the sum of its children, column by column. One finding per
/// parent row, naming every column that does not add up.
pub(super) fn nesting(c: &mut Checker, kind: TableKind, side: Side, level: Level) {
    let Some(t) = c.table(kind) else { return };
    let Some(b) = t.block(side) else { return };
    let parents: Vec<&Row> = match level {
        Level::Total => b
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::Total)
            .take(1)
            .collect(),
        Level::Class => b.rows.iter().filter(|r| r.kind == RowKind::Class).collect(),
        Level::Kuan => b.rows.iter().filter(|r| r.kind == RowKind::Kuan).collect(),
    };
    for parent in parents {
        let kids = children(b, parent, level);
        if kids.is_empty() {
            continue;
        }
        let mut worst = Verdict::Exact;
        let mut parts_zh = Vec::new();
        let mut parts_en = Vec::new();
        let mut first: Option<(Option<Decimal>, Decimal, usize)> = None;
        let mut envelope = Decimal::ZERO;
        for (ci, col) in b.columns.iter().enumerate() {
            let printed = parent.cells[ci].map(|x| x.value);
            let vals: Vec<Decimal> = kids
                .iter()
                .filter_map(|k| k.cells[ci].map(|x| x.value))
                .collect();
            if printed.is_none() && vals.is_empty() {
                continue;
            }
            let p = printed.unwrap_or_default();
            let s: Decimal = vals.iter().sum();
            let half = tolerance::half_unit_of(vals.iter().chain(printed.as_ref()));
            let v = tolerance::sum(p, s, vals.len(), half);
            if v == Verdict::Exact {
                continue;
            }
            if v == Verdict::Wrong || worst == Verdict::Exact {
                worst = v;
            }
            envelope = envelope.max(half * Decimal::from(vals.len().max(2)));
            first.get_or_insert((printed, s, vals.len()));
            let (p_zh, p_en) = match printed {
                Some(p) => (
                    format!("印出 {}", amount(p)),
                    format!("printed {}", amount(p)),
                ),
                None => ("没有印出数字".to_owned(), "nothing printed".to_owned()),
            };
            parts_zh.push(format!("{}{p_zh}、相加得 {}", col.title(), amount(s)));
            parts_en.push(format!("{} {p_en}, sum {}", col.title(), amount(s)));
        }
        let Some((p, s, used)) = first else { continue };
        let what = row_label(t, parent);
        let level_zh = match level {
            Level::Total => "各类之和",
            Level::Class => "所属各款之和",
            Level::Kuan => {
                if kind == TableKind::GeneralProjects {
                    "所属各项目之和"
                } else {
                    "所属各项之和"
                }
            }
        };
        let level_en = match level {
            Level::Total => "the sum of its classes (类)",
            Level::Class => "the sum of its 款",
            Level::Kuan => {
                if kind == TableKind::GeneralProjects {
                    "the sum of its projects"
                } else {
                    "the sum of its 项"
                }
            }
        };
        let n = kids.len();
        let (severity, tail_zh, tail_en) = match worst {
            Verdict::Rounding => (
                Severity::Rounding,
                format!("在 {n} 项的尾差范围内"),
                format!("within the rounding of {n} parts"),
            ),
            _ => {
                let env = amount(envelope.normalize());
                (
                    Severity::Error,
                    format!("超出四舍五入的尾差（每列至多 {env}）"),
                    format!("more than rounding explains (at most {env} per column)"),
                )
            }
        };
        let zh = format!(
            "{} 不等于{}：{}；{}。",
            what.zh,
            level_zh,
            parts_zh.join("；"),
            tail_zh
        );
        let en = format!(
            "{} is not {}: {}; {}.",
            what.en,
            level_en,
            parts_en.join("; "),
            tail_en
        );
        let mut lines = parent.lines.clone();
        lines.extend(
            kids.iter()
                .filter(|k| k.cells.iter().any(Option::is_some))
                .flat_map(|k| k.lines.iter().copied()),
        );
        let f = c.report(severity, zh, en);
        match p {
            Some(_) => (f.actual, f.expected) = (p, Some(s)),
            // An empty total against one printed part: the part is the printed value, and the
            // empty cell implies zero in its place.
            None if used == 1 => (f.actual, f.expected) = (Some(s), Some(Decimal::ZERO)),
            None => f.expected = Some(s),
        }
        f.lines = lines;
        f.tables = vec![t.number];
    }
}

/// The department row (表7, 表11) repeats 总计: the same quantity printed twice.
pub(super) fn unit_equals_total(c: &mut Checker, kind: TableKind) {
    let Some(t) = c.table(kind) else { return };
    let Some(b) = t.main() else { return };
    let (Some(total), Some(unit)) = (b.total(), b.rows.iter().find(|r| r.kind == RowKind::Unit))
    else {
        return;
    };
    let label = table_label(t);
    for &col in &b.columns {
        let (a, u) = (
            super::Amt::cell(t, b, total, col),
            super::Amt::cell(t, b, unit, col),
        );
        if a.value == u.value {
            continue;
        }
        c.same(
            &super::Label::new(
                format!("{}：单位行 {}", label.zh, col.title()),
                format!("{}: the department row's {}", label.en, col.title()),
            ),
            &u,
            &super::Label::new(
                format!("总计 {}", col.title()),
                format!("总计 {}", col.title()),
            ),
            &a,
            &[t.number],
        );
    }
}

/// A 表6 row's amount: its 合计, or, where the layout prints no 合计 column (the Shanghai
/// 决算 lists 人员经费 and 公用经费 items in two panels of one 决算数 each), its cell in the
/// panel's column `col`.
pub(super) fn row_amount(b: &Block, r: &Row, col: Col) -> Decimal {
    if b.col(Col::Total).is_some() {
        b.value(r, Col::Total)
    } else {
        b.value(r, col)
    }
}

/// 表6 人员经费 / 公用经费 totals equal the classes that make them up.
pub(super) fn personnel_public_split(c: &mut Checker, col: Col, classes: &[&str]) {
    let Some(t) = c.table(TableKind::GeneralBasic) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let Some(total) = b.total() else { return };
    let Some(printed) = b.cell(total, col) else {
        return;
    };
    let parts: Vec<super::Amt> = b
        .rows
        .iter()
        .filter(|r| {
            r.kind == RowKind::Class && r.code_str().is_some_and(|code| classes.contains(&code))
        })
        .map(|r| {
            let col = if b.col(Col::Total).is_some() {
                Col::Total
            } else {
                col
            };
            super::Amt::cell(t, b, r, col)
        })
        .collect();
    if parts.is_empty() {
        return;
    }
    let what = super::Label::new(
        format!(
            "表{} {}总计（{}）",
            t.number,
            col.title(),
            classes.join(" + ")
        ),
        format!(
            "Table {} {} total ({})",
            t.number,
            col.title(),
            classes.join(" + ")
        ),
    );
    c.sum(
        &what,
        &super::Amt::at(printed.value, t.unit, printed.line),
        &parts,
        &[t.number],
    );
}

// The rules, each in its own file under `structure/`.
mod t10_3;
mod t11_1;
mod t11_2;
mod t11_3;
mod t11_4;
mod t2_1;
mod t2_2;
mod t2_3;
mod t2_4;
mod t2_5;
mod t3_1;
mod t3_2;
mod t3_3;
mod t3_4;
mod t4_3;
mod t4_4;
mod t5_1;
mod t5_2;
mod t5_3;
mod t5_4;
mod t6_1;
mod t6_2;
mod t6_3;
mod t6_4;
mod t6_5;
mod t6_6;
mod t7_1;
mod t7_2;
mod t7_3;
mod t7_4;
mod t7_5;
mod t8_1;
mod t9_1;

pub use t10_3::T10_3;
pub use t11_1::T11_1;
pub use t11_2::T11_2;
pub use t11_3::T11_3;
pub use t11_4::T11_4;
pub use t2_1::T2_1;
pub use t2_2::T2_2;
pub use t2_3::T2_3;
pub use t2_4::T2_4;
pub use t2_5::T2_5;
pub use t3_1::T3_1;
pub use t3_2::T3_2;
pub use t3_3::T3_3;
pub use t3_4::T3_4;
pub use t4_3::T4_3;
pub use t4_4::T4_4;
pub use t5_1::T5_1;
pub use t5_2::T5_2;
pub use t5_3::T5_3;
pub use t5_4::T5_4;
pub use t6_1::T6_1;
pub use t6_2::T6_2;
pub use t6_3::T6_3;
pub use t6_4::T6_4;
pub use t6_5::T6_5;
pub use t6_6::T6_6;
pub use t7_1::T7_1;
pub use t7_2::T7_2;
pub use t7_3::T7_3;
pub use t7_4::T7_4;
pub use t7_5::T7_5;
pub use t8_1::T8_1;
pub use t9_1::T9_1;
