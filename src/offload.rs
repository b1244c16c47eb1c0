//! Parsing large texts in a web worker, so the page stays responsive while the core works.
//!
//! The worker (src/worker.js) runs this same wasm: no second build, and nothing more to
//! download (the browser has the wasm cached). It calls [`worker_parse`], which returns the
//! core's [`disclosure::Parsed`] encoded with postcard; the page decodes it and finishes with
//! [`disclosure::analyze_parsed`] (the checks: a few milliseconds even for 20 MB). Parsing is
//! nearly all of the work for a large text.
//!
//! Only texts from [`OFFLOAD`] bytes go to the worker: for smaller ones the round trip costs
//! more than it saves (the sample's analysis takes ~10 ms on the page). When there is no worker
//! — the single-file page (a file:// page cannot start one), a browser without module workers,
//! or a worker that failed — the page analyses on its own, as it does for small texts.

use std::cell::RefCell;
use std::collections::VecDeque;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::{AttrValue, Callback};

use crate::clock::now;
use crate::prepared::Prepared;

/// Texts at least this long (in bytes) are parsed in the worker.
pub const OFFLOAD: usize = 1024 * 1024;

/// Called by the worker: the core's parse of `text`, postcard-encoded (empty if it could not
/// be encoded, which the worker reports as an error).
#[wasm_bindgen]
pub fn worker_parse(text: &str) -> Vec<u8> {
    encode(&disclosure::parse(text))
}

/// A parse as bytes for the page.
pub fn encode(parsed: &disclosure::Parsed) -> Vec<u8> {
    postcard::to_allocvec(parsed).unwrap_or_default()
}

/// The bytes [`encode`] made, as a parse again.
pub fn decode(bytes: &[u8]) -> Option<disclosure::Parsed> {
    postcard::from_bytes(bytes).ok()
}

/// How the page analyses a text on its own, for the texts the worker cannot parse: the
/// caller's (the analyzer's), given to [`send`] as a type. A type rather than a function value so
/// that the calls stay direct, as cheap in the page's size budget as a plain call.
pub trait Fallback: 'static {
    /// Analyses `text` (revision `rev`) on the page and hands the result to `done`.
    fn run_here(rev: u64, text: AttrValue, done: &Callback<Prepared>);
}

/// A text sent to the worker and not yet answered.
struct Pending {
    id: u64,
    text: AttrValue,
    started: f64,
    done: Callback<Prepared>,
}

/// The worker, its listeners, and the texts it has been given, oldest first (it answers in
/// order).
struct Offload {
    worker: web_sys::Worker,
    pending: VecDeque<Pending>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// Where the worker stands.
enum Slot {
    /// Not started yet.
    Idle,
    /// Started (it may still be loading the wasm; texts sent meanwhile wait in its queue).
    Running(Offload),
    /// No worker on this page, or it failed: the page analyses on its own from now on.
    Unavailable,
}

thread_local! {
    static SLOT: RefCell<Slot> = const { RefCell::new(Slot::Idle) };
    /// What reads the worker's bytes ([`set_reader`]); none, and the page analyses the text.
    static READER: RefCell<Option<Reader>> = const { RefCell::new(None) };
}

/// Reads the worker's bytes into a parse, when it can (the later module holds postcard's
/// reader of the core's model: [`crate::later`]).
pub type Reader = std::rc::Rc<
    dyn Fn(
        Vec<u8>,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Option<disclosure::Parsed>>>>,
>;

/// Sets what reads the worker's bytes (the page's root sets it, so this module does not
/// import the later module, which imports the views, which import this).
pub fn set_reader(reader: Reader) {
    READER.with(|r| *r.borrow_mut() = Some(reader));
}

/// Whether a text of `len` bytes will be parsed in the worker (asked on every render of the
/// status line; the page's files are looked up once, [`urls`]).
pub fn offloads(len: usize) -> bool {
    len >= OFFLOAD && SLOT.with(|s| !matches!(*s.borrow(), Slot::Unavailable)) && urls().is_some()
}

/// Sends `text` (revision `rev`) to the worker; `done` gets the analysis. Returns the text
/// and callback back when there is no worker, for the page to analyse itself; should the
/// worker fail later, or answer with nothing usable, `F` analyses the text on the page (the
/// worker keeps the `F` of the text that started it: the page has one).
pub fn send<F: Fallback>(
    rev: u64,
    text: AttrValue,
    done: Callback<Prepared>,
) -> Result<(), (AttrValue, Callback<Prepared>)> {
    SLOT.with(|slot| {
        let mut slot = slot.borrow_mut();
        if matches!(*slot, Slot::Idle) {
            *slot = start::<F>().map_or(Slot::Unavailable, Slot::Running);
        }
        let Slot::Running(offload) = &mut *slot else {
            return Err((text, done));
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"id".into(), &(rev as f64).into());
        let _ = js_sys::Reflect::set(&message, &"text".into(), &JsValue::from_str(&text));
        if offload.worker.post_message(&message).is_err() {
            return Err((text, done));
        }
        offload.pending.push_back(Pending {
            id: rev,
            text,
            started: now(),
            done,
        });
        Ok(())
    })
}

/// The page's own .js and .wasm files (with the wasm's integrity hash) and the worker script,
/// from the `<meta name="budget-lens:…">` tags Trunk fills in (Trunk.toml, index.html). The
/// single-file page has none of them. Looked up once per page.
fn urls() -> Option<Urls> {
    thread_local! {
        static URLS: std::cell::OnceCell<Option<Urls>> = const { std::cell::OnceCell::new() };
    }
    URLS.with(|u| u.get_or_init(look_up_urls).clone())
}

/// Which build of the page this is: its wasm's integrity hash (the core and everything else
/// compiled into it); `None` where the page does not know it (the single-file page).
pub fn build() -> Option<String> {
    urls().map(|u| u.2).filter(|i| !i.is_empty())
}

/// The glue, the wasm, the wasm's integrity hash and the worker script.
type Urls = (String, String, String, String);

/// Reads the `<meta name="budget-lens:…">` tags and the wasm's preload link.
fn look_up_urls() -> Option<Urls> {
    let document = web_sys::window()?.document()?;
    let base = document.base_uri().ok()??;
    let meta = crate::served::meta;
    let absolute = |url: &str| Some(web_sys::Url::new_with_base(url, &base).ok()?.href());
    let (js, wasm, worker) = (meta("js")?, meta("wasm")?, meta("worker")?);
    // The integrity hash Trunk makes for the wasm, which scripts/hash-later.mjs moves from its
    // preload link's `integrity` to `data-integrity` (src/boot.js checks it too).
    let preload = document
        .query_selector(&format!("link[rel=\"preload\"][href=\"{wasm}\"]"))
        .ok()
        .flatten();
    let integrity = preload
        .and_then(|l| {
            l.get_attribute("data-integrity")
                .or_else(|| l.get_attribute("integrity"))
        })
        .unwrap_or_default();
    Some((
        absolute(&js)?,
        absolute(&wasm)?,
        integrity,
        absolute(&worker)?,
    ))
}

/// Starts the worker and tells it where the wasm is.
fn start<F: Fallback>() -> Option<Offload> {
    let (js, wasm, integrity, script) = urls()?;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&script, &options).ok()?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(answered::<F>);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_: web_sys::Event| failed::<F>());
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
    let init = js_sys::Object::new();
    let urls = js_sys::Object::new();
    for (key, value) in [("js", js), ("wasm", wasm), ("integrity", integrity)] {
        let _ = js_sys::Reflect::set(&urls, &key.into(), &value.into());
    }
    let _ = js_sys::Reflect::set(&init, &"init".into(), &urls);
    worker.post_message(&init).ok()?;
    Some(Offload {
        worker,
        pending: VecDeque::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// The worker answered the oldest pending text: finish its analysis here, or analyse it on the
/// page if the worker could not.
fn answered<F: Fallback>(event: web_sys::MessageEvent) {
    let data = event.data();
    let id = js_sys::Reflect::get(&data, &"id".into())
        .ok()
        .and_then(|v| v.as_f64());
    let Some(pending) = SLOT.with(|slot| match &mut *slot.borrow_mut() {
        Slot::Running(o) => o.pending.pop_front(),
        _ => None,
    }) else {
        return;
    };
    let bytes = js_sys::Reflect::get(&data, &"bytes".into())
        .ok()
        .filter(|b| b.is_instance_of::<js_sys::Uint8Array>())
        .filter(|_| id == Some(pending.id as f64))
        .map(|b| js_sys::Uint8Array::from(b).to_vec());
    // The bytes are decoded by the page's later module ([`set_reader`]: postcard's reader of
    // the core's model is not in the first load); without it, the page analyses the text.
    let reader = READER.with(|r| r.borrow().clone());
    wasm_bindgen_futures::spawn_local(async move {
        let parsed = match (bytes, reader) {
            (Some(bytes), Some(read)) => read(bytes).await,
            _ => None,
        };
        match parsed {
            Some(parsed) => {
                let analysis = disclosure::analyze_parsed(parsed);
                let ms = (now() - pending.started).max(0.0).round() as u32;
                pending
                    .done
                    .emit(Prepared::new(pending.id, pending.text, analysis, ms).in_worker());
            }
            None => F::run_here(pending.id, pending.text, &pending.done),
        }
    });
}

/// The worker failed (its script or the wasm did not load, or it crashed): stop it, and
/// analyse what it had been given on the page — only the newest text, the others are outdated.
fn failed<F: Fallback>() {
    let pending = SLOT.with(|slot| {
        let mut slot = slot.borrow_mut();
        let old = std::mem::replace(&mut *slot, Slot::Unavailable);
        match old {
            Slot::Running(o) => {
                o.worker.terminate();
                o.pending
            }
            _ => VecDeque::new(),
        }
    });
    if let Some(last) = pending.into_iter().last() {
        F::run_here(last.id, last.text, &last.done);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::EXAMPLE;

    /// What the page finishes from the worker's bytes is what it would have analysed itself.
    #[test]
    fn a_parse_survives_the_trip_through_the_worker() {
        for text in [
            EXAMPLE,
            "",
            "今天天气很好。\n",
            "表1\n合计 1 2 3\n<script>x</script>",
        ] {
            let bytes = encode(&disclosure::parse(text));
            assert!(!bytes.is_empty());
            let back = decode(&bytes).expect("decodes");
            let here = serde_json::to_string(&disclosure::analyze(text)).unwrap();
            let there = serde_json::to_string(&disclosure::analyze_parsed(back)).unwrap();
            assert_eq!(here, there, "{text:.20}");
        }
        let a = disclosure::analyze(EXAMPLE);
        assert_eq!(
            a.summary
                .income_total
                .map(|f| f.value.to_string())
                .as_deref(),
            Some("2300.52")
        );
    }

    #[test]
    fn damaged_bytes_are_refused_not_trusted() {
        let bytes = encode(&disclosure::parse(EXAMPLE));
        assert!(decode(&bytes[..bytes.len() / 2]).is_none());
        assert!(decode(&[]).is_none());
    }
}
