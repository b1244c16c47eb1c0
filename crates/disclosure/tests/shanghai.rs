//! The Shanghai template family on four real documents: a street office's 2023 部门预算 (万里街道,
//! amounts in 元, the 三公 table in 万元), the 财政局's 2025 部门预算, the 财政局's 2024 部门决算
//! (万元), and the 区政府办公室's 2025 单位预算 (one unit's budget: 预算单位 titles, 元). Every table is found and read into the same typed model as the Xinjiang sample, the
//! key totals are the printed ones, and the checker's findings are pinned. Each finding was
//! reviewed by hand against the text: the errors below are errors of the documents themselves.
//!
//! The documents are public PDFs' pypdf text, kept in the reviewed corpus (`fixtures/corpus/`,
//! where every copy of them is checked against a hand review).

use std::str::FromStr;

use disclosure::check::{check, Finding, Severity};
use disclosure::{
    Block, Col, Decimal, DiagCode, DocKind, Document, Family, Parsed, Row, RowKey, Scope, Side,
    TableKind, Unit,
};

const WANLI: &str = "wanli-2023/pypdf.txt";
const CZJ_BUDGET: &str = "caizhengju-2025-budget/pypdf.txt";
const CZJ_FINAL: &str = "caizhengju-2024-final/pypdf.txt";
const UNIT_PYPDF: &str = "zhengfu-bangongshi-unit-2025/pypdf.txt";
const UNIT_PDFIUM: &str = "zhengfu-bangongshi-unit-2025/pdfium.txt";

/// The corpus folder, `fixtures/corpus/` of the repository.
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/corpus/");

/// The text of a corpus copy. (An `Option` because these tests once skipped when the documents
/// were kept outside the repository.)
fn text(name: &str) -> Option<String> {
    let path = format!("{FIXTURES}{name}");
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
}

fn parsed(name: &str) -> Option<Parsed> {
    text(name).map(|t| disclosure::parse(&t))
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// `(number, kind, title, unit)` of every table, in printed order.
fn tables(doc: &Document) -> Vec<(u8, TableKind, String, Unit)> {
    doc.tables
        .iter()
        .map(|t| (t.number, t.kind, t.title.clone(), t.unit))
        .collect()
}

fn block(doc: &Document, kind: TableKind, side: Side) -> &Block {
    doc.table(kind)
        .and_then(|t| t.block(side))
        .unwrap_or_else(|| panic!("{kind:?} {side:?}"))
}

fn keyed(b: &Block, key: RowKey) -> &Row {
    b.keyed(key).unwrap_or_else(|| panic!("{key:?}"))
}

/// A cell's value; panics when it is empty, so that "printed" is asserted too.
fn cell(b: &Block, r: &Row, col: Col) -> Decimal {
    b.cell(r, col)
        .unwrap_or_else(|| panic!("{} {col:?} is empty", r.name))
        .value
}

fn total_row(b: &Block) -> &Row {
    b.total().expect("total row")
}

fn rules(findings: &[Finding]) -> Vec<(String, &'static str)> {
    findings
        .iter()
        .map(|f| (f.rule.clone(), f.severity.slug()))
        .collect()
}

fn pairs(v: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    v.iter().map(|&(r, s)| (r.to_owned(), s)).collect()
}

/// 收入总计 = 支出总计 on 表1, and the printed value.
fn balanced_summary(doc: &Document, col: Col) -> Decimal {
    let inc = block(doc, TableKind::Summary, Side::Income);
    let exp = block(doc, TableKind::Summary, Side::Expense);
    let income = cell(inc, keyed(inc, RowKey::IncomeTotal), Col::Amount);
    let expense = cell(exp, keyed(exp, RowKey::ExpenseTotal), col);
    assert_eq!(income, expense, "收入总计 = 支出总计");
    income
}

#[test]
fn wanli_budget_tables_and_totals() {
    let Some(p) = parsed(WANLI) else { return };
    let doc = &p.document;
    assert_eq!(doc.meta.family, Family::Shanghai);
    assert_eq!(doc.meta.kind, DocKind::Budget);
    assert_eq!(doc.meta.year.as_ref().map(|y| y.value), Some(2023));
    let yuan = Unit::Yuan;
    let want: Vec<(u8, TableKind, String, Unit)> = [
        (1, TableKind::Summary, "2023年部门财务收支预算总表", yuan),
        (2, TableKind::Income, "2023年部门收入预算总表", yuan),
        (3, TableKind::Expense, "2023年部门支出预算总表", yuan),
        (
            4,
            TableKind::FiscalSummary,
            "2023年部门财政拨款收支预算总表",
            yuan,
        ),
        (
            5,
            TableKind::GeneralExpense,
            "2023年部门一般公共预算支出功能分类预算表",
            yuan,
        ),
        (
            6,
            TableKind::GovFund,
            "2023年部门政府性基金预算支出功能分类预算表",
            yuan,
        ),
        (
            7,
            TableKind::StateCapital,
            "2023年部门国有资本经营预算支出功能分类预算表",
            yuan,
        ),
        (
            8,
            TableKind::GeneralBasic,
            "2023年部门一般公共预算基本支出部门预算经济分类预算表",
            yuan,
        ),
        (
            9,
            TableKind::ThreePublic,
            "2023年部门“三公”经费和机关运行经费预算表",
            Unit::Wan,
        ),
    ]
    .into_iter()
    .map(|(n, k, t, u)| (n, k, t.to_owned(), u))
    .collect();
    assert_eq!(tables(doc), want);
    // The table of contents (lines 9–17) lists the same titles: only the titles followed by a
    // header are tables.
    assert_eq!(doc.tables[0].span.0, 153);

    // 表1: 收入总计 164,978,640 元 = 支出总计 = 16,497.864 万元 (the narrative's 16497.86 万元).
    let total = balanced_summary(doc, Col::Amount);
    assert_eq!(total, d("164978640"));
    assert_eq!(Unit::Yuan.to_wan(total), d("16497.864"));
    let inc = block(doc, TableKind::Summary, Side::Income);
    assert_eq!(
        cell(inc, keyed(inc, RowKey::FiscalAppropriation), Col::Amount),
        d("164978640")
    );
    assert_eq!(
        cell(inc, keyed(inc, RowKey::GeneralBudget), Col::Amount),
        d("164978640")
    );
    let exp = block(doc, TableKind::Summary, Side::Expense);
    let classes: Vec<(&str, Decimal)> = exp
        .coded()
        .map(|r| (r.code_str().unwrap(), cell(exp, r, Col::Amount)))
        .collect();
    assert_eq!(classes.len(), 8);
    assert!(classes.contains(&("212", d("121319878"))));

    // 表2: its own columns, 合计 printed last.
    let b = block(doc, TableKind::Income, Side::Whole);
    assert_eq!(
        b.columns,
        [
            Col::Total,
            Col::FiscalIncome,
            Col::BusinessIncome,
            Col::OperatingIncome,
            Col::OtherIncome
        ]
    );
    let t = total_row(b);
    assert_eq!(b.rows.last().map(|r| r.line()), Some(237));
    assert_eq!(cell(b, t, Col::Total), d("164978640"));
    assert_eq!(cell(b, t, Col::FiscalIncome), d("164978640"));

    // 表3 / 表5: 基本 + 项目.
    for kind in [TableKind::Expense, TableKind::GeneralExpense] {
        let b = block(doc, kind, Side::Whole);
        let t = total_row(b);
        assert_eq!(cell(b, t, Col::Total), d("164978640"));
        assert_eq!(cell(b, t, Col::Basic), d("99406297"));
        assert_eq!(cell(b, t, Col::Project), d("65572343"));
    }

    // 表4: "四、文化旅游体育与传媒" / "支出 200,000 200,000" is one 类.
    let exp = block(doc, TableKind::FiscalSummary, Side::Expense);
    let r207 = exp.by_code("207").expect("207");
    assert_eq!(r207.lines, [318, 319]);
    assert_eq!(cell(exp, r207, Col::GeneralBudget), d("200000"));
    assert_eq!(cell(exp, total_row(exp), Col::Total), d("164978640"));

    // 表6 / 表7: empty, with their statements.
    for kind in [TableKind::GovFund, TableKind::StateCapital] {
        let t = doc.table(kind).unwrap();
        assert!(t.empty_statement.is_some(), "{kind:?}");
        assert!(t.rows().all(|r| r.cells.iter().all(Option::is_none)));
    }

    // 表8: 人员经费 / 公用经费.
    let b = block(doc, TableKind::GeneralBasic, Side::Whole);
    let t = total_row(b);
    assert_eq!(cell(b, t, Col::Total), d("99406297"));
    assert_eq!(cell(b, t, Col::Personnel), d("84024865"));
    assert_eq!(cell(b, t, Col::Public), d("15381432"));
    assert_eq!(
        cell(b, b.by_code("302").unwrap(), Col::Public),
        d("15381432")
    );

    // 表9 (万元): "22.91 0 1.35 21.56 0 21.56 786.09".
    let b = block(doc, TableKind::ThreePublic, Side::Whole);
    assert_eq!(b.columns, [Col::Total]);
    assert_eq!(cell(b, total_row(b), Col::Total), d("22.91"));
    for (key, v) in [
        (RowKey::Abroad, "0"),
        (RowKey::Reception, "1.35"),
        (RowKey::Vehicles, "21.56"),
        (RowKey::VehiclePurchase, "0"),
        (RowKey::VehicleOperation, "21.56"),
        (RowKey::RunningCost, "786.09"),
    ] {
        assert_eq!(cell(b, keyed(b, key), Col::Total), d(v), "{key:?}");
    }
}

/// Reviewed by hand:
/// * F5 error, line 73: item 3 (群众团体事务 一般行政管理事务) grows from 11.67 to 45.41 万元,
///   which is +289.12 %, not the printed 314.82 %.
/// * F5 errors, lines 105–106: item 16 (职业年金缴费支出) is 220.63 万元 in its heading (= 表5
///   2,206,272 元) but the text says "2023年预算安排441.25万元 … 增加60.54%": both the amount
///   and the rate were copied from item 15. From 132.59 to 441.25 would be +232.79 %.
/// * F5 info, lines 70–71 and 109: "0万元 … 增加100.00%", the customary wording for a rate
///   from zero.
/// * check/not-checked: the Shanghai budget has no 项目支出 and no 结转 table.
/// * X36 info: 表8 303 02 退休费 177,480 元 against 表5 2080501 + 2080502 基本支出 229,320 元 (a
///   soft correspondence: part of the retirement money is booked elsewhere).
/// * N33 error, lines 63–65: 财政拨款支出预算 比2022年预算增加 1,421.25, but its parts' changes
///   add up to 2,842.50 — 政府性基金 0 万元 "比2022年预算增加1421.25万元", the 一般公共预算 sentence's
///   change copied.
/// * P.4 error, lines 730–734: 公共服务设施运行经费's 绩效表 asks 10,903,043.00 for the year, yet its
///   当年财政拨款 alone is 11,419,043.00.
/// * N35 warning, lines 486–487 and the tables' totals: 编报绩效目标的项目5个，涉及项目预算资金3328.13万元,
///   while the five published tables give 3,351.33 万元.
/// * N36 warnings, lines 105–107 and 132–134: item 16's reason (事业单位离退休经费增加) is item
///   14's, and item 27 (城管执法) gives item 26's use and reason (城乡社区管理事务一般行政管理事务), where
///   every other item names its own 项.
/// * N37 error, line 497: 地上建筑面积 8013 平方米 split into 计容 7998 and 不计容 105 平方米, which make
///   8103 (13459 − 地下 5356 = 8103 too: two digits transposed).
#[test]
fn wanli_budget_findings() {
    let Some(p) = parsed(WANLI) else { return };
    let found = check(&p.document);
    assert_eq!(
        rules(&found),
        pairs(&[
            ("N33", "error"),
            ("F5", "error"),
            ("F5", "error"),
            ("F5", "error"),
            ("N37", "error"),
            ("P.4", "error"),
            ("N36", "warning"),
            ("N36", "warning"),
            ("N36", "warning"),
            ("N35", "warning"),
            ("check/not-checked", "info"),
            ("check/not-checked", "info"),
            ("F5", "info"),
            ("F5", "info"),
            ("X36", "info"),
        ]),
        "{found:#?}"
    );
    let lines: Vec<&[u32]> = found.iter().map(|f| f.lines.as_slice()).collect();
    assert_eq!(lines[..4], [&[63, 64, 65][..], &[73], &[105, 106], &[106]]);
    assert!(found[2]
        .message_zh
        .contains("标题金额为 220.63 万元，正文却说预算安排 441.25 万元"));
    assert!(found[3]
        .message_zh
        .contains("变动率应为 232.79%，印为 60.54%"));
}

#[test]
fn caizhengju_budget_tables_and_totals() {
    let Some(p) = parsed(CZJ_BUDGET) else { return };
    let doc = &p.document;
    assert_eq!(doc.meta.family, Family::Shanghai);
    assert_eq!(doc.meta.kind, DocKind::Budget);
    let kinds: Vec<(u8, TableKind, Unit)> = tables(doc)
        .into_iter()
        .map(|(n, k, _, u)| (n, k, u))
        .collect();
    assert_eq!(
        kinds,
        [
            (1, TableKind::Summary, Unit::Yuan),
            (2, TableKind::Income, Unit::Yuan),
            (3, TableKind::Expense, Unit::Yuan),
            (4, TableKind::FiscalSummary, Unit::Yuan),
            (5, TableKind::GeneralExpense, Unit::Yuan),
            (6, TableKind::GovFund, Unit::Yuan),
            (7, TableKind::StateCapital, Unit::Yuan),
            (8, TableKind::GeneralBasic, Unit::Yuan),
            (9, TableKind::ThreePublic, Unit::Wan),
        ]
    );
    assert_eq!(
        doc.tables[8].title,
        "2025年部门“三公”经费和机关运行经费预算表"
    );
    let total = balanced_summary(doc, Col::Amount);
    assert_eq!(total, d("31214205.80"));
    assert_eq!(Unit::Yuan.to_wan(total), d("3121.42058"));
    let b = block(doc, TableKind::Expense, Side::Whole);
    assert_eq!(cell(b, total_row(b), Col::Basic), d("25121091.00"));
    assert_eq!(cell(b, total_row(b), Col::Project), d("6093114.80"));
    let b = block(doc, TableKind::GeneralBasic, Side::Whole);
    assert_eq!(cell(b, total_row(b), Col::Personnel), d("22826756.00"));
    assert_eq!(cell(b, total_row(b), Col::Public), d("2294335.00"));
    // "0.95 0.95 229.43": 合计, 公务接待费 (the narrative's 0.95), 机关运行经费.
    let b = block(doc, TableKind::ThreePublic, Side::Whole);
    assert_eq!(cell(b, total_row(b), Col::Total), d("0.95"));
    assert_eq!(cell(b, keyed(b, RowKey::Reception), Col::Total), d("0.95"));
    assert_eq!(
        cell(b, keyed(b, RowKey::RunningCost), Col::Total),
        d("229.43")
    );
    assert!(b.cell(keyed(b, RowKey::Abroad), Col::Total).is_none());
}

/// Reviewed by hand. This document prints its 编制说明 twice (lines 68–95 and 96–123), so each
/// finding appears twice.
/// * F5 errors, lines 87–88 / 115–116 with 219: item 7 says 职业年金缴费支出 887.36 万元; 表5
///   prints 873,617.00 元 = 87.36 万元 (the items then add up to 3,921.38 against 3,121.42).
/// * F5 rounding, lines 83/111, 91/119, 93/121, 95/123: items 5, 9, 10, 11 are 表5's 元 cut,
///   not rounded, to 0.01 万元 (877,080 元 is 87.708 万元, printed 87.70).
/// * N31 warning, lines 241 / 248: the note under 表7 (国有资本经营) says 无政府性基金预算, 表6's note
///   copied.
/// * X36 info, lines 217 / 285: 表8 303 02 退休费 717,240 元 against 表5 2080501 基本支出
///   877,080 元 (a soft correspondence).
#[test]
fn caizhengju_budget_findings() {
    let Some(p) = parsed(CZJ_BUDGET) else { return };
    let found = check(&p.document);
    let mut want = vec![("F5", "error"); 2];
    want.push(("N31", "warning"));
    want.extend([("F5", "rounding"); 8]);
    want.extend([("check/not-checked", "info"); 2]);
    want.push(("X36", "info"));
    assert_eq!(rules(&found), pairs(&want), "{found:#?}");
    assert_eq!(found[0].lines, [87, 88, 219]);
    assert!(found[0].message_zh.contains("887.36 万元"));
}

#[test]
fn caizhengju_final_tables_and_totals() {
    let Some(p) = parsed(CZJ_FINAL) else { return };
    let doc = &p.document;
    assert_eq!(doc.meta.family, Family::Shanghai);
    assert_eq!(doc.meta.kind, DocKind::Final);
    assert_eq!(
        doc.meta.department.as_ref().map(|d| d.value.as_str()),
        Some("上海市普陀区财政局")
    );
    let wan = Unit::Wan;
    let want: Vec<(u8, TableKind, String, Unit)> = [
        (1, TableKind::Summary, "收入支出决算总表"),
        (2, TableKind::Income, "收入决算表"),
        (3, TableKind::Expense, "支出决算表"),
        (4, TableKind::FiscalSummary, "财政拨款收入支出决算总表"),
        (
            5,
            TableKind::GeneralExpense,
            "一般公共预算财政拨款支出决算表",
        ),
        (
            6,
            TableKind::GeneralBasic,
            "一般公共预算财政拨款基本支出决算表",
        ),
        (7, TableKind::ThreePublic, "财政拨款“三公”经费支出决算表"),
        (
            8,
            TableKind::GovFund,
            "政府性基金预算财政拨款收入支出决算表",
        ),
        (
            9,
            TableKind::StateCapital,
            "国有资本经营预算财政拨款收入支出决算表",
        ),
    ]
    .into_iter()
    .map(|(n, k, t)| (n, k, t.to_owned(), wan))
    .collect();
    assert_eq!(tables(doc), want);

    // 表1: 总计 2,995.39 both sides = 本年收入合计 2,946.25 + 年初结转和结余 49.14 = 本年支出合计
    // 2,940.05 + 年末结转和结余 55.34.
    assert_eq!(balanced_summary(doc, Col::Amount), d("2995.39"));
    let inc = block(doc, TableKind::Summary, Side::Income);
    let exp = block(doc, TableKind::Summary, Side::Expense);
    for (key, v) in [
        (RowKey::CurrentIncome, "2946.25"),
        (RowKey::OpeningBalance, "49.14"),
        (RowKey::GeneralBudget, "2940.05"),
        (RowKey::OtherIncome, "6.20"),
    ] {
        assert_eq!(cell(inc, keyed(inc, key), Col::Amount), d(v), "{key:?}");
    }
    for (key, v) in [
        (RowKey::CurrentExpense, "2940.05"),
        (RowKey::ClosingBalance, "55.34"),
        (RowKey::ExpenseTotal, "2995.39"),
    ] {
        assert_eq!(cell(exp, keyed(exp, key), Col::Amount), d(v), "{key:?}");
    }
    // 本年支出合计 is the total the 类 add up to.
    assert_eq!(total_row(exp).key, Some(RowKey::CurrentExpense));
    assert_eq!(exp.coded().count(), 26);

    // 表2 / 表3: 决算 columns.
    let b = block(doc, TableKind::Income, Side::Whole);
    assert_eq!(b.columns.len(), 7);
    let t = total_row(b);
    assert_eq!(t.line(), 134);
    assert_eq!(cell(b, t, Col::Total), d("2946.25"));
    assert_eq!(cell(b, t, Col::FiscalIncome), d("2940.05"));
    assert_eq!(cell(b, t, Col::OtherIncome), d("6.20"));
    let b = block(doc, TableKind::Expense, Side::Whole);
    let t = total_row(b);
    assert_eq!(cell(b, t, Col::Total), d("2940.05"));
    assert_eq!(cell(b, t, Col::Basic), d("2336.91"));
    assert_eq!(cell(b, t, Col::Project), d("603.14"));

    // 表4: 年初 21.63 + 本年 2,940.05 = 2,961.68 = 本年支出 2,940.05 + 年末 21.63.
    let inc = block(doc, TableKind::FiscalSummary, Side::Income);
    let exp = block(doc, TableKind::FiscalSummary, Side::Expense);
    for (key, v) in [
        (RowKey::CurrentIncome, "2940.05"),
        (RowKey::OpeningBalance, "21.63"),
        (RowKey::CarryGeneral, "21.63"),
        (RowKey::IncomeTotal, "2961.68"),
    ] {
        assert_eq!(cell(inc, keyed(inc, key), Col::Amount), d(v), "{key:?}");
    }
    // "二、政府性基金预算财政拨" / "款 二、外交支出": the label is joined across the break.
    assert_eq!(keyed(inc, RowKey::GovFund).lines, [193, 194]);
    for (key, v) in [
        (RowKey::CurrentExpense, "2940.05"),
        (RowKey::ClosingBalance, "21.63"),
        (RowKey::ExpenseTotal, "2961.68"),
    ] {
        let r = keyed(exp, key);
        assert_eq!(cell(exp, r, Col::Total), d(v), "{key:?}");
        assert_eq!(cell(exp, r, Col::GeneralBudget), d(v), "{key:?}");
    }
    assert_eq!(
        exp.by_code("202").map(|r| r.name.as_str()),
        Some("外交支出")
    );

    // 表5.
    let b = block(doc, TableKind::GeneralExpense, Side::Whole);
    assert_eq!(cell(b, total_row(b), Col::Total), d("2940.05"));

    // 表6: 人员经费合计 2,152.26 and 公用经费合计 184.65, side by side.
    let b = block(doc, TableKind::GeneralBasic, Side::Whole);
    assert_eq!(b.columns, [Col::Personnel, Col::Public]);
    let t = total_row(b);
    assert_eq!(cell(b, t, Col::Personnel), d("2152.26"));
    assert_eq!(cell(b, t, Col::Public), d("184.65"));
    assert_eq!(
        cell(b, b.by_code("301").unwrap(), Col::Personnel),
        d("2082.85")
    );
    assert_eq!(cell(b, b.by_code("302").unwrap(), Col::Public), d("171.07"));
    assert_eq!(
        cell(b, b.by_code("30108").unwrap(), Col::Personnel),
        d("160.75")
    );
    assert_eq!(
        cell(b, b.by_code("31002").unwrap(), Col::Public),
        d("13.58")
    );

    // 表7: 预算数 / 决算数 pairs; "0.95 0.95" is 合计 and 公务接待费 预算数.
    let b = block(doc, TableKind::ThreePublic, Side::Whole);
    assert_eq!(b.columns, [Col::Budgeted, Col::Actual]);
    assert_eq!(cell(b, total_row(b), Col::Budgeted), d("0.95"));
    assert_eq!(
        cell(b, keyed(b, RowKey::Reception), Col::Budgeted),
        d("0.95")
    );
    assert!(b.rows.iter().all(|r| b.cell(r, Col::Actual).is_none()));

    // 表8 / 表9: empty, with their 注.
    for kind in [TableKind::GovFund, TableKind::StateCapital] {
        let t = doc.table(kind).unwrap();
        assert!(t.empty_statement.is_some(), "{kind:?}");
        assert!(t.rows().all(|r| r.cells.iter().all(Option::is_none)));
    }
    // The narrative is 第三部分 itself (lines 342–457), not the table of contents.
    assert!(doc.headings.iter().all(|h| h.line >= 342));
}

/// Reviewed by hand:
/// * X2 rounding, lines 94 / 165 and X13 rounding, lines 202 / 246: 208 社会保障和就业支出 is
///   326.71 in 表1 and 表4 but 326.72 in 表3 and 表5 — the same quantity printed twice, one unit
///   of the last digit apart: 326.71 makes the 总表 foot, a rounding adjustment, not an error.
/// * N8 error, lines 355 / 233: 四 says "财政拨款收入支出总计0.3万元"; 表4 总计 is 2,961.68.
/// * N10 error, lines 365–366 / 259: "一般公共服务支出（类）2106.66万元，占71.73%"; 2,106.66 ÷
///   2,940.05 = 71.65 % (the four shares add up to 100.07 %).
/// * N34 warning, lines 355–356 / 361–362 / 233: 四 says 财政拨款收入支出总计 持平, but 五（一）'s
///   一般公共预算财政拨款支出 alone was 2,940.05 + 63.14 = 3,003.19 in 2023, above the 2024 total
///   2,961.68 (表4): it fell.
/// * N32 warning, lines 376–377 / 243: 五（三）2 calls 一般行政管理事务 "…等基本支出"; 表5 puts all
///   10.00 of 201 06 02 under 项目支出.
/// * N15 warning, lines 290 / 413: 六 lists 个人农业生产补贴 among 人员经费 (表6 prints it empty)
///   and leaves out 奖励金 (303 09, 0.31).
/// * Rounding: 表2, 表3, 表5 类 add up to 2,946.26 / 2,940.06 against 2,946.25 / 2,940.05 (208 is
///   326.72 in these tables, 326.71 in 表1 and 表4); 五（三）'s eleven 项 give 2,940.06; 表6 301's
///   款 give 2,082.86 (against 2,082.85) and 302's 171.09 (against 171.07).
/// * check/not-checked: no 项目支出 and no 结转 table in this template.
/// * X36 info, lines 248 / 283–284: 表6 303 01 + 303 02 give 69.10 against 表5 2080501 基本支出
///   84.65 (a soft correspondence).
#[test]
fn caizhengju_final_findings() {
    let Some(p) = parsed(CZJ_FINAL) else { return };
    let found = check(&p.document);
    assert_eq!(
        rules(&found),
        pairs(&[
            ("N8", "error"),
            ("N10", "error"),
            ("N34", "warning"),
            ("N32", "warning"),
            ("N15", "warning"),
            ("X2", "rounding"),
            ("T2.3", "rounding"),
            ("T3.2", "rounding"),
            ("X13", "rounding"),
            ("T5.2", "rounding"),
            ("N11", "rounding"),
            ("T6.3", "rounding"),
            ("T6.3", "rounding"),
            ("check/not-checked", "info"),
            ("check/not-checked", "info"),
            ("X36", "info"),
        ]),
        "{found:#?}"
    );
    assert_eq!(found[0].lines, [233, 355]);
    assert_eq!(found[1].lines, [259, 365, 366]);
    assert!(found[1].message_zh.contains("71.73%") && found[1].message_zh.contains("71.65%"));
    // The rounding difference says so, in words.
    assert_eq!(found[5].lines, [94, 165]);
    assert!(
        found[5]
            .message_zh
            .contains("两数相差 0.01，是四舍五入造成的尾差"),
        "{}",
        found[5].message_zh
    );
    assert!(found[5]
        .message_en
        .contains("the two differ by 0.01, a rounding difference"));
    assert_eq!(found[8].lines, [202, 246]);
}

/// A change planted in the text is reported: the rules read the Shanghai tables and narrative.
fn planted(name: &str, from: &str, to: &str) -> Option<Vec<Finding>> {
    planted_after(name, "", from, to)
}

/// [`planted`], at the first `from` after `anchor`.
fn planted_after(name: &str, anchor: &str, from: &str, to: &str) -> Option<Vec<Finding>> {
    let t = text(name)?;
    let at = t.find(anchor).expect("anchor");
    let i = at + t[at..].find(from).expect("text to change");
    let changed = format!("{}{}{}", &t[..i], to, &t[i + from.len()..]);
    Some(check(&disclosure::parse(&changed).document))
}

fn has(found: &[Finding], rule: &str, severity: &str) -> bool {
    found
        .iter()
        .any(|f| f.rule == rule && f.severity.slug() == severity)
}

/// The summary's 机关运行经费 and 政府采购 read from the explanations wherever a layout puts
/// them: the 决算 prints them under 十一 其他重要事项 (not the Xinjiang layout's 十二), the
/// 预算s give 政府采购 a chapter of its own (their 机关运行经费 is a row of the 三公 table). Each
/// value checked against the text; the compare view's derivation names the section it came from.
/// And the 决算's 三公 total, which its table leaves blank.
#[test]
fn running_costs_and_procurement_in_every_layout() {
    for (name, running, procurement, line) in [
        (CZJ_FINAL, "184.65", "251.25", 446),
        (CZJ_BUDGET, "229.43", "117.00", 306),
        (WANLI, "786.09", "830.00", 481),
    ] {
        let Some(text) = text(name) else { return };
        let a = disclosure::analyze(&text);
        let fig = |f: &Option<disclosure::analyze::Figure>| {
            f.as_ref().map(|f| (f.value, f.lines.clone()))
        };
        assert_eq!(
            a.summary.running_cost.as_ref().map(|f| f.value),
            Some(d(running)),
            "{name}"
        );
        assert_eq!(
            fig(&a.summary.procurement),
            Some((d(procurement), vec![line])),
            "{name}"
        );
    }
    let Some(text) = text(CZJ_FINAL) else { return };
    let a = disclosure::analyze(&text);
    assert_eq!(
        a.summary.running_cost.as_ref().map(|f| f.lines.clone()),
        Some(vec![443])
    );
    // 表7 prints its 合计 row with the 决算数 blank: zero, as 七 says ("支出决算为0.00万元").
    let three = a.summary.three_public.as_ref().unwrap();
    assert_eq!(
        (three.value.to_string(), three.lines.clone(), three.table),
        ("0.00".to_owned(), vec![315], Some(7))
    );
    // Were an item's 决算数 printed with the total blank, the total is not made up.
    let planted = text.replacen("\n0.95 0.95\n", "\n0.95 0.95 0.50\n", 1);
    assert_ne!(planted, text);
    assert_eq!(disclosure::analyze(&planted).summary.three_public, None);
    let m = disclosure::analyze::metrics::metrics(&a);
    let derivation = |id: &str| {
        m.iter()
            .find(|x| x.id == id)
            .map(|x| x.derivation_zh.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        derivation("running_cost"),
        "第三部分 十一（一）机关运行经费"
    );
    assert_eq!(derivation("procurement"), "第三部分 十一（二）政府采购总额");
    // 一: "收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%"
    // (the subject keeps its 总计).
    let value = |id: &str| m.iter().find(|x| x.id == id).and_then(|x| x.value);
    assert_eq!(value("yoy_income_total_change"), Some(d("-56.95")));
    assert_eq!(value("yoy_income_total_growth"), Some(d("-1.87")));
}

/// The 财政局's 2025 预算 prints its 编制说明 twice (lines 68–71 again as 96–99): its previous
/// year lists each of the three claims once, citing both copies.
#[test]
fn a_claim_printed_twice_is_one_previous_year_item() {
    let Some(text) = text(CZJ_BUDGET) else { return };
    let a = disclosure::analyze(&text);
    let items: Vec<(&str, String, String, Vec<u32>)> = a
        .previous_year
        .items
        .iter()
        .map(|i| {
            (
                i.subject.as_str(),
                i.prior.to_string(),
                i.change.to_string(),
                i.lines.clone(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            (
                "财政拨款收入",
                "3013.80".to_owned(),
                "107.62".to_owned(),
                vec![68, 69, 96, 97]
            ),
            (
                "财政拨款支出预算",
                "3013.80".to_owned(),
                "107.62".to_owned(),
                vec![70, 98]
            ),
            (
                "一般公共预算拨款支出预算",
                "3013.80".to_owned(),
                "107.62".to_owned(),
                vec![71, 99]
            ),
        ]
    );
}

/// A finding's expected and printed values are in one unit, the claim's: the 编制说明 says
/// 887.36 万元 where 表5 prints 873,617.00 元, so it expected 87.36 (万元), not 873,617.00.
#[test]
fn expected_and_printed_values_share_the_claims_unit() {
    let Some(text) = text(CZJ_BUDGET) else { return };
    let a = disclosure::analyze(&text);
    let f5: Vec<(String, String, &str)> = a
        .findings
        .iter()
        .filter(|f| f.rule == "F5")
        .filter_map(|f| {
            // The table's own figure, in its unit, for the source view to mark.
            assert!(f.printed.is_some(), "{f:?}");
            Some((
                f.expected?.to_string(),
                f.actual?.to_string(),
                f.severity.slug(),
            ))
        })
        .collect();
    assert!(
        f5.contains(&("87.36".into(), "887.36".into(), "error")),
        "{f5:?}"
    );
    // 877,080 元 is 87.708 万元; the document printed 87.70 (cut, not rounded): rounding.
    assert!(
        f5.contains(&("87.71".into(), "87.70".into(), "rounding")),
        "{f5:?}"
    );
}

/// 机关运行经费 are the 公用经费 of a department's 行政 and 参公 units only. 万里街道 (one 机关,
/// one 参公 unit and four 事业单位) states 786.09 万元; its 表8 公用经费 is 15,381,432 元. With the
/// 三公 table (whose own 机关运行经费 row N22 reads) taken out, N22 fell back on 表8 and reported a
/// false error of 752.05 万元. Where the department does not say it has no units under it, a
/// 机关运行经费 below 公用经费 is noted, not judged; above it, it is still an error.
#[test]
fn running_costs_below_public_expenses_of_a_department_with_units_are_not_judged() {
    let Some(t) = text(WANLI) else { return };
    let title = "2023年部门“三公”经费和机关运行经费预算表";
    let start = t.rfind(title).expect("the 三公 table");
    let end = start + t[start..].find("其他相关情况说明").expect("its end");
    let without = format!("{}{}", &t[..start], &t[end..]);
    let f = check(&disclosure::parse(&without).document);
    let n22: Vec<&Finding> = f.iter().filter(|f| f.rule == "N22").collect();
    assert_eq!(n22.len(), 1, "{n22:#?}");
    assert_eq!(n22[0].severity.slug(), "info");
    assert!(
        n22[0].message_zh.contains("少于表8 公用经费 15,381,432 元"),
        "{n22:#?}"
    );
    // More than 表8's 公用经费: an error still.
    let over = without.replace("运行经费预算为786.09万元", "运行经费预算为1638.14万元");
    assert!(has(
        &check(&disclosure::parse(&over).document),
        "N22",
        "error"
    ));
}

#[test]
fn planted_changes_are_reported() {
    // The 三公 narrative (万元) against the 三公 table.
    let Some(f) = planted(WANLI, "预算数为22.91万元", "预算数为22.93万元") else {
        return;
    };
    assert!(has(&f, "N20", "error"), "{f:#?}");
    // 机关运行经费 against the 三公 table's own row, not 表8 公用经费.
    let f = planted(
        WANLI,
        "运行经费预算为786.09万元",
        "运行经费预算为786.19万元",
    )
    .unwrap();
    assert!(has(&f, "N22", "error"), "{f:#?}");
    // 表8 302 17 (元) against the 三公 公务接待费 (万元): 23,500 元 > 1.35 万元.
    let f = planted(
        WANLI,
        "302 17 公务接待费 13,500 13,500",
        "302 17 公务接待费 23,500 23,500",
    )
    .unwrap();
    assert!(has(&f, "F4", "warning"), "{f:#?}");
    // 表1's two sides.
    let f = planted(
        WANLI,
        "收入总计 164,978,640 支出总计",
        "收入总计 164,978,650 支出总计",
    )
    .unwrap();
    assert!(
        has(&f, "T1.11", "error") && has(&f, "F3", "error"),
        "{f:#?}"
    );
    // A 项 of 表5 against the 编制说明 (元 against 万元).
    let f = planted_after(
        WANLI,
        "2023年部门一般公共预算支出功能分类预算表\n编制部门",
        "201 05 06 统计管理 26,300 0 26,300",
        "201 05 06 统计管理 36,300 0 36,300",
    )
    .unwrap();
    assert!(
        f.iter()
            .any(|x| x.rule == "F5" && x.severity.slug() == "error" && x.lines.contains(&68)),
        "{f:#?}"
    );
    // The 决算's balance.
    let f = planted(CZJ_FINAL, "年初结转和结余 49.14", "年初结转和结余 59.14").unwrap();
    assert!(has(&f, "F1", "error"), "{f:#?}");
    // 三公 决算数 above 预算数.
    let f = planted(CZJ_FINAL, "\n0.95 0.95\n", "\n0.95 1.10 0.95 1.10\n").unwrap();
    let over = f.iter().find(|x| x.rule == "F2").expect("F2");
    assert_eq!(over.severity.slug(), "info");
    assert!(over
        .message_zh
        .contains("公务接待费 决算 1.10 超出预算 0.95"));
    // 二's shares are over 本年收入合计 in a 决算.
    let f = planted(CZJ_FINAL, "占99.79%", "占98.79%").unwrap();
    assert!(has(&f, "N4", "error"), "{f:#?}");
}

/// The findings of one rule.
fn of_rule<'f>(found: &'f [Finding], rule: &str) -> Vec<&'f Finding> {
    found.iter().filter(|f| f.rule == rule).collect()
}

/// The Shanghai 财政项目支出绩效目标填报表: read as project performance tables with their two
/// funding columns (元); P.4 adds each column up, N35 sets the narrative's count and money of
/// projects with targets against them.
#[test]
fn shanghai_performance_tables() {
    let Some(p) = parsed(WANLI) else { return };
    let doc = &p.document;
    let names: Vec<&str> = doc
        .performance
        .iter()
        .map(|t| t.project.as_ref().map_or("", |n| n.value.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            "新建万里街道社区公共服务中心",
            "就业援助基地补贴",
            "社区环境整治和建设经费",
            "各类工作经费",
            "公共服务设施运行经费"
        ]
    );
    let last = doc.performance[4].request.as_ref().expect("two columns");
    let v = |q: &Option<disclosure::Quantity>| q.as_ref().map(|q| (q.value, q.line));
    assert_eq!(v(&last.annual_total), Some((d("10903043.00"), 730)));
    assert_eq!(v(&last.appropriation), Some((d("11419043.00"), 732)));
    assert_eq!(v(&last.carried_over), Some((d("0.00"), 733)));
    assert_eq!(v(&last.annual_other), Some((d("0.00"), 734)));
    assert_eq!(v(&last.project_fiscal), Some((d("10903043.00"), 731)));
    assert_eq!(
        last.annual_total.as_ref().map(|q| q.unit.clone()),
        Some(disclosure::QUnit::Yuan)
    );
    let found = check(doc);
    // P.4: 当年财政拨款 11,419,043.00 above the year's request of 10,903,043.00.
    let p4 = of_rule(&found, "P.4");
    assert_eq!(p4.len(), 1, "{p4:#?}");
    assert_eq!(p4[0].severity.slug(), "error");
    assert_eq!(p4[0].lines, [730, 732, 733, 734]);
    // N35: 5 projects, 3,328.13 万元 said; the five tables give 3,351.33 万元.
    let n35 = of_rule(&found, "N35");
    assert_eq!(n35.len(), 1, "{n35:#?}");
    assert_eq!(n35[0].severity.slug(), "warning");
    assert_eq!(
        (n35[0].actual, n35[0].expected),
        (Some(d("3328.13")), Some(d("3351.33")))
    );
    // Each made consistent, each holds.
    let fixed = planted(
        WANLI,
        "其中：当年财政拨款 11,419,043.00",
        "其中：当年财政拨款 10,903,043.00",
    )
    .unwrap();
    assert!(of_rule(&fixed, "P.4").is_empty(), "{fixed:#?}");
    let fixed = planted(
        WANLI,
        "涉及项目预算资金3328.13万元",
        "涉及项目预算资金3351.33万元",
    )
    .unwrap();
    assert!(of_rule(&fixed, "N35").is_empty(), "{fixed:#?}");
    // The other column: 财政资金 no longer the 项目资金总额.
    let left = planted(
        WANLI,
        "其中：财政资金 4,100,000.00",
        "其中：财政资金 4,200,000.00",
    )
    .unwrap();
    assert!(
        of_rule(&left, "P.4").iter().any(|f| f
            .message_zh
            .contains("项目资金总额 = 财政资金 + 其他资金")
            && f.lines.contains(&529)),
        "{left:#?}"
    );
    // A copy that scatters the cells (pdftotext) reads too few amounts to judge: nothing.
    let scattered = check(&disclosure::parse(&text("wanli-2023/pdftotext.txt").unwrap()).document);
    assert!(of_rule(&scattered, "P.4").is_empty() && of_rule(&scattered, "N35").is_empty());
}

/// N34: an amount said to be 持平 is unchanged by the document's own numbers.
#[test]
fn flat_claims_agree_with_the_numbers() {
    // 财政局 2024 决算 四: "财政拨款收入支出总计持平", yet 五（一）'s 一般公共预算财政拨款支出 alone was
    // 2,940.05 + 63.14 = 3,003.19 in 2023, more than the 2024 total 2,961.68 (表4).
    let Some(p) = parsed(CZJ_FINAL) else { return };
    let found = check(&p.document);
    let n34 = of_rule(&found, "N34");
    assert_eq!(n34.len(), 1, "{n34:#?}");
    assert_eq!(n34[0].severity.slug(), "warning");
    assert_eq!(n34[0].lines, [233, 355, 356, 361, 362]);
    assert_eq!(
        (n34[0].actual, n34[0].expected),
        (Some(d("2961.68")), Some(d("3003.19")))
    );
    assert!(n34[0].message_zh.contains("2,940.05 + 63.14 = 3,003.19"));
    // Said to fall by what 五（一） says, nothing is claimed unchanged.
    let fixed = planted(
        CZJ_FINAL,
        "财政拨款收入支出总计持平",
        "财政拨款收入支出总计减少63.14万元",
    )
    .unwrap();
    assert!(of_rule(&fixed, "N34").is_empty(), "{fixed:#?}");
    // The other way: 四 unchanged at 2,961.68, but 一's total (which contains it) said to have been
    // 2,995.39 − 156.95 = 2,838.44 last year.
    // (五（一）'s change made small, so that only 一 contradicts it, and 四's 0.3 made the table's
    // 2,961.68: a 持平 is judged against every value the document gives for this year.)
    let edited = text(CZJ_FINAL)
        .unwrap()
        .replacen("支出总计减少56.95万元", "支出总计增加156.95万元", 1)
        .replacen("财政拨款支出减少63.14万元", "财政拨款支出减少3.14万元", 1)
        .replacen("收入支出总计0.3万元", "收入支出总计2961.68万元", 1);
    let grown = check(&disclosure::parse(&edited).document);
    let n34 = of_rule(&grown, "N34");
    assert_eq!(n34.len(), 1, "{n34:#?}");
    assert!(
        n34[0].message_zh.contains("2,995.39 − 156.95 = 2,838.44"),
        "{n34:#?}"
    );
    // 万里 items 8 and 10: 执行数 15.00 and 10.00, 预算安排 the same, 持平 (hold)…
    let wanli = check(&parsed(WANLI).unwrap().document);
    assert!(of_rule(&wanli, "N34").is_empty());
    // …and with item 8's 执行数 printed as 14.00, 持平 is wrong.
    let changed = planted(
        WANLI,
        "2022年当年预算执行数为15.00万",
        "2022年当年预算执行数为14.00万",
    )
    .unwrap();
    let n34 = of_rule(&changed, "N34");
    assert_eq!(n34.len(), 1, "{n34:#?}");
    assert_eq!(n34[0].lines, [87, 88]);
}

/// N33: the parts' changes add up to the whole's; an amount cannot have grown by more than it is.
#[test]
fn part_changes_add_up_to_the_whole() {
    // 万里 2023: 财政拨款支出预算 +1,421.25, but 一般公共预算 +1,421.25 + 政府性基金 (0 万元) +1,421.25 +
    // 国有资本经营 持平 = 2,842.50.
    let Some(p) = parsed(WANLI) else { return };
    let found = check(&p.document);
    let n33 = of_rule(&found, "N33");
    assert_eq!(n33.len(), 1, "{n33:#?}");
    assert_eq!(n33[0].severity.slug(), "error");
    assert_eq!(n33[0].lines, [63, 64, 65]);
    assert_eq!(
        (n33[0].actual, n33[0].expected),
        (Some(d("1421.25")), Some(d("2842.50")))
    );
    // The fund's change made 持平: the parts add up.
    let fixed = planted(
        WANLI,
        "政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元",
        "政府性基金拨款支出预算0万元，比2022年预算持平",
    )
    .unwrap();
    assert!(of_rule(&fixed, "N33").is_empty(), "{fixed:#?}");
    // 财政局 2025: +107.62 = +107.62 + 持平 + 持平 (holds), in both copies of its 编制说明.
    let budget = check(&parsed(CZJ_BUDGET).unwrap().document);
    assert!(of_rule(&budget, "N33").is_empty());
    // …but with 一般公共预算's change altered, the sum fails.
    let altered = planted_after(
        CZJ_BUDGET,
        "算中，一般公共预算拨款支出预算",
        "增加107.62万元",
        "增加117.62万元",
    )
    .unwrap();
    assert!(
        of_rule(&altered, "N33")
            .iter()
            .any(|f| f.severity.slug() == "error" && f.lines.contains(&71)),
        "{altered:#?}"
    );
    // A zero amount said to have grown, in no list: 万里's 因公出国（境）费.
    let grown = planted(
        WANLI,
        "因公出国（境）费0万元，比2022年预算持平",
        "因公出国（境）费0万元，比2022年预算增加3.00万元",
    )
    .unwrap();
    let n33 = of_rule(&grown, "N33");
    assert_eq!(n33.len(), 2, "{n33:#?}");
    assert_eq!(
        (n33[1].severity.slug(), n33[1].lines.as_slice()),
        ("error", &[473][..])
    );
    assert!(n33[1].message_zh.contains("0 − 3.00 = -3.00"));
}

/// N32: an item said to be 基本支出 is mostly 基本支出 in 表5.
#[test]
fn an_items_stated_kind_holds_the_larger_part() {
    // 财政局 2024 决算 五（三）2: 一般行政管理事务 "…等基本支出", all 10.00 of it 项目支出 in 表5.
    let Some(p) = parsed(CZJ_FINAL) else { return };
    let found = check(&p.document);
    let n32 = of_rule(&found, "N32");
    assert_eq!(n32.len(), 1, "{n32:#?}");
    assert_eq!(n32[0].severity.slug(), "warning");
    assert_eq!(n32[0].lines, [243, 376, 377]);
    assert!(n32[0].message_zh.contains("基本支出为 0、项目支出为 10.00"));
    // Item 1, 行政运行 "…等的基本支出" (1,503.52 基本, 8.37 项目), holds; so does item 2 said to be
    // 项目支出.
    let fixed = planted(
        CZJ_FINAL,
        "局财政业务指导与宣传等基本支出",
        "局财政业务指导与宣传等项目支出",
    )
    .unwrap();
    assert!(of_rule(&fixed, "N32").is_empty(), "{fixed:#?}");
    // 财政局 2025: 行政运行 "…等的基本支出" is 16,093,326 基本 against 138,514.80 项目 (holds).
    let budget = check(&parsed(CZJ_BUDGET).unwrap().document);
    assert!(of_rule(&budget, "N32").is_empty());
    // …and said to be 项目支出, it does not.
    let wrong = planted(CZJ_BUDGET, "公用经费等的基本支出", "公用经费等的项目支出").unwrap();
    assert_eq!(of_rule(&wrong, "N32").len(), 1, "{wrong:#?}");
}

/// N31: an empty table's note names the fund of the table it stands under.
#[test]
fn empty_table_notes_name_their_tables_fund() {
    // 财政局 2025: 表7 (国有资本经营) carries 表6's note, "无政府性基金预算…".
    let Some(p) = parsed(CZJ_BUDGET) else { return };
    let found = check(&p.document);
    let n31 = of_rule(&found, "N31");
    assert_eq!(n31.len(), 1, "{n31:#?}");
    assert_eq!(n31[0].severity.slug(), "warning");
    assert_eq!(
        (n31[0].lines.as_slice(), n31[0].tables.as_slice()),
        (&[241, 248][..], &[7][..])
    );
    // The note made right holds.
    let fixed = planted_after(
        CZJ_BUDGET,
        "2025年部门国有资本经营预算支出功能分类预算表\n编制部门",
        "无政府性基金预算",
        "无国有资本经营预算",
    )
    .unwrap();
    assert!(of_rule(&fixed, "N31").is_empty(), "{fixed:#?}");
    // 万里 2023: each note names its own table's fund.
    let wanli = check(&parsed(WANLI).unwrap().document);
    assert!(of_rule(&wanli, "N31").is_empty());
    // A narrative sentence that names one table and the other fund (the sample's 九 edited).
    let korla = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt"
    ))
    .unwrap();
    let n31 = |text: &str| {
        check(&disclosure::parse(text).document)
            .into_iter()
            .filter(|f| f.rule == "N31")
            .count()
    };
    assert_eq!(n31(&korla), 0);
    // 表9's note (line 1027), then 九's sentence (line 1595), made to give 政府性基金 as the reason.
    for line in [1027, 1595] {
        let edited: Vec<String> = korla
            .split('\n')
            .enumerate()
            .map(|(i, l)| {
                if i + 1 == line {
                    l.replacen("使用国有资本经营预算拨款", "使用政府性基金预算拨款", 1)
                } else {
                    l.to_owned()
                }
            })
            .collect();
        assert_eq!(n31(&edited.join("\n")), 1, "line {line}");
    }
}

#[test]
fn unknown_tables_are_named_not_read() {
    let text = "某区2024年部门预算\n\
        部门收支预算明细表\n\
        编制部门：某区某局 单位：万元\n\
        项目 预算数\n\
        一般公共服务支出 100.00\n\
        2024年部门收入预算总表\n\
        编制部门：某区某局 单位：元\n\
        项目 收入预算\n\
        201 一般公共服务支出 1,000 1,000\n\
        合计 1,000 1,000\n";
    let p = disclosure::parse(text);
    assert_eq!(p.document.meta.family, Family::Shanghai);
    assert_eq!(p.document.tables.len(), 1);
    let d = p
        .diagnostics
        .iter()
        .find(|d| d.code == DiagCode::UnknownTable)
        .expect("unknown-table note");
    assert_eq!(d.lines, [2]);
    assert!(d.message_zh.contains("部门收支预算明细表"));
    assert!(d.message_zh.contains("2024年部门收入预算总表"));

    // Nothing recognised at all: the family is unknown and both notes say why.
    let p = disclosure::parse("某单位情况\n人员统计表\n单位：人\n行政 10\n");
    assert_eq!(p.document.meta.family, Family::Unknown);
    assert!(p.document.tables.is_empty());
    let codes: Vec<DiagCode> = p.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [DiagCode::UnknownTable, DiagCode::NotADisclosure]);
}

/// Cut, thinned and shuffled versions of the Shanghai documents never make the parser, the
/// checker or the analysis panic.
#[test]
fn mangled_documents_never_panic() {
    for name in [WANLI, CZJ_BUDGET, CZJ_FINAL] {
        let Some(t) = text(name) else { return };
        let lines: Vec<&str> = t.lines().collect();
        let mut inputs: Vec<String> = (0..lines.len())
            .step_by(17)
            .map(|n| lines[..n].join("\n"))
            .collect();
        inputs.push(
            lines
                .iter()
                .step_by(2)
                .copied()
                .collect::<Vec<_>>()
                .join("\n"),
        );
        inputs.push(lines.iter().rev().copied().collect::<Vec<_>>().join("\n"));
        // Every table line cut in two, as a narrower PDF column would.
        inputs.push(
            lines
                .iter()
                .map(|l| match l.char_indices().nth(l.chars().count() / 2) {
                    Some((i, _)) => format!("{}\n{}", &l[..i], &l[i..]),
                    None => (*l).to_owned(),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        );
        for input in &inputs {
            let p = disclosure::parse(input);
            let _ = check(&p.document);
            let _ = disclosure::analyze(input);
        }
    }
}

/// The Wanli street office (a Shanghai budget in 元) beside the Korla sample (万元): one unit
/// for both, the conversion exact and said, every shared metric in both columns.
#[test]
fn wanli_beside_korla_in_one_unit() {
    use disclosure::analyze::compare::{compare, NoteKind};
    let Some(wanli) = text(WANLI) else { return };
    let korla = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt"
    ))
    .unwrap();
    let (w, k) = (disclosure::analyze(&wanli), disclosure::analyze(&korla));
    let c = compare(&[("万里".to_string(), &w), ("朝阳".to_string(), &k)]);
    assert_eq!(c.columns[0].unit_printed, Unit::Yuan);
    assert_eq!(c.columns[1].unit_printed, Unit::Wan);
    let note = c
        .notes
        .iter()
        .find(|n| n.kind == NoteKind::UnitsNormalised)
        .expect("the conversion is said");
    assert_eq!(note.columns, [0]);
    let row = |id: &str| c.rows.iter().find(|r| r.metric == id).unwrap();
    // 收入总计 164,978,640 元 = 16,497.864 万元, not rounded.
    let income = row("income_total");
    assert_eq!(income.exact, [Some(d("16497.864")), Some(d("2300.52"))]);
    assert_eq!((income.highest, income.lowest), (Some(0), Some(1)));
    // Shares are unit-free and come out the same either way: 201's share of each.
    let general = row("share_func_201");
    assert_eq!(general.values, [Some(d("1.80")), Some(d("72.36"))]);
    // Both documents give the headline metrics.
    for id in ["expense_total", "basic", "project", "personnel", "public"] {
        let r = c.rows.iter().find(|r| r.metric == id);
        assert!(
            r.is_some_and(|r| r.values.iter().all(Option::is_some)),
            "{id}"
        );
    }
}

/// A unit's budget (单位预算): its titles say 预算单位 / 单位 where a department's say 部门, its
/// headers 编制单位, its 表1 splits the 支出 预算数 into 合计, 人员经费, 公用经费 and 项目支出 (PDF
/// page 8), and its tables are in 元 but the 三公 table (万元). Every copy that keeps the rows on
/// their own lines reads the review's metadata and totals; pypdf and PDFium are pinned here.
#[test]
fn unit_budget_meta_tables_and_totals() {
    for name in [UNIT_PYPDF, UNIT_PDFIUM] {
        let a = disclosure::analyze(&text(name).unwrap());
        let doc = &a.document;
        let m = &doc.meta;
        assert_eq!(
            m.department.as_ref().map(|d| d.value.as_str()),
            Some("上海市普陀区人民政府办公室"),
            "{name}"
        );
        assert_eq!(m.scope, Scope::Unit, "{name}");
        assert_eq!(m.unit, Unit::Yuan, "{name}");
        assert_eq!(m.kind, DocKind::Budget, "{name}");
        assert_eq!(m.family, Family::Shanghai, "{name}");
        assert_eq!(m.year.as_ref().map(|y| y.value), Some(2025), "{name}");
        let kinds: Vec<(TableKind, Unit)> = doc.tables.iter().map(|t| (t.kind, t.unit)).collect();
        use TableKind::*;
        let yuan = Unit::Yuan;
        assert_eq!(
            kinds,
            [
                (Summary, yuan),
                (Income, yuan),
                (Expense, yuan),
                (FiscalSummary, yuan),
                (GeneralExpense, yuan),
                (GovFund, yuan),
                (StateCapital, yuan),
                (GeneralBasic, yuan),
                (ThreePublic, Unit::Wan),
            ],
            "{name}"
        );
        // 表1's 支出 half, as the PDF prints it.
        let exp = block(doc, Summary, Side::Expense);
        assert_eq!(
            exp.columns,
            [Col::Amount, Col::Personnel, Col::Public, Col::Project]
        );
        let total = keyed(exp, RowKey::ExpenseTotal);
        for (col, want) in [
            (Col::Amount, "91016775.35"),
            (Col::Personnel, "22473997.81"),
            (Col::Public, "2132777.54"),
            (Col::Project, "66410000.00"),
        ] {
            assert_eq!(cell(exp, total, col), d(want), "{name} {col:?}");
        }
        let s = &a.summary;
        let value = |f: &Option<disclosure::analyze::Figure>| f.as_ref().map(|f| (f.value, f.unit));
        assert_eq!(value(&s.income_total), Some((d("91016775.35"), yuan)));
        assert_eq!(value(&s.expense_total), Some((d("91016775.35"), yuan)));
        assert_eq!(value(&s.basic), Some((d("24606775.35"), yuan)));
        assert_eq!(value(&s.project), Some((d("66410000.00"), yuan)));
        // The unit tables are the 收支总体情况表 the checklist asks for (C4).
        let c4 = a.completeness.items.iter().find(|i| i.id == "C4").unwrap();
        assert!(c4.present, "{name}");
        // The reviewer found no problem in this document: nothing above a note.
        let loud: Vec<&Finding> = a
            .findings
            .iter()
            .filter(|f| matches!(f.severity.slug(), "error" | "warning"))
            .collect();
        assert!(loud.is_empty(), "{name}: {loud:#?}");
    }
    // A department's budget of the same family keeps its one-column 表1.
    let p = parsed(WANLI).unwrap();
    assert_eq!(p.document.meta.scope, Scope::Department);
    assert_eq!(
        block(&p.document, TableKind::Summary, Side::Expense).columns,
        [Col::Amount]
    );
}

/// A table read in the wrong unit is 10,000 times off the narrative's total: the unit is
/// corrected, with one reading note. Without the 单位：元 of tables 1–8 (as a copy that moved
/// the labels out of the headers would give them), the only unit label left is the 三公 table's
/// 万元; the narrative's 收入预算 9,101.68 万元 shows 表1's 91,016,775.35 to be in 元.
#[test]
fn a_unit_read_wrongly_is_corrected_by_the_narrative() {
    let printed = text(UNIT_PYPDF).unwrap();
    // As printed: every header gives its unit, and the narrative agrees.
    let p = disclosure::parse(&printed);
    assert!(!p
        .diagnostics
        .iter()
        .any(|d| d.code == DiagCode::UnitCorrected));
    let moved = printed.replace(" 单位：元", "");
    let p = disclosure::parse(&moved);
    let notes: Vec<_> = p
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagCode::UnitCorrected)
        .collect();
    assert_eq!(notes.len(), 1, "{:#?}", p.diagnostics);
    assert!(notes[0].lines.contains(&79), "{:?}", notes[0].lines);
    assert!(
        notes[0].message_zh.contains("不是文件的错误"),
        "{}",
        notes[0].message_zh
    );
    let units: Vec<Unit> = p.document.tables.iter().map(|t| t.unit).collect();
    let mut want = vec![Unit::Yuan; 8];
    want.push(Unit::Wan);
    assert_eq!(units, want);
    assert_eq!(p.document.meta.unit, Unit::Yuan);
    let a = disclosure::analyze(&moved);
    let wan = |f: &Option<disclosure::analyze::Figure>| f.as_ref().map(|f| f.wan);
    assert_eq!(wan(&a.summary.income_total), Some(d("9101.677535")));
    assert_eq!(wan(&a.summary.three_public), Some(d("867.50")));
    // The note is a reading note, never an error of the document.
    let f = a
        .findings
        .iter()
        .find(|f| f.rule == "parse/unit-corrected")
        .expect("note");
    assert_eq!(f.severity.slug(), "info");
    assert!(a.findings.iter().all(|f| f.severity.slug() != "error"));
}

/// The unit budget of 上海市普陀区人民政府办公室: 表8 is printed in 元 ("编制单位：… 单位：元"),
/// 表9 in 万元. 表8's 30217 公务接待费 185,000.00 元 is 18.50 万元, within 表9's 28.50 万元 (the rest
/// is project money): no finding. Raised to 385,000.00 元 (38.50 万元) it exceeds 表9 by 10.00
/// 万元; raised to 285,100.00 元 (28.51 万元), by one unit of 0.01 万元: rounding.
#[test]
fn three_public_against_basic_spending_across_units() {
    const NAME: &str = "zhengfu-bangongshi-unit-2025/pypdf.txt";
    let Some(p) = parsed(NAME) else { return };
    let doc = &p.document;
    assert_eq!(doc.table(TableKind::GeneralBasic).unwrap().unit, Unit::Yuan);
    assert_eq!(doc.table(TableKind::ThreePublic).unwrap().unit, Unit::Wan);
    let found = check(doc);
    assert!(
        !found.iter().any(|f| f.rule == "F4" || f.rule == "X28"),
        "{found:#?}"
    );
    let row = "302 17 公务接待费 185,000.00 185,000.00";
    let raised = planted(NAME, row, "302 17 公务接待费 385,000.00 385,000.00").unwrap();
    let x28 = raised.iter().find(|f| f.rule == "X28").expect("X28");
    assert_eq!(x28.severity, Severity::Error);
    assert!(
        x28.message_zh.contains("（385,000.00 元）")
            && x28.message_zh.contains("（28.50 万元）")
            && x28.message_zh.contains("多出 10.00 万元"),
        "{}",
        x28.message_zh
    );
    // Printed 385,000.00 元; 表9's 28.50 万元 in 元; 28.50 as printed beside it.
    assert_eq!(
        (x28.actual, x28.expected, x28.printed),
        (Some(d("385000.00")), Some(d("285000.00")), Some(d("28.50")))
    );
    let f4 = raised.iter().find(|f| f.rule == "F4").expect("F4");
    assert_eq!(f4.severity, Severity::Warning);
    assert_eq!(
        (f4.actual, f4.expected),
        (Some(d("28.50")), Some(d("38.50")))
    );
    let edge = planted(NAME, row, "302 17 公务接待费 285,100.00 285,100.00").unwrap();
    for rule in ["X28", "F4"] {
        let f = edge.iter().find(|f| f.rule == rule).expect(rule);
        assert_eq!(f.severity, Severity::Rounding, "{f:#?}");
    }
}

/// The 决算's carry-over into the year: its 收入支出决算总表 prints it as 年初结转和结余 (49.14 万元,
/// the pypdf copy's line 115); a budget's summary calls it 上年结转结余.
#[test]
fn carryover_of_a_final_account_is_its_opening_balance() {
    let Some(text) = text(CZJ_FINAL) else { return };
    let a = disclosure::analyze(&text);
    let c = a.summary.carryover.as_ref().expect("the carry-over");
    assert_eq!((c.value, c.lines.clone()), (d("49.14"), vec![115]));
}
