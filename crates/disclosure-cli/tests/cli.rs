//! The `disclosure` binary, run as a user runs it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const SAMPLE: &str = "fixtures/xinjiang-korla-chaoyang-2024-budget.txt";
const SYNTHETIC: &str = "fixtures/synthetic-sample-renamed.txt";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the binary from the repository root, with `stdin` as standard input.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_disclosure"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin).expect("write stdin");
    drop(input);
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 errors")
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

/// A file of its own in the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "disclosure-cli-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("temp file");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn documents(v: &Value) -> &Vec<Value> {
    v["documents"].as_array().expect("documents is an array")
}

fn rules_of(doc: &Value) -> Vec<&str> {
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().expect("rule"))
        .collect()
}

#[test]
fn check_json_of_the_sample() {
    let o = run(&["check", "--json", SAMPLE], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    let docs = documents(&v);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["file"], SAMPLE);
    assert_eq!(d["department"], "库尔勒市朝阳街道办事处");
    assert_eq!(d["year"], 2024);
    assert_eq!(d["kind"], "budget");
    assert_eq!(d["unit"], "万元");
    assert_eq!(d["scope"], "department");
    let tables = d["tables"].as_array().unwrap();
    let numbers: Vec<u64> = tables
        .iter()
        .map(|t| t["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, (1..=11).collect::<Vec<u64>>());
    assert_eq!(tables[0]["title"], "部门收支总体情况表");
    for t in tables {
        let rows = t["rows"].as_u64().unwrap();
        let empty = matches!(t["number"].as_u64(), Some(8 | 9));
        assert_eq!(rows == 0, empty, "table {}: {rows} rows", t["number"]);
    }
    let totals = &d["totals"];
    for (k, want) in [
        ("income_total", "2300.52"),
        ("expense_total", "2300.52"),
        ("basic", "2102.56"),
        ("project", "197.96"),
        ("personnel", "2041.95"),
        ("public", "60.61"),
        ("three_public", "9.60"),
        ("carryover", "12.66"),
    ] {
        assert_eq!(totals[k], want, "{k}");
    }
    let findings = d["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert!(findings.iter().all(|f| f["severity"] != "error"));
    for f in findings {
        for key in [
            "rule",
            "severity",
            "lines",
            "message",
            "message_en",
            "expected",
            "actual",
            "tables",
        ] {
            assert!(f.get(key).is_some(), "finding without {key}: {f}");
        }
        assert!(["error", "warning", "rounding", "info"].contains(&f["severity"].as_str().unwrap()));
    }
    // A sum finding carries its numbers as exact strings.
    let t1 = findings
        .iter()
        .find(|f| f["rule"] == "T1.10")
        .expect("T1.10");
    assert_eq!(t1["expected"], "2300.51");
    assert_eq!(t1["actual"], "2300.52");
    assert_eq!(t1["tables"], serde_json::json!([1]));
    assert!(
        t1.get("percent").is_none(),
        "an amount's finding says no percent: {t1}"
    );
    // A rate's finding says its numbers are percentages.
    let share = findings
        .iter()
        .find(|f| f["rule"] == "N7" && f["severity"] == "rounding")
        .expect("an N7 share within rounding");
    assert_eq!(share["percent"], true, "{share}");
}

#[test]
fn standard_input_and_gbk_give_the_same_document() {
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let file = json(&run(&["check", "--json", SAMPLE], b""));
    let piped = run(&["check", "--json", "-"], text.as_bytes());
    assert!(piped.status.success());
    let mut piped = json(&piped);
    assert_eq!(piped["documents"][0]["file"], "-");

    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the GBK copy is not UTF-8"
    );
    let tmp = TempFile::new("sample-gbk.txt", &gbk);
    let o = run(&["check", "--json", tmp.path()], b"");
    assert!(o.status.success());
    let mut decoded = json(&o);

    // With a UTF-8 byte-order mark, too.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let mut with_bom = json(&run(&["check", "--json", "-"], &bom));

    let mut want = file;
    for v in [&mut want, &mut piped, &mut decoded, &mut with_bom] {
        v["documents"][0]["file"] = Value::Null;
    }
    assert_eq!(piped, want);
    assert_eq!(decoded, want);
    assert_eq!(with_bom, want);
}

#[test]
fn an_unreadable_file_gives_status_2_and_the_others_are_still_checked() {
    let o = run(&["check", "--json", "no/such/file.txt", SAMPLE], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no/such/file.txt"), "{err}");
    let v = json(&o);
    assert_eq!(documents(&v).len(), 1);
    assert_eq!(v["documents"][0]["file"], SAMPLE);
    assert_eq!(v["unreadable"][0]["file"], "no/such/file.txt");

    // A directory cannot be read either; the text report goes on.
    let o = run(&["check", "fixtures", SAMPLE], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("fixtures"));
    assert!(stdout(&o).contains("库尔勒市朝阳街道办事处"));
}

#[test]
fn empty_input_and_binary_junk_are_read_and_reported() {
    let junk: Vec<u8> = (0u32..20_000)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let tmp = TempFile::new("junk.bin", &junk);
    let empty = TempFile::new("empty.txt", b"");
    for (args, stdin) in [
        (vec!["check", "--json", "-"], Vec::new()),
        (vec!["check", "--json", empty.path()], Vec::new()),
        (vec!["check", "--json", "-"], junk.clone()),
        (vec!["check", "--json", tmp.path()], Vec::new()),
    ] {
        let o = run(&args, &stdin);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let v = json(&o);
        let d = &v["documents"][0];
        assert!(
            rules_of(d).contains(&"parse/not-a-disclosure"),
            "{args:?}: {d}"
        );
        assert_eq!(d["totals"]["income_total"], Value::Null);
    }
    let o = run(&["check", "-"], &junk);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("parse/not-a-disclosure"));
}

/// A unit's budget (单位预算): `scope` is a field added to the documented shape; the unit and
/// the totals are the ones its tables print (元, the 三公 table in 万元).
#[test]
fn check_json_of_a_unit_budget() {
    const UNIT: &str = "fixtures/corpus/zhengfu-bangongshi-unit-2025/pypdf.txt";
    let o = run(&["check", "--json", UNIT], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    let d = &documents(&v)[0];
    assert_eq!(d["department"], "上海市普陀区人民政府办公室");
    assert_eq!(d["year"], 2025);
    assert_eq!(d["kind"], "budget");
    assert_eq!(d["scope"], "unit");
    assert_eq!(d["unit"], "元");
    assert_eq!(d["family"], "shanghai");
    let totals = &d["totals"];
    for (k, want) in [
        ("income_total", "9101.677535"),
        ("expense_total", "9101.677535"),
        ("basic", "2460.677535"),
        ("project", "6641.00"),
        ("three_public", "867.50"),
    ] {
        assert_eq!(totals[k], want, "{k}");
    }
    let text = stdout(&run(&["check", "--lang", "en", UNIT], b""));
    assert!(text.contains("Kind: budget (unit)   Unit: 元"), "{text}");
}

/// A part of a document (the sample's 第三部分 from standard input): `coverage` is a field
/// added to the documented shape; the department and year are its headings', and nothing is
/// reported about what it does not hold.
#[test]
fn check_json_and_text_of_a_part() {
    let sample = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let lines: Vec<&str> = sample.split('\n').collect();
    let at = |h: &str| lines.iter().position(|l| l.trim().starts_with(h)).unwrap();
    let part = lines[at("第三部分")..at("第四部分")].join("\n");
    let o = run(&["check", "--json", "-"], part.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    let d = &documents(&v)[0];
    assert_eq!(d["department"], "库尔勒市朝阳街道办事处");
    assert_eq!(d["year"], 2024);
    assert_eq!(d["kind"], "budget");
    let c = &d["coverage"];
    assert_eq!(c["extent"], "narrative");
    // Its 说明 and the 绩效目标表 at its end.
    assert_eq!(
        c["sections"],
        serde_json::json!(["narrative", "performance"])
    );
    assert_eq!(c["kind_stated"], true);
    assert_eq!(
        c["message"],
        "部门预算的一部分，不含预算表：情况说明、绩效目标表"
    );
    assert_eq!(
        c["message_en"],
        "part of a department budget, without the budget tables: the narrative (情况说明), performance targets"
    );
    assert_eq!(d["counts"]["error"], 0);
    let rules = rules_of(d);
    assert!(!rules.contains(&"C") && !rules.contains(&"parse/not-a-disclosure"));
    assert_eq!(
        rules.iter().filter(|r| **r == "check/not-checked").count(),
        1
    );
    let text = stdout(&run(&["check", "-"], part.as_bytes()));
    assert!(
        text.contains("范围：部门预算的一部分，不含预算表：情况说明、绩效目标表\n"),
        "{text}"
    );
    let en = stdout(&run(&["check", "--lang", "en", "-"], part.as_bytes()));
    assert!(
        en.contains("Covers: part of a department budget, without the budget tables"),
        "{en}"
    );
    // The whole sample is whole.
    let v = json(&run(&["check", "--json", SAMPLE], b""));
    assert_eq!(documents(&v)[0]["coverage"]["extent"], "whole");
}

#[test]
fn text_report_in_both_languages() {
    let o = run(&["check", SAMPLE], b"");
    assert!(o.status.success());
    let out = stdout(&o);
    for want in [
        "部门：库尔勒市朝阳街道办事处",
        "年度：2024",
        "类型：预算",
        "收入总计      2,300.52",
        "发现：错误 0，警告 3，尾差 13，提示 10",
        "【警告】3 条",
        "  N30  第 52、1270 行",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    let en = stdout(&run(&["check", "--lang", "en", SAMPLE], b""));
    assert!(en.contains("Department: 库尔勒市朝阳街道办事处"), "{en}");
    assert!(
        en.contains("Findings: 0 errors, 3 warnings, 13 rounding, 10 notes"),
        "{en}"
    );
    assert!(en.contains("  N30  lines 52, 1270"), "{en}");
}

#[test]
fn rules_are_listed() {
    let o = run(&["rules"], b"");
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.lines().any(|l| l.starts_with("T1.1 ")), "{out}");
    assert!(out.lines().any(|l| l.starts_with("N22 ")), "{out}");
    let v = json(&run(&["rules", "--json"], b""));
    let ids: Vec<&str> = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"T1.1") && ids.contains(&"N22"), "{ids:?}");
    assert!(v["rules"][0]["title_zh"].is_string() && v["rules"][0]["title_en"].is_string());
}

#[test]
fn the_synthetic_document_is_labelled_and_has_no_errors() {
    let text = std::fs::read_to_string(root().join(SYNTHETIC)).unwrap();
    assert!(text
        .lines()
        .next()
        .unwrap()
        .starts_with("【合成示例，非真实文件】"));
    let v = json(&run(&["check", "--json", SYNTHETIC], b""));
    let d = &v["documents"][0];
    assert_eq!(d["department"], "库尔勒市示例街道办事处");
    assert_eq!(d["year"], 2024);
    let errors: Vec<&Value> = d["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // Renamed everywhere but in the label, which says what it was made from.
    assert!(!text.lines().skip(1).any(|l| l.contains("朝阳")));
}

#[test]
fn the_synthetic_document_is_what_the_script_makes() {
    let out = TempFile::new("synthetic.txt", b"");
    let status = Command::new("python3")
        .arg(root().join("scripts/make-synthetic.py"))
        .arg(root().join(SAMPLE))
        .arg(out.path())
        .stdout(Stdio::null())
        .status();
    match status {
        Ok(s) if s.success() => {
            let made = std::fs::read(out.path()).unwrap();
            let committed = std::fs::read(root().join(SYNTHETIC)).unwrap();
            assert!(
                made == committed,
                "run scripts/make-synthetic.py and commit the result"
            );
        }
        Ok(s) => panic!("scripts/make-synthetic.py failed: {s}"),
        Err(e) => println!("skipped: python3 is not available ({e})"),
    }
}

#[test]
fn compare_as_csv_and_json() {
    let o = run(&["compare", "--csv", SAMPLE, SYNTHETIC], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = stdout(&o);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "指标,单位,库尔勒市朝阳街道办事处 2024 预算,库尔勒市示例街道办事处 2024 预算"
    );
    for want in [
        "收入总计,万元,2300.52,2300.52",
        "基本支出占比,%,91.39,91.39",
        "201 一般公共服务支出（类）占比,%,72.36,72.36",
        "人均“三公”经费（按实有人数）,万元/人,0.05,0.06",
        "政府采购,万元,32.09,28.50",
        "“三公”经费比上年增长率,%,0.00,14.29",
    ] {
        assert!(lines.contains(&want), "missing {want:?} in\n{csv}");
    }
    let en = stdout(&run(
        &["compare", "--csv", "--lang", "en", SAMPLE, SYNTHETIC],
        b"",
    ));
    assert!(
        en.contains("\r\nTotal income,10k yuan,2300.52,2300.52\r\n"),
        "{en}"
    );

    let o = run(&["compare", "--json", SAMPLE, SYNTHETIC], b"");
    assert!(o.status.success());
    let v = json(&o);
    assert_eq!(v["columns"].as_array().unwrap().len(), 2);
    assert_eq!(v["columns"][1]["department"], "库尔勒市示例街道办事处");
    let rows = v["rows"].as_array().unwrap();
    let per = rows
        .iter()
        .find(|r| r["metric"] == "per_staff_actual_three_public")
        .expect("per-person 三公 row");
    assert_eq!(per["values"], serde_json::json!(["0.05", "0.06"]));
    assert_eq!(per["highest"], 1);
    assert_eq!(per["lowest"], 0);
    assert!(v["notes"].as_array().unwrap().is_empty());

    let text = stdout(&run(&["compare", SAMPLE, SYNTHETIC, SAMPLE], b""));
    assert!(
        text.contains("[2] 库尔勒市示例街道办事处 2024 预算"),
        "{text}"
    );
    assert!(text.contains("均已保留"), "{text}");
}

#[test]
fn compare_skips_unreadable_files_with_status_2() {
    let o = run(&["compare", "--csv", SAMPLE, "missing.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).lines().count(), 1);
    assert!(stderr(&o).contains("missing.txt"));
    assert!(stdout(&o).contains("收入总计,万元,2300.52\r\n"));
}

#[test]
fn usage_errors() {
    for args in [
        vec!["check"],
        vec!["frobnicate"],
        vec!["check", "--csv", SAMPLE],
    ] {
        let o = run(&args, b"");
        assert_eq!(o.status.code(), Some(64), "{args:?}");
        assert!(stderr(&o).contains("usage:"));
    }
    let o = run(&["--help"], b"");
    assert!(o.status.success());
    assert!(stdout(&o).contains("disclosure compare"));
}

#[test]
fn every_corpus_copy_goes_through_check_and_compare() {
    // Every copy of every real document of the corpus (fixtures/corpus), whatever tool made it.
    let dir = root().join("fixtures/corpus");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures/corpus")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .flat_map(|e| std::fs::read_dir(e.path()).expect("a corpus folder"))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert!(files.len() >= 25, "{} copies", files.len());
    files.sort();
    for f in &files {
        let o = run(&["check", "--json", f], b"");
        assert_eq!(o.status.code(), Some(0), "{f}: {}", stderr(&o));
        let v = json(&o);
        assert_eq!(documents(&v).len(), 1, "{f}");
        let o = run(&["check", f], b"");
        assert_eq!(o.status.code(), Some(0), "{f}");
    }
    let mut args = vec!["compare", "--json", SAMPLE];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args, b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    json(&o);
    let o = run(&["compare", "--csv", files[0].as_str(), SAMPLE], b"");
    assert_eq!(o.status.code(), Some(0));
}

/// The corpus documents that have their PDF (not the one held out).
const PDFS: [&str; 3] = [
    "wanli-2023",
    "caizhengju-2024-final",
    "zhengfu-bangongshi-unit-2025",
];

/// What a check says of a document, without its file name: department, year, kind, unit,
/// totals, counts and every finding (rule, severity, lines' text aside).
fn reading(doc: &Value) -> Value {
    let mut d = doc.clone();
    let o = d.as_object_mut().expect("a document");
    o.remove("file");
    o.remove("pdf");
    // Line numbers differ between copies; everything else must not.
    for f in o["findings"].as_array_mut().expect("findings") {
        f.as_object_mut().expect("a finding").remove("lines");
    }
    d
}

/// Each corpus PDF, checked by the CLI, reads as its pypdf copy (the copy that reads best):
/// the same department, year, totals and findings; from a file and from standard input.
#[test]
fn a_corpus_pdf_reads_as_its_best_copy() {
    for id in PDFS {
        let pdf = format!("fixtures/corpus/{id}/document.pdf");
        let copy = format!("fixtures/corpus/{id}/pypdf.txt");
        let o = run(&["check", "--json", &pdf, &copy], b"");
        assert_eq!(o.status.code(), Some(0), "{id}: {}", stderr(&o));
        let v = json(&o);
        let (from_pdf, from_copy) = (&v["documents"][0], &v["documents"][1]);
        assert!(from_pdf["department"].is_string(), "{id}");
        assert!(from_pdf["totals"]["income_total"].is_string(), "{id}");
        assert!(from_pdf["pdf"]["pages"].as_u64().unwrap_or(0) > 10, "{id}");
        assert_eq!(
            from_copy["pdf"],
            Value::Null,
            "{id}: a text has no pdf entry"
        );
        assert_eq!(reading(from_pdf), reading(from_copy), "{id}");

        let bytes = std::fs::read(root().join(&pdf)).expect("the PDF");
        let o = run(&["check", "--json", "-"], &bytes);
        assert_eq!(o.status.code(), Some(0), "{id} on stdin: {}", stderr(&o));
        assert_eq!(
            reading(&json(&o)["documents"][0]),
            reading(from_pdf),
            "{id}"
        );
    }
    // The text report says where its line numbers come from.
    let o = run(&["check", "fixtures/corpus/wanli-2023/document.pdf"], b"");
    let out = stdout(&o);
    assert!(out.contains("PDF，35 页；行号指读出的文字"), "{out}");
    assert!(
        out.contains("部门：上海市普陀区人民政府万里街道办事处"),
        "{out}"
    );
}

/// `disclosure text` prints the text the checker reads: a finding's printed value is on the
/// lines it cites.
#[test]
fn text_prints_what_the_line_numbers_count() {
    let pdf = "fixtures/corpus/zhengfu-bangongshi-unit-2025/document.pdf";
    let o = run(&["text", pdf], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.contains(&"2025年预算单位财务收支预算总表"), "{text}");
    let v = json(&run(&["check", "--json", pdf], b""));
    let mut cited = 0;
    for f in v["documents"][0]["findings"].as_array().expect("findings") {
        for l in f["lines"].as_array().expect("lines") {
            let n = l.as_u64().expect("a line number") as usize;
            assert!(n >= 1 && n <= lines.len(), "line {n} of {}", lines.len());
            cited += 1;
        }
    }
    assert!(cited > 0);

    let o = run(&["text", "fixtures/pdf/gbk-euc-h.pdf"], b"");
    assert_eq!(stdout(&o), "预算收入合计\t1,234.50 万元\n");
    // A text is printed as it is read.
    let o = run(&["text", SAMPLE], b"");
    let sample = std::fs::read_to_string(root().join(SAMPLE)).expect("the sample");
    assert_eq!(stdout(&o).lines().next(), sample.lines().next());
}

/// PDFs that cannot be read: a message that says why, in the chosen language, status 2, and
/// the other files still checked.
#[test]
fn a_pdf_that_cannot_be_read_says_why() {
    for (file, zh, en) in [
        (
            "scanned.pdf",
            "这份 PDF 是图片，本工具不做文字识别",
            "no OCR",
        ),
        ("encrypted.pdf", "密码保护", "password-protected"),
        ("broken.pdf", "已损坏", "damaged"),
        ("no-text.pdf", "没有文字", "no text"),
        ("garbled.pdf", "乱码", "garbled"),
        (
            "too-many-pages.pdf",
            "301 页，超过了 300 页的上限",
            "301 pages",
        ),
    ] {
        let path = format!("fixtures/pdf/{file}");
        let o = run(&["check", &path, SAMPLE], b"");
        assert_eq!(o.status.code(), Some(2), "{file}");
        assert!(stderr(&o).contains(zh), "{file}: {}", stderr(&o));
        assert!(stdout(&o).contains("库尔勒市朝阳街道办事处"), "{file}");
        let o = run(&["check", "--json", "--lang", "en", &path], b"");
        assert_eq!(o.status.code(), Some(2), "{file}");
        let v = json(&o);
        assert_eq!(documents(&v).len(), 0, "{file}");
        let error = v["unreadable"][0]["error"].as_str().expect("an error");
        assert!(error.contains(en), "{file}: {error}");
        let o = run(&["text", &path], b"");
        assert_eq!(o.status.code(), Some(2), "{file}");
        assert!(stderr(&o).contains(zh), "{file}: {}", stderr(&o));
    }
    // A file named .pdf that is not one; a PDF on standard input.
    let fake = TempFile::new("budget.pdf", "预算".as_bytes());
    let o = run(&["check", fake.path()], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不是 PDF"), "{}", stderr(&o));
    let scan = std::fs::read(root().join("fixtures/pdf/scanned.pdf")).expect("scanned.pdf");
    let o = run(&["check", "-"], &scan);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("本工具不做文字识别"), "{}", stderr(&o));
}

/// The build README tells a user to run is one where a panic on one file unwinds to the message
/// for that file (`Outcome::Crashed`, the PDF engine's per-page guard), not one that aborts the
/// batch: release's `panic = "abort"` is the page's.
#[test]
fn the_readme_builds_the_cli_with_a_profile_that_unwinds() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let native = manifest
        .split("[profile.native]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("Cargo.toml has a [profile.native]");
    assert!(
        native.lines().any(|l| l.trim() == r#"panic = "unwind""#),
        "{native}"
    );
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    // The CLI, and the PDF reader's own example (the same engine, the same per-page guard).
    let runs: Vec<&str> = readme
        .lines()
        .filter(|l| l.contains("-p disclosure-cli --") || l.contains("--example pdftext"))
        .collect();
    assert!(runs.len() >= 5, "{runs:?}");
    for line in runs {
        assert!(
            !line.contains("--release"),
            "README runs the CLI with release's abort: {line}"
        );
    }
}
