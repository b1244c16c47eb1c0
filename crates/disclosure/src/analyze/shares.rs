//! Shares by category: what the money is for, as percentages of a named denominator.

use rust_decimal::Decimal;

use crate::check::tolerance::{ratio_percent, round};
use crate::model::*;
use crate::parse::segment::compact;

/// One item of a breakdown, with its children.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Share {
    /// The classification code, when the item has one.
    pub code: Option<String>,
    /// The name as printed.
    pub name: String,
    /// The amount as printed.
    pub amount: Decimal,
    /// Percent of the set's denominator, rounded to two decimals (`None` when it is zero).
    pub percent: Option<Decimal>,
    /// What the money is for, when the document says (表7 projects: 第三部分 七).
    pub detail: Option<String>,
    /// Where the amount was printed.
    pub lines: Vec<LineNo>,
    /// The next level down (款 under 类, 项 under 款).
    pub children: Vec<Share>,
}

/// A breakdown of one total.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ShareSet {
    /// What the percentages are of, in Chinese ("支出总计（表3）").
    pub denominator_zh: String,
    /// The same in English.
    pub denominator_en: String,
    /// The denominator's amount, as printed.
    pub total: Decimal,
    /// The unit of every amount of the set.
    pub unit: Unit,
    /// The table it comes from.
    pub table: u8,
    /// The items, largest first at every level.
    pub items: Vec<Share>,
}

/// Every breakdown the document allows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Shares {
    /// 功能分类 类 → 款 → 项 of all spending (表3).
    pub functional: Option<ShareSet>,
    /// 经济分类 类 → 款 of 一般公共预算基本支出 (表6).
    pub economic: Option<ShareSet>,
    /// 基本支出 vs 项目支出 (表3).
    pub basic_project: Option<ShareSet>,
    /// 人员经费 vs 公用经费 (表6).
    pub personnel_public: Option<ShareSet>,
    /// The parts of 三公 (表10).
    pub three_public: Option<ShareSet>,
    /// The projects of 表7, with what each is for.
    pub projects: Option<ShareSet>,
}

fn percent(a: Decimal, total: Decimal) -> Option<Decimal> {
    if total.is_zero() {
        return None;
    }
    ratio_percent(a, total).map(|p| {
        let mut r = round(p, 2);
        r.rescale(2);
        r
    })
}

fn share(
    code: Option<String>,
    name: &str,
    cell: Option<Cell>,
    total: Decimal,
    lines: &[LineNo],
) -> Share {
    let amount = cell.map_or(Decimal::ZERO, |c| c.value);
    Share {
        code,
        name: name.to_owned(),
        amount,
        percent: percent(amount, total),
        detail: None,
        lines: cell.map_or_else(|| lines.to_vec(), |c| vec![c.line]),
        children: Vec::new(),
    }
}

fn by_amount(items: &mut Vec<Share>) {
    crate::sort::sort_by_key(items, |s| std::cmp::Reverse(s.amount));
}

/// A coded table's hierarchy under its total, in one column.
fn hierarchy(t: &Table, col: Col, zh: &str, en: &str) -> Option<ShareSet> {
    let b = t.main()?;
    let total = b.cell(b.total()?, col)?.value;
    let node = |r: &Row| {
        share(
            r.code.as_ref().map(|c| c.0.clone()),
            &r.name,
            b.cell(r, col),
            total,
            &r.lines,
        )
    };
    let mut items = Vec::new();
    for class in b
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Class && b.cell(r, col).is_some())
    {
        let Some(cc) = &class.code else { continue };
        let mut c = node(class);
        for kuan in b
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::Kuan && b.cell(r, col).is_some())
        {
            let Some(kc) = &kuan.code else { continue };
            if !kc.is_within(cc) {
                continue;
            }
            let mut k = node(kuan);
            k.children = b
                .rows
                .iter()
                .filter(|r| {
                    r.kind == RowKind::Xiang
                        && b.cell(r, col).is_some()
                        && r.code.as_ref().is_some_and(|x| x.is_within(kc))
                })
                .map(node)
                .collect();
            by_amount(&mut k.children);
            c.children.push(k);
        }
        by_amount(&mut c.children);
        items.push(c);
    }
    by_amount(&mut items);
    Some(ShareSet {
        denominator_zh: zh.to_owned(),
        denominator_en: en.to_owned(),
        total,
        unit: t.unit,
        table: t.number,
        items,
    })
}

/// Two or more columns of a table's total row as parts of its 合计.
fn columns(t: &Table, cols: &[Col], zh: &str, en: &str) -> Option<ShareSet> {
    let b = t.main()?;
    let r = b.total()?;
    let total = b.cell(r, Col::Total)?.value;
    let items = cols
        .iter()
        .map(|&c| share(None, &c.title(), b.cell(r, c), total, &r.lines))
        .collect();
    Some(ShareSet {
        denominator_zh: zh.to_owned(),
        denominator_en: en.to_owned(),
        total,
        unit: t.unit,
        table: t.number,
        items,
    })
}

/// Computes every breakdown the document's tables allow.
pub fn shares(doc: &Document) -> Shares {
    let expense = doc.table(TableKind::Expense);
    let basic = doc.table(TableKind::GeneralBasic);
    Shares {
        functional: expense.and_then(|t| {
            hierarchy(
                t,
                Col::Total,
                &format!("支出总计（表{}）", t.number),
                &format!("total spending (table {})", t.number),
            )
        }),
        economic: basic.and_then(|t| {
            hierarchy(
                t,
                Col::Total,
                &format!("一般公共预算基本支出（表{}）", t.number),
                &format!("general-budget basic spending (table {})", t.number),
            )
        }),
        basic_project: expense.and_then(|t| {
            columns(
                t,
                &[Col::Basic, Col::Project],
                &format!("支出总计（表{}）", t.number),
                &format!("total spending (table {})", t.number),
            )
        }),
        personnel_public: basic.and_then(|t| {
            columns(
                t,
                &[Col::Personnel, Col::Public],
                &format!("一般公共预算基本支出（表{}）", t.number),
                &format!("general-budget basic spending (table {})", t.number),
            )
        }),
        three_public: doc.table(TableKind::ThreePublic).and_then(three_public),
        projects: doc
            .table(TableKind::GeneralProjects)
            .and_then(|t| projects(doc, t)),
    }
}

fn three_public(t: &Table) -> Option<ShareSet> {
    let b = t.main()?;
    let total = b.cell(b.total()?, Col::Total)?.value;
    let items = [
        RowKey::Abroad,
        RowKey::Reception,
        RowKey::VehiclePurchase,
        RowKey::VehicleOperation,
    ]
    .iter()
    .filter_map(|&k| b.keyed(k))
    .map(|r| {
        share(
            None,
            &crate::parse::schema::compact_label(&r.name),
            b.cell(r, Col::Total),
            total,
            &r.lines,
        )
    })
    .collect();
    Some(ShareSet {
        denominator_zh: format!("“三公”经费合计（表{}）", t.number),
        denominator_en: format!("三公 total (table {})", t.number),
        total,
        unit: t.unit,
        table: t.number,
        items,
    })
}

fn projects(doc: &Document, t: &Table) -> Option<ShareSet> {
    let b = t.main()?;
    let total = b.cell(b.total()?, Col::Total)?.value;
    let mut items: Vec<Share> = b
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Project)
        .map(|r| {
            let name = r.project.clone().unwrap_or_default();
            let mut s = share(
                r.code.as_ref().map(|c| c.0.clone()),
                &name,
                b.cell(r, Col::Total),
                total,
                &r.lines,
            );
            let key = compact(&name);
            s.detail = doc
                .projects
                .iter()
                .find(|p| compact(&p.name) == key)
                .and_then(|p| p.allocation.as_ref().map(|a| a.value.clone()));
            s
        })
        .collect();
    by_amount(&mut items);
    Some(ShareSet {
        denominator_zh: format!("项目支出总计（表{}）", t.number),
        denominator_en: format!("project spending (table {})", t.number),
        total,
        unit: t.unit,
        table: t.number,
        items,
    })
}
