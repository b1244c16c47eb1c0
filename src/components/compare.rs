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
    }
}

/// One value cell, with its highest/lowest mark.
fn cell(m: &mut Markup, row: &Row, col: usize, lang: Lang, derivation: &str) {
    let s = lang.s();
    let Some(v) = row.values[col] else {
        m.put(
            r#"<td class="num not-given" title="{}">—</td>"#,
            &[s.not_given],
        );
        return;
    };
    let value = format::metric(v, row.unit);
    if row.highest == Some(col) {
        m.put(
            r#"<td class="num highest" data-mark="highest" title="{}"><span class="value">{}</span><span class="mark"><span aria-hidden="true">▲</span>{}</span></td>"#,
            &[derivation, &value, s.highest],
        );
    } else if row.lowest == Some(col) {
        m.put(
            r#"<td class="num lowest" data-mark="lowest" title="{}"><span class="value">{}</span><span class="mark"><span aria-hidden="true">▼</span>{}</span></td>"#,
            &[derivation, &value, s.lowest],
        );
    } else {
        m.put(
            r#"<td class="num" title="{}"><span class="value">{}</span></td>"#,
            &[derivation, &value],
        );
    }
}

/// A row's bars for a chart: one per column shown.
fn group(r: &Row, cols: &[usize], heads: &[String], lang: Lang) -> Group {
    Group {
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
    }
}

/// The charts: 功能分类 类 shares grouped by 类, and the figures per person.
fn charts(m: &mut Markup, c: &Comparison, order: &[usize], heads: &[String], lang: Lang) {
    let s = lang.s();
    let cols: Vec<usize> = order.iter().copied().take(CHART_COLUMNS).collect();
    let has_value = |r: &&Row| cols.iter().any(|&i| r.values[i].is_some());
    let functions: Vec<Group> = c
        .rows
        .iter()
        .filter(|r| r.group == MetricGroup::Function && r.parent.is_none())
        .filter(has_value)
        .map(|r| group(r, &cols, heads, lang))
        .collect();
    let per_staff: Vec<Group> = c
        .rows
        .iter()
        .filter(|r| r.unit == MetricUnit::WanPerPerson)
        .filter(has_value)
        .map(|r| group(r, &cols, heads, lang))
        .collect();
    m.put(r#"<div class="compare-charts">"#, &[]);
    if c.columns.len() > CHART_COLUMNS {
        m.put(
            r#"<p class="note">{}</p>"#,
            &[&lang.chart_first(CHART_COLUMNS, c.columns.len())],
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
        if !groups.is_empty() {
            m.put(
                r#"<section class="card chart-card" data-testid="{}"><h3>{}</h3>"#,
                &[id, title],
            );
            grouped_bars(m, title, &groups, scale, lang);
            m.put("</section>", &[]);
        }
    }
    m.put("</div>", &[]);
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
    m.put(
        r#"<div class="table-scroll compare-scroll"><table class="compare-table" data-testid="compare-table"><caption class="visually-hidden">{}</caption><thead><tr><th scope="col" class="metric">{}</th>"#,
        &[s.compare_heading, s.metric],
    );
    for &i in order {
        let col = &c.columns[i];
        m.put(
            r#"<th scope="col" class="doc-col" data-testid="compare-col" data-department="{}" data-label="{}"><span class="col-head">{}</span>"#,
            &[col.department.as_deref().unwrap_or_default(), &col.label, &heads[i]],
        );
        if heads[i] != col.label {
            m.put(r#"<span class="col-label">{}</span>"#, &[&col.label]);
        }
        if col.unit_printed == disclosure::Unit::Yuan {
            m.put(r#"<span class="col-unit">{}</span>"#, &[s.printed_in_yuan]);
        }
        m.put("</th>", &[]);
    }
    m.put("</tr></thead><tbody>", &[]);
    let colspan = (order.len() + 1).to_string();
    let mut group = None;
    for r in c.rows.iter().filter(|r| shown(r, &ui.expanded)) {
        if group != Some(r.group) {
            group = Some(r.group);
            m.put(
                r#"<tr class="group-row"><th scope="colgroup" colspan="{}">{}</th></tr>"#,
                &[&colspan, lang.pick(r.group.label_zh(), r.group.label_en())],
            );
        }
        let derivation = lang.pick(&r.derivation_zh, &r.derivation_en);
        let label = lang.pick(&r.label_zh, &r.label_en);
        let unit = lang.pick(r.unit.label_zh(), r.unit.label_en());
        m.put(
            r#"<tr class="metric-row {}" data-metric="{}"><th scope="row" class="metric" title="{}"><div class="metric-head">"#,
            &[if r.parent.is_some() { "child" } else { "top" }, &r.metric, derivation],
        );
        let is_class = r.group == MetricGroup::Function && r.parent.is_none();
        if is_class && c.rows.iter().any(|k| k.parent.as_ref() == Some(&r.metric)) {
            let open = ui.expanded.contains(&r.metric);
            m.put(
                r#"<button type="button" class="expand link" data-action="expand" data-arg="{}" data-testid="compare-expand" aria-expanded="{}" aria-label="{}">{}</button>"#,
                &[
                    &r.metric,
                    if open { "true" } else { "false" },
                    &lang.expand_label(label, open),
                    if open { "▾" } else { "▸" },
                ],
            );
        }
        m.put(
            r#"<button type="button" class="sort link" data-action="sort" data-arg="{}" data-testid="compare-sort" aria-label="{}">{}</button><span class="unit"> ({})</span>"#,
            &[&r.metric, &lang.sort_label(label), label, unit],
        );
        if let Some((_, asc)) = ui.sort.as_ref().filter(|(m, _)| *m == r.metric) {
            m.put(
                r#"<span class="sort-mark"><span aria-hidden="true"> {}</span><span class="visually-hidden">{}</span></span>"#,
                &[if *asc { "↑" } else { "↓" }, &lang.sorted_by(label, *asc)],
            );
        }
        m.put("</div>", &[]);
        if ui.derivations {
            m.put(
                r#"<div class="derivation" data-testid="derivation">{}</div>"#,
                &[derivation],
            );
        }
        m.put("</th>", &[]);
        for &i in order {
            cell(m, r, i, lang, derivation);
        }
        m.put("</tr>", &[]);
    }
    m.put("</tbody></table></div>", &[]);
}

/// The compare view (`nav-compare`): written as text ([`Markup`]) with one click listener for
/// all its buttons (`data-action`), which keeps the page within its size budget.
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

    let mut m = Markup::default();
    m.put(
        r#"<div class="compare" data-testid="compare-view"><div class="view-head"><h2>{}</h2><div class="view-actions"><button type="button" class="secondary" aria-pressed="{}" data-testid="compare-derivations" data-action="derivations"><span aria-hidden="true">ⓘ </span>{}</button><button type="button" class="secondary" data-testid="export-compare-csv" data-action="csv">{}</button><button type="button" class="secondary" data-action="print">{}</button></div></div>"#,
        &[
            s.compare_heading,
            if ui.derivations { "true" } else { "false" },
            s.show_derivations,
            s.export_csv,
            s.print_report,
        ],
    );
    if !c.notes.is_empty() {
        m.put(
            r#"<ul class="compare-notes" data-testid="compare-notes">"#,
            &[],
        );
        for n in &c.notes {
            m.put(
                r#"<li class="note-item" data-kind="{}"><span class="note-icon" aria-hidden="true">ℹ </span>{}</li>"#,
                &[note_kind(n.kind), lang.pick(&n.message_zh, &n.message_en)],
            );
        }
        m.put("</ul>", &[]);
    }
    m.put(r#"<p class="legend">{}"#, &[s.compare_legend]);
    if let Some((metric, asc)) = &ui.sort {
        m.put(
            r#" <span data-testid="sorted-by">{}</span>"#,
            &[&lang.sorted_by(&label_of(metric), *asc)],
        );
    }
    m.put("</p>", &[]);
    if !nested.is_empty() {
        m.put(
            r#"<p class="nested-warning" role="status" data-testid="nested-warning"><span aria-hidden="true">▲ </span>{}</p>"#,
            &[&lang.nested_warning(&nested)],
        );
    }
    table(&mut m, c, ui, &order, &heads, lang);
    charts(&mut m, c, &order, &heads, lang);
    m.put("</div>", &[]);

    let on_click = {
        let dispatch = dispatch.clone();
        let c = c.clone();
        Callback::from(move |e: MouseEvent| {
            let Some((action, arg)) = action_of(&e) else {
                return;
            };
            match action.as_str() {
                "sort" => dispatch.dispatch(Action::CompareSort(arg.clone())),
                "expand" => dispatch.dispatch(Action::CompareExpand(arg.clone())),
                "derivations" => dispatch.dispatch(Action::CompareDerivations),
                "print" => crate::storage::print(),
                "csv" => {
                    let _ = crate::storage::download(
                        "budget-lens-compare.csv",
                        "text/csv;charset=utf-8",
                        &to_csv(&c, core_lang(lang)),
                    );
                }
                _ => return,
            }
            refocus(action, arg);
        })
    };
    html! { <div onclick={on_click}>{ m.html() }</div> }
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
