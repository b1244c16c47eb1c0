//! Application state: everything the page shows is derived from this one value, changed only
//! through [`Action`]s. The analysis itself is computed outside the reducer (see
//! `crate::analyzer`) when the text changes and arrives as [`Action::Analyzed`].

use std::rc::Rc;

use disclosure::analyze::ranking::{Entered, Mode};
use disclosure::check::Severity;
use disclosure::{Decimal, LineNo};
use yew::{AttrValue, Reducible, UseReducerDispatcher};

use crate::decode::{Decoded, Rejection};
use crate::i18n::Lang;
use crate::prepared::Prepared;
use crate::storage::{Loaded, Opened, SaveError};
use crate::workspace::{Doc, ImportProblem, ReadOk, Reduced, StoredDoc, Workspace, WsMessage};

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

/// The page's areas: one document analysed, the workspace of documents, and the workspace
/// compared side by side and over the years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    /// One text, its summary and the views under it.
    #[default]
    Analyzer,
    /// The list of documents kept.
    Workspace,
    /// The documents side by side.
    Compare,
    /// Each department over the years.
    Time,
}

impl Page {
    /// Every page, in navigation order.
    pub const ALL: [Page; 4] = [Page::Analyzer, Page::Workspace, Page::Compare, Page::Time];

    /// The stable name used in `data-testid="nav-…"` and in the address (`#compare`).
    pub fn slug(self) -> &'static str {
        match self {
            Page::Analyzer => "analyzer",
            Page::Workspace => "workspace",
            Page::Compare => "compare",
            Page::Time => "time",
        }
    }

    /// The page an address fragment names (`#compare`), else the analyzer.
    pub fn from_hash(hash: &str) -> Page {
        let name = hash.trim_start_matches('#');
        Page::ALL
            .into_iter()
            .find(|p| p.slug() == name)
            .unwrap_or_default()
    }
}

/// How the compare view is arranged.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompareUi {
    /// Columns sorted by this metric (its id), highest first unless `ascending`.
    pub sort: Option<(String, bool)>,
    /// The 功能分类 类 rows opened to their 款 (metric ids).
    pub expanded: Vec<String>,
    /// Show how each row was derived under its name.
    pub derivations: bool,
    /// The ranking's metric (its id), once chosen.
    pub rank_metric: Option<String>,
    /// The ranking's figures: as stated or per entered person.
    pub rank_mode: Mode,
    /// How many columns the table draws (0: the first [`COLUMN_STEP`]).
    pub columns: usize,
}

/// The compare table draws this many columns at first, and this many more on request: a
/// workspace of a thousand documents is a table of a hundred thousand cells, seconds to draw.
pub const COLUMN_STEP: usize = 100;

/// What the workspace keeps of its texts' analyses, made outside the reducer.
#[derive(Debug, Clone)]
pub struct Analysed(pub Vec<(AttrValue, Rc<Reduced>)>);

impl PartialEq for Analysed {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|(a, b)| a.0 == b.0 && Rc::ptr_eq(&a.1, &b.1))
    }
}

/// A message about a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A file was read.
    Loaded {
        /// Its name.
        name: String,
        /// The encoding it was read in ("PDF" for a PDF's text).
        encoding: &'static str,
        /// A PDF's pages (0 for a text).
        pages: usize,
        /// What the PDF reader noted, in Chinese and English.
        notes: Vec<(String, String)>,
    },
    /// A file was refused.
    Rejected {
        /// Its name.
        name: String,
        /// Why.
        why: Rejection,
    },
    /// A PDF is being read.
    Reading {
        /// Its name.
        name: String,
    },
}

/// What the source view shows: some lines, with numbers to mark in them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    /// The finding selected (its index in `Analysis::findings`), if it was a finding.
    pub finding: Option<usize>,
    /// The cited lines, ascending.
    pub lines: Vec<LineNo>,
    /// The numbers to mark within them (a finding's expected, actual and other printed values).
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

/// A text of at least this many bytes arriving at once (a file, the example, the shell's text, a
/// paste of that size) folds the text box: it is a document, not an edit.
pub const FOLD_MIN: usize = 8 * 1024;

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
    /// The text box is folded to one line ([`FOLD_MIN`]): a whole document arrived at once, so
    /// the results are in view, and the browser need not lay its text out (tens of milliseconds
    /// for a document: the first load's critical path). [`Action::Unfold`] opens it.
    pub folded: bool,
    /// An analysis of the current revision is pending.
    pub busy: bool,
    /// The latest analysis (of `rev` unless `busy`).
    pub result: Option<Prepared>,
    /// A message about the last file.
    pub notice: Option<Notice>,
    /// When the text is a PDF's, the number of each page's first line (for the source view).
    pub pdf_pages: Rc<Vec<u32>>,
    /// When the text is a PDF's read in this session, the PDF reader's handle on its bytes
    /// (the source view draws its pages); else `None`.
    pub pdf_doc: Option<u32>,
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
    /// The area shown.
    pub page: Page,
    /// The documents kept side by side.
    pub workspace: Workspace,
    /// The saved workspace has been read (so saving may begin).
    pub ws_loaded: bool,
    /// The `saved_rev` of the workspace last written to storage.
    pub ws_persisted: u64,
    /// Saving is off for this session (a damaged saved value could not be backed up).
    pub ws_save_blocked: bool,
    /// The workspace is kept in IndexedDB (else in `localStorage`: IndexedDB is unavailable).
    pub ws_idb: bool,
    /// Messages about the workspace, oldest first.
    pub ws_messages: Vec<WsMessage>,
    /// How the compare view is arranged.
    pub compare: CompareUi,
    /// Amounts in 万元 shown in 元 (the English page's toggle).
    pub yuan: bool,
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
        /// How many bytes the paste brought (0 for typing, or when the browser did not say).
        pasted: usize,
    },
    /// Open the folded text box ([`AppState::folded`]).
    Unfold,
    /// Replace the text with the built-in example (its text, once loaded).
    LoadExample(AttrValue),
    /// A file was read and decoded.
    LoadFile {
        /// Its name.
        name: String,
        /// Its text.
        decoded: Decoded,
    },
    /// A PDF is being read (its text replaces the current one when it is in).
    ReadingPdf {
        /// Its name.
        name: String,
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
    /// Show amounts in 万元 in 元, or as printed.
    SetYuan(bool),
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
    /// Show another area of the page.
    SetPage(Page),
    /// The saved workspace was read.
    WorkspaceLoaded(Opened),
    /// Add documents (name, text and a PDF's page marks) to the workspace; `added` is the
    /// time (ISO 8601) and `stamp` the time in milliseconds, for new ids.
    WorkspaceAdd {
        /// Names, texts and page marks (the current text's are the state's).
        docs: Vec<(String, String, Vec<u32>)>,
        /// When.
        added: String,
        /// The time in milliseconds.
        stamp: u64,
    },
    /// A file was not added to the workspace.
    WorkspaceRejected {
        /// Its name.
        name: String,
        /// Why.
        why: Rejection,
    },
    /// Workspace texts were analysed.
    WorkspaceAnalysed(Analysed),
    /// Rename a document.
    WorkspaceRename {
        /// Its id.
        id: String,
        /// The new name.
        name: String,
    },
    /// Remove a document.
    WorkspaceRemove(String),
    /// Open a document in the analyzer.
    WorkspaceOpen(String),
    /// Set or clear the count of people entered for a document.
    WorkspacePeople {
        /// Its id.
        id: String,
        /// The count, already checked ([`disclosure::analyze::ranking::parse_count`]).
        people: Option<Entered>,
    },
    /// A workspace file was read (or refused).
    WorkspaceImport {
        /// Its name.
        name: String,
        /// What it held.
        read: Result<ReadOk, ImportProblem>,
        /// The time in milliseconds, for new ids.
        stamp: u64,
    },
    /// The workspace (as of `saved_rev`) was written to storage, or not.
    WorkspaceSaved {
        /// The revision written.
        saved_rev: u64,
        /// The outcome.
        result: Result<(), SaveError>,
    },
    /// Hide the workspace messages.
    DismissWsMessages,
    /// Sort the compare view's columns by a metric: highest first, then lowest first, then
    /// back to the workspace order.
    CompareSort(String),
    /// Open or close a 功能分类 类 row to its 款.
    CompareExpand(String),
    /// Show or hide the derivations under the row names.
    CompareDerivations,
    /// Rank the documents by this metric.
    RankBy(String),
    /// Draw this many of the compare table's columns.
    CompareColumns(usize),
    /// Rank by the figures as stated or per entered person.
    RankMode(Mode),
}

impl AppState {
    /// The state a page starts in.
    pub fn new(kiosk: bool) -> Self {
        AppState {
            kiosk,
            ..AppState::default()
        }
    }

    /// The state a page starts in on `page`, with the text the shell of index.html held
    /// ([`crate::shell`]), analysed at once.
    pub fn starting(kiosk: bool, page: Page, shell_text: &str) -> Self {
        let state = AppState {
            page,
            ..AppState::new(kiosk)
        };
        if shell_text.trim().is_empty() {
            return state;
        }
        let mut state = state.with_text(AttrValue::from(shell_text.to_owned()), false);
        state.folded = shell_text.len() >= FOLD_MIN;
        state
    }

    /// Adds a workspace message (files added one by one make one message).
    fn message(&mut self, message: Option<WsMessage>) {
        match (self.ws_messages.last_mut(), message) {
            (Some(WsMessage::Added(n)), Some(WsMessage::Added(m))) => *n += m,
            (_, message) => self.ws_messages.extend(message),
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
            pdf_pages: Rc::default(),
            pdf_doc: None,
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
        // The next state is a copy changed in place (one copy, then plain assignments: smaller
        // code than a struct built anew in every arm).
        let mut s = (*self).clone();
        match action {
            Action::Edit {
                text,
                paste,
                pasted,
            } => {
                if text == self.text.as_str() {
                    return self;
                }
                s = self.with_text(AttrValue::from(text), !paste);
                s.folded = paste && pasted >= FOLD_MIN;
                s.notice = None;
            }
            Action::Unfold => s.folded = false,
            Action::LoadExample(example) => {
                if self.text == example {
                    return self;
                }
                s = self.with_text(example, false);
                s.folded = s.text.len() >= FOLD_MIN;
                s.notice = None;
            }
            Action::LoadFile { name, decoded } => {
                s = self.with_text(AttrValue::from(decoded.text), false);
                s.folded = s.text.len() >= FOLD_MIN;
                s.notice = Some(Notice::Loaded {
                    name,
                    encoding: decoded.encoding,
                    pages: decoded.pages.len(),
                    notes: decoded.notes,
                });
                s.pdf_pages = Rc::new(decoded.pages);
                s.pdf_doc = decoded.pdf_doc;
                s.dragging = false;
            }
            Action::ReadingPdf { name } => {
                s.notice = Some(Notice::Reading { name });
                s.dragging = false;
            }
            Action::FileRejected { name, why } => {
                s.notice = Some(Notice::Rejected { name, why });
                s.dragging = false;
            }
            Action::DismissNotice => s.notice = None,
            Action::Clear => {
                s = self.with_text(AttrValue::Static(""), false);
                s.folded = false;
                s.notice = None;
            }
            Action::Analyzed(prepared) => {
                if prepared.rev != self.rev {
                    return self; // an answer for a text that has changed since
                }
                s.busy = false;
                s.result = Some(prepared);
            }
            Action::SetLang(lang) => s.lang = lang,
            Action::SetView(view) => s.view = view,
            Action::SetYuan(on) => s.yuan = on,
            Action::Select(selection) => {
                let count = self.line_count();
                s.selection = selection.map(|mut sel| {
                    disclosure::sort::sort(&mut sel.lines);
                    sel.lines.dedup();
                    sel.window = window(&sel.lines, count);
                    sel
                });
            }
            Action::WidenSource { earlier } => {
                let count = self.line_count();
                let Some(sel) = s.selection.as_mut() else {
                    return self;
                };
                if earlier {
                    sel.window.0 = sel.window.0.saturating_sub(SOURCE_MARGIN).max(1);
                } else {
                    sel.window.1 = sel.window.1.saturating_add(SOURCE_MARGIN).min(count);
                }
            }
            Action::ToggleSeverity(severity) => {
                let hidden = &mut s.filter.hidden;
                if let Some(i) = hidden.iter().position(|&h| h == severity) {
                    hidden.remove(i);
                } else {
                    hidden.push(severity);
                }
            }
            Action::SetTableFilter(table) => s.filter.table = table,
            Action::Drill(set, path) => match set {
                DrillSet::Functional => s.drill.functional = path,
                DrillSet::Economic => s.drill.economic = path,
            },
            Action::Dragging(dragging) => {
                if dragging == self.dragging {
                    return self;
                }
                s.dragging = dragging;
            }
            Action::Reset => {
                s = AppState::new(self.kiosk);
                s.rev = self.rev + 1;
            }
            Action::SetPage(page) => s.page = page,
            Action::DismissWsMessages => s.ws_messages.clear(),
            Action::CompareSort(metric) => {
                s.compare.sort = match &self.compare.sort {
                    Some((m, false)) if *m == metric => Some((metric, true)),
                    Some((m, true)) if *m == metric => None,
                    _ => Some((metric, false)),
                };
            }
            Action::CompareExpand(metric) => {
                let open = &mut s.compare.expanded;
                if let Some(i) = open.iter().position(|m| *m == metric) {
                    open.remove(i);
                } else {
                    open.push(metric);
                }
            }
            Action::CompareDerivations => s.compare.derivations = !s.compare.derivations,
            Action::RankBy(metric) => s.compare.rank_metric = Some(metric),
            Action::CompareColumns(n) => s.compare.columns = n,
            Action::RankMode(mode) => s.compare.rank_mode = mode,
            // The workspace's steps are in the page's later module (src/later.rs).
            other => return reduce_workspace(self, other),
        }
        Rc::new(s)
    }
}

/// The reducer's workspace steps, as the later module gives them once it is in
/// ([`set_workspace_steps`]).
pub type WorkspaceSteps = fn(Rc<AppState>, Action) -> Rc<AppState>;

thread_local! {
    static WORKSPACE_STEPS: std::cell::Cell<Option<WorkspaceSteps>> =
        const { std::cell::Cell::new(None) };
}

/// Sets the reducer's workspace steps (the later module, when it is in: this module does not
/// import it, since it imports the views, which import this).
pub fn set_workspace_steps(steps: WorkspaceSteps) {
    WORKSPACE_STEPS.with(|s| s.set(Some(steps)));
}

/// A workspace action reduced: by the later module's steps, which are in whenever a workspace
/// action is dispatched (`later::dispatch`). Natively, the steps themselves.
fn reduce_workspace(state: Rc<AppState>, action: Action) -> Rc<AppState> {
    #[cfg(target_family = "wasm")]
    let steps = WORKSPACE_STEPS.with(std::cell::Cell::get);
    #[cfg(not(target_family = "wasm"))]
    let steps: Option<WorkspaceSteps> = Some(AppState::reduce_workspace);
    match steps {
        Some(reduce) => reduce(state, action),
        None => state,
    }
}

impl AppState {
    /// The reducer's workspace steps ([`Action`]'s `Workspace…` variants; any other action
    /// changes nothing here). Called only through the later module ([`set_workspace_steps`]):
    /// the page's first load carries none of the workspace's code.
    pub fn reduce_workspace(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::WorkspaceLoaded(Opened { db, local }) => {
                let mut messages = Vec::new();
                let (mut docs, idb) = match db {
                    Ok((docs, damaged)) => {
                        if !damaged.is_empty() {
                            messages.push(WsMessage::DamagedRecords(damaged));
                        }
                        (docs, true)
                    }
                    Err(why) => {
                        messages.push(WsMessage::NoIndexedDb(why));
                        (Vec::new(), false)
                    }
                };
                let in_db = docs.len();
                let (local, local_message, blocked) = match local {
                    Loaded::Nothing => (Vec::new(), None, false),
                    Loaded::Restored { docs, version } => {
                        let migrated_from =
                            (version < crate::workspace::VERSION).then_some(version);
                        let message = WsMessage::Restored {
                            count: docs.len(),
                            migrated_from,
                        };
                        (docs, Some(message), false)
                    }
                    Loaded::Damaged {
                        docs,
                        skipped,
                        backup,
                        ..
                    } => {
                        let blocked = backup.is_none();
                        let message = WsMessage::Damaged {
                            count: docs.len(),
                            skipped,
                            backup,
                        };
                        (docs, Some(message), blocked)
                    }
                };
                // A migrated or repaired workspace is written back at once; one found in
                // localStorage is moved into IndexedDB (and removed from localStorage once
                // written).
                let rewrite = local_message.as_ref().is_some_and(|m| {
                    idb || !matches!(
                        m,
                        WsMessage::Restored {
                            migrated_from: None,
                            ..
                        }
                    )
                });
                let moved = idb && local_message.is_some() && !local.is_empty();
                if in_db > 0 {
                    messages.push(WsMessage::Restored {
                        count: in_db,
                        migrated_from: None,
                    });
                }
                messages.extend(local_message);
                if moved {
                    messages.push(WsMessage::Moved(local.len()));
                }
                // The same document in both (a tab that moved it while this one read) once.
                for d in local {
                    if !docs.iter().any(|o| o.id == d.id && o.text == d.text) {
                        docs.push(d);
                    }
                }
                // Documents added before the saved ones were read stay, after them.
                let early: Vec<StoredDoc> = self.workspace.docs.iter().map(Doc::stored).collect();
                let stored = Workspace::from_stored(docs);
                s.workspace = stored;
                s.workspace.saved_ok();
                if !early.is_empty() {
                    s.workspace.import(early, 0);
                }
                s.ws_loaded = true;
                s.ws_idb = idb;
                s.ws_persisted = if rewrite || !self.workspace.docs.is_empty() {
                    0
                } else {
                    s.workspace.saved_rev
                };
                s.ws_save_blocked = blocked;
                for m in messages {
                    s.message(Some(m));
                }
            }
            Action::WorkspaceAdd { docs, added, stamp } => {
                let n = docs.len();
                for (name, text, mut pages) in docs {
                    if pages.is_empty() && text == self.text.as_str() {
                        pages = self.pdf_pages.to_vec();
                    }
                    s.workspace.add(name, text, pages, added.clone(), stamp);
                }
                s.message(Some(WsMessage::Added(n)));
            }
            Action::WorkspaceRejected { name, why } => {
                s.dragging = false;
                s.message(Some(WsMessage::Rejected { name, why }));
            }
            Action::WorkspaceAnalysed(Analysed(done)) => s.workspace.set_analyses(done),
            Action::WorkspaceRename { id, name } => {
                if !s.workspace.rename(&id, &name) {
                    return self;
                }
            }
            Action::WorkspaceRemove(id) => {
                if !s.workspace.remove(&id) {
                    return self;
                }
            }
            Action::WorkspacePeople { id, people } => {
                if !s.workspace.set_people(&id, people) {
                    return self;
                }
            }
            Action::WorkspaceOpen(id) => {
                let Some(doc) = self.workspace.get(&id) else {
                    return self;
                };
                s = self.with_text(doc.text.clone(), false);
                s.pdf_pages = doc.pages.clone();
                s.folded = s.text.len() >= FOLD_MIN;
                s.page = Page::Analyzer;
                s.notice = None;
            }
            Action::WorkspaceImport { name, read, stamp } => {
                let message = match read {
                    Err(why) => WsMessage::ImportRefused { name, why },
                    Ok(r) => {
                        let total = r.docs.len();
                        let added = s.workspace.import(r.docs, stamp);
                        WsMessage::Imported {
                            name,
                            added,
                            present: total - added,
                            skipped: r.skipped,
                        }
                    }
                };
                s.message(Some(message));
            }
            Action::WorkspaceSaved { saved_rev, result } => {
                // One message about saving at a time: the latest.
                s.ws_messages
                    .retain(|m| !matches!(m, WsMessage::SaveFailed { .. }));
                match result {
                    Ok(()) => s.workspace.saved_ok(),
                    Err(e) => {
                        s.workspace.save_failed();
                        s.message(Some(WsMessage::SaveFailed {
                            quota: e == SaveError::Quota,
                            newer: e == SaveError::Other("VersionError".into()),
                        }));
                    }
                }
                s.ws_persisted = saved_rev;
            }
            _ => return self,
        }
        Rc::new(s)
    }
}

/// The dispatcher, shared with every component through a context.
pub type Dispatch = UseReducerDispatcher<AppState>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::EXAMPLE;
    use crate::workspace::ReadError;

    fn reduce(state: AppState, action: Action) -> AppState {
        (*Rc::new(state).reduce(action)).clone()
    }

    fn edit(text: &str) -> Action {
        Action::Edit {
            text: text.to_owned(),
            paste: false,
            pasted: 0,
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
        let state = reduce(state, Action::LoadExample(AttrValue::Static(EXAMPLE)));
        assert_eq!(state.text.as_str(), EXAMPLE);
        assert!(EXAMPLE.contains("库尔勒市朝阳街道办事处"));
        assert!(state.busy);
        assert!(!state.debounce, "a load is analysed at once");
        assert_eq!(state.rev, 2);
    }

    #[test]
    fn a_text_from_the_shell_is_adopted_and_analysed_at_once() {
        let s = AppState::starting(false, Page::Compare, "表一\n");
        assert_eq!((s.text.as_str(), s.page), ("表一\n", Page::Compare));
        assert!(s.busy && !s.debounce && s.rev == 1);
        let s = AppState::starting(true, Page::Analyzer, " \n");
        assert!(s.kiosk && !s.busy && s.rev == 0 && s.text.is_empty());
    }

    #[test]
    fn a_paste_is_analysed_at_once() {
        let state = reduce(
            AppState::default(),
            Action::Edit {
                text: "x".into(),
                paste: true,
                pasted: 1,
            },
        );
        assert!(!state.debounce);
    }

    #[test]
    fn a_whole_document_arriving_at_once_folds_the_text_box_and_an_edit_does_not() {
        let paste = |text: &str, pasted: usize| Action::Edit {
            text: text.to_owned(),
            paste: true,
            pasted,
        };
        // The example, a file, the shell's text: a document (the sample is 58 kB).
        let example = reduce(
            AppState::default(),
            Action::LoadExample(AttrValue::Static(EXAMPLE)),
        );
        assert!(example.folded);
        assert!(AppState::starting(false, Page::Analyzer, EXAMPLE).folded);
        assert!(
            !AppState::starting(false, Page::Analyzer, "预算收入合计 100").folded,
            "a line is not folded"
        );
        // Opened, then edited: a short paste into it or typing keeps it open.
        let open = reduce(example, Action::Unfold);
        assert!(!open.folded);
        let edited = reduce(open.clone(), paste(&format!("{EXAMPLE}注"), 3));
        assert!(!edited.folded);
        assert!(!reduce(open.clone(), edit("typed")).folded);
        // A whole document pasted over it folds it again.
        let big = "一般公共预算拨款收入 1,234.56 万元\n".repeat(400);
        assert!(reduce(open, paste(&big, big.len())).folded);
        // Emptied: open, showing the start.
        let cleared = reduce(
            reduce(AppState::default(), paste(&big, big.len())),
            Action::Clear,
        );
        assert!(!cleared.folded);
        assert!(big.len() >= FOLD_MIN && EXAMPLE.len() >= FOLD_MIN);
    }

    #[test]
    fn edit_replaces_the_text() {
        let state = reduce(
            AppState::default(),
            Action::LoadExample(AttrValue::Static(EXAMPLE)),
        );
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
        let s = reduce(
            AppState::default(),
            Action::LoadExample(AttrValue::Static(EXAMPLE)),
        );
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
                    pages: Vec::new(),
                    notes: Vec::new(),
                    pdf_doc: None,
                },
            },
        );
        assert_eq!(s.text.as_str(), "文本");
        assert!(!s.debounce);
        assert_eq!(
            s.notice,
            Some(Notice::Loaded {
                name: "a.txt".into(),
                encoding: "GB18030",
                pages: 0,
                notes: Vec::new(),
            })
        );
        // A PDF's text keeps where its pages begin until the text changes.
        let note = ("第 2 页是图片".to_owned(), "Page 2 is an image".to_owned());
        let pdf = reduce(
            s.clone(),
            Action::LoadFile {
                name: "c.pdf".into(),
                decoded: Decoded {
                    text: "一\n二\n".into(),
                    encoding: "PDF",
                    pages: vec![1, 2, 3],
                    notes: vec![note.clone()],
                    pdf_doc: Some(7),
                },
            },
        );
        assert_eq!(*pdf.pdf_pages, [1, 2, 3]);
        assert_eq!(pdf.pdf_doc, Some(7));
        assert!(
            matches!(&pdf.notice, Some(Notice::Loaded { pages: 3, notes, .. }) if *notes == [note])
        );
        let edited = reduce(
            pdf,
            Action::Edit {
                text: "一\n".into(),
                paste: false,
                pasted: 0,
            },
        );
        assert!(edited.pdf_pages.is_empty());
        assert_eq!(edited.pdf_doc, None, "an edited text has no page pictures");
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
        let s = reduce(
            AppState::default(),
            Action::LoadExample(AttrValue::Static(EXAMPLE)),
        );
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
        let s = reduce(s, Action::LoadExample(AttrValue::Static(EXAMPLE)));
        assert!(
            s.drill.functional.is_empty(),
            "a new text starts at the top"
        );
    }

    #[test]
    fn reset_forgets_everything_but_the_mode() {
        let s = reduce(
            AppState::new(true),
            Action::LoadExample(AttrValue::Static(EXAMPLE)),
        );
        let s = reduce(
            s,
            Action::WorkspaceAdd {
                docs: vec![("a".into(), "一".into(), Vec::new())],
                added: String::new(),
                stamp: 1,
            },
        );
        let s = reduce(s, Action::SetLang(Lang::En));
        let rev = s.rev;
        let s = reduce(s, Action::Reset);
        assert!(s.kiosk);
        assert_eq!(s.text.as_str(), "");
        assert_eq!(s.lang, Lang::Zh);
        assert!(
            s.workspace.docs.is_empty(),
            "the kiosk's workspace is forgotten too"
        );
        assert!(s.rev > rev, "a pending analysis of the old text is dropped");
    }

    fn stored(id: &str, text: &str) -> crate::workspace::StoredDoc {
        crate::workspace::StoredDoc {
            id: id.into(),
            name: id.into(),
            text: text.into(),
            added: String::new(),
            people: None,
            pages: Vec::new(),
        }
    }

    #[test]
    fn pages_from_the_address() {
        assert_eq!(Page::from_hash("#compare"), Page::Compare);
        assert_eq!(Page::from_hash("time"), Page::Time);
        assert_eq!(Page::from_hash("#nope"), Page::Analyzer);
        let s = reduce(AppState::default(), Action::SetPage(Page::Workspace));
        assert_eq!(s.page, Page::Workspace);
    }

    /// The page found this in localStorage, and IndexedDB unavailable.
    fn local(l: Loaded) -> Action {
        Action::WorkspaceLoaded(Opened {
            db: Err("InvalidStateError".into()),
            local: l,
        })
    }

    #[test]
    fn a_workspace_in_indexeddb_opens_and_one_in_localstorage_moves_into_it() {
        // IndexedDB holds two documents, one record of it damaged; localStorage a version-1
        // workspace of two, one of them already moved (the same id and text).
        let s = reduce(
            AppState::default(),
            Action::WorkspaceLoaded(Opened {
                db: Ok((
                    vec![stored("a", "一"), stored("b", "二")],
                    vec!["坏的.txt".into()],
                )),
                local: Loaded::Restored {
                    docs: vec![stored("b", "二"), stored("c", "三")],
                    version: 1,
                },
            }),
        );
        assert!(s.ws_idb);
        let texts: Vec<&str> = s.workspace.docs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["一", "二", "三"]);
        assert_eq!(
            s.ws_messages,
            [
                WsMessage::DamagedRecords(vec!["坏的.txt".into()]),
                WsMessage::Restored {
                    count: 2,
                    migrated_from: None
                },
                WsMessage::Restored {
                    count: 2,
                    migrated_from: Some(1)
                },
                WsMessage::Moved(2),
            ]
        );
        assert_ne!(s.ws_persisted, s.workspace.saved_rev, "moved at once");
        // Without anything in localStorage, nothing is due.
        let s = reduce(
            AppState::default(),
            Action::WorkspaceLoaded(Opened {
                db: Ok((vec![stored("a", "一")], Vec::new())),
                local: Loaded::Nothing,
            }),
        );
        assert_eq!(s.ws_persisted, s.workspace.saved_rev);
        // IndexedDB refused: localStorage as before, and the page says why.
        let s = reduce(AppState::default(), local(Loaded::Nothing));
        assert!(!s.ws_idb);
        assert_eq!(
            s.ws_messages,
            [WsMessage::NoIndexedDb("InvalidStateError".into())]
        );
    }

    #[test]
    fn documents_added_before_the_saved_ones_are_read_are_kept() {
        let s = reduce(
            AppState::default(),
            Action::WorkspaceAdd {
                docs: vec![("early.txt".into(), "早".into(), vec![1, 40])],
                added: "t".into(),
                stamp: 1,
            },
        );
        let s = reduce(
            s,
            Action::WorkspaceLoaded(Opened {
                db: Ok((vec![stored("a", "一")], Vec::new())),
                local: Loaded::Nothing,
            }),
        );
        let names: Vec<&str> = s.workspace.docs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["a", "early.txt"]);
        assert_eq!(*s.workspace.docs[1].pages, [1, 40], "with its page marks");
        assert_ne!(s.ws_persisted, s.workspace.saved_rev, "a save is due");
        // Opened in the analyzer, its page marks come along.
        let id = s.workspace.docs[1].id.to_string();
        let s = reduce(s, Action::WorkspaceOpen(id));
        assert_eq!(*s.pdf_pages, [1, 40]);
    }

    #[test]
    fn workspace_loads_adds_and_reports_saves() {
        let s = reduce(
            AppState::default(),
            local(Loaded::Restored {
                docs: vec![stored("a", "一")],
                version: crate::workspace::VERSION,
            }),
        );
        assert!(s.ws_loaded);
        assert_eq!(
            s.ws_persisted, s.workspace.saved_rev,
            "nothing to write back"
        );
        let s = reduce(
            s,
            Action::WorkspaceAdd {
                docs: vec![("b.txt".into(), "二".into(), Vec::new())],
                added: "t".into(),
                stamp: 1,
            },
        );
        let s = reduce(
            s,
            Action::WorkspaceAdd {
                docs: vec![("c.txt".into(), "三".into(), Vec::new())],
                added: "t".into(),
                stamp: 1,
            },
        );
        assert_eq!(s.workspace.docs.len(), 3);
        assert_eq!(
            s.ws_messages.last(),
            Some(&WsMessage::Added(2)),
            "one message"
        );
        let rev = s.workspace.saved_rev;
        assert_ne!(s.ws_persisted, rev, "a save is due");
        let s = reduce(
            s,
            Action::WorkspaceSaved {
                saved_rev: rev,
                result: Err(SaveError::Quota),
            },
        );
        assert_eq!(s.workspace.docs.len(), 3, "nothing lost");
        let unsaved: Vec<bool> = s.workspace.docs.iter().map(|d| d.unsaved).collect();
        assert_eq!(unsaved, [false, true, true]);
        assert!(matches!(
            s.ws_messages.last(),
            Some(WsMessage::SaveFailed { quota: true, .. })
        ));
        let id = s.workspace.docs[0].id.to_string();
        let s = reduce(s, Action::WorkspaceOpen(id));
        assert_eq!((s.page, s.text.as_str()), (Page::Analyzer, "一"));
        assert!(s.busy);
    }

    #[test]
    fn damaged_and_migrated_workspaces_are_written_back_unless_unbacked() {
        let migrated = reduce(
            AppState::default(),
            local(Loaded::Restored {
                docs: vec![stored("a", "一")],
                version: 0,
            }),
        );
        assert_ne!(migrated.ws_persisted, migrated.workspace.saved_rev);
        let damaged = |backup: Option<String>| {
            reduce(
                AppState::default(),
                local(Loaded::Damaged {
                    docs: vec![stored("a", "一")],
                    skipped: 1,
                    error: None,
                    backup,
                }),
            )
        };
        let s = damaged(Some("k".into()));
        assert!(!s.ws_save_blocked);
        assert_ne!(s.ws_persisted, s.workspace.saved_rev);
        assert!(
            damaged(None).ws_save_blocked,
            "never overwrite an unbacked value"
        );
    }

    #[test]
    fn an_entered_count_is_saved_and_a_version_1_workspace_written_back() {
        use disclosure::analyze::ranking::Basis;
        let s = reduce(
            AppState::default(),
            local(Loaded::Restored {
                docs: vec![stored("a", "一")],
                version: 1,
            }),
        );
        assert_ne!(
            s.ws_persisted, s.workspace.saved_rev,
            "written back as version 2"
        );
        let rev = s.workspace.saved_rev;
        let people = Some(Entered {
            basis: Basis::Population,
            count: 52_000,
        });
        let set = |id: &str| Action::WorkspacePeople {
            id: id.into(),
            people,
        };
        let s = reduce(s, set("a"));
        assert_eq!(s.workspace.docs[0].people, people);
        assert!(s.workspace.saved_rev > rev, "a save is due");
        let same = Rc::new(s);
        assert!(Rc::ptr_eq(&same.clone().reduce(set("nope")), &same));
        assert!(
            Rc::ptr_eq(&same.clone().reduce(set("a")), &same),
            "no change"
        );
        let s = reduce(
            (*same).clone(),
            Action::RankMode(Mode::PerPerson(Basis::Staff)),
        );
        let s = reduce(s, Action::RankBy("three_public".into()));
        assert_eq!(s.compare.rank_mode, Mode::PerPerson(Basis::Staff));
        assert_eq!(s.compare.rank_metric.as_deref(), Some("three_public"));
    }

    #[test]
    fn a_refused_import_changes_nothing() {
        let s = reduce(
            AppState::default(),
            local(Loaded::Restored {
                docs: vec![stored("a", "一")],
                version: 1,
            }),
        );
        let before = s.workspace.clone();
        let s = reduce(
            s,
            Action::WorkspaceImport {
                name: "x.json".into(),
                read: Err(ImportProblem::Json(ReadError::NotJson)),
                stamp: 1,
            },
        );
        assert_eq!(s.workspace, before);
        assert!(matches!(
            s.ws_messages.last(),
            Some(WsMessage::ImportRefused { .. })
        ));
    }

    #[test]
    fn compare_sort_cycles_and_classes_open() {
        let sort = |s| reduce(s, Action::CompareSort("m".into()));
        let s = sort(AppState::default());
        assert_eq!(s.compare.sort, Some(("m".into(), false)));
        let s = sort(s);
        assert_eq!(s.compare.sort, Some(("m".into(), true)));
        let s = sort(s);
        assert_eq!(s.compare.sort, None);
        let s = reduce(s, Action::CompareExpand("share_func_201".into()));
        assert_eq!(s.compare.expanded, ["share_func_201"]);
        let s = reduce(s, Action::CompareExpand("share_func_201".into()));
        assert!(s.compare.expanded.is_empty());
        let s = reduce(s, Action::CompareDerivations);
        assert!(s.compare.derivations);
    }
}
