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
    m.open(
        "section",
        &[
            ("class", Some("time-series card")),
            ("data-testid", Some("time-series")),
            ("data-department", Some(&series.department)),
        ],
    )
    .el("h3", &[], &series.department);
    if c.columns.len() < 2 {
        m.el("p", &[("class", Some("note"))], s.time_single);
    }
    for n in &c.notes {
        m.el(
            "p",
            &[("class", Some("note-item"))],
            lang.pick(&n.message_zh, &n.message_en),
        );
    }
    m.open("div", &[("class", Some("table-scroll"))])
        .open(
            "table",
            &[
                ("class", Some("compare-table time-table")),
                ("data-testid", Some("time-table")),
            ],
        )
        .el(
            "caption",
            &[("class", Some("visually-hidden"))],
            &format!("{} · {}", series.department, s.time_heading),
        )
        .open("thead", &[])
        .open("tr", &[])
        .el(
            "th",
            &[("scope", Some("col")), ("class", Some("metric"))],
            s.metric,
        );
    for h in &heads {
        m.el(
            "th",
            &[
                ("scope", Some("col")),
                ("class", Some("doc-col")),
                ("data-testid", Some("time-col")),
            ],
            h,
        );
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for r in METRICS.iter().filter_map(find) {
        let derivation = lang.pick(&r.derivation_zh, &r.derivation_en);
        m.open("tr", &[("data-metric", Some(&r.metric))])
            .open(
                "th",
                &[
                    ("scope", Some("row")),
                    ("class", Some("metric")),
                    ("title", Some(derivation)),
                ],
            )
            .text(lang.pick(&r.label_zh, &r.label_en))
            .el(
                "span",
                &[("class", Some("unit"))],
                &format!(" ({})", lang.pick(r.unit.label_zh(), r.unit.label_en())),
            )
            .close("th");
        for i in 0..c.columns.len() {
            m.el(
                "td",
                &[("class", Some("num")), ("title", Some(derivation))],
                &value_text(r, i),
            );
        }
        m.close("tr");
    }
    m.close("tbody").close("table").close("div");
    if !groups.is_empty() {
        m.open("div", &[("class", Some("chart-card"))]);
        grouped_bars(
            m,
            &format!("{} · {}", series.department, s.time_heading),
            &groups,
            Scale::GroupLargest,
            lang,
        );
        m.close("div");
    }
    m.close("section");
}

/// The time view (`nav-time`), written as text like the compare table (see
/// [`crate::markup`]).
pub fn time_view(series: &Rc<Vec<Series>>, lang: Lang) -> Html {
    let s = lang.s();
    let mut m = Markup::default();
    m.open(
        "div",
        &[("class", Some("time")), ("data-testid", Some("time-view"))],
    )
    .open("div", &[("class", Some("view-head"))])
    .el("h2", &[], s.time_heading)
    .close("div")
    .el("p", &[("class", Some("legend"))], s.time_legend);
    if series.is_empty() {
        m.el("p", &[("class", Some("empty card"))], s.time_empty);
    }
    for x in series.iter() {
        department(&mut m, x, lang);
    }
    m.close("div");
    m.html()
}
