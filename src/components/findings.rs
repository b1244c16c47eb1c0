//! The findings, grouped by severity and filtered by severity and table; selecting one opens
//! the source view beside (or, on a narrow screen, below) the list.

use disclosure::check::Finding;
use yew::prelude::*;

use super::source::SourceView;
use super::{severity_icon, use_dispatch, SEVERITIES};
use crate::format;
use crate::i18n::Lang;
use crate::markup::{action_of, refocus, refocus_within, Markup};
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
    if id == "check/unreliable-table" {
        return s.unreliable_table.to_owned();
    }
    if id.starts_with("check/") {
        return s.not_checked.to_owned();
    }
    s.unknown_rule.to_owned()
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

/// One `finding`, with `data-severity`, `data-rule` and `data-lines`; a click anywhere on it
/// (its "show source" button included, by mouse or keyboard) selects it (`data-action`).
fn item(m: &mut Markup, f: &Finding, index: usize, selected: bool, lang: Lang) {
    let s = lang.s();
    let i = index.to_string();
    let tables = f
        .tables
        .iter()
        .map(|&t| lang.table_n(t))
        .collect::<Vec<_>>()
        .join(" ");
    m.put(
        r#"<li class="finding sev-{}{}" data-testid="finding" data-severity="{}" data-rule="{}" data-lines="{}" data-action="select" data-arg="{}"><div class="finding-head"><span class="sev-badge sev-{}" title="{}"><span class="sev-icon" aria-hidden="true">{}</span>{}</span><span class="rule"><span class="visually-hidden">{} </span><code class="rule-id">{}</code> <span class="rule-title">{}</span></span>"#,
        &[
            f.severity.slug(),
            if selected { " selected" } else { "" },
            f.severity.slug(),
            &f.rule,
            &format::line_list(&f.lines),
            &i,
            f.severity.slug(),
            lang.severity_help(f.severity),
            severity_icon(f.severity),
            lang.severity(f.severity),
            s.rule,
            &f.rule,
            &rule_title(&f.rule, lang),
        ],
    );
    if !tables.is_empty() {
        m.put(r#"<span class="finding-tables">{}</span>"#, &[&tables]);
    }
    m.put(
        r#"</div><p class="message">{}</p>"#,
        &[lang.pick(&f.message_zh, &f.message_en)],
    );
    if f.expected.is_some() || f.actual.is_some() {
        m.put(r#"<dl class="expected-actual">"#, &[]);
        for (dt, testid, v) in [
            (s.expected, "expected", f.expected),
            (s.actual, "actual", f.actual),
        ] {
            if let Some(v) = v {
                m.put(
                    r#"<div><dt>{}</dt><dd data-testid="{}">{}</dd></div>"#,
                    &[dt, testid, &format::amount(v)],
                );
            }
        }
        m.put("</dl>", &[]);
    }
    m.put(r#"<div class="finding-foot">"#, &[]);
    if !f.lines.is_empty() {
        m.put(
            r#"<span class="finding-lines">{} {}</span>"#,
            &[s.lines, &format::line_ranges(&f.lines)],
        );
    }
    m.put(
        r#"<button type="button" class="link show-source" aria-pressed="{}" aria-label="{}">{}</button></div></li>"#,
        &[
            if selected { "true" } else { "false" },
            &lang.show_source_of(&f.rule, f.lines.first().copied()),
            s.show_source,
        ],
    );
}

/// The findings view: filters, the grouped list (written as text from templates, one listener;
/// see [`crate::markup`]) and the source view.
#[component]
pub fn FindingsView(props: &FindingsProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let s = lang.s();
    let a = &props.result.analysis;
    let q = &a.quality;
    let selected = props.selection.as_ref().and_then(|sel| sel.finding);

    // The tables the findings cite, for the table filter.
    let mut cited: Vec<u8> = a
        .findings
        .iter()
        .flat_map(|f| f.tables.iter().copied())
        .collect();
    disclosure::sort::sort(&mut cited);
    cited.dedup();
    let any_without_table = a.findings.iter().any(|f| f.tables.is_empty());
    let table_value = match props.filter.table {
        TableFilter::All => String::new(),
        TableFilter::NoTable => "none".to_owned(),
        TableFilter::Table(n) => n.to_string(),
    };

    let mut m = Markup::default();
    m.put(
        r#"<section class="findings" aria-labelledby="findings-heading"><h2 id="findings-heading" class="visually-hidden">{}</h2><div class="filters"><div class="filter-group" role="group" aria-label="{}"><span class="filter-label" aria-hidden="true">{}</span>"#,
        &[s.findings_heading, s.filter_severity, s.filter_severity],
    );
    for (&sev, n) in SEVERITIES
        .iter()
        .zip([q.errors, q.warnings, q.rounding, q.info])
    {
        let shown = !props.filter.hidden.contains(&sev);
        m.put(
            r#"<button type="button" class="chip sev-{}{}" aria-pressed="{}" data-filter-severity="{}" data-action="severity" data-arg="{}" title="{}"><span class="chip-check" aria-hidden="true">{}</span><span class="sev-icon" aria-hidden="true">{}</span>{}<span class="chip-count">{}</span></button>"#,
            &[
                sev.slug(),
                if shown { " on" } else { "" },
                if shown { "true" } else { "false" },
                sev.slug(),
                sev.slug(),
                lang.severity_help(sev),
                if shown { "☑" } else { "☐" },
                severity_icon(sev),
                lang.severity(sev),
                &n.to_string(),
            ],
        );
    }
    m.put(
        r#"</div><label class="filter-group"><span class="filter-label">{}</span><select data-testid="table-filter" data-action="table-filter">"#,
        &[s.filter_table],
    );
    option(&mut m, "", table_value.is_empty(), s.all_tables);
    for t in &cited {
        let t = t.to_string();
        let label = lang.table_n(t.parse().unwrap_or_default());
        option(&mut m, &t, table_value == t, &label);
    }
    if any_without_table {
        option(&mut m, "none", table_value == "none", s.no_table);
    }
    m.put("</select></label></div>", &[]);

    let visible = |f: &Finding| {
        !props.filter.hidden.contains(&f.severity) && props.filter.table.admits(&f.tables)
    };
    let mut any = false;
    for &sev in &SEVERITIES {
        let n = a
            .findings
            .iter()
            .filter(|f| f.severity == sev && visible(f))
            .count();
        if n == 0 {
            continue;
        }
        any = true;
        m.put(
            r#"<section class="finding-group group-{}" data-testid="finding-group" data-group="{}"><h3><span class="sev-icon" aria-hidden="true">{}</span>{}<span class="group-count">{}</span></h3><ul class="finding-list">"#,
            &[sev.slug(), sev.slug(), severity_icon(sev), lang.severity(sev), &n.to_string()],
        );
        for (i, f) in a.findings.iter().enumerate() {
            if f.severity == sev && visible(f) {
                item(&mut m, f, i, selected == Some(i), lang);
            }
        }
        m.put("</ul></section>", &[]);
    }
    if a.findings.is_empty() {
        m.put(r#"<p class="empty">{}</p>"#, &[s.no_findings]);
    } else if !any {
        m.put(r#"<p class="empty">{}</p>"#, &[s.none_match]);
    }
    m.put("</section>", &[]);

    let onclick = {
        let dispatch = dispatch.clone();
        let result = props.result.clone();
        Callback::from(move |e: MouseEvent| {
            let Some((action, arg)) = action_of(&e) else {
                return;
            };
            match action.as_str() {
                "select" => {
                    let Some((i, f)) = arg
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| Some((i, result.analysis.findings.get(i)?)))
                    else {
                        return;
                    };
                    dispatch.dispatch(Action::Select(Some(selection_of(i, f))));
                    // Keep the keyboard on the finding's "show source" button.
                    refocus_within(action.clone(), arg.clone(), ".show-source");
                }
                "severity" => {
                    if let Some(&sev) = SEVERITIES.iter().find(|s| s.slug() == arg) {
                        dispatch.dispatch(Action::ToggleSeverity(sev));
                        refocus(action, arg);
                    }
                }
                _ => {}
            }
        })
    };
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if action_of(&e).is_some_and(|(a, _)| a == "table-filter") {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                let filter = match select.value().as_str() {
                    "" => TableFilter::All,
                    "none" => TableFilter::NoTable,
                    v => v.parse().map_or(TableFilter::All, TableFilter::Table),
                };
                dispatch.dispatch(Action::SetTableFilter(filter));
            }
        })
    };

    html! {
        <div class="findings-layout">
            <div {onclick} {onchange}>{ m.html() }</div>
            <SourceView result={props.result.clone()} {lang} selection={props.selection.clone()} />
        </div>
    }
}

/// One `<option>` of a filter.
fn option(m: &mut Markup, value: &str, selected: bool, label: &str) {
    m.put(r#"<option value="{}""#, &[value])
        .flag(selected, "selected")
        .put(">{}</option>", &[label]);
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
        };
        let s = selection_of(3, &f);
        assert_eq!((s.finding, s.lines.clone()), (Some(3), vec![87, 88, 219]));
        assert_eq!(s.values, [d("87.36"), d("887.36"), d("873617.00")]);
        f.printed = None;
        assert_eq!(selection_of(3, &f).values, [d("87.36"), d("887.36")]);
    }
}
