//! Rule F1: Final accounts: opening balance + income = spending + closing balance

use super::*;

rules! {
    /// ## What it checks
    /// 决算 two-sided tables (收入支出决算总表, 财政拨款收入支出决算总表): 年初结转和结余 + 本年收入合计 (+ 使用非财政拨款结余) = 本年支出合计 (+
    /// 结余分配) + 年末结转和结余; each side's 总计 is the sum of its rows; 年初财政拨款结转和结余 = the budgets printed
    /// under it. In the 政府性基金 / 国有资本经营 fund tables, every row: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.
    /// Exact passes; within half a printed unit per amount is rounding; more is an error. The
    /// rule's own logic (`final_balance`, `fund_rows`, `balance`, `expense_col`) is below; it calls
    /// the shared `rows_add_up` (family.rs). 总计 = 总计 is T1.11 / T4.5.
    ///
    /// ## Why it must hold
    /// Money carried in plus money received is money spent plus money carried out. Applies only to
    /// final accounts (a table with a 年初 or 年末 row, or fund tables with a 年初结转和结余 column).
    ///
    /// ## Example
    /// Shanghai 普陀区财政局 2024 决算, 表1 (万元): 49.14 + 2,946.25 = 2,995.39 = 2,940.05 + 55.34, both 总计
    /// 2,995.39; 表4: 21.63 + 2,940.05 = 2,940.05 + 21.63 (all exact).
    F1 = "F1", "决算：年初结转结余 + 本年收入 = 本年支出 + 年末结转结余", "Final accounts: opening balance + income = spending + closing balance",
        |c| {
            final_balance(c, TableKind::Summary);
            final_balance(c, TableKind::FiscalSummary);
            fund_rows(c, TableKind::GovFund);
            fund_rows(c, TableKind::StateCapital);
        };
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
    let n = left.len() + right.len();
    let verdict = tolerance::sum(l, r, n, half);
    let names = |side: &[(Amt, String)]| {
        side.iter()
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let (ln, rn) = (names(left), names(right));
    let envelope = amount((half * Decimal::from(n)).normalize());
    let (severity, tail_zh, tail_en) = match verdict {
        Verdict::Exact => return,
        Verdict::Rounding => (
            Severity::Rounding,
            format!("在 {n} 个数四舍五入的尾差范围内"),
            format!("within the rounding of {n} amounts"),
        ),
        Verdict::Wrong => (
            Severity::Error,
            format!("超出 {n} 个数四舍五入的尾差（至多 {envelope}）"),
            format!("more than the rounding of {n} amounts explains (at most {envelope})"),
        ),
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
    // Both sides are sums: neither is a printed number.
    f.expected = Some(r);
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
        keys.iter()
            .filter_map(|&k| labelled_amount(t, b, k, col))
            .collect()
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
                    Amt::at(cell.value, t.unit, cell.line),
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
                    Amt::implied(Decimal::ZERO, t.unit, Vec::new()),
                    "0".to_owned(),
                ));
            }
            v
        };
        balance(c, t, &pad(left), &pad(right));
    }
}

/// The amount column of a two-sided table's expense half: 表1's one column, 表4's 合计.
fn expense_col(b: &Block) -> Col {
    if b.col(Col::Amount).is_some() {
        Col::Amount
    } else {
        Col::Total
    }
}
