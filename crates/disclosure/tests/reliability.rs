//! Tables not reliably read: nothing is concluded from them (no error, warning, 尾差 or note of a
//! rule), and one note per table says which lines and why (check/reliability.rs). On real copies of
//! the corpus (fixtures/corpus).

use disclosure::check::{Finding, Severity};

mod common;

use common::corpus_file as corpus;

fn notes(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.rule == "check/unreliable-table")
        .collect()
}

fn serious(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.severity <= Severity::Warning)
        .collect()
}

/// `text` with lines `from..=to` (1-based) replaced by `with`.
fn replaced(text: &str, from: usize, to: usize, with: &[&str]) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    lines.splice(from - 1..to, with.iter().copied());
    lines.join("\n")
}

#[test]
fn rows_run_together_are_read_as_rows() {
    // PDFium runs the rows of the Wanli budget's 表3 together on three long lines (263–265) and
    // those of 表8 on one (402): each row is cut where its code begins, and the copy reads as the
    // pypdf one does (tests/copies.rs): nothing set aside, and what is left is the four real
    // errors and three real warnings (N36) of the 编制说明, the project description's area (N37)
    // and the two of the 绩效 tables.
    let text = corpus("wanli-2023/pdfium.txt");
    let a = disclosure::analyze(&text);
    assert!(notes(&a.findings).is_empty(), "{:#?}", notes(&a.findings));
    let left = serious(&a.findings);
    assert_eq!(
        left.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
        ["N33", "F5", "F5", "F5", "N37", "P.4", "N36", "N36", "N36", "N35"]
    );
    let printed: Vec<String> = left
        .iter()
        .filter_map(|f| f.actual)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(
        printed,
        [
            "1421.25",
            "314.82",
            "441.25",
            "60.54",
            "8013",
            "10903043.00",
            "3328.13"
        ]
    );
}

#[test]
fn rows_run_together_that_cannot_be_told_apart_set_their_table_aside() {
    // The same rows of 表3 run together without their names (pypdf lines 258–265 on one line):
    // a code followed by an amount may be an amount, so the line is not cut, and the table is
    // set aside with one note instead of reporting sums through rows it could not tell apart.
    let text = corpus("wanli-2023/pypdf.txt");
    let text = replaced(
        &text,
        258,
        265,
        &[
            "204 1,252,300 0 1,252,300 204 06 150,000 0 150,000 204 06 07 150,000 0 150,000 \
           204 99 1,102,300 0 1,102,300 204 99 99 1,102,300 0 1,102,300 206 100,000 0 100,000 \
           206 07 100,000 0 100,000 206 07 02 100,000 0 100,000",
        ],
    );
    let a = disclosure::analyze(&text);
    let n = notes(&a.findings);
    let t3 = n.iter().find(|f| f.tables == [3]).expect("a note for 表3");
    assert_eq!(t3.severity, Severity::Info);
    assert!(
        t3.message_zh.contains("表3 2023年部门支出预算总表"),
        "{}",
        t3.message_zh
    );
    assert!(
        t3.message_en.contains("not read reliably"),
        "{}",
        t3.message_en
    );
    // What is left: the four real errors and three real warnings of the 编制说明, the project
    // description's area (N37) and the two of the 绩效 tables (P.4, N35), nothing from the tables
    // of figures.
    let left = serious(&a.findings);
    assert_eq!(
        left.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
        ["N33", "F5", "F5", "F5", "N37", "P.4", "N36", "N36", "N36", "N35"]
    );
}

#[test]
fn a_skipped_row_sets_its_table_aside_with_one_note() {
    // A row of 表2 whose code was lost ("机关事业单位基本养老保险缴费支出 4,412,547 4,412,547",
    // pypdf line 202 without "208 05 05"): it is skipped, and sums through it would fail (T2.5).
    let text = corpus("wanli-2023/pypdf.txt");
    let text = replaced(
        &text,
        202,
        202,
        &["机关事业单位基本养老保险缴费支出 4,412,547 4,412,547"],
    );
    let a = disclosure::analyze(&text);
    let left = serious(&a.findings);
    assert!(
        left.iter()
            .all(|f| ["F5", "N33", "P.4", "N35", "N36", "N37"].contains(&f.rule.as_str())),
        "{left:#?}"
    );
    let n = notes(&a.findings);
    let tables: Vec<&[u8]> = n.iter().map(|f| f.tables.as_slice()).collect();
    assert!(tables.contains(&[2].as_slice()), "{tables:?}");
    // The skipped row's own warning is folded into the note: its line is the note's.
    assert!(!a.findings.iter().any(|f| f.rule == "parse/unreadable-row"));
    let t2 = n.iter().find(|f| f.tables == [2]).unwrap();
    assert!(t2.message_zh.contains("1 行无法读取"), "{}", t2.message_zh);
    assert!(t2.lines.contains(&202), "{:?}", t2.lines);
}

#[test]
fn a_well_read_document_gets_no_note() {
    for (name, text) in [
        ("the sample", common::SAMPLE.to_owned()),
        ("wanli pypdf", corpus("wanli-2023/pypdf.txt")),
        ("wanli pdfjs", corpus("wanli-2023/pdfjs.txt")),
        ("wanli pdfium", corpus("wanli-2023/pdfium.txt")),
        ("wanli pdfplumber", corpus("wanli-2023/pdfplumber.txt")),
        (
            "wanli pdftotext -layout",
            corpus("wanli-2023/pdftotext-layout.txt"),
        ),
        ("wanli tsv", corpus("wanli-2023/tsv.txt")),
        (
            "caizhengju 2025",
            corpus("caizhengju-2025-budget/pypdf.txt"),
        ),
        (
            "caizhengju 2024 final",
            corpus("caizhengju-2024-final/pypdf.txt"),
        ),
    ] {
        let a = disclosure::analyze(&text);
        assert!(
            notes(&a.findings).is_empty(),
            "{name}: {:#?}",
            notes(&a.findings)
        );
    }
}

#[test]
fn one_wrong_figure_is_still_an_error_wherever_it_shows() {
    // 表1's 收入总计 2,300.52 changed to 2,310.52 breaks several identities at once (its own
    // sum, 表2's and 表4's restatements…), all by the same 10.00: one cause, so the document's
    // error is reported, not set aside.
    let text = common::edited(125, "2,300.52", "2,310.52");
    let a = disclosure::analyze(&text);
    assert!(notes(&a.findings).is_empty(), "{:#?}", notes(&a.findings));
    let errors: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error && f.lines.contains(&125))
        .collect();
    assert!(!errors.is_empty());
}

#[test]
fn a_table_with_no_amount_read_is_not_trusted() {
    // pdftotext prints the 决算's 表6 one cell per line, far from its labels: not one amount is
    // read, and comparing the narrative's 人员经费 2,152.26 with "0" would be a false error.
    let text = corpus("caizhengju-2024-final/pdftotext.txt");
    let a = disclosure::analyze(&text);
    let t6 = notes(&a.findings)
        .into_iter()
        .find(|f| f.tables == [6])
        .expect("a note for 表6");
    // Nothing is said of the figures, which were not read.
    assert!(
        t6.message_zh.contains("没有读到任何金额")
            && t6.message_zh.contains("表中数字本身对不对，未能核对"),
        "{}",
        t6.message_zh
    );
    assert!(
        t6.message_en.contains("no amount could be read")
            && t6
                .message_en
                .contains("Whether the table's figures are right was not checked"),
        "{}",
        t6.message_en
    );
    assert!(!a
        .findings
        .iter()
        .any(|f| f.rule == "N14" && f.severity <= Severity::Warning));
}

#[test]
fn an_edit_that_throws_the_reader_off_is_said_not_hidden() {
    // 表2's 财政拨款小计 total 2,287.86 changed to 2,287.96 (line 204) makes the column solver
    // shift 表2's columns: dozens of T2.2/X20 "errors" that are the reader's, not the text's. The
    // change is not silent — 表2 gets its note — and none of those is shown as an error.
    let text = common::edited(204, "2,287.86", "2,287.96");
    let checked = disclosure::check::check(&disclosure::parse(&text).document);
    assert!(checked.iter().filter(|f| f.rule == "T2.2").count() > 20);
    let a = disclosure::analyze(&text);
    let t2 = notes(&a.findings)
        .into_iter()
        .find(|f| f.tables == [2])
        .expect("a note for 表2");
    assert!(!a
        .findings
        .iter()
        .any(|f| f.rule == "T2.2" && f.severity <= Severity::Warning));
    // Its failures spread over many unrelated figures: a misreading, not as many misprints —
    // but the text is the sample's, and what threw the solver off is one wrong figure, so the
    // note does not say the document is right.
    assert!(
        t2.message_zh.contains("互不相干的数字上")
            && t2.message_zh.contains("多半是表格没有读对")
            && t2.message_zh.contains("不排除其中有一处真错")
            && !t2.message_zh.contains("不是文件本身的错误"),
        "{}",
        t2.message_zh
    );
    assert!(
        t2.message_en
            .contains("most likely mean the table was misread")
            && t2
                .message_en
                .contains("one real error among them is not ruled out"),
        "{}",
        t2.message_en
    );
}

/// The note on table `n`, if any.
fn note_on(findings: &[Finding], n: u8) -> Option<&Finding> {
    findings
        .iter()
        .find(|f| f.rule == "check/unreliable-table" && f.tables == [n])
}

/// `text` with the first `from` after `after` replaced by `to`.
fn edited_after(text: &str, after: &str, from: &str, to: &str) -> String {
    let at = text.find(after).unwrap_or_else(|| panic!("{after:?}"));
    let (head, rest) = text.split_at(at);
    assert!(rest.contains(from), "{from:?} after {after:?}");
    format!("{head}{}", rest.replacen(from, to, 1))
}

/// That a note says its table's amounts could not be placed so that its sums hold, and that
/// this may be the copy's order or the document's figure, leaning to neither.
fn says_copy_or_document(f: &Finding) {
    assert!(
        f.message_zh
            .contains("没能把数字排回各行、使各项合计都成立")
            && f.message_zh
                .contains("可能是复制的次序所致，也可能是文件本身有数字对不上，无法分辨")
            && !f.message_zh.contains("多半"),
        "{}",
        f.message_zh
    );
    assert!(
        f.message_en
            .contains("could not be placed back in its rows with every sum holding")
            && f.message_en.contains(
                "may be the copy's order or a figure of the document that does not add up"
            )
            && !f.message_en.contains("most likely"),
        "{}",
        f.message_en
    );
}

#[test]
fn a_block_printed_table_whose_sums_fail_may_be_the_copy_or_the_document() {
    // pdftotext prints zhengfu's 表5 in blocks (each row's 合计 after its name, the 基本支出 and
    // 项目支出 of 201 03 01–99 apart): read by its sums, no note.
    let text = corpus("zhengfu-bangongshi-unit-2025/pdftotext.txt");
    let a = disclosure::analyze(&text);
    assert!(
        note_on(&a.findings, 5).is_none(),
        "{:#?}",
        notes(&a.findings)
    );
    // The document itself wrong: 行政运行's 合计 12,029,501.84 printed 12,039,501.84 (its
    // 基本支出 + 项目支出 and 201 03's 合计 still say 12,029,501.84). The reader places the
    // figures by the sums, so no placement holds and the table is not read: the note must not
    // tell the reader this is most likely the copy.
    let wrong = edited_after(
        &text,
        "2025年预算单位一般公共预算支出功能分类预算表\n编制单位",
        "\n行政运行\n\n12,029,501.84\n",
        "\n行政运行\n\n12,039,501.84\n",
    );
    let a = disclosure::analyze(&wrong);
    let t5 = note_on(&a.findings, 5).expect("a note for 表5");
    assert_eq!(t5.severity, Severity::Info);
    says_copy_or_document(t5);
    // The parser's note is folded into the table's, not shown apart.
    assert!(!a
        .findings
        .iter()
        .any(|f| f.rule == "parse/unplaced-amounts"));
    assert!(!serious(&a.findings)
        .iter()
        .any(|f| f.rule.starts_with("T5.")));

    // The same for a two-sided table: shangwu's 收支总表 (表1), which pdftotext prints in blocks,
    // is read; with 住房保障支出's 2,849,034.00 printed 2,859,034.00 it is not, and its note says
    // both.
    let text = corpus("shangwu-unit-2025/pdftotext.txt");
    let a = disclosure::analyze(&text);
    assert!(
        note_on(&a.findings, 1).is_none(),
        "{:#?}",
        notes(&a.findings)
    );
    let wrong = edited_after(
        &text,
        "七、住房保障支出\n",
        "\n2,849,034.00\n",
        "\n2,859,034.00\n",
    );
    let a = disclosure::analyze(&wrong);
    says_copy_or_document(note_on(&a.findings, 1).expect("a note for 表1"));
    // And as the corpus copy prints it: 表4 of the same copy is not placed either (the document
    // is right there, as its other copies show — which this copy alone cannot tell).
    let a = disclosure::analyze(&text);
    says_copy_or_document(note_on(&a.findings, 4).expect("a note for 表4"));
}

#[test]
fn the_same_wrong_figure_in_a_copy_that_keeps_its_rows_is_reported() {
    // The edit above in the PDFium copy of zhengfu, which prints 表5 row by row: read, and the
    // one wrong figure is reported where it breaks the sums (its row, T5.1; 201 03's 合计, T5.4),
    // no note.
    let text = corpus("zhengfu-bangongshi-unit-2025/pdfium.txt");
    // The row as 表3 and 表5 print it; 表5's is the second.
    let row = "201 03 01 行政运行 12,029,501.84 11,919,501.84 110,000.00";
    let second = text.match_indices(row).nth(1).expect("表5's 行政运行").0;
    let wrong = format!(
        "{}{}",
        &text[..second],
        text[second..].replacen(
            row,
            "201 03 01 行政运行 12,039,501.84 11,919,501.84 110,000.00",
            1
        )
    );
    assert_ne!(wrong, text);
    let a = disclosure::analyze(&wrong);
    assert!(
        note_on(&a.findings, 5).is_none(),
        "{:#?}",
        notes(&a.findings)
    );
    let rules: Vec<&str> = serious(&a.findings)
        .iter()
        .map(|f| f.rule.as_str())
        .collect();
    assert!(
        rules.contains(&"T5.1") && rules.contains(&"T5.4"),
        "{rules:?}"
    );
}

#[test]
fn unreadable_lines_are_said_to_be_the_copys_shape() {
    // pdftotext prints the 决算's 表2 one cell per line in a way no reader here takes apart:
    // 44 lines are not read. That is the copy's shape; nothing is said of the figures.
    let text = corpus("caizhengju-2024-final/pdftotext.txt");
    let a = disclosure::analyze(&text);
    let t2 = note_on(&a.findings, 2).expect("a note for 表2");
    assert!(
        t2.message_zh.contains("行无法读取")
            && t2
                .message_zh
                .contains("这些行是复制出的文字不成表格的行所致")
            && t2.message_zh.contains("表中数字本身对不对，未能核对")
            && !t2.message_zh.contains("文件本身有数字对不上"),
        "{}",
        t2.message_zh
    );
    assert!(
        t2.message_en.contains("lines could not be read")
            && t2.message_en.contains("Those lines are the copy's shape")
            && t2
                .message_en
                .contains("whether the table's figures are right was not checked"),
        "{}",
        t2.message_en
    );
}

#[test]
fn a_table_missing_its_rows_is_reported_only_when_read_reliably() {
    // The Wanli budget without its 项 rows (every row whose code has three parts dropped, in
    // every table): the 款 rows still add up to their 类, the tables read well, and the
    // completeness rule reports that 表5 does not go down to 项 (C7), citing 表5.
    let text = corpus("wanli-2023/pypdf.txt");
    let lines: Vec<&str> = text.split('\n').collect();
    let is_xiang = |l: &str| {
        let p: Vec<&str> = l.split(' ').take(3).collect();
        p.len() == 3
            && p[0].len() == 3
            && p[1].len() == 2
            && p[2].len() == 2
            && p.iter().all(|t| t.bytes().all(|b| b.is_ascii_digit()))
    };
    let without_xiang: Vec<&str> = lines.iter().filter(|l| !is_xiang(l)).copied().collect();
    let text = without_xiang.join("\n");
    let a = disclosure::analyze(&text);
    assert!(notes(&a.findings).is_empty(), "{:#?}", notes(&a.findings));
    let c7: Vec<&Finding> = serious(&a.findings)
        .into_iter()
        .filter(|f| f.rule == "C" && f.message_zh.contains("C7"))
        .collect();
    assert_eq!(c7.len(), 1, "{:#?}", serious(&a.findings));
    assert_eq!(c7[0].severity, Severity::Warning);
    assert_eq!(c7[0].tables, [5]);

    // The same table also with a row whose code was lost (it cannot be read): 表5 is set aside,
    // and what it lacks is not reported as missing from the document.
    let title = without_xiang
        .iter()
        .rposition(|l| l.ends_with("一般公共预算支出功能分类预算表"))
        .expect("表5's title");
    let first_kuan = title
        + without_xiang[title..]
            .iter()
            .position(|l| l.starts_with("201 05 统计信息事务"))
            .expect("表5's 201 05 row");
    let mut broken = without_xiang.clone();
    broken[first_kuan] = "统计信息事务 627,600 0 627,600";
    let a = disclosure::analyze(&broken.join("\n"));
    assert!(
        notes(&a.findings).iter().any(|f| f.tables == [5]),
        "{:#?}",
        notes(&a.findings)
    );
    assert!(!serious(&a.findings).iter().any(|f| f.rule == "C"));
}

#[test]
fn a_completeness_item_judged_from_a_table_not_read_is_not_concluded() {
    // zhengfu's unit budget printed by pdftotext: 表3 and 表5 print the 基本支出 and 项目支出
    // cells of 201 03 01–99 apart from their rows; both are read (by their sums), with their
    // 项 rows, and nothing is missing.
    let text = corpus("zhengfu-bangongshi-unit-2025/pdftotext.txt");
    let a = disclosure::analyze(&text);
    assert!(!notes(&a.findings).iter().any(|f| f.tables == [5]));
    assert!(!a.findings.iter().any(|f| f.rule == "C"));
    // Without 2010350's 项目支出 (the "40,000.00" 表5 prints after 卫生健康支出), 表5 cannot be
    // read: that it then shows no 项 row says nothing about the document (C7), and the warning
    // is set aside with 表5's note.
    let title = text
        .find("2025年预算单位一般公共预算支出功能分类预算表\n编制单位")
        .expect("表5's title");
    let cut = title
        + text[title..]
            .find("\n40,000.00\n")
            .expect("表5's 40,000.00");
    let text = format!("{}{}", &text[..cut], &text[cut + "\n40,000.00".len()..]);
    let a = disclosure::analyze(&text);
    assert!(notes(&a.findings).iter().any(|f| f.tables == [5]));
    assert!(
        !a.findings.iter().any(|f| f.rule == "C"),
        "{:#?}",
        serious(&a.findings)
    );
    // The same copy with two of 表5's names printed the other way round ("一般行政管理事务" and
    // "事业运行", the names of 201 03 02 and 201 03 50): names taken in the order they were
    // printed would swap the two rows and report the swap as the document's (N32: a 项 said to
    // be basic spending shown as project spending). The names 表3 gives those codes disagree
    // with that order, so 表5 is set aside with its note, and nothing is reported from it.
    let original = corpus("zhengfu-bangongshi-unit-2025/pdftotext.txt");
    let table5 = original
        .find("2025年预算单位一般公共预算支出功能分类预算表\n编制单位")
        .expect("表5's title");
    let (head, rest) = original.split_at(table5);
    let swapped = rest
        .replacen("\n一般行政管理事务\n", "\n\u{1}\n", 1)
        .replacen("\n事业运行\n", "\n一般行政管理事务\n", 1)
        .replacen("\n\u{1}\n", "\n事业运行\n", 1);
    assert_ne!(swapped, rest, "the two names are in 表5");
    let a = disclosure::analyze(&format!("{head}{swapped}"));
    assert!(notes(&a.findings).iter().any(|f| f.tables == [5]));
    assert!(
        !a.findings
            .iter()
            .any(|f| f.severity != Severity::Info && f.tables.contains(&5)),
        "{:#?}",
        serious(&a.findings)
    );
    // The pypdf copy with the 项 rows of its function tables (表2, 表3, 表5) left out: 表5 is
    // read and holds no 项 row, so C7 is reported, naming 表5.
    let text = corpus("zhengfu-bangongshi-unit-2025/pypdf.txt");
    let kept: Vec<&str> = text
        .split('\n')
        .enumerate()
        .filter(|&(i, l)| {
            let xiang = l.len() > 10
                && l.as_bytes()[..10].iter().enumerate().all(|(k, b)| {
                    if [3, 6, 9].contains(&k) {
                        *b == b' '
                    } else {
                        b.is_ascii_digit()
                    }
                });
            !((100..220).contains(&i) && xiang)
        })
        .map(|(_, l)| l)
        .collect();
    let a = disclosure::analyze(&kept.join("\n"));
    let c7: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| f.rule == "C" && f.message_en.contains("(C7)"))
        .collect();
    assert_eq!(c7.len(), 1, "{:#?}", serious(&a.findings));
    assert_eq!(
        (c7[0].severity, c7[0].tables.as_slice()),
        (Severity::Warning, &[5][..])
    );
}

#[test]
fn no_note_or_rounding_is_drawn_from_a_table_not_read() {
    // The sample's 表7 with every row's words on lines of their own ("201" / "01" / "08" /
    // "代表工作" / … / "1.54"), as a copy that keeps no row together would print it: its rows
    // cannot be told apart, and 表7 is set aside. Its seven project 绩效目标表 then find no 表7 row
    // of their name. X33 says so as a note (it may be paid from other money), but here it would
    // say only that the reader lost the rows: no finding of a rule, a note or a 尾差 included,
    // is drawn from the table, and its note names X33 among the rules not concluded.
    let text = common::sample_a_word_a_line("一般公共预算项目支出情况表", " 表 8");
    let a = disclosure::analyze(&text);
    let t7 = note_on(&a.findings, 7).expect("a note for 表7");
    assert!(t7.message_zh.contains("X33"), "{}", t7.message_zh);
    let from_t7: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| !f.rule.starts_with("parse/") && !f.rule.starts_with("check/"))
        .filter(|f| f.tables.contains(&7))
        .collect();
    assert!(from_t7.is_empty(), "{from_t7:#?}");
    // The sample as printed: 表7 is read, and the seven tables match its projects.
    let a = disclosure::analyze(common::SAMPLE);
    assert!(note_on(&a.findings, 7).is_none());
    assert!(!a.findings.iter().any(|f| f.rule == "X33"));
}
