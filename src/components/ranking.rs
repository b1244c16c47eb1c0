//! The ranking under the compare table: the workspace's documents ranked by one metric the
//! comparison has (a select), as the documents state it or per person of a count the user
//! entered in the workspace. The core ranks and divides ([`disclosure::analyze::ranking`]);
//! this only shows its result. Documents without the metric, or without a count, are listed
//! apart, never ranked as zero.

use disclosure::analyze::compare::Comparison;
use disclosure::analyze::metrics::MetricGroup;
use disclosure::analyze::ranking::{divisible, rank, Basis, Mode, RankError};
use disclosure::Decimal;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::format;
use crate::i18n::Lang;
use crate::state::{Action, CompareUi, Dispatch};
use crate::workspace::Doc;

/// The metric ranked when none is chosen.
pub const DEFAULT_METRIC: &str = "expense_total";

/// A mode's `value` in the select: "stated", or the basis's slug.
fn mode_value(m: Mode) -> &'static str {
    match m {
        Mode::AsStated => "stated",
        Mode::PerPerson(b) => b.slug(),
    }
}

/// The ranking (`data-testid="ranking"`) of the comparison's columns, whose documents are
/// `docs` (for the counts entered), by `ui`'s metric and mode; `heads` are the columns'
/// headings. (A function, not a component: the compare view redraws it with itself.)
pub fn ranking(
    c: &Comparison,
    docs: &[Doc],
    ui: &CompareUi,
    heads: &[String],
    dispatch: &Dispatch,
    lang: Lang,
) -> Html {
    let s = lang.s();
    let metric = ui
        .rank_metric
        .as_deref()
        .filter(|m| c.rows.iter().any(|r| r.metric == *m))
        .or_else(|| {
            c.rows
                .iter()
                .find(|r| r.metric == DEFAULT_METRIC)
                .or(c.rows.first())
                .map(|r| r.metric.as_str())
        })
        .unwrap_or(DEFAULT_METRIC)
        .to_owned();
    let pick_metric = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            dispatch.dispatch(Action::RankBy(select.value()));
        })
    };
    let dispatch = dispatch.clone();
    let pick_mode = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let mode = Basis::of_slug(&select.value()).map_or(Mode::AsStated, Mode::PerPerson);
        dispatch.dispatch(Action::RankMode(mode));
    });
    // The metrics, grouped as the table groups them.
    let mut groups: Vec<(MetricGroup, Vec<Html>)> = Vec::new();
    for r in &c.rows {
        let label = lang.pick(&r.label_zh, &r.label_en);
        let unit = lang.pick(r.unit.label_zh(), r.unit.label_en());
        let option = html! {
            <option value={r.metric.clone()} selected={r.metric == metric}>
                { format!("{label} ({unit})") }
            </option>
        };
        match groups.last_mut() {
            Some((g, options)) if *g == r.group => options.push(option),
            _ => groups.push((r.group, vec![option])),
        }
    }
    let entered: Vec<_> = docs.iter().map(|d| d.people).collect();
    let heading = |col: usize| heads.get(col).cloned().unwrap_or_default();
    let apart = |testid: &'static str, title: &str, desc: &str, cols: &[usize]| {
        html! {
            <section class="rank-apart" data-testid={testid}>
                <h4>{ title }</h4>
                <p class="note">{ desc }</p>
                <ul>
                    { for cols.iter().map(|&col| html! {
                        <li data-testid="rank-apart-item" data-column={col.to_string()}>{ heading(col) }</li>
                    }) }
                </ul>
            </section>
        }
    };
    let body = match rank(c, &metric, ui.rank_mode, &entered) {
        Err(RankError::NotAnAmount) => html! {
            <p class="notice notice-error" role="alert" data-testid="rank-not-amount">{ s.rank_not_amount }</p>
        },
        Err(RankError::NoSuchMetric) => html! {},
        Ok(r) => {
            let unit = lang.pick(r.unit.label_zh(), r.unit.label_en());
            let row_unit = c
                .rows
                .iter()
                .find(|row| row.metric == metric)
                .map(|row| row.unit);
            html! {
                <>
                    if c.columns.len() == 1 {
                        <p class="note" role="note" data-testid="rank-one">{ s.rank_one }</p>
                    }
                    if !r.places.is_empty() {
                        <ol class="rank-list" data-testid="rank-list">
                            { for r.places.iter().map(|p| html! {
                                <li class="rank-item" data-testid="rank-item" data-column={p.column.to_string()}
                                    data-place={p.place.to_string()}>
                                    <span class="rank-place">{ p.place }</span>
                                    <span class="rank-name">{ heading(p.column) }</span>
                                    <span class="rank-value" data-testid="rank-value">
                                        { format::metric(p.value, r.unit) }
                                        <span class="unit">{ format!(" {unit}") }</span>
                                    </span>
                                    if let (Some(n), Some(row_unit)) = (p.count, row_unit) {
                                        <span class="rank-per" data-testid="rank-per">
                                            { format!("{} ÷ {} {}", format::metric(p.stated, row_unit),
                                                format::count(Decimal::from(n)), lang.pick("人", "people")) }
                                            <span class="entered-mark">{ s.entered }</span>
                                        </span>
                                    }
                                </li>
                            }) }
                        </ol>
                    }
                    if !r.no_count.is_empty() {
                        { apart("rank-no-count", s.rank_no_count, s.rank_no_count_desc, &r.no_count) }
                    }
                    if !r.not_stated.is_empty() {
                        { apart("rank-not-stated", s.rank_not_stated, s.rank_not_stated_desc, &r.not_stated) }
                    }
                </>
            }
        }
    };
    let divisible_metric = c
        .rows
        .iter()
        .find(|r| r.metric == metric)
        .is_some_and(|r| divisible(r.unit));
    html! {
        <section class="card ranking" data-testid="ranking" aria-labelledby="rank-heading">
            <h3 id="rank-heading">{ s.rank_heading }</h3>
            <div class="rank-controls">
                <label>
                    { s.metric }
                    <select data-testid="rank-metric" onchange={pick_metric}>
                        { for groups.into_iter().map(|(g, options)| html! {
                            <optgroup label={lang.pick(g.label_zh(), g.label_en())}>{ for options }</optgroup>
                        }) }
                    </select>
                </label>
                <label>
                    { s.rank_mode }
                    <select data-testid="rank-mode" onchange={pick_mode}>
                        { for [
                            (Mode::AsStated, s.rank_as_stated),
                            (Mode::PerPerson(Basis::Staff), s.rank_per_staff),
                            (Mode::PerPerson(Basis::Population), s.rank_per_resident),
                        ].into_iter().map(|(m, label)| html! {
                            <option value={mode_value(m)} selected={m == ui.rank_mode}
                                disabled={m != Mode::AsStated && !divisible_metric && m != ui.rank_mode}>
                                { label }
                            </option>
                        }) }
                    </select>
                </label>
            </div>
            { body }
        </section>
    }
}
