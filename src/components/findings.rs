//! The findings, grouped by severity and filtered by severity and table; selecting one opens
//! the source view beside (or, on a narrow screen, below) the list.

use disclosure::check::{Finding, Severity};
use yew::prelude::*;

use super::source::SourceView;
use super::{severity_badge, severity_icon, use_dispatch, SEVERITIES};
use crate::format;
use crate::i18n::Lang;
use crate::prepared::Prepared;
use crate::state::{Action, Filter, Selection, TableFilter};

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub result: Prepared,
    pub lang: Lang,
    pub filter: Filter,
    pub selection: Option<Selection>,
}

/// A rule's title in the current language: from the rule book, or for the parser's notes and
/// the "not checked" list, a description of what they are.
fn rule_title(id: &str, lang: Lang) -> String {
    let s = lang.s();
    if let Some(rule) = disclosure::check::rule(id) {
        return lang.pick(rule.title_zh, rule.title_en).to_owned();
    }
    if id.starts_with("parse/") {
        return s.parser_note.to_owned();
    }
    if id.starts_with("check/") {
        return s.not_checked.to_owned();
    }
    s.unknown_rule.to_owned()
}

/// The source-view selection for a finding: its lines, and its expected and actual values to
/// mark in them.
pub fn selection_of(index: usize, f: &Finding) -> Selection {
    Selection {
        finding: Some(index),
        lines: f.lines.clone(),
        values: f.expected.iter().chain(f.actual.iter()).copied().collect(),
        window: (0, 0),
    }
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    result: Prepared,
    index: usize,
    lang: Lang,
    selected: bool,
}

/// One `finding`, with `data-severity`, `data-rule` and `data-lines`.
#[component]
fn FindingItem(props: &ItemProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let s = lang.s();
    let Some(f) = props.result.analysis.findings.get(props.index) else {
        return Html::default();
    };
    let select = {
        let selection = selection_of(props.index, f);
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Select(Some(selection.clone())))
        })
    };
    let tables = f
        .tables
        .iter()
        .map(|&t| lang.table_n(t))
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <li
            class={classes!("finding", format!("sev-{}", f.severity.slug()), props.selected.then_some("selected"))}
            data-testid="finding"
            data-severity={f.severity.slug()}
            data-rule={f.rule.clone()}
            data-lines={format::line_list(&f.lines)}
            onclick={select}
        >
            <div class="finding-head">
                { severity_badge(f.severity, lang) }
                <span class="rule">
                    <span class="visually-hidden">{ s.rule }{ " " }</span>
                    <code class="rule-id">{ &f.rule }</code>
                    { " " }
                    <span class="rule-title">{ rule_title(&f.rule, lang) }</span>
                </span>
                if !tables.is_empty() {
                    <span class="finding-tables">{ tables }</span>
                }
            </div>
            <p class="message">{ lang.pick(&f.message_zh, &f.message_en) }</p>
            if f.expected.is_some() || f.actual.is_some() {
                <dl class="expected-actual">
                    if let Some(e) = f.expected {
                        <div><dt>{ s.expected }</dt><dd data-testid="expected">{ format::amount(e) }</dd></div>
                    }
                    if let Some(a) = f.actual {
                        <div><dt>{ s.actual }</dt><dd data-testid="actual">{ format::amount(a) }</dd></div>
                    }
                </dl>
            }
            <div class="finding-foot">
                if !f.lines.is_empty() {
                    <span class="finding-lines">
                        { s.lines }{ " " }{ format::line_ranges(&f.lines) }
                    </span>
                }
                // Its click (mouse or keyboard) bubbles to the item, which selects the finding.
                <button
                    type="button"
                    class="link show-source"
                    aria-pressed={if props.selected { "true" } else { "false" }}
                    aria-label={lang.show_source_of(&f.rule, f.lines.first().copied())}
                >
                    { s.show_source }
                </button>
            </div>
        </li>
    }
}

/// The findings view: filters, the grouped list and the source view.
#[component]
pub fn FindingsView(props: &FindingsProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let s = lang.s();
    let a = &props.result.analysis;
    let q = &a.quality;
    let selected = props.selection.as_ref().and_then(|sel| sel.finding);

    let count = |sev: Severity| match sev {
        Severity::Error => q.errors,
        Severity::Warning => q.warnings,
        Severity::Rounding => q.rounding,
        Severity::Info => q.info,
    };

    // The tables the findings cite, for the table filter.
    let mut cited: Vec<u8> = a
        .findings
        .iter()
        .flat_map(|f| f.tables.iter().copied())
        .collect();
    cited.sort_unstable();
    cited.dedup();
    let any_without_table = a.findings.iter().any(|f| f.tables.is_empty());

    let severity_filters = SEVERITIES.iter().map(|&sev| {
        let shown = !props.filter.hidden.contains(&sev);
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleSeverity(sev)))
        };
        html! {
            <button
                type="button"
                class={classes!("chip", format!("sev-{}", sev.slug()), shown.then_some("on"))}
                aria-pressed={if shown { "true" } else { "false" }}
                data-filter-severity={sev.slug()}
                title={lang.severity_help(sev)}
                {onclick}
            >
                <span class="chip-check" aria-hidden="true">{ if shown { "☑" } else { "☐" } }</span>
                <span class="sev-icon" aria-hidden="true">{ severity_icon(sev) }</span>
                { lang.severity(sev) }
                <span class="chip-count">{ count(sev) }</span>
            </button>
        }
    });

    let on_table = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let filter = match select.value().as_str() {
                "" => TableFilter::All,
                "none" => TableFilter::NoTable,
                v => v.parse().map_or(TableFilter::All, TableFilter::Table),
            };
            dispatch.dispatch(Action::SetTableFilter(filter));
        })
    };
    let table_value = match props.filter.table {
        TableFilter::All => String::new(),
        TableFilter::NoTable => "none".to_owned(),
        TableFilter::Table(n) => n.to_string(),
    };

    let visible = |f: &Finding| {
        !props.filter.hidden.contains(&f.severity) && props.filter.table.admits(&f.tables)
    };
    let groups: Vec<Html> = SEVERITIES
        .iter()
        .filter_map(|&sev| {
            let items: Vec<Html> = a
                .findings
                .iter()
                .enumerate()
                .filter(|(_, f)| f.severity == sev && visible(f))
                .map(|(i, _)| {
                    html! {
                        <FindingItem key={i} result={props.result.clone()} index={i} {lang}
                            selected={selected == Some(i)} />
                    }
                })
                .collect();
            if items.is_empty() {
                return None;
            }
            let n = items.len();
            Some(html! {
                <section class={classes!("finding-group", format!("group-{}", sev.slug()))}
                    data-testid="finding-group" data-group={sev.slug()}>
                    <h3>
                        <span class="sev-icon" aria-hidden="true">{ severity_icon(sev) }</span>
                        { lang.severity(sev) }
                        <span class="group-count">{ n }</span>
                    </h3>
                    <ul class="finding-list">{ for items }</ul>
                </section>
            })
        })
        .collect();

    html! {
        <div class="findings-layout">
            <section class="findings" aria-labelledby="findings-heading">
                <h2 id="findings-heading" class="visually-hidden">{ s.findings_heading }</h2>
                <div class="filters">
                    <div class="filter-group" role="group" aria-label={s.filter_severity}>
                        <span class="filter-label" aria-hidden="true">{ s.filter_severity }</span>
                        { for severity_filters }
                    </div>
                    <label class="filter-group">
                        <span class="filter-label">{ s.filter_table }</span>
                        <select data-testid="table-filter" onchange={on_table}>
                            <option value="" selected={table_value.is_empty()}>{ s.all_tables }</option>
                            { for cited.iter().map(|&t| html! {
                                <option value={t.to_string()} selected={table_value == t.to_string()}>
                                    { lang.table_n(t) }
                                </option>
                            }) }
                            if any_without_table {
                                <option value="none" selected={table_value == "none"}>{ s.no_table }</option>
                            }
                        </select>
                    </label>
                </div>
                if a.findings.is_empty() {
                    <p class="empty">{ s.no_findings }</p>
                } else if groups.is_empty() {
                    <p class="empty">{ s.none_match }</p>
                } else {
                    { for groups }
                }
            </section>
            <SourceView result={props.result.clone()} {lang} selection={props.selection.clone()} />
        </div>
    }
}
