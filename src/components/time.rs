//! The time view: the workspace's documents grouped by department, each department's years side
//! by side (oldest first), with the main metrics as a table and as bars. The values are the
//! core's comparison of that department's documents.

use std::rc::Rc;

use disclosure::analyze::compare::{headings, Row};
use yew::Html;

use super::charts::{grouped_bars, Bar, Group, Scale};
use super::compare::core_lang;
use crate::format;
use crate::i18n::Lang;
use crate::markup::Markup;
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
fn department(m: &mut Markup, series: &Series, lang: Lang) {
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
    let find = |id: &&str| c.rows.iter().find(|r| r.metric == *id);
    let groups: Vec<Group> = CHARTED
        .iter()
        .filter_map(find)
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
    m.put(
        r#"<section class="time-series card" data-testid="time-series" data-department="{}"><h3>{}</h3>"#,
        &[&series.department, &series.department],
    );
    if c.columns.len() < 2 {
        m.put(r#"<p class="note">{}</p>"#, &[s.time_single]);
    }
    for n in &c.notes {
        m.put(
            r#"<p class="note-item">{}</p>"#,
            &[lang.pick(&n.message_zh, &n.message_en)],
        );
    }
    m.put(
        r#"<div class="table-scroll"><table class="compare-table time-table" data-testid="time-table"><caption class="visually-hidden">{} · {}</caption><thead><tr><th scope="col" class="metric">{}</th>"#,
        &[&series.department, s.time_heading, s.metric],
    );
    for h in &heads {
        m.put(
            r#"<th scope="col" class="doc-col" data-testid="time-col">{}</th>"#,
            &[h],
        );
    }
    m.put("</tr></thead><tbody>", &[]);
    for r in METRICS.iter().filter_map(find) {
        let derivation = lang.pick(&r.derivation_zh, &r.derivation_en);
        m.put(
            r#"<tr data-metric="{}"><th scope="row" class="metric" title="{}">{}<span class="unit"> ({})</span></th>"#,
            &[
                &r.metric,
                derivation,
                lang.pick(&r.label_zh, &r.label_en),
                lang.pick(r.unit.label_zh(), r.unit.label_en()),
            ],
        );
        for i in 0..c.columns.len() {
            m.put(
                r#"<td class="num" title="{}">{}</td>"#,
                &[derivation, &value_text(r, i)],
            );
        }
        m.put("</tr>", &[]);
    }
    m.put("</tbody></table></div>", &[]);
    if !groups.is_empty() {
        m.put(r#"<div class="chart-card">"#, &[]);
        grouped_bars(
            m,
            &format!("{} · {}", series.department, s.time_heading),
            &groups,
            Scale::GroupLargest,
            lang,
        );
        m.put("</div>", &[]);
    }
    m.put("</section>", &[]);
}

/// The time view (`nav-time`), written as text like the compare table (see
/// [`crate::markup`]).
pub fn time_view(series: &Rc<Vec<Series>>, lang: Lang) -> Html {
    let s = lang.s();
    let mut m = Markup::default();
    m.put(
        r#"<div class="time" data-testid="time-view"><div class="view-head"><h2>{}</h2></div><p class="legend">{}</p>"#,
        &[s.time_heading, s.time_legend],
    );
    if series.is_empty() {
        m.put(r#"<p class="empty card">{}</p>"#, &[s.time_empty]);
    }
    for x in series.iter() {
        department(&mut m, x, lang);
    }
    m.put("</div>", &[]);
    m.html()
}
