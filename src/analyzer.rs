//! Running the core's `analyze` off the render path, in an effect after the text changed: after
//! a pause in typing (debounce, a timer), at once for a paste or a load.
//!
//! Texts from [`crate::offload::OFFLOAD`] (1 MB) are parsed in a web worker and only checked
//! here, so the page stays responsive ([`crate::offload`]). Smaller ones are analysed on the
//! page (the sample takes ~10 ms); those from [`LARGE`] wait one frame-friendly moment first,
//! so that the "analysing" status is on screen before the page is busy.

use yew::{AttrValue, Callback};

use crate::clock::now;
use crate::prepared::Prepared;

/// Texts at least this long (in bytes) show the "analysing" status before they are analysed.
pub const LARGE: usize = 256 * 1024;

/// How long typing must pause before the text is analysed, in milliseconds.
pub const DEBOUNCE_MS: u32 = 250;

/// How long a large load waits so the status is painted first, in milliseconds.
pub const PAINT_MS: u32 = 50;

/// How long to wait before analysing a text of `len` bytes.
pub fn delay(len: usize, debounce: bool) -> u32 {
    if debounce {
        DEBOUNCE_MS
    } else if len >= LARGE {
        PAINT_MS
    } else {
        0
    }
}

/// Analyses `text` (revision `rev`) and hands the result to `done`: in the worker for a large
/// text, when the page has one, otherwise at once on the page. Should the worker fail, it hands
/// the text back to [`run_here`].
pub fn run(rev: u64, text: AttrValue, done: &Callback<Prepared>) {
    if crate::offload::offloads(text.len()) {
        match crate::offload::send::<OnPage>(rev, text, done.clone()) {
            Ok(()) => return,
            Err((text, done)) => return run_here(rev, text, &done),
        }
    }
    run_here(rev, text, done);
}

/// Analyses `text` (revision `rev`) on the page and hands the result to `done`.
pub fn run_here(rev: u64, text: AttrValue, done: &Callback<Prepared>) {
    done.emit(prepare(rev, text));
}

/// Analyses `text` (revision `rev`) on the page, timed.
pub fn prepare(rev: u64, text: AttrValue) -> Prepared {
    let started = now();
    let analysis = analyse(&text);
    let ms = (now() - started).max(0.0).round() as u32;
    Prepared::new(rev, text, analysis, ms)
}

/// Whether a text of `len` bytes, arriving at once, is analysed on the page without waiting
/// (neither sent to the worker nor given a moment for the status to be painted).
pub fn at_once_here(len: usize) -> bool {
    delay(len, false) == 0 && !crate::offload::offloads(len)
}

/// The worker's fallback ([`crate::offload::Fallback`]): [`run_here`].
pub struct OnPage;

impl crate::offload::Fallback for OnPage {
    fn run_here(rev: u64, text: AttrValue, done: &Callback<Prepared>) {
        run_here(rev, text, done);
    }
}

thread_local! {
    /// Whether the core has analysed something on this page (then it needs no warming up).
    static WARM: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The core's analysis of a text; the page needs no warming up after it.
pub fn analyse(text: &str) -> disclosure::Analysis {
    disclosure::analyze_parsed(parse(text))
}

/// The core's parse of a text (nearly all of an analysis's work); likewise.
pub fn parse(text: &str) -> disclosure::Parsed {
    WARM.with(|w| w.set(true));
    disclosure::parse(text)
}

/// How long after the page starts the core is warmed up, in milliseconds.
pub const WARM_UP_MS: u32 = 300;

thread_local! {
    /// What the warm-up waits for while it says so ([`put_off_warm_up_while`]).
    static WAIT_FOR: std::cell::Cell<Option<fn() -> bool>> = const { std::cell::Cell::new(None) };
}

/// Puts the warm-up off for as long as `waiting` says so (the workspace's storage: documents
/// still to be read from their kept records).
pub fn put_off_warm_up_while(waiting: fn() -> bool) {
    WAIT_FOR.with(|w| w.set(Some(waiting)));
}

/// Loads the example ([`crate::example`]: the served file, which the service worker keeps
/// anyway, or the single-file page's inline copy), analyses it once and throws the result away,
/// then marks the page `<html data-warm="done">`. The first `analyze` on a fresh page is several
/// times slower than later ones (V8 compiles each WebAssembly function when it is first called
/// and optimises the hot ones after some calls, and the heap grows to its working size): done
/// while the page is idle after loading, it keeps that cost off the user's first paste
/// (measured: the sample's analysis 7 ms after this warm-up, 20 ms after forty runs of a 3 kB
/// excerpt, ~50 ms with none; a Shanghai document, another template, 6 ms). Skipped when the
/// page has parsed something already (a text pasted at once, or the saved workspace's
/// documents), also if that happens while the example is loading; put off while the saved
/// workspace's documents are read from their kept records ([`put_off_warm_up_while`]).
pub fn warm_up() {
    if WARM.with(|w| w.get()) {
        return warmed();
    }
    // Workspace documents still to be read from their kept records come first (a compare
    // view waits for them): the warm-up follows them.
    if WAIT_FOR.with(|w| w.get()).is_some_and(|waiting| waiting()) {
        gloo_timers::callback::Timeout::new(WARM_UP_MS, warm_up).forget();
        return;
    }
    crate::example::load(|text| {
        if let Some(text) = text.filter(|_| !WARM.with(|w| w.replace(true))) {
            let _ = disclosure::analyze(&text);
        }
        warmed();
    });
}

/// Marks the page `<html data-warm="done">`.
fn warmed() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-warm", "done");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_waits_large_loads_paint_first_small_loads_do_not_wait() {
        assert_eq!(delay(10, true), DEBOUNCE_MS);
        assert_eq!(delay(LARGE * 4, true), DEBOUNCE_MS);
        assert_eq!(delay(10, false), 0);
        assert_eq!(delay(LARGE, false), PAINT_MS);
    }
}
