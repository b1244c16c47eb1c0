//! Running the core's `analyze` off the render path.
//!
//! Small texts (a real disclosure is 50–300 kB) are analysed on the page, in a timer callback
//! after the text changed. Large ones (from [`WORKER_THRESHOLD`]) go to a web worker
//! (`src/worker.js`) that runs this same WebAssembly module: the page hands it the compiled
//! `WebAssembly.Module`, so nothing is downloaded or compiled twice and the app ships one
//! .wasm. The worker sends the `Analysis` back as JSON. When there is no worker (the
//! single-file build, or a worker that failed), large texts are analysed on the page too, after
//! the "analysing" status has been painted.

use std::cell::RefCell;
use std::rc::Rc;

use disclosure::Analysis;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::{AttrValue, Callback};

use crate::prepared::Prepared;

/// Texts at least this long (in bytes) are analysed in the worker when there is one.
pub const WORKER_THRESHOLD: usize = 256 * 1024;

/// How long typing must pause before the text is analysed, in milliseconds.
pub const DEBOUNCE_MS: u32 = 250;

/// The `analyze` the worker calls: the analysis of `text` as JSON.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn analyze_json(text: &str) -> String {
    to_json(&disclosure::analyze(text))
}

/// An analysis as JSON (amounts as exact decimal strings).
pub fn to_json(analysis: &Analysis) -> String {
    serde_json::to_string(analysis).unwrap_or_default()
}

/// An analysis from the worker's JSON.
pub fn from_json(json: &str) -> Result<Analysis, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// Milliseconds since the page opened.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Whole milliseconds since `started`, for the status line.
fn elapsed(started: f64) -> u32 {
    (now() - started).max(0.0).round() as u32
}

/// The content of `<meta name="budget-lens:NAME">`, resolved against the page's address.
fn meta_url(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let relative = document
        .query_selector(&format!(r#"meta[name="budget-lens:{name}"]"#))
        .ok()??
        .get_attribute("content")?;
    let base = document.base_uri().ok()??;
    Some(web_sys::Url::new_with_base(&relative, &base).ok()?.href())
}

/// Analyses `text` here and now.
fn analyse_here(rev: u64, text: AttrValue) -> Prepared {
    let started = now();
    let analysis = disclosure::analyze(&text);
    Prepared::new(rev, text, analysis, elapsed(started), false)
}

/// A job given to the worker.
struct Job {
    rev: u64,
    text: AttrValue,
    started: f64,
    done: Callback<Prepared>,
}

/// The worker and its message handlers (kept alive as long as the worker).
struct Background {
    worker: Worker,
    job: Rc<RefCell<Option<Job>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Background {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Runs analyses, on the page or in the worker.
#[derive(Default)]
pub struct Analyzer {
    background: Option<Background>,
    /// The worker could not be used: do everything on the page.
    no_worker: bool,
}

impl Analyzer {
    /// Whether a text of `len` bytes would go to the worker.
    fn wants_worker(&self, len: usize) -> bool {
        len >= WORKER_THRESHOLD && !self.no_worker
    }

    /// How long to wait before analysing: a pause in typing, or (for a large text analysed on
    /// the page) time for the "analysing" status to be painted first.
    pub fn delay(&self, len: usize, debounce: bool) -> u32 {
        if debounce {
            DEBOUNCE_MS
        } else if len >= WORKER_THRESHOLD && (self.no_worker || meta_url("worker").is_none()) {
            50
        } else {
            0
        }
    }

    /// Analyses `text` (revision `rev`) and hands the result to `done`.
    pub fn run(&mut self, rev: u64, text: AttrValue, done: Callback<Prepared>) {
        if self.wants_worker(text.len()) {
            match self.post(rev, text.clone(), done.clone()) {
                Ok(()) => return,
                Err(_) => self.no_worker = true,
            }
        }
        done.emit(analyse_here(rev, text));
    }

    /// Sends a job to the worker, starting one if needed. A worker still busy with an older
    /// text is stopped: its answer would be dropped anyway.
    fn post(&mut self, rev: u64, text: AttrValue, done: Callback<Prepared>) -> Result<(), JsValue> {
        let busy = self
            .background
            .as_ref()
            .is_some_and(|b| b.job.borrow().is_some());
        if busy {
            self.background = None;
        }
        if self.background.is_none() {
            self.background = Some(Background::start()?);
        }
        let background = self.background.as_ref().ok_or(JsValue::NULL)?;
        let message = js_sys::Object::new();
        js_sys::Reflect::set(&message, &"rev".into(), &JsValue::from_f64(rev as f64))?;
        js_sys::Reflect::set(&message, &"text".into(), &JsValue::from_str(&text))?;
        *background.job.borrow_mut() = Some(Job {
            rev,
            text,
            started: now(),
            done,
        });
        background.worker.post_message(&message)
    }
}

impl Background {
    /// Starts the worker and gives it this app's JavaScript glue and compiled module.
    fn start() -> Result<Background, JsValue> {
        let script = meta_url("worker").ok_or(JsValue::NULL)?;
        let glue = meta_url("js").ok_or(JsValue::NULL)?;
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&script, &options)?;
        let job: Rc<RefCell<Option<Job>>> = Rc::default();

        let on_message = {
            let job = job.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok();
                let rev = field("rev").and_then(|v| v.as_f64()).unwrap_or(-1.0);
                let Some(current) = job.borrow_mut().take_if(|j| j.rev as f64 == rev) else {
                    return;
                };
                let analysis = field("json")
                    .and_then(|j| j.as_string())
                    .ok_or_else(|| "no answer".to_owned())
                    .and_then(|json| from_json(&json));
                let prepared = match analysis {
                    Ok(a) => {
                        Prepared::new(current.rev, current.text, a, elapsed(current.started), true)
                    }
                    // The worker could not analyse: do it here rather than show nothing.
                    Err(_) => analyse_here(current.rev, current.text),
                };
                current.done.emit(prepared);
            })
        };
        let on_error = {
            let job = job.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                if let Some(current) = job.borrow_mut().take() {
                    current.done.emit(analyse_here(current.rev, current.text));
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));

        let init = js_sys::Object::new();
        js_sys::Reflect::set(&init, &"init".into(), &JsValue::TRUE)?;
        js_sys::Reflect::set(&init, &"js".into(), &JsValue::from_str(&glue))?;
        js_sys::Reflect::set(&init, &"module".into(), &wasm_bindgen::module())?;
        worker.post_message(&init)?;

        Ok(Background {
            worker,
            job,
            _on_message: on_message,
            _on_error: on_error,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::EXAMPLE;

    #[test]
    fn the_analysis_survives_json() {
        let direct = disclosure::analyze(EXAMPLE);
        let json = analyze_json(EXAMPLE);
        let back = from_json(&json).unwrap();
        assert_eq!(back.document, direct.document);
        assert_eq!(back.findings, direct.findings);
        assert_eq!(back.summary, direct.summary);
        assert_eq!(back.shares, direct.shares);
        assert_eq!(back.previous_year, direct.previous_year);
        assert_eq!(back.completeness, direct.completeness);
        assert_eq!(back.quality, direct.quality);
        assert!(
            json.contains(r#""2300.52""#),
            "amounts travel as exact decimal strings"
        );
    }

    #[test]
    fn bad_json_is_an_error() {
        assert!(from_json("{").is_err());
    }

    #[test]
    fn typing_waits_and_loads_do_not() {
        let a = Analyzer::default();
        assert_eq!(a.delay(10, true), DEBOUNCE_MS);
        assert_eq!(a.delay(10, false), 0);
    }
}
