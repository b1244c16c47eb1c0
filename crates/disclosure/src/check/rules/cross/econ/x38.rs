//! Rule X38: Share of the 'other' item in its class

use super::*;

rules! {
    /// ## What it checks
    /// 表6: the share of each "其他" 款 (30199, 30299, 30399) in its 类 (301, 302, 303); a note when it
    /// is above 50 %, giving also its share of all basic expenditure. The rule's own logic,
    /// `other_share`, is below.
    ///
    /// ## Why it must hold
    /// Spending parked in "其他" is not itemised by economic nature as 预算法实施条例 §6 asks; above half of
    /// a class it hides most of it. Applies to every template's basic-expenditure table.
    ///
    /// ## Example
    /// Xinjiang sample, 表6: 30199 其他工资福利支出 1,059.47 / 301 1,985.64 = 53.36 % (50.39 % of 基本支出
    /// 2,102.56) — noted.
    X38 = "X38", "“其他”款占所在类比重", "Share of the 'other' item in its class", other_share;
}

/// X38: an "其他" 款 (30199, 30299, 30399) over half of its 类: a note.
fn other_share(c: &mut Checker) {
    let Some(s6) = src(c, TableKind::GeneralBasic, Side::Whole) else {
        return;
    };
    let basic = s6.total(Col::Total);
    for class in ["301", "302", "303"] {
        let other = format!("{class}99");
        let (Some(rc), Some(ro)) = (s6.row(class), s6.row(&other)) else {
            continue;
        };
        let (cv, ov) = (s6.val(rc, Col::Total), s6.val(ro, Col::Total));
        let Some(share) = tolerance::ratio_percent(ov.value(), cv.value()) else {
            continue;
        };
        if share <= Decimal::from(50) {
            continue;
        }
        let of_basic = basic
            .as_ref()
            .and_then(|b| tolerance::ratio_percent(ov.value(), b.value()));
        let (tail_zh, tail_en) = of_basic.map_or_else(Default::default, |p| {
            (
                format!("，占基本支出的 {}", percent(p)),
                format!(", {} of basic expenditure", percent(p)),
            )
        });
        let (o, t, s) = (ov.shown(), cv.shown(), percent(share));
        let f = c.report(
            Severity::Info,
            format!(
                "{}为 {o}，占{}（{t}）的 {s}{tail_zh}。“其他”款超过所在类的一半，支出未能按经济性质细化。",
                ov.what().zh, cv.what().zh
            ),
            format!(
                "{} is {o}, {s} of {} ({t}){tail_en}. An 'other' item above half of its class leaves the spending poorly itemised.",
                ov.what().en, cv.what().en
            ),
        );
        // A share the printed numbers give, not one printed: expected, as the text would print it.
        f.expected = Some(tolerance::round(share, 2));
        f.percent = true;
        f.lines = lines_of(&[&ov, &cv]);
        f.tables = vec![s6.n()];
    }
}
