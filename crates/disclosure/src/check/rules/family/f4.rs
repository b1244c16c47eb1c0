//! Rule F4: 三公 items are at least their 表6 款

use super::*;

rules! {
    /// ## What it checks
    /// Each 三公 item (its 合计, or 决算数 in a 决算) is at least the basic-expenditure 款 that pays it:
    /// 因公出国（境）费 ≥ 30212, 公务接待费 ≥ 30217, 公务用车运行费 ≥ 30231, 公务用车购置费 ≥ 31013 + 30913
    /// (`THREE_PUBLIC_ECON`). The tables may be printed in different units (三公 in 万元, the 经济分类
    /// table in 元): each is read in its table's own unit and both are compared in 万元 at the
    /// coarser precision, where equality passes and a shortfall of one unit of the last digit is
    /// rounding. A larger shortfall is a warning. The rule's own logic, `three_public_econ`, is below.
    ///
    /// ## Why it must hold
    /// 三公 spending includes its basic-expenditure part (and may add project money), so it cannot be
    /// less than the 款 that record it. Applies to every template with a 三公 table and a
    /// basic-expenditure table; X27/X28 compare the same items within the Xinjiang tables.
    ///
    /// ## Example
    /// Shanghai 万里街道 2023 budget: 表9 公务接待费 1.35 万元 = 表8 30217 13,500 元, and 公务用车运行费 21.56 万元 =
    /// 30231 215,600 元 (both hold). 上海市普陀区人民政府办公室 2025 unit budget: 表8 30217 185,000.00 元 is 18.50
    /// 万元, below 表9 公务接待费 28.50 万元 (the rest is project money): it holds.
    F4 = "F4", "“三公”经费不少于表6对应款", "三公 items are at least their 表6 款", three_public_econ;
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
            .map(|r| crate::check::rules::structure::row_amount(b, r, Col::Public))
            .sum();
        if rows.is_empty() || econ.is_zero() {
            continue;
        }
        let printed = p.value(item, pcol);
        // Each in its table's unit, compared at the coarser printing's decimals.
        if tp.unit.to_wan(printed) >= tb.unit.to_wan(econ) {
            continue;
        }
        let t = tolerance::twice(printed, tp.unit, econ, tb.unit);
        let (severity, tail_zh, tail_en) = match t.verdict {
            Verdict::Exact => continue,
            Verdict::Rounding => (
                Severity::Rounding,
                "两数只差末位一个单位，是四舍五入造成的尾差",
                "one unit of the last digit, a rounding difference",
            ),
            Verdict::Wrong => (
                Severity::Warning,
                "“三公”经费应包括其基本支出部分",
                "the 三公 figure includes its basic-spending part",
            ),
        };
        let names: Vec<String> = rows
            .iter()
            .map(|r| format!("{} {}", r.code_str().unwrap_or_default(), r.name))
            .collect();
        let diff = crate::check::shown(t.diff.abs(), t.unit, true);
        let f = c.report(
            severity,
            format!(
                "表{}「{}」为 {} {}，少于表{} {} 的 {} {}，相差 {diff}：{tail_zh}。",
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
                "Table {} '{}' is {} {}, less than table {} {} at {} {}, by {diff}: {tail_en}.",
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
        // The 款 in the item's unit; the 款 as printed when it is one printed amount.
        f.expected = Some(tolerance::in_unit(
            econ,
            tb.unit,
            tp.unit,
            printed.scale().max(2),
        ));
        f.printed = (tp.unit != tb.unit && rows.len() == 1).then_some(econ);
        f.actual = p.cell(item, pcol).map(|c| c.value);
        f.lines = item
            .lines
            .iter()
            .chain(rows.iter().flat_map(|r| r.lines.iter()))
            .copied()
            .collect();
        f.tables = vec![tp.number, tb.number];
    }
}
