//! Identities of the templates other than the Xinjiang budget the rule book is written for:
//! the balance of a 决算 (F1), 三公 outturn against budget (F2), the Shanghai 收入 rows (F3),
//! 三公 items against the 经济分类 款 that pay them, across units (F4), and the items of a
//! Shanghai 部门预算编制说明 against 表5 and their growth over the previous year's 预算执行数
//! (F5).

use rust_decimal::Decimal;

use super::narrative::{agree, path_names};
use super::{Amt, Label};
use crate::check::tolerance::{self, Growth, Verdict};
use crate::check::{lines_of, Checker, Severity};
use crate::format::amount;
use crate::model::*;
use crate::parse::schema::compact_label;
use crate::parse::segment::compact;

/// A labelled row's amount in one column, with its lines; `None` when the row is not printed.
fn keyed(b: &Block, key: RowKey, col: Col) -> Option<(Amt, String)> {
    let r = b.keyed(key)?;
    Some((
        Amt {
            value: b.value(r, col),
            lines: r.lines.clone(),
        },
        compact_label(&r.name),
    ))
}

/// The amount column of a two-sided table's expense half: 表1's one column, 表4's 合计.
fn expense_col(b: &Block) -> Col {
    if b.col(Col::Amount).is_some() {
        Col::Amount
    } else {
        Col::Total
    }
}

/// `total = Σ parts` over the labelled rows of one block; rows not printed are skipped, and
/// nothing is checked when the total is not printed or everything is zero.
fn rows_add_up(c: &mut Checker, t: &Table, b: &Block, col: Col, total: RowKey, parts: &[RowKey]) {
    let Some((total, tname)) = keyed(b, total, col) else {
        return;
    };
    let (parts, names): (Vec<Amt>, Vec<String>) =
        parts.iter().filter_map(|&k| keyed(b, k, col)).unzip();
    if parts.is_empty() || (total.value.is_zero() && parts.iter().all(|p| p.value.is_zero())) {
        return;
    }
    let what = Label::new(
        format!("表{} {} = {}", t.number, tname, names.join(" + ")),
        format!("Table {}: {} = {}", t.number, tname, names.join(" + ")),
    );
    c.sum(&what, &total, &parts, &[t.number]);
}

/// 年初结转和结余 + 本年收入 (+ 使用非财政拨款结余) = 本年支出 (+ 结余分配) + 年末结转和结余:
/// both sides are sums of printed amounts, so each may be off by half a unit per amount.
fn balance(c: &mut Checker, t: &Table, left: &[(Amt, String)], right: &[(Amt, String)]) {
    if left.len() < 2 || right.len() < 2 {
        return;
    }
    let l: Decimal = left.iter().map(|(a, _)| a.value).sum();
    let r: Decimal = right.iter().map(|(a, _)| a.value).sum();
    let values = left.iter().chain(right).map(|(a, _)| &a.value);
    let half = tolerance::half_unit_of(values);
    let verdict = tolerance::sum(l, r, left.len() + right.len(), half);
    let names = |side: &[(Amt, String)]| {
        side.iter()
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let (ln, rn) = (names(left), names(right));
    let (severity, tail_zh, tail_en) = match verdict {
        Verdict::Exact => return,
        Verdict::Rounding => (Severity::Rounding, "在尾差范围内", "within rounding"),
        Verdict::Wrong => (Severity::Error, "超出尾差范围", "beyond rounding"),
    };
    let f = c.report(
        severity,
        format!(
            "表{} {ln}（{}）应等于 {rn}（{}），相差 {}，{tail_zh}。",
            t.number,
            amount(l),
            amount(r),
            amount(l - r)
        ),
        format!(
            "Table {}: {ln} ({}) should equal {rn} ({}); they differ by {}, {tail_en}.",
            t.number,
            amount(l),
            amount(r),
            amount(l - r)
        ),
    );
    f.expected = Some(r);
    f.actual = Some(l);
    f.lines = lines_of(left.iter().chain(right).map(|(a, _)| a));
    f.tables = vec![t.number];
}

/// F1 on one two-sided 决算 table (收入支出决算总表 or 财政拨款收入支出决算总表).
fn final_balance(c: &mut Checker, kind: TableKind) {
    let doc = c.doc;
    let Some(t) = doc.table(kind) else { return };
    let (Some(inc), Some(exp)) = (t.block(Side::Income), t.block(Side::Expense)) else {
        return;
    };
    if inc.keyed(RowKey::OpeningBalance).is_none() && exp.keyed(RowKey::ClosingBalance).is_none() {
        return;
    }
    let ecol = expense_col(exp);
    use RowKey::*;
    rows_add_up(
        c,
        t,
        inc,
        Col::Amount,
        IncomeTotal,
        &[CurrentIncome, UseOfBalance, OpeningBalance],
    );
    rows_add_up(
        c,
        t,
        exp,
        ecol,
        ExpenseTotal,
        &[CurrentExpense, BalanceDistribution, ClosingBalance],
    );
    // 年初财政拨款结转和结余 = the budgets printed under it.
    rows_add_up(
        c,
        t,
        inc,
        Col::Amount,
        OpeningBalance,
        &[CarryGeneral, CarryGovFund, CarryStateCapital],
    );
    let side = |b: &Block, col: Col, keys: &[RowKey]| -> Vec<(Amt, String)> {
        keys.iter().filter_map(|&k| keyed(b, k, col)).collect()
    };
    let left = side(
        inc,
        Col::Amount,
        &[OpeningBalance, CurrentIncome, UseOfBalance],
    );
    let right = side(
        exp,
        ecol,
        &[CurrentExpense, BalanceDistribution, ClosingBalance],
    );
    balance(c, t, &left, &right);
}

/// F1 on the 决算 fund tables (政府性基金 / 国有资本经营预算财政拨款收入支出决算表), row by row:
/// 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.
fn fund_rows(c: &mut Checker, kind: TableKind) {
    let doc = c.doc;
    let Some(t) = doc.table(kind) else { return };
    let Some(b) = t.main() else { return };
    if b.col(Col::OpeningBalance).is_none() {
        return;
    }
    for r in &b.rows {
        let amt = |col: Col| {
            b.cell(r, col).map(|cell| {
                (
                    Amt::at(cell.value, cell.line),
                    format!("「{}」{}", compact_label(&r.name), col.title()),
                )
            })
        };
        let left: Vec<_> = [Col::OpeningBalance, Col::CurrentIncome]
            .into_iter()
            .filter_map(amt)
            .collect();
        let right: Vec<_> = [Col::Total, Col::ClosingBalance]
            .into_iter()
            .filter_map(amt)
            .collect();
        if left.is_empty() && right.is_empty() {
            continue;
        }
        // An empty cell is zero here: pad so that one printed side is still compared.
        let pad = |mut v: Vec<(Amt, String)>| {
            while v.len() < 2 {
                v.push((
                    Amt {
                        value: Decimal::ZERO,
                        lines: Vec::new(),
                    },
                    "0".to_owned(),
                ));
            }
            v
        };
        balance(c, t, &pad(left), &pad(right));
    }
}

/// F2: each 三公 item's 决算数 against its 预算数; an outturn above budget is noted.
fn three_public_outturn(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = doc.table(TableKind::ThreePublic) else {
        return;
    };
    let Some(b) = t.main() else { return };
    if b.col(Col::Budgeted).is_none() || b.col(Col::Actual).is_none() {
        return;
    }
    let over: Vec<&Row> = b
        .rows
        .iter()
        .filter(|r| b.value(r, Col::Actual) > b.value(r, Col::Budgeted))
        .collect();
    if over.is_empty() {
        return;
    }
    let describe = |r: &Row, zh: bool| {
        let (bud, act) = (b.value(r, Col::Budgeted), b.value(r, Col::Actual));
        if zh {
            format!(
                "{} 决算 {} 超出预算 {}（多 {}）",
                r.name,
                amount(act),
                amount(bud),
                amount(act - bud)
            )
        } else {
            format!(
                "{}: outturn {} above the budget {} (by {})",
                r.name,
                amount(act),
                amount(bud),
                amount(act - bud)
            )
        }
    };
    let zh: Vec<String> = over.iter().map(|r| describe(r, true)).collect();
    let en: Vec<String> = over.iter().map(|r| describe(r, false)).collect();
    let f = c.report(
        Severity::Info,
        format!(
            "表{} “三公”经费超出预算的项目：{}（{}）。",
            t.number,
            zh.join("；"),
            t.unit.label()
        ),
        format!(
            "Table {}: 三公 items spent above budget: {} ({}).",
            t.number,
            en.join("; "),
            t.unit.label()
        ),
    );
    f.lines = over.iter().flat_map(|r| r.lines.iter().copied()).collect();
    f.tables = vec![t.number];
}

/// F3: the Shanghai 收入 rows of 表1 (and the 决算's 表4) add up.
fn shanghai_income(c: &mut Checker) {
    let doc = c.doc;
    if doc.meta.family != Family::Shanghai {
        return;
    }
    use RowKey::*;
    if let Some(t) = doc.table(TableKind::Summary) {
        if let Some(b) = t.block(Side::Income) {
            // 预算: 收入总计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入, and
            // 财政拨款收入 = its three budgets.
            if b.keyed(FiscalAppropriation).is_some() {
                rows_add_up(
                    c,
                    t,
                    b,
                    Col::Amount,
                    IncomeTotal,
                    &[
                        FiscalAppropriation,
                        BusinessIncome,
                        OperatingIncome,
                        OtherIncome,
                    ],
                );
                rows_add_up(
                    c,
                    t,
                    b,
                    Col::Amount,
                    FiscalAppropriation,
                    &[GeneralBudget, GovFund, StateCapital],
                );
            }
            // 决算: 本年收入合计 = every source.
            rows_add_up(
                c,
                t,
                b,
                Col::Amount,
                CurrentIncome,
                &[
                    GeneralBudget,
                    GovFund,
                    StateCapital,
                    SuperiorSubsidy,
                    BusinessIncome,
                    OperatingIncome,
                    AffiliatedIncome,
                    OtherIncome,
                ],
            );
        }
    }
    if let Some(t) = doc.table(TableKind::FiscalSummary) {
        if let Some(b) = t.block(Side::Income) {
            rows_add_up(
                c,
                t,
                b,
                Col::Amount,
                CurrentIncome,
                &[GeneralBudget, GovFund, StateCapital],
            );
        }
    }
}

/// The 经济分类 款 of 表6 that pay each 三公 item (rules.md X27, X28).
const THREE_PUBLIC_ECON: &[(RowKey, &[&str])] = &[
    (RowKey::Abroad, &["30212"]),
    (RowKey::Reception, &["30217"]),
    (RowKey::VehicleOperation, &["30231"]),
    (RowKey::VehiclePurchase, &["31013", "30913"]),
];

/// F4: a 三公 item is at least the 基本支出 款 that pays it (it may also be paid from project
/// money). The two tables may be printed in different units (万元 and 元): the finer amount is
/// compared at the coarser one's precision.
fn three_public_econ(c: &mut Checker) {
    let doc = c.doc;
    let (Some(tp), Some(tb)) = (
        doc.table(TableKind::ThreePublic),
        doc.table(TableKind::GeneralBasic),
    ) else {
        return;
    };
    let (Some(p), Some(b)) = (tp.main(), tb.main()) else {
        return;
    };
    // The outturn of a 决算, the amount of a budget.
    let pcol = [Col::Total, Col::Actual]
        .into_iter()
        .find(|&c| p.col(c).is_some());
    let Some(pcol) = pcol else { return };
    for &(key, codes) in THREE_PUBLIC_ECON {
        let Some(item) = p.keyed(key) else { continue };
        let rows: Vec<&Row> = codes.iter().filter_map(|code| b.by_code(code)).collect();
        let econ: Decimal = rows
            .iter()
            .map(|r| super::structure::row_amount(b, r, Col::Public))
            .sum();
        if rows.is_empty() || econ.is_zero() {
            continue;
        }
        let printed = p.value(item, pcol);
        let at_least = |v: Decimal| {
            let (pw, ew) = (tp.unit.to_wan(printed), tb.unit.to_wan(v));
            pw >= ew || agree(printed, tp.unit, v, tb.unit)
        };
        if at_least(econ) {
            continue;
        }
        let names: Vec<String> = rows
            .iter()
            .map(|r| format!("{} {}", r.code_str().unwrap_or_default(), r.name))
            .collect();
        let f = c.report(
            Severity::Warning,
            format!(
                "表{}「{}」为 {} {}，少于表{} {} 的 {} {}：“三公”经费应包括其基本支出部分。",
                tp.number,
                item.name,
                amount(printed),
                tp.unit.label(),
                tb.number,
                names.join("、"),
                amount(econ),
                tb.unit.label()
            ),
            format!(
                "Table {} '{}' is {} {}, less than table {} {} at {} {}: the 三公 figure includes its basic-spending part.",
                tp.number,
                item.name,
                amount(printed),
                tp.unit.label(),
                tb.number,
                names.join(", "),
                amount(econ),
                tb.unit.label()
            ),
        );
        f.expected = Some(econ);
        f.actual = Some(printed);
        f.lines = item
            .lines
            .iter()
            .chain(rows.iter().flat_map(|r| r.lines.iter()))
            .copied()
            .collect();
        f.tables = vec![tp.number, tb.number];
    }
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

/// A name as compared: no spaces, and 其它 and 其他 are one word.
fn norm(name: &str) -> String {
    compact(name).replace('它', "他")
}

/// 表5's rows by name, to find a 类/款/项 name path in one look-up.
struct Names<'b> {
    /// The name of each coded row, by code.
    by_code: std::collections::HashMap<&'b str, String>,
    /// 项 rows by name.
    xiang: std::collections::HashMap<String, Vec<&'b Row>>,
}

impl<'b> Names<'b> {
    fn new(b: &'b Block) -> Self {
        let mut by_code = std::collections::HashMap::new();
        let mut xiang: std::collections::HashMap<String, Vec<&Row>> =
            std::collections::HashMap::new();
        for r in &b.rows {
            let Some(code) = r.code_str() else { continue };
            by_code.entry(code).or_insert_with(|| norm(&r.name));
            if r.kind == RowKind::Xiang {
                xiang.entry(norm(&r.name)).or_default().push(r);
            }
        }
        Names { by_code, xiang }
    }

    /// The 项 row of a 类/款/项 name path.
    fn row(&self, names: &[String]) -> Option<&'b Row> {
        let [class, kuan, xiang] = names else {
            return None;
        };
        let (class, kuan) = (norm(class), norm(kuan));
        let named = |code: Option<&str>, want: &str| {
            code.and_then(|c| self.by_code.get(c))
                .is_some_and(|n| n == want)
        };
        self.xiang.get(&norm(xiang))?.iter().copied().find(|r| {
            let code = r.code_str().unwrap_or_default();
            named(code.get(..3), &class) && named(code.get(..5), &kuan)
        })
    }
}

/// Whether `a` is `b` cut (not rounded) to `a`'s precision, across units: 877,080 元 stated as
/// 87.70 万元 (87.708 truncated; rounded it would be 87.71).
fn truncates(a: Decimal, a_unit: Unit, b: Decimal, b_unit: Unit) -> bool {
    let (aw, bw) = (a_unit.to_wan(a), b_unit.to_wan(b));
    let scale = aw.scale().min(bw.scale());
    let cut = |v: Decimal| v.round_dp_with_strategy(scale, rust_decimal::RoundingStrategy::ToZero);
    cut(aw) == cut(bw)
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
    let Some(t) = c.table(TableKind::GeneralExpense) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let names = Names::new(b);
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
        match names.row(&path_names(&head.subject)) {
            Some(row) => {
                let v = b.value(row, Col::Total);
                if !agree(x.value, x_unit, v, t.unit) {
                    let what = super::row_label(t, row);
                    let cut = truncates(x.value, x_unit, v, t.unit);
                    let (severity, tail_zh, tail_en) = if cut {
                        (
                            Severity::Rounding,
                            "：换算后舍去尾数（而非四舍五入）即得，属尾差",
                            ": the conversion truncated rather than rounded, a rounding difference",
                        )
                    } else {
                        (Severity::Error, "", "")
                    };
                    let f = c.report(
                        severity,
                        format!(
                            "{}为 {} {}，而{}为 {} {}{tail_zh}。",
                            label.zh,
                            amount(x.value),
                            x_unit.label(),
                            what.zh,
                            amount(v),
                            t.unit.label()
                        ),
                        format!(
                            "{} says {} {}, but {} is {} {}{tail_en}.",
                            label.en,
                            amount(x.value),
                            x_unit.label(),
                            what.en,
                            amount(v),
                            t.unit.label()
                        ),
                    );
                    super::narrative::expect_in(f, v, t.unit, x_unit, x.value.scale());
                    f.actual = Some(x.value);
                    f.lines = [head.lines.clone(), row.lines.clone()].concat();
                    f.tables = vec![t.number];
                }
            }
            None => {
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
        // 预算安排 restates the item's amount.
        if cq.value != x.value {
            let f = c.report(
                Severity::Error,
                format!(
                    "{}：标题金额为 {} 万元，正文却说预算安排 {} 万元。",
                    label.zh,
                    amount(x.value),
                    amount(cq.value)
                ),
                format!(
                    "{}: the heading gives {} 万元, the text budgets {} 万元.",
                    label.en,
                    amount(x.value),
                    amount(cq.value)
                ),
            );
            f.expected = Some(x.value);
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
                    crate::format::percent(shown)
                ),
                format!(
                    "{}: from 预算执行数 {} 万元 to 预算安排 {} 万元 the rate is {}, printed {stated}.",
                    label.en,
                    amount(pq.value),
                    amount(cq.value),
                    crate::format::percent(shown)
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
        f.lines = lines;
    }
}

// The rules, each in its own file under `family/`.
mod f1;
mod f2;
mod f3;
mod f4;
mod f5;

pub use f1::F1;
pub use f2::F2;
pub use f3::F3;
pub use f4::F4;
pub use f5::F5;

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// A table's value in the unit of the claim set against it (F5 and the restatement rules).
    #[test]
    fn values_in_the_claims_unit() {
        use super::super::narrative::in_unit;
        let cases = [
            // 元 to 万元, rounded to the claim's places (half away from zero).
            ("873617.00", Unit::Yuan, Unit::Wan, 2, "87.36"),
            ("877080.00", Unit::Yuan, Unit::Wan, 2, "87.71"),
            ("877050", Unit::Yuan, Unit::Wan, 2, "87.71"),
            ("877080", Unit::Yuan, Unit::Wan, 0, "88"),
            // 万元 to 元, exact.
            ("87.36", Unit::Wan, Unit::Yuan, 2, "873600.00"),
            // The same unit, untouched.
            ("2300.52", Unit::Wan, Unit::Wan, 0, "2300.52"),
        ];
        for (v, from, to, places, want) in cases {
            assert_eq!(
                in_unit(d(v), from, to, places).to_string(),
                want,
                "{v} {from:?} → {to:?}"
            );
        }
    }

    fn row(kind: RowKind, key: Option<RowKey>, name: &str, cells: &[Option<&str>]) -> Row {
        Row {
            kind,
            key,
            code: None,
            name: name.to_owned(),
            project: None,
            cells: cells
                .iter()
                .map(|c| {
                    c.map(|v| Cell {
                        value: d(v),
                        line: 7,
                    })
                })
                .collect(),
            lines: vec![7],
        }
    }

    fn doc_with(table: Table) -> Document {
        Document {
            meta: Meta {
                family: Family::Shanghai,
                kind: DocKind::Final,
                ..Meta::default()
            },
            tables: vec![table],
            ..Document::default()
        }
    }

    fn run(rule: &crate::check::Rule, doc: &Document) -> Vec<crate::check::Finding> {
        crate::check::check(doc)
            .into_iter()
            .filter(|f| f.rule == rule.id)
            .collect()
    }

    fn three_public(rows: Vec<Row>) -> Table {
        Table {
            kind: TableKind::ThreePublic,
            number: 7,
            title: "财政拨款“三公”经费支出决算表".to_owned(),
            unit: Unit::Wan,
            department: None,
            repeated_departments: Vec::new(),
            span: (1, 9),
            blocks: vec![Block {
                side: Side::Whole,
                columns: vec![Col::Budgeted, Col::Actual],
                rows,
            }],
            empty_statement: None,
        }
    }

    #[test]
    fn f2_names_the_items_above_budget() {
        let doc = doc_with(three_public(vec![
            row(RowKind::Total, None, "合计", &[Some("3.00"), Some("3.20")]),
            row(
                RowKind::Item,
                Some(RowKey::Reception),
                "公务接待费",
                &[Some("1.00"), Some("1.50")],
            ),
            row(
                RowKind::Item,
                Some(RowKey::Abroad),
                "因公出国（境）费",
                &[Some("2.00"), Some("1.70")],
            ),
        ]));
        let found = run(&F2, &doc);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Info);
        assert!(found[0]
            .message_zh
            .contains("公务接待费 决算 1.50 超出预算 1.00"));
        assert!(!found[0].message_zh.contains("因公出国"));
    }

    #[test]
    fn f2_is_silent_within_budget() {
        let doc = doc_with(three_public(vec![row(
            RowKind::Total,
            None,
            "合计",
            &[Some("0.95"), None],
        )]));
        assert!(run(&F2, &doc).is_empty());
    }

    fn final_summary(opening: &str, closing: &str) -> Table {
        let inc = |key, name: &str, v: &str| row(RowKind::Item, Some(key), name, &[Some(v)]);
        let mut total = inc(RowKey::IncomeTotal, "总计", "2995.39");
        total.kind = RowKind::Total;
        let mut current = inc(RowKey::CurrentExpense, "本年支出合计", "2940.05");
        current.kind = RowKind::Total;
        Table {
            kind: TableKind::Summary,
            number: 1,
            title: "收入支出决算总表".to_owned(),
            unit: Unit::Wan,
            department: None,
            repeated_departments: Vec::new(),
            span: (1, 9),
            blocks: vec![
                Block {
                    side: Side::Income,
                    columns: vec![Col::Amount],
                    rows: vec![
                        inc(RowKey::CurrentIncome, "本年收入合计", "2946.25"),
                        inc(RowKey::OpeningBalance, "年初结转和结余", opening),
                        total,
                    ],
                },
                Block {
                    side: Side::Expense,
                    columns: vec![Col::Amount],
                    rows: vec![
                        current,
                        inc(RowKey::ClosingBalance, "年末结转和结余", closing),
                        inc(RowKey::ExpenseTotal, "总计", "2995.39"),
                    ],
                },
            ],
            empty_statement: None,
        }
    }

    #[test]
    fn f1_holds_for_the_sample_figures() {
        let doc = doc_with(final_summary("49.14", "55.34"));
        assert!(run(&F1, &doc).is_empty());
    }

    #[test]
    fn f1_reports_a_broken_balance() {
        let doc = doc_with(final_summary("49.14", "45.34"));
        let found = run(&F1, &doc);
        assert!(
            found.iter().any(|f| f.severity == Severity::Error
                && f.message_zh.contains("年初结转和结余 + 本年收入合计")),
            "{found:?}"
        );
        assert!(found
            .iter()
            .any(|f| f.message_zh.contains("总计 = 本年支出合计")));
    }
}
