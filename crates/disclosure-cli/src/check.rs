//! `disclosure check`: the JSON view (a stable shape other tools read) and the text report.

use disclosure::analyze::Figure;
use disclosure::check::{Finding, Severity};
use disclosure::format::amount;
use disclosure::{Analysis, Decimal};
use serde::Serialize;

use crate::input::Source;
use crate::Lang;

/// The whole `check --json` output.
#[derive(Serialize)]
pub struct CheckOutput {
    /// One entry per input that could be read, in the order given.
    pub documents: Vec<DocumentView>,
    /// The inputs that could not be read (additive to the documented shape).
    pub unreadable: Vec<Unreadable>,
}

/// An input that could not be read.
#[derive(Serialize)]
pub struct Unreadable {
    /// The path as given.
    pub file: String,
    /// Why.
    pub error: String,
}

/// One checked document.
#[derive(Serialize)]
pub struct DocumentView {
    file: String,
    department: Option<String>,
    year: Option<u16>,
    kind: &'static str,
    unit: &'static str,
    tables: Vec<TableView>,
    totals: Totals,
    findings: Vec<FindingView>,
    family: &'static str,
    counts: Counts,
    /// "department" or "unit": whose budget or accounts (added after the documented shape).
    scope: &'static str,
    /// What part of a disclosure the text holds (added after the documented shape).
    coverage: CoverageView,
    /// For a PDF: its pages and what its reader noted (added after the documented shape; absent
    /// for a text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pdf: Option<PdfView>,
}

/// What reading a PDF gave besides its text.
#[derive(Serialize)]
struct PdfView {
    pages: usize,
    notes: Vec<NoteView>,
}

#[derive(Serialize)]
struct NoteView {
    message: String,
    message_en: String,
}

/// What part of a disclosure the text holds.
#[derive(Serialize)]
struct CoverageView {
    /// "whole", "part" (some tables, not the whole), "narrative" (no table) or
    /// "not-a-disclosure".
    extent: &'static str,
    /// The sections present: "contents", "overview", "tables", "narrative", "glossary",
    /// "project-notes", "performance".
    sections: Vec<&'static str>,
    /// Whether the text names its kind; when not, `kind` is the default, "budget".
    kind_stated: bool,
    /// What the text is, in Chinese.
    message: String,
    /// What the text is, in English.
    message_en: String,
}

#[derive(Serialize)]
struct TableView {
    number: u8,
    title: String,
    rows: usize,
}

/// Headline amounts as exact decimal strings in 万元.
#[derive(Serialize)]
struct Totals {
    income_total: Option<String>,
    expense_total: Option<String>,
    basic: Option<String>,
    project: Option<String>,
    personnel: Option<String>,
    public: Option<String>,
    three_public: Option<String>,
    carryover: Option<String>,
}

#[derive(Serialize)]
struct Counts {
    error: usize,
    warning: usize,
    rounding: usize,
    info: usize,
}

#[derive(Serialize)]
struct FindingView {
    rule: String,
    severity: &'static str,
    lines: Vec<u32>,
    message: String,
    message_en: String,
    expected: Option<String>,
    actual: Option<String>,
    tables: Vec<u8>,
    /// Present, and true, when `expected` and `actual` are percentages (a share, a rate).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    percent: bool,
}

fn wan(f: &Option<Figure>) -> Option<String> {
    f.as_ref().map(|f| f.wan.to_string())
}

fn dec(d: Option<Decimal>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// The JSON view of one analysis.
pub fn view(file: &str, a: &Analysis, source: &Source) -> DocumentView {
    let doc = &a.document;
    let s = &a.summary;
    DocumentView {
        file: file.to_owned(),
        department: doc.meta.department.as_ref().map(|d| d.value.clone()),
        year: doc.meta.year.as_ref().map(|y| y.value),
        kind: doc.meta.kind.slug(),
        unit: doc.meta.unit.label(),
        tables: doc
            .tables
            .iter()
            .map(|t| TableView {
                number: t.number,
                title: t.title.clone(),
                rows: t.row_count(),
            })
            .collect(),
        totals: Totals {
            income_total: wan(&s.income_total),
            expense_total: wan(&s.expense_total),
            basic: wan(&s.basic),
            project: wan(&s.project),
            personnel: wan(&s.personnel),
            public: wan(&s.public),
            three_public: wan(&s.three_public),
            carryover: wan(&s.carryover),
        },
        findings: a
            .findings
            .iter()
            .map(|f| FindingView {
                rule: f.rule.clone(),
                severity: f.severity.slug(),
                lines: f.lines.clone(),
                message: f.message_zh.clone(),
                message_en: f.message_en.clone(),
                expected: dec(f.expected),
                actual: dec(f.actual),
                tables: f.tables.clone(),
                percent: f.percent,
            })
            .collect(),
        family: match doc.meta.family {
            disclosure::Family::Unknown => "unknown",
            disclosure::Family::Xinjiang => "xinjiang",
            disclosure::Family::Shanghai => "shanghai",
        },
        counts: Counts {
            error: a.quality.errors,
            warning: a.quality.warnings,
            rounding: a.quality.rounding,
            info: a.quality.info,
        },
        scope: doc.meta.scope.slug(),
        coverage: coverage(a),
        pdf: source.pdf.as_ref().map(|p| PdfView {
            pages: p.pages,
            notes: p
                .notes
                .iter()
                .map(|n| NoteView {
                    message: n.message_zh(),
                    message_en: n.message_en(),
                })
                .collect(),
        }),
    }
}

/// The coverage of an analysed text, with its description.
fn coverage(a: &Analysis) -> CoverageView {
    let meta = &a.document.meta;
    let c = &meta.coverage;
    let (message, message_en) = described(a);
    CoverageView {
        extent: c.extent.slug(),
        sections: c.sections.iter().map(|s| s.slug()).collect(),
        kind_stated: c.kind_stated,
        message,
        message_en,
    }
}

/// What the text is: "部门预算的一部分：表1" / "part of a department budget: table 1".
fn described(a: &Analysis) -> (String, String) {
    let held: Vec<u8> = a.document.tables.iter().map(|t| t.number).collect();
    disclosure::parse::coverage::describe(&a.document.meta, &held)
}

const SEVERITIES: [Severity; 4] = [
    Severity::Error,
    Severity::Warning,
    Severity::Rounding,
    Severity::Info,
];

fn severity_name(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
        (Severity::Rounding, Lang::Zh) => "尾差",
        (Severity::Info, Lang::Zh) => "提示",
        (Severity::Error, Lang::En) => "errors",
        (Severity::Warning, Lang::En) => "warnings",
        (Severity::Rounding, Lang::En) => "rounding",
        (Severity::Info, Lang::En) => "notes",
    }
}

fn lines_label(lines: &[u32], lang: Lang) -> String {
    if lines.is_empty() {
        return String::new();
    }
    let list: Vec<String> = lines.iter().map(u32::to_string).collect();
    match lang {
        Lang::Zh => format!("第 {} 行", list.join("、")),
        Lang::En => format!(
            "line{} {}",
            if lines.len() > 1 { "s" } else { "" },
            list.join(", ")
        ),
    }
}

/// The readable report of one analysis.
pub fn report(file: &str, a: &Analysis, source: &Source, lang: Lang) -> String {
    let doc = &a.document;
    let s = &a.summary;
    let zh = lang == Lang::Zh;
    let mut out = format!("== {file}\n");
    if let Some(pdf) = &source.pdf {
        // The findings' line numbers count the lines of the text rebuilt from the PDF.
        out.push_str(&if zh {
            format!(
                "PDF，{} 页；行号指读出的文字（disclosure text {file}）\n",
                pdf.pages
            )
        } else {
            format!(
                "PDF, {} pages; line numbers count the lines of its text (disclosure text {file})\n",
                pdf.pages
            )
        });
        for n in &pdf.notes {
            out.push_str(&if zh {
                format!("注意：{}\n", n.message_zh())
            } else {
                format!("Note: {}\n", n.message_en())
            });
        }
    }
    let unknown = if zh { "（未识别）" } else { "(not found)" };
    let dept = doc
        .meta
        .department
        .as_ref()
        .map_or(unknown, |d| d.value.as_str());
    let year = doc
        .meta
        .year
        .as_ref()
        .map_or_else(|| unknown.to_owned(), |y| y.value.to_string());
    let unit = doc.meta.unit.label();
    // A unit's document says so after its kind; a department's, the usual one, says nothing.
    let scope = match (doc.meta.scope, zh) {
        (disclosure::Scope::Department, _) => "",
        (disclosure::Scope::Unit, true) => "（单位）",
        (disclosure::Scope::Unit, false) => " (unit)",
    };
    // A kind no title names is the default, and says so.
    let stated = doc.meta.coverage.kind_stated;
    let (covers_zh, covers_en) = described(a);
    if zh {
        out.push_str(&format!("部门：{dept}\n"));
        out.push_str(&format!(
            "年度：{year}　类型：{}{scope}{}　单位：{unit}（下列合计均折为万元）\n",
            doc.meta.kind.label(),
            if stated { "" } else { "（文中未注明）" }
        ));
        out.push_str(&format!("范围：{covers_zh}\n"));
    } else {
        out.push_str(&format!("Department: {dept}\n"));
        out.push_str(&format!(
            "Year: {year}   Kind: {}{scope}{}   Unit: {unit} (the totals below in 万元)\n",
            doc.meta.kind.slug(),
            if stated { "" } else { " (not stated)" }
        ));
        out.push_str(&format!("Covers: {covers_en}\n"));
    }
    let totals: [(&str, &str, &Option<Figure>); 8] = [
        ("收入总计", "Total income", &s.income_total),
        ("支出总计", "Total spending", &s.expense_total),
        ("基本支出", "Basic spending", &s.basic),
        ("项目支出", "Project spending", &s.project),
        ("人员经费", "Personnel costs", &s.personnel),
        ("公用经费", "Office costs", &s.public),
        ("“三公”经费", "三公 spending", &s.three_public),
        ("上年结转结余", "Carry-over", &s.carryover),
    ];
    let width = totals
        .iter()
        .map(|(z, e, _)| crate::table::width(if zh { z } else { e }))
        .max()
        .unwrap_or(0);
    let values: Vec<String> = totals
        .iter()
        .map(|(_, _, f)| f.as_ref().map_or_else(|| "—".to_owned(), |f| amount(f.wan)))
        .collect();
    let vw = values
        .iter()
        .map(|v| crate::table::width(v))
        .max()
        .unwrap_or(0);
    for ((z, e, _), value) in totals.iter().zip(&values) {
        let label = if zh { z } else { e };
        out.push_str(&format!(
            "  {}{}  {}{value}\n",
            label,
            " ".repeat(width - crate::table::width(label)),
            " ".repeat(vw - crate::table::width(value))
        ));
    }
    let counts: Vec<String> = SEVERITIES
        .iter()
        .map(|&sev| {
            let n = a.findings.iter().filter(|f| f.severity == sev).count();
            if zh {
                format!("{} {n}", severity_name(sev, lang))
            } else {
                format!("{n} {}", severity_name(sev, lang))
            }
        })
        .collect();
    out.push_str(&if zh {
        format!("发现：{}\n", counts.join("，"))
    } else {
        format!("Findings: {}\n", counts.join(", "))
    });
    for sev in SEVERITIES {
        let group: Vec<&Finding> = a.findings.iter().filter(|f| f.severity == sev).collect();
        if group.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(&if zh {
            format!("【{}】{} 条\n", severity_name(sev, lang), group.len())
        } else {
            let name = severity_name(sev, lang);
            let mut cap = name[..1].to_uppercase();
            cap.push_str(&name[1..]);
            format!("[{cap}] {}\n", group.len())
        });
        for f in group {
            let msg = if zh { &f.message_zh } else { &f.message_en };
            let lines = lines_label(&f.lines, lang);
            if lines.is_empty() {
                out.push_str(&format!("  {}  {msg}\n", f.rule));
            } else {
                out.push_str(&format!("  {}  {lines}\n      {msg}\n", f.rule));
            }
        }
    }
    out
}
