//! The summary: who and what the document is, its headline figures, the quality badge and the
//! completeness checklist.

use disclosure::analyze::Figure;
use disclosure::check::Severity;
use disclosure::model::Extent;
use disclosure::{Decimal, Unit};
use yew::prelude::*;

use super::glossary::term;
use super::{aria_bool, use_dispatch, QualityCounts};
use crate::format;
use crate::i18n::Lang;
use crate::prepared::Prepared;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub result: Prepared,
    pub lang: Lang,
    /// Amounts in 万元 shown in 元 (the English page's toggle).
    #[prop_or_default]
    pub yuan: bool,
}

#[derive(Properties, PartialEq)]
struct FigureProps {
    label: &'static str,
    testid: &'static str,
    figure: Option<Figure>,
    /// Its glossary entry.
    term: &'static str,
    yuan: bool,
    lang: Lang,
}

/// One headline figure: its label, amount and unit, and where it was read.
#[component]
fn FigureItem(props: &FigureProps) -> Html {
    let lang = props.lang;
    let label = term(props.term, props.label);
    let Some(f) = &props.figure else {
        return html! {
            <div class="figure" data-testid={props.testid}>
                <dt>{ label }</dt><dd class="not-given">{ lang.s().not_given }</dd>
            </div>
        };
    };
    let yuan = props.yuan && f.unit == Unit::Wan;
    let (value, unit) = format::money(f.value, f.unit, yuan);
    html! {
        <div class="figure" data-testid={props.testid}>
            <dt>{ label }</dt>
            <dd>
                <span class="amount">
                    <span class="value">{ value }</span>{ " " }
                    <span class="unit">{ if yuan { lang.plain().yuan } else { lang.unit_short(unit) } }</span>
                </span>
                <span class="where">
                    if let Some(t) = f.table { { lang.table_n(t) }{ " · " } }
                    if let Some(&l) = f.lines.first() { { lang.line_n(l) } }
                </span>
            </dd>
        </div>
    }
}

/// A head count.
fn staff(label: &'static str, count: Option<Decimal>, lang: Lang) -> Html {
    let s = lang.s();
    let label = term("staff", label);
    match count {
        Some(c) => html! {
            <div class="figure">
                <dt>{ label }</dt>
                <dd><span class="amount">{ format!("{} {}", format::count(c), s.people).trim_end() }</span></dd>
            </div>
        },
        None => html! {
            <div class="figure"><dt>{ label }</dt><dd class="not-given">{ s.not_given }</dd></div>
        },
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
    let extent = meta.coverage.extent;
    let readable = extent != Extent::NotADisclosure;
    // What the text covers when it is not a whole document, in the core's words.
    let covers = matches!(extent, Extent::Part | Extent::Narrative).then(|| {
        let held: Vec<u8> = a.document.tables.iter().map(|t| t.number).collect();
        let (zh, en) = disclosure::parse::coverage::describe(meta, &held);
        lang.pick(&zh, &en).to_owned()
    });

    let (verdict, verdict_icon, verdict_text) = if !readable {
        ("none", "✖", s.verdict_none)
    } else if q.errors > 0 {
        ("errors", "✖", s.verdict_errors)
    } else if q.warnings > 0 {
        ("warnings", "▲", s.verdict_warnings)
    } else {
        ("clean", "✓", s.verdict_clean)
    };
    // What stops the text from being read (parse/too-large…), and a text that is no disclosure
    // at all (a note about the input, not an error of a document), in the core's words.
    let input_notes: Vec<&disclosure::check::Finding> = a
        .findings
        .iter()
        .filter(|f| {
            f.rule.starts_with("parse/")
                && (f.severity == Severity::Error || f.rule == "parse/not-a-disclosure")
        })
        .collect();
    let blocking = input_notes.iter().any(|f| f.severity == Severity::Error);
    let problems: Vec<&str> = input_notes
        .iter()
        .map(|f| lang.pick(&f.message_zh, &f.message_en))
        .collect();
    // Each with its test id and its glossary entry.
    let figures = [
        (s.income_total, "income-total", "total", &sum.income_total),
        (
            s.expense_total,
            "expense-total",
            "total",
            &sum.expense_total,
        ),
        (s.basic, "basic", "basic", &sum.basic),
        (s.project, "project", "project", &sum.project),
        (s.personnel, "personnel", "personnel", &sum.personnel),
        (s.public, "public", "public", &sum.public),
        (
            s.three_public,
            "three-public",
            "three-public",
            &sum.three_public,
        ),
        (
            s.running_cost,
            "running-cost",
            "running-cost",
            &sum.running_cost,
        ),
        (
            s.procurement,
            "procurement",
            "procurement",
            &sum.procurement,
        ),
        (s.carryover, "carryover", "carryover", &sum.carryover),
        (
            s.general_budget,
            "general-budget",
            "general-budget",
            &sum.general_budget,
        ),
    ];
    let yuan = props.yuan && lang == Lang::En;
    let toggle_yuan = {
        let dispatch = use_dispatch();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetYuan(!yuan)))
    };
    let staff_counts = [
        (s.establishment, sum.establishment),
        (s.staff_actual, sum.staff_actual),
        (s.staff_in_service, sum.staff_in_service),
    ];

    html! {
        <section class="summary card" data-testid="summary" aria-labelledby="summary-heading">
            <div class="summary-head">
                <h2 id="summary-heading">{ s.summary_heading }</h2>
                <div class={classes!("quality", format!("verdict-{verdict}"))} data-testid="quality"
                    data-verdict={verdict}>
                    <p class="verdict">
                        <span class="verdict-icon" aria-hidden="true">{ verdict_icon }</span>{ verdict_text }
                    </p>
                    <QualityCounts quality={q.clone()} {lang} {extent} />
                </div>
            </div>
            if !problems.is_empty() {
                <div class={classes!("problem", (!blocking).then_some("notice"))} role="alert"
                    data-testid="input-problem">
                    <span class="problem-icon" aria-hidden="true">{ if blocking { "✖" } else { "ℹ" } }</span>
                    <div>{ for problems.iter().map(|p| html! { <p>{ *p }</p> }) }</div>
                </div>
            }
            <dl class="meta">
                <div class="figure wide">
                    <dt>{ s.department }</dt>
                    <dd data-testid="department">
                        { meta.department.as_ref().map_or("—", |d| d.value.as_str()) }
                    </dd>
                </div>
                if let Some(covers) = covers {
                    <div class="figure wide">
                        <dt>{ s.covers }</dt>
                        <dd data-testid="coverage" data-extent={extent.slug()}>{ covers }</dd>
                    </div>
                }
                if readable {
                    <div class="figure">
                        <dt>{ s.year }</dt>
                        <dd data-testid="year">
                            { meta.year.as_ref().map_or_else(|| "—".to_owned(), |y| y.value.to_string()) }
                        </dd>
                    </div>
                    <div class="figure"><dt>{ s.kind }</dt><dd>{ lang.doc_kind(meta.kind) }</dd></div>
                    <div class="figure">
                        <dt>{ term("wan", s.unit) }</dt>
                        <dd>
                            { lang.unit(meta.unit) }
                            if lang == Lang::En && meta.unit == Unit::Wan {
                                { " " }
                                <button type="button" class="link yuan-toggle" data-testid="yuan-toggle"
                                    aria-pressed={aria_bool(yuan)} onclick={toggle_yuan}>
                                    { lang.plain().in_yuan }
                                </button>
                            }
                        </dd>
                    </div>
                }
            </dl>
            if readable {
                <dl class="figures">
                    { for figures.into_iter().map(|(label, testid, term, f)| html! {
                        <FigureItem {label} {testid} {term} figure={f.clone()} {yuan} {lang} />
                    }) }
                    { for staff_counts.into_iter().map(|(label, count)| staff(label, count, lang)) }
                </dl>
                if extent == Extent::Whole {
                    <details class="checklist">
                        <summary>{ s.checklist }{ " · " }{ lang.completeness(q.complete, q.required) }</summary>
                        <ul>
                            { for a.completeness.items.iter().map(|item| {
                                let (class, mark, word) = if item.present {
                                    ("present", "✓ ", s.present)
                                } else {
                                    ("absent", "✗ ", s.missing)
                                };
                                html! {
                                    <li {class}>
                                        <span class="mark"><span aria-hidden="true">{ mark }</span>{ word }</span>
                                        <span class="item-title">
                                            { lang.pick(&item.title_zh, &item.title_en) }
                                            if !item.required { { s.optional } }
                                        </span>
                                        if let Some(l) = item.line {
                                            <span class="where">{ lang.line_n(l) }</span>
                                        }
                                    </li>
                                }
                            }) }
                        </ul>
                    </details>
                }
            }
        </section>
    }
}
