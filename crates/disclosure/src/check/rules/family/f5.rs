//! Rule F5: Shanghai budget explanation: items = table 5, growth over last year's outturn

use super::*;
use crate::check::rules::narrative::PathIndex;

rules! {
    /// ## What it checks
    /// Each item of a Shanghai 部门预算编制说明 ("“X（类）Y（款）Z（项）”a 万元 … 预算执行数为 p 万元，预算安排 a 万元，比…预算执行数增加
    /// g%"): a = 表5's 项 of that name path (万元 against 元, compared at 0.01 万元: one unit of that
    /// last digit apart, as when the 元 were cut rather than rounded, is rounding; more is an
    /// error), 预算安排 restates a (the same tolerance), and g = (a − p) / p within the rounding
    /// envelope or 0.01 point (error beyond it, a note for p = 0, a warning when the direction
    /// word contradicts the sign). Without 表5 (the 编制说明 pasted alone) each item's own
    /// arithmetic is still checked. The rule's own logic, `budget_explanation` with its
    /// item reader and name index, is below.
    ///
    /// ## Why it must hold
    /// The explanation restates the table item by item; a different amount or growth rate
    /// misinforms the reader of the only prose about each line. Applies to Shanghai budgets that
    /// print a 部门预算编制说明.
    ///
    /// ## Example
    /// Shanghai 万里街道 2023 budget: 第1项 统计管理 2.63 万元 = 表5 201 05 06 26,300 元, and (2.63 − 1.48) /
    /// 1.48 = 77.70 % as printed. 第3项 prints 314.82 % where (45.41 − 11.67) / 11.67 = 289.12 % — an
    /// error.
    F5 = "F5", "上海预算编制说明：各项金额 = 表5，较预算执行数的增幅", "Shanghai budget explanation: items = table 5, growth over last year's outturn", budget_explanation;
}

/// One item of a Shanghai 编制说明: "“A（类）B（款）C（项）”X万元，…2022年当年预算执行数为
/// P万元，2023年预算安排C万元，比2022年预算执行数增加g%".
struct BudgetItem<'d> {
    /// The statement naming the 项, with its amount X.
    head: &'d Statement,
    /// 预算执行数 P.
    prior: Option<&'d Statement>,
    /// 预算安排 C, with the growth rate.
    current: Option<&'d Statement>,
}

/// The items of a Shanghai budget's 编制说明 (第三部分 before its chapters), in printed order;
/// an item repeated later in the text is read again.
fn budget_items(doc: &Document) -> Vec<BudgetItem<'_>> {
    let mut out: Vec<BudgetItem> = Vec::new();
    for s in doc
        .statements
        .iter()
        .filter(|s| s.section.part == 3 && s.section.chapter == 0 && s.section.item > 0)
    {
        let money = s
            .value
            .as_ref()
            .is_some_and(|q| matches!(q.unit, QUnit::Wan | QUnit::Yuan));
        if s.subject.contains("（项）") && money {
            out.push(BudgetItem {
                head: s,
                prior: None,
                current: None,
            });
            continue;
        }
        let Some(item) = out.last_mut().filter(|i| i.head.section == s.section) else {
            continue;
        };
        if s.subject.ends_with("预算执行数") && money {
            item.prior.get_or_insert(s);
        } else if s.subject == "预算安排" && money {
            item.current.get_or_insert(s);
        }
    }
    out
}

/// "部门预算编制说明 第3项「…」".
fn item_label(s: &Statement) -> Label {
    Label::new(
        format!("部门预算编制说明 第{}项「{}」", s.section.item, s.subject),
        format!("部门预算编制说明 item {} '{}'", s.section.item, s.subject),
    )
}

/// F5: each item of a Shanghai 编制说明 against 表5 and against its own arithmetic.
fn budget_explanation(c: &mut Checker) {
    let doc = c.doc;
    if !(doc.meta.family == Family::Shanghai && doc.meta.kind == DocKind::Budget) {
        return;
    }
    let items = budget_items(doc);
    if items.is_empty() {
        return;
    }
    // The amounts against 表5 when the text has it; each item's own arithmetic in any case
    // (the 编制说明 pasted alone).
    let t5 = c
        .table(TableKind::GeneralExpense)
        .and_then(|t| Some((t, t.main()?)));
    let names = t5.map(|(_, b)| PathIndex::new(b));
    for item in &items {
        let head = item.head;
        let Some(x) = head.value.as_ref() else {
            continue;
        };
        let label = item_label(head);
        let x_unit = if x.unit == QUnit::Yuan {
            Unit::Yuan
        } else {
            Unit::Wan
        };
        // The amount against 表5 (printed in 元, stated in 万元).
        let table = t5.zip(names.as_ref());
        match table.map(|((t, b), names)| (t, b, names.row(&path_names(&head.subject)))) {
            None => {}
            Some((t, b, Some(row))) => {
                let v = b.value(row, Col::Total);
                // Each in its unit, at the coarser printing's decimals: 877,080 元 stated as
                // 87.70 万元 (truncated; rounded it would be 87.71) is a rounding difference.
                let twice = tolerance::twice(x.value, x_unit, v, t.unit);
                if twice.verdict != Verdict::Exact {
                    let what = crate::check::rules::row_label(t, row);
                    let (severity, tail_zh, tail_en) =
                        super::super::narrative::why_differ(&twice, x_unit != t.unit);
                    let f = c.report(
                        severity,
                        format!(
                            "{}为 {} {}，而{}为 {} {}：{tail_zh}。",
                            label.zh,
                            amount(x.value),
                            x_unit.label(),
                            what.zh,
                            amount(v),
                            t.unit.label()
                        ),
                        format!(
                            "{} says {} {}, but {} is {} {}: {tail_en}.",
                            label.en,
                            amount(x.value),
                            x_unit.label(),
                            what.en,
                            amount(v),
                            t.unit.label()
                        ),
                    );
                    crate::check::rules::narrative::expect_in(
                        f,
                        v,
                        t.unit,
                        x_unit,
                        x.value.scale(),
                    );
                    f.actual = Some(x.value);
                    f.lines = [head.lines.clone(), row.lines.clone()].concat();
                    f.tables = vec![t.number];
                }
            }
            Some((t, _, None)) => {
                let f = c.report(
                    Severity::Info,
                    format!(
                        "{}：在表{}中找不到对应的类、款、项名称，未能核对金额。",
                        label.zh, t.number
                    ),
                    format!(
                        "{}: no row of table {} has these 类/款/项 names; the amount was not checked.",
                        label.en, t.number
                    ),
                );
                f.lines = head.lines.clone();
                f.tables = vec![t.number];
            }
        }
        let Some(cur) = item.current else { continue };
        let Some(cq) = cur.value.as_ref() else {
            continue;
        };
        // 预算安排 restates the item's amount, each in its unit.
        let c_unit = cq.unit.money().unwrap_or_default();
        let twice = tolerance::twice(cq.value, c_unit, x.value, x_unit);
        if twice.verdict != Verdict::Exact {
            let (severity, tail_zh, tail_en) =
                super::super::narrative::why_differ(&twice, c_unit != x_unit);
            let f = c.report(
                severity,
                format!(
                    "{}：标题金额为 {} {}，正文却说预算安排 {} {}：{tail_zh}。",
                    label.zh,
                    amount(x.value),
                    x_unit.label(),
                    amount(cq.value),
                    c_unit.label()
                ),
                format!(
                    "{}: the heading gives {} {}, the text budgets {} {}: {tail_en}.",
                    label.en,
                    amount(x.value),
                    x_unit.label(),
                    amount(cq.value),
                    c_unit.label()
                ),
            );
            f.expected = Some(tolerance::in_unit(
                x.value,
                x_unit,
                c_unit,
                cq.value.scale().max(2),
            ));
            f.actual = Some(cq.value);
            f.lines = [head.lines.clone(), cur.lines.clone()].concat();
        }
        // The growth over 预算执行数.
        let (Some(prior), Some(growth)) = (item.prior, cur.growth.as_ref()) else {
            continue;
        };
        let (Some(pq), Some(g)) = (prior.value.as_ref(), growth.amount.as_ref()) else {
            continue;
        };
        let delta = cq.value - pq.value;
        let lines = [prior.lines.clone(), cur.lines.clone()].concat();
        let wrong_way = (growth.direction == Direction::Up && delta.is_sign_negative())
            || (growth.direction == Direction::Down
                && delta.is_sign_positive()
                && !delta.is_zero());
        let stated = format!("{}%", g.value);
        let rate = |verdict_zh: &str, shown: Decimal| {
            (
                format!(
                    "{}：由预算执行数 {} 万元到预算安排 {} 万元，变动率{}{}，印为 {stated}。",
                    label.zh,
                    amount(pq.value),
                    amount(cq.value),
                    verdict_zh,
                    crate::format::percent_as_printed(shown, g.value)
                ),
                format!(
                    "{}: from 预算执行数 {} 万元 to 预算安排 {} 万元 the rate is {}, printed {stated}.",
                    label.en,
                    amount(pq.value),
                    amount(cq.value),
                    crate::format::percent_as_printed(shown, g.value)
                ),
            )
        };
        let (severity, (zh, en)) = if wrong_way {
            (
                Severity::Error,
                (
                    format!(
                        "{}：预算安排 {} 万元与预算执行数 {} 万元相比的方向与“{}”相反。",
                        label.zh,
                        amount(cq.value),
                        amount(pq.value),
                        if growth.direction == Direction::Up { "增加" } else { "减少" }
                    ),
                    format!(
                        "{}: 预算安排 {} 万元 against 预算执行数 {} 万元 moves the other way from what is stated.",
                        label.en,
                        amount(cq.value),
                        amount(pq.value)
                    ),
                ),
            )
        } else {
            match tolerance::growth(g.value, cq.value, delta) {
                None | Some(Growth::Checked(Verdict::Exact, _)) => continue,
                Some(Growth::Checked(Verdict::Rounding, shown)) => {
                    (Severity::Rounding, rate("在尾差范围内为 ", shown))
                }
                Some(Growth::Checked(Verdict::Wrong, shown)) => {
                    (Severity::Error, rate("应为 ", shown))
                }
                Some(Growth::FromZero { customary: true }) => (
                    Severity::Info,
                    (
                        format!("{}：预算执行数为 0，“增加 {stated}”是惯用写法，严格说增长率无从计算。", label.zh),
                        format!("{}: the 预算执行数 was zero; \"{stated}\" is the customary wording, though a rate from zero is undefined.", label.en),
                    ),
                ),
                Some(Growth::FromZero { customary: false }) => (
                    Severity::Warning,
                    (
                        format!("{}：预算执行数为 0，增长率无从计算，却印为 {stated}。", label.zh),
                        format!("{}: the 预算执行数 was zero, so no rate exists, yet {stated} is printed.", label.en),
                    ),
                ),
            }
        };
        let f = c.report(severity, zh, en);
        f.actual = Some(g.value);
        f.percent = true;
        f.lines = lines;
    }
}
