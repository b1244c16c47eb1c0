//! Rule N26: Section 十二(四)(五): project counts and amounts = tables 7, 11

use super::*;
use crate::check::rules::narrative::why_differ;
use crate::check::tolerance::{self, Verdict};

rules! {
    /// ## What it checks
    /// 十二（四）（五）: the counts and amounts stated — 整体绩效目标 amount = 表1 收支总计; 当年财政拨款项目 count and amount
    /// = 表7's projects and 总计; 当年非财政拨款项目 = this year's non-appropriated project money; 转移支付项目
    /// amount = 表2 上级转移支付 columns; 上年结转结余项目 count and amount = 表11's items and 总计. A count
    /// must match exactly; an amount is compared in its own unit against the table's, at the coarser
    /// printing's decimals, where one unit of the last digit apart is rounding and more an error. The rule's own logic, `performance_scope`, is below.
    ///
    /// ## Why it must hold
    /// The section says what the published performance targets cover; its counts must be the
    /// tables'. Applies to documents with 十二（四）（五） (Xinjiang budgets).
    ///
    /// ## Example
    /// Xinjiang sample: 整体 1 个, 2,300.52 = 表1; 财政拨款项目 9 个, 185.30 = 表7; 非财政拨款 0 个, 0.00; 转移支付 2 个,
    /// 4.30 = 表2; 结转 6 个, 12.66 = 表11.
    N26 = "N26", "说明十二（四）（五）：项目个数与金额 = 表7、表11", "Section 十二(四)(五): project counts and amounts = tables 7, 11", performance_scope;
}

/// N26 / N27: the counts and amounts of 十二（四）and （五）.
fn performance_scope(c: &mut Checker) {
    let doc = c.doc;
    let in12 = |needle: &'static str, count: bool| {
        doc.statements.iter().find(|s| {
            in_topic(doc, s.section, 12)
                && s.subject.contains(needle)
                && s.value
                    .as_ref()
                    .is_some_and(|q| matches!(q.unit, QUnit::Count(_)) == count)
        })
    };
    // A count against a count, exactly; an amount against a table's amount (in that table's
    // unit, `Some`), each in its unit at the coarser printing's decimals.
    let compare = |c: &mut Checker,
                   s: Option<&Statement>,
                   v: Option<(Decimal, Vec<LineNo>, Option<Unit>)>,
                   zh: &str,
                   en: &str,
                   tables: &[u8]| {
        let (Some(s), Some((tv, lines, t_unit))) = (s, v) else {
            return;
        };
        let Some(q) = &s.value else { return };
        let sl = statement_label(s);
        let money = q.unit.money().zip(t_unit);
        let (severity, tail_zh, tail_en) = match money {
            Some((u, tu)) => {
                let twice = tolerance::twice(q.value, u, tv, tu);
                if twice.verdict == Verdict::Exact {
                    return;
                }
                let (severity, zh, en) = why_differ(&twice, u != tu);
                (severity, format!("：{zh}"), format!(": {en}"))
            }
            None if q.value == tv => return,
            None => (Severity::Error, String::new(), String::new()),
        };
        let f = c.report(
            severity,
            format!(
                "{}为 {}，{}为 {}{tail_zh}。",
                sl.zh,
                amount(q.value),
                zh,
                amount(tv)
            ),
            format!(
                "{} says {}, but {} is {}{tail_en}.",
                sl.en,
                amount(q.value),
                en,
                amount(tv)
            ),
        );
        // An amount in the claim's unit; a count as it is.
        match money {
            Some((u, tu)) => {
                crate::check::rules::narrative::expect_in(f, tv, tu, u, q.value.scale())
            }
            None => f.expected = Some(tv),
        }
        f.actual = Some(q.value);
        f.lines = [s.lines.clone(), lines].concat();
        f.tables = tables.to_vec();
    };
    let projects = doc.table(TableKind::GeneralProjects);
    let n7 = projects.map(|t| {
        (
            Decimal::from(t.rows().filter(|r| r.kind == RowKind::Project).count()),
            vec![t.span.0],
            None,
        )
    });
    let t7 = total_of(doc, TableKind::GeneralProjects, Side::Whole, Col::Total)
        .map(|(v, l, u, _)| (v, l, Some(u)));
    let n7t = projects.map_or(0, |t| t.number);
    compare(
        c,
        in12("当年财政拨款项目", true),
        n7,
        &format!("表{n7t} 的项目数"),
        &format!("the number of projects in table {n7t}"),
        &[n7t],
    );
    compare(
        c,
        in12("当年财政拨款项目涉及", false),
        t7,
        &format!("表{n7t} 总计"),
        &format!("table {n7t} total"),
        &[n7t],
    );
    let whole =
        income_of(doc, TableKind::Summary, RowKey::IncomeTotal).map(|(v, l, u, _)| (v, l, Some(u)));
    compare(
        c,
        in12("整体", false),
        whole,
        "表1 收入总计",
        "table 1 income total",
        &[1],
    );
    // 十二（五）: transfers and carried-over projects.
    let carry = doc.table(TableKind::CarryOver);
    let n11 = carry.map(|t| {
        (
            Decimal::from(t.rows().filter(|r| r.kind == RowKind::Item).count()),
            vec![t.span.0],
            None,
        )
    });
    let t11 = total_of(doc, TableKind::CarryOver, Side::Whole, Col::Total)
        .map(|(v, l, u, _)| (v, l, Some(u)));
    let n11t = carry.map_or(0, |t| t.number);
    compare(
        c,
        in12("上年结转结余项目", true),
        n11,
        &format!("表{n11t} 的结转项目数"),
        &format!("the number of items in table {n11t}"),
        &[n11t],
    );
    compare(
        c,
        in12("上年结转结余项目涉及", false),
        t11,
        &format!("表{n11t} 总计"),
        &format!("table {n11t} total"),
        &[n11t],
    );
    let transfers = doc.table(TableKind::Income).and_then(|t| {
        let b = t.main()?;
        let r = b.total()?;
        let v = b.value(r, Col::GeneralTransfer)
            + b.value(r, Col::GovFundTransfer)
            + b.value(r, Col::StateCapitalTransfer);
        Some((v, r.lines.clone(), Some(t.unit)))
    });
    compare(
        c,
        in12("转移支付项目涉及", false),
        transfers,
        "表2 上级转移支付合计",
        "table 2 transfers from above",
        &[2],
    );
}
