//! Checks the narrative alone can run (issue 21, item 3): sums stated in sentences ("其中：基本支出
//! X…项目支出 Y"), the 三公 items against their stated total, stated changes and growth rates, and
//! shares of a stated whole. Each rule that now runs without its table is shown firing on the
//! sample's 第三部分 alone with one figure edited, and holding on it as printed; the arithmetic
//! that needs no table at all (a stated total against its stated parts) is reported on the whole
//! document too, with the same values. `tests/parts.rs` holds every part of every real document
//! to the whole's findings.

mod common;

use disclosure::check::{Finding, Severity};
use disclosure::Extent;
use rust_decimal::Decimal;

/// 第三部分 of a text up to 第四部分 (the 说明 alone, as a web page prints it): the last heading
/// so named, not the table of contents' entry.
fn narrative(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let from = lines
        .iter()
        .rposition(|l| l.trim().starts_with("第三部分"))
        .expect("第三部分");
    let to = lines
        .iter()
        .skip(from + 1)
        .position(|l| l.trim().starts_with("第四部分"))
        .map_or(lines.len(), |i| from + 1 + i);
    lines[from..to].join("\n")
}

/// The errors and warnings of one rule.
fn of(findings: &[Finding], rule: &str) -> Vec<Finding> {
    findings
        .iter()
        .filter(|f| f.rule == rule && matches!(f.severity, Severity::Error | Severity::Warning))
        .cloned()
        .collect()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// One edit of the sample, the rule it must make fire on the narrative alone, and the printed
/// (`actual`) value of the finding.
struct Case {
    line: usize,
    from: &'static str,
    to: &'static str,
    rule: &'static str,
    actual: &'static str,
    /// Whether the check needs no table at all, so that the whole document reports it too.
    text_only: bool,
}

const CASES: &[Case] = &[
    // 三: 支出预算 2,310.52 against 基本 2,102.56 + 项目 197.96 = 2,300.52.
    Case {
        line: 1170,
        from: "2,300.52",
        to: "2,310.52",
        rule: "N7",
        actual: "2310.52",
        text_only: true,
    },
    // 三: 基本支出's share, 2,102.56 / 2,300.52 = 91.39 %, printed 93.40 %.
    Case {
        line: 1172,
        from: "91.40%",
        to: "93.40%",
        rule: "N7",
        actual: "93.40",
        text_only: false,
    },
    // 三: 基本支出 增加 60.81 from 2,041.75 is 2.98 %, printed 3.98 %.
    Case {
        line: 1174,
        from: "2.98%",
        to: "3.98%",
        rule: "N7",
        actual: "3.98",
        text_only: true,
    },
    // 五（一）: 拨款合计 2,297.86 against 基本 2,102.56 + 项目 185.30 = 2,287.86.
    Case {
        line: 1225,
        from: "2,287.86",
        to: "2,297.86",
        rule: "N9",
        actual: "2297.86",
        text_only: true,
    },
    // 五（三）: 行政运行 减少 204.10 from 1,623.00 is 12.58 %, printed 13.58 %.
    Case {
        line: 1270,
        from: "12.58%",
        to: "13.58%",
        rule: "N11",
        actual: "13.58",
        text_only: true,
    },
    // 五（三）: 行政运行 1,428.90, so the 15 items add up to 2,297.86, not 五（一）'s 2,287.86.
    Case {
        line: 1268,
        from: "1,418.90",
        to: "1,428.90",
        rule: "N11",
        actual: "2287.86",
        text_only: false,
    },
    // 六: 基本支出 2,112.56 against 人员经费 2,041.95 + 公用经费 60.61 = 2,102.56.
    Case {
        line: 1382,
        from: "2,102.56",
        to: "2,112.56",
        rule: "N14",
        actual: "2112.56",
        text_only: true,
    },
    // 十: 三公 9.90 against 0.00 + 0.00 + 9.60 + 0.00.
    Case {
        line: 1603,
        from: "9.60",
        to: "9.90",
        rule: "N20",
        actual: "9.90",
        text_only: true,
    },
    // 十: the total's change 1.00 against the items' 0.00 each.
    Case {
        line: 1609,
        from: "增加 0.00 万元",
        to: "增加 1.00 万元",
        rule: "N20",
        actual: "1.00",
        text_only: true,
    },
    // 十一: 上年结转结余 12.96 against 财政拨款 12.66 + 非财政拨款 0.00.
    Case {
        line: 1627,
        from: "12.66",
        to: "12.96",
        rule: "N21",
        actual: "12.96",
        text_only: true,
    },
    // 二: 一般公共预算's share, 2,283.56 / 2,300.52 = 99.26 %, printed 98.26 %.
    Case {
        line: 1129,
        from: "99.26%",
        to: "98.26%",
        rule: "N4",
        actual: "98.26",
        text_only: false,
    },
    // 十二（一）: 机关运行经费 减少 17.95 from 78.56 is 22.85 %, printed 23.85 %.
    Case {
        line: 1673,
        from: "22.85%",
        to: "23.85%",
        rule: "N22",
        actual: "23.85",
        text_only: true,
    },
];

#[test]
fn the_sample_narrative_alone_holds_for_the_rules_that_run_on_text() {
    let a = disclosure::analyze(&narrative(common::SAMPLE));
    assert_eq!(a.document.meta.coverage.extent, Extent::Narrative);
    for rule in ["N4", "N7", "N9", "N10", "N11", "N14", "N20", "N21", "N22"] {
        assert_eq!(of(&a.findings, rule), vec![], "{rule}");
    }
}

#[test]
fn each_rule_that_runs_on_text_fires_on_an_edited_narrative_alone() {
    let mut failures = Vec::new();
    for c in CASES {
        let text = common::edited(c.line, c.from, c.to);
        let part = disclosure::analyze(&narrative(&text));
        let found = of(&part.findings, c.rule);
        let want = Some(dec(c.actual));
        if !found
            .iter()
            .any(|f| f.severity == Severity::Error && f.actual == want)
        {
            failures.push(format!(
                "line {} {:?} -> {:?}: no {} error printing {}: {found:#?}",
                c.line, c.from, c.to, c.rule, c.actual
            ));
        }
        // Nothing cites a table the part does not hold.
        if let Some(f) = part.findings.iter().find(|f| {
            matches!(f.severity, Severity::Error | Severity::Warning) && !f.tables.is_empty()
        }) {
            failures.push(format!("line {}: cites tables: {f:#?}", c.line));
        }
        if c.text_only {
            // The whole document reports the same problem with the same values.
            let whole = disclosure::analyze(&text);
            let in_whole = of(&whole.findings, c.rule);
            let shift = |f: &Finding| (f.severity, f.actual, f.expected, f.message_zh.clone());
            for f in found.iter().filter(|f| f.actual == want) {
                if !in_whole.iter().any(|w| shift(w) == shift(f)) {
                    failures.push(format!(
                        "line {}: the whole does not report {}: {}",
                        c.line, c.rule, f.message_zh
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The shares of 二 add up to 100 % on the narrative alone too: 98.26 + 0.19 + 0.55 is 99.00.
#[test]
fn income_shares_add_up_without_the_table() {
    let text = common::edited(1129, "99.26%", "98.26%");
    let part = disclosure::analyze(&narrative(&text));
    assert!(
        of(&part.findings, "N4")
            .iter()
            .any(|f| f.severity == Severity::Warning && f.actual == Some(dec("99.00"))),
        "{:#?}",
        part.findings
    );
}

/// A real document's 说明 alone: 普陀区财政局 2024 决算's 五（二） prints 71.73 % where 2,106.66 /
/// 2,940.05 = 71.65 %; the list opens with the total it is a share of, so the narrative alone
/// reports it as the whole does against 表5.
#[test]
fn a_class_share_over_the_stated_total_on_a_real_narrative() {
    let text = common::DOCUMENTS[3].1;
    let whole = of(&disclosure::analyze(text).findings, "N10");
    let part = of(&disclosure::analyze(&narrative(text)).findings, "N10");
    let wrong = |fs: &[Finding]| {
        fs.iter()
            .any(|f| f.severity == Severity::Error && f.actual == Some(dec("71.73")))
    };
    assert!(wrong(&whole), "{whole:#?}");
    assert!(wrong(&part), "{part:#?}");
}

/// The 说明 alone has no table to take a unit from: its unit is the one its amounts print. The
/// sample's 第三部分 read 万元 (its amounts' unit, as every table's); with each "万元" printed
/// "元" (a unit's 说明 in 元, as web pages give them) it is read 元, where the default said 万元.
#[test]
fn the_narrative_alone_takes_the_unit_its_amounts_print() {
    let part = narrative(common::SAMPLE);
    let a = disclosure::parse(&part).document;
    assert!(a.tables.is_empty() && !a.statements.is_empty());
    assert_eq!(a.meta.unit, disclosure::Unit::Wan);
    let yuan = part.replace("万元", "元");
    let b = disclosure::parse(&yuan).document;
    assert_eq!(b.meta.unit, disclosure::Unit::Yuan);
    assert_eq!(b.statements.len(), a.statements.len());
}
