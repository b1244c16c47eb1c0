//! The summary: who and what the document is, its headline figures, the quality badge and the
//! completeness checklist.

use disclosure::analyze::Figure;
use disclosure::check::Severity;
use yew::prelude::*;

use super::quality_counts;
use crate::format;
use crate::i18n::Lang;
use crate::prepared::Prepared;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub result: Prepared,
    pub lang: Lang,
}

/// One headline figure: its label, amount and unit, and where it was read.
fn figure(label: &str, testid: &str, f: Option<&Figure>, lang: Lang) -> Html {
    let s = lang.s();
    html! {
        <div class="figure" data-testid={testid.to_owned()}>
            <dt>{ label }</dt>
            if let Some(f) = f {
                <dd>
                    <span class="amount">
                        <span class="value">{ format::amount(f.value) }</span>
                        { " " }
                        <span class="unit">{ lang.unit_short(f.unit) }</span>
                    </span>
                    <span class="where">
                        { f.table.map(|t| format!("{} · ", lang.table_n(t))).unwrap_or_default() }
                        { f.lines.first().map(|&l| lang.line_n(l)).unwrap_or_default() }
                    </span>
                </dd>
            } else {
                <dd class="not-given">{ s.not_given }</dd>
            }
        </div>
    }
}

/// A head count.
fn staff(label: &str, count: Option<disclosure::Decimal>, lang: Lang) -> Html {
    let s = lang.s();
    html! {
        <div class="figure">
            <dt>{ label }</dt>
            if let Some(c) = count {
                <dd><span class="amount">{ format!("{} {}", format::count(c), s.people).trim_end().to_owned() }</span></dd>
            } else {
                <dd class="not-given">{ s.not_given }</dd>
            }
        </div>
    }
}

/// `summary`: department, year, kind, unit, headline figures, staff, quality.
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

    // What stops the text from being read (parse/not-a-disclosure, parse/too-large…), in the
    // core's words.
    let problems: Vec<Html> = a
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("parse/") && f.severity == Severity::Error)
        .map(|f| html! { <p>{ lang.pick(&f.message_zh, &f.message_en) }</p> })
        .collect();

    html! {
        <section class="summary card" data-testid="summary" aria-labelledby="summary-heading">
            <div class="summary-head">
                <h2 id="summary-heading">{ s.summary_heading }</h2>
                <div class={classes!("quality", format!("verdict-{verdict}"))} data-testid="quality" data-verdict={verdict}>
                    <p class="verdict">
                        <span class="verdict-icon" aria-hidden="true">{ verdict_icon }</span>
                        { verdict_text }
                    </p>
                    { quality_counts(q, lang) }
                </div>
            </div>

            if !problems.is_empty() {
                <div class="problem" role="alert" data-testid="input-problem">
                    <span class="problem-icon" aria-hidden="true">{ "✖" }</span>
                    <div>{ for problems }</div>
                </div>
            }

            <dl class="meta">
                <div class="figure wide">
                    <dt>{ s.department }</dt>
                    <dd data-testid="department">
                        { meta.department.as_ref().map_or("—", |d| d.value.as_str()) }
                    </dd>
                </div>
                if readable {
                    <div class="figure">
                        <dt>{ s.year }</dt>
                        <dd data-testid="year">{ meta.year.as_ref().map_or_else(|| "—".to_owned(), |y| y.value.to_string()) }</dd>
                    </div>
                    <div class="figure">
                        <dt>{ s.kind }</dt>
                        <dd>{ lang.doc_kind(meta.kind) }</dd>
                    </div>
                    <div class="figure">
                        <dt>{ s.unit }</dt>
                        <dd>{ lang.unit(meta.unit) }</dd>
                    </div>
                }
            </dl>

            if readable {
                <dl class="figures">
                    { figure(s.income_total, "income-total", sum.income_total.as_ref(), lang) }
                    { figure(s.expense_total, "expense-total", sum.expense_total.as_ref(), lang) }
                    { figure(s.basic, "basic", sum.basic.as_ref(), lang) }
                    { figure(s.project, "project", sum.project.as_ref(), lang) }
                    { figure(s.personnel, "personnel", sum.personnel.as_ref(), lang) }
                    { figure(s.public, "public", sum.public.as_ref(), lang) }
                    { figure(s.three_public, "three-public", sum.three_public.as_ref(), lang) }
                    { figure(s.running_cost, "running-cost", sum.running_cost.as_ref(), lang) }
                    { figure(s.procurement, "procurement", sum.procurement.as_ref(), lang) }
                    { figure(s.carryover, "carryover", sum.carryover.as_ref(), lang) }
                    { figure(s.general_budget, "general-budget", sum.general_budget.as_ref(), lang) }
                    { staff(s.establishment, sum.establishment, lang) }
                    { staff(s.staff_actual, sum.staff_actual, lang) }
                    { staff(s.staff_in_service, sum.staff_in_service, lang) }
                </dl>

                <details class="checklist">
                    <summary>
                        { s.checklist }
                        { " · " }
                        { lang.completeness(q.complete, q.required) }
                    </summary>
                    <ul>
                        { for a.completeness.items.iter().map(|item| html! {
                            <li class={if item.present { "present" } else { "absent" }}>
                                <span class="mark">
                                    <span aria-hidden="true">{ if item.present { "✓ " } else { "✗ " } }</span>
                                    { if item.present { s.present } else { s.missing } }
                                </span>
                                <span class="item-title">
                                    { lang.pick(&item.title_zh, &item.title_en) }
                                    if !item.required { { s.optional } }
                                </span>
                                if let Some(l) = item.line {
                                    <span class="where">{ lang.line_n(l) }</span>
                                }
                            </li>
                        }) }
                    </ul>
                </details>
            }
        </section>
    }
}
