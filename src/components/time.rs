//! The time view: the workspace's documents grouped by department, each department's years side
//! by side (oldest first), with the main metrics as a table and as bars. The values are the
//! core's comparison of that department's documents.

use std::rc::Rc;

use disclosure::analyze::compare::Row;
use yew::prelude::*;

use super::charts::{Bar, Group, GroupedBars, Scale};
use super::Shared;
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

#[derive(Properties, PartialEq)]
struct DepartmentProps {
    series: Shared<Vec<Series>>,
    /// Which department of the list.
    index: usize,
    lang: Lang,
}

/// One department: its years as columns, the metrics as rows, and the bars.
#[component]
fn Department(props: &DepartmentProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    let series = &props.series[props.index];
    let c = &series.comparison;
    // Headed by year and kind, never a file name: a second document of one year is numbered.
    let heads: Vec<String> = c
        .columns
        .iter()
        .enumerate()
        .map(|(i, col)| {
            let nth = c.columns[..=i]
                .iter()
                .filter(|o| {
                    o.year == col.year && o.kind == col.kind && o.stated_in == col.stated_in
                })
                .count();
            lang.time_column(col.year, col.kind, col.stated_in, nth)
        })
        .collect();
    let find = |id: &&str| c.rows.iter().find(|r| r.metric == *id);
    let unit = |r: &Row| lang.pick(r.unit.label_zh(), r.unit.label_en());
    let groups: Vec<Group> = CHARTED
        .iter()
        .filter_map(find)
        .filter(|r| r.values.iter().any(Option::is_some))
        .map(|r| Group {
            label: format!("{} ({})", lang.pick(&r.label_zh, &r.label_en), unit(r)),
            bars: (0..c.columns.len())
                .map(|i| Bar {
                    label: heads[i].clone(),
                    text: value_text(r, i),
                    value: r.values[i],
                })
                .collect(),
        })
        .collect();
    let row = |(ri, r): (usize, &Row)| {
        let derivation = lang.pick(&r.derivation_zh, &r.derivation_en);
        let change = |i: usize| {
            let ch = series.changes.get(ri)?.get(i).copied().flatten()?;
            let percent = ch
                .percent
                .map(|p| format!(" · {}", format::signed_percent(p)));
            Some(html! {
                <span class="change" data-testid="time-change" data-stated={ch.stated.to_string()}
                    title={lang.time_change(ch.stated)}>
                    { format::signed_amount(ch.amount) }{ percent }
                </span>
            })
        };
        html! {
            <tr data-metric={r.metric.clone()}>
                <th scope="row" class="metric" title={derivation.to_owned()}>
                    { lang.pick(&r.label_zh, &r.label_en) }
                    <span class="unit">{ format!(" ({})", unit(r)) }</span>
                </th>
                { for (0..c.columns.len()).map(|i| html! {
                    <td class="num" title={derivation.to_owned()}>
                        <span class="value">{ value_text(r, i) }</span>
                        { change(i) }
                    </td>
                }) }
            </tr>
        }
    };
    html! {
        <section class="time-series card" data-testid="time-series" data-department={series.department.clone()}>
            <h3>{ &series.department }</h3>
            if c.columns.len() < 2 {
                <p class="note">{ s.time_single }</p>
            }
            { for c.notes.iter().map(|n| html! {
                <p class="note-item">{ lang.pick(&n.message_zh, &n.message_en) }</p>
            }) }
            <div class="table-scroll">
                <table class="compare-table time-table" data-testid="time-table">
                    <caption class="visually-hidden">{ format!("{} · {}", series.department, s.time_heading) }</caption>
                    <thead><tr>
                        <th scope="col" class="metric">{ s.metric }</th>
                        { for heads.iter().zip(&c.columns).map(|(h, col)| html! {
                            <th scope="col" class={classes!("doc-col", col.stated_in.map(|_| "stated"))}
                                data-testid="time-col" data-stated={col.stated_in.is_some().to_string()}>{ h }</th>
                        }) }
                    </tr></thead>
                    <tbody>
                        { for METRICS.iter().filter_map(|id| c.rows.iter().enumerate().find(|(_, r)| r.metric == *id)).map(row) }
                    </tbody>
                </table>
            </div>
            if !groups.is_empty() {
                <div class="chart-card">
                    <GroupedBars title={format!("{} · {}", series.department, s.time_heading)}
                        groups={Rc::new(groups)} scale={Scale::GroupLargest} {lang} />
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct TimeProps {
    pub series: Shared<Vec<Series>>,
    pub lang: Lang,
}

/// The time view (`nav-time`).
#[component]
pub fn TimeView(props: &TimeProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    html! {
        <div class="time" data-testid="time-view">
            <div class="view-head"><h2>{ s.time_heading }</h2></div>
            <p class="legend">{ s.time_legend }</p>
            if props.series.is_empty() {
                <p class="empty card">{ s.time_empty }</p>
            }
            { for (0..props.series.len()).map(|index| html! {
                <Department key={index} series={props.series.clone()} {index} {lang} />
            }) }
        </div>
    }
}
