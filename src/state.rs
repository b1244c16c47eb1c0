//! Application state: everything the page shows is derived from this one value, changed only
//! through [`Action`]s. The analysis itself is computed outside the reducer (see
//! `crate::analyzer`) when the text changes and arrives as [`Action::Analyzed`].

use std::rc::Rc;

use disclosure::check::Severity;
use disclosure::{Decimal, LineNo};
use yew::{AttrValue, Reducible, UseReducerDispatcher};

use crate::decode::{Decoded, Rejection};
use crate::i18n::Lang;
use crate::prepared::Prepared;

/// The built-in example: the 2024 budget disclosure of 库尔勒市朝阳街道办事处.
pub const EXAMPLE: &str = include_str!("../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");

/// Texts with at most this many lines are shown whole in the source view; longer ones in a
/// window around the cited lines.
pub const SOURCE_WHOLE_LINES: LineNo = 6000;
/// Lines shown before the first and after the last cited line in a windowed source view, and
/// added by each "show more".
pub const SOURCE_MARGIN: LineNo = 300;

/// The views under the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The checker's findings and the source view.
    #[default]
    Findings,
    /// Shares by category.
    Shares,
    /// The parsed tables.
    Tables,
    /// The previous year, reconstructed.
    PreviousYear,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 4] = [
        View::Findings,
        View::Shares,
        View::Tables,
        View::PreviousYear,
    ];

    /// The stable name used in `data-testid="nav-…"`.
    pub fn slug(self) -> &'static str {
        match self {
            View::Findings => "findings",
            View::Shares => "shares",
            View::Tables => "tables",
            View::PreviousYear => "previous-year",
        }
    }
}

/// A message about a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A file was read.
    Loaded {
        /// Its name.
        name: String,
        /// The encoding it was read in.
        encoding: &'static str,
    },
    /// A file was refused.
    Rejected {
        /// Its name.
        name: String,
        /// Why.
        why: Rejection,
    },
}

/// What the source view shows: some lines, with numbers to mark in them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    /// The finding selected (its index in `Analysis::findings`), if it was a finding.
    pub finding: Option<usize>,
    /// The cited lines, ascending.
    pub lines: Vec<LineNo>,
    /// The numbers to mark within them (a finding's expected and actual values).
    pub values: Vec<Decimal>,
    /// The first and last line shown.
    pub window: (LineNo, LineNo),
}

/// Which findings are listed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Severities hidden.
    pub hidden: Vec<Severity>,
    /// Which table the findings must cite.
    pub table: TableFilter,
}

/// The findings' table filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TableFilter {
    /// Every finding.
    #[default]
    All,
    /// Findings that cite this table.
    Table(u8),
    /// Findings that cite no table.
    NoTable,
}

impl TableFilter {
    /// Whether a finding citing `tables` passes.
    pub fn admits(self, tables: &[u8]) -> bool {
        match self {
            TableFilter::All => true,
            TableFilter::Table(n) => tables.contains(&n),
            TableFilter::NoTable => tables.is_empty(),
        }
    }
}

/// The share sets that drill down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrillSet {
    /// 功能分类 类 → 款 → 项.
    Functional,
    /// 经济分类 类 → 款.
    Economic,
}

/// The open path (codes, top level first) of each drill-down.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Drill {
    /// 功能分类.
    pub functional: Vec<String>,
    /// 经济分类.
    pub economic: Vec<String>,
}

impl Drill {
    /// The path of a set.
    pub fn path(&self, set: DrillSet) -> &[String] {
        match set {
            DrillSet::Functional => &self.functional,
            DrillSet::Economic => &self.economic,
        }
    }
}

/// The page's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppState {
    /// The disclosure text as pasted, typed or loaded (shared, so renders copy no text).
    pub text: AttrValue,
    /// Bumped on every change of `text`; an analysis belongs to one revision.
    pub rev: u64,
    /// Whether the latest change was typing (analysed after a pause) rather than a load or a
    /// paste (analysed at once).
    pub debounce: bool,
    /// An analysis of the current revision is pending.
    pub busy: bool,
    /// The latest analysis (of `rev` unless `busy`).
    pub result: Option<Prepared>,
    /// A message about the last file.
    pub notice: Option<Notice>,
    /// Interface language.
    pub lang: Lang,
    /// The view under the summary.
    pub view: View,
    /// What the source view shows.
    pub selection: Option<Selection>,
    /// The findings' filters.
    pub filter: Filter,
    /// The shares' drill-down paths.
    pub drill: Drill,
    /// A file is being dragged over the page.
    pub dragging: bool,
    /// Kiosk mode (`?kiosk=1`): larger type, nothing kept, back to the start when idle.
    pub kiosk: bool,
}

/// Everything that can change [`AppState`].
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The user edited the text area; `paste` when the edit was a paste or a drop of text.
    Edit {
        /// The new text.
        text: String,
        /// Analyse at once rather than after a pause.
        paste: bool,
    },
    /// Replace the text with the built-in example.
    LoadExample,
    /// A file was read and decoded.
    LoadFile {
        /// Its name.
        name: String,
        /// Its text.
        decoded: Decoded,
    },
    /// A file was refused.
    FileRejected {
        /// Its name.
        name: String,
        /// Why.
        why: Rejection,
    },
    /// Hide the file message.
    DismissNotice,
    /// Empty the text area.
    Clear,
    /// An analysis finished.
    Analyzed(Prepared),
    /// Switch the language.
    SetLang(Lang),
    /// Switch the view.
    SetView(View),
    /// Show lines in the source view (or close it with `None`). The window is computed here.
    Select(Option<Selection>),
    /// Show more lines of a windowed source view, before (`true`) or after the window.
    WidenSource {
        /// Before rather than after.
        earlier: bool,
    },
    /// Show or hide a severity.
    ToggleSeverity(Severity),
    /// Filter the findings by table.
    SetTableFilter(TableFilter),
    /// Open a drill-down path.
    Drill(DrillSet, Vec<String>),
    /// A file is (or is no longer) dragged over the page.
    Dragging(bool),
    /// Back to the start screen (kiosk mode, when idle): everything but the mode is forgotten.
    Reset,
}

impl AppState {
    /// The state a page starts in.
    pub fn new(kiosk: bool) -> Self {
        AppState {
            kiosk,
            ..AppState::default()
        }
    }

    /// The state after the text changed to `text`.
    fn with_text(&self, text: AttrValue, debounce: bool) -> AppState {
        let empty = text.trim().is_empty();
        AppState {
            busy: !empty,
            result: if empty { None } else { self.result.clone() },
            rev: self.rev + 1,
            debounce,
            selection: None,
            drill: Drill::default(),
            text,
            ..self.clone()
        }
    }

    /// The number of lines of the analysed text (0 before any analysis).
    fn line_count(&self) -> LineNo {
        self.result.as_ref().map_or(0, |r| r.source.count())
    }
}

/// The source view's window for a selection: the whole text when it is short, else the cited
/// lines with a margin.
pub fn window(lines: &[LineNo], count: LineNo) -> (LineNo, LineNo) {
    if count <= SOURCE_WHOLE_LINES || lines.is_empty() {
        return (1, count.clamp(1, SOURCE_WHOLE_LINES));
    }
    let first = lines[0];
    let last = lines[lines.len() - 1];
    (
        first.saturating_sub(SOURCE_MARGIN).max(1),
        last.saturating_add(SOURCE_MARGIN).min(count),
    )
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Edit { text, paste } => {
                if text == self.text.as_str() {
                    return self;
                }
                AppState {
                    notice: None,
                    ..self.with_text(AttrValue::from(text), !paste)
                }
            }
            Action::LoadExample => {
                if self.text == EXAMPLE {
                    return self;
                }
                AppState {
                    notice: None,
                    ..self.with_text(AttrValue::Static(EXAMPLE), false)
                }
            }
            Action::LoadFile { name, decoded } => AppState {
                notice: Some(Notice::Loaded {
                    name,
                    encoding: decoded.encoding,
                }),
                dragging: false,
                ..self.with_text(AttrValue::from(decoded.text), false)
            },
            Action::FileRejected { name, why } => AppState {
                notice: Some(Notice::Rejected { name, why }),
                dragging: false,
                ..(*self).clone()
            },
            Action::DismissNotice => AppState {
                notice: None,
                ..(*self).clone()
            },
            Action::Clear => AppState {
                notice: None,
                ..self.with_text(AttrValue::Static(""), false)
            },
            Action::Analyzed(prepared) => {
                if prepared.rev != self.rev {
                    return self; // an answer for a text that has changed since
                }
                AppState {
                    busy: false,
                    result: Some(prepared),
                    ..(*self).clone()
                }
            }
            Action::SetLang(lang) => AppState {
                lang,
                ..(*self).clone()
            },
            Action::SetView(view) => AppState {
                view,
                ..(*self).clone()
            },
            Action::Select(selection) => {
                let count = self.line_count();
                AppState {
                    selection: selection.map(|mut s| {
                        s.lines.sort_unstable();
                        s.lines.dedup();
                        s.window = window(&s.lines, count);
                        s
                    }),
                    ..(*self).clone()
                }
            }
            Action::WidenSource { earlier } => {
                let count = self.line_count();
                let Some(mut s) = self.selection.clone() else {
                    return self;
                };
                if earlier {
                    s.window.0 = s.window.0.saturating_sub(SOURCE_MARGIN).max(1);
                } else {
                    s.window.1 = s.window.1.saturating_add(SOURCE_MARGIN).min(count);
                }
                AppState {
                    selection: Some(s),
                    ..(*self).clone()
                }
            }
            Action::ToggleSeverity(severity) => {
                let mut filter = self.filter.clone();
                if let Some(i) = filter.hidden.iter().position(|&s| s == severity) {
                    filter.hidden.remove(i);
                } else {
                    filter.hidden.push(severity);
                }
                AppState {
                    filter,
                    ..(*self).clone()
                }
            }
            Action::SetTableFilter(table) => AppState {
                filter: Filter {
                    table,
                    ..self.filter.clone()
                },
                ..(*self).clone()
            },
            Action::Drill(set, path) => {
                let mut drill = self.drill.clone();
                match set {
                    DrillSet::Functional => drill.functional = path,
                    DrillSet::Economic => drill.economic = path,
                }
                AppState {
                    drill,
                    ..(*self).clone()
                }
            }
            Action::Dragging(dragging) => {
                if dragging == self.dragging {
                    return self;
                }
                AppState {
                    dragging,
                    ..(*self).clone()
                }
            }
            Action::Reset => AppState {
                rev: self.rev + 1,
                ..AppState::new(self.kiosk)
            },
        };
        Rc::new(next)
    }
}

/// The dispatcher, shared with every component through a context.
pub type Dispatch = UseReducerDispatcher<AppState>;

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: AppState, action: Action) -> AppState {
        (*Rc::new(state).reduce(action)).clone()
    }

    fn edit(text: &str) -> Action {
        Action::Edit {
            text: text.to_owned(),
            paste: false,
        }
    }

    fn analysed(state: &AppState) -> Action {
        let analysis = disclosure::analyze(&state.text);
        Action::Analyzed(Prepared::new(state.rev, state.text.clone(), analysis, 1))
    }

    #[test]
    fn starts_empty_and_idle() {
        let s = AppState::default();
        assert_eq!(s.text.as_str(), "");
        assert!(!s.busy && s.result.is_none());
        assert_eq!(s.lang, Lang::Zh);
        assert_eq!(s.view, View::Findings);
        assert!(AppState::new(true).kiosk);
    }

    #[test]
    fn load_example_puts_the_sample_in_place_for_immediate_analysis() {
        let state = reduce(AppState::default(), edit("old"));
        assert!(state.debounce, "typing waits for a pause");
        let state = reduce(state, Action::LoadExample);
        assert_eq!(state.text.as_str(), EXAMPLE);
        assert!(EXAMPLE.contains("库尔勒市朝阳街道办事处"));
        assert!(state.busy);
        assert!(!state.debounce, "a load is analysed at once");
        assert_eq!(state.rev, 2);
    }

    #[test]
    fn a_paste_is_analysed_at_once() {
        let state = reduce(
            AppState::default(),
            Action::Edit {
                text: "x".into(),
                paste: true,
            },
        );
        assert!(!state.debounce);
    }

    #[test]
    fn edit_replaces_the_text() {
        let state = reduce(AppState::default(), Action::LoadExample);
        let state = reduce(state, edit("新的文本"));
        assert_eq!(state.text.as_str(), "新的文本");
    }

    #[test]
    fn an_edit_that_changes_nothing_keeps_the_same_state() {
        let before = Rc::new(AppState {
            text: "same".into(),
            ..AppState::default()
        });
        let after = before.clone().reduce(edit("same"));
        assert!(Rc::ptr_eq(&before, &after));
    }

    #[test]
    fn analyses_of_old_revisions_are_dropped() {
        let s1 = reduce(AppState::default(), edit("一"));
        let stale = analysed(&s1);
        let s2 = reduce(s1, edit("二"));
        let s2b = reduce(s2.clone(), stale);
        assert_eq!(s2b, s2, "an answer for an older text changes nothing");
        assert!(s2b.busy && s2b.result.is_none());
        let fresh = analysed(&s2);
        let s3 = reduce(s2, fresh);
        assert!(!s3.busy);
        assert_eq!(s3.result.as_ref().map(|r| r.rev), Some(s3.rev));
    }

    #[test]
    fn the_previous_result_stays_while_the_next_is_computed() {
        let s = reduce(AppState::default(), Action::LoadExample);
        let s = reduce(s.clone(), analysed(&s));
        let s = reduce(s, edit("新的文本"));
        assert!(s.busy);
        assert!(s.result.is_some());
        let s = reduce(s, Action::Clear);
        assert!(
            !s.busy && s.result.is_none(),
            "an empty text has no analysis"
        );
    }

    #[test]
    fn files_load_or_leave_a_message() {
        let s = reduce(
            AppState::default(),
            Action::LoadFile {
                name: "a.txt".into(),
                decoded: Decoded {
                    text: "文本".into(),
                    encoding: "GB18030",
                },
            },
        );
        assert_eq!(s.text.as_str(), "文本");
        assert!(!s.debounce);
        assert_eq!(
            s.notice,
            Some(Notice::Loaded {
                name: "a.txt".into(),
                encoding: "GB18030"
            })
        );
        let s = reduce(
            s,
            Action::FileRejected {
                name: "b.bin".into(),
                why: Rejection::Binary,
            },
        );
        assert_eq!(
            s.text.as_str(),
            "文本",
            "a refused file leaves the text alone"
        );
        assert!(matches!(s.notice, Some(Notice::Rejected { .. })));
        let s = reduce(s, Action::DismissNotice);
        assert_eq!(s.notice, None);
    }

    #[test]
    fn selection_gets_a_window_and_clears_on_edit() {
        let s = reduce(AppState::default(), Action::LoadExample);
        let s = reduce(s.clone(), analysed(&s));
        let s = reduce(
            s,
            Action::Select(Some(Selection {
                finding: Some(0),
                lines: vec![331, 329, 331],
                values: vec![],
                window: (0, 0),
            })),
        );
        let sel = s.selection.clone().unwrap();
        assert_eq!(sel.lines, [329, 331]);
        let count = s.result.as_ref().unwrap().source.count();
        assert_eq!(sel.window, (1, count), "a short text is shown whole");
        let s = reduce(s, edit("x"));
        assert_eq!(s.selection, None);
    }

    #[test]
    fn long_texts_get_a_window_that_widens() {
        assert_eq!(window(&[10_000, 10_010], 50_000), (9_700, 10_310));
        assert_eq!(window(&[5], 50_000), (1, 305));
        assert_eq!(window(&[49_990], 50_000), (49_690, 50_000));
        assert_eq!(window(&[], 50_000), (1, SOURCE_WHOLE_LINES));
        assert_eq!(window(&[], 0), (1, 1));

        let text: String = "行\n".repeat(20_000);
        let s = reduce(AppState::default(), edit(&text));
        let s = reduce(s.clone(), analysed(&s));
        let s = reduce(
            s,
            Action::Select(Some(Selection {
                lines: vec![10_000],
                ..Selection::default()
            })),
        );
        assert_eq!(s.selection.as_ref().unwrap().window, (9_700, 10_300));
        let s = reduce(s, Action::WidenSource { earlier: true });
        let s = reduce(s, Action::WidenSource { earlier: false });
        assert_eq!(s.selection.as_ref().unwrap().window, (9_400, 10_600));
    }

    #[test]
    fn filters_toggle() {
        let s = reduce(AppState::default(), Action::ToggleSeverity(Severity::Info));
        assert_eq!(s.filter.hidden, [Severity::Info]);
        let s = reduce(s, Action::ToggleSeverity(Severity::Info));
        assert!(s.filter.hidden.is_empty());
        let s = reduce(s, Action::SetTableFilter(TableFilter::Table(2)));
        assert_eq!(s.filter.table, TableFilter::Table(2));
        assert!(TableFilter::Table(2).admits(&[1, 2]));
        assert!(!TableFilter::Table(2).admits(&[]));
        assert!(TableFilter::NoTable.admits(&[]));
        assert!(TableFilter::All.admits(&[3]));
    }

    #[test]
    fn drill_paths_and_views_and_language() {
        let s = reduce(
            AppState::default(),
            Action::Drill(DrillSet::Functional, vec!["201".into(), "20103".into()]),
        );
        assert_eq!(s.drill.path(DrillSet::Functional), ["201", "20103"]);
        assert!(s.drill.path(DrillSet::Economic).is_empty());
        let s = reduce(s, Action::SetView(View::Shares));
        let s = reduce(s, Action::SetLang(Lang::En));
        assert_eq!((s.view, s.lang), (View::Shares, Lang::En));
        let s = reduce(s, Action::LoadExample);
        assert!(
            s.drill.functional.is_empty(),
            "a new text starts at the top"
        );
    }

    #[test]
    fn reset_forgets_everything_but_the_mode() {
        let s = reduce(AppState::new(true), Action::LoadExample);
        let s = reduce(s, Action::SetLang(Lang::En));
        let rev = s.rev;
        let s = reduce(s, Action::Reset);
        assert!(s.kiosk);
        assert_eq!(s.text.as_str(), "");
        assert_eq!(s.lang, Lang::Zh);
        assert!(s.rev > rev, "a pending analysis of the old text is dropped");
    }
}
