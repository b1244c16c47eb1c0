//! The compare view: the workspace's documents as columns, the core's metrics as rows (grouped),
//! the highest and lowest value of each row marked by a sign and a word, columns sorted by any
//! row, 功能分类 类 opened to their 款, every row's derivation as a tooltip and, on request,
//! under its name; the core's notes above, two charts below, and the table as CSV.

use std::rc::Rc;

use disclosure::analyze::compare::{headings, nested_selection, to_csv, Comparison, NoteKind, Row};
use disclosure::analyze::metrics::{MetricGroup, MetricUnit};
use yew::prelude::*;

use super::charts::{grouped_bars, Bar, Group, Scale};
use crate::format;
use crate::i18n::Lang;
use crate::markup::{action_of, refocus, Markup};
use crate::state::{Action, CompareUi, Dispatch};
use crate::workspace::sort_small;

/// Charts show at most this many documents (the table shows all).
pub const CHART_COLUMNS: usize = 8;

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
    sort_small(&mut order, |&a, &b| match (row.values[a], row.values[b]) {
        (Some(x), Some(y)) if *ascending => x < y,
        (Some(x), Some(y)) => x > y,
        (Some(_), None) => true,
        _ => false,
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
    }
}

/// One value cell, with its highest/lowest mark.
fn cell(m: &mut Markup, row: &Row, col: usize, lang: Lang, derivation: &str) {
    let s = lang.s();
    let Some(v) = row.values[col] else {
        m.el(
            "td",
            &[
                ("class", Some("num not-given")),
                ("title", Some(s.not_given)),
            ],
            "—",
        );
        return;
    };
    let mark = if row.highest == Some(col) {
        Some(("highest", "▲", s.highest))
    } else if row.lowest == Some(col) {
        Some(("lowest", "▼", s.lowest))
    } else {
        None
    };
    let class = mark.map_or("num".to_owned(), |(k, _, _)| format!("num {k}"));
    m.open(
        "td",
        &[
            ("class", Some(&class)),
            ("title", Some(derivation)),
            ("data-mark", mark.map(|k| k.0)),
        ],
    )
    .el(
        "span",
        &[("class", Some("value"))],
        &format::metric(v, row.unit),
    );
    if let Some((_, sign, word)) = mark {
        m.open("span", &[("class", Some("mark"))])
            .el("span", &[("aria-hidden", Some("true"))], sign)
            .text(word)
            .close("span");
    }
    m.close("td");
}

/// The charts: 功能分类 类 shares grouped by 类, and the figures per person.
fn charts(m: &mut Markup, c: &Comparison, order: &[usize], heads: &[String], lang: Lang) {
    let s = lang.s();
    let cols: Vec<usize> = order.iter().copied().take(CHART_COLUMNS).collect();
    let group = |r: &Row| Group {
        label: format!(
            "{} ({})",
            lang.pick(&r.label_zh, &r.label_en),
            lang.pick(r.unit.label_zh(), r.unit.label_en())
        ),
        bars: cols
            .iter()
            .map(|&i| Bar {
                label: heads[i].clone(),
                text: r.values[i].map_or_else(|| "—".to_owned(), |v| format::metric(v, r.unit)),
                value: r.values[i],
            })
            .collect(),
    };
    let has_value = |r: &&Row| cols.iter().any(|&i| r.values[i].is_some());
    let functions: Vec<Group> = c
        .rows
        .iter()
        .filter(|r| r.group == MetricGroup::Function && r.parent.is_none())
        .filter(has_value)
        .map(group)
        .collect();
    let per_staff: Vec<Group> = c
        .rows
        .iter()
        .filter(|r| r.unit == MetricUnit::WanPerPerson)
        .filter(has_value)
        .map(group)
        .collect();
    m.open("div", &[("class", Some("compare-charts"))]);
    if c.columns.len() > CHART_COLUMNS {
        m.el(
            "p",
            &[("class", Some("note"))],
            &lang.chart_first(CHART_COLUMNS, c.columns.len()),
        );
    }
    for (id, title, groups, scale) in [
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
    ] {
        if groups.is_empty() {
            continue;
        }
        m.open(
            "section",
            &[
                ("class", Some("card chart-card")),
                ("data-testid", Some(id)),
            ],
        )
        .el("h3", &[], title);
        grouped_bars(m, title, &groups, scale, lang);
        m.close("section");
    }
    m.close("div");
}

/// The table: a header of documents, then the rows group by group.
fn table(
    m: &mut Markup,
    c: &Comparison,
    ui: &CompareUi,
    order: &[usize],
    heads: &[String],
    lang: Lang,
) {
    let s = lang.s();
    m.open(
        "table",
        &[
            ("class", Some("compare-table")),
            ("data-testid", Some("compare-table")),
        ],
    )
    .el(
        "caption",
        &[("class", Some("visually-hidden"))],
        s.compare_heading,
    )
    .open("thead", &[])
    .open("tr", &[])
    .el(
        "th",
        &[("scope", Some("col")), ("class", Some("metric"))],
        s.metric,
    );
    for &i in order {
        let col = &c.columns[i];
        m.open(
            "th",
            &[
                ("scope", Some("col")),
                ("class", Some("doc-col")),
                ("data-testid", Some("compare-col")),
                (
                    "data-department",
                    Some(col.department.as_deref().unwrap_or_default()),
                ),
                ("data-label", Some(&col.label)),
            ],
        )
        .el("span", &[("class", Some("col-head"))], &heads[i]);
        if heads[i] != col.label {
            m.el("span", &[("class", Some("col-label"))], &col.label);
        }
        if col.unit_printed == disclosure::Unit::Yuan {
            m.el("span", &[("class", Some("col-unit"))], s.printed_in_yuan);
        }
        m.close("th");
    }
    m.close("tr").close("thead").open("tbody", &[]);
    let colspan = (order.len() + 1).to_string();
    let mut group = None;
    for r in c.rows.iter().filter(|r| shown(r, &ui.expanded)) {
        if group != Some(r.group) {
            group = Some(r.group);
            m.open("tr", &[("class", Some("group-row"))])
                .el(
                    "th",
                    &[("scope", Some("colgroup")), ("colspan", Some(&colspan))],
                    lang.pick(r.group.label_zh(), r.group.label_en()),
                )
                .close("tr");
        }
        let derivation = lang.pick(&r.derivation_zh, &r.derivation_en);
        let label = lang.pick(&r.label_zh, &r.label_en);
        let unit = lang.pick(r.unit.label_zh(), r.unit.label_en());
        let sorted = ui
            .sort
            .as_ref()
            .filter(|(m, _)| *m == r.metric)
            .map(|(_, a)| *a);
        let is_class = r.group == MetricGroup::Function && r.parent.is_none();
        let has_children = is_class && c.rows.iter().any(|k| k.parent.as_ref() == Some(&r.metric));
        let open = ui.expanded.contains(&r.metric);
        let row_class = if r.parent.is_some() {
            "metric-row child"
        } else {
            "metric-row"
        };
        m.open(
            "tr",
            &[("class", Some(row_class)), ("data-metric", Some(&r.metric))],
        )
        .open(
            "th",
            &[
                ("scope", Some("row")),
                ("class", Some("metric")),
                ("title", Some(derivation)),
            ],
        )
        .open("div", &[("class", Some("metric-head"))]);
        if has_children {
            m.el(
                "button",
                &[
                    ("type", Some("button")),
                    ("class", Some("expand link")),
                    ("data-action", Some("expand")),
                    ("data-arg", Some(&r.metric)),
                    ("data-testid", Some("compare-expand")),
                    ("aria-expanded", Some(if open { "true" } else { "false" })),
                    ("aria-label", Some(&lang.expand_label(label, open))),
                ],
                if open { "▾" } else { "▸" },
            );
        }
        m.el(
            "button",
            &[
                ("type", Some("button")),
                ("class", Some("sort link")),
                ("data-action", Some("sort")),
                ("data-arg", Some(&r.metric)),
                ("data-testid", Some("compare-sort")),
                ("aria-label", Some(&lang.sort_label(label))),
            ],
            label,
        )
        .el("span", &[("class", Some("unit"))], &format!(" ({unit})"));
        if let Some(asc) = sorted {
            m.open("span", &[("class", Some("sort-mark"))])
                .el(
                    "span",
                    &[("aria-hidden", Some("true"))],
                    if asc { " ↑" } else { " ↓" },
                )
                .el(
                    "span",
                    &[("class", Some("visually-hidden"))],
                    &lang.sorted_by(label, asc),
                )
                .close("span");
        }
        m.close("div");
        if ui.derivations {
            m.el(
                "div",
                &[
                    ("class", Some("derivation")),
                    ("data-testid", Some("derivation")),
                ],
                derivation,
            );
        }
        m.close("th");
        for &i in order {
            cell(m, r, i, lang, derivation);
        }
        m.close("tr");
    }
    m.close("tbody").close("table");
}

/// The compare view (`nav-compare`). A plain function rather than a component, and its table
/// and charts written as text ([`Markup`]): both keep the page within its size budget.
pub fn compare_view(c: &Rc<Comparison>, ui: &CompareUi, lang: Lang, dispatch: &Dispatch) -> Html {
    let s = lang.s();
    let order = column_order(c, ui.sort.as_ref());
    let heads = headings(c, core_lang(lang));
    let shown_functions: Vec<&str> = c
        .rows
        .iter()
        .filter(|r| r.group == MetricGroup::Function && shown(r, &ui.expanded))
        .map(|r| r.metric.as_str())
        .collect();
    let nested = nested_selection(c, &shown_functions);
    let label_of = |id: &str| {
        c.rows
            .iter()
            .find(|r| r.metric == id)
            .map_or(id.to_owned(), |r| {
                lang.pick(&r.label_zh, &r.label_en).to_owned()
            })
    };
    // The pairs grouped by their whole, in order.
    let mut nested_groups: Vec<(String, Vec<String>)> = Vec::new();
    for (part, whole) in &nested {
        let whole = label_of(whole);
        match nested_groups.iter_mut().find(|(w, _)| *w == whole) {
            Some((_, parts)) => parts.push(label_of(part)),
            None => nested_groups.push((whole, vec![label_of(part)])),
        }
    }
    let on_csv = {
        let c = c.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = crate::storage::download(
                "budget-lens-compare.csv",
                "text/csv;charset=utf-8",
                &to_csv(&c, core_lang(lang)),
            );
        })
    };
    let on_derivations = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CompareDerivations))
    };
    // The table's buttons, by their data-action.
    let on_table = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            let Some((action, arg)) = action_of(&e) else {
                return;
            };
            dispatch.dispatch(match action.as_str() {
                "sort" => Action::CompareSort(arg.clone()),
                "expand" => Action::CompareExpand(arg.clone()),
                _ => return,
            });
            refocus(action, arg);
        })
    };
    let on_print = Callback::from(|_: MouseEvent| crate::storage::print());
    let sorted_by = ui
        .sort
        .as_ref()
        .map(|(m, asc)| lang.sorted_by(&label_of(m), *asc));
    let mut t = Markup::default();
    table(&mut t, c, ui, &order, &heads, lang);
    let mut ch = Markup::default();
    charts(&mut ch, c, &order, &heads, lang);

    html! {
        <div class="compare" data-testid="compare-view">
            <div class="view-head">
                <h2>{ s.compare_heading }</h2>
                <div class="view-actions">
                    <button type="button" class="secondary" aria-pressed={ui.derivations.to_string()}
                        data-testid="compare-derivations" onclick={on_derivations}>
                        <span aria-hidden="true">{ "ⓘ " }</span>{ s.show_derivations }
                    </button>
                    <button type="button" class="secondary" data-testid="export-compare-csv" onclick={on_csv}>
                        { s.export_csv }
                    </button>
                    <button type="button" class="secondary" onclick={on_print}>{ s.print_report }</button>
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
                if let Some(text) = sorted_by { { " " }<span data-testid="sorted-by">{ text }</span> }
            </p>
            if !nested.is_empty() {
                <p class="nested-warning" role="status" data-testid="nested-warning">
                    <span aria-hidden="true">{ "▲ " }</span>
                    { lang.nested_warning(&nested_groups) }
                </p>
            }
            <div class="table-scroll compare-scroll" onclick={on_table}>{ t.html() }</div>
            { ch.html() }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use disclosure::analyze::compare::compare;

    fn sample_and_synthetic() -> Comparison {
        let a = disclosure::analyze(crate::state::EXAMPLE);
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
