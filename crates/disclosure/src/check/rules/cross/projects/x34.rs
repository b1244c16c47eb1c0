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
    let base = c.doc.meta.unit;
    let perf = |q: &Option<Quantity>, zh: &str, en: &str| -> Option<Val> {
        let amt = money(q.as_ref()?)?;
        Some(Val::labelled(
            Label::new(
                format!("部门整体绩效目标表 {zh}"),
                format!("department performance table, {en}"),
            ),
            amt,
            base,
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
    // Each in its own unit, at the coarser printing's decimals.
    let verdict = accepted
        .iter()
        .map(|&a| tolerance::twice(local.amt.value, local.amt.unit, a, base).verdict)
        .min_by_key(|v| match v {
            Verdict::Exact => 0,
            Verdict::Rounding => 1,
            Verdict::Wrong => 2,
        });
    let (severity, tail_zh, tail_en) = match verdict {
        Some(Verdict::Wrong) => (Severity::Warning, "均不相符", "matches none of"),
        Some(Verdict::Rounding) => (
            Severity::Rounding,
            "只差末位一个单位，是四舍五入造成的尾差",
            "differs only by rounding from",
        ),
        _ => return,
    };
    let (names, names_en) = names(&own);
    let (l, e) = (
        local.shown(),
        crate::check::shown(accepted[0], base, local.amt.unit != base),
    );
    let f = c.report(
        severity,
        format!(
            "{}（{l}）与表{} 本级收入（{} = {e}，或再加单位资金、上年结转）{tail_zh}。",
            local.what().zh,
            s1.n(),
            if names.is_empty() { "0".to_owned() } else { names }
        ),
        format!(
            "{} ({l}) {tail_en} Table {}'s own-level income ({} = {e}, possibly with unit funds or carry-over).",
            local.what().en,
            s1.n(),
            if names_en.is_empty() { "0".to_owned() } else { names_en }
        ),
    );
    f.actual = local.amt.actual();
    f.expected = Some(tolerance::in_unit(
        accepted[0],
        base,
        local.amt.unit,
        local.amt.value.scale().max(2),
    ));
    let mut lines = local.amt.lines.clone();
    lines.extend(own.iter().flat_map(|v| v.amt.lines.iter().copied()));
    f.lines = lines;
    f.tables = vec![s1.n()];
}
