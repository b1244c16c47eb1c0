//! Shares: what the money is for, as the core computes it. Each set names its denominator and
//! its total; a bar chart (SVG) and an accessible table show the same items, and the chart
//! shows no number the table does not. 功能分类 and 经济分类 drill down level by level.

use disclosure::analyze::shares::ShareSet;
use disclosure::analyze::Share;
use yew::prelude::*;

use super::charts::{png_button, short};
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

/// The share sets, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetId {
    /// 功能分类, drilling down.
    Functional,
    /// 基本支出 and 项目支出.
    BasicProject,
    /// 人员经费 and 公用经费.
    PersonnelPublic,
    /// 经济分类, drilling down.
    Economic,
    /// The parts of 三公.
    ThreePublic,
    /// The projects, with what each is for.
    Projects,
}

impl SetId {
    /// For `data-testid="shares-{id}"`.
    fn id(self) -> &'static str {
        match self {
            SetId::Functional => "functional",
            SetId::BasicProject => "basic-project",
            SetId::PersonnelPublic => "personnel-public",
            SetId::Economic => "economic",
            SetId::ThreePublic => "three-public",
            SetId::Projects => "projects",
        }
    }

    /// Its glossary entry.
    fn term(self) -> &'static str {
        match self {
            SetId::Functional => "functional",
            SetId::BasicProject => "basic",
            SetId::PersonnelPublic => "personnel",
            SetId::Economic => "economic",
            SetId::ThreePublic => "three-public",
            SetId::Projects => "project",
        }
    }

    fn title(self, lang: Lang) -> &'static str {
        let s = lang.s();
        match self {
            SetId::Functional => s.functional,
            SetId::BasicProject => s.basic_project,
            SetId::PersonnelPublic => s.personnel_public,
            SetId::Economic => s.economic,
            SetId::ThreePublic => s.three_public_parts,
            SetId::Projects => s.projects,
        }
    }

    /// The drill-down this set is, if it is one.
    fn drill(self) -> Option<DrillSet> {
        match self {
            SetId::Functional => Some(DrillSet::Functional),
            SetId::Economic => Some(DrillSet::Economic),
            _ => None,
        }
    }

    fn of(self, shares: &disclosure::analyze::Shares) -> Option<&ShareSet> {
        match self {
            SetId::Functional => shares.functional.as_ref(),
            SetId::BasicProject => shares.basic_project.as_ref(),
            SetId::PersonnelPublic => shares.personnel_public.as_ref(),
            SetId::Economic => shares.economic.as_ref(),
            SetId::ThreePublic => shares.three_public.as_ref(),
            SetId::Projects => shares.projects.as_ref(),
        }
    }
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

const ROW: u32 = 38;

fn percent_text(item: &Share) -> String {
    item.percent
        .map(format::percent)
        .unwrap_or_else(|| "—".to_owned())
}

/// The bar chart of some items: name and percentage above each bar.
fn chart(items: &[Share], lang: Lang, title: &str) -> Html {
    let bar = |(i, item): (usize, &Share)| {
        let y = ROW * i as u32;
        let percent = percent_text(item);
        // The bar's length is the core's percentage itself, as an SVG length.
        let width = item
            .percent
            .map(|p| format!("{}%", p.clamp(0.into(), 100.into())))
            .unwrap_or_else(|| "0".to_owned());
        let text_y = (y + 14).to_string();
        let bar_y = (y + 21).to_string();
        html! {
            <g class="bar">
                <title>{ format!("{} {percent}", item.name) }</title>
                <text x="0" y={text_y.clone()} class="bar-label">{ short(&item.name, 16) }</text>
                <text x="100%" y={text_y} text-anchor="end" class="bar-value">{ percent }</text>
                <rect x="0" y={bar_y.clone()} width="100%" height="10" rx="2" class="bar-track"></rect>
                <rect x="0" y={bar_y} {width} height="10" rx="2" class="bar-fill"></rect>
            </g>
        }
    };
    html! {
        <svg class="bars" width="100%" height={(ROW * items.len() as u32 + 4).to_string()} role="img"
            aria-label={lang.chart_label(title)}>
            { for items.iter().enumerate().map(bar) }
        </svg>
    }
}

#[derive(Properties, PartialEq)]
struct SetProps {
    result: Prepared,
    set: SetId,
    /// The open path, for a drill-down.
    #[prop_or_default]
    path: Vec<String>,
    lang: Lang,
}

/// One set: heading, denominator, breadcrumb (for a drill-down), chart and table.
#[component]
fn ShareSetView(props: &SetProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let s = lang.s();
    let Some(set) = props.set.of(&props.result.analysis.shares) else {
        return Html::default();
    };
    let id = props.set.id();
    let title = props.set.title(lang);
    let detail = props.set == SetId::Projects;
    let drill = props.set.drill();
    let (items, trail) = match drill {
        Some(_) => level(&set.items, &props.path),
        None => (&set.items[..], Vec::new()),
    };
    let base: Vec<String> = trail.iter().filter_map(|t| t.code.clone()).collect();
    let codes = items.iter().any(|i| i.code.is_some());
    // The image's title: the set and, drilled down, where.
    let png_title = trail.iter().fold(title.to_owned(), |t, share| {
        format!(
            "{t} › {} {}",
            share.code.as_deref().unwrap_or_default(),
            share.name
        )
    });
    // The file's: the set's id and the open codes ("functional-201").
    let png_slug = base
        .iter()
        .fold(id.to_owned(), |s, code| format!("{s}-{code}"));
    let denominator = lang.denominator(
        &set.denominator_zh,
        &set.denominator_en,
        &format::amount(set.total),
        set.unit,
    );
    let caption = crate::png::for_shares(
        &props.result.analysis,
        set,
        items,
        (&png_title, &png_slug),
        denominator.clone(),
        lang,
    );
    let png = png_button(caption, crate::png::has_figures(items), lang);
    // A button that opens the drill-down at `path`.
    let open = |which: DrillSet, path: Vec<String>| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Drill(which, path.clone())))
    };
    let crumbs = drill.map(|which| {
        let step = |(i, share): (usize, &&Share)| {
            let label = format!("{} {}", share.code.as_deref().unwrap_or_default(), share.name);
            if i + 1 == trail.len() {
                html! { <li><span aria-current="true">{ label }</span></li> }
            } else {
                html! {
                    <li><button type="button" class="link" onclick={open(which, base[..=i].to_vec())}>
                        { label }
                    </button></li>
                }
            }
        };
        html! {
            <nav class="crumbs" aria-label={title}>
                <ol>
                    <li>
                        if trail.is_empty() {
                            <span aria-current="true">{ s.drill_all }</span>
                        } else {
                            <button type="button" class="link" onclick={open(which, Vec::new())}>
                                { s.drill_all }
                            </button>
                        }
                    </li>
                    { for trail.iter().enumerate().map(step) }
                </ol>
            </nav>
        }
    });
    let row = |item: &Share| {
        let name = match drill {
            Some(which) if !item.children.is_empty() => {
                let mut path = base.clone();
                path.extend(item.code.clone());
                html! {
                    <button type="button" class="link drill" onclick={open(which, path)}
                        aria-label={format!("{} {}", s.drill_in, item.name)}>
                        { &item.name }<span aria-hidden="true">{ " ›" }</span>
                    </button>
                }
            }
            _ => html! { { &item.name } },
        };
        html! {
            <tr data-testid="share-row" data-code={item.code.clone()}>
                if codes {
                    <td class="code">{ item.code.as_deref().unwrap_or_default() }</td>
                }
                <th scope="row">{ name }</th>
                <td class="num">{ format::amount(item.amount) }</td>
                <td class="num" data-testid="share-percent">{ percent_text(item) }</td>
                if detail {
                    <td class="detail">{ item.detail.as_deref().unwrap_or_default() }</td>
                }
            </tr>
        }
    };
    html! {
        <section class="share-set card png-source" data-testid={format!("shares-{id}")}
            aria-labelledby={format!("shares-{id}-h")}>
            <h3 id={format!("shares-{id}-h")}>{ super::glossary::term(props.set.term(), title) }</h3>
            <p class="denominator" data-testid="denominator">{ denominator }</p>
            { crumbs }
            if items.is_empty() {
                <p class="empty">{ "—" }</p>
                { png }
            } else {
                <div class="share-body">
                    { chart(items, lang, title) }
                    <div class="table-scroll">
                        <table class="share-table">
                            <caption class="visually-hidden">{ title }</caption>
                            <thead><tr>
                                if codes { <th scope="col">{ s.col_code }</th> }
                                <th scope="col">{ s.col_name }</th>
                                <th scope="col" class="num">{ lang.amount_in(set.unit) }</th>
                                <th scope="col" class="num">{ s.col_percent }</th>
                                if detail { <th scope="col">{ s.col_detail }</th> }
                            </tr></thead>
                            <tbody>{ for items.iter().map(row) }</tbody>
                        </table>
                    </div>
                </div>
                { png }
            }
        </section>
    }
}

/// The shares view (`nav-shares`).
#[component]
pub fn SharesView(props: &SharesProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    let shares = &props.result.analysis.shares;
    let nothing = shares.functional.is_none()
        && shares.economic.is_none()
        && shares.basic_project.is_none()
        && shares.personnel_public.is_none()
        && shares.three_public.is_none()
        && shares.projects.is_none();
    let set = |set: SetId| {
        let path = set
            .drill()
            .map(|d| props.drill.path(d).to_vec())
            .unwrap_or_default();
        html! { <ShareSetView result={props.result.clone()} {set} {path} {lang} /> }
    };
    html! {
        <div class="shares" data-testid="shares-view">
            <h2 class="visually-hidden">{ s.shares_heading }</h2>
            if nothing {
                <p class="empty card">{ s.no_shares }</p>
            }
            { set(SetId::Functional) }
            <div class="share-pair">
                { set(SetId::BasicProject) }
                { set(SetId::PersonnelPublic) }
            </div>
            { set(SetId::Economic) }
            { set(SetId::ThreePublic) }
            { set(SetId::Projects) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drill_levels_follow_codes_and_ignore_stale_ones() {
        let a = disclosure::analyze(crate::example::EXAMPLE);
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
}
