//! The findings, grouped by severity and filtered by severity and table; selecting one opens
//! the source view beside (or, on a narrow screen, below) the list.

use disclosure::check::{Finding, Severity};
use yew::prelude::*;

use super::source::SourceView;
use super::{aria_bool, severity_icon, use_dispatch, SEVERITIES};
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
    /// When the text is a PDF's, where its pages begin (for the source view).
    #[prop_or_default]
    pub pages: std::rc::Rc<Vec<u32>>,
    /// When the text is a PDF's read in this session, the PDF reader's handle on it (the source
    /// view draws its pages).
    #[prop_or_default]
    pub pdf_doc: Option<u32>,
}

/// A rule's title in the current language: from the rule book, or for the parser's notes and
/// the "not checked" list, a description of what they are.
fn rule_title(id: &str, lang: Lang) -> &'static str {
    let s = lang.s();
    if let Some(rule) = disclosure::check::rule(id) {
        return lang.pick(rule.title_zh, rule.title_en);
    }
    if id.starts_with("parse/") {
        return s.parser_note;
    }
    if id == "check/unreliable-table" {
        return s.unreliable_table;
    }
    if id.starts_with("check/") {
        return s.not_checked;
    }
    s.unknown_rule
}

/// The source-view selection for a finding: its lines, and its expected, actual and (when
/// converted) other printed values to mark in them.
pub fn selection_of(index: usize, f: &Finding) -> Selection {
    Selection {
        finding: Some(index),
        lines: f.lines.clone(),
        values: [f.expected, f.actual, f.printed]
            .into_iter()
            .flatten()
            .collect(),
        window: (0, 0),
    }
}

/// The table filter's choices, in the order of its options: every finding, each table the
/// findings cite, and findings citing no table (when there are any).
pub fn table_choices(findings: &[Finding]) -> Vec<TableFilter> {
    let mut cited: Vec<u8> = findings
        .iter()
        .flat_map(|f| f.tables.iter().copied())
        .collect();
    disclosure::sort::sort(&mut cited);
    cited.dedup();
    let mut choices = vec![TableFilter::All];
    choices.extend(cited.into_iter().map(TableFilter::Table));
    if findings.iter().any(|f| f.tables.is_empty()) {
        choices.push(TableFilter::NoTable);
    }
    choices
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    result: Prepared,
    /// The finding's index in the analysis.
    index: usize,
    selected: bool,
    /// Selects a finding (by its index).
    on_select: Callback<usize>,
    lang: Lang,
}

/// One `finding`, with `data-severity`, `data-rule` and `data-lines`; a click anywhere on it
/// (its "show source" button included, by mouse or keyboard) selects it.
#[component]
fn FindingItem(props: &ItemProps) -> Html {
    let &ItemProps {
        index,
        selected,
        lang,
        ..
    } = props;
    let s = lang.s();
    let f = &props.result.analysis.findings[index];
    let onclick = props.on_select.reform(move |_: MouseEvent| index);
    let sev = f.severity.slug();
    let tables = f
        .tables
        .iter()
        .map(|&t| lang.table_n(t))
        .collect::<Vec<_>>()
        .join(" ");
    let values = [
        (s.expected, "expected", f.expected),
        (s.actual, "actual", f.actual),
    ];
    // A share or a rate with its "%", the expected one to the places the printed one has.
    let shown = |v: disclosure::Decimal| {
        if f.percent {
            disclosure::format::percent_as_printed(v, f.actual.unwrap_or(v))
        } else {
            format::amount(v)
        }
    };
    html! {
        <li class={classes!("finding", format!("sev-{sev}"), selected.then_some("selected"))}
            data-testid="finding" data-severity={sev} data-rule={f.rule.clone()}
            data-lines={format::line_list(&f.lines)} {onclick}>
            <p class="message">
                <span class={classes!("sev-badge", format!("sev-{sev}"))} title={lang.severity_help(f.severity)}>
                    <span class="sev-icon" aria-hidden="true">{ severity_icon(f.severity) }</span>
                    { lang.severity(f.severity) }
                </span>{ " " }
                { lang.pick(&f.message_zh, &f.message_en) }
            </p>
            <div class="finding-head">
                <small class="rule">
                    <span class="visually-hidden">{ s.rule }{ " " }</span>
                    <code class="rule-id">{ &f.rule }</code>{ " " }
                    <span class="rule-title">{ rule_title(&f.rule, lang) }</span>
                </small>
                if !tables.is_empty() {
                    <span class="finding-tables">{ tables }</span>
                }
            </div>
            // A rounding difference is said in its message ("两数相差 0.01，是四舍五入造成的尾差");
            // 应为 / 印出 would read as a mistake.
            if f.severity != Severity::Rounding && (f.expected.is_some() || f.actual.is_some()) {
                <dl class="expected-actual">
                    { for values.into_iter().filter_map(|(dt, testid, v)| Some(html! {
                        <div><dt>{ dt }</dt><dd data-testid={testid}>{ shown(v?) }</dd></div>
                    })) }
                </dl>
            }
            <div class="finding-foot">
                if !f.lines.is_empty() {
                    <span class="finding-lines">{ s.lines }{ " " }{ format::line_ranges(&f.lines) }</span>
                }
                <button type="button" class="link show-source" aria-pressed={aria_bool(selected)}
                    aria-label={lang.show_source_of(&f.rule, f.lines.first().copied())}>
                    { s.show_source }
                </button>
            </div>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct FiltersProps {
    result: Prepared,
    lang: Lang,
    filter: Filter,
}

/// The severity chips and the table filter.
#[component]
fn Filters(props: &FiltersProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let s = lang.s();
    let a = &props.result.analysis;
    let q = &a.quality;
    let choices = table_choices(&a.findings);
    let chip = |(sev, n): (Severity, usize)| {
        let shown = !props.filter.hidden.contains(&sev);
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleSeverity(sev)))
        };
        html! {
            <button type="button" class={classes!("chip", format!("sev-{}", sev.slug()), shown.then_some("on"))}
                aria-pressed={aria_bool(shown)} data-filter-severity={sev.slug()}
                title={lang.severity_help(sev)} {onclick}>
                <span class="chip-check" aria-hidden="true">{ if shown { "☑" } else { "☐" } }</span>
                <span class="sev-icon" aria-hidden="true">{ severity_icon(sev) }</span>
                { lang.severity(sev) }
                <span class="chip-count">{ n }</span>
            </button>
        }
    };
    let onchange = {
        let (dispatch, choices) = (dispatch.clone(), choices.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let choice = usize::try_from(select.selected_index())
                .ok()
                .and_then(|i| choices.get(i));
            if let Some(&filter) = choice {
                dispatch.dispatch(Action::SetTableFilter(filter));
            }
        })
    };
    let label = |choice: TableFilter| match choice {
        TableFilter::All => s.all_tables.to_owned(),
        TableFilter::Table(n) => lang.table_n(n),
        TableFilter::NoTable => s.no_table.to_owned(),
    };
    html! {
        <div class="filters">
            <div class="filter-group" role="group" aria-label={s.filter_severity}>
                <span class="filter-label" aria-hidden="true">{ s.filter_severity }</span>
                { for SEVERITIES.into_iter().zip([q.errors, q.warnings, q.rounding, q.info]).map(chip) }
            </div>
            <label class="filter-group">
                <span class="filter-label">{ s.filter_table }</span>
                <select data-testid="table-filter" {onchange}>
                    { for choices.iter().map(|&c| html! {
                        <option value={option_value(c)} selected={c == props.filter.table}>{ label(c) }</option>
                    }) }
                </select>
            </label>
        </div>
    }
}

/// An option's value: what a test or an assistive tool reads (the choice itself is found by
/// the option's position).
fn option_value(choice: TableFilter) -> String {
    match choice {
        TableFilter::All => String::new(),
        TableFilter::Table(n) => n.to_string(),
        TableFilter::NoTable => "none".to_owned(),
    }
}

/// What each severity means, said once in words (it may be folded).
fn severity_legend(lang: Lang) -> Html {
    html! {
        <details class="severity-legend" data-testid="severity-legend" open=true>
            <summary>{ lang.plain().severities }</summary>
            <dl>
                { for SEVERITIES.iter().map(|&sev| html! {
                    <div class={classes!(format!("sev-{}", sev.slug()))} data-legend={sev.slug()}>
                        <dt>
                            <span class="sev-icon" aria-hidden="true">{ severity_icon(sev) }</span>
                            if sev == Severity::Rounding {
                                { super::glossary::term("rounding", lang.severity(sev)) }
                            } else {
                                { lang.severity(sev) }
                            }
                        </dt>
                        <dd>{ lang.severity_help(sev) }</dd>
                    </div>
                }) }
            </dl>
        </details>
    }
}

/// The findings view: filters, the grouped list and the source view.
#[component]
pub fn FindingsView(props: &FindingsProps) -> Html {
    let dispatch = use_dispatch();
    // One callback for every finding, the same until the analysis changes (so a finding's
    // props change only when it is selected or unselected).
    let on_select = use_callback(props.result.clone(), move |index: usize, result| {
        if let Some(f) = result.analysis.findings.get(index) {
            dispatch.dispatch(Action::Select(Some(selection_of(index, f))));
        }
    });
    let lang = props.lang;
    let s = lang.s();
    let a = &props.result.analysis;
    let selected = props.selection.as_ref().and_then(|sel| sel.finding);
    let visible = |f: &Finding| {
        !props.filter.hidden.contains(&f.severity) && props.filter.table.admits(&f.tables)
    };
    let groups: Vec<(Severity, Vec<usize>)> = SEVERITIES
        .iter()
        .map(|&sev| {
            let items = a
                .findings
                .iter()
                .enumerate()
                .filter(|(_, f)| f.severity == sev && visible(f))
                .map(|(i, _)| i)
                .collect();
            (sev, items)
        })
        .filter(|(_, items): &(Severity, Vec<usize>)| !items.is_empty())
        .collect();
    let group = |(sev, items): &(Severity, Vec<usize>)| {
        html! {
            <section class={classes!("finding-group", format!("group-{}", sev.slug()))}
                data-testid="finding-group" data-group={sev.slug()}>
                <h3>
                    <span class="sev-icon" aria-hidden="true">{ severity_icon(*sev) }</span>
                    { lang.severity(*sev) }
                    <span class="group-count">{ items.len() }</span>
                </h3>
                <ul class="finding-list">
                    { for items.iter().map(|&i| html! {
                        <FindingItem key={i} result={props.result.clone()} index={i}
                            selected={selected == Some(i)} on_select={on_select.clone()} {lang} />
                    }) }
                </ul>
            </section>
        }
    };
    html! {
        <div class="findings-layout">
            <section class="findings" aria-labelledby="findings-heading">
                <h2 id="findings-heading" class="visually-hidden">{ s.findings_heading }</h2>
                { severity_legend(lang) }
                <Filters result={props.result.clone()} {lang} filter={props.filter.clone()} />
                { for groups.iter().map(group) }
                if a.findings.is_empty() {
                    <p class="empty">{ s.no_findings }</p>
                } else if groups.is_empty() {
                    <p class="empty">{ s.none_match }</p>
                }
            </section>
            <SourceView result={props.result.clone()} {lang} selection={props.selection.clone()}
                pages={props.pages.clone()} pdf_doc={props.pdf_doc} />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    /// A finding whose expected value was converted into the claim's unit still marks the
    /// table's own printed figure in the source view.
    #[test]
    fn a_selection_marks_expected_actual_and_the_other_printed_value() {
        let d = |s: &str| disclosure::Decimal::from_str(s).unwrap();
        let mut f = disclosure::check::Finding {
            rule: "F5".into(),
            severity: disclosure::check::Severity::Error,
            message_zh: String::new(),
            message_en: String::new(),
            expected: Some(d("87.36")),
            actual: Some(d("887.36")),
            printed: Some(d("873617.00")),
            lines: vec![87, 88, 219],
            tables: vec![5],
            percent: false,
        };
        let s = selection_of(3, &f);
        assert_eq!((s.finding, s.lines.clone()), (Some(3), vec![87, 88, 219]));
        assert_eq!(s.values, [d("87.36"), d("887.36"), d("873617.00")]);
        f.printed = None;
        assert_eq!(selection_of(3, &f).values, [d("87.36"), d("887.36")]);
    }

    #[test]
    fn the_table_filter_offers_every_cited_table_and_no_table() {
        let a = disclosure::analyze(crate::example::EXAMPLE);
        let choices = table_choices(&a.findings);
        assert_eq!(choices[0], TableFilter::All);
        assert!(choices.contains(&TableFilter::Table(6)));
        let tables: Vec<u8> = choices
            .iter()
            .filter_map(|c| match c {
                TableFilter::Table(n) => Some(*n),
                _ => None,
            })
            .collect();
        assert!(
            tables.windows(2).all(|w| w[0] < w[1]),
            "in order, once each"
        );
        assert_eq!(
            choices.last() == Some(&TableFilter::NoTable),
            a.findings.iter().any(|f| f.tables.is_empty())
        );
    }
}
