//! Rule N30: A fact stated twice is stated the same way

use super::*;

rules! {
    /// ## What it checks
    /// A fact stated twice agrees: the change in staff in post (第一部分 against a reason in 第三部分), and
    /// the direction of 公用经费 (a reason that it increased against 十二（一） saying 机关运行经费 — the 公用经费 —
    /// decreased, or a reason that it was cut). Each disagreement is a warning. The rule's own
    /// logic, `stated_twice`, is below.
    ///
    /// ## Why it must hold
    /// One document describes one budget; two answers to the same question mean one is wrong.
    /// Applies to every document with both statements.
    ///
    /// ## Example
    /// Xinjiang sample: 第一部分 "在职 187 人，减少 8人" against 五（三）2 "在职人员减少 17人"; 二/三/五（一） "公用经费支出 增加"
    /// against 十二（一） 机关运行经费 减少 17.95 — two warnings.
    N30 = "N30", "同一事实两处说法一致", "A fact stated twice is stated the same way", stated_twice;
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
