//! Narrative rules of 七 to 十二 and 第一部分, the consistency of facts stated twice, and unit
//! slips (rules.md §2.3, §0 "Units", §3.2).

use rust_decimal::Decimal;

use super::narrative::{
    amt, chapters, find, in_topic, income_of, restates, section_label, stated, statement_label,
    total_of, yoy_in,
};
use super::{row_label, Amt, Label};
use crate::check::{Checker, Severity};
use crate::format::amount;
use crate::model::*;
use crate::parse::segment::compact;

fn table_label(doc: &Document, kind: TableKind, zh: &str, en: &str) -> Label {
    let n = doc.table(kind).map_or(0, |t| t.number);
    Label::new(format!("表{n} {zh}"), format!("table {n} {en}"))
}

/// N2: the sources and 类 listed in 一 are those with money in 表1.
fn listed_groups(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::Summary) else {
        return;
    };
    let Some(exp) = t.block(Side::Expense) else {
        return;
    };
    for l in doc.listings.iter().filter(|l| in_topic(doc, l.section, 1)) {
        if l.subject.contains("支出") {
            let listed: Vec<String> = l.items.iter().map(|i| compact(&i.value)).collect();
            for r in exp.rows.iter().filter(|r| r.kind == RowKind::Class) {
                let has_money = !exp.value(r, Col::Amount).is_zero();
                let named = listed.contains(&compact(&r.name));
                if has_money != named {
                    let label = row_label(t, r);
                    let (zh, en) = if has_money {
                        (
                            format!(
                                "第三部分 一列出的支出没有{}，但表{}中有金额。",
                                label.zh, t.number
                            ),
                            format!(
                                "Part 3, 一 does not list {}, which has money in table {}.",
                                label.en, t.number
                            ),
                        )
                    } else {
                        (
                            format!(
                                "第三部分 一列出了{}，但表{}中没有金额。",
                                label.zh, t.number
                            ),
                            format!(
                                "Part 3, 一 lists {}, which has no money in table {}.",
                                label.en, t.number
                            ),
                        )
                    };
                    let mut lines = r.lines.clone();
                    lines.extend(l.items.iter().map(|i| i.line));
                    let f = c.report(Severity::Warning, zh, en);
                    f.lines = lines;
                    f.tables = vec![t.number];
                }
            }
        }
    }
}

/// N15: the items 六 lists for 人员经费 and 公用经费 are the 款 of 表6 with money.
fn listed_items(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::GeneralBasic) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let heads: Vec<(&Statement, Col, &[&str])> = stated(doc, 6, 0)
        .filter_map(|s| {
            if s.subject.contains("人员经费") {
                Some((s, Col::Personnel, &["301", "303"][..]))
            } else if s.subject.contains("公用经费") {
                Some((
                    s,
                    Col::Public,
                    &["302", "310", "307", "309", "312", "313", "399"][..],
                ))
            } else {
                None
            }
        })
        .collect();
    for (i, &(s, col, classes)) in heads.iter().enumerate() {
        let from = s.lines.first().copied().unwrap_or(0);
        let to = heads
            .get(i + 1)
            .and_then(|h| h.0.lines.first().copied())
            .unwrap_or(LineNo::MAX);
        let Some(list) = doc.listings.iter().find(|l| {
            in_topic(doc, l.section, 6)
                && l.items
                    .first()
                    .is_some_and(|it| it.line >= from && it.line < to)
        }) else {
            continue;
        };
        let listed: Vec<String> = list.items.iter().map(|it| compact(&it.value)).collect();
        let rows: Vec<&Row> = b
            .rows
            .iter()
            .filter(|r| {
                r.kind == RowKind::Kuan
                    && r.code_str()
                        .is_some_and(|code| classes.contains(&&code[..3]))
                    && !super::structure::row_amount(b, r, col).is_zero()
            })
            .collect();
        let missing: Vec<&Row> = rows
            .iter()
            .copied()
            .filter(|r| !listed.contains(&compact(&r.name)))
            .collect();
        let extra: Vec<&Located<String>> = list
            .items
            .iter()
            .filter(|it| !rows.iter().any(|r| compact(&r.name) == compact(&it.value)))
            .collect();
        if missing.is_empty() && extra.is_empty() {
            continue;
        }
        let names = |v: &[&Row]| {
            v.iter()
                .map(|r| r.name.clone())
                .collect::<Vec<_>>()
                .join("、")
        };
        let extras = extra
            .iter()
            .map(|e| e.value.clone())
            .collect::<Vec<_>>()
            .join("、");
        let f = c.report(
            Severity::Warning,
            format!("第三部分 六：{}包括的科目与表{}不一致。未列出：{}；表中没有：{}。", col.title(), t.number, names(&missing), extras),
            format!("Part 3, 六: the items listed for {} differ from table {}. Not listed: {}; not in the table: {}.", col.title(), t.number, names(&missing), extras),
        );
        f.lines = missing
            .iter()
            .flat_map(|r| r.lines.iter().copied())
            .chain(extra.iter().map(|e| e.line))
            .collect();
        f.tables = vec![t.number];
    }
}

/// N16: 七 describes as many projects as 表7 lists.
fn project_count(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::GeneralProjects) else {
        return;
    };
    let rows: Vec<&Row> = t.rows().filter(|r| r.kind == RowKind::Project).collect();
    if doc.projects.is_empty() || rows.len() == doc.projects.len() {
        return;
    }
    let f = c.report(
        Severity::Error,
        format!(
            "第三部分 七说明了 {} 个项目，表{}列出 {} 个。",
            doc.projects.len(),
            t.number,
            rows.len()
        ),
        format!(
            "Part 3, 七 describes {} projects; table {} lists {}.",
            doc.projects.len(),
            t.number,
            rows.len()
        ),
    );
    f.expected = Some(Decimal::from(rows.len()));
    f.actual = Some(Decimal::from(doc.projects.len()));
    f.lines = doc
        .projects
        .iter()
        .filter_map(|p| p.lines.first().copied())
        .chain(rows.iter().map(|r| r.line()))
        .collect();
    f.tables = vec![t.number];
}

/// Σ amount × multipliers of an allocation, in 万元, reading 元 amounts as `yuan_as`.
fn allocation_total(p: &ProjectNote, yuan_as: Unit) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    for term in &p.terms {
        let mut v = match term.amount.unit {
            QUnit::Wan => term.amount.value,
            QUnit::Yuan => yuan_as.to_wan(term.amount.value),
            _ => return None,
        };
        for m in &term.multipliers {
            v = v.checked_mul(m.value)?;
        }
        sum = sum.checked_add(v)?;
    }
    Some(sum)
}

/// N17: each project's 资金分配情况 adds up to its 预算安排规模.
fn allocations(c: &mut Checker) {
    let doc = c.doc;
    for p in &doc.projects {
        let (Some(amount_q), false) = (&p.amount, p.terms.is_empty()) else {
            continue;
        };
        let target = match amount_q.unit {
            QUnit::Wan => amount_q.value,
            QUnit::Yuan => Unit::Yuan.to_wan(amount_q.value),
            _ => continue,
        };
        let Some(as_printed) = allocation_total(p, Unit::Yuan) else {
            continue;
        };
        if as_printed == target {
            continue;
        }
        // A 元 typed for 万元 is the unit-slip rule's to report (U1).
        if allocation_total(p, Unit::Wan) == Some(target) {
            continue;
        }
        let arithmetic: Vec<String> = p
            .terms
            .iter()
            .map(|t| {
                let mut s = format!(
                    "{}{}",
                    amount(t.amount.value),
                    if t.amount.unit == QUnit::Yuan {
                        "元"
                    } else {
                        "万元"
                    }
                );
                for m in &t.multipliers {
                    s.push_str(&format!(" × {}", m.value));
                }
                s
            })
            .collect();
        let sl = section_label(p.section);
        let f = c.report(
            Severity::Warning,
            format!(
                "{}「{}」：资金分配情况按文字计算为 {} = {} 万元，与预算安排规模 {} 万元不符。",
                sl.zh,
                p.name,
                arithmetic.join(" + "),
                amount(as_printed),
                amount(target)
            ),
            format!(
                "{} '{}': the allocation as written gives {} = {} 万元, not the budgeted {} 万元.",
                sl.en,
                p.name,
                arithmetic.join(" + "),
                amount(as_printed),
                amount(target)
            ),
        );
        f.expected = Some(target);
        f.actual = Some(as_printed);
        f.lines = p
            .terms
            .iter()
            .flat_map(|t| {
                std::iter::once(t.amount.line).chain(t.multipliers.iter().map(|m| m.line))
            })
            .chain([amount_q.line])
            .collect();
    }
}

/// T8.2 / T9.2 / N19: an empty 表8 / 表9 says so on the table and in 八 / 九 (where the
/// layout has such a chapter), and a sentence that calls a table empty is true. A table whose
/// only row is a 合计 with nothing in it (as the Shanghai templates print an empty table) is
/// empty.
fn empty_table(c: &mut Checker, kind: TableKind, word: &str, chapter: u8) {
    let doc = c.doc;
    let Some(t) = c.table(kind) else { return };
    let empty = t
        .main()
        .is_none_or(|b| b.rows.iter().all(|r| r.cells.iter().all(Option::is_none)));
    let narrative = doc.empty_statements.iter().find(|e| e.value.contains(word));
    let label = Label::new(
        format!("表{} {}", t.number, t.title),
        format!("table {} ({})", t.number, t.title),
    );
    if empty {
        if t.empty_statement.is_none() {
            let f = c.report(
                Severity::Error,
                format!("{}没有数据，表上却没有空表说明。", label.zh),
                format!(
                    "{} has no rows but no statement that it is empty.",
                    label.en
                ),
            );
            f.lines = vec![t.span.0];
            f.tables = vec![t.number];
        }
        let printed = chapters(doc, chapter).first().copied();
        if let (None, false, Some(chapter)) = (narrative, doc.statements.is_empty(), printed) {
            let ch = section_label(SectionRef {
                part: 3,
                chapter,
                sub: 0,
                item: 0,
            });
            let f = c.report(
                Severity::Warning,
                format!("{}没有数据，但{}没有说明其为空表。", label.zh, ch.zh),
                format!(
                    "{} has no rows, but {} does not say it is empty.",
                    label.en, ch.en
                ),
            );
            f.lines = vec![t.span.0];
            f.tables = vec![t.number];
        }
    } else if let Some(e) = t.empty_statement.as_ref().or(narrative) {
        let f = c.report(
            Severity::Error,
            format!("{}有数据，却说明为空表。", label.zh),
            format!("{} has rows, yet it is said to be empty.", label.en),
        );
        f.lines = vec![e.line, t.span.0];
        f.tables = vec![t.number];
    }
}

/// The 三公 column a subject speaks of: 合计 (all sources), or, in a 决算 that prints 预算数 /
/// 决算数 pairs, 预算数 when the subject says 预算 ("年初预算") and 决算数 otherwise.
fn three_public_col(b: &Block, subject: &str) -> Col {
    if b.col(Col::Total).is_some() {
        Col::Total
    } else if subject.contains("预算") && !subject.contains("决算") {
        Col::Budgeted
    } else {
        Col::Actual
    }
}

/// N20: 十 restates 表10 and its changes add up.
fn three_public(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::ThreePublic) else {
        return;
    };
    let Some(b) = t.main() else { return };
    for s in stated(doc, 10, 0).collect::<Vec<_>>() {
        let row = if s.subject.contains("三公") {
            b.total()
        } else {
            [
                (RowKey::Abroad, "出国"),
                (RowKey::Reception, "接待"),
                (RowKey::Vehicles, "购置及运行"),
                (RowKey::VehiclePurchase, "购置"),
                (RowKey::VehicleOperation, "运行"),
            ]
            .iter()
            .find(|(_, w)| s.subject.contains(w))
            .and_then(|&(k, _)| b.keyed(k))
        };
        let Some(row) = row else { continue };
        let what = || row_label(t, row);
        let col = three_public_col(b, &s.subject);
        restates(
            c,
            s,
            &what,
            Some((b.value(row, col), row.lines.clone())),
            t.unit,
            t.number,
        );
    }
    // Σ item Δ = total Δ.
    let changes: Vec<&Statement> = doc
        .statements
        .iter()
        .filter(|s| in_topic(doc, s.section, 10) && s.change.is_some() && !s.in_reason)
        .collect();
    if let Some((total, items)) = changes
        .split_first()
        .filter(|(t, _)| t.subject.contains("三公"))
    {
        let parts: Vec<Amt> = items
            .iter()
            .filter_map(|s| {
                s.change.as_ref().map(|ch| Amt {
                    value: ch.signed(),
                    lines: s.lines.clone(),
                })
            })
            .collect();
        if parts.len() >= 2 {
            if let Some(ch) = &total.change {
                let what = Label::new(
                    "第三部分 十：各项“三公”经费的变动之和应等于总变动",
                    "Part 3, 十: the changes of the 三公 items should add up to the total change",
                );
                c.sum(
                    &what,
                    &Amt {
                        value: ch.signed(),
                        lines: total.lines.clone(),
                    },
                    &parts,
                    &[t.number],
                );
            }
        }
    }
    yoy_in(c, 10, 0);
}

/// N21: 十一 restates 表11: total, split, and each item; item breakdowns add up.
fn carry_over(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::CarryOver) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let Some(total) = b.total() else { return };
    let cell = |col: Col| Some((b.value(total, col), total.lines.clone()));
    if let Some(s) = find(doc, 11, 0, |s| {
        s.contains("结转结余") && !s.contains("非财政")
    }) {
        restates(
            c,
            s,
            &|| table_label(doc, TableKind::CarryOver, "总计", "total"),
            cell(Col::Total),
            t.unit,
            t.number,
        );
    }
    if let Some(s) = find(doc, 11, 0, |s| s == "财政拨款") {
        restates(
            c,
            s,
            &|| table_label(doc, TableKind::CarryOver, "财政拨款合计", "appropriations"),
            cell(Col::FiscalCarryTotal),
            t.unit,
            t.number,
        );
    }
    if let Some(s) = find(doc, 11, 0, |s| s == "非财政拨款") {
        restates(
            c,
            s,
            &|| table_label(doc, TableKind::CarryOver, "非财政拨款合计", "other funds"),
            cell(Col::NonFiscalCarryTotal),
            t.unit,
            t.number,
        );
    }
    let items: Vec<&Row> = b.rows.iter().filter(|r| r.kind == RowKind::Item).collect();
    for s in stated(doc, 11, 0)
        .filter(|s| s.section.item > 0)
        .collect::<Vec<_>>()
    {
        let key = compact(&s.subject);
        let Some(row) = items.iter().find(|r| {
            let n = compact(&r.name);
            !n.is_empty() && (n == key || key.contains(&n) || n.contains(&key))
        }) else {
            let sl = statement_label(s);
            let f = c.report(
                Severity::Warning,
                format!("{}：表{}中没有这一结转项目。", sl.zh, t.number),
                format!(
                    "{}: table {} has no such carried-over item.",
                    sl.en, t.number
                ),
            );
            f.lines = s.lines.clone();
            f.tables = vec![t.number];
            continue;
        };
        restates(
            c,
            s,
            &|| row_label(t, row),
            Some((b.value(row, Col::Total), row.lines.clone())),
            t.unit,
            t.number,
        );
        // "主要用于 A 0.3 万元，用于 B 0.3 万元": the parts of the item add up to it.
        let parts: Vec<Amt> = doc
            .statements
            .iter()
            .filter(|o| {
                o.section == s.section
                    && o.in_reason
                    && o.value.as_ref().is_some_and(|q| q.unit == QUnit::Wan)
            })
            .filter_map(amt)
            .collect();
        if parts.len() >= 2 {
            if let Some(total) = amt(s) {
                let sl = statement_label(s);
                c.sum(
                    &Label::new(format!("{}的分项", sl.zh), format!("{}: its parts", sl.en)),
                    &total,
                    &parts,
                    &[],
                );
            }
        }
    }
}

/// N23: 政府采购 = 货物 + 工程 + 服务; 中小企业预留 ≤ 采购; 小微 ≤ 中小.
fn procurement(c: &mut Checker) {
    let doc = c.doc;
    let Some(total) = find(doc, 12, 0, |s| {
        s.contains("政府采购")
            && !s.contains("货物")
            && !s.contains("工程")
            && !s.contains("服务")
            && !s.contains("企业")
    }) else {
        return;
    };
    let parts: Vec<Amt> = ["货物", "工程", "服务"]
        .iter()
        .filter_map(|w| {
            find(doc, 12, total.section.sub, |s| {
                s.contains("政府采购") && s.contains(w)
            })
        })
        .filter_map(amt)
        .collect();
    if let (Some(t), 3) = (amt(total), parts.len()) {
        let what = Label::new(
            "第三部分 十二 政府采购预算 = 货物 + 工程 + 服务",
            "Part 3, 十二: procurement = goods + works + services",
        );
        c.sum(&what, &t, &parts, &[]);
    }
    let sme = find(doc, 12, total.section.sub, |s| s.contains("中小企业"));
    let micro = find(doc, 12, total.section.sub, |s| s.contains("小微企业"));
    for (small, big) in [(sme, Some(total)), (micro, sme)] {
        let (Some(small), Some(big)) = (small, big) else {
            continue;
        };
        let (Some(a), Some(b)) = (amt(small), amt(big)) else {
            continue;
        };
        if a.value > b.value {
            let (sa, sb) = (statement_label(small), statement_label(big));
            let f = c.report(
                Severity::Error,
                format!(
                    "{}（{}）大于{}（{}）。",
                    sa.zh,
                    amount(a.value),
                    sb.zh,
                    amount(b.value)
                ),
                format!(
                    "{} ({}) exceeds {} ({}).",
                    sa.en,
                    amount(a.value),
                    sb.en,
                    amount(b.value)
                ),
            );
            f.expected = Some(b.value);
            f.actual = Some(a.value);
            f.lines = [a.lines, b.lines].concat();
        }
    }
}

/// The counts and values of vehicles stated in 十二（三）.
fn vehicles(doc: &Document) -> Vec<&Statement> {
    doc.statements
        .iter()
        .filter(|s| {
            in_topic(doc, s.section, 12)
                && (s.subject.contains("车辆") || s.subject.contains("用车"))
                && !s.in_reason
        })
        .collect()
}

/// N24: the vehicle count and value are the sums of their kinds.
fn vehicle_sums(c: &mut Checker) {
    let doc = c.doc;
    let v = vehicles(doc);
    let Some(total) = v.iter().find(|s| s.subject == "车辆") else {
        return;
    };
    for value in [false, true] {
        let pick = |s: &&&Statement| s.subject.ends_with("价值") == value && s.value.is_some();
        let whole = v
            .iter()
            .filter(pick)
            .find(|s| s.subject.trim_end_matches("价值") == "车辆");
        let kinds: Vec<Amt> = v
            .iter()
            .filter(pick)
            .filter(|s| s.section == total.section && s.subject.trim_end_matches("价值") != "车辆")
            .filter_map(|s| amt(s))
            .collect();
        if let (Some(w), true) = (whole.and_then(|s| amt(s)), kinds.len() >= 2) {
            let what = if value {
                Label::new(
                    "第三部分 十二 车辆价值 = 各类车辆价值之和",
                    "Part 3, 十二: vehicle value = the sum of its kinds",
                )
            } else {
                Label::new(
                    "第三部分 十二 车辆数 = 各类车辆数之和",
                    "Part 3, 十二: vehicle count = the sum of its kinds",
                )
            };
            c.sum(&what, &w, &kinds, &[]);
        }
    }
}

/// N25: 公务用车运行费 is budgeted while no 一般公务用车 or 执法执勤用车 is held.
fn vehicles_without_cars(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::ThreePublic) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let Some(op) = b.keyed(RowKey::VehicleOperation) else {
        return;
    };
    let running = b.value(op, three_public_col(b, ""));
    if running.is_zero() {
        return;
    }
    let v = vehicles(doc);
    let count = |w: &str| {
        v.iter()
            .find(|s| s.subject == w)
            .and_then(|s| s.value.as_ref())
    };
    let (Some(general), Some(enforcement)) = (count("一般公务用车"), count("执法执勤用车"))
    else {
        return;
    };
    if !(general.value + enforcement.value).is_zero() {
        return;
    }
    let f = c.report(
        Severity::Warning,
        format!(
            "表{}安排公务用车运行费 {} 万元，但第三部分 十二（三）说明一般公务用车 {} 辆、执法执勤用车 {} 辆。",
            t.number,
            amount(running),
            general.value,
            enforcement.value
        ),
        format!(
            "Table {} budgets {} 万元 to run official cars, but 十二(三) says the department holds {} general-purpose and {} law-enforcement cars.",
            t.number,
            amount(running),
            general.value,
            enforcement.value
        ),
    );
    f.actual = Some(running);
    f.lines = [op.lines.clone(), vec![general.line, enforcement.line]].concat();
    f.tables = vec![t.number];
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
    let compare = |c: &mut Checker,
                   s: Option<&Statement>,
                   v: Option<(Decimal, Vec<LineNo>)>,
                   zh: &str,
                   en: &str,
                   tables: &[u8]| {
        let (Some(s), Some((tv, lines))) = (s, v) else {
            return;
        };
        let Some(q) = &s.value else { return };
        if q.value == tv || super::narrative::agree(q.value, Unit::Wan, tv, doc.meta.unit) {
            return;
        }
        let sl = statement_label(s);
        let f = c.report(
            Severity::Error,
            format!("{}为 {}，{}为 {}。", sl.zh, amount(q.value), zh, amount(tv)),
            format!(
                "{} says {}, but {} is {}.",
                sl.en,
                amount(q.value),
                en,
                amount(tv)
            ),
        );
        // An amount in the claim's unit; a count as it is.
        match q.unit.money() {
            Some(u) => super::narrative::expect_in(f, tv, doc.meta.unit, u, q.value.scale()),
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
        )
    });
    let t7 =
        total_of(doc, TableKind::GeneralProjects, Side::Whole, Col::Total).map(|(v, l, ..)| (v, l));
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
    let whole = income_of(doc, TableKind::Summary, RowKey::IncomeTotal).map(|(v, l, ..)| (v, l));
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
        )
    });
    let t11 = total_of(doc, TableKind::CarryOver, Side::Whole, Col::Total).map(|(v, l, ..)| (v, l));
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
        Some((v, r.lines.clone()))
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

/// N29: 实有人数 = 在职 + 退休 + 离休; the stated number of offices = the names listed; and a
/// note when far more people are in post than the establishment allows.
fn staff(c: &mut Checker) {
    let ov = &c.doc.overview;
    // People are counted, not rounded: any difference is an error.
    if let (Some(actual), Some(a), Some(b), Some(l)) =
        (&ov.actual, &ov.in_service, &ov.retired, &ov.lixiu)
    {
        let sum = a.count + b.count + l.count;
        if sum != actual.count {
            let f = c.report(
                Severity::Error,
                format!(
                    "第一部分：实有人数 {}，但在职 {} + 退休 {} + 离休 {} = {}。",
                    actual.count, a.count, b.count, l.count, sum
                ),
                format!(
                    "Part 1: {} staff, but {} in post + {} retired + {} 离休 = {}.",
                    actual.count, a.count, b.count, l.count, sum
                ),
            );
            f.expected = Some(sum);
            f.actual = Some(actual.count);
            f.lines = vec![actual.line, a.line, b.line, l.line];
        }
    }
    if let Some(stated) = &ov.offices_stated {
        let n = Decimal::from(ov.offices.len());
        if !ov.offices.is_empty() && n != stated.value {
            let f = c.report(
                Severity::Warning,
                format!(
                    "第一部分说下设 {} 个科室，列出的名称有 {} 个。",
                    stated.value, n
                ),
                format!(
                    "Part 1 says there are {} offices but names {}.",
                    stated.value, n
                ),
            );
            f.expected = Some(stated.value);
            f.actual = Some(n);
            f.lines = std::iter::once(stated.line)
                .chain(ov.offices.iter().map(|o| o.line))
                .collect();
        }
    }
    if let (Some(est), Some(inpost)) = (&ov.establishment, &ov.in_service) {
        if inpost.count > est.count {
            let f = c.report(
                Severity::Info,
                format!("第一部分：在职 {} 人，编制数为 {}。在职人数超过编制，通常包括编外聘用人员，读数时请留意。", inpost.count, est.count),
                format!("Part 1: {} people in post against an establishment of {}; the difference usually means staff hired outside the establishment.", inpost.count, est.count),
            );
            f.lines = vec![est.line, inpost.line];
        }
    }
}

/// N30: the same fact stated twice must agree: the change in staff, and the direction of 公用经费.
fn stated_twice(c: &mut Checker) {
    let doc = c.doc;
    if let Some(change) = doc
        .overview
        .in_service
        .as_ref()
        .and_then(|h| h.change.as_ref())
    {
        let part1 = change.signed();
        for s in doc
            .statements
            .iter()
            .filter(|s| s.section.part == 3 && s.subject.contains("在职人员") && s.value.is_none())
        {
            let Some(ch) = &s.change else { continue };
            if ch
                .amount
                .as_ref()
                .is_some_and(|a| matches!(a.unit, QUnit::Count(_)))
                && ch.signed() != part1
            {
                let sl = statement_label(s);
                let f = c.report(
                    Severity::Warning,
                    format!("第一部分说在职人员变动 {}，{}说变动 {}，两处不一致。", part1, sl.zh, ch.signed()),
                    format!("Part 1 gives the change in staff in post as {part1}, {} as {}: they disagree.", sl.en, ch.signed()),
                );
                f.expected = Some(part1);
                f.actual = Some(ch.signed());
                f.lines = [
                    vec![change.amount.as_ref().map_or(0, |a| a.line)],
                    s.lines.clone(),
                ]
                .concat();
            }
        }
    }
    // The direction of 公用经费: phrases, and 机关运行经费's stated change (it is 公用经费 for an
    // administrative unit).
    let mut ups: Vec<LineNo> = doc
        .trends
        .iter()
        .filter(|t| t.subject == "公用经费" && t.direction == Direction::Up)
        .map(|t| t.line)
        .collect();
    let mut downs: Vec<LineNo> = doc
        .trends
        .iter()
        .filter(|t| {
            t.subject == "公用经费"
                && t.direction == Direction::Down
                && !in_topic(doc, t.section, 5)
        })
        .map(|t| t.line)
        .collect();
    for s in stated(doc, 12, 0).filter(|s| s.subject.contains("机关运行经费")) {
        if let Some(ch) = &s.change {
            match ch.direction {
                Direction::Down => downs.extend(s.lines.iter().copied()),
                Direction::Up => ups.extend(s.lines.iter().copied()),
                Direction::Flat => {}
            }
        }
    }
    if !ups.is_empty() && !downs.is_empty() {
        ups.dedup();
        downs.dedup();
        let f = c.report(
            Severity::Warning,
            "公用经费的增减说法自相矛盾：有的段落说公用经费支出增加，有的段落说机关运行经费（即公用经费）减少或压减了公用经费。".to_owned(),
            "The narrative contradicts itself on 公用经费: some sections give rising public expenses as a reason for increases, others say running costs (which are the public expenses) fell or were cut.".to_owned(),
        );
        f.lines = [ups, downs].concat();
    }
}

/// U1: an amount marked 元 with two decimals among 万元 amounts ("0.58 元") is probably 万元.
fn unit_slips(c: &mut Checker) {
    let doc = c.doc;
    for s in doc.statements.iter().filter(|s| s.section.part == 3) {
        let Some(q) = &s.value else { continue };
        if q.unit != QUnit::Yuan || q.value.scale() != 2 || q.value >= Decimal::from(10_000) {
            continue;
        }
        let wan_nearby = doc
            .statements
            .iter()
            .filter(|o| o.section.chapter == s.section.chapter && o.section.sub == s.section.sub)
            .filter(|o| o.value.as_ref().is_some_and(|v| v.unit == QUnit::Wan))
            .count();
        if wan_nearby < 2 {
            continue;
        }
        let sl = statement_label(s);
        let f = c.report(
            Severity::Warning,
            format!(
                "{}：“{} 元”所在段落的金额都以万元计，这里的单位应为万元。",
                sl.zh, q.value
            ),
            format!(
                "{}: \"{} 元\" sits among amounts in 万元; the unit is probably 万元.",
                sl.en, q.value
            ),
        );
        f.actual = Some(q.value);
        f.lines = vec![q.line];
    }
}

// The rules, each in its own file under `narrative_more/`.
mod n15;
mod n16;
mod n17;
mod n2;
mod n20;
mod n21;
mod n22;
mod n23;
mod n24;
mod n25;
mod n26;
mod n29;
mod n30;
mod t8_2;
mod t9_2;
mod u1;

pub use n15::N15;
pub use n16::N16;
pub use n17::N17;
pub use n2::N2;
pub use n20::N20;
pub use n21::N21;
pub use n22::N22;
pub use n23::N23;
pub use n24::N24;
pub use n25::N25;
pub use n26::N26;
pub use n29::N29;
pub use n30::N30;
pub use t8_2::T8_2;
pub use t9_2::T9_2;
pub use u1::U1;
