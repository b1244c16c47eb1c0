//! The plain-language answer at the top of the results: the total, what the money is mostly
//! for, the change from last year, 三公 and the verdict in words, each figure the core's
//! ([`disclosure::analyze::Answer`]) with a link to the line it was read from. Where the core
//! has no figure it gives the reason, and the answer says it.

use disclosure::analyze::answer::Change;
use disclosure::model::Extent;
use disclosure::{Decimal, LineNo, Unit};
use yew::prelude::*;

use super::findings::selection_of;
use super::glossary::term;
use super::use_dispatch;
use crate::format;
use crate::i18n::{fill, Lang};
use crate::prepared::Prepared;
use crate::state::{Action, Dispatch, Selection, View};

#[derive(Properties, PartialEq)]
pub struct AnswerProps {
    pub result: Prepared,
    pub lang: Lang,
    /// Amounts in 万元 shown in 元.
    #[prop_or_default]
    pub yuan: bool,
}

/// "第 125 行": opens the source view at `lines`, marking `values` (in the findings view, where
/// it lives); for a finding, selects it. (A function, not a component: each component type
/// brings its own copy of yew's mounting code.)
fn line_link(
    dispatch: &Dispatch,
    lines: &[LineNo],
    values: Vec<Decimal>,
    finding: Option<usize>,
    lang: Lang,
) -> Html {
    let Some(&first) = lines.first() else {
        return Html::default();
    };
    let selection = Selection {
        finding,
        lines: lines.to_vec(),
        values,
        window: (0, 0),
    };
    let dispatch = dispatch.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        dispatch.dispatch(Action::SetView(View::Findings));
        dispatch.dispatch(Action::Select(Some(selection.clone())));
    });
    html! {
        <button type="button" class="link line-link" data-lines={format::line_list(lines)} {onclick}>
            { lang.line_n(first) }
        </button>
    }
}

/// An amount with its unit, in 元 when asked.
fn money(v: Decimal, unit: Unit, yuan: bool, lang: Lang) -> Html {
    let (text, shown) = format::money(v, unit, yuan && unit == Unit::Wan);
    let unit = if shown == Unit::Yuan && unit == Unit::Wan {
        html! { lang.plain().yuan }
    } else if shown == Unit::Wan && lang == Lang::En {
        // 万元 explained: 10,000 yuan.
        term("wan", lang.unit_short(shown))
    } else {
        html! { lang.unit_short(shown) }
    };
    html! { <span class="amount"><span class="value">{ text }</span>{ " " }{ unit }</span> }
}

/// "增加 0.00 万元（增长 0.00%），上年为 9.60 万元 第 1609 行".
fn change(d: &Dispatch, c: &Change, yuan: bool, lang: Lang) -> Html {
    let p = lang.plain();
    let change = if c.change.is_zero() {
        html! { { p.same } }
    } else {
        let word = if c.change.is_sign_negative() {
            p.down
        } else {
            p.up
        };
        html! {
            <>
                { word }{ money(c.change.abs(), c.unit, yuan, lang) }
                if let Some(g) = c.growth { { lang.pick("（", " (") }{ format::signed_percent(g) }{ lang.pick("）", ")") } }
            </>
        }
    };
    html! {
        <span class="change" data-change={c.change.to_string()}>
            { change }{ p.last_year }{ money(c.prior, c.unit, yuan, lang) }{ " " }
            { line_link(d, &c.lines, vec![c.change.abs()], None, lang) }
        </span>
    }
}

/// `plain-summary`: the answer in five lines.
#[component]
pub fn PlainSummary(props: &AnswerProps) -> Html {
    let d = &use_dispatch();
    let lang = props.lang;
    let yuan = props.yuan;
    let p = lang.plain();
    let a = &props.result.analysis;
    if a.document.meta.coverage.extent == Extent::NotADisclosure {
        return Html::default();
    }
    let ans = &a.answer;
    let kind = term("budget", lang.doc_kind(a.document.meta.kind));
    let total = match &ans.total {
        Ok(f) => html! {
            <>
                { money(f.value, f.unit, yuan, lang) }{ " " }
                { line_link(d, &f.lines, vec![f.value], None, lang) }
            </>
        },
        Err(g) => html! { <span class="gap">{ lang.gap(*g, p.what_total) }</span> },
    };
    let purposes = match &ans.purposes {
        Ok(items) => html! {
            <>
                { for items.iter().enumerate().map(|(i, it)| html! {
                    <>
                        if i > 0 { { lang.pick("；", "; ") } }
                        <span class="purpose" data-code={it.code.clone()}>
                            <span class="purpose-name">{ &it.name }</span>{ " " }
                            { money(it.amount, it.unit, yuan, lang) }{ p.of_total }
                            <b class="share" data-testid="purpose-share">{ format::percent(it.percent) }</b>{ " " }
                            { line_link(d, &it.lines, vec![it.amount], None, lang) }
                        </span>
                    </>
                }) }
                { fill(p.classes, &[&ans.classes.to_string()]) }
            </>
        },
        Err(g) => html! { <span class="gap">{ lang.gap(*g, p.what_purposes) }</span> },
    };
    let total_change = match (&ans.total, &ans.total_change) {
        (Err(_), _) => None,
        (Ok(_), Ok(c)) => Some(html! { <>{ p.what_total }{ " " }{ change(d, c, yuan, lang) }</> }),
        (Ok(_), Err(_)) => Some(html! {
            <span class="gap">{ fill(p.no_change, &[p.what_total]) }</span>
        }),
    };
    let three_public = match &ans.three_public {
        Ok(f) => html! {
            <>
                { money(f.value, f.unit, yuan, lang) }{ " " }
                { line_link(d, &f.lines, vec![f.value], None, lang) }
                { lang.pick("；", "; ") }
                { match &ans.three_public_change {
                    Ok(c) => change(d, c, yuan, lang),
                    Err(_) => html! { <span class="gap">{ fill(p.no_change, &[p.what_three_public]) }</span> },
                } }
            </>
        },
        Err(g) => html! { <span class="gap">{ lang.gap(*g, p.what_three_public) }</span> },
    };
    let v = &ans.verdict;
    let counts = [
        (p.errors, v.errors, "error"),
        (p.warnings, v.warnings, "warning"),
        (p.rounding, v.rounding, "rounding"),
        (p.notes, v.info, "info"),
    ];
    let count = |(i, (template, n, slug)): (usize, (&'static str, usize, &'static str))| {
        let text = fill(template, &[&n.to_string()]);
        html! {
            <>
                if i > 0 { { lang.pick("，", ", ") } }
                <span class="verdict-count" data-count={slug}>
                    if slug == "rounding" { { term("rounding", text) } } else { { text } }
                </span>
            </>
        }
    };
    let error = v
        .first_error
        .and_then(|i| Some((i, a.findings.get(i)?)))
        .map(|(i, f)| {
            html! {
                <p class="the-error" data-testid="plain-error">
                    <b>{ p.the_error }</b>{ lang.pick(&f.message_zh, &f.message_en) }{ " " }
                    { line_link(d, &f.lines, selection_of(i, f).values, Some(i), lang) }
                </p>
            }
        });
    html! {
        <section class="plain-summary card" data-testid="plain-summary" aria-labelledby="plain-heading">
            <h2 id="plain-heading">{ p.heading }</h2>
            <ul class="answers">
                <li data-answer="total">
                    if lang == Lang::Zh { { kind }{ "的" }{ p.total } } else { { p.total }{ kind }{ ": " } }
                    { total }
                </li>
                <li data-answer="purposes">
                    { lang.pick("钱主要用于（按", "Mostly for (by ") }{ term("functional", lang.pick("功能分类", "functional class")) }
                    { lang.pick("的类）：", "): ") }{ purposes }
                </li>
                if let Some(c) = total_change {
                    <li data-answer="change">{ p.change }{ c }</li>
                }
                <li data-answer="three-public">
                    { term("three-public", lang.pick("“三公”经费", "三公 costs")) }{ lang.pick("：", ": ") }{ three_public }
                </li>
                <li data-answer="verdict">
                    { fill(p.checked, &[&v.rules.to_string()]) }
                    { for counts.into_iter().enumerate().map(count) }
                    { lang.pick("。", ".") }
                    if v.errors == 0 { { " " }{ p.no_error } }
                    { error.unwrap_or_default() }
                </li>
            </ul>
        </section>
    }
}
