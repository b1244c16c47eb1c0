//! Shares: what the money is for, as the core computes it. Each set names its denominator and
//! its total; a bar chart (SVG) and an accessible table show the same items, and the chart
//! shows no number the table does not. 功能分类 and 经济分类 drill down level by level.

use disclosure::analyze::shares::ShareSet;
use disclosure::analyze::Share;
use yew::prelude::*;

use super::use_dispatch;
use crate::format;
use crate::i18n::Lang;
use crate::prepared::Prepared;
use crate::state::{Action, Drill, DrillSet};

#[derive(Properties, PartialEq)]
pub struct SharesProps {
    pub result: Prepared,
    pub lang: Lang,
    pub drill: Drill,
}

/// The items at the end of a drill path, with the path's valid part (codes that no longer
/// exist are ignored).
fn level<'a>(items: &'a [Share], path: &[String]) -> (&'a [Share], Vec<&'a Share>) {
    let mut current = items;
    let mut trail = Vec::new();
    for code in path {
        match current
            .iter()
            .find(|s| s.code.as_deref() == Some(code.as_str()) && !s.children.is_empty())
        {
            Some(s) => {
                trail.push(s);
                current = &s.children;
            }
            None => break,
        }
    }
    (current, trail)
}

/// A name shortened for a chart label (the table beside it has it whole).
fn short(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_owned()
    } else {
        let mut s: String = name.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

const ROW: u32 = 38;

/// The bar chart of some items: name and percentage above each bar.
fn chart(items: &[Share], lang: Lang, title: &str) -> Html {
    let height = ROW * items.len() as u32 + 4;
    html! {
        <svg class="bars" width="100%" height={height.to_string()} role="img"
            aria-label={lang.chart_label(title)}>
            { for items.iter().enumerate().map(|(i, item)| {
                let y = ROW * i as u32;
                let percent = item.percent.map(format::percent).unwrap_or_else(|| "—".to_owned());
                // The bar's length is the core's percentage itself, as an SVG length.
                let width = item
                    .percent
                    .map(|p| format!("{}%", p.clamp(0.into(), 100.into())))
                    .unwrap_or_else(|| "0".to_owned());
                let label = short(&item.name, 16);
                html! {
                    <g class="bar">
                        <title>{ format!("{} {}", item.name, percent) }</title>
                        <text x="0" y={(y + 14).to_string()} class="bar-label">{ label }</text>
                        <text x="100%" y={(y + 14).to_string()} text-anchor="end" class="bar-value">{ percent }</text>
                        <rect x="0" y={(y + 21).to_string()} width="100%" height="10" rx="2" class="bar-track" />
                        <rect x="0" y={(y + 21).to_string()} width={width} height="10" rx="2" class="bar-fill" />
                    </g>
                }
            }) }
        </svg>
    }
}

/// Makes the callback that opens an item's level of a drill-down.
type Opener<'a> = &'a dyn Fn(&Share) -> Callback<MouseEvent>;

/// What one share section shows.
struct Section<'a> {
    /// For `data-testid="shares-{id}"`.
    id: &'a str,
    title: &'a str,
    set: &'a ShareSet,
    /// The items at the level shown.
    items: &'a [Share],
    /// Show each item's `detail` (what a project is for).
    detail: bool,
    /// The breadcrumb of a drill-down.
    crumbs: Html,
    /// For a drill-down: the callback that opens an item's level.
    open: Option<Opener<'a>>,
}

/// One set: heading, denominator, chart and table.
fn share_set(section: Section<'_>, lang: Lang) -> Html {
    let Section {
        id,
        title,
        set,
        items,
        detail,
        crumbs,
        open,
    } = section;
    let s = lang.s();
    let codes = items.iter().any(|i| i.code.is_some());
    let denominator = lang.denominator(
        &set.denominator_zh,
        &set.denominator_en,
        &format::amount(set.total),
        set.unit,
    );
    html! {
        <section class="share-set card" data-testid={format!("shares-{id}")} aria-labelledby={format!("shares-{id}-h")}>
            <h3 id={format!("shares-{id}-h")}>{ title }</h3>
            <p class="denominator" data-testid="denominator">{ denominator }</p>
            { crumbs }
            if items.is_empty() {
                <p class="empty">{ "—" }</p>
            } else {
                <div class="share-body">
                    { chart(items, lang, title) }
                    <div class="table-scroll">
                        <table class="share-table">
                            <caption class="visually-hidden">{ title }</caption>
                            <thead>
                                <tr>
                                    if codes { <th scope="col">{ s.col_code }</th> }
                                    <th scope="col">{ s.col_name }</th>
                                    <th scope="col" class="num">{ lang.amount_in(set.unit) }</th>
                                    <th scope="col" class="num">{ s.col_percent }</th>
                                    if detail { <th scope="col">{ s.col_detail }</th> }
                                </tr>
                            </thead>
                            <tbody>
                                { for items.iter().map(|item| html! {
                                    <tr data-testid="share-row" data-code={item.code.clone()}>
                                        if codes {
                                            <td class="code">{ item.code.clone().unwrap_or_default() }</td>
                                        }
                                        <th scope="row">
                                            if let (Some(open), false) = (open, item.children.is_empty()) {
                                                <button type="button" class="link drill" onclick={open(item)}
                                                    aria-label={format!("{} {}", s.drill_in, item.name)}>
                                                    { &item.name }<span aria-hidden="true">{ " ›" }</span>
                                                </button>
                                            } else {
                                                { &item.name }
                                            }
                                        </th>
                                        <td class="num">{ format::amount(item.amount) }</td>
                                        <td class="num" data-testid="share-percent">
                                            { item.percent.map(format::percent).unwrap_or_else(|| "—".to_owned()) }
                                        </td>
                                        if detail {
                                            <td class="detail">{ item.detail.clone().unwrap_or_default() }</td>
                                        }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DrillProps {
    result: Prepared,
    lang: Lang,
    which: DrillSet,
    path: Vec<String>,
}

/// A hierarchical set with a breadcrumb: 功能分类 (类 → 款 → 项) or 经济分类 (类 → 款).
#[component]
fn DrillShares(props: &DrillProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let s = lang.s();
    let shares = &props.result.analysis.shares;
    let (set, id, title) = match props.which {
        DrillSet::Functional => (shares.functional.as_ref(), "functional", s.functional),
        DrillSet::Economic => (shares.economic.as_ref(), "economic", s.economic),
    };
    let Some(set) = set else {
        return Html::default();
    };
    let (items, trail) = level(&set.items, &props.path);
    let which = props.which;
    let go = |path: Vec<String>| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Drill(which, path.clone())))
    };
    let crumbs = html! {
        <nav class="crumbs" aria-label={title}>
            <ol>
                <li>
                    if trail.is_empty() {
                        <span aria-current="true">{ s.drill_all }</span>
                    } else {
                        <button type="button" class="link" onclick={go(Vec::new())}>{ s.drill_all }</button>
                    }
                </li>
                { for trail.iter().enumerate().map(|(i, share)| {
                    let path: Vec<String> = trail[..=i].iter().filter_map(|t| t.code.clone()).collect();
                    let label = format!("{} {}", share.code.clone().unwrap_or_default(), share.name);
                    html! {
                        <li>
                            if i + 1 == trail.len() {
                                <span aria-current="true">{ label }</span>
                            } else {
                                <button type="button" class="link" onclick={go(path)}>{ label }</button>
                            }
                        </li>
                    }
                }) }
            </ol>
        </nav>
    };
    let base: Vec<String> = trail.iter().filter_map(|t| t.code.clone()).collect();
    let open = |share: &Share| {
        let mut path = base.clone();
        path.extend(share.code.clone());
        go(path)
    };
    share_set(
        Section {
            id,
            title,
            set,
            items,
            detail: false,
            crumbs,
            open: Some(&open),
        },
        lang,
    )
}

/// The shares view (`nav-shares`).
#[component]
pub fn SharesView(props: &SharesProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    let shares = &props.result.analysis.shares;
    let flat = |id: &str, title: &str, set: Option<&ShareSet>, detail: bool| {
        set.map(|set| {
            let section = Section {
                id,
                title,
                set,
                items: &set.items,
                detail,
                crumbs: Html::default(),
                open: None,
            };
            share_set(section, lang)
        })
        .unwrap_or_default()
    };
    let nothing = shares.functional.is_none()
        && shares.economic.is_none()
        && shares.basic_project.is_none()
        && shares.personnel_public.is_none()
        && shares.three_public.is_none()
        && shares.projects.is_none();
    html! {
        <div class="shares" data-testid="shares-view">
            <h2 class="visually-hidden">{ s.shares_heading }</h2>
            if nothing {
                <p class="empty card">{ s.no_shares }</p>
            }
            <DrillShares result={props.result.clone()} {lang} which={DrillSet::Functional}
                path={props.drill.path(DrillSet::Functional).to_vec()} />
            <div class="share-pair">
                { flat("basic-project", s.basic_project, shares.basic_project.as_ref(), false) }
                { flat("personnel-public", s.personnel_public, shares.personnel_public.as_ref(), false) }
            </div>
            <DrillShares result={props.result.clone()} {lang} which={DrillSet::Economic}
                path={props.drill.path(DrillSet::Economic).to_vec()} />
            { flat("three-public", s.three_public_parts, shares.three_public.as_ref(), false) }
            { flat("projects", s.projects, shares.projects.as_ref(), true) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drill_levels_follow_codes_and_ignore_stale_ones() {
        let a = disclosure::analyze(crate::state::EXAMPLE);
        let items = &a.shares.functional.as_ref().unwrap().items;
        let (top, trail) = level(items, &[]);
        assert!(top.iter().any(|s| s.code.as_deref() == Some("201")));
        assert!(trail.is_empty());
        let (kuan, trail) = level(items, &["201".into()]);
        assert!(kuan.iter().any(|s| s.code.as_deref() == Some("20103")));
        assert_eq!(trail.len(), 1);
        let (xiang, trail) = level(items, &["201".into(), "20103".into(), "999".into()]);
        assert_eq!(trail.len(), 2);
        assert!(xiang
            .iter()
            .all(|s| s.code.as_deref().is_some_and(|c| c.starts_with("20103"))));
    }

    #[test]
    fn chart_labels_are_shortened() {
        assert_eq!(short("一般公共服务支出", 16), "一般公共服务支出");
        assert_eq!(short("一二三四五六七八九十", 5), "一二三四…");
    }
}
