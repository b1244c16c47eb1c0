//! The parsed tables, as HTML tables with the template's column titles. Where a finding cites a
//! cell's line and gives the value the other figures imply, that value is shown beside the
//! printed one.

use disclosure::{Block, Cell, RowKind, Side, Table};
use yew::prelude::*;

use crate::format;
use crate::i18n::Lang;
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

/// One printed cell, with the value the other figures imply beside it when a finding gives one.
fn cell(result: &Prepared, cell: &Option<Cell>, lang: Lang) -> Html {
    let Some(c) = cell else {
        return html! { <td class="num empty-cell"></td> };
    };
    let printed = html! { <span class="printed">{ format::amount(c.value) }</span> };
    let Some(r) = result.recomputed.get(&(c.line, c.value)) else {
        return html! { <td class="num">{ printed }</td> };
    };
    let expected = format::amount(r.expected);
    html! {
        <td class="num differs">
            { printed }{ " " }
            <span class={classes!("recomputed", format!("sev-{}", r.severity.slug()))} data-testid="recomputed"
                title={lang.recomputed(&expected, &r.rule)}>
                <span aria-hidden="true">{ "≠ " }</span>
                <span class="visually-hidden">{ lang.s().expected }{ ": " }</span>
                { expected }
            </span>
        </td>
    }
}

/// One block (a table, or one half of a two-sided table).
fn block(result: &Prepared, t: &Table, b: &Block, lang: Lang) -> Html {
    let s = lang.s();
    let projects = b.rows.iter().any(|r| r.project.is_some());
    let codes = b.rows.iter().any(|r| r.code.is_some());
    let side = match b.side {
        Side::Whole => None,
        Side::Income => Some(s.side_income),
        Side::Expense => Some(s.side_expense),
    };
    html! {
        <div class="table-scroll">
            <table class="doc-table">
                <caption class={side.is_none().then_some("visually-hidden")}>
                    { side.unwrap_or_default() }
                    <span class="visually-hidden">{ " " }{ lang.table_n(t.number) }{ " " }{ &t.title }</span>
                </caption>
                <thead><tr>
                    if codes { <th scope="col" class="code">{ s.col_code }</th> }
                    <th scope="col">{ s.col_subject }</th>
                    if projects { <th scope="col">{ s.col_project }</th> }
                    { for b.columns.iter().map(|&c| html! { <th scope="col" class="num">{ lang.column(c) }</th> }) }
                </tr></thead>
                <tbody>
                    { for b.rows.iter().map(|r| html! {
                        <tr class={row_class(r.kind)} data-line={r.line().to_string()}>
                            if codes {
                                <td class="code">{ r.code.as_ref().map(|c| c.spaced()).unwrap_or_default() }</td>
                            }
                            <th scope="row" class="name">{ &r.name }</th>
                            if projects {
                                <td class="project">{ r.project.as_deref().unwrap_or_default() }</td>
                            }
                            { for r.cells.iter().map(|c| cell(result, c, lang)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct TableProps {
    result: Prepared,
    /// The table's index in the document.
    index: usize,
    lang: Lang,
}

/// One parsed table: heading, CSV download, where it was read, its blocks.
#[component]
fn ParsedTable(props: &TableProps) -> Html {
    let TableProps {
        result,
        index,
        lang,
    } = props;
    let (index, lang) = (*index, *lang);
    let s = lang.s();
    let t = &result.analysis.document.tables[index];
    let download = {
        let analysis = result.analysis.clone();
        Callback::from(move |_: MouseEvent| {
            crate::later::act(
                lang,
                crate::later::download_csv(analysis.clone(), index, lang),
            );
        })
    };
    let id = format!("table-{index}");
    html! {
        <section class="doc-table-section card" id={id.clone()} data-testid="parsed-table"
            data-table={t.number.to_string()} aria-labelledby={format!("{id}-h")}>
            <div class="table-head">
                <h3 id={format!("{id}-h")}>{ lang.table_n(t.number) }{ " " }{ &t.title }</h3>
                if t.row_count() > 0 {
                    <button type="button" class="secondary small" data-testid="export-table-csv"
                        aria-label={lang.table_csv_label(t.number)} onclick={download}>
                        { s.export_csv }
                    </button>
                }
            </div>
            <p class="table-meta">
                { lang.table_meta(t.unit, t.department.as_ref().map(|d| d.value.as_str()), t.span.0, t.span.1) }
            </p>
            if t.row_count() == 0 {
                <p class="empty">
                    { s.empty_table }
                    if let Some(e) = &t.empty_statement { { " " }<q>{ &e.value }</q> }
                </p>
            }
            { for t.blocks.iter().filter(|b| !b.rows.is_empty()).map(|b| block(result, t, b, lang)) }
        </section>
    }
}

/// The tables view (`nav-tables`).
#[component]
pub fn TablesView(props: &TablesProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    let doc = &props.result.analysis.document;
    if doc.tables.is_empty() {
        return html! { <p class="empty card" data-testid="tables-view">{ s.no_tables }</p> };
    }
    let export_json = {
        let analysis = props.result.analysis.clone();
        Callback::from(move |_: MouseEvent| {
            crate::later::act(lang, crate::later::download_json(analysis.clone()));
        })
    };
    html! {
        <div class="tables" data-testid="tables-view">
            <h2 class="visually-hidden">{ s.tables_heading }</h2>
            <nav class="toc card" aria-label={s.tables_heading}>
                <ol>
                    { for doc.tables.iter().enumerate().map(|(i, t)| html! {
                        <li><a href={format!("#table-{i}")}>{ lang.table_n(t.number) }{ " " }{ &t.title }</a></li>
                    }) }
                </ol>
                <button type="button" class="secondary small" data-testid="export-json" onclick={export_json}>
                    { s.export_json }
                </button>
                if !props.result.recomputed.is_empty() {
                    <p class="legend"><span class="recomputed">{ "≠" }</span>{ " " }{ s.recomputed_legend }</p>
                }
            </nav>
            { for (0..doc.tables.len()).map(|index| html! {
                <ParsedTable key={index} result={props.result.clone()} {index} {lang} />
            }) }
        </div>
    }
}
