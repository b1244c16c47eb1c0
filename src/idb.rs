//! The browser's IndexedDB, as the workspace uses it: one database ([`NAME`]) with two object
//! stores, [`DOCS`] (each document's saved form as JSON text, under its id) and [`META`] (the
//! order of the documents, under [`ORDER`], and the kept parses of their texts, each under its
//! text's key: `crate::storage`). Written through web-sys's bindings directly:
//! measured against `idb`, `rexie` and `indexed_db_futures`, the smallest in the page's wasm
//! (README "First load").
//!
//! Every request ends in one call of its `done`, with the outcome or the name of the error
//! (a `DOMException`'s: `QuotaExceededError`, `InvalidStateError`, …). A write is one
//! transaction: all of it is written or none (a full disk aborts it whole, nothing already
//! saved is touched). When another tab opens the database at a newer version, this page closes
//! its connection at once (so that tab is not blocked) and opens it again for its next write.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode,
};
use yew::AttrValue;

/// The database.
pub const NAME: &str = "budget-lens";
/// Its version (1: the two stores).
const VERSION: u32 = 1;
/// The documents: key = id, value = one document's saved form (JSON text).
pub const DOCS: &str = "documents";
/// Other records: [`ORDER`], and the kept parses (`crate::workspace::parse_key`).
pub const META: &str = "meta";
/// The documents' ids in workspace order (an array of strings).
pub const ORDER: &str = "order";

/// An outcome handed to one callback, whichever of several events comes first.
type Once<T> = Rc<RefCell<Option<Box<dyn FnOnce(T)>>>>;

fn once<T: 'static>(f: impl FnOnce(T) + 'static) -> Once<T> {
    Rc::new(RefCell::new(Some(Box::new(f))))
}

fn finish<T>(done: &Once<T>, outcome: T) {
    if let Some(f) = done.borrow_mut().take() {
        f(outcome);
    }
}

/// Sets an event handler (`set` is e.g. `IdbRequest::set_onsuccess`) that runs `f` once.
fn on(set: impl FnOnce(Option<&js_sys::Function>), f: impl FnOnce() + 'static) {
    set(Some(handler(Box::new(f)).unchecked_ref()));
}

/// A JavaScript function that runs `f` once. (One closure type for every handler: each type
/// brings its own glue.)
fn handler(f: Box<dyn FnOnce()>) -> JsValue {
    wasm_bindgen::closure::Closure::once_into_js(f)
}

/// An exception's or a `DOMException`'s name.
pub fn error_name(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "Error".into())
}

fn request_error(r: &IdbRequest) -> String {
    r.error()
        .ok()
        .flatten()
        .map_or_else(|| "Error".into(), |e| e.name())
}

fn transaction_error(t: &IdbTransaction) -> String {
    t.error().map_or_else(|| "AbortError".into(), |e| e.name())
}

thread_local! {
    /// The open connection (none before the first open, or after another tab asked for a
    /// version change).
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// The open database: the connection kept, or a new one.
pub fn open(done: impl FnOnce(Result<IdbDatabase, String>) + 'static) {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return done(Ok(db));
    }
    let request = web_sys::window()
        .ok_or_else(|| "no window".to_owned())
        .and_then(|w| {
            w.indexed_db()
                .map_err(|e| error_name(&e))?
                .ok_or_else(|| "no indexedDB".to_owned())
        })
        .and_then(|f| f.open_with_u32(NAME, VERSION).map_err(|e| error_name(&e)));
    let request: IdbOpenDbRequest = match request {
        Ok(r) => r,
        Err(e) => return done(Err(e)),
    };
    let done = once(done);
    let r = request.clone();
    on(
        |f| request.set_onupgradeneeded(f),
        move || {
            if let Some(db) = r
                .result()
                .ok()
                .and_then(|v| v.dyn_into::<IdbDatabase>().ok())
            {
                let _ = db.create_object_store(DOCS);
                let _ = db.create_object_store(META);
            }
        },
    );
    let (r, d) = (request.clone(), done.clone());
    on(
        |f| request.set_onsuccess(f),
        move || match r.result().map(JsCast::unchecked_into::<IdbDatabase>) {
            Ok(db) => {
                // Another tab wants a newer version: let it have the database.
                let d2 = db.clone();
                on(
                    |f| db.set_onversionchange(f),
                    move || {
                        d2.close();
                        DB.with(|d| d.borrow_mut().take());
                    },
                );
                DB.with(|d| *d.borrow_mut() = Some(db.clone()));
                finish(&d, Ok(db));
            }
            Err(e) => finish(&d, Err(error_name(&e))),
        },
    );
    let r: IdbRequest = request.clone().unchecked_into();
    on(
        |f| request.set_onerror(f),
        move || finish(&done, Err(request_error(&r))),
    );
}

/// Every record of [`DOCS`] (its key, and its value when it is text), the order record's ids,
/// and the other records of [`META`] (key and value, as stored).
pub type Records = (
    Vec<(String, Option<String>)>,
    Vec<String>,
    Vec<(String, JsValue)>,
);

/// Reads every document, the order and the kept parses, in one transaction.
pub fn read_all(db: &IdbDatabase, done: impl FnOnce(Result<Records, String>) + 'static) {
    let stores = js_sys::Array::of2(&DOCS.into(), &META.into());
    let requests = db.transaction_with_str_sequence(&stores).and_then(|t| {
        let docs = t.object_store(DOCS)?;
        let meta = t.object_store(META)?;
        Ok((
            docs.get_all_keys()?,
            docs.get_all()?,
            meta.get_all_keys()?,
            meta.get_all()?,
            t,
        ))
    });
    let (keys, values, meta_keys, meta_values, t) = match requests {
        Ok(r) => r,
        Err(e) => return done(Err(error_name(&e))),
    };
    let done = once(done);
    let d = done.clone();
    on(
        |f| t.set_oncomplete(f),
        move || {
            let array = |r: &IdbRequest| {
                r.result()
                    .ok()
                    .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
                    .map(|a| a.to_vec())
                    .unwrap_or_default()
            };
            let mut order = Vec::new();
            let mut other = Vec::new();
            for (key, value) in array(&meta_keys).into_iter().zip(array(&meta_values)) {
                match key.as_string() {
                    Some(k) if k == ORDER => {
                        order = value
                            .dyn_ref::<js_sys::Array>()
                            .map(|a| a.iter().filter_map(|id| id.as_string()).collect())
                            .unwrap_or_default();
                    }
                    Some(k) => other.push((k, value)),
                    None => {}
                }
            }
            let key_text = |k: &JsValue| {
                k.as_string().unwrap_or_else(|| {
                    js_sys::JSON::stringify(k).map_or_else(|_| "?".into(), String::from)
                })
            };
            let records = array(&keys)
                .iter()
                .map(key_text)
                .zip(array(&values).iter().map(JsValue::as_string))
                .collect();
            finish(&d, Ok((records, order, other)));
        },
    );
    let t2 = t.clone();
    on(
        |f| t.set_onabort(f),
        move || finish(&done, Err(transaction_error(&t2))),
    );
}

/// Puts these documents (id, saved form), deletes these ids and writes the order (when
/// given), all in one transaction.
pub fn write(
    db: &IdbDatabase,
    puts: &[(String, String)],
    deletes: &[String],
    order: Option<&[AttrValue]>,
    done: impl FnOnce(Result<(), String>) + 'static,
) {
    let stores = js_sys::Array::of2(&DOCS.into(), &META.into());
    let t = match db.transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
    {
        Ok(t) => t,
        Err(e) => return done(Err(error_name(&e))),
    };
    let done = once(done);
    let d = done.clone();
    on(|f| t.set_oncomplete(f), move || finish(&d, Ok(())));
    let (t2, d) = (t.clone(), done.clone());
    on(
        |f| t.set_onabort(f),
        move || finish(&d, Err(transaction_error(&t2))),
    );
    let requests = (|| {
        let docs = t.object_store(DOCS)?;
        for (id, record) in puts {
            docs.put_with_key(&JsValue::from_str(record), &JsValue::from_str(id))?;
        }
        for id in deletes {
            docs.delete(&JsValue::from_str(id))?;
        }
        if let Some(order) = order {
            let ids: js_sys::Array = order.iter().map(|id| JsValue::from_str(id)).collect();
            t.object_store(META)?.put_with_key(&ids, &ORDER.into())?;
        }
        Ok::<_, JsValue>(())
    })();
    // A request refused at once (a full disk may be said so): nothing of this is written.
    if let Err(e) = requests {
        let _ = t.abort();
        finish(&done, Err(error_name(&e)));
    }
}

/// Puts these records (key, value) into [`META`] and deletes these keys, in one transaction;
/// `done` gets whether it was written.
pub fn write_meta(
    db: &IdbDatabase,
    puts: &[(String, JsValue)],
    deletes: &[String],
    done: impl FnOnce(bool) + 'static,
) {
    in_meta(db, done, |meta| {
        for (key, value) in puts {
            meta.put_with_key(value, &JsValue::from_str(key))?;
        }
        for key in deletes {
            meta.delete(&JsValue::from_str(key))?;
        }
        Ok(())
    });
}

/// Deletes every record of [`META`] whose key starts with `prefix` (a key range from `prefix`
/// to the prefix with its last character's successor), in one transaction; `done` gets whether
/// it was done.
pub fn delete_prefixed(db: &IdbDatabase, prefix: &str, done: impl FnOnce(bool) + 'static) {
    let mut upper: Vec<char> = prefix.chars().collect();
    if let Some(last) = upper.pop() {
        upper.push(char::from_u32(last as u32 + 1).unwrap_or(char::MAX));
    }
    let upper: String = upper.into_iter().collect();
    in_meta(db, done, |meta| {
        let range = web_sys::IdbKeyRange::bound_with_lower_open_and_upper_open(
            &prefix.into(),
            &upper.as_str().into(),
            false,
            true,
        )?;
        meta.delete(&range).map(drop)
    });
}

/// Runs `requests` on [`META`] in one read-write transaction; `done` gets whether it
/// completed (a request that cannot be made aborts it).
fn in_meta(
    db: &IdbDatabase,
    done: impl FnOnce(bool) + 'static,
    requests: impl FnOnce(&IdbObjectStore) -> Result<(), JsValue>,
) {
    let t = match db.transaction_with_str_and_mode(META, IdbTransactionMode::Readwrite) {
        Ok(t) => t,
        Err(_) => return done(false),
    };
    let done = once(done);
    let d = done.clone();
    on(|f| t.set_oncomplete(f), move || finish(&d, true));
    let d = done.clone();
    on(|f| t.set_onabort(f), move || finish(&d, false));
    if t.object_store(META)
        .and_then(|meta| requests(&meta))
        .is_err()
    {
        let _ = t.abort();
        finish(&done, false);
    }
}
