//! The previous year, reconstructed by the core from the narrative's 比上年 claims: subject,
//! section, this year, change, last year and the stated growth.

use yew::prelude::*;

use crate::format;
use crate::i18n::Lang;
use crate::markup::Markup;
use crate::prepared::Prepared;

#[derive(Properties, PartialEq)]
pub struct PreviousProps {
    pub result: Prepared,
    pub lang: Lang,
}

/// The previous-year view (`nav-previous-year`), written as text from templates (see
/// [`crate::markup`]).
#[component]
pub fn PreviousView(props: &PreviousProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    let items = &props.result.analysis.previous_year.items;
    let mut m = Markup::default();
    m.put(
        r#"<section class="previous card" data-testid="previous-view" aria-labelledby="previous-heading"><h2 id="previous-heading">{}</h2><p class="note">{}</p>"#,
        &[s.previous_heading, s.previous_note],
    );
    if items.is_empty() {
        m.put(r#"<p class="empty">{}</p>"#, &[s.no_previous]);
    } else {
        m.put(
            r#"<div class="table-scroll"><table class="previous-table"><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col" class="num">{}</th><th scope="col" class="num">{}</th><th scope="col" class="num">{}</th><th scope="col" class="num">{}</th></tr></thead><tbody>"#,
            &[s.col_item, s.col_section, s.col_current, s.col_change, s.col_prior, s.col_growth],
        );
        for p in items {
            m.put(
                r#"<tr data-testid="previous-row" data-lines="{}"><th scope="row" class="name">{}</th><td class="section" data-label="{}">{}</td><td class="num" data-label="{}">{}<span class="unit"> {}</span></td><td class="num change{}" data-label="{}">{}</td><td class="num prior" data-label="{}">{}</td><td class="num" data-label="{}">{}</td></tr>"#,
                &[
                    &format::line_list(&p.lines),
                    &p.subject,
                    s.col_section,
                    &format::section(p.section),
                    s.col_current,
                    &format::amount(p.current),
                    lang.unit_short(p.unit),
                    if p.change.is_sign_negative() { " down" } else { "" },
                    s.col_change,
                    &format::signed_amount(p.change),
                    s.col_prior,
                    &format::amount(p.prior),
                    s.col_growth,
                    &p.growth.map(format::signed_percent).unwrap_or_else(|| "—".to_owned()),
                ],
            );
        }
        m.put("</tbody></table></div>", &[]);
    }
    m.put("</section>", &[]);
    m.html()
}
