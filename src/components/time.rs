//! The time view: the workspace's documents grouped by department, each department's years side
//! by side (oldest first), with the main metrics as a table and as bars. The values are the
//! core's comparison of that department's documents.

use std::rc::Rc;

use disclosure::analyze::compare::{headings, Row};
use yew::prelude::*;

use super::charts::{grouped_bars, Bar, Group, Scale};
use super::compare::core_lang;
use crate::format;
use crate::i18n::Lang;
use crate::workspace::Series;

/// The metrics followed over the years, in order.
pub const METRICS: [&str; 12] = [
    "income_total",
    "expense_total",
    "general_budget",
    "basic",
    "project",
    "personnel",
    "public",
    "three_public",
    "running_cost",
    "staff_actual",
    "per_staff_actual_expense_total",
    "completeness_complete",
];

/// The metrics drawn as bars (amounts in 万元, one chart group each).
pub const CHARTED: [&str; 5] = [
    "income_total",
    "expense_total",
    "basic",
    "project",
    "three_public",
];


fn value_text(r: &Row, i: usize) -> String {
    r.values[i].map_or_else(|| "—".to_owned(), |v| format::metric(v, r.unit))
}

/// One department.
fn department(series: &Series, lang: Lang) -> Html {
    let s = lang.s();
    let c = &series.comparison;
    let heads: Vec<String> = c
        .columns
        .iter()
        .zip(headings(c, core_lang(lang)))
        .map(|(col, h)| match col.year {
            Some(y) if h.ends_with(')') => format!("{y} ({})", col.label),
            Some(y) => format!("{y} {}", lang.doc_kind_short(col.kind)),
            None => col.label.clone(),
        })
        .collect();
    let rows: Vec<&Row> = METRICS
        .iter()
        .filter_map(|id| c.rows.iter().find(|r| r.metric == *id))
        .collect();
    let groups: Vec<Group> = CHARTED
        .iter()
        .filter_map(|id| c.rows.iter().find(|r| r.metric == *id))
        .filter(|r| r.values.iter().any(Option::is_some))
        .map(|r| Group {
            label: format!(
                "{} ({})",
                lang.pick(&r.label_zh, &r.label_en),
                lang.pick(r.unit.label_zh(), r.unit.label_en())
            ),
            bars: (0..c.columns.len())
                .map(|i| Bar {
                    label: heads[i].clone(),
                    text: value_text(r, i),
                    value: r.values[i],
                })
                .collect(),
        })
        .collect();
    html! {
        <section class="time-series card" data-testid="time-series" data-department={series.department.clone()}>
            <h3>{ &series.department }</h3>
            if c.columns.len() < 2 {
                <p class="note">{ s.time_single }</p>
            }
            { for c.notes.iter().map(|n| html! {
                <p class="note-item"><span aria-hidden="true">{ "ℹ " }</span>{ lang.pick(&n.message_zh, &n.message_en) }</p>
            }) }
            <div class="table-scroll">
                <table class="compare-table time-table" data-testid="time-table">
                    <caption class="visually-hidden">{ format!("{} · {}", series.department, s.time_heading) }</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="metric">{ s.metric }</th>
                            { for heads.iter().map(|h| html! { <th scope="col" class="doc-col" data-testid="time-col">{ h }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|r| {
                            let derivation = lang.pick(&r.derivation_zh, &r.derivation_en).to_owned();
                            html! {
                                <tr data-metric={r.metric.clone()}>
                                    <th scope="row" class="metric" title={derivation.clone()}>
                                        { lang.pick(&r.label_zh, &r.label_en) }
                                        <span class="unit">{ format!(" ({})", lang.pick(r.unit.label_zh(), r.unit.label_en())) }</span>
                                    </th>
                                    { for (0..c.columns.len()).map(|i| html! {
                                        <td class="num" title={derivation.clone()}>{ value_text(r, i) }</td>
                                    }) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if !groups.is_empty() {
                <div class="chart-card">
                    { grouped_bars(&format!("{} · {}", series.department, s.time_heading), &groups, Scale::GroupLargest, lang) }
                </div>
            }
        </section>
    }
}

/// The time view (`nav-time`), as a plain function (see [`super::compare::compare_view`]).
pub fn time_view(series: &Rc<Vec<Series>>, lang: Lang) -> Html {
    let s = lang.s();
    html! {
        <div class="time" data-testid="time-view">
            <div class="view-head"><h2>{ s.time_heading }</h2></div>
            <p class="legend">{ s.time_legend }</p>
            if series.is_empty() {
                <p class="empty card">{ s.time_empty }</p>
            }
            { for series.iter().map(|x| department(x, lang)) }
        </div>
    }
}
