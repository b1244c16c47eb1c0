//! The masthead with the language switch, and the tabs that choose a view.

use yew::prelude::*;

use super::{aria_bool, use_dispatch};
use crate::i18n::Lang;
use crate::state::{Action, Page, View};

#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    pub lang: Lang,
    pub kiosk: bool,
}

/// Title, tagline and the `lang-toggle` switch.
#[component]
pub fn Masthead(props: &MastheadProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let s = lang.s();
    let other = lang.other();
    let toggle = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetLang(other)));
    html! {
        <header class="masthead">
            <div class="brand">
                <h1>
                    { s.app_title }
                    { " " }
                    <span class="brand-other" lang={other.tag()}>{ other.s().app_title }</span>
                </h1>
                <p class="tagline">{ s.tagline }</p>
                if props.kiosk {
                    <p class="kiosk-banner" data-testid="kiosk-banner">{ s.kiosk_banner }</p>
                }
            </div>
            <button
                type="button"
                class="lang-toggle secondary"
                data-testid="lang-toggle"
                lang={other.tag()}
                aria-label={s.lang_toggle_label}
                onclick={toggle}
            >
                { s.lang_toggle }
            </button>
        </header>
    }
}

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub view: View,
    pub lang: Lang,
    /// How many findings there are, shown on the findings tab.
    pub findings: usize,
}

/// The id of a view's tab, for `aria-labelledby`.
pub fn tab_id(view: View) -> String {
    format!("tab-{}", view.slug())
}

/// The view tabs: `nav-findings`, `nav-shares`, `nav-tables`, `nav-previous-year`. The arrow
/// keys move between them too.
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let dispatch = use_dispatch();
    let s = props.lang.s();
    let label = |v: View| match v {
        View::Findings => s.nav_findings,
        View::Shares => s.nav_shares,
        View::Tables => s.nav_tables,
        View::PreviousYear => s.nav_previous,
    };
    let on_key = {
        let dispatch = dispatch.clone();
        let current = props.view;
        Callback::from(move |e: KeyboardEvent| {
            let i = View::ALL.iter().position(|&v| v == current).unwrap_or(0);
            let n = View::ALL.len();
            let next = match e.key().as_str() {
                "ArrowRight" => View::ALL[(i + 1) % n],
                "ArrowLeft" => View::ALL[(i + n - 1) % n],
                "Home" => View::ALL[0],
                "End" => View::ALL[n - 1],
                _ => return,
            };
            e.prevent_default();
            dispatch.dispatch(Action::SetView(next));
            focus_tab(next);
        })
    };
    html! {
        <nav class="tabs" aria-label={s.nav_label}>
            <div role="tablist" aria-label={s.nav_label} onkeydown={on_key}>
                { for View::ALL.iter().map(|&v| {
                    let selected = v == props.view;
                    let onclick = {
                        let dispatch = dispatch.clone();
                        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetView(v)))
                    };
                    html! {
                        <button
                            type="button"
                            role="tab"
                            id={tab_id(v)}
                            class={classes!("tab", selected.then_some("selected"))}
                            data-testid={format!("nav-{}", v.slug())}
                            aria-selected={aria_bool(selected)}
                            aria-controls="view-panel"
                            {onclick}
                        >
                            { label(v) }
                            if v == View::Findings {
                                <span class="tab-count">{ props.findings }</span>
                            }
                        </button>
                    }
                }) }
            </div>
        </nav>
    }
}

/// Moves the keyboard focus to a view's tab.
fn focus_tab(view: View) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&tab_id(view)))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[derive(Properties, PartialEq)]
pub struct PagesProps {
    pub current: Page,
    /// How many documents the workspace holds, shown on its tab.
    pub documents: usize,
    pub lang: Lang,
}

/// The page's areas: `nav-analyzer`, `nav-workspace`, `nav-compare`, `nav-time`.
#[component]
pub fn Pages(props: &PagesProps) -> Html {
    let dispatch = use_dispatch();
    let s = props.lang.s();
    let link = |p: Page| {
        let label = match p {
            Page::Analyzer => s.page_analyzer,
            Page::Workspace => s.page_workspace,
            Page::Compare => s.page_compare,
            Page::Time => s.page_time,
        };
        let current = p == props.current;
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetPage(p)))
        };
        html! {
            <button type="button" class={classes!("page-link", current.then_some("current"))}
                data-testid={format!("nav-{}", p.slug())} aria-current={current.then_some("page")} {onclick}>
                { label }
                if p == Page::Workspace {
                    <span class="tab-count" data-testid="ws-count">{ props.documents }</span>
                }
            </button>
        }
    };
    html! {
        <nav class="pages" aria-label={s.pages_label}>
            { for Page::ALL.into_iter().map(link) }
        </nav>
    }
}
