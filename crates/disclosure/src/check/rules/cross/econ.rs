//! 功能分类 against 经济分类 in 基本支出, and how well 表6 is itemised (X35–X38).
//!
//! These are soft: a 功能分类 项 and an 经济分类 款 often describe the same payment (the
//! pension contribution is 2080505 by function and 30108 by economic nature), but nothing
//! forces them to be equal. Every finding here is a note (`info`).

use rust_decimal::Decimal;

use super::{combined, lines_of, src, Src, Val};
use crate::check::tolerance;
use crate::check::{Checker, Severity};
use crate::format::{amount, percent};
use crate::model::{Col, Side, TableKind};

/// The sum of the rows printed at these codes, in `col`; `None` when none is printed.
fn at_codes<'a>(s: &Src<'a>, codes: &[&str], col: Col) -> Option<Val<'a>> {
    let vals: Vec<Val> = codes
        .iter()
        .filter_map(|code| s.row(code).map(|r| s.val(r, col)))
        .collect();
    combined(&vals)
}

/// A 功能分类 项 group (表5 基本支出) against an 经济分类 款 group (表6 合计): a note when the two
/// amounts differ.
fn correspond(c: &mut Checker, function: &[&str], economic: &[&str]) {
    let s5 = src(c, TableKind::GeneralExpense, Side::Whole);
    let s6 = src(c, TableKind::GeneralBasic, Side::Whole);
    let (Some(s5), Some(s6)) = (s5, s6) else {
        return;
    };
    let f = at_codes(&s5, function, Col::Basic);
    let e = at_codes(&s6, economic, Col::Total);
    // Only two printed amounts are compared: a code one table does not print at all may sit
    // under another function (training under 201 rather than 2050803).
    if f.is_none() || e.is_none() {
        return;
    }
    let fv = f.as_ref().map_or(Decimal::ZERO, Val::value);
    let ev = e.as_ref().map_or(Decimal::ZERO, Val::value);
    if fv == ev {
        return;
    }
    let (fc, ec) = (function.join("/"), economic.join(" + "));
    let describe = |v: &Option<Val>, n: u8, codes: &str, zh: bool| -> String {
        match (v, zh) {
            (Some(v), true) => format!("{} {}", v.what().zh, amount(v.value())),
            (Some(v), false) => format!("{} {}", v.what().en, amount(v.value())),
            (None, true) => format!("表{n} 未列 {codes}（0.00）"),
            (None, false) => format!("Table {n} prints no {codes} (0.00)"),
        }
    };
    let d = amount((fv - ev).abs());
    let f_zh = describe(&f, s5.n(), &fc, true);
    let f_en = describe(&f, s5.n(), &fc, false);
    let e_zh = describe(&e, s6.n(), &ec, true);
    let e_en = describe(&e, s6.n(), &ec, false);
    let finding = c.report(
        Severity::Info,
        format!(
            "经济分类 {ec} 与功能分类 {fc} 通常是同一笔支出，金额却不同：{e_zh}；{f_zh}；相差 {d}。可能部分支出列入了其他款（如“其他”款）。"
        ),
        format!(
            "Economic item {ec} and functional item {fc} usually record the same payment, but differ: {e_en}; {f_en}; a difference of {d}. Part of it may be booked under another item (such as an 'other' item)."
        ),
    );
    finding.expected = Some(fv);
    finding.actual = Some(ev);
    let vals: Vec<&Val> = f.iter().chain(e.iter()).collect();
    finding.lines = lines_of(&vals);
    finding.tables = vec![s5.n(), s6.n()];
}

/// X37: 30108 (养老保险, 16 %) ≈ 2 × 30109 (职业年金, 8 %): a note when it does not hold.
fn pension_ratio(c: &mut Checker) {
    let Some(s6) = src(c, TableKind::GeneralBasic, Side::Whole) else {
        return;
    };
    let (Some(p), Some(a)) = (
        at_codes(&s6, &["30108"], Col::Total),
        at_codes(&s6, &["30109"], Col::Total),
    ) else {
        return;
    };
    if p.value().is_zero() || a.value().is_zero() {
        return;
    }
    let twice = a.value() * Decimal::TWO;
    // Each printed amount may be off by half a unit (doubling doubles that), and amounts
    // summed per person in 元 drift by a few 元: within 0.1 % the two are 2:1.
    let h = tolerance::half_unit_of([&p.value(), &a.value()]);
    let slack = (h * Decimal::from(3)).max(p.value().abs() / Decimal::from(1000));
    if (p.value() - twice).abs() <= slack {
        return;
    }
    let (pv, av, tv) = (amount(p.value()), amount(a.value()), amount(twice));
    let f = c.report(
        Severity::Info,
        format!(
            "{}（{pv}）不是{}（{av}）的两倍（{tv}）。按单位缴费比例（基本养老保险 16%、职业年金 8%），两者通常为 2:1；请核对缴费基数或科目归属。",
            p.what().zh, a.what().zh
        ),
        format!(
            "{} ({pv}) is not twice {} ({av}, doubled {tv}). With the usual employer rates (pension 16 %, occupational annuity 8 %) they are about 2:1; check the base or the classification.",
            p.what().en, a.what().en
        ),
    );
    f.expected = Some(twice);
    f.actual = Some(p.value());
    f.lines = lines_of(&[&p, &a]);
    f.tables = vec![s6.n()];
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
        let (o, t, s) = (amount(ov.value()), amount(cv.value()), percent(share));
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
        f.actual = Some(share);
        f.lines = lines_of(&[&ov, &cv]);
        f.tables = vec![s6.n()];
    }
}

// The rules, each in its own file under `econ/`.
mod x35;
mod x36;
mod x37;
mod x38;

pub use x35::X35;
pub use x36::X36;
pub use x37::X37;
pub use x38::X38;

#[cfg(test)]
mod tests {
    use crate::check::rules::cross::testing::*;
    use crate::check::Severity;

    #[test]
    fn x35_x37_hold_on_the_sample() {
        assert_eq!(on_sample("X35"), vec![]);
        assert_eq!(on_sample("X37"), vec![]);
    }

    #[test]
    fn x35_notes_training() {
        let f = on_edit("X35", 769, "4.13 4.13", "4.23 4.23");
        assert_eq!(one(&f, Severity::Info, &[676, 769]).tables, vec![5, 6]);
    }

    #[test]
    fn x36_notes_pension_and_health_only() {
        let found = on_sample("X36");
        assert_eq!(found.len(), 2, "{found:#?}");
        let pension = &found[0];
        assert_eq!(pension.severity, Severity::Info);
        assert_eq!(pension.lines, vec![692, 739]);
        assert_eq!(pension.tables, vec![5, 6]);
        for s in ["30108", "2080505", "87.48", "203.41"] {
            assert!(pension.message_zh.contains(s), "{}", pension.message_zh);
        }
        let health = &found[1];
        assert_eq!(health.lines, vec![704, 743]);
        for s in ["30110", "2101101", "39.51", "92.97"] {
            assert!(health.message_zh.contains(s), "{}", health.message_zh);
        }
    }

    #[test]
    fn x36_holds_when_the_items_agree() {
        let doc = edited_many(&[
            (739, "87.48 87.48", "203.41 203.41"),
            (743, "39.51 39.51", "92.97 92.97"),
        ]);
        assert_eq!(findings_of(&doc, "X36"), vec![]);
    }

    #[test]
    fn x37_notes_pension_not_twice_annuity() {
        let f = on_edit("X37", 741, "43.74 43.74", "43.94 43.94");
        assert_eq!(one(&f, Severity::Info, &[739, 741]).tables, vec![6]);
    }

    #[test]
    fn x38_notes_30199() {
        let found = on_sample("X38");
        let f = one(&found, Severity::Info, &[731, 751]);
        assert_eq!(f.tables, vec![6]);
        assert!(f.message_zh.contains("53.36%"), "{}", f.message_zh);
    }

    #[test]
    fn x38_holds_below_half() {
        let f = on_edit("X38", 751, "1,059.47 1,059.47", "959.47 959.47");
        assert_eq!(f, vec![]);
    }
}
