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
    let (Some(fval), Some(eval)) = (&f, &e) else {
        return;
    };
    let (fv, ev) = (fval.value(), eval.value());
    // Equal, or apart only by rounding (one unit of the coarser printing's last digit): the
    // same payment, nothing to note.
    let t = tolerance::twice(eval.amt.value, eval.amt.unit, fval.amt.value, fval.amt.unit);
    if t.verdict != tolerance::Verdict::Wrong {
        return;
    }
    let (fc, ec) = (function.join("/"), economic.join(" + "));
    let describe = |v: &Option<Val>, n: u8, codes: &str, zh: bool| -> String {
        match (v, zh) {
            (Some(v), true) => format!("{} {}", v.what().zh, v.shown()),
            (Some(v), false) => format!("{} {}", v.what().en, v.shown()),
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
    finding.expected = Some(fval.as_in(eval));
    finding.actual = eval.amt.actual();
    let vals: Vec<&Val> = f.iter().chain(e.iter()).collect();
    finding.lines = lines_of(&vals);
    finding.tables = vec![s5.n(), s6.n()];
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
