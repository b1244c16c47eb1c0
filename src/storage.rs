//! The browser side of the workspace: where it is kept, the clock, and downloads. Everything
//! stays on this device: the page's Content-Security-Policy forbids sending anything anywhere,
//! and a download is a `blob:` URL made and opened on the page.
//!
//! The workspace is kept in IndexedDB (`crate::idb`), a record per document, written a change
//! at a time ([`Written`]): room for thousands of documents. Before it, it was kept in
//! `localStorage` under [`KEY`] as the workspace's JSON ([`crate::workspace`]), about 5 MB, 144
//! documents of the sample's size. Such a value is read on load, moved into IndexedDB, and
//! removed from `localStorage` only once that write has succeeded. Where IndexedDB is not
//! available (refused, as some private modes do, or failing to open) the workspace is kept in
//! `localStorage` as before, and the page says so.
//!
//! Beside the documents, the database keeps what the page made of each text's analysis, for
//! this build only (`crate::workspace::PARSE_PREFIX`): a workspace opened again reads those
//! records ([`analyse`]) rather than analysing its texts anew. Nothing is kept in kiosk mode, in
//! `localStorage`, or where the page's build is not known (the single-file page).
//!
//! A `localStorage` value that cannot be read whole is first copied under a backup key
//! ([`BACKUP_PREFIX`] and the time), and only then replaced; when even the copy cannot be made,
//! the value is left alone and the workspace is not saved in this session.

use std::cell::{Cell, RefCell};

use wasm_bindgen::{JsCast, JsValue};

use crate::workspace::{
    parse_key, read, read_records, seal, unseal, ReadError, Reduced, StoredDoc, Workspace, Written,
    PARSE_PREFIX,
};

/// Where the workspace is saved.
pub const KEY: &str = "budget-lens.workspace";
/// Backups of damaged saved values are kept under this prefix and the time in milliseconds.
pub const BACKUP_PREFIX: &str = "budget-lens.workspace.backup.";

/// What was found in `localStorage`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing saved (or no storage).
    Nothing,
    /// The saved workspace, read whole (possibly migrated from an older version).
    Restored {
        /// Its documents.
        docs: Vec<StoredDoc>,
        /// The version it was saved in.
        version: u64,
    },
    /// A saved value that could not be read whole.
    Damaged {
        /// The documents that could be read.
        docs: Vec<StoredDoc>,
        /// How many entries could not.
        skipped: usize,
        /// Why nothing could be read, when nothing could.
        error: Option<ReadError>,
        /// The key the raw value was copied to; `None` when the copy failed (then the value
        /// is left as it was and nothing is saved).
        backup: Option<String>,
    },
}

/// Why a save failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage is full (`QuotaExceededError`).
    Quota,
    /// Storage is not available (disabled, private mode) or failed otherwise.
    Other(String),
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Milliseconds since 1970 and the same instant in ISO 8601.
pub fn now() -> (u64, String) {
    let d = js_sys::Date::new_0();
    (d.get_time() as u64, String::from(d.to_iso_string()))
}

/// What was found in the browser when the page started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// What IndexedDB holds: the documents, and the records that could not be read (named);
    /// or why IndexedDB cannot be used (the name of its error).
    pub db: Result<(Vec<StoredDoc>, Vec<String>), String>,
    /// What `localStorage` holds (moved into IndexedDB when there is one).
    pub local: Loaded,
}

thread_local! {
    /// What the database holds of this page's documents, as of the last write.
    static WRITTEN: RefCell<Written> = RefCell::new(Written::default());
    /// The workspace in `localStorage` is to be removed after the next successful write.
    static MOVE_LOCAL: Cell<bool> = const { Cell::new(false) };
}

/// What new documents' ids are made from: the time in milliseconds and 12 random bits, so that
/// two tabs adding a document in the same millisecond (one database) do not give the same id.
pub fn id_stamp() -> u64 {
    (now().0 << 12) | (js_sys::Math::random() * 4096.0) as u64
}

/// Reads the saved workspace from IndexedDB and `localStorage`, then hands it to `done`.
pub fn load(done: impl FnOnce(Opened) + 'static) {
    crate::idb::open(move |db| match db {
        Err(why) => done(Opened {
            db: Err(why),
            local: load_local(),
        }),
        Ok(db) => crate::idb::read_all(&db, move |records| {
            let db = records.map(|(records, order, other)| {
                let build = crate::offload::build();
                KEPT.with(|k| {
                    *k.borrow_mut() = other
                        .into_iter()
                        .filter(|(key, _)| key.starts_with(PARSE_PREFIX) && build.is_some())
                        .collect()
                });
                BUILD.with(|b| *b.borrow_mut() = build);
                crate::analyzer::put_off_warm_up_while(parses_waiting);
                let (docs, damaged) = read_records(records, &order);
                WRITTEN.with(|w| *w.borrow_mut() = Written::of(&docs));
                (docs, damaged)
            });
            let local = load_local();
            let moved = db.is_ok()
                && match &local {
                    Loaded::Nothing => false,
                    Loaded::Damaged { backup, .. } => backup.is_some(),
                    Loaded::Restored { .. } => true,
                };
            MOVE_LOCAL.with(|m| m.set(moved));
            done(Opened { db, local })
        }),
    });
}

thread_local! {
    /// The build whose records are kept (`crate::offload::build`), once the workspace has been
    /// read from IndexedDB; `None` keeps nothing.
    static BUILD: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The records found kept in the database and not used yet: key and value as stored,
    /// `[build, seal, bytes]`.
    static KEPT: RefCell<Vec<(String, JsValue)>> = const { RefCell::new(Vec::new()) };
    /// Records made since the last [`keep_parses`]: key and value to store.
    static MADE: RefCell<Vec<(String, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// What the workspace keeps of a text's analysis: its kept record when this build made it and
/// it is whole, else the text analysed here (its record kept by the next [`keep_parses`]).
/// Either way it is exactly what the core's analysis of the text gives.
pub fn analyse(text: &str) -> Reduced {
    let Some(build) = BUILD.with(|b| b.borrow().clone()) else {
        return Reduced::of(&crate::analyzer::analyse(text));
    };
    let key = parse_key(text);
    let kept = KEPT.with(|k| {
        let mut k = k.borrow_mut();
        let i = k.iter().position(|(x, _)| *x == key)?;
        Some(k.swap_remove(i).1)
    });
    if let Some(reduced) = kept.and_then(|v| {
        let v: js_sys::Array = v.dyn_into().ok()?;
        let bytes: js_sys::Uint8Array = v.get(2).dyn_into().ok()?;
        unseal(
            &build,
            &key,
            &v.get(0).as_string()?,
            &v.get(1).as_string()?,
            &bytes.to_vec(),
        )
    }) {
        mark_kept();
        return reduced;
    }
    let reduced = Reduced::of(&crate::analyzer::analyse(text));
    let bytes = reduced.to_bytes();
    if !bytes.is_empty() {
        let value = js_sys::Array::of3(
            &JsValue::from_str(&build),
            &JsValue::from_str(&seal(&build, &key, &bytes)),
            &js_sys::Uint8Array::from(&bytes[..]),
        );
        MADE.with(|m| m.borrow_mut().push((key, value.into())));
    }
    reduced
}

/// Counts a text read from its kept record on `<html data-kept-parses>` (for the browser
/// tests and the curious: the figures are the same either way).
fn mark_kept() {
    thread_local! {
        static USED: Cell<u32> = const { Cell::new(0) };
    }
    let n = USED.with(|u| u.get() + 1);
    USED.with(|u| u.set(n));
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-kept-parses", &n.to_string());
    }
}

/// Whether kept records found when the page started are still to be used.
pub fn parses_waiting() -> bool {
    KEPT.with(|k| !k.borrow().is_empty())
}

/// Writes the records made since the last call into the database (one transaction); once the
/// workspace is all analysed (`done`), also deletes the kept records no document used (of texts
/// removed since). A write that fails loses nothing: those texts are analysed again next time.
pub fn keep_parses(done: bool) {
    let puts = MADE.with(|m| std::mem::take(&mut *m.borrow_mut()));
    let deletes: Vec<String> = if done {
        KEPT.with(|k| std::mem::take(&mut *k.borrow_mut()))
            .into_iter()
            .map(|(key, _)| key)
            .collect()
    } else {
        Vec::new()
    };
    if puts.is_empty() && deletes.is_empty() {
        return;
    }
    crate::idb::open(move |db| {
        if let Ok(db) = db {
            crate::idb::write_meta(&db, &puts, &deletes, |_| ());
        }
    });
}

/// A save's outcome, handed to the page.
type Done = Box<dyn FnOnce(Result<(), SaveError>)>;

thread_local! {
    /// A write to the database is under way.
    static BUSY: Cell<bool> = const { Cell::new(false) };
    /// The latest save asked for while one was under way (an older one waiting is dropped:
    /// this one writes all it would have).
    static NEXT: RefCell<Option<(Workspace, Done)>> = RefCell::new(None);
}

/// Saves the workspace: in IndexedDB (`idb`: the changes since the last write, one write at a
/// time), else in `localStorage` (the whole of it).
pub fn save(w: &Workspace, idb: bool, done: impl FnOnce(Result<(), SaveError>) + 'static) {
    if !idb {
        return done(match w.to_json() {
            Some(json) => save_local(&json),
            None => Err(SaveError::Other(String::new())),
        });
    }
    if BUSY.with(|b| b.replace(true)) {
        NEXT.with(|n| *n.borrow_mut() = Some((w.clone(), Box::new(done))));
        return;
    }
    let Some(changes) = WRITTEN.with(|x| x.borrow().changes(w)) else {
        BUSY.with(|b| b.set(false));
        return done(Err(SaveError::Other(String::new())));
    };
    let after = changes.after;
    let written = move |result: Result<(), String>| {
        match result {
            Ok(()) => {
                WRITTEN.with(|x| *x.borrow_mut() = after);
                if MOVE_LOCAL.with(|m| m.replace(false)) {
                    if let Some(s) = local_storage() {
                        let _ = s.remove_item(KEY);
                    }
                }
                done(Ok(()))
            }
            Err(name) if is_quota(&name) => done(Err(SaveError::Quota)),
            Err(name) => done(Err(SaveError::Other(name))),
        }
        BUSY.with(|b| b.set(false));
        if let Some((w, done)) = NEXT.with(|n| n.borrow_mut().take()) {
            save(&w, true, done);
        }
    };
    if changes.puts.is_empty() && changes.deletes.is_empty() && changes.order.is_none() {
        return written(Ok(()));
    }
    crate::idb::open(move |db| match db {
        Ok(db) => {
            let write = move |db: &web_sys::IdbDatabase,
                              done: Box<dyn FnOnce(Result<(), String>)>| {
                crate::idb::write(
                    db,
                    &changes.puts,
                    &changes.deletes,
                    changes.order.as_deref(),
                    done,
                )
            };
            let again = write.clone();
            let db2 = db.clone();
            // The kept records are only a cache: when the browser's storage is full, they are
            // dropped (and no more kept in this session) before the documents' write is
            // given up, and it is tried once more.
            write(
                &db,
                Box::new(move |result| match result {
                    Err(name) if is_quota(&name) => {
                        BUILD.with(|b| *b.borrow_mut() = None);
                        MADE.with(|m| m.borrow_mut().clear());
                        crate::idb::delete_prefixed(&db2.clone(), PARSE_PREFIX, move |_| {
                            again(&db2, Box::new(written))
                        });
                    }
                    other => written(other),
                }),
            );
        }
        Err(e) => written(Err(e)),
    });
}

fn is_quota(name: &str) -> bool {
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
}

/// Reads the workspace saved in `localStorage`; backs up a damaged value before anything
/// replaces it.
fn load_local() -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded::Nothing;
    };
    let Ok(Some(raw)) = storage.get_item(KEY) else {
        return Loaded::Nothing;
    };
    let (docs, skipped, error) = match read(&raw) {
        Ok(r) if r.skipped == 0 => {
            return Loaded::Restored {
                docs: r.docs,
                version: r.version,
            }
        }
        Ok(r) => (r.docs, r.skipped, None),
        Err(e) => (Vec::new(), 0, Some(e)),
    };
    let key = format!("{BACKUP_PREFIX}{}", now().0);
    let backup = storage.set_item(&key, &raw).ok().map(|_| key);
    Loaded::Damaged {
        docs,
        skipped,
        error,
        backup,
    }
}

/// Saves the workspace's JSON in `localStorage`.
fn save_local(json: &str) -> Result<(), SaveError> {
    let storage = local_storage().ok_or_else(|| SaveError::Other("no localStorage".into()))?;
    storage.set_item(KEY, json).map_err(|e| {
        let name = crate::idb::error_name(&e);
        if is_quota(&name) {
            SaveError::Quota
        } else {
            SaveError::Other(
                js_sys::Reflect::get(&e, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .unwrap_or(name),
            )
        }
    })
}

/// Offers `content` as a file download named `name` (a `blob:` URL of this page, revoked a
/// moment later).
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)?;
    download_blob(name, &blob)
}

/// Offers `blob` as a file download named `name`, likewise.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let document = window.document().ok_or(JsValue::NULL)?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = document.body().ok_or(JsValue::NULL)?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Opens the browser's print dialog (the print stylesheet leaves out the controls).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
