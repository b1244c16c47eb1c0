//! The previous year, reconstructed by the core from the narrative's 比上年 claims: subject,
//! section, this year, change, last year and the stated growth.

use yew::prelude::*;

use crate::format;
use crate::i18n::Lang;
use crate::prepared::Prepared;

#[derive(Properties, PartialEq)]
pub struct PreviousProps {
    pub result: Prepared,
    pub lang: Lang,
}

/// The previous-year view (`nav-previous-year`).
#[component]
pub fn PreviousView(props: &PreviousProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    let items = &props.result.analysis.previous_year.items;
    let doc = &props.result.analysis.document;
    html! {
        <section class="previous card" data-testid="previous-view" aria-labelledby="previous-heading">
            <h2 id="previous-heading">{ s.previous_heading }</h2>
            <p class="note">{ s.previous_note }</p>
            if items.is_empty() {
                <p class="empty">{ s.no_previous }</p>
            } else {
                <div class="table-scroll">
                    <table class="previous-table">
                        <thead><tr>
                            <th scope="col">{ s.col_item }</th>
                            <th scope="col">{ s.col_section }</th>
                            <th scope="col" class="num">{ s.col_current }</th>
                            <th scope="col" class="num">{ s.col_change }</th>
                            <th scope="col" class="num">{ s.col_prior }</th>
                            <th scope="col" class="num">{ s.col_growth }</th>
                        </tr></thead>
                        <tbody>
                            { for items.iter().map(|p| html! {
                                <tr data-testid="previous-row" data-lines={format::line_list(&p.lines)}>
                                    <th scope="row" class="name">{ &p.subject }</th>
                                    <td class="section" data-label={s.col_section}>{ disclosure::format::section_in(doc, p.section).0 }</td>
                                    <td class="num" data-label={s.col_current}>
                                        { format::amount(p.current) }
                                        <span class="unit">{ " " }{ lang.unit_short(p.unit) }</span>
                                    </td>
                                    <td class={classes!("num", "change", p.change.is_sign_negative().then_some("down"))}
                                        data-label={s.col_change}>
                                        { format::signed_amount(p.change) }
                                    </td>
                                    <td class="num prior" data-label={s.col_prior}>{ format::amount(p.prior) }</td>
                                    <td class="num" data-label={s.col_growth}>
                                        { p.growth.map(format::signed_percent).unwrap_or_else(|| "—".to_owned()) }
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
