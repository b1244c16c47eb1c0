//! Rule X31: State-capital / government-fund carry-over not shown in Table 9 / 8

use super::*;

rules! {
    /// ## What it checks
    /// Carry-over of 国有资本经营预算拨款 (or 政府性基金预算拨款) is budgeted (表1 结转 row, and the 223 类 or the fund's
    /// codes in 表1/2/3), yet 表9 (表8) shows less than this year's money plus that carry-over, and no
    /// empty-table sentence mentions 结转. A note, naming where the money is and what the table and
    /// the text say. The rule's own logic, `carry_scope` with `Scope` and its helpers, is below.
    ///
    /// ## Why it must hold
    /// A reader of an empty 表9 and of "没有使用国有资本经营预算拨款安排的支出" concludes there is no such spending at
    /// all; the table covers this year's appropriation only, and the document must say so. A scope
    /// note, not an arithmetic error. Applies to templates with 表1 结转 rows by budget (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 2.06 of 国有资本经营预算拨款 结转 is spent under 2230105 (表1 223, 表2 结转, 表3), while 表9
    /// is empty and both its note and 九 say "没有使用国有资本经营预算拨款安排的支出" — noted.
    X31 = "X31", "结转的国有资本/政府性基金支出未在表9/表8 反映", "State-capital / government-fund carry-over not shown in Table 9 / 8",
        |c| {
            carry_scope(c, &STATE_CAPITAL);
            carry_scope(c, &GOV_FUND);
        };
}

/// The budget a spending table covers, for X31.
struct Scope {
    /// The table of that budget.
    kind: TableKind,
    /// The 表1 结转 row of that budget.
    carry: RowKey,
    /// The 表1 current-year row of that budget.
    current: RowKey,
    /// The words that name the budget in an empty-table sentence.
    words: &'static str,
    /// Its 类, when the budget has one of its own.
    class: Option<&'static str>,
    zh: &'static str,
    en: &'static str,
}

const STATE_CAPITAL: Scope = Scope {
    kind: TableKind::StateCapital,
    carry: RowKey::CarryStateCapital,
    current: RowKey::StateCapital,
    words: "国有资本经营",
    class: Some(STATE_CAPITAL_CLASS),
    zh: "国有资本经营预算拨款",
    en: "state-capital budget appropriation",
};

const GOV_FUND: Scope = Scope {
    kind: TableKind::GovFund,
    carry: RowKey::CarryGovFund,
    current: RowKey::GovFund,
    words: "政府性基金",
    class: None,
    zh: "政府性基金预算拨款",
    en: "government-fund budget appropriation",
};

/// X31: carry-over of a budget is spent, yet that budget's table is empty (or smaller) and
/// the text says there is no such spending without mentioning the carry-over.
fn carry_scope(c: &mut Checker, scope: &Scope) {
    let s1 = src(c, TableKind::Summary, Side::Income);
    let sx = src(c, scope.kind, Side::Whole);
    let (Some(s1), Some(sx)) = (s1, sx) else {
        return;
    };
    // The carry-over of this budget: 表1's row, or else 表2's carry-over in the budget's class.
    let positive = |v: &Val| v.value() > Decimal::ZERO;
    let Some(carry) = carry_val(&s1, scope.carry).filter(positive).or_else(|| {
        let s2 = optional(c, TableKind::Income, Side::Whole)?;
        let r = s2.row(scope.class?)?;
        Some(s2.val(r, Col::FiscalCarryover)).filter(positive)
    }) else {
        return;
    };
    let current = s1
        .keyed(scope.current, Col::Amount)
        .map_or(Decimal::ZERO, |v| v.value());
    let total = sx.total(Col::Total);
    let shown = total.as_ref().map_or(Decimal::ZERO, Val::value);
    if shown >= current + carry.value() {
        return;
    }
    // Sentences about this budget's table: on the table itself and in the narrative.
    let mut sentences: Vec<&Located<String>> = sx.t.empty_statement.iter().collect();
    sentences.extend(
        c.doc
            .empty_statements
            .iter()
            .filter(|e| e.value.contains(scope.words)),
    );
    if sentences.iter().any(|e| e.value.contains("结转")) {
        return;
    }
    // Where the carry-over is budgeted: its class rows in 表1 支出, 表2 and 表3.
    let mut cited: Vec<Val> = vec![carry.clone()];
    if let Some(class) = scope.class {
        if let Some(s) = optional(c, TableKind::Summary, Side::Expense) {
            cited.extend(s.row(class).map(|r| s.val(r, Col::Amount)));
        }
        for (kind, col) in [
            (TableKind::Income, Col::FiscalCarryover),
            (TableKind::Expense, Col::Total),
        ] {
            if let Some(s) = optional(c, kind, Side::Whole) {
                cited.extend(deepest_under(&s, class).into_iter().map(|r| s.val(r, col)));
            }
        }
    }
    let (v, n) = (carry.shown(), sx.n());
    let (budgeted, rest) = cited
        .split_first()
        .expect("the carry-over row is cited first");
    let places_zh: Vec<String> = rest
        .iter()
        .map(|v| format!("{} {}", v.what().zh, v.shown()))
        .collect();
    let places_en: Vec<String> = rest
        .iter()
        .map(|v| format!("{} {}", v.what().en, v.shown()))
        .collect();
    let (where_zh, where_en) = if rest.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!("（{}）", places_zh.join("，")),
            format!(" ({})", places_en.join("; ")),
        )
    };
    let said_zh: Vec<String> = sentences
        .iter()
        .map(|e| format!("{}称「{}」", place_zh(c.doc, sx, e), e.value))
        .collect();
    let said_en: Vec<String> = sentences
        .iter()
        .map(|e| format!("{} says '{}'", place_en(c.doc, sx, e), e.value))
        .collect();
    let (table_zh, table_en) = if sx.b.rows.is_empty() {
        (format!("表{n} 为空表"), format!("Table {n} is empty"))
    } else {
        let t = total.as_ref().map_or_else(|| amount(shown), Val::shown);
        (
            format!("表{n} 仅列 {t}"),
            format!("Table {n} shows only {t}"),
        )
    };
    let f = c.report(
        Severity::Info,
        format!(
            "{} {v} 已安排支出{where_zh}，但{table_zh}{}。表{n} 似乎只反映本年拨款；宜注明上年结转的{}支出不在表{n} 中，或将其列入表{n}。",
            budgeted.what().zh,
            if said_zh.is_empty() {
                "，文中也未说明".to_owned()
            } else {
                format!("，{}", said_zh.join("；"))
            },
            scope.zh,
        ),
        format!(
            "{} ({v}) is budgeted for spending{where_en}, but {table_en}{}. Table {n} seems to cover this year's appropriation only; the text should say that carried-over {} is not in Table {n}, or Table {n} should show it.",
            budgeted.what().en,
            if said_en.is_empty() {
                ", and the text does not explain this".to_owned()
            } else {
                format!("; {}", said_en.join("; "))
            },
            scope.en,
        ),
    );
    // The table's total as printed, cited; an empty table prints none.
    let printed_total = total.filter(|t| t.amt.printed);
    f.actual = printed_total.as_ref().map(|t| t.amt.value);
    f.expected = Some(current + carry.value());
    let mut lines = lines_of(
        &cited
            .iter()
            .chain(printed_total.as_ref())
            .collect::<Vec<_>>(),
    );
    lines.extend(sentences.iter().map(|e| e.line));
    f.lines = lines;
    let mut tables: Vec<u8> = cited.iter().map(|v| v.table).collect();
    tables.push(n);
    f.tables = tables;
}

/// Where an empty-table sentence is: "表9 表内" or "第三部分 九".
fn place_zh(doc: &Document, sx: Src, e: &Located<String>) -> String {
    if sx
        .t
        .empty_statement
        .as_ref()
        .is_some_and(|s| s.line == e.line)
    {
        return format!("表{} 表内说明（第 {} 行）", sx.n(), e.line);
    }
    match chapter_of(doc, e.line) {
        Some(ch) => format!("第三部分 {}（第 {} 行）", numeral(ch), e.line),
        None => format!("第 {} 行", e.line),
    }
}

fn place_en(doc: &Document, sx: Src, e: &Located<String>) -> String {
    if sx
        .t
        .empty_statement
        .as_ref()
        .is_some_and(|s| s.line == e.line)
    {
        return format!("the note in Table {} (line {})", sx.n(), e.line);
    }
    match chapter_of(doc, e.line) {
        Some(ch) => format!("第三部分 {} (line {})", numeral(ch), e.line),
        None => format!("line {}", e.line),
    }
}

/// The 第三部分 chapter a line falls in.
fn chapter_of(doc: &Document, line: LineNo) -> Option<u8> {
    doc.headings
        .iter()
        .filter(|h| h.section.part == 3 && h.section.chapter > 0 && h.line <= line)
        .max_by_key(|h| h.line)
        .map(|h| h.section.chapter)
}

/// The rows under a class that have no rows under them (the 项, or the deepest level printed).
fn deepest_under<'a>(s: &Src<'a>, class: &str) -> Vec<&'a Row> {
    let under: Vec<&Row> =
        s.b.rows
            .iter()
            .filter(|r| r.code_str().is_some_and(|c| c.starts_with(class)))
            .collect();
    under
        .iter()
        .filter(|r| {
            let code = r.code_str().unwrap_or_default();
            !under.iter().any(|o| {
                let oc = o.code_str().unwrap_or_default();
                oc.len() > code.len() && oc.starts_with(code)
            })
        })
        .copied()
        .collect()
}
