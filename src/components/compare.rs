//! The compare view: the workspace's documents as columns, the core's metrics as rows (grouped),
//! the highest and lowest value of each row marked by a sign and a word, columns sorted by any
//! row, 功能分类 类 opened to their 款, every row's derivation as a tooltip and, on request,
//! under its name; the core's notes above, a ranking by any row and two charts below, and the
//! table as CSV.

use std::rc::Rc;

use disclosure::analyze::compare::{headings, nested_selection, to_csv, Comparison, NoteKind, Row};
use disclosure::analyze::metrics::{MetricGroup, MetricUnit};
use yew::prelude::*;

use super::charts::{png_button, Bar, Group, GroupedBars, Scale};
use super::ranking::ranking;
use super::{aria_bool, use_dispatch, Shared};
use crate::format;
use crate::i18n::Lang;
use crate::state::{Action, CompareUi, COLUMN_STEP};

/// Charts show at most this many documents (the table shows all).
pub const CHART_COLUMNS: usize = 8;

/// A table of more columns than this is laid out with fixed column widths (`.wide`): the
/// browser then sizes its columns from the header alone, not from every cell (for a hundred
/// columns, most of the time the table took to show).
const WIDE_COLUMNS: usize = 12;

/// The columns in display order: the workspace's, or sorted by one row's values (documents
/// without a value last, ties in workspace order).
pub fn column_order(c: &Comparison, sort: Option<&(String, bool)>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..c.columns.len()).collect();
    let Some((metric, ascending)) = sort else {
        return order;
    };
    let Some(row) = c.rows.iter().find(|r| r.metric == *metric) else {
        return order;
    };
    // Stable: equal values keep the workspace order.
    disclosure::sort::sort_by(&mut order, |&a, &b| match (row.values[a], row.values[b]) {
        (Some(x), Some(y)) if *ascending => x.cmp(&y),
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    order
}

/// Whether a row is shown: every row but a 功能分类 款 whose 类 is closed.
pub fn shown(row: &Row, expanded: &[String]) -> bool {
    row.group != MetricGroup::Function
        || row
            .parent
            .as_ref()
            .is_none_or(|p| expanded.iter().any(|e| e == p))
}

/// The core's language for its bilingual labels.
pub fn core_lang(lang: Lang) -> disclosure::analyze::compare::Lang {
    match lang {
        Lang::Zh => disclosure::analyze::compare::Lang::Zh,
        Lang::En => disclosure::analyze::compare::Lang::En,
    }
}

/// A note's kind for `data-kind`.
fn note_kind(k: NoteKind) -> &'static str {
    match k {
        NoteKind::Duplicate => "duplicate",
        NoteKind::DifferentYears => "different-years",
        NoteKind::DifferentKinds => "different-kinds",
        NoteKind::UnitsNormalised => "units-normalised",
        NoteKind::Parts => "parts",
        NoteKind::NotADisclosure => "not-a-disclosure",
    }
}

/// A row's unit in the interface language.
fn unit_label(r: &Row, lang: Lang) -> &'static str {
    lang.pick(r.unit.label_zh(), r.unit.label_en())
}

/// One value cell, with its highest/lowest mark; `part`: the column holds part of a disclosure.
/// (Its tooltip, the row's derivation, is the row's: a table of a hundred columns is thousands
/// of cells.)
fn cell(row: &Row, col: usize, part: bool, lang: Lang) -> Html {
    let s = lang.s();
    let Some(v) = row.values[col] else {
        // In a part's column a missing value may only be missing from the part.
        let why = if part { s.not_in_part } else { s.not_given };
        return html! { <td class="num not-given" title={why}>{ "—" }</td> };
    };
    let value = html! { <span class="value">{ format::metric(v, row.unit) }</span> };
    let mark = if row.highest == Some(col) {
        Some(("highest", "▲", s.highest))
    } else if row.lowest == Some(col) {
        Some(("lowest", "▼", s.lowest))
    } else {
        None
    };
    match mark {
        Some((kind, sign, word)) => html! {
            <td class={classes!("num", kind)} data-mark={kind}>
                { value }
                <span class="mark"><span aria-hidden="true">{ sign }</span>{ word }</span>
            </td>
        },
        None => html! { <td class="num">{ value }</td> },
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    comparison: Shared<Comparison>,
    /// The row's index in the comparison.
    row: usize,
    /// The columns in display order.
    order: Rc<Vec<usize>>,
    /// The columns are sorted by this row: ascending or not.
    sorted: Option<bool>,
    /// The row is a 类 with 款 under it: whether they are shown.
    open: Option<bool>,
    derivations: bool,
    lang: Lang,
}

/// One metric: its name (a sort button, and for a 类 an expand button), then one cell per
/// column.
#[component]
fn MetricRow(props: &RowProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let r = &props.comparison.rows[props.row];
    let derivation = AttrValue::from(lang.pick(&r.derivation_zh, &r.derivation_en).to_owned());
    let label = lang.pick(&r.label_zh, &r.label_en);
    let sort = {
        let (dispatch, metric) = (dispatch.clone(), r.metric.clone());
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CompareSort(metric.clone())))
    };
    let expand = props.open.map(|open| {
        let metric = r.metric.clone();
        let onclick =
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CompareExpand(metric.clone())));
        html! {
            <button type="button" class="expand link" data-testid="compare-expand" aria-expanded={aria_bool(open)}
                aria-label={lang.expand_label(label, open)} {onclick}>
                { if open { "▾" } else { "▸" } }
            </button>
        }
    });
    html! {
        <tr class={classes!("metric-row", if r.parent.is_some() { "child" } else { "top" })}
            data-metric={r.metric.clone()} title={derivation.clone()}>
            <th scope="row" class="metric">
                <div class="metric-head">
                    { expand }
                    <button type="button" class="sort link" data-testid="compare-sort"
                        aria-label={lang.sort_label(label)} onclick={sort}>
                        { label }
                    </button>
                    <span class="unit">{ format!(" ({})", unit_label(r, lang)) }</span>
                    if let Some(ascending) = props.sorted {
                        <span class="sort-mark">
                            <span aria-hidden="true">{ if ascending { " ↑" } else { " ↓" } }</span>
                            <span class="visually-hidden">{ lang.sorted_by(label, ascending) }</span>
                        </span>
                    }
                </div>
                if props.derivations {
                    <div class="derivation" data-testid="derivation">{ derivation }</div>
                }
            </th>
            { for props.order.iter().map(|&i| {
                cell(r, i, props.comparison.columns[i].covers.is_some(), lang)
            }) }
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct TableProps {
    comparison: Shared<Comparison>,
    ui: CompareUi,
    order: Rc<Vec<usize>>,
    heads: Rc<Vec<String>>,
    lang: Lang,
}

/// The table: a header of documents, then the rows group by group.
#[component]
fn CompareTable(props: &TableProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    let c = &props.comparison;
    let ui = &props.ui;
    let head = |&i: &usize| {
        let col = &c.columns[i];
        let heading = &props.heads[i];
        html! {
            <th key={i} scope="col" class="doc-col" data-testid="compare-col"
                data-department={col.department.clone().unwrap_or_default()} data-label={col.label.clone()}>
                <span class="col-head">{ heading }</span>
                if *heading != col.label {
                    <span class="col-label">{ &col.label }</span>
                }
                if col.unit_printed == disclosure::Unit::Yuan {
                    <span class="col-unit">{ s.printed_in_yuan }</span>
                }
                if let Some(covers) = &col.covers {
                    <span class="col-part" data-testid="compare-part" title={lang.pick(&covers.0, &covers.1).to_owned()}>
                        { s.part_badge }
                    </span>
                }
            </th>
        }
    };
    let mut rows = Vec::new();
    let mut group = None;
    for (i, r) in c.rows.iter().enumerate() {
        if !shown(r, &ui.expanded) {
            continue;
        }
        if group != Some(r.group) {
            group = Some(r.group);
            rows.push(html! {
                <tr key={format!("group {:?}", r.group)} class="group-row">
                    <th scope="colgroup" colspan={(props.order.len() + 1).to_string()}>
                        { lang.pick(r.group.label_zh(), r.group.label_en()) }
                    </th>
                </tr>
            });
        }
        let is_class = r.group == MetricGroup::Function && r.parent.is_none();
        let open = (is_class && c.rows.iter().any(|k| k.parent.as_ref() == Some(&r.metric)))
            .then(|| ui.expanded.contains(&r.metric));
        let sorted = ui
            .sort
            .as_ref()
            .filter(|(m, _)| *m == r.metric)
            .map(|&(_, ascending)| ascending);
        rows.push(html! {
            <MetricRow key={r.metric.clone()} comparison={c.clone()} row={i} order={props.order.clone()}
                {sorted} {open} derivations={ui.derivations} {lang} />
        });
    }
    html! {
        <div class="table-scroll compare-scroll">
            <table class={classes!("compare-table", (props.order.len() > WIDE_COLUMNS).then_some("wide"))}
                data-testid="compare-table">
                <caption class="visually-hidden">{ s.compare_heading }</caption>
                <thead><tr>
                    <th scope="col" class="metric">{ s.metric }</th>
                    { for props.order.iter().map(head) }
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

/// A row's bars for a chart: one per column shown.
fn group(r: &Row, cols: &[usize], heads: &[String], lang: Lang) -> Group {
    Group {
        label: format!(
            "{} ({})",
            lang.pick(&r.label_zh, &r.label_en),
            unit_label(r, lang)
        ),
        bars: cols
            .iter()
            .map(|&i| Bar {
                label: heads[i].clone(),
                text: r.values[i].map_or_else(|| "—".to_owned(), |v| format::metric(v, r.unit)),
                value: r.values[i],
            })
            .collect(),
    }
}

/// The charts: 功能分类 类 shares grouped by 类, and the figures per person; each can be
/// saved as a PNG.
fn charts(c: &Comparison, order: &[usize], heads: &[String], lang: Lang) -> Html {
    let s = lang.s();
    let cols: Vec<usize> = order.iter().copied().take(CHART_COLUMNS).collect();
    let rows = |keep: &dyn Fn(&Row) -> bool| -> Vec<&Row> {
        c.rows
            .iter()
            .filter(|r| keep(r) && cols.iter().any(|&i| r.values[i].is_some()))
            .collect()
    };
    let functions = rows(&|r| r.group == MetricGroup::Function && r.parent.is_none());
    let per_staff = rows(&|r| r.unit == MetricUnit::WanPerPerson);
    let charts = [
        (
            "chart-functions",
            s.chart_functions,
            functions,
            Scale::Percent,
        ),
        (
            "chart-per-staff",
            s.chart_per_staff,
            per_staff,
            Scale::GroupLargest,
        ),
    ];
    let chart = |(id, title, rows, scale): (&str, &'static str, Vec<&Row>, Scale)| {
        let groups: Vec<Group> = rows.iter().map(|r| group(r, &cols, heads, lang)).collect();
        let caption = crate::png::for_compare(
            c,
            &rows,
            &cols,
            heads,
            (title, id.trim_start_matches("chart-")),
            lang,
        );
        html! {
            <section class="card chart-card png-source" data-testid={id.to_owned()}>
                <h3>{ title }</h3>
                <GroupedBars {title} groups={Rc::new(groups)} {scale} {lang} />
                { png_button(caption, true, lang) }
            </section>
        }
    };
    html! {
        <div class="compare-charts">
            if c.columns.len() > CHART_COLUMNS {
                <p class="note">{ lang.chart_first(CHART_COLUMNS, c.columns.len()) }</p>
            }
            { for charts.into_iter().filter(|(.., r, _)| !r.is_empty()).map(chart) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub comparison: Shared<Comparison>,
    /// The workspace's documents, one per column (their entered counts, for the ranking).
    pub docs: Shared<Vec<crate::workspace::Doc>>,
    pub ui: CompareUi,
    pub lang: Lang,
}

/// The compare view (`nav-compare`).
#[component]
pub fn CompareView(props: &CompareProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let s = lang.s();
    let c = &props.comparison;
    let ui = &props.ui;
    let order = Rc::new(column_order(c, ui.sort.as_ref()));
    let heads = Rc::new(headings(c, core_lang(lang)));
    // The first columns in that order (all of them up to COLUMN_STEP), the rest on request.
    let total = order.len();
    let drawn = ui.columns.max(COLUMN_STEP).min(total);
    let table_order = if drawn < total {
        Rc::new(order[..drawn].to_vec())
    } else {
        order.clone()
    };
    let more = (drawn < total).then(|| {
        let step = (drawn + COLUMN_STEP).min(total);
        let (d1, d2) = (dispatch.clone(), dispatch.clone());
        html! {
            <p class="note compare-more" data-testid="compare-more" role="status">
                { lang.columns_drawn(drawn, total) }{ " " }
                <button type="button" class="secondary" data-testid="compare-more-columns"
                    onclick={Callback::from(move |_: MouseEvent| d1.dispatch(Action::CompareColumns(step)))}>
                    { lang.columns_more(step - drawn) }
                </button>{ " " }
                <button type="button" class="link" data-testid="compare-all-columns"
                    onclick={Callback::from(move |_: MouseEvent| d2.dispatch(Action::CompareColumns(total)))}>
                    { lang.columns_all(total) }
                </button>
            </p>
        }
    });
    let shown_functions: Vec<&str> = c
        .rows
        .iter()
        .filter(|r| r.group == MetricGroup::Function && shown(r, &ui.expanded))
        .map(|r| r.metric.as_str())
        .collect();
    let label_of = |id: &str| {
        c.rows
            .iter()
            .find(|r| r.metric == id)
            .map_or(id.to_owned(), |r| {
                lang.pick(&r.label_zh, &r.label_en).to_owned()
            })
    };
    // The nested pairs grouped by their whole, in order.
    let mut nested: Vec<(String, Vec<String>)> = Vec::new();
    for (part, whole) in nested_selection(c, &shown_functions) {
        let whole = label_of(&whole);
        match nested.iter_mut().find(|(w, _)| *w == whole) {
            Some((_, parts)) => parts.push(label_of(&part)),
            None => nested.push((whole, vec![label_of(&part)])),
        }
    }
    let derivations = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CompareDerivations))
    };
    let csv = {
        let c = c.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = crate::storage::download(
                "budget-lens-compare.csv",
                "text/csv;charset=utf-8",
                &to_csv(&c, core_lang(lang)),
            );
        })
    };
    let print = Callback::from(|_: MouseEvent| crate::storage::print());
    html! {
        <div class="compare" data-testid="compare-view">
            <div class="view-head">
                <h2>{ s.compare_heading }</h2>
                <div class="view-actions">
                    <button type="button" class="secondary" aria-pressed={aria_bool(ui.derivations)}
                        data-testid="compare-derivations" onclick={derivations}>
                        <span aria-hidden="true">{ "ⓘ " }</span>{ s.show_derivations }
                    </button>
                    <button type="button" class="secondary" data-testid="export-compare-csv" onclick={csv}>
                        { s.export_csv }
                    </button>
                    <button type="button" class="secondary" onclick={print}>{ s.print_report }</button>
                </div>
            </div>
            if !c.notes.is_empty() {
                <ul class="compare-notes" data-testid="compare-notes">
                    { for c.notes.iter().map(|n| html! {
                        <li class="note-item" data-kind={note_kind(n.kind)}>
                            <span class="note-icon" aria-hidden="true">{ "ℹ " }</span>
                            { lang.pick(&n.message_zh, &n.message_en) }
                        </li>
                    }) }
                </ul>
            }
            <p class="legend">
                { s.compare_legend }
                if let Some((metric, ascending)) = &ui.sort {
                    { " " }<span data-testid="sorted-by">{ lang.sorted_by(&label_of(metric), *ascending) }</span>
                }
            </p>
            if !nested.is_empty() {
                <p class="nested-warning" role="status" data-testid="nested-warning">
                    <span aria-hidden="true">{ "▲ " }</span>{ lang.nested_warning(&nested) }
                </p>
            }
            { more.clone() }
            <CompareTable comparison={c.clone()} ui={ui.clone()} order={table_order} heads={heads.clone()} {lang} />
            { more }
            { ranking(c, &props.docs, ui, &heads, &dispatch, lang) }
            { charts(c, &order, &heads, lang) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use disclosure::analyze::compare::compare;

    fn sample_and_synthetic() -> Comparison {
        let a = disclosure::analyze(crate::example::EXAMPLE);
        let b = disclosure::analyze(include_str!("../../fixtures/synthetic-sample-renamed.txt"));
        compare(&[("a".into(), &a), ("b".into(), &b)])
    }

    #[test]
    fn columns_sort_by_a_row_either_way() {
        let c = sample_and_synthetic();
        assert_eq!(column_order(&c, None), [0, 1]);
        // 0.05 against 0.06 per person.
        let by = |asc| Some(("per_staff_actual_three_public".to_owned(), asc));
        assert_eq!(column_order(&c, by(false).as_ref()), [1, 0]);
        assert_eq!(column_order(&c, by(true).as_ref()), [0, 1]);
        let missing = Some(("no_such_metric".to_owned(), false));
        assert_eq!(column_order(&c, missing.as_ref()), [0, 1]);
    }

    #[test]
    fn kuan_rows_show_under_an_opened_class() {
        let c = sample_and_synthetic();
        let row = |id: &str| c.rows.iter().find(|r| r.metric == id).unwrap();
        assert!(shown(row("share_func_201"), &[]));
        assert!(!shown(row("share_func_20103"), &[]));
        assert!(shown(row("share_func_20103"), &["share_func_201".into()]));
        assert!(shown(row("three_public_vehicle_operation"), &[]));
    }
}
