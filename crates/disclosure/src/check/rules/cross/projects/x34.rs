//! Rule X34: Department performance table funds = Table 1 income total

use super::*;

rules! {
    /// ## What it checks
    /// 部门整体绩效目标表: 资金总额 = 表1 收入总计 (same quantity, an error otherwise), and 本级安排 = 表1 一般财力 (+ 政府性基金 /
    /// 国有资本经营 own income), with or without 财政专户 / 单位资金 and 上年结转 — templates differ on these, so
    /// only a 本级安排 matching none of the accepted readings is a warning. The rule's own logic,
    /// `performance_department`, is below.
    ///
    /// ## Why it must hold
    /// The department-wide targets cover its whole budget; their funding is 表1's. Applies to
    /// documents with a department performance table (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 本级安排 2,283.56 = 表1 一般财力 2,283.56, and 上级安排 16.96 = 4.30 (transfer) + 12.66
    /// (结转); the total 2,300.52 is 表1's 收入总计.
    X34 = "X34", "部门整体绩效 资金总额 = 表1 收入总计", "Department performance table funds = Table 1 income total", performance_department;
}

/// X34: 部门整体绩效目标表 资金总额 = 表1 收入总计; 本级安排 = 表1 一般财力 (+ the other
/// own-level income).
fn performance_department(c: &mut Checker) {
    let Some(p) = c
        .doc
        .performance
        .iter()
        .find(|p| p.scope == PerformanceScope::Department)
    else {
        return;
    };
    let Some(s1) = src(c, TableKind::Summary, Side::Income) else {
        return;
    };
    let unit = c.doc.meta.unit;
    let perf = |q: &Option<Quantity>, zh: &str, en: &str| -> Option<Val> {
        let amt = money(q.as_ref()?, unit)?;
        Some(Val::labelled(
            Label::new(
                format!("部门整体绩效目标表 {zh}"),
                format!("department performance table, {en}"),
            ),
            amt,
            s1.n(),
        ))
    };
    if let (Some(total), Some(income)) = (
        perf(&p.total, "资金总额", "total funds"),
        s1.keyed(RowKey::IncomeTotal, Col::Amount),
    ) {
        same(c, &total, &income);
    }
    let Some(local) = perf(&p.local, "本级安排", "own-level funds") else {
        return;
    };
    let get = |keys: &[RowKey]| -> Vec<Val> {
        keys.iter()
            .filter_map(|&k| s1.keyed(k, Col::Amount))
            .filter(|v| !v.value().is_zero())
            .collect()
    };
    let own = get(&[
        RowKey::GeneralFinance,
        RowKey::GovFundIncome,
        RowKey::StateCapitalIncome,
    ]);
    let non_fiscal = get(&[RowKey::SpecialAccount, RowKey::UnitFunds]);
    let carry = get(&[RowKey::CarryOver]);
    let total =
        |vals: &[&[Val]]| -> Decimal { vals.iter().flat_map(|v| v.iter()).map(Val::value).sum() };
    // Templates differ on whether 本级 includes non-appropriated income and carry-over.
    let accepted = [
        total(&[&own]),
        total(&[&own, &non_fiscal]),
        total(&[&own, &carry]),
        total(&[&own, &non_fiscal, &carry]),
    ];
    if accepted.contains(&local.value()) {
        return;
    }
    let (names, names_en) = names(&own);
    let (l, e) = (amount(local.value()), amount(accepted[0]));
    let f = c.report(
        Severity::Warning,
        format!(
            "{}（{l}）与表{} 本级收入（{} = {e}，或再加单位资金、上年结转）均不相符。",
            local.what().zh,
            s1.n(),
            if names.is_empty() { "0".to_owned() } else { names }
        ),
        format!(
            "{} ({l}) matches none of Table {}'s own-level income ({} = {e}, possibly with unit funds or carry-over).",
            local.what().en,
            s1.n(),
            if names_en.is_empty() { "0".to_owned() } else { names_en }
        ),
    );
    f.actual = Some(local.value());
    f.expected = Some(accepted[0]);
    let mut lines = local.amt.lines.clone();
    lines.extend(own.iter().flat_map(|v| v.amt.lines.iter().copied()));
    f.lines = lines;
    f.tables = vec![s1.n()];
}
