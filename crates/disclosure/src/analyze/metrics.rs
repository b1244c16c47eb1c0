//! Figures for comparing departments: one definition shared by the CLI (`disclosure compare`)
//! and the app's compare view.
//!
//! [`metrics`] turns one [`Analysis`] into a fixed list of [`Metric`]s (plus one share per
//! 功能分类 类 and 款 the document has). Every amount is in 万元, exactly (a document printed in
//! 元 is divided by 10,000, never rounded); percentages and per-person figures are rounded half
//! away from zero to two decimals, with the unrounded value kept in [`Metric::exact`]. No
//! floating point anywhere. Each metric says how it was derived, naming the table or section and
//! the formula, and cites the lines of its inputs.

use rust_decimal::Decimal;

use super::{Analysis, Figure, PriorItem};
use crate::check::tolerance::{ratio_percent, round};
use crate::model::*;
use crate::parse::schema::XINJIANG_ORDER;

/// What a metric's value counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum MetricUnit {
    /// An amount in 万元.
    Wan,
    /// A percentage (91.39 means 91.39 %).
    Percent,
    /// 万元 per person.
    WanPerPerson,
    /// 元 per person (per resident, from a population the user entered).
    YuanPerPerson,
    /// A count (people, findings, checklist items).
    Count,
}

impl MetricUnit {
    /// The unit as shown in Chinese ("万元", "%", "万元/人", "个").
    pub fn label_zh(self) -> &'static str {
        match self {
            MetricUnit::Wan => "万元",
            MetricUnit::Percent => "%",
            MetricUnit::WanPerPerson => "万元/人",
            MetricUnit::YuanPerPerson => "元/人",
            MetricUnit::Count => "个",
        }
    }

    /// The unit as shown in English.
    pub fn label_en(self) -> &'static str {
        match self {
            MetricUnit::Wan => "10k yuan",
            MetricUnit::Percent => "%",
            MetricUnit::WanPerPerson => "10k yuan per person",
            MetricUnit::YuanPerPerson => "yuan per person",
            MetricUnit::Count => "count",
        }
    }
}

/// The section of a comparison a metric belongs to, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum MetricGroup {
    /// Income and spending totals.
    Totals,
    /// 基本/项目 and 人员/公用: amounts and shares.
    Structure,
    /// Shares of each 功能分类 类 and 款.
    Function,
    /// Head counts and figures per person.
    Staff,
    /// 三公 and its parts.
    ThreePublic,
    /// 机关运行经费, 政府采购, 国有资产.
    Operations,
    /// Changes from the previous year, as the narrative states them.
    YearOverYear,
    /// Finding counts and the completeness checklist.
    Quality,
}

impl MetricGroup {
    /// The group's title in Chinese.
    pub fn label_zh(self) -> &'static str {
        match self {
            MetricGroup::Totals => "收支总额",
            MetricGroup::Structure => "支出结构",
            MetricGroup::Function => "功能分类占比",
            MetricGroup::Staff => "人员与人均",
            MetricGroup::ThreePublic => "“三公”经费",
            MetricGroup::Operations => "运行、采购与资产",
            MetricGroup::YearOverYear => "比上年变动",
            MetricGroup::Quality => "数据质量",
        }
    }

    /// The group's title in English.
    pub fn label_en(self) -> &'static str {
        match self {
            MetricGroup::Totals => "Totals",
            MetricGroup::Structure => "Spending structure",
            MetricGroup::Function => "Shares by function",
            MetricGroup::Staff => "Staff and per person",
            MetricGroup::ThreePublic => "三公 spending",
            MetricGroup::Operations => "Running costs, procurement, assets",
            MetricGroup::YearOverYear => "Change from last year",
            MetricGroup::Quality => "Data quality",
        }
    }
}

/// One comparable figure of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Metric {
    /// Stable id ("income_total", "share_func_201", "per_staff_actual_three_public").
    pub id: String,
    /// The section it belongs to.
    pub group: MetricGroup,
    /// The id of the metric this one is part of (a 款 share's 类, a 三公 part's total), so a
    /// view can nest it and warn when a part is selected together with its whole.
    pub parent: Option<String>,
    /// What it is, in Chinese.
    pub label_zh: String,
    /// What it is, in English.
    pub label_en: String,
    /// The value for display: amounts exact in 万元, percentages and per-person figures
    /// rounded to two decimals; `None` when the document does not give the inputs.
    pub value: Option<Decimal>,
    /// The unrounded value (equal to `value` for amounts and counts).
    pub exact: Option<Decimal>,
    /// What the value counts.
    pub unit: MetricUnit,
    /// How it was derived, in Chinese ("表3 基本支出 ÷ 表3 合计").
    pub derivation_zh: String,
    /// How it was derived, in English.
    pub derivation_en: String,
    /// The lines of its inputs, ascending.
    pub lines: Vec<LineNo>,
}

/// An input value in 万元 (or a count) with the lines it was read from.
struct Input {
    value: Decimal,
    lines: Vec<LineNo>,
}

impl Input {
    fn of(f: &Figure) -> Self {
        Input {
            value: f.wan,
            lines: f.lines.clone(),
        }
    }

    fn count(value: Decimal, line: Option<LineNo>) -> Self {
        Input {
            value,
            lines: line.into_iter().collect(),
        }
    }
}

/// Rounds to two decimals, half away from zero, always showing two ("0.05", "91.39").
pub fn round2(v: Decimal) -> Decimal {
    let mut r = round(v, 2);
    r.rescale(2);
    r
}

/// `a / b × 100`, exact and rounded; `None` when `b` is zero.
fn percent_of(a: Decimal, b: Decimal) -> Option<(Decimal, Decimal)> {
    if b.is_zero() {
        return None;
    }
    let exact = ratio_percent(a, b)?;
    Some((round2(exact), exact))
}

/// `a / b`, exact and rounded; `None` when `b` is zero.
fn per(a: Decimal, b: Decimal) -> Option<(Decimal, Decimal)> {
    if b.is_zero() {
        return None;
    }
    let exact = a.checked_div(b)?;
    Some((round2(exact), exact))
}

fn merged(a: &[LineNo], b: &[LineNo]) -> Vec<LineNo> {
    let mut v: Vec<LineNo> = a.iter().chain(b).copied().filter(|&l| l > 0).collect();
    crate::sort::sort(&mut v);
    v.dedup();
    v
}

/// The printed number of a table kind in this document, or its Xinjiang number when absent.
fn table_no(doc: &Document, kind: TableKind) -> u8 {
    doc.table(kind).map(|t| t.number).unwrap_or_else(|| {
        XINJIANG_ORDER
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |&(_, n)| n)
    })
}

/// "第三部分 十二（一）" / "part 3, section 十二(一)", the 说明 named as the document names it
/// ([`crate::format::section_in`]); lower case in English, as the other derivations are.
fn section_of(doc: &Document, s: SectionRef) -> (String, String) {
    let (zh, en) = crate::format::section_in(doc, s);
    let mut chars = en.chars();
    let en = match chars.next() {
        Some(c) => c.to_ascii_lowercase().to_string() + chars.as_str(),
        None => en,
    };
    (zh, en)
}

/// Builds the list in order; every `push` names the metric, its derivation and its value.
struct Builder {
    out: Vec<Metric>,
}

/// The static description of a metric.
struct Def<'a> {
    id: &'a str,
    group: MetricGroup,
    parent: Option<&'a str>,
    zh: &'a str,
    en: &'a str,
    unit: MetricUnit,
}

impl Builder {
    fn push(
        &mut self,
        def: Def<'_>,
        value: Option<(Decimal, Decimal)>,
        lines: Vec<LineNo>,
        derivation: (String, String),
    ) {
        self.out.push(Metric {
            id: def.id.to_owned(),
            group: def.group,
            parent: def.parent.map(str::to_owned),
            label_zh: def.zh.to_owned(),
            label_en: def.en.to_owned(),
            value: value.map(|v| v.0),
            exact: value.map(|v| v.1),
            unit: def.unit,
            derivation_zh: derivation.0,
            derivation_en: derivation.1,
            lines: if value.is_some() { lines } else { Vec::new() },
        });
    }

    /// An amount or count taken as it is.
    fn plain(&mut self, def: Def<'_>, input: Option<Input>, derivation: (String, String)) {
        let (value, lines) = match input {
            Some(i) => (Some((i.value, i.value)), i.lines),
            None => (None, Vec::new()),
        };
        self.push(def, value, lines, derivation);
    }

    /// `a ÷ b × 100`.
    fn share(
        &mut self,
        def: Def<'_>,
        a: Option<&Input>,
        b: Option<&Input>,
        derivation: (String, String),
    ) {
        let (value, lines) = match (a, b) {
            (Some(a), Some(b)) => (percent_of(a.value, b.value), merged(&a.lines, &b.lines)),
            _ => (None, Vec::new()),
        };
        self.push(def, value, lines, derivation);
    }

    /// `a ÷ b`.
    fn ratio(
        &mut self,
        def: Def<'_>,
        a: Option<&Input>,
        b: Option<&Input>,
        derivation: (String, String),
    ) {
        let (value, lines) = match (a, b) {
            (Some(a), Some(b)) => (per(a.value, b.value), merged(&a.lines, &b.lines)),
            _ => (None, Vec::new()),
        };
        self.push(def, value, lines, derivation);
    }
}

fn def<'a>(id: &'a str, group: MetricGroup, zh: &'a str, en: &'a str, unit: MetricUnit) -> Def<'a> {
    Def {
        id,
        group,
        parent: None,
        zh,
        en,
        unit,
    }
}

fn child<'a>(
    id: &'a str,
    parent: &'a str,
    group: MetricGroup,
    zh: &'a str,
    en: &'a str,
    unit: MetricUnit,
) -> Def<'a> {
    Def {
        parent: Some(parent),
        ..def(id, group, zh, en, unit)
    }
}

/// Every comparable figure of one analysed document, in display order.
///
/// The fixed metrics are always present (with `value: None` when the document lacks their
/// inputs), so two documents' lists line up; the 功能分类 shares (`share_func_<code>`) are
/// present for the 类 and 款 the document's 部门支出总体情况表 prints, ordered by code.
pub fn metrics(a: &Analysis) -> Vec<Metric> {
    use MetricGroup as G;
    use MetricUnit as U;
    let doc = &a.document;
    let s = &a.summary;
    let fig = |f: &Option<Figure>| f.as_ref().map(Input::of);
    let t1 = table_no(doc, TableKind::Summary);
    let t3 = table_no(doc, TableKind::Expense);
    let t5 = table_no(doc, TableKind::GeneralExpense);
    let t6 = table_no(doc, TableKind::GeneralBasic);
    let t10 = table_no(doc, TableKind::ThreePublic);
    let d = |zh: String, en: String| (zh, en);
    let mut b = Builder { out: Vec::new() };

    // Totals.
    b.plain(
        def(
            "income_total",
            G::Totals,
            "收入总计",
            "Total income",
            U::Wan,
        ),
        fig(&s.income_total),
        d(
            format!("表{t1} 收入总计"),
            format!("table {t1}, 收入总计 (total income)"),
        ),
    );
    b.plain(
        def(
            "expense_total",
            G::Totals,
            "支出总计",
            "Total spending",
            U::Wan,
        ),
        fig(&s.expense_total),
        d(
            format!("表{t1} 支出总计"),
            format!("table {t1}, 支出总计 (total spending)"),
        ),
    );
    b.plain(
        def(
            "general_budget",
            G::Totals,
            "一般公共预算拨款支出",
            "General-budget spending",
            U::Wan,
        ),
        fig(&s.general_budget),
        d(
            format!("表{t5} 总计 合计"),
            format!("table {t5}, total row"),
        ),
    );
    b.plain(
        def(
            "carryover",
            G::Totals,
            "上年结转结余",
            "Carried over from last year",
            U::Wan,
        ),
        fig(&s.carryover),
        d(
            format!("表{t1} 上年结转结余"),
            format!("table {t1}, 上年结转结余 (carry-over)"),
        ),
    );

    // Structure: 基本 / 项目 of 表3, 人员 / 公用 of 表6.
    let t3_total = doc.table(TableKind::Expense).and_then(|t| {
        let blk = t.main()?;
        let c = blk.cell(blk.total()?, Col::Total)?;
        Some(Input {
            value: t.unit.to_wan(c.value),
            lines: vec![c.line],
        })
    });
    let t6_total = doc.table(TableKind::GeneralBasic).and_then(|t| {
        let blk = t.main()?;
        let c = blk.cell(blk.total()?, Col::Total)?;
        Some(Input {
            value: t.unit.to_wan(c.value),
            lines: vec![c.line],
        })
    });
    for (id, share_id, zh, en, f, tn, tot, col_zh) in [
        (
            "basic",
            "share_basic",
            "基本支出",
            "Basic spending",
            &s.basic,
            t3,
            &t3_total,
            "基本支出",
        ),
        (
            "project",
            "share_project",
            "项目支出",
            "Project spending",
            &s.project,
            t3,
            &t3_total,
            "项目支出",
        ),
        (
            "personnel",
            "share_personnel",
            "人员经费",
            "Personnel costs",
            &s.personnel,
            t6,
            &t6_total,
            "人员经费",
        ),
        (
            "public",
            "share_public",
            "公用经费",
            "Office costs (公用经费)",
            &s.public,
            t6,
            &t6_total,
            "公用经费",
        ),
    ] {
        b.plain(
            def(id, G::Structure, zh, en, U::Wan),
            fig(f),
            d(
                format!("表{tn} 总计行 {col_zh}"),
                format!("table {tn}, total row, {col_zh}"),
            ),
        );
        let share_zh = format!("{zh}占比");
        let share_en = format!("{en}, share");
        b.share(
            def(share_id, G::Structure, &share_zh, &share_en, U::Percent),
            fig(f).as_ref(),
            tot.as_ref(),
            d(
                format!("表{tn} {col_zh} ÷ 表{tn} 合计 × 100"),
                format!("table {tn} {col_zh} ÷ table {tn} total × 100"),
            ),
        );
    }

    // Shares by 功能分类 类 and 款 of 表3.
    if let Some(set) = &a.shares.functional {
        let total = Input {
            value: set.unit.to_wan(set.total),
            lines: t3_total
                .as_ref()
                .map(|t| t.lines.clone())
                .unwrap_or_default(),
        };
        let mut rows: Vec<(String, Option<String>, &super::Share)> = Vec::new();
        for class in &set.items {
            let Some(cc) = &class.code else { continue };
            rows.push((cc.clone(), None, class));
            for kuan in &class.children {
                if let Some(kc) = &kuan.code {
                    rows.push((kc.clone(), Some(cc.clone()), kuan));
                }
            }
        }
        crate::sort::sort_by(&mut rows, |x, y| x.0.cmp(&y.0));
        rows.dedup_by(|x, y| x.0 == y.0);
        for (code, parent, sh) in rows {
            let id = format!("share_func_{code}");
            let parent_id = parent.as_ref().map(|p| format!("share_func_{p}"));
            let spaced = Code(code.clone()).spaced();
            let level_zh = if parent.is_some() { "款" } else { "类" };
            let zh = format!("{spaced} {}（{level_zh}）占比", sh.name);
            let en = format!("{spaced} {}, share", sh.name);
            let part = Input {
                value: set.unit.to_wan(sh.amount),
                lines: sh.lines.clone(),
            };
            b.share(
                Def {
                    parent: parent_id.as_deref(),
                    ..def(&id, G::Function, &zh, &en, U::Percent)
                },
                Some(&part),
                Some(&total),
                d(
                    format!(
                        "表{} 「{spaced} {}」合计 ÷ 表{} 总计 合计 × 100",
                        set.table, sh.name, set.table
                    ),
                    format!(
                        "table {} row {spaced} total ÷ table {} total × 100",
                        set.table, set.table
                    ),
                ),
            );
        }
    }

    // Staff and per person.
    let ov = &doc.overview;
    let staff = |h: &Option<Headcount>| h.as_ref().map(|h| Input::count(h.count, Some(h.line)));
    let actual = staff(&ov.actual);
    let in_service = staff(&ov.in_service);
    b.plain(
        def(
            "staff_establishment",
            G::Staff,
            "编制数",
            "Establishment (编制)",
            U::Count,
        ),
        staff(&ov.establishment),
        d(
            "第一部分 二 编制数".into(),
            "part 1, section 二, 编制数".into(),
        ),
    );
    b.plain(
        def(
            "staff_actual",
            G::Staff,
            "实有人数",
            "Staff (实有人数)",
            U::Count,
        ),
        staff(&ov.actual),
        d(
            "第一部分 二 实有人数".into(),
            "part 1, section 二, 实有人数".into(),
        ),
    );
    b.plain(
        def(
            "staff_in_service",
            G::Staff,
            "在职人数",
            "Staff in service (在职)",
            U::Count,
        ),
        staff(&ov.in_service),
        d("第一部分 二 在职".into(), "part 1, section 二, 在职".into()),
    );
    for (who, heads, who_zh, who_en) in [
        ("actual", &actual, "实有人数", "staff (实有人数)"),
        (
            "in_service",
            &in_service,
            "在职人数",
            "staff in service (在职)",
        ),
    ] {
        for (what, f, zh, en, src_zh, src_en) in [
            (
                "expense_total",
                &s.expense_total,
                "支出总计",
                "total spending",
                format!("表{t1} 支出总计"),
                format!("table {t1} total spending"),
            ),
            (
                "personnel",
                &s.personnel,
                "人员经费",
                "personnel costs",
                format!("表{t6} 人员经费"),
                format!("table {t6} personnel costs"),
            ),
            (
                "public",
                &s.public,
                "公用经费",
                "office costs",
                format!("表{t6} 公用经费"),
                format!("table {t6} office costs"),
            ),
            (
                "three_public",
                &s.three_public,
                "“三公”经费",
                "三公 spending",
                format!("表{t10} “三公”经费合计"),
                format!("table {t10} 三公 total"),
            ),
        ] {
            let id = format!("per_staff_{who}_{what}");
            let label_zh = format!("人均{zh}（按{who_zh}）");
            let label_en = format!("{en} per {who_en}");
            b.ratio(
                def(&id, G::Staff, &label_zh, &label_en, U::WanPerPerson),
                fig(f).as_ref(),
                heads.as_ref(),
                d(
                    format!("{src_zh} ÷ 第一部分 {who_zh}"),
                    format!("{src_en} ÷ part 1 {who_en}"),
                ),
            );
        }
    }

    // 三公 and its parts.
    b.plain(
        def(
            "three_public",
            G::ThreePublic,
            "“三公”经费合计",
            "三公 spending, total",
            U::Wan,
        ),
        fig(&s.three_public),
        d(format!("表{t10} 合计"), format!("table {t10}, total")),
    );
    let part = |key: RowKey| {
        let t = doc.table(TableKind::ThreePublic)?;
        let blk = t.main()?;
        // A row the table prints without a number is zero (the template leaves zeros blank).
        let row = blk.keyed(key)?;
        Some(match blk.cell(row, Col::Total) {
            Some(c) => Input {
                value: t.unit.to_wan(c.value),
                lines: vec![c.line],
            },
            None => Input {
                value: Decimal::ZERO,
                lines: row.lines.clone(),
            },
        })
    };
    for (id, parent, key, zh, en) in [
        (
            "three_public_abroad",
            "three_public",
            RowKey::Abroad,
            "因公出国（境）费",
            "Official travel abroad",
        ),
        (
            "three_public_reception",
            "three_public",
            RowKey::Reception,
            "公务接待费",
            "Official receptions",
        ),
        (
            "three_public_vehicles",
            "three_public",
            RowKey::Vehicles,
            "公务用车购置及运行费",
            "Official vehicles",
        ),
        (
            "three_public_vehicle_purchase",
            "three_public_vehicles",
            RowKey::VehiclePurchase,
            "公务用车购置费",
            "Vehicle purchase",
        ),
        (
            "three_public_vehicle_operation",
            "three_public_vehicles",
            RowKey::VehicleOperation,
            "公务用车运行费",
            "Vehicle operation",
        ),
    ] {
        b.plain(
            child(id, parent, G::ThreePublic, zh, en, U::Wan),
            part(key),
            d(
                format!("表{t10}「{zh}」合计"),
                format!("table {t10}, row {zh}, total"),
            ),
        );
    }

    // Running costs, procurement, assets.
    // A figure read from the explanations is named by the section it was read from (十二（一）
    // in the Xinjiang layout, 十一（一） in a Shanghai 决算, 二 in a Shanghai 预算).
    let stated_in = |f: &Option<Figure>, zh: &str, en: &str| {
        let line = *f.as_ref()?.lines.first()?;
        let st = doc.statements.iter().find(|st| st.lines.contains(&line))?;
        let (szh, sen) = section_of(doc, st.section);
        let gap = if szh.ends_with('）') { "" } else { " " };
        Some(d(format!("{szh}{gap}{zh}"), format!("{sen}, {en}")))
    };
    let running_src = match s.running_cost.as_ref().and_then(|f| f.table) {
        Some(n) => d(
            format!("表{n} 机关运行经费"),
            format!("table {n}, 机关运行经费"),
        ),
        None => stated_in(&s.running_cost, "机关运行经费", "机关运行经费").unwrap_or_else(|| {
            d(
                "第三部分 十二（一）机关运行经费".into(),
                "part 3, section 十二(一), 机关运行经费".into(),
            )
        }),
    };
    b.plain(
        def(
            "running_cost",
            G::Operations,
            "机关运行经费",
            "Running costs (机关运行经费)",
            U::Wan,
        ),
        fig(&s.running_cost),
        running_src,
    );
    b.plain(
        def(
            "procurement",
            G::Operations,
            "政府采购",
            "Government procurement",
            U::Wan,
        ),
        fig(&s.procurement),
        stated_in(&s.procurement, "政府采购总额", "procurement total").unwrap_or_else(|| {
            d(
                "第三部分 十二（二）政府采购预算总额".into(),
                "part 3, section 十二(二), procurement total".into(),
            )
        }),
    );
    b.plain(
        def(
            "assets",
            G::Operations,
            "国有资产价值",
            "State assets in use",
            U::Wan,
        ),
        fig(&s.assets),
        d(
            "第三部分 十二（三）房屋 + 车辆 + 办公家具 + 其他资产价值".into(),
            "part 3, section 十二(三): buildings + vehicles + furniture + other assets".into(),
        ),
    );

    // Year over year.
    for (id, zh, en, pick) in [
        (
            "income_total",
            "收入总计",
            "total income",
            is_income_total as fn(&str) -> bool,
        ),
        (
            "general_budget",
            "一般公共预算拨款",
            "general-budget appropriation",
            is_general_budget,
        ),
        ("basic", "基本支出", "basic spending", is_basic),
        ("project", "项目支出", "project spending", is_project),
        (
            "running_cost",
            "机关运行经费",
            "running costs",
            is_running_cost,
        ),
        (
            "three_public",
            "“三公”经费",
            "三公 spending",
            is_three_public,
        ),
    ] {
        let item = a
            .previous_year
            .items
            .iter()
            .find(|p| pick(subject_core(&p.subject)));
        yoy(&mut b, doc, id, zh, en, item);
    }

    // Quality.
    let q = &a.quality;
    let count = |n: usize| Some(Input::count(Decimal::from(n), None));
    // Only a whole document is judged on completeness: what a part lacks is not the document's.
    let scored = a.document.meta.coverage.extent == Extent::Whole;
    for (id, zh, en, n) in [
        ("quality_errors", "错误", "Errors", q.errors),
        ("quality_warnings", "警告", "Warnings", q.warnings),
        (
            "quality_rounding",
            "尾差",
            "Rounding differences",
            q.rounding,
        ),
        ("quality_info", "提示", "Notes", q.info),
    ] {
        b.plain(
            def(id, G::Quality, zh, en, U::Count),
            count(n),
            d(
                format!("检查结果中“{zh}”的条数"),
                format!("number of findings: {}", en.to_lowercase()),
            ),
        );
    }
    b.plain(
        def(
            "completeness_complete",
            G::Quality,
            "公开要素：已具备",
            "Checklist items present",
            U::Count,
        ),
        count(q.complete).filter(|_| scored),
        d(
            "公开要素清单中已具备的必备项数".into(),
            "required checklist items the document has".into(),
        ),
    );
    b.plain(
        def(
            "completeness_required",
            G::Quality,
            "公开要素：必备项",
            "Checklist items required",
            U::Count,
        ),
        count(q.required).filter(|_| scored),
        d(
            "公开要素清单中的必备项数".into(),
            "required checklist items".into(),
        ),
    );
    b.out
}

/// The change and the growth rate of one reconstructed previous-year item.
fn yoy(b: &mut Builder, doc: &Document, id: &str, zh: &str, en: &str, item: Option<&PriorItem>) {
    let (src_zh, src_en) = item.map_or_else(
        || {
            section_of(
                doc,
                SectionRef {
                    part: 3,
                    ..SectionRef::default()
                },
            )
        },
        |p| {
            let (z, e) = section_of(doc, p.section);
            (
                format!("{z}「{}」", p.subject),
                format!("{e} '{}'", p.subject),
            )
        },
    );
    let lines = item.map(|p| p.lines.clone()).unwrap_or_default();
    let change = item.map(|p| p.unit.to_wan(p.change));
    let prior = item.map(|p| p.unit.to_wan(p.prior));
    let change_id = format!("yoy_{id}_change");
    let change_zh = format!("{zh}比上年增减");
    let change_en = format!("Change in {en} from last year");
    b.push(
        def(
            &change_id,
            MetricGroup::YearOverYear,
            &change_zh,
            &change_en,
            MetricUnit::Wan,
        ),
        change.map(|c| (c, c)),
        lines.clone(),
        (
            format!("{src_zh}：比上年增加（+）或减少（−）的金额"),
            format!("{src_en}: the stated increase (+) or decrease (−) from last year"),
        ),
    );
    let prior_id = format!("yoy_{id}_prior");
    let prior_zh = format!("{zh}上年数（文件所述）");
    let prior_en = format!("{en}, last year (as stated)");
    b.push(
        def(
            &prior_id,
            MetricGroup::YearOverYear,
            &prior_zh,
            &prior_en,
            MetricUnit::Wan,
        ),
        prior.map(|p| (p, p)),
        lines.clone(),
        (
            format!("{src_zh}：所述本年数 − 比上年增减额"),
            format!("{src_en}: the amount it states for this year − the change it states"),
        ),
    );
    let growth_id = format!("yoy_{id}_growth");
    let growth_zh = format!("{zh}比上年增长率");
    let growth_en = format!("Growth of {en} from last year");
    b.push(
        def(&growth_id, MetricGroup::YearOverYear, &growth_zh, &growth_en, MetricUnit::Percent),
        change.zip(prior).and_then(|(c, p)| percent_of(c, p.abs())),
        lines,
        (
            format!("{src_zh}：增减额 ÷ 上年数 × 100，上年数 = 本年数 − 增减额（上年为 0 时不计）"),
            format!("{src_en}: change ÷ last year × 100, last year = this year − change (none when last year is 0)"),
        ),
    );
}

/// A narrative subject without the filler that varies between documents ("的…预算数").
fn subject_core(s: &str) -> &str {
    let s = s.trim();
    let s = s.strip_prefix('的').unwrap_or(s);
    s.strip_prefix("部门").unwrap_or(s)
}

/// The subject with every "预算", "财政拨款", "数" and "合计" removed, for matching.
fn bare(s: &str) -> String {
    s.replace("财政拨款", "")
        .replace("预算", "")
        .replace('数', "")
        .replace("合计", "")
}

fn is_income_total(s: &str) -> bool {
    matches!(
        bare(s).as_str(),
        "收入" | "收入总" | "收入总计" | "本年收入" | "收支总" | "收支总计" | "收入支出总计"
    )
}

fn is_general_budget(s: &str) -> bool {
    let b = s.replace("合计", "").replace("收入", "");
    matches!(
        b.as_str(),
        "一般公共预算" | "一般公共预算拨款" | "一般公共预算数"
    )
}

fn is_basic(s: &str) -> bool {
    bare(s) == "基本支出"
}

fn is_project(s: &str) -> bool {
    bare(s) == "项目支出"
}

fn is_running_cost(s: &str) -> bool {
    s.contains("机关运行经费")
}

fn is_three_public(s: &str) -> bool {
    s.contains("三公") && !["出国", "接待", "用车"].iter().any(|p| s.contains(p))
}

/// 国有资产: the stated values of 房屋, 车辆, 办公家具 and 其他资产 (十二（三）) added up, when
/// all four are stated.
pub fn assets(doc: &Document) -> Option<Figure> {
    let in_assets = |s: &&Statement| {
        s.section.part == 3
            && doc.headings.iter().any(|h| {
                h.section.chapter == s.section.chapter
                    && h.section.sub == s.section.sub
                    && h.section.sub > 0
                    && h.title.contains("国有资产")
            })
    };
    let find = |needles: &[&str]| {
        doc.statements
            .iter()
            .filter(in_assets)
            .filter(|s| {
                s.subject.ends_with("价值") && needles.iter().all(|n| s.subject.contains(n))
            })
            .find_map(|s| s.value.as_ref().filter(|q| q.unit == QUnit::Wan))
    };
    let parts = [
        find(&["房屋"]),
        find(&["车辆"]),
        find(&["家具"]),
        find(&["其他资产"]),
    ];
    let mut sum = Decimal::ZERO;
    let mut lines = Vec::new();
    for p in parts {
        let q = p?;
        sum = sum.checked_add(q.value)?;
        lines.push(q.line);
    }
    Some(Figure::new(sum, Unit::Wan, lines, None))
}

/// The metric with this id.
pub fn find<'m>(metrics: &'m [Metric], id: &str) -> Option<&'m Metric> {
    metrics.iter().find(|m| m.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn sample() -> Analysis {
        crate::analyze(include_str!(
            "../../../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt"
        ))
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn value(m: &[Metric], id: &str) -> Option<String> {
        find(m, id)
            .unwrap_or_else(|| panic!("no metric {id}"))
            .value
            .map(|v| v.to_string())
    }

    #[test]
    fn sample_values() {
        let m = metrics(&sample());
        let want = [
            ("income_total", "2300.52"),
            ("expense_total", "2300.52"),
            ("general_budget", "2287.86"),
            ("carryover", "12.66"),
            ("basic", "2102.56"),
            ("share_basic", "91.39"),
            ("project", "197.96"),
            ("share_project", "8.61"),
            ("personnel", "2041.95"),
            ("share_personnel", "97.12"),
            ("public", "60.61"),
            ("share_public", "2.88"),
            ("share_func_201", "72.36"),
            ("share_func_20103", "67.29"),
            ("share_func_208", "16.09"),
            ("staff_actual", "189"),
            ("staff_in_service", "187"),
            ("per_staff_actual_three_public", "0.05"),
            ("per_staff_actual_expense_total", "12.17"),
            ("per_staff_in_service_personnel", "10.92"),
            ("per_staff_in_service_public", "0.32"),
            ("three_public", "9.60"),
            ("three_public_abroad", "0"),
            ("three_public_vehicle_operation", "9.60"),
            ("running_cost", "60.61"),
            ("procurement", "32.09"),
            ("assets", "975.55"),
            ("yoy_general_budget_change", "239.81"),
            ("yoy_general_budget_growth", "11.73"),
            ("yoy_basic_change", "60.81"),
            ("yoy_basic_growth", "2.98"),
            ("yoy_project_change", "167.23"),
            ("yoy_project_growth", "544.19"),
            ("yoy_running_cost_change", "-17.95"),
            ("yoy_running_cost_growth", "-22.85"),
            ("yoy_three_public_change", "0"),
            ("quality_errors", "0"),
            ("completeness_complete", "16"),
            ("completeness_required", "16"),
        ];
        for (id, v) in want {
            assert_eq!(value(&m, id).as_deref(), Some(v), "{id}");
        }
        // Prior year 9.60 − 0 = 9.60, change 0: growth 0 %.
        assert_eq!(
            value(&m, "yoy_three_public_growth").as_deref(),
            Some("0.00")
        );
        // The sample states no change of total income.
        assert_eq!(value(&m, "yoy_income_total_change"), None);
    }

    #[test]
    fn derivations_lines_and_exact_values() {
        let m = metrics(&sample());
        let basic = find(&m, "share_basic").unwrap();
        assert_eq!(basic.derivation_zh, "表3 基本支出 ÷ 表3 合计 × 100");
        assert_eq!(basic.lines, vec![464]);
        assert_eq!(basic.unit, MetricUnit::Percent);
        let per = find(&m, "per_staff_actual_three_public").unwrap();
        assert_eq!(per.exact.unwrap(), dec("9.60") / dec("189"));
        assert_eq!(per.lines, vec![50, 1047]);
        assert_eq!(per.derivation_zh, "表10 “三公”经费合计 ÷ 第一部分 实有人数");
        let kuan = find(&m, "share_func_20103").unwrap();
        assert_eq!(kuan.parent.as_deref(), Some("share_func_201"));
        assert!(find(&m, "share_func_201").unwrap().parent.is_none());
        assert_eq!(
            find(&m, "three_public_vehicle_operation")
                .unwrap()
                .parent
                .as_deref(),
            Some("three_public_vehicles")
        );
        let yoy = find(&m, "yoy_running_cost_growth").unwrap();
        assert!(
            yoy.derivation_zh.starts_with("第三部分 十二（一）"),
            "{}",
            yoy.derivation_zh
        );
    }

    #[test]
    fn function_shares_are_ordered_by_code_with_children_after_their_class() {
        let m = metrics(&sample());
        let ids: Vec<&str> = m
            .iter()
            .filter(|m| m.group == MetricGroup::Function)
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(ids.first(), Some(&"share_func_201"));
        assert_eq!(ids.get(1), Some(&"share_func_20101"));
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted);
    }

    #[test]
    fn empty_input_gives_the_fixed_list_without_values() {
        let full = metrics(&sample());
        let m = metrics(&crate::analyze(""));
        let fixed: Vec<&str> = full
            .iter()
            .filter(|m| m.group != MetricGroup::Function)
            .map(|m| m.id.as_str())
            .collect();
        let ids: Vec<&str> = m.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, fixed);
        assert!(m
            .iter()
            .filter(|m| m.group != MetricGroup::Quality)
            .all(|m| m.value.is_none() && m.lines.is_empty()));
    }

    #[test]
    fn yuan_is_divided_exactly() {
        let f = Figure::new(dec("164978641"), Unit::Yuan, vec![3], Some(1));
        assert_eq!(Input::of(&f).value, dec("16497.8641"));
        assert_eq!(round2(dec("0.005")), dec("0.01"));
        assert_eq!(round2(dec("-22.845")), dec("-22.85"));
        assert_eq!(percent_of(Decimal::ONE, Decimal::ZERO), None);
    }
}
