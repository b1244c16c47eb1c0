//! The parsed tables, as HTML tables with the template's column titles. Where a finding cites a
//! cell's line and gives the value the other figures imply, that value is shown beside the
//! printed one.

use disclosure::{Block, RowKind, Side, Table};
use yew::prelude::*;

use crate::format;
use crate::i18n::Lang;
use crate::markup::{action_of, Markup};
use crate::prepared::Prepared;

#[derive(Properties, PartialEq)]
pub struct TablesProps {
    pub result: Prepared,
    pub lang: Lang,
}

fn row_class(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Total => "row-total",
        RowKind::Unit => "row-unit",
        RowKind::Class => "row-class",
        RowKind::Kuan => "row-kuan",
        RowKind::Xiang => "row-xiang",
        RowKind::Project => "row-project",
        RowKind::Item => "row-item",
    }
}

/// One block (a table, or one half of a two-sided table).
fn block(m: &mut Markup, result: &Prepared, t: &Table, b: &Block, lang: Lang) {
    let s = lang.s();
    let projects = b.rows.iter().any(|r| r.project.is_some());
    let codes = b.rows.iter().any(|r| r.code.is_some());
    let side = match b.side {
        Side::Whole => None,
        Side::Income => Some(s.side_income),
        Side::Expense => Some(s.side_expense),
    };
    m.put(
        r#"<div class="table-scroll"><table class="doc-table"><caption class="{}">{}<span class="visually-hidden"> {} {}</span></caption><thead><tr>"#,
        &[
            if side.is_none() { "visually-hidden" } else { "" },
            side.unwrap_or_default(),
            &lang.table_n(t.number),
            &t.title,
        ],
    );
    if codes {
        m.put(r#"<th scope="col" class="code">{}</th>"#, &[s.col_code]);
    }
    m.put(r#"<th scope="col">{}</th>"#, &[s.col_subject]);
    if projects {
        m.put(r#"<th scope="col">{}</th>"#, &[s.col_project]);
    }
    for &c in &b.columns {
        m.put(r#"<th scope="col" class="num">{}</th>"#, &[&lang.column(c)]);
    }
    m.put("</tr></thead><tbody>", &[]);
    for r in &b.rows {
        m.put(
            r#"<tr class="{}" data-line="{}">"#,
            &[row_class(r.kind), &r.line().to_string()],
        );
        if codes {
            m.put(
                r#"<td class="code">{}</td>"#,
                &[&r.code.as_ref().map(|c| c.spaced()).unwrap_or_default()],
            );
        }
        m.put(r#"<th scope="row" class="name">{}</th>"#, &[&r.name]);
        if projects {
            m.put(
                r#"<td class="project">{}</td>"#,
                &[r.project.as_deref().unwrap_or_default()],
            );
        }
        for cell in &r.cells {
            let Some(c) = cell else {
                m.put(r#"<td class="num empty-cell"></td>"#, &[]);
                continue;
            };
            let printed = format::amount(c.value);
            match result.recomputed.get(&(c.line, c.value)) {
                None => {
                    m.put(
                        r#"<td class="num"><span class="printed">{}</span></td>"#,
                        &[&printed],
                    );
                }
                Some(r) => {
                    let expected = format::amount(r.expected);
                    m.put(
                        r#"<td class="num differs"><span class="printed">{}</span> <span class="recomputed sev-{}" data-testid="recomputed" title="{}"><span aria-hidden="true">≠ </span><span class="visually-hidden">{}: </span>{}</span></td>"#,
                        &[
                            &printed,
                            r.severity.slug(),
                            &lang.recomputed(&expected, &r.rule),
                            s.expected,
                            &expected,
                        ],
                    );
                }
            }
        }
        m.put("</tr>", &[]);
    }
    m.put("</tbody></table></div>", &[]);
}

/// The tables view (`nav-tables`), written as text from templates (see [`crate::markup`]); its
/// CSV buttons share one listener.
#[component]
pub fn TablesView(props: &TablesProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    let doc = &props.result.analysis.document;
    let mut m = Markup::default();
    if doc.tables.is_empty() {
        m.put(
            r#"<p class="empty card" data-testid="tables-view">{}</p>"#,
            &[s.no_tables],
        );
        return m.html();
    }
    m.put(
        r#"<div class="tables" data-testid="tables-view"><h2 class="visually-hidden">{}</h2><nav class="toc card" aria-label="{}"><ol>"#,
        &[s.tables_heading, s.tables_heading],
    );
    for (i, t) in doc.tables.iter().enumerate() {
        m.put(
            r##"<li><a href="#table-{}">{} {}</a></li>"##,
            &[&i.to_string(), &lang.table_n(t.number), &t.title],
        );
    }
    m.put("</ol>", &[]);
    m.put(
        r#"<button type="button" class="secondary small" data-testid="export-json" data-action="json">{}</button>"#,
        &[s.export_json],
    );
    if !props.result.recomputed.is_empty() {
        m.put(
            r#"<p class="legend"><span class="recomputed">≠</span> {}</p>"#,
            &[s.recomputed_legend],
        );
    }
    m.put("</nav>", &[]);
    for (i, t) in doc.tables.iter().enumerate() {
        let i = i.to_string();
        m.put(
            r#"<section class="doc-table-section card" id="table-{}" data-testid="parsed-table" data-table="{}" aria-labelledby="table-{}-h"><div class="table-head"><h3 id="table-{}-h">{} {}</h3>"#,
            &[&i, &t.number.to_string(), &i, &i, &lang.table_n(t.number), &t.title],
        );
        if t.row_count() > 0 {
            m.put(
                r#"<button type="button" class="secondary small" data-testid="export-table-csv" data-action="csv" data-arg="{}" aria-label="{}">{}</button>"#,
                &[&i, &lang.table_csv_label(t.number), s.export_csv],
            );
        }
        m.put(
            r#"</div><p class="table-meta">{}</p>"#,
            &[&lang.table_meta(
                t.unit,
                t.department.as_ref().map(|d| d.value.as_str()),
                t.span.0,
                t.span.1,
            )],
        );
        if t.row_count() == 0 {
            m.put(r#"<p class="empty">{}"#, &[s.empty_table]);
            if let Some(e) = &t.empty_statement {
                m.put(" <q>{}</q>", &[&e.value]);
            }
            m.put("</p>", &[]);
        }
        for b in t.blocks.iter().filter(|b| !b.rows.is_empty()) {
            block(&mut m, &props.result, t, b, lang);
        }
        m.put("</section>", &[]);
    }
    m.put("</div>", &[]);
    let onclick = {
        let analysis = props.result.analysis.clone();
        Callback::from(move |e: MouseEvent| {
            let Some((action, i)) = action_of(&e) else {
                return;
            };
            if action == "json" {
                if let Some(json) = crate::export::analysis_json(&analysis) {
                    let _ = crate::storage::download(
                        &crate::export::analysis_file_name(&analysis),
                        "application/json;charset=utf-8",
                        &json,
                    );
                }
                return;
            }
            if action != "csv" {
                return;
            }
            if let Some(t) = i
                .parse()
                .ok()
                .and_then(|i: usize| analysis.document.tables.get(i))
            {
                let _ = crate::storage::download(
                    &crate::export::table_file_name(t),
                    "text/csv;charset=utf-8",
                    &crate::export::table_csv(t, lang),
                );
            }
        })
    };
    html! { <div {onclick}>{ m.html() }</div> }
}
