//! Rule U1: Unit slip: 元 among amounts in 万元

use super::*;

rules! {
    /// ## What it checks
    /// An amount marked 元 with two decimals in a paragraph whose other amounts are in 万元 ("0.58 元")
    /// is probably a unit slip for 万元: a warning. The rule's own logic, `unit_slips`, is below.
    ///
    /// ## Why it must hold
    /// Amounts in a 万元 document are in 万元; 0.58 元 is off by a factor of 10,000. Applies to every
    /// document whose amounts are in 万元.
    ///
    /// ## Example
    /// Xinjiang sample, 七（九）: "12名人大代表履职补助共 0.58 元", beside 0.96 万元, where 0.58 + 0.96 = 1.54 万元 is
    /// the project's budget — a warning.
    U1 = "U1", "单位疏误：万元段落中的“元”", "Unit slip: 元 among amounts in 万元", unit_slips;
}

/// U1: an amount marked 元 with two decimals among 万元 amounts ("0.58 元") is probably 万元.
fn unit_slips(c: &mut Checker) {
    let doc = c.doc;
    for s in doc.statements.iter().filter(|s| s.section.part == 3) {
        let Some(q) = &s.value else { continue };
        if q.unit != QUnit::Yuan || q.value.scale() != 2 || q.value >= Decimal::from(10_000) {
            continue;
        }
        let wan: Vec<&Statement> = doc
            .statements
            .iter()
            .filter(|o| o.section.chapter == s.section.chapter && o.section.sub == s.section.sub)
            .filter(|o| o.value.as_ref().is_some_and(|v| v.unit == QUnit::Wan))
            .collect();
        // Its paragraph: a 万元 amount on its lines or the line next to them. Amounts in 元 a
        // paragraph below (生均 figures under a heading of their own, "幼儿园为 3,364.22 元") are
        // not.
        let close = |o: &&Statement| {
            o.lines
                .iter()
                .any(|&l| s.lines.iter().any(|&m| l.abs_diff(m) <= 1))
        };
        if wan.len() < 2 || !wan.iter().any(close) {
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
