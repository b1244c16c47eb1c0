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
                printed: total,
                sum,
                parts: used,
            };
            emit(
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

/// A printed total, what its parts add up to, and how many parts there are.
struct Gap {
    printed: Decimal,
    sum: Decimal,
    parts: usize,
}

fn emit(
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
    } = gap;
    let (p, s, d) = (amount(printed), amount(sum), amount(printed - sum));
    let (severity, zh, en) = match verdict {
        Verdict::Exact => return,
        Verdict::Rounding => (
            Severity::Rounding,
            format!("{what_zh}：印出 {p}，相加得 {s}，相差 {d}，在 {n} 项的尾差范围内。"),
            format!("{what_en}: printed {p}, the parts give {s}, a difference of {d}, within the rounding of {n} parts."),
        ),
        Verdict::Wrong => (
            Severity::Error,
            format!("{what_zh}：印出 {p}，但相加得 {s}，相差 {d}，超出尾差范围。"),
            format!("{what_en}: printed {p}, but the parts give {s}, a difference of {d}, beyond rounding."),
        ),
    };
    let f = c.report(severity, zh, en);
    f.expected = Some(sum);
    f.actual = Some(printed);
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
        let mut first: Option<(Decimal, Decimal)> = None;
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
            first.get_or_insert((p, s));
            parts_zh.push(format!(
                "{}印出 {}、相加得 {}",
                col.title(),
                amount(p),
                amount(s)
            ));
            parts_en.push(format!(
                "{} printed {}, sum {}",
                col.title(),
                amount(p),
                amount(s)
            ));
        }
        let Some((p, s)) = first else { continue };
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
            _ => (
                Severity::Error,
                "超出尾差范围".to_owned(),
                "beyond rounding".to_owned(),
            ),
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
        f.expected = Some(s);
        f.actual = Some(p);
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
    for (ci, col) in b.columns.iter().enumerate() {
        let (a, u) = (
            total.cells[ci].map(|x| x.value),
            unit.cells[ci].map(|x| x.value),
        );
        if a.unwrap_or_default() != u.unwrap_or_default() {
            let label = table_label(t);
            let f = c.report(
                Severity::Error,
                format!(
                    "{}：单位行 {} {} 与总计 {} 不同。",
                    label.zh,
                    col.title(),
                    amount(u.unwrap_or_default()),
                    amount(a.unwrap_or_default())
                ),
                format!(
                    "{}: the department row's {} ({}) differs from 总计 ({}).",
                    label.en,
                    col.title(),
                    amount(u.unwrap_or_default()),
                    amount(a.unwrap_or_default())
                ),
            );
            f.expected = a;
            f.actual = u;
            f.lines = [total.lines.clone(), unit.lines.clone()].concat();
            f.tables = vec![t.number];
        }
    }
}

/// 表6: 301 and 303 rows carry amounts only under 人员经费, 302 and 310 only under 公用经费.
pub(super) fn economic_discipline(c: &mut Checker) {
    let Some(t) = c.table(TableKind::GeneralBasic) else {
        return;
    };
    let Some(b) = t.main() else { return };
    for r in b.rows.iter() {
        let Some(code) = r.code_str() else { continue };
        let (wrong, right) = match code.get(..3) {
            Some("301" | "303") => (Col::Public, "人员经费"),
            Some("302" | "310") => (Col::Personnel, "公用经费"),
            _ => continue,
        };
        let Some(cell) = b.cell(r, wrong).filter(|x| !x.value.is_zero()) else {
            continue;
        };
        let label = row_label(t, r);
        let f = c.report(
            Severity::Warning,
            format!(
                "{}：{} 类科目应列入{}，却在{}列有 {}。",
                label.zh,
                &code[..3],
                right,
                wrong.title(),
                amount(cell.value)
            ),
            format!(
                "{}: class {} belongs under {}, but {} is printed under {}.",
                label.en,
                &code[..3],
                right,
                amount(cell.value),
                wrong.title()
            ),
        );
        f.actual = Some(cell.value);
        f.lines = r.lines.clone();
        f.tables = vec![t.number];
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
        .map(|r| super::Amt {
            value: row_amount(b, r, col),
            lines: r.lines.clone(),
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
        &super::Amt::at(printed.value, printed.line),
        &parts,
        &[t.number],
    );
}

rules! {
    /// 表2, every row: 总计 = 财政拨款小计 + 财政专户 + 单位资金 + 财政拨款结转 + 非财政拨款结转结余.
    /// Why: a row whose columns do not add up misstates where the money comes from.
    /// Example: "201 … 1,664.74 1,656.14 1,656.14 8.60" holds: 1,664.74 = 1,656.14 + 8.60.
    T2_1 = "T2.1", "表2 每行：总计 = 财政拨款小计 + 财政专户 + 单位资金 + 结转", "Table 2, every row: total = appropriations subtotal + special account + unit funds + carry-overs",
        |c| row_identities(c, TableKind::Income, Side::Whole, Some(Col::Total));
    /// 表2, every row: 财政拨款小计 = its six budget sources.
    /// Why: the subtotal is what the government appropriates; its parts name the budget.
    /// Example: "207 … 4.60 0.30 4.30": 4.60 = 0.30 (本级) + 4.30 (上级转移支付).
    T2_2 = "T2.2", "表2 每行：财政拨款小计 = 六项预算来源之和", "Table 2, every row: appropriations subtotal = its six budget sources",
        |c| row_identities(c, TableKind::Income, Side::Whole, Some(Col::FiscalSubtotal));
    /// 表2, every column: 总计 = Σ 类. Example: the sample's c1 classes sum to 2,300.51 against
    /// 2,300.52 (rounding: 208 carries 20805's 尾差).
    T2_3 = "T2.3", "表2 各列：总计 = 各类之和", "Table 2, every column: total = sum of classes",
        |c| nesting(c, TableKind::Income, Side::Whole, Level::Total);
    /// 表2, every column: 类 = Σ 款. Why: a class that is not the sum of its 款 hides money.
    T2_4 = "T2.4", "表2 各列：类 = 所属各款之和", "Table 2, every column: class = sum of its 款",
        |c| nesting(c, TableKind::Income, Side::Whole, Level::Class);
    /// 表2, every column: 款 = Σ 项. Example: 20805 prints 248.91; its 项 give
    /// 1.77 + 203.41 + 43.74 = 248.92 (rounding).
    T2_5 = "T2.5", "表2 各列：款 = 所属各项之和", "Table 2, every column: 款 = sum of its 项",
        |c| nesting(c, TableKind::Income, Side::Whole, Level::Kuan);
    /// 表3, every row: 合计 = 基本支出 + 项目支出.
    T3_1 = "T3.1", "表3 每行：合计 = 基本支出 + 项目支出", "Table 3, every row: total = basic + project",
        |c| row_identities(c, TableKind::Expense, Side::Whole, None);
    /// 表3, every column: 总计 = Σ 类.
    T3_2 = "T3.2", "表3 各列：总计 = 各类之和", "Table 3, every column: total = sum of classes",
        |c| nesting(c, TableKind::Expense, Side::Whole, Level::Total);
    /// 表3, every column: 类 = Σ 款.
    T3_3 = "T3.3", "表3 各列：类 = 所属各款之和", "Table 3, every column: class = sum of its 款",
        |c| nesting(c, TableKind::Expense, Side::Whole, Level::Class);
    /// 表3, every column: 款 = Σ 项.
    T3_4 = "T3.4", "表3 各列：款 = 所属各项之和", "Table 3, every column: 款 = sum of its 项",
        |c| nesting(c, TableKind::Expense, Side::Whole, Level::Kuan);
    /// 表4 支出, every 类 row: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营.
    T4_3 = "T4.3", "表4 支出每行：合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算", "Table 4 expense, every row: total = general budget + government funds + state capital",
        |c| row_identities(c, TableKind::FiscalSummary, Side::Expense, None);
    /// 表4 支出总计, every column = Σ 类. Example: the sample gives 2,287.85 against 2,287.86.
    T4_4 = "T4.4", "表4 支出总计各列 = 各类之和", "Table 4 expense total, every column = sum of classes",
        |c| nesting(c, TableKind::FiscalSummary, Side::Expense, Level::Total);
    /// 表5, every row: 合计 = 基本支出 + 项目支出.
    T5_1 = "T5.1", "表5 每行：合计 = 基本支出 + 项目支出", "Table 5, every row: total = basic + project",
        |c| row_identities(c, TableKind::GeneralExpense, Side::Whole, None);
    /// 表5, every column: 总计 = Σ 类.
    T5_2 = "T5.2", "表5 各列：总计 = 各类之和", "Table 5, every column: total = sum of classes",
        |c| nesting(c, TableKind::GeneralExpense, Side::Whole, Level::Total);
    /// 表5, every column: 类 = Σ 款.
    T5_3 = "T5.3", "表5 各列：类 = 所属各款之和", "Table 5, every column: class = sum of its 款",
        |c| nesting(c, TableKind::GeneralExpense, Side::Whole, Level::Class);
    /// 表5, every column: 款 = Σ 项.
    T5_4 = "T5.4", "表5 各列：款 = 所属各项之和", "Table 5, every column: 款 = sum of its 项",
        |c| nesting(c, TableKind::GeneralExpense, Side::Whole, Level::Kuan);
    /// 表6, every row: 合计 = 人员经费 + 公用经费.
    T6_1 = "T6.1", "表6 每行：合计 = 人员经费 + 公用经费", "Table 6, every row: total = personnel + public expenses",
        |c| row_identities(c, TableKind::GeneralBasic, Side::Whole, None);
    /// 表6 总计 = Σ 类 (301 + 302 + 303 + …).
    T6_2 = "T6.2", "表6 总计 = 各类之和", "Table 6 total = sum of economic classes",
        |c| nesting(c, TableKind::GeneralBasic, Side::Whole, Level::Total);
    /// 表6, every 类 = Σ 款. Example: 301's 款 sum to 1,985.65 against 1,985.64, and 302's to
    /// 60.60 against 60.61 (both rounding).
    T6_3 = "T6.3", "表6 各类 = 所属各款之和", "Table 6, every class = sum of its 款",
        |c| nesting(c, TableKind::GeneralBasic, Side::Whole, Level::Class);
    /// 表6 column discipline: 301 and 303 only under 人员经费, 302 and 310 only under 公用经费.
    /// Why: 人员经费 and 公用经费 are defined by these classes; a stray cell misstates both.
    T6_4 = "T6.4", "表6 301/303 只列人员经费，302/310 只列公用经费", "Table 6: 301/303 only under personnel, 302/310 only under public expenses",
        economic_discipline;
    /// 表6 人员经费总计 = 301 + 303.
    T6_5 = "T6.5", "表6 人员经费总计 = 301 + 303", "Table 6 personnel total = 301 + 303",
        |c| personnel_public_split(c, Col::Personnel, &["301", "303"]);
    /// 表6 公用经费总计 = 302 + 310 (+ other 公用 classes).
    T6_6 = "T6.6", "表6 公用经费总计 = 302 + 310", "Table 6 public-expense total = 302 + 310",
        |c| personnel_public_split(c, Col::Public, &["302", "310", "307", "309", "312", "313", "399"]);
    /// 表7, every row: 项目支出合计 = Σ 经济分类 columns.
    T7_1 = "T7.1", "表7 每行：合计 = 各经济分类之和", "Table 7, every row: total = sum of economic-class columns",
        |c| row_identities(c, TableKind::GeneralProjects, Side::Whole, None);
    /// 表7 department row = 总计.
    T7_2 = "T7.2", "表7 单位行 = 总计", "Table 7 department row = total",
        |c| unit_equals_total(c, TableKind::GeneralProjects);
    /// 表7 总计 = Σ 类.
    T7_3 = "T7.3", "表7 总计 = 各类之和", "Table 7 total = sum of classes",
        |c| nesting(c, TableKind::GeneralProjects, Side::Whole, Level::Total);
    /// 表7 类 = Σ 款.
    T7_4 = "T7.4", "表7 类 = 所属各款之和", "Table 7 class = sum of its 款",
        |c| nesting(c, TableKind::GeneralProjects, Side::Whole, Level::Class);
    /// 表7 款 = Σ project rows under it (there are no 项 subtotals). Example: 20103 129.16 =
    /// 0.84 + 10.32 + 95.00 + 23.00.
    T7_5 = "T7.5", "表7 款 = 所属各项目之和", "Table 7 款 = sum of its projects",
        |c| nesting(c, TableKind::GeneralProjects, Side::Whole, Level::Kuan);
    /// 表8, every row: 合计 = 人员经费 + 公用经费 + 项目支出, and its nesting.
    T8_1 = "T8.1", "表8 每行及各级汇总相符", "Table 8 rows and levels add up",
        |c| {
            row_identities(c, TableKind::GovFund, Side::Whole, None);
            for level in [Level::Total, Level::Class, Level::Kuan] {
                nesting(c, TableKind::GovFund, Side::Whole, level);
            }
        };
    /// 表9, every row: 合计 = 人员经费 + 公用经费 + 项目支出, and its nesting.
    T9_1 = "T9.1", "表9 每行及各级汇总相符", "Table 9 rows and levels add up",
        |c| {
            row_identities(c, TableKind::StateCapital, Side::Whole, None);
            for level in [Level::Total, Level::Class, Level::Kuan] {
                nesting(c, TableKind::StateCapital, Side::Whole, level);
            }
        };
    /// 表10, every row: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算.
    T10_3 = "T10.3", "表10 每行：合计 = 三种资金来源之和", "Table 10, every row: total = the three funding sources",
        |c| row_identities(c, TableKind::ThreePublic, Side::Whole, None);
    /// 表11, every row: 总计 = 财政拨款合计 + 非财政拨款合计.
    T11_1 = "T11.1", "表11 每行：总计 = 财政拨款 + 非财政拨款", "Table 11, every row: total = appropriations + other funds",
        |c| row_identities(c, TableKind::CarryOver, Side::Whole, Some(Col::Total));
    /// 表11, every row: 财政拨款合计 = 人员 + 公用 + 项目.
    T11_2 = "T11.2", "表11 每行：财政拨款合计 = 人员 + 公用 + 项目", "Table 11, every row: appropriations = personnel + public + project",
        |c| row_identities(c, TableKind::CarryOver, Side::Whole, Some(Col::FiscalCarryTotal));
    /// 表11, every row: 非财政拨款合计 = 人员 + 公用 + 项目.
    T11_3 = "T11.3", "表11 每行：非财政拨款合计 = 人员 + 公用 + 项目", "Table 11, every row: other funds = personnel + public + project",
        |c| row_identities(c, TableKind::CarryOver, Side::Whole, Some(Col::NonFiscalCarryTotal));
    /// 表11 总计 = department row = Σ item rows. Example: 6.00 + 2.00 + 0.60 + 1.00 + 1.00 + 2.06 = 12.66.
    T11_4 = "T11.4", "表11 总计 = 单位行 = 各结转项目之和", "Table 11 total = department row = sum of items",
        |c| {
            unit_equals_total(c, TableKind::CarryOver);
            carry_items(c);
        };
}

/// 表11: the department row (or 总计) equals the sum of the item rows, per column.
fn carry_items(c: &mut Checker) {
    let Some(t) = c.table(TableKind::CarryOver) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let Some(parent) = b
        .rows
        .iter()
        .find(|r| r.kind == RowKind::Unit)
        .or_else(|| b.total())
    else {
        return;
    };
    let items: Vec<&Row> = b.rows.iter().filter(|r| r.kind == RowKind::Item).collect();
    if items.is_empty() {
        return;
    }
    for (ci, col) in b.columns.iter().enumerate() {
        let printed = parent.cells[ci].map(|x| x.value);
        let vals: Vec<super::Amt> = items
            .iter()
            .filter_map(|r| r.cells[ci].map(|x| super::Amt::at(x.value, x.line)))
            .collect();
        if printed.is_none() && vals.is_empty() {
            continue;
        }
        let what = super::Label::new(
            format!("表{} {}：单位行应等于各结转项目之和", t.number, col.title()),
            format!(
                "Table {} {}: the department row should equal the sum of the items",
                t.number,
                col.title()
            ),
        );
        let total = super::Amt {
            value: printed.unwrap_or_default(),
            lines: parent.lines.clone(),
        };
        c.sum(&what, &total, &vals, &[t.number]);
    }
}
