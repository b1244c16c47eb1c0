//! Headline totals of tables a copy printed column by column (pdftotext without -layout: labels
//! in one run, amounts in another, out of row order), found where the table prints them, the
//! narrative states them and the table's sums hold with them (`parse/confirm.rs`). The tables
//! themselves stay unread: no check is drawn from them.

use disclosure::analyze::{Analysis, Figure};
use disclosure::check::Severity;
use disclosure::{ConfirmedTotal, Side, TableKind};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/corpus/");
const CZJ: &str = "caizhengju-2024-final/pdftotext.txt";

fn text(name: &str) -> String {
    let path = format!("{FIXTURES}{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn analysis(text: &str) -> Analysis {
    disclosure::analyze(text)
}

/// The text with line `no` (1-based, as the file numbers it) replaced by `with` (`None`
/// deletes it), after checking it reads `was`.
fn edited(text: &str, no: usize, was: &str, with: Option<&str>) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[no - 1], was, "line {no}");
    match with {
        Some(w) => lines[no - 1] = w,
        None => {
            lines.remove(no - 1);
        }
    }
    lines.join("\n")
}

/// The six headline totals the confirmation gives, as strings ("" when not read).
fn six(a: &Analysis) -> [String; 6] {
    let s = &a.summary;
    let v = |f: &Option<Figure>| f.as_ref().map(|f| f.value.to_string()).unwrap_or_default();
    [
        v(&s.income_total),
        v(&s.expense_total),
        v(&s.basic),
        v(&s.project),
        v(&s.personnel),
        v(&s.public),
    ]
}

/// The review's figures (fixtures/corpus/caizhengju-2024-final/review.toml).
const REVIEW: [&str; 6] = [
    "2995.39", "2995.39", "2336.91", "603.14", "2152.26", "184.65",
];

/// Which of the six totals stay read when 表1's, 表3's or 表6's are not.
const NOT_1: [bool; 6] = [false, false, true, true, true, true];
const NOT_3: [bool; 6] = [true, true, false, false, true, true];
const NOT_6: [bool; 6] = [true, true, true, true, false, false];

/// Asserts that the six totals read the review's figures where `kept`, and nothing elsewhere.
fn kept_only(a: &Analysis, kept: [bool; 6], what: &str) {
    let got = six(a);
    for (i, keep) in kept.iter().enumerate() {
        let want = if *keep { REVIEW[i] } else { "" };
        assert_eq!(got[i], want, "{what}: total {i}");
    }
}

/// Errors and warnings: rule, severity and lines.
fn alarms(a: &Analysis) -> Vec<(String, Vec<u32>)> {
    a.findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Error | Severity::Warning))
        .map(|f| (f.rule.clone(), f.lines.clone()))
        .collect()
}

/// The tables the reliability gate set aside.
fn unread(a: &Analysis) -> Vec<u8> {
    let mut t: Vec<u8> = a
        .findings
        .iter()
        .filter(|f| f.rule == "check/unreliable-table")
        .flat_map(|f| f.tables.iter().copied())
        .collect();
    t.sort_unstable();
    t
}

#[test]
fn the_totals_of_tables_printed_column_by_column_are_read_where_all_agree() {
    // caizhengju-2024-final, pdftotext: 表1 prints "本年收入合计 / 2,946.25 / 本年支出合计 /
    // 2,940.05 / … / 总计 / 结余分配 / 49.14 / 2,995.39 / 年末结转和结余 / 总计 / 55.34 /
    // 2,995.39" (lines 172-194), 表3 its 合计 row's 2,940.05 at 389 and "2,336.91 / 603.14" at
    // 482/484, 表6 "人员经费合计 / 2,152.26 / 公用经费合计 / 184.65" (1250-1256); the narrative
    // states 收入支出总计2995.39 (1350), 本年收入合计2946.25 (1354), 本年支出合计2940.05 with
    // 基本支出2336.91 and 项目支出603.14 (1357-1358), 基本支出2336.91 with 人员经费2152.26 and
    // 公用经费184.65 (1417-1420). Before the change all six read "—".
    let a = analysis(&text(CZJ));
    assert_eq!(six(&a), REVIEW.map(String::from));
    let s = &a.summary;
    let lines = |f: &Option<Figure>| f.as_ref().map(|f| (f.lines.clone(), f.table));
    assert_eq!(lines(&s.income_total), Some((vec![187], Some(1))));
    assert_eq!(lines(&s.expense_total), Some((vec![194], Some(1))));
    assert_eq!(lines(&s.basic), Some((vec![482], Some(3))));
    assert_eq!(lines(&s.project), Some((vec![484], Some(3))));
    assert_eq!(lines(&s.personnel), Some((vec![1252], Some(6))));
    assert_eq!(lines(&s.public), Some((vec![1256], Some(6))));
    // 年初结转和结余 49.14 = 总计 − 本年收入合计, but 使用非财政拨款结余 could hold it as well: the
    // sums do not tell which, and it stays unread.
    assert!(s.carryover.is_none());
    // The tables stay unread for the checks.
    assert_eq!(unread(&a), [1, 2, 3, 4, 6]);
    assert_eq!(
        alarms(&a)
            .iter()
            .map(|(r, _)| r.as_str())
            .collect::<Vec<_>>(),
        ["N10", "N32"]
    );
}

#[test]
fn an_edited_amount_leaves_its_totals_unread_and_the_findings_as_they_were() {
    let original = text(CZJ);
    let before = analysis(&original);
    let cases: [(usize, &str, &str, [bool; 6]); 5] = [
        // 表1's income 总计 edited: 2,995.39 is printed once, 总计 is no longer both sides'.
        (187, "2,995.39", "2,995.49", NOT_1),
        // 表3's 合计 项目支出 edited: no 基本支出 and 项目支出 printed together make the 合计
        // (603.14 is still printed as 201's and 20106's: not taken).
        (484, "603.14", "603.04", NOT_3),
        // 表3's 合计 edited: the narrative's 支出合计 is not printed after the 合计 label.
        (389, "2,940.05", "2,940.15", NOT_3),
        // 表6's 人员经费合计 edited.
        (1252, "2,152.26", "2,152.36", NOT_6),
        // The narrative's 收入支出总计 edited: it no longer confirms the table's.
        (
            1350,
            "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入",
            "上海市普陀区财政局2024年度收入支出总计2995.49万元。与2023年度相比，收入",
            NOT_1,
        ),
    ];
    for (no, was, with, kept) in cases {
        let a = analysis(&edited(&original, no, was, Some(with)));
        kept_only(&a, kept, &format!("line {no} edited"));
        if no != 1350 {
            // An amount of an unread table: the findings are the original text's.
            assert_eq!(alarms(&a), alarms(&before), "line {no} edited");
            assert_eq!(unread(&a), unread(&before), "line {no} edited");
        }
    }
}

#[test]
fn a_deleted_amount_leaves_its_totals_unread() {
    let original = text(CZJ);
    for (no, was, kept) in [
        (194, "2,995.39", NOT_1),
        (482, "2,336.91", NOT_3),
        (1256, "184.65", NOT_6),
    ] {
        let a = analysis(&edited(&original, no, was, None));
        kept_only(&a, kept, &format!("line {no} deleted"));
    }
}

#[test]
fn shuffled_lines_never_give_a_wrong_total() {
    // Each table's body (表1 104-194, 表3 380-577, 表6 836-1256) shuffled by three fixed
    // permutations, reversed, or its halves swapped: every total reads as the review's or not at
    // all (today: not at all, each shuffle parting a label from its amount or a pair of amounts).
    let original = text(CZJ);
    let lines: Vec<&str> = original.lines().collect();
    let spans = [(104, 194), (380, 577), (836, 1256)];
    for variant in 0..5u64 {
        let mut out: Vec<&str> = lines.clone();
        for &(from, to) in &spans {
            let body = &mut out[from - 1..to];
            if variant == 0 {
                body.reverse();
            } else if variant == 4 {
                // Its second half printed before its first (a page's blocks swapped).
                let half = body.len() / 2;
                body.rotate_left(half);
            } else {
                // A fixed pseudo-random permutation (Fisher-Yates over an LCG).
                let mut x = variant.wrapping_mul(6_364_136_223_846_793_005);
                for i in (1..body.len()).rev() {
                    x = x
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    let j = usize::try_from((x >> 33) % (i as u64 + 1)).unwrap();
                    body.swap(i, j);
                }
            }
        }
        let a = analysis(&out.join("\n"));
        for (i, got) in six(&a).iter().enumerate() {
            assert!(
                got.is_empty() || got == REVIEW[i],
                "variant {variant}: total {i} read {got}"
            );
        }
    }
}

#[test]
fn a_body_of_more_amounts_than_the_bound_is_not_weighed() {
    // parse/confirm.rs MAX_AMOUNTS = 4,000: 表6's body given 4,001 more amounts (each 0.01,
    // smaller than every total) is not weighed, and its totals stay unread; the others read.
    let original = text(CZJ);
    let mut lines: Vec<String> = original.lines().map(String::from).collect();
    let at = lines
        .iter()
        .position(|l| l == "人员经费合计")
        .expect("表6's total row");
    lines.splice(at..at, std::iter::repeat_n("0.01".to_owned(), 4_001));
    let start = std::time::Instant::now();
    let a = analysis(&lines.join("\n"));
    let got = six(&a);
    assert_eq!(got[..4], REVIEW[..4]);
    assert_eq!(got[4..], [String::new(), String::new()]);
    // The whole analysis of the padded text, debug build: well under the bound's worth.
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}

/// The summary figure a confirmed total fills.
fn figure<'a>(a: &'a Analysis, c: &ConfirmedTotal) -> Option<&'a Option<Figure>> {
    let s = &a.summary;
    Some(match (c.kind, c.side, c.col) {
        (TableKind::Summary, Side::Income, _) => &s.income_total,
        (TableKind::Summary, Side::Expense, _) => &s.expense_total,
        (TableKind::Expense, _, disclosure::Col::Basic) => &s.basic,
        (TableKind::Expense, _, disclosure::Col::Project) => &s.project,
        (TableKind::GeneralBasic, _, disclosure::Col::Personnel) => &s.personnel,
        (TableKind::GeneralBasic, _, disclosure::Col::Public) => &s.public,
        _ => return None,
    })
}

#[test]
fn every_total_confirmed_in_the_corpus_is_the_reference_copys() {
    // Every copy of every corpus document: each total the confirmation finds is the figure the
    // document's pypdf copy reads row by row (all of them read it: the corpus report).
    let mut confirmed = 0;
    let sets: [(&str, &[&str]); 6] = [
        (
            "caizhengju-2024-final/pypdf.txt",
            &["caizhengju-2024-final"],
        ),
        (
            "caizhengju-2025-budget/pypdf.txt",
            &["caizhengju-2025-budget"],
        ),
        ("shangwu-unit-2025/pypdf.txt", &["shangwu-unit-2025"]),
        ("wanli-2023/pypdf.txt", &["wanli-2023"]),
        (
            "zhengfu-bangongshi-unit-2025/pypdf.txt",
            &["zhengfu-bangongshi-unit-2025"],
        ),
        // The Xinjiang sample has one copy, its own reference.
        ("../xinjiang-korla-chaoyang-2024-budget.txt", &[]),
    ];
    for (reference, dirs) in sets {
        let reference_text = text(reference);
        let reference_analysis = analysis(&reference_text);
        let mut copies: Vec<(String, String)> = vec![(reference.to_owned(), reference_text)];
        for dir in dirs {
            let mut paths: Vec<_> = std::fs::read_dir(format!("{FIXTURES}{dir}"))
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            paths.sort();
            for p in paths {
                copies.push((
                    p.display().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                ));
            }
        }
        for (name, copy) in copies {
            let a = analysis(&copy);
            for c in &a.document.confirmed {
                let want = figure(&reference_analysis, c)
                    .and_then(|f| f.as_ref())
                    .map(|f| f.value);
                assert_eq!(Some(c.value), want, "{name}: {c:?}");
                confirmed += 1;
            }
        }
    }
    // Not vacuous: the caizhengju 决算's copies confirm their totals.
    assert!(confirmed >= 6, "{confirmed}");
}
