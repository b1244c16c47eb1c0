//! The browser side of the workspace: `localStorage`, the clock, and downloads. Everything stays
//! on this device: the page's Content-Security-Policy forbids sending anything anywhere, and a
//! download is a `blob:` URL made and opened on the page.
//!
//! Saved under [`KEY`] is the workspace's JSON ([`crate::workspace`]). A saved value that cannot
//! be read whole is first copied under a backup key ([`BACKUP_PREFIX`] and the time), and only
//! then replaced; when even the copy cannot be made, the value is left alone and the workspace
//! is not saved in this session.

use wasm_bindgen::{JsCast, JsValue};

use crate::workspace::{read, ReadError, StoredDoc};

/// Where the workspace is saved.
pub const KEY: &str = "budget-lens.workspace";
/// Backups of damaged saved values are kept under this prefix and the time in milliseconds.
pub const BACKUP_PREFIX: &str = "budget-lens.workspace.backup.";

/// What was found in the browser's storage.
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

/// Reads the saved workspace; backs up a damaged value before anything replaces it.
pub fn load() -> Loaded {
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

/// Saves the workspace's JSON.
pub fn save(json: &str) -> Result<(), SaveError> {
    let storage = local_storage().ok_or_else(|| SaveError::Other("no localStorage".into()))?;
    storage.set_item(KEY, json).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
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
