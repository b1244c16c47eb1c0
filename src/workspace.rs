//! The workspace: documents kept side by side for the compare and time views.
//!
//! The texts are the source of truth: they (with a name, an id and when they were added) are
//! what is saved in the browser and exported, and every analysis is made again from them on
//! load (from what this build kept of the text's analysis, where it did: [`PARSE_PREFIX`]). The saved
//! form is versioned ([`SCHEMA`], [`VERSION`]); [`read`] accepts every version
//! this app ever wrote and migrates it (version 0 was a plain JSON list of texts), refuses
//! other JSON with a reason, and reads what it can of a damaged value, counting what it could
//! not. Nothing here touches the browser: `crate::storage` does that.
//!
//! The messages about the workspace ([`WsMessage`], [`ImportProblem`]) are here too: the state
//! keeps them and `crate::i18n` words them, and i18n uses nothing of the state.

use std::rc::Rc;

use disclosure::analyze::compare::{compare_entries, entry, Comparison, Entry, NoteKind};
use disclosure::analyze::ranking::{Basis, Entered};
use disclosure::analyze::Quality;
use disclosure::Analysis;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use yew::AttrValue;

use crate::decode::Rejection;

/// The `schema` of a saved or exported workspace.
pub const SCHEMA: &str = "budget-lens-workspace";
/// The version this app writes (2: a document may carry a count of people the user entered).
pub const VERSION: u64 = 2;

/// One document as saved and exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDoc {
    /// Stable within a workspace.
    pub id: String,
    /// The user's name for it (a file name at first).
    pub name: String,
    /// The disclosure text, exactly as added.
    pub text: String,
    /// When it was added (ISO 8601), or empty when not known (migrated from version 0).
    pub added: String,
    /// A headcount or population the user entered (not read from the text); version 2.
    pub people: Option<Entered>,
    /// For a PDF, the number of each page's first line in the text (the source view's page
    /// marks); empty for a text. Optional in version 2 (a reader that does not know it ignores
    /// it).
    pub pages: Vec<u32>,
}

/// Why a saved value or an imported file is not a workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON at all.
    NotJson,
    /// JSON of another kind (its `schema`, when it has one).
    OtherSchema(Option<String>),
    /// A workspace written by a newer version of the app.
    NewerVersion(u64),
    /// A workspace whose shape is wrong (no document list, a version that is not a number).
    Shape,
}

/// A workspace read from JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadOk {
    /// The documents that could be read.
    pub docs: Vec<StoredDoc>,
    /// How many entries of the document list could not be read.
    pub skipped: usize,
    /// The version it was written in (0 for the plain list of texts).
    pub version: u64,
}

/// The saved form as written (the current version).
#[derive(Serialize)]
struct SavedWorkspace<'a> {
    schema: &'static str,
    version: u64,
    documents: Vec<SavedDoc<'a>>,
}

/// One document as written.
#[derive(Serialize)]
struct SavedDoc<'a> {
    id: &'a str,
    name: &'a str,
    text: &'a str,
    added: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    people: Option<SavedPeople>,
    #[serde(skip_serializing_if = "<[u32]>::is_empty")]
    pages: &'a [u32],
}

impl<'a> SavedDoc<'a> {
    fn of(d: &'a Doc) -> Self {
        SavedDoc {
            id: &d.id,
            name: &d.name,
            text: &d.text,
            added: &d.added,
            people: d.people.map(|p| SavedPeople {
                basis: p.basis.slug(),
                count: p.count,
            }),
            pages: &d.pages,
        }
    }
}

/// A count of people as written: `{"basis": "staff" | "population", "count": n}`.
#[derive(Serialize)]
struct SavedPeople {
    basis: &'static str,
    count: u64,
}

/// One document as read from version 1 or 2: the text is required; an id, name or time that
/// is missing or not a string is made anew; a count of people (version 2) that cannot be read
/// is left out, the document kept.
#[derive(Deserialize)]
struct DocV1 {
    #[serde(default, deserialize_with = "string_or_none")]
    id: Option<String>,
    #[serde(default, deserialize_with = "string_or_none")]
    name: Option<String>,
    text: String,
    #[serde(default, deserialize_with = "string_or_none")]
    added: Option<String>,
    #[serde(default, deserialize_with = "people_or_none")]
    people: Option<Entered>,
    #[serde(default, deserialize_with = "pages_or_none")]
    pages: Vec<u32>,
}

/// A PDF's page marks: line numbers, never decreasing (a page without text begins where the
/// next one does); nothing for anything else (the document is kept without them).
fn pages_or_none<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
    let v = Value::deserialize(d)?;
    let pages: Option<Vec<u32>> = v.as_array().and_then(|a| {
        a.iter()
            .map(|n| n.as_u64().and_then(|n| u32::try_from(n).ok()))
            .collect()
    });
    Ok(pages
        .filter(|p| p.windows(2).all(|w| w[0] <= w[1]))
        .unwrap_or_default())
}

/// A count of people of a known kind, not 0; `None` for anything else. (Read from the value by
/// hand: serde's derived reader for it would cost the page more.)
fn people_or_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Entered>, D::Error> {
    let v = Value::deserialize(d)?;
    let basis = v
        .get("basis")
        .and_then(Value::as_str)
        .and_then(Basis::of_slug);
    let count = v
        .get("count")
        .and_then(Value::as_u64)
        .filter(|&n| n > 0 && n <= disclosure::analyze::ranking::MAX_COUNT);
    Ok(basis
        .zip(count)
        .map(|(basis, count)| Entered { basis, count }))
}

/// A string, or `None` for any other value.
fn string_or_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => Some(s),
        _ => None,
    })
}

/// Reads a saved or exported workspace of any version.
pub fn read(raw: &str) -> Result<ReadOk, ReadError> {
    let value =
        serde_json::from_str(raw.trim_start_matches('\u{feff}')).map_err(|_| ReadError::NotJson)?;
    migrate(value)
}

/// Brings a parsed value of any known version to the current one.
///
/// - version 0: `["text", "text", …]`, a plain list of texts;
/// - version 1: `{"schema": SCHEMA, "version": 1, "documents": [{"id", "name", "text",
///   "added"}]}`;
/// - version 2: the same, a document with an optional `"people": {"basis": "staff" |
///   "population", "count": n}` (entered by the user).
///
/// Entries that cannot be read are skipped and counted; ids missing or given twice are made
/// anew.
pub fn migrate(value: Value) -> Result<ReadOk, ReadError> {
    let mut out = match value {
        Value::Array(items) => from_v0(items),
        Value::Object(mut map) => {
            let schema = map.get("schema").and_then(Value::as_str);
            if schema != Some(SCHEMA) {
                return Err(ReadError::OtherSchema(schema.map(str::to_owned)));
            }
            let version = map
                .get("version")
                .and_then(Value::as_u64)
                .ok_or(ReadError::Shape)?;
            let Some(Value::Array(items)) = map.remove("documents") else {
                return Err(ReadError::Shape);
            };
            match version {
                0 => from_v0(items),
                1 | 2 => from_v1(items, version),
                n => return Err(ReadError::NewerVersion(n)),
            }
        }
        _ => return Err(ReadError::OtherSchema(None)),
    };
    // (A list, not a set: a few hundred ids at most, and a set's code costs the page size.)
    let mut seen: Vec<String> = Vec::new();
    for (i, d) in out.docs.iter_mut().enumerate() {
        if d.id.is_empty() || seen.contains(&d.id) {
            d.id = format!("m{i}");
            while seen.contains(&d.id) {
                d.id.push('x');
            }
        }
        seen.push(d.id.clone());
    }
    Ok(out)
}

fn from_v0(items: Vec<Value>) -> ReadOk {
    let mut out = ReadOk::default();
    for (i, item) in items.into_iter().enumerate() {
        match item {
            Value::String(text) => out.docs.push(StoredDoc {
                id: format!("v0-{i}"),
                name: format!("#{}", i + 1),
                text,
                added: String::new(),
                people: None,
                pages: Vec::new(),
            }),
            _ => out.skipped += 1,
        }
    }
    out
}

fn from_v1(items: Vec<Value>, version: u64) -> ReadOk {
    let mut out = ReadOk {
        version,
        ..ReadOk::default()
    };
    for (i, item) in items.into_iter().enumerate() {
        let Ok(d) = serde_json::from_value::<DocV1>(item) else {
            out.skipped += 1;
            continue;
        };
        out.docs.push(d.stored(i));
    }
    out
}

impl DocV1 {
    /// The document, the `i`th of its list (a missing name is `#i+1`).
    fn stored(self, i: usize) -> StoredDoc {
        StoredDoc {
            id: self.id.unwrap_or_default(),
            name: self.name.unwrap_or_else(|| format!("#{}", i + 1)),
            text: self.text,
            added: self.added.unwrap_or_default(),
            people: self.people,
            pages: self.pages,
        }
    }
}

/// The documents of the browser's database (`crate::idb`): each record is one document's
/// saved form (a document of version 2's list, as JSON text) under its id; `order` is the ids
/// in workspace order (the order record). Records the order does not list (written
/// by another tab since) follow in key order. A record that cannot be read is named (its
/// document's name where that much can be read, else its key) and left out; the others open.
pub fn read_records(
    records: Vec<(String, Option<String>)>,
    order: &[String],
) -> (Vec<StoredDoc>, Vec<String>) {
    let rank = |key: &str| order.iter().position(|k| k == key).unwrap_or(usize::MAX);
    let mut records: Vec<(usize, (String, Option<String>))> =
        records.into_iter().map(|r| (rank(&r.0), r)).collect();
    // (Stable: records the order does not list keep their key order.)
    disclosure::sort::sort_by(&mut records, |a, b| a.0.cmp(&b.0));
    let mut docs = Vec::new();
    let mut damaged = Vec::new();
    for (i, (_, (key, value))) in records.into_iter().enumerate() {
        let value: Option<Value> = value.and_then(|v| serde_json::from_str(&v).ok());
        let name = value
            .as_ref()
            .and_then(|v| v.get("name"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        match value.and_then(|v| serde_json::from_value::<DocV1>(v).ok()) {
            Some(d) => docs.push(StoredDoc {
                id: key,
                ..d.stored(i)
            }),
            None => damaged.push(name.unwrap_or(key)),
        }
    }
    (docs, damaged)
}

/// What was last written to the browser's database: each document's id, name and count (its
/// text never changes under one id), and the order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Written {
    docs: Vec<(AttrValue, AttrValue, Option<Entered>)>,
    order: Vec<AttrValue>,
}

/// The writes that bring the database to the workspace: documents to put (id and record),
/// ids to delete, and the order record when it changed.
#[derive(Debug, Default, PartialEq)]
pub struct Changes {
    pub puts: Vec<(String, String)>,
    pub deletes: Vec<String>,
    pub order: Option<Vec<AttrValue>>,
    /// What has been written once these are.
    pub after: Written,
}

impl Written {
    /// What reading these documents found in the database.
    pub fn of(docs: &[StoredDoc]) -> Self {
        let docs: Vec<_> = docs
            .iter()
            .map(|d| {
                (
                    AttrValue::from(d.id.clone()),
                    AttrValue::from(d.name.clone()),
                    d.people,
                )
            })
            .collect();
        let order = docs.iter().map(|d| d.0.clone()).collect();
        Written { docs, order }
    }

    /// The writes from this to `w`'s documents: only what changed, and never a delete of a
    /// document this page did not have (one another tab added is left alone).
    pub fn changes(&self, w: &Workspace) -> Option<Changes> {
        let mut puts = Vec::new();
        for d in w.docs.iter() {
            if !self
                .docs
                .iter()
                .any(|(id, name, people)| *id == d.id && *name == d.name && *people == d.people)
            {
                puts.push((
                    d.id.to_string(),
                    serde_json::to_string(&SavedDoc::of(d)).ok()?,
                ));
            }
        }
        let deletes = self
            .docs
            .iter()
            .filter(|(id, ..)| !w.docs.iter().any(|d| d.id == *id))
            .map(|(id, ..)| id.to_string())
            .collect();
        let after = Written {
            docs: w
                .docs
                .iter()
                .map(|d| (d.id.clone(), d.name.clone(), d.people))
                .collect(),
            order: w.docs.iter().map(|d| d.id.clone()).collect(),
        };
        let order = (after.order != self.order).then(|| after.order.clone());
        Some(Changes {
            puts,
            deletes,
            order,
            after,
        })
    }
}

/// A message about the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WsMessage {
    /// Documents were added.
    Added(usize),
    /// A file was not added.
    Rejected {
        /// Its name.
        name: String,
        /// Why.
        why: Rejection,
    },
    /// The saved workspace was restored.
    Restored {
        /// How many documents.
        count: usize,
        /// From this older version (migrated), if it was older.
        migrated_from: Option<u64>,
    },
    /// The saved workspace could not be read whole.
    Damaged {
        /// Documents recovered.
        count: usize,
        /// Entries that could not be read.
        skipped: usize,
        /// The key of the backup copy, or `None` when it could not be made (then nothing is
        /// saved this session).
        backup: Option<String>,
    },
    /// The workspace found in `localStorage` (where it was kept before) is moved into
    /// IndexedDB: this many documents.
    Moved(usize),
    /// Records of the database that could not be read: the documents' names (or the records'
    /// keys). They are left as they are; the others opened.
    DamagedRecords(Vec<String>),
    /// IndexedDB cannot be used (the name of its error): the workspace is kept in
    /// `localStorage`.
    NoIndexedDb(String),
    /// Saving failed: the storage is full (`quota`), another tab opened the database at a
    /// newer version (`newer`), or storage is unavailable.
    SaveFailed {
        /// The storage is full.
        quota: bool,
        /// A newer version of the page holds the database.
        newer: bool,
    },
    /// An import file was refused; the workspace is unchanged.
    ImportRefused {
        /// Its name.
        name: String,
        /// Why.
        why: ImportProblem,
    },
    /// A workspace file was imported.
    Imported {
        /// Its name.
        name: String,
        /// Documents added.
        added: usize,
        /// Documents already here.
        present: usize,
        /// Entries that could not be read.
        skipped: usize,
    },
}

/// Why an import file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// The file is not text.
    File(Rejection),
    /// The text is not a workspace.
    Json(ReadError),
}

/// What the workspace keeps of a text's analysis: the core's comparison [`Entry`] (its label
/// is the document's name, set when the documents are compared) and the counts of its
/// findings. All that the workspace, compare, over-the-years and ranking views show of a
/// document, about a tenth of its parse; the whole analysis is made again only when the
/// document is opened in the analyzer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reduced {
    /// Its column (department, year, kind, unit, extent; no label) and metrics.
    pub entry: Entry,
    /// The counts of its findings and its completeness.
    pub quality: Quality,
}

impl Reduced {
    /// An analysis reduced to what the workspace keeps of it.
    pub fn of(a: &Analysis) -> Self {
        Reduced {
            entry: entry("", a),
            quality: a.quality.clone(),
        }
    }
}

/// One document of the workspace, with what it keeps of its analysis once made.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Stable id.
    pub id: AttrValue,
    /// The user's name for it.
    pub name: AttrValue,
    /// The text (shared: renders copy no text).
    pub text: AttrValue,
    /// A hash of the text: texts are compared by it first, whole only when it matches (a
    /// workspace of a hundred texts that share long beginnings would otherwise compare
    /// megabytes on every load).
    pub key: u64,
    /// When it was added (ISO 8601, or empty).
    pub added: AttrValue,
    /// What the workspace keeps of its analysis, once made.
    pub analysis: Option<Rc<Reduced>>,
    /// Not yet saved in the browser (the last save failed).
    pub unsaved: bool,
    /// A headcount or population the user entered.
    pub people: Option<Entered>,
    /// For a PDF, its page marks ([`StoredDoc::pages`]).
    pub pages: Rc<Vec<u32>>,
}

impl Doc {
    /// A document not yet analysed.
    pub fn new(d: StoredDoc) -> Self {
        Doc {
            id: d.id.into(),
            name: d.name.into(),
            key: text_key(&d.text),
            text: d.text.into(),
            added: d.added.into(),
            analysis: None,
            unsaved: false,
            people: d.people,
            pages: Rc::new(d.pages),
        }
    }
}

/// The hash a document's text is first compared by.
pub fn text_key(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// The kept records: what the page made of a workspace text's analysis ([`Reduced`], postcard
/// bytes), kept in the browser's database beside the workspace (`crate::storage`), so that the
/// next load reads it instead of analysing the text. A record is stored under its text's key
/// ([`parse_key`]) with the build that made it and a seal ([`seal`]); it is used only by that
/// build, and only when its seal is whole: anything else is analysed again, as if nothing had
/// been kept. (The prefix is the one the whole parse was kept under before: an older build's
/// record there is another build's, so it is replaced.)
pub const PARSE_PREFIX: &str = "parse:";

/// The key a text's kept record is stored under: its hash and its length.
pub fn parse_key(text: &str) -> String {
    format!("{PARSE_PREFIX}{:016x}-{}", text_key(text), text.len())
}

/// The seal of a kept record: a hash of the build that made it, its key and its bytes.
pub fn seal(build: &str, key: &str, bytes: &[u8]) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (build, key, bytes).hash(&mut h);
    format!("{:016x}", h.finish())
}

/// The record kept under `key` by `made_by` with this seal, when this build (`build`) made it
/// and it is whole; `None` for anything else.
pub fn unseal(
    build: &str,
    key: &str,
    made_by: &str,
    sealed: &str,
    bytes: &[u8],
) -> Option<Reduced> {
    (made_by == build && sealed == seal(build, key, bytes))
        .then(|| Reduced::from_bytes(bytes))
        .flatten()
}

impl Reduced {
    /// As kept (postcard); empty if it could not be encoded (then it is not kept).
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// The bytes [`Reduced::to_bytes`] made, read back; `None` for anything else.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        postcard::from_bytes(bytes).ok()
    }
}

impl Doc {
    /// Its saved form.
    pub fn stored(&self) -> StoredDoc {
        StoredDoc {
            id: self.id.to_string(),
            name: self.name.to_string(),
            text: self.text.to_string(),
            added: self.added.to_string(),
            people: self.people,
            pages: self.pages.to_vec(),
        }
    }

    /// Whether the document's text is `text`, whose [`text_key`] is `key`.
    fn has_text(&self, key: u64, text: &str) -> bool {
        self.key == key && self.text == text
    }
}

pub use disclosure::analyze::series::Series;

/// The documents, and what is derived from all of them once every one is analysed.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    /// In the order added.
    pub docs: Rc<Vec<Doc>>,
    /// Bumped on every change.
    pub rev: u64,
    /// Bumped when the saved part (ids, names, texts) changes.
    pub saved_rev: u64,
    /// Every document side by side (columns in workspace order), once all are analysed.
    pub comparison: Option<Rc<Comparison>>,
    /// Departments with their documents over the years, once all are analysed.
    pub series: Rc<Vec<Series>>,
    /// The ids in the browser's storage as of the last successful save.
    pub stored: Rc<Vec<AttrValue>>,
    /// A counter for new ids.
    next: u64,
}

impl PartialEq for Workspace {
    fn eq(&self, other: &Self) -> bool {
        self.rev == other.rev && Rc::ptr_eq(&self.docs, &other.docs)
    }
}

impl Workspace {
    /// A workspace of these saved documents, none analysed yet.
    pub fn from_stored(docs: Vec<StoredDoc>) -> Self {
        let mut w = Workspace {
            docs: Rc::new(docs.into_iter().map(Doc::new).collect()),
            ..Workspace::default()
        };
        w.changed(true);
        w
    }

    /// The saved form of every document; `None` only should serde_json refuse (it does not for
    /// strings).
    pub fn to_json(&self) -> Option<String> {
        let saved = SavedWorkspace {
            schema: SCHEMA,
            version: VERSION,
            documents: self.docs.iter().map(SavedDoc::of).collect(),
        };
        serde_json::to_string(&saved).ok()
    }

    /// A fresh id (`stamp` makes ids of different sessions differ: the time, in practice).
    fn fresh_id(&mut self, stamp: u64) -> String {
        loop {
            self.next += 1;
            let id = format!("{stamp:x}-{}", self.next);
            if !self.docs.iter().any(|d| d.id == id) {
                return id;
            }
        }
    }

    /// Adds a document (`pages`: a PDF's page marks); returns its id.
    pub fn add(
        &mut self,
        name: String,
        text: String,
        pages: Vec<u32>,
        added: String,
        stamp: u64,
    ) -> AttrValue {
        let id = self.fresh_id(stamp);
        let doc = Doc::new(StoredDoc {
            id,
            name,
            text,
            added,
            people: None,
            pages,
        });
        let id = doc.id.clone();
        Rc::make_mut(&mut self.docs).push(doc);
        self.share_analyses();
        self.changed(true);
        id
    }

    /// Adds documents read from an export, keeping every one: a document whose id and text are
    /// both already here is skipped (it is the same one), one whose id alone is taken gets a
    /// new id. Returns how many were added.
    pub fn import(&mut self, docs: Vec<StoredDoc>, stamp: u64) -> usize {
        let mut added = 0;
        for mut d in docs {
            let key = text_key(&d.text);
            if self
                .docs
                .iter()
                .any(|o| o.id == d.id && o.has_text(key, &d.text))
            {
                continue;
            }
            if d.id.is_empty() || self.docs.iter().any(|o| o.id == d.id) {
                d.id = self.fresh_id(stamp);
            }
            Rc::make_mut(&mut self.docs).push(Doc::new(d));
            added += 1;
        }
        if added > 0 {
            self.share_analyses();
            self.changed(true);
        }
        added
    }

    /// Removes a document.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.docs.len();
        Rc::make_mut(&mut self.docs).retain(|d| d.id != id);
        let removed = self.docs.len() < before;
        if removed {
            self.changed(true);
        }
        removed
    }

    /// Renames a document (a blank name is refused).
    pub fn rename(&mut self, id: &str, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() {
            return false;
        }
        let Some(d) = Rc::make_mut(&mut self.docs).iter_mut().find(|d| d.id == id) else {
            return false;
        };
        if d.name == name {
            return false;
        }
        d.name = AttrValue::from(name.to_owned());
        self.changed(true);
        true
    }

    /// Sets or clears the count of people entered for a document (saved with it; the
    /// comparison is unchanged: rankings divide by it when drawn).
    pub fn set_people(&mut self, id: &str, people: Option<Entered>) -> bool {
        let Some(d) = Rc::make_mut(&mut self.docs).iter_mut().find(|d| d.id == id) else {
            return false;
        };
        if d.people == people {
            return false;
        }
        d.people = people;
        self.rev += 1;
        self.saved_rev += 1;
        true
    }

    /// The document with this id.
    pub fn get(&self, id: &str) -> Option<&Doc> {
        self.docs.iter().find(|d| d.id == id)
    }

    /// The next documents to analyse: distinct texts of documents without an analysis.
    pub fn pending(&self) -> impl Iterator<Item = &AttrValue> {
        let mut seen: Vec<&Doc> = Vec::new();
        self.docs
            .iter()
            .filter(|d| d.analysis.is_none())
            .filter(move |d| {
                if seen.iter().any(|s| s.has_text(d.key, &d.text)) {
                    false
                } else {
                    seen.push(d);
                    true
                }
            })
            .map(|d| &d.text)
    }

    /// How many documents are analysed.
    pub fn analysed(&self) -> usize {
        self.docs.iter().filter(|d| d.analysis.is_some()).count()
    }

    /// Takes analyses made of these texts: every document with an identical text gets it.
    pub fn set_analyses(&mut self, done: Vec<(AttrValue, Rc<Reduced>)>) {
        let docs = Rc::make_mut(&mut self.docs);
        for (text, analysis) in done {
            let key = text_key(&text);
            for d in docs
                .iter_mut()
                .filter(|d| d.analysis.is_none() && d.has_text(key, &text))
            {
                d.analysis = Some(analysis.clone());
            }
        }
        self.changed(false);
    }

    /// A document whose text another already analysed document has gets its analysis.
    fn share_analyses(&mut self) {
        let done: Vec<(u64, AttrValue, Rc<Reduced>)> = self
            .docs
            .iter()
            .filter_map(|d| Some((d.key, d.text.clone(), d.analysis.clone()?)))
            .collect();
        if self.docs.iter().any(|d| d.analysis.is_none()) && !done.is_empty() {
            let docs = Rc::make_mut(&mut self.docs);
            for d in docs.iter_mut().filter(|d| d.analysis.is_none()) {
                if let Some((.., a)) = done.iter().find(|(k, t, _)| d.has_text(*k, t)) {
                    d.analysis = Some(a.clone());
                }
            }
        }
    }

    /// The last save succeeded: every document is in the browser's storage.
    pub fn saved_ok(&mut self) {
        self.stored = Rc::new(self.docs.iter().map(|d| d.id.clone()).collect());
        if self.docs.iter().any(|d| d.unsaved) {
            for d in Rc::make_mut(&mut self.docs).iter_mut() {
                d.unsaved = false;
            }
            self.rev += 1;
        }
    }

    /// The last save failed: the storage still holds the previous save, so the documents
    /// added since are marked unsaved (they stay on the page).
    pub fn save_failed(&mut self) {
        let stored = self.stored.clone();
        let docs = Rc::make_mut(&mut self.docs);
        for d in docs.iter_mut() {
            d.unsaved = !stored.contains(&d.id);
        }
        self.rev += 1;
    }

    /// After a change: the revision, and the comparison once every document is analysed.
    fn changed(&mut self, saved_part: bool) {
        self.rev += 1;
        if saved_part {
            self.saved_rev += 1;
        }
        self.comparison = None;
        self.series = Rc::default();
        let entries: Option<Vec<Entry>> = self
            .docs
            .iter()
            .map(|d| {
                let a = d.analysis.as_deref()?;
                let mut e = a.entry.clone();
                e.column.label = d.name.to_string();
                Some(e)
            })
            .collect();
        let Some(entries) = entries.filter(|e| !e.is_empty()) else {
            return;
        };
        self.series = Rc::new(disclosure::analyze::series::over_years(&entries));
        self.comparison = Some(Rc::new(compare_entries(entries)));
    }

    /// The groups of documents that are the same department, year and kind (column indexes),
    /// as the core's comparison notes them.
    pub fn duplicates(&self) -> Vec<Vec<usize>> {
        self.comparison
            .as_ref()
            .map(|c| {
                c.notes
                    .iter()
                    .filter(|n| n.kind == NoteKind::Duplicate)
                    .map(|n| n.columns.clone())
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");
    const SYNTHETIC: &str = include_str!("../fixtures/synthetic-sample-renamed.txt");

    fn doc(id: &str, text: &str) -> StoredDoc {
        StoredDoc {
            id: id.into(),
            name: format!("{id}.txt"),
            text: text.into(),
            added: "2024-05-01T10:00:00.000Z".into(),
            people: None,
            pages: Vec::new(),
        }
    }

    /// Analyses every pending text, as the page does.
    fn analyse_all(w: &mut Workspace) {
        let done: Vec<(AttrValue, Rc<Reduced>)> = w
            .pending()
            .map(|t| (t.clone(), Rc::new(Reduced::of(&disclosure::analyze(t)))))
            .collect();
        w.set_analyses(done);
    }

    #[test]
    fn add_rename_remove() {
        let mut w = Workspace::default();
        let a = w.add("a.txt".into(), "甲".into(), Vec::new(), "t".into(), 1);
        let b = w.add("b.txt".into(), "乙".into(), Vec::new(), "t".into(), 1);
        assert_ne!(a, b);
        assert_eq!(w.docs.len(), 2);
        let rev = w.saved_rev;
        assert!(w.rename(&a, "  新名字 "));
        assert_eq!(w.get(&a).unwrap().name, "新名字");
        assert!(w.saved_rev > rev, "a rename is saved");
        assert!(!w.rename(&a, "   "), "a blank name is refused");
        assert!(!w.rename("nope", "x"));
        assert!(w.remove(&a));
        assert!(!w.remove(&a));
        assert_eq!(w.docs.len(), 1);
        assert_eq!(w.docs[0].id, b);
    }

    #[test]
    fn saved_form_round_trips_with_schema_and_version() {
        let mut w = Workspace::from_stored(vec![doc("x", "第一行\n\"引号\"")]);
        w.add("y.txt".into(), "二".into(), Vec::new(), "2024".into(), 7);
        let json = w.to_json().unwrap();
        assert!(json.starts_with(r#"{"schema":"budget-lens-workspace","version":2,"documents":[{"id":"x","name":"x.txt","text":"#));
        let back = read(&json).unwrap();
        assert_eq!(back.version, 2);
        assert_eq!(back.skipped, 0);
        assert_eq!(back.docs[0], doc("x", "第一行\n\"引号\""));
        assert_eq!(back.docs[1].name, "y.txt");
        assert_eq!(back.docs[1].added, "2024");
    }

    #[test]
    fn every_string_round_trips() {
        for text in [
            "",
            "引号\"和\\反斜杠",
            "行\n行\r\n\t制表",
            "\u{0}\u{1f}\u{7f}",
            "\u{2028}\u{2029}😀",
        ] {
            let w = Workspace::from_stored(vec![doc("x", text)]);
            assert_eq!(read(&w.to_json().unwrap()).unwrap().docs[0].text, text);
        }
    }

    #[test]
    fn version_0_a_list_of_texts_is_migrated() {
        let r = read(r#"["文本一", "文本二", 3]"#).unwrap();
        assert_eq!(r.version, 0);
        assert_eq!(r.docs.len(), 2);
        assert_eq!(r.skipped, 1, "the number is not a text");
        assert_eq!(r.docs[0].text, "文本一");
        assert_eq!(r.docs[1].name, "#2");
        assert_ne!(r.docs[0].id, r.docs[1].id);
        // Version 0 inside the envelope too.
        let r = read(r#"{"schema":"budget-lens-workspace","version":0,"documents":["a"]}"#);
        assert_eq!(r.unwrap().docs[0].text, "a");
    }

    #[test]
    fn other_json_and_garbage_are_refused() {
        assert_eq!(read("not json {"), Err(ReadError::NotJson));
        assert_eq!(read(""), Err(ReadError::NotJson));
        assert_eq!(
            read(r#"{"schema":"something-else","version":1,"documents":[]}"#),
            Err(ReadError::OtherSchema(Some("something-else".into())))
        );
        assert_eq!(read(r#"{"a":1}"#), Err(ReadError::OtherSchema(None)));
        assert_eq!(read("42"), Err(ReadError::OtherSchema(None)));
        assert_eq!(
            read(r#"{"schema":"budget-lens-workspace","version":3,"documents":[]}"#),
            Err(ReadError::NewerVersion(3))
        );
        assert_eq!(
            read(r#"{"schema":"budget-lens-workspace","version":"1","documents":[]}"#),
            Err(ReadError::Shape)
        );
        assert_eq!(
            read(r#"{"schema":"budget-lens-workspace","version":1,"documents":{}}"#),
            Err(ReadError::Shape)
        );
    }

    #[test]
    fn damaged_entries_are_skipped_and_counted_the_rest_kept() {
        let raw = r#"{"schema":"budget-lens-workspace","version":1,"documents":[
            {"id":"a","name":"A","text":"一","added":""},
            {"id":"b","name":"B"},
            "stray",
            {"id":"a","text":"二"},
            {"text":"三"}
        ]}"#;
        let r = read(raw).unwrap();
        assert_eq!(r.skipped, 2);
        let texts: Vec<&str> = r.docs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["一", "二", "三"]);
        let ids: std::collections::HashSet<&str> = r.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids.len(), 3, "a repeated or missing id is made anew");
        assert_eq!(r.docs[2].name, "#5");
        // Fields that are not strings are made anew; the text is what counts.
        let r = read(
            r#"{"schema":"budget-lens-workspace","version":1,"documents":[
            {"id":5,"name":null,"text":"四","added":[1]}, {"text":6}
        ]}"#,
        )
        .unwrap();
        assert_eq!((r.docs.len(), r.skipped), (1, 1));
        assert_eq!(
            r.docs[0],
            StoredDoc {
                id: "m0".into(),
                name: "#1".into(),
                text: "四".into(),
                added: String::new(),
                people: None,
                pages: Vec::new(),
            }
        );
        // A byte-order mark (a file saved by an editor) is allowed.
        assert!(read("\u{feff}[]").is_ok());
    }

    #[test]
    fn import_keeps_both_on_id_clashes_and_skips_the_very_same() {
        let mut w = Workspace::from_stored(vec![doc("a", "一")]);
        let n = w.import(vec![doc("a", "一"), doc("a", "二"), doc("", "三")], 5);
        assert_eq!(n, 2);
        assert_eq!(w.docs.len(), 3);
        let ids: std::collections::HashSet<&str> = w.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids.len(), 3);
    }

    #[test]
    fn identical_texts_are_analysed_once_and_compared_with_notes() {
        let mut w = Workspace::default();
        w.add("a".into(), SAMPLE.into(), Vec::new(), String::new(), 1);
        w.add("b".into(), SYNTHETIC.into(), Vec::new(), String::new(), 1);
        w.add("c".into(), SAMPLE.into(), Vec::new(), String::new(), 1);
        assert_eq!(w.pending().count(), 2, "one analysis per distinct text");
        assert!(
            w.comparison.is_none(),
            "no comparison before every analysis"
        );
        analyse_all(&mut w);
        assert_eq!(w.analysed(), 3);
        let c = w.comparison.clone().expect("compared");
        assert_eq!(c.columns.len(), 3);
        assert_eq!(c.columns[2].label, "c");
        assert_eq!(
            w.duplicates(),
            [vec![0, 2]],
            "the same department and year twice"
        );
        // A later copy of an analysed text needs no analysis.
        w.add("d".into(), SYNTHETIC.into(), Vec::new(), String::new(), 1);
        assert_eq!(w.pending().count(), 0);
        assert_eq!(w.comparison.as_ref().unwrap().columns.len(), 4);
        // A rename reaches the column label.
        let id = w.docs[0].id.clone();
        w.rename(&id, "样本");
        assert_eq!(w.comparison.as_ref().unwrap().columns[0].label, "样本");
        // Two departments, each a series in year order: the sample's 2023 as it states it,
        // then its two copies.
        let names: Vec<&str> = w.series.iter().map(|s| s.department.as_str()).collect();
        assert_eq!(names, ["库尔勒市朝阳街道办事处", "库尔勒市示例街道办事处"]);
        assert_eq!(w.series[0].docs, [None, Some(0), Some(2)]);
    }

    /// A workspace saved by the app before version 2 (main at f9c7d46, its release build):
    /// the sample, the synthetic copy renamed `示例 "副本" \ 2024`, and the Shanghai 万里
    /// 2023 text as pdftotext reads it, added through the workspace's file picker and read
    /// back from localStorage.
    const SAVED_V1: &str = include_str!("../fixtures/workspace-v1-saved.json");

    #[test]
    fn every_document_saved_by_version_1_opens_with_nothing_lost() {
        let saved: Value = serde_json::from_str(SAVED_V1).unwrap();
        let saved = saved["documents"].as_array().unwrap();
        let r = read(SAVED_V1).unwrap();
        assert_eq!((r.version, r.skipped, r.docs.len()), (1, 0, 3));
        for (d, s) in r.docs.iter().zip(saved) {
            assert_eq!(d.id, s["id"].as_str().unwrap());
            assert_eq!(d.name, s["name"].as_str().unwrap());
            assert_eq!(d.text, s["text"].as_str().unwrap());
            assert_eq!(d.added, s["added"].as_str().unwrap());
            assert_eq!(d.people, None);
        }
        assert_eq!(r.docs[0].text, SAMPLE);
        assert_eq!(r.docs[1].text, SYNTHETIC);
        assert_eq!(r.docs[1].name, r#"示例 "副本" \ 2024"#);
        assert_eq!(
            r.docs[2].text,
            include_str!("../fixtures/corpus/wanli-2023/pdftotext.txt")
        );
        // Saved again in version 2 and read back: the same documents.
        let mut w = Workspace::from_stored(r.docs.clone());
        let again = read(&w.to_json().unwrap()).unwrap();
        assert_eq!((again.version, again.skipped), (2, 0));
        assert_eq!(again.docs, r.docs);
        // And each opens as the department it is.
        analyse_all(&mut w);
        let departments: Vec<Option<String>> = w
            .comparison
            .as_ref()
            .unwrap()
            .columns
            .iter()
            .map(|c| c.department.clone())
            .collect();
        assert_eq!(
            departments,
            [
                Some("库尔勒市朝阳街道办事处".to_owned()),
                Some("库尔勒市示例街道办事处".to_owned()),
                Some("上海市普陀区人民政府万里街道办事处".to_owned()),
            ]
        );
    }

    #[test]
    fn an_entered_count_is_saved_with_its_document() {
        let mut w = Workspace::from_stored(vec![doc("a", "一"), doc("b", "二")]);
        let rev = w.saved_rev;
        let staff = Entered {
            basis: Basis::Staff,
            count: 189,
        };
        assert!(w.set_people("a", Some(staff)));
        assert!(!w.set_people("a", Some(staff)), "no change");
        assert!(!w.set_people("nope", Some(staff)));
        assert!(w.saved_rev > rev, "the count is saved");
        let json = w.to_json().unwrap();
        assert!(json.contains(
            r#""added":"2024-05-01T10:00:00.000Z","people":{"basis":"staff","count":189}}"#
        ));
        let back = read(&json).unwrap();
        assert_eq!(back.docs[0].people, Some(staff));
        assert_eq!(back.docs[1].people, None);
        assert_eq!(w.docs[0].people, Some(staff));
        // A count that cannot be read is left out; its document is kept.
        let r = read(
            r#"{"schema":"budget-lens-workspace","version":2,"documents":[
            {"id":"a","name":"A","text":"一","people":{"basis":"staff","count":0}},
            {"id":"b","name":"B","text":"二","people":{"basis":"aliens","count":3}},
            {"id":"c","name":"C","text":"三","people":"many"},
            {"id":"d","name":"D","text":"四","people":{"basis":"population","count":52000}}
        ]}"#,
        )
        .unwrap();
        assert_eq!((r.docs.len(), r.skipped), (4, 0));
        let people: Vec<Option<u64>> = r.docs.iter().map(|d| d.people.map(|p| p.count)).collect();
        assert_eq!(people, [None, None, None, Some(52000)]);
        assert!(w.set_people("a", None));
        assert_eq!(w.docs[0].people, None);
    }

    #[test]
    fn database_records_open_in_their_order_and_a_damaged_one_is_named() {
        let rec = |id: &str, name: &str, text: &str| {
            (
                id.to_owned(),
                Some(format!(
                    r#"{{"id":"{id}","name":"{name}","text":"{text}","added":""}}"#
                )),
            )
        };
        let records = vec![
            rec("a", "甲", "一"),
            (
                "b".to_owned(),
                Some(r#"{"name":"乙.txt","text":5}"#.to_owned()),
            ),
            ("c".to_owned(), Some("{not json".to_owned())),
            ("d".to_owned(), None),
            rec("e", "戊", "五"),
            rec("f", "己", "六"),
        ];
        // The order lists e before a; f is not listed (another tab added it since).
        let order = ["e", "a", "b", "c", "d"].map(String::from);
        let (docs, damaged) = read_records(records, &order);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["e", "a", "f"]);
        assert_eq!(docs[1].text, "一");
        assert_eq!(
            damaged,
            ["乙.txt", "c", "d"],
            "by name where it can be read"
        );
        // Page marks: a page without text begins where the next does; marks out of order are
        // left out, the document kept.
        let (p, _) = read_records(
            vec![
                ("p".into(), Some(r#"{"text":"x","pages":[1,1,5]}"#.into())),
                ("q".into(), Some(r#"{"text":"y","pages":[5,1]}"#.into())),
            ],
            &[],
        );
        assert_eq!(
            (p[0].pages.as_slice(), p[1].pages.len()),
            (&[1, 1, 5][..], 0)
        );
        // No order record at all: key order.
        let (docs, _) = read_records(vec![rec("x", "X", "1"), rec("y", "Y", "2")], &[]);
        assert_eq!(docs.len(), 2);
    }

    #[test]
    fn only_what_changed_is_written_and_another_tabs_documents_are_never_deleted() {
        let mut w = Workspace::from_stored(vec![doc("a", "一"), doc("b", "二")]);
        let written = Written::of(&[doc("a", "一"), doc("b", "二")]);
        let none = written.changes(&w).unwrap();
        assert!(none.puts.is_empty() && none.deletes.is_empty() && none.order.is_none());
        w.rename("b", "乙");
        w.remove("a");
        let id = w.add("c.pdf".into(), "三".into(), vec![1, 30], String::new(), 9);
        let c = written.changes(&w).unwrap();
        let put: Vec<&str> = c.puts.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(put, ["b", id.as_str()]);
        assert!(
            c.puts[1].1.ends_with(r#""pages":[1,30]}"#),
            "{}",
            c.puts[1].1
        );
        assert_eq!(c.deletes, ["a"]);
        assert_eq!(c.order, Some(vec!["b".into(), id.clone()]));
        // A record of the new document reads back whole, page marks and all.
        let (back, _) = read_records(vec![(id.to_string(), Some(c.puts[1].1.clone()))], &[]);
        assert_eq!(back[0].pages, [1, 30]);
        // Once written, nothing more; what another tab wrote (not in this page) is not deleted.
        let after = c.after;
        let again = after.changes(&w).unwrap();
        assert!(again.puts.is_empty() && again.deletes.is_empty() && again.order.is_none());
    }

    #[test]
    fn a_kept_record_is_used_only_by_its_build_and_only_when_whole() {
        let key = parse_key(SAMPLE);
        assert!(key.starts_with(PARSE_PREFIX));
        assert!(key.ends_with(&format!("-{}", SAMPLE.len())));
        assert_ne!(key, parse_key(SYNTHETIC));
        let made = Reduced::of(&disclosure::analyze(SAMPLE));
        let bytes = made.to_bytes();
        let parse = crate::offload::encode(&disclosure::parse(SAMPLE));
        assert!(
            bytes.len() * 2 < parse.len(),
            "{} bytes kept against the parse's {}",
            bytes.len(),
            parse.len()
        );
        let build = "sha384-this";
        let sealed = seal(build, &key, &bytes);
        // Read back from its kept record, it is what the text's analysis gives, figure for
        // figure, and the comparison made from it is the one made from the analyses.
        let kept = unseal(build, &key, build, &sealed, &bytes).expect("this build's, whole");
        assert_eq!(kept, made);
        let income = |e: &Entry| {
            e.metrics
                .iter()
                .find(|m| m.id == "income_total")
                .and_then(|m| m.value)
                .map(|v| v.to_string())
        };
        assert_eq!(income(&kept.entry).as_deref(), Some("2300.52"));
        assert_eq!(kept.entry.column.year, Some(2024));
        assert!(kept
            .entry
            .column
            .department
            .as_deref()
            .is_some_and(|d| d.contains("朝阳")));
        assert_eq!(kept.quality, disclosure::analyze(SAMPLE).quality);
        let mut w = Workspace::from_stored(vec![doc("a", SAMPLE), doc("b", SYNTHETIC)]);
        let other = Reduced::of(&disclosure::analyze(SYNTHETIC));
        let other = Reduced::from_bytes(&other.to_bytes()).unwrap();
        w.set_analyses(vec![
            (SAMPLE.into(), Rc::new(kept)),
            (SYNTHETIC.into(), Rc::new(other)),
        ]);
        let (a, b) = (disclosure::analyze(SAMPLE), disclosure::analyze(SYNTHETIC));
        let direct =
            disclosure::analyze::compare::compare(&[("a.txt".into(), &a), ("b.txt".into(), &b)]);
        assert_eq!(w.comparison.as_deref(), Some(&direct));
        // Another build's, one kept under another text's key, or one damaged: not used.
        assert!(unseal("sha384-other", &key, build, &sealed, &bytes).is_none());
        let other_seal = seal("sha384-other", &key, &bytes);
        assert!(unseal(build, &key, "sha384-other", &other_seal, &bytes).is_none());
        assert!(unseal(build, &parse_key(SYNTHETIC), build, &sealed, &bytes).is_none());
        let mut flipped = bytes.clone();
        flipped[bytes.len() / 2] ^= 1;
        assert!(unseal(build, &key, build, &sealed, &flipped).is_none());
        assert!(unseal(build, &key, build, &sealed, &bytes[..100]).is_none());
        // Sealed anew, bytes that are not a record are still refused.
        let junk = [0xffu8; 64];
        assert!(unseal(build, &key, build, &seal(build, &key, &junk), &junk).is_none());
        // So is a whole parse, as the build before this one kept under the same key.
        assert!(unseal(build, &key, build, &seal(build, &key, &parse), &parse).is_none());
    }

    #[test]
    fn a_failed_save_marks_only_the_documents_added_since() {
        let mut w = Workspace::from_stored(vec![doc("a", "一")]);
        w.saved_ok();
        w.add("b".into(), "二".into(), Vec::new(), String::new(), 1);
        w.save_failed();
        let unsaved: Vec<bool> = w.docs.iter().map(|d| d.unsaved).collect();
        assert_eq!(unsaved, [false, true]);
        w.saved_ok();
        assert!(w.docs.iter().all(|d| !d.unsaved));
    }
}
