//! The kiosk's own parts: the operator's library (`kiosk-library`) on the start screen, and
//! the countdown before an idle kiosk returns to the start (`idle-warning`).

use std::rc::Rc;

use yew::prelude::*;

use super::use_dispatch;
use crate::i18n::Lang;
use crate::library::{Entry, Library, Unavailable};
use crate::state::{Action, Dispatch};

/// The library as loaded: `None` while its index is on its way.
pub type Loaded = Option<Result<Rc<Library>, Unavailable>>;

#[derive(Properties, PartialEq)]
pub struct KioskLibraryProps {
    pub lang: Lang,
}

/// The library, its index loaded when it is first shown.
#[component]
pub fn KioskLibrary(props: &KioskLibraryProps) -> Html {
    let loaded = use_state(|| None);
    {
        let loaded = loaded.setter();
        use_effect_with((), move |_| {
            crate::library::load(move |index| loaded.set(Some(index)));
        });
    }
    html! { <LibraryList library={(*loaded).clone()} lang={props.lang} /> }
}

#[derive(Properties, PartialEq)]
pub struct LibraryListProps {
    pub library: Loaded,
    pub lang: Lang,
}

/// Opens a library document as if its file had been opened here.
fn open(entry: &Entry, dispatch: Dispatch) {
    let name = entry.name.clone();
    if entry.file.as_deref().is_some_and(|f| f.ends_with(".pdf")) {
        dispatch.dispatch(Action::ReadingPdf { name: name.clone() });
    }
    crate::library::open(entry, move |outcome| {
        dispatch.dispatch(match outcome {
            Ok(decoded) => Action::LoadFile { name, decoded },
            Err(why) => Action::FileRejected { name, why },
        })
    });
}

/// The library's documents as large buttons; a file that cannot be opened says why instead.
#[component]
pub fn LibraryList(props: &LibraryListProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let s = lang.s();
    let note = |kind: &'static str, text: &'static str| {
        html! { <p class="library-note" data-testid="library-note" data-kind={kind} role="status">{ text }</p> }
    };
    let body = match &props.library {
        None => note("loading", s.library_loading),
        Some(Err(Unavailable::Missing)) => note("missing", s.library_missing),
        Some(Err(Unavailable::Damaged)) => note("damaged", s.library_damaged),
        Some(Ok(lib)) if lib.entries.is_empty() => note("empty", s.library_empty),
        Some(Ok(lib)) => html! {
            <ul class="library-list">
                { for lib.entries.iter().map(|e| entry(e, lang, &dispatch)) }
            </ul>
        },
    };
    html! {
        <section class="kiosk-library card" data-testid="kiosk-library" aria-labelledby="library-heading">
            <h2 id="library-heading">{ s.library_heading }</h2>
            <p class="library-intro">{ s.library_intro }</p>
            { body }
        </section>
    }
}

/// One entry: a button that opens it, or its name and what is wrong with it.
fn entry(e: &Entry, lang: Lang, dispatch: &Dispatch) -> Html {
    let title = match (&e.department, e.year) {
        (Some(d), Some(y)) => format!("{d} {y}"),
        (Some(d), None) => d.clone(),
        _ => e.name.clone(),
    };
    let size = lang.library_size(e.size);
    if let Some(problem) = e.problem {
        let message = lang.pick(
            e.message_zh.as_deref().unwrap_or(""),
            e.message_en.as_deref().unwrap_or(""),
        );
        let message = (!message.is_empty()).then_some(message);
        return html! {
            <li class="library-entry broken" data-testid="library-entry" data-problem={problem.slug()}>
                <span class="library-title">{ &e.name }</span>
                <span class="library-meta">{ size }</span>
                <span class="library-problem" data-testid="library-problem" role="note">
                    <span aria-hidden="true">{ "✖ " }</span>{ lang.library_problem(problem, message) }
                </span>
            </li>
        };
    }
    let onclick = {
        let e = e.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| open(&e, dispatch.clone()))
    };
    html! {
        <li class="library-entry" data-testid="library-entry">
            <button type="button" class="library-open" data-testid="library-open" {onclick}>
                <span class="library-title">{ title }</span>
                <span class="library-meta">{ format!("{} · {size}", e.name) }</span>
            </button>
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct IdleWarningProps {
    /// Seconds left before the reset.
    pub seconds: u32,
    pub lang: Lang,
}

/// The countdown in an idle kiosk's last seconds; any touch, key or pointer ends it.
#[component]
pub fn IdleWarning(props: &IdleWarningProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="idle-warning" data-testid="idle-warning" role="alert">
            <p class="idle-count">{ lang.idle_warning(props.seconds) }</p>
            <p>{ lang.s().idle_touch }</p>
        </div>
    }
}
