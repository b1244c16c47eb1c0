//! The summary: who and what the document is, its headline figures, the quality badge and the
//! completeness checklist.

use disclosure::analyze::Figure;
use disclosure::check::Severity;
use yew::prelude::*;

use super::quality_counts;
use crate::format;
use crate::i18n::Lang;
use crate::markup::Markup;
use crate::prepared::Prepared;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub result: Prepared,
    pub lang: Lang,
}

/// One headline figure: its label, amount and unit, and where it was read.
fn figure(m: &mut Markup, label: &str, testid: &str, f: Option<&Figure>, lang: Lang) {
    let Some(f) = f else {
        m.put(
            r#"<div class="figure" data-testid="{}"><dt>{}</dt><dd class="not-given">{}</dd></div>"#,
            &[testid, label, lang.s().not_given],
        );
        return;
    };
    m.put(
        r#"<div class="figure" data-testid="{}"><dt>{}</dt><dd><span class="amount"><span class="value">{}</span> <span class="unit">{}</span></span><span class="where">{}{}</span></dd></div>"#,
        &[
            testid,
            label,
            &format::amount(f.value),
            lang.unit_short(f.unit),
            &f.table.map(|t| format!("{} · ", lang.table_n(t))).unwrap_or_default(),
            &f.lines.first().map(|&l| lang.line_n(l)).unwrap_or_default(),
        ],
    );
}

/// A head count.
fn staff(m: &mut Markup, label: &str, count: Option<disclosure::Decimal>, lang: Lang) {
    let s = lang.s();
    match count {
        Some(c) => m.put(
            r#"<div class="figure"><dt>{}</dt><dd><span class="amount">{}</span></dd></div>"#,
            &[
                label,
                format!("{} {}", format::count(c), s.people).trim_end(),
            ],
        ),
        None => m.put(
            r#"<div class="figure"><dt>{}</dt><dd class="not-given">{}</dd></div>"#,
            &[label, s.not_given],
        ),
    };
}

/// `summary`: department, year, kind, unit, headline figures, staff, quality; written as text
/// from templates (see [`crate::markup`]).
#[component]
pub fn SummaryView(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    let a = &props.result.analysis;
    let meta = &a.document.meta;
    let sum = &a.summary;
    let q = &a.quality;
    let readable = !a.document.tables.is_empty();

    let (verdict, verdict_icon, verdict_text) = if !readable {
        ("none", "✖", s.verdict_none)
    } else if q.errors > 0 {
        ("errors", "✖", s.verdict_errors)
    } else if q.warnings > 0 {
        ("warnings", "▲", s.verdict_warnings)
    } else {
        ("clean", "✓", s.verdict_clean)
    };

    let mut m = Markup::default();
    m.put(
        r#"<section class="summary card" data-testid="summary" aria-labelledby="summary-heading"><div class="summary-head"><h2 id="summary-heading">{}</h2><div class="quality verdict-{}" data-testid="quality" data-verdict="{}"><p class="verdict"><span class="verdict-icon" aria-hidden="true">{}</span>{}</p>"#,
        &[s.summary_heading, verdict, verdict, verdict_icon, verdict_text],
    );
    quality_counts(&mut m, q, lang, "");
    m.put("</div></div>", &[]);

    // What stops the text from being read (parse/not-a-disclosure, parse/too-large…), in the
    // core's words.
    let mut problems = a
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("parse/") && f.severity == Severity::Error)
        .peekable();
    if problems.peek().is_some() {
        m.put(
            r#"<div class="problem" role="alert" data-testid="input-problem"><span class="problem-icon" aria-hidden="true">✖</span><div>"#,
            &[],
        );
        for f in problems {
            m.put("<p>{}</p>", &[lang.pick(&f.message_zh, &f.message_en)]);
        }
        m.put("</div></div>", &[]);
    }

    m.put(
        r#"<dl class="meta"><div class="figure wide"><dt>{}</dt><dd data-testid="department">{}</dd></div>"#,
        &[s.department, meta.department.as_ref().map_or("—", |d| d.value.as_str())],
    );
    if readable {
        m.put(
            r#"<div class="figure"><dt>{}</dt><dd data-testid="year">{}</dd></div><div class="figure"><dt>{}</dt><dd>{}</dd></div><div class="figure"><dt>{}</dt><dd>{}</dd></div>"#,
            &[
                s.year,
                &meta.year.as_ref().map_or_else(|| "—".to_owned(), |y| y.value.to_string()),
                s.kind,
                lang.doc_kind(meta.kind),
                s.unit,
                lang.unit(meta.unit),
            ],
        );
    }
    m.put("</dl>", &[]);

    if readable {
        m.put(r#"<dl class="figures">"#, &[]);
        for (label, testid, f) in [
            (s.income_total, "income-total", &sum.income_total),
            (s.expense_total, "expense-total", &sum.expense_total),
            (s.basic, "basic", &sum.basic),
            (s.project, "project", &sum.project),
            (s.personnel, "personnel", &sum.personnel),
            (s.public, "public", &sum.public),
            (s.three_public, "three-public", &sum.three_public),
            (s.running_cost, "running-cost", &sum.running_cost),
            (s.procurement, "procurement", &sum.procurement),
            (s.carryover, "carryover", &sum.carryover),
            (s.general_budget, "general-budget", &sum.general_budget),
        ] {
            figure(&mut m, label, testid, f.as_ref(), lang);
        }
        for (label, count) in [
            (s.establishment, sum.establishment),
            (s.staff_actual, sum.staff_actual),
            (s.staff_in_service, sum.staff_in_service),
        ] {
            staff(&mut m, label, count, lang);
        }
        m.put(
            r#"</dl><details class="checklist"><summary>{} · {}</summary><ul>"#,
            &[s.checklist, &lang.completeness(q.complete, q.required)],
        );
        for item in &a.completeness.items {
            let (class, mark, word) = if item.present {
                ("present", "✓ ", s.present)
            } else {
                ("absent", "✗ ", s.missing)
            };
            m.put(
                r#"<li class="{}"><span class="mark"><span aria-hidden="true">{}</span>{}</span><span class="item-title">{}{}</span>"#,
                &[
                    class,
                    mark,
                    word,
                    lang.pick(&item.title_zh, &item.title_en),
                    if item.required { "" } else { s.optional },
                ],
            );
            if let Some(l) = item.line {
                m.put(r#"<span class="where">{}</span>"#, &[&lang.line_n(l)]);
            }
            m.put("</li>", &[]);
        }
        m.put("</ul></details>", &[]);
    }
    m.put("</section>", &[]);
    m.html()
}
