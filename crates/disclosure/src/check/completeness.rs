//! The completeness checklist (rules.md §4): what 财预〔2016〕143号 (地方预决算公开操作规程)
//! and 预算法实施条例 §6 require a department budget disclosure to contain, each item present
//! or absent with the line where it was found.

use crate::model::*;

/// One item of the checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Item {
    /// The item's id ("C4": rules.md §4 row 4).
    pub id: String,
    /// What is required, in Chinese.
    pub title_zh: String,
    /// What is required, in English.
    pub title_en: String,
    /// Whether it is required (an optional item does not lower the score).
    pub required: bool,
    /// Whether the document has it.
    pub present: bool,
    /// Where it was found.
    pub line: Option<LineNo>,
}

/// The whole checklist.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Completeness {
    /// The items, in rule-book order.
    pub items: Vec<Item>,
}

fn table_line(doc: &Document, kind: TableKind) -> Option<LineNo> {
    doc.table(kind).map(|t| t.span.0)
}

fn all_tables(doc: &Document, kinds: &[TableKind]) -> Option<LineNo> {
    let lines: Option<Vec<LineNo>> = kinds.iter().map(|&k| table_line(doc, k)).collect();
    lines.and_then(|l| l.into_iter().min())
}

fn statement_line(doc: &Document, pred: impl Fn(&Statement) -> bool) -> Option<LineNo> {
    doc.statements
        .iter()
        .find(|s| pred(s))
        .and_then(|s| s.lines.first().copied())
}

fn heading_line(doc: &Document, needle: &str) -> Option<LineNo> {
    doc.headings
        .iter()
        .find(|h| h.title.contains(needle))
        .map(|h| h.line)
        .or_else(|| landmark(doc, needle))
}

/// A heading outside the tables naming `needle` (any template's section titles).
fn landmark(doc: &Document, needle: &str) -> Option<LineNo> {
    doc.landmarks
        .iter()
        .find(|l| l.value.contains(needle))
        .map(|l| l.line)
}

fn rows_of(doc: &Document, kind: TableKind, row: RowKind) -> Option<LineNo> {
    doc.table(kind)?
        .rows()
        .find(|r| r.kind == row)
        .map(Row::line)
}

/// Tables with no rows must say they are empty, on the table or in the narrative.
fn empty_tables_explained(doc: &Document) -> (bool, Option<LineNo>) {
    if let Some(t) = unexplained_empty_table(doc) {
        return (false, Some(t.span.0));
    }
    let line = doc
        .tables
        .iter()
        .filter(|t| is_empty(t))
        .find_map(|t| t.empty_statement.as_ref().map(|s| s.line));
    (true, line)
}

/// A table found without rows.
fn is_empty(t: &Table) -> bool {
    t.row_count() == 0 || t.main().is_some_and(|b| b.rows.is_empty())
}

/// The first table found without rows and without a statement that it is empty (C17).
pub fn unexplained_empty_table(doc: &Document) -> Option<&Table> {
    doc.tables
        .iter()
        .find(|t| is_empty(t) && t.empty_statement.is_none())
}

/// Builds the checklist for a document.
pub fn checklist(doc: &Document) -> Completeness {
    use TableKind::*;
    let budget = doc.meta.kind == DocKind::Budget;
    let xinjiang = doc.meta.family == Family::Xinjiang;
    let (empty_ok, empty_line) = empty_tables_explained(doc);
    let changes = statement_line(doc, |s| s.change.is_some() && !s.in_reason);
    let items: Vec<(&str, &str, &str, bool, Option<LineNo>)> = vec![
        ("C2", "部门职责（主要职能）", "the department's functions", true, doc.overview.functions.first().map(|f| f.line).or(landmark(doc, "职能")).or(landmark(doc, "职责"))),
        (
            "C3",
            "机构设置及人员情况",
            "its organisation and staff",
            true,
            doc.overview
                .offices_stated
                .as_ref()
                .map(|o| o.line)
                .or(doc.overview.offices.first().map(|o| o.line))
                .or(doc.overview.actual.as_ref().map(|a| a.line))
                .or(landmark(doc, "机构设置"))
                .or(landmark(doc, "单位构成")),
        ),
        ("C4", "收支总体情况表：部门收支、收入、支出总体情况表", "the income and expense summary tables", true, all_tables(doc, &[Summary, Income, Expense])),
        (
            "C5",
            "财政拨款收支情况表：财政拨款收支总表、一般公共预算支出表、基本支出表、“三公”经费表、政府性基金预算支出表",
            "the appropriation tables: summary, general budget, basic spending, 三公, government funds",
            true,
            all_tables(doc, &[FiscalSummary, GeneralExpense, GeneralBasic, ThreePublic, GovFund]),
        ),
        ("C6", "国有资本经营预算支出表", "the state-capital budget table", false, table_line(doc, StateCapital)),
        ("C7", "一般公共预算支出公开到功能分类项级", "general-budget spending down to 功能分类 项", true, rows_of(doc, GeneralExpense, RowKind::Xiang)),
        ("C8", "一般公共预算基本支出公开到经济分类款级", "basic spending down to 经济分类 款", true, rows_of(doc, GeneralBasic, RowKind::Kuan)),
        (
            "C9",
            "基本支出和项目支出分别公开",
            "basic and project spending shown separately",
            true,
            doc.table(Expense).or(doc.table(GeneralExpense)).and_then(|t| {
                let b = t.main()?;
                (b.col(Col::Basic).is_some() && b.col(Col::Project).is_some()).then_some(t.span.0)
            }),
        ),
        (
            "C10",
            "“三公”经费及其增减变化原因",
            "三公 spending and why it changed",
            true,
            table_line(doc, ThreePublic)
                .and(statement_line(doc, |s| s.subject.contains("三公") && s.change.is_some()).or(landmark(doc, "三公"))),
        ),
        ("C11", "机关运行经费安排说明", "the running costs (机关运行经费) explained", true, statement_line(doc, |s| s.subject.contains("机关运行经费"))),
        (
            "C12",
            "政府采购预算总额及货物、工程、服务",
            "government procurement in total and by goods, works, services",
            true,
            statement_line(doc, |s| s.subject.contains("货物"))
                .and(statement_line(doc, |s| s.subject.contains("政府采购")).or(landmark(doc, "政府采购"))),
        ),
        ("C13", "预算收支增减变化说明", "why income and spending changed", true, changes),
        ("C14", "国有资产占用情况", "state assets in use", budget, heading_line(doc, "国有资产")),
        (
            "C15",
            "重点项目绩效目标",
            "performance targets of key projects",
            budget,
            doc.performance.first().map(|p| p.span.0).or(heading_line(doc, "绩效")),
        ),
        ("C16", "专业性较强的名词解释", "a glossary of technical terms", true, doc.glossary.first().map(|g| g.line).or(landmark(doc, "名词解释"))),
        ("C17", "没有数据的表格列出空表并说明", "empty tables shown and explained", true, if empty_ok { empty_line.or(Some(0)) } else { None }),
        (
            "C18",
            "项目支出明细表和上年结转结余明细表",
            "the project and carry-over detail tables",
            xinjiang,
            all_tables(doc, &[GeneralProjects, CarryOver]),
        ),
    ];
    Completeness {
        items: items
            .into_iter()
            .map(|(id, zh, en, required, line)| Item {
                id: id.to_owned(),
                title_zh: zh.to_owned(),
                title_en: en.to_owned(),
                required,
                present: line.is_some(),
                line: line.filter(|&l| l > 0),
            })
            .collect(),
    }
}
