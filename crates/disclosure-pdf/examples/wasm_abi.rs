//! The reader behind a minimal WebAssembly ABI, to measure its size and speed as wasm (README
//! "Reading a PDF"): `cargo build --release --target wasm32-unknown-unknown -p disclosure-pdf
//! --example wasm_abi`, then scripts/pdf-wasm.mjs. Not the page's binding (that is the worker's,
//! with wasm-bindgen); the same `disclosure_pdf::extract`, so the same text.
//!
//! `input(len)` gives a buffer for the PDF's bytes; `extract()` reads them and returns the
//! length of the result at `output()`: the text, or "error <code>" when the PDF cannot be read.

use std::cell::RefCell;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A buffer of `len` bytes for the PDF.
#[unsafe(no_mangle)]
pub extern "C" fn input(len: usize) -> *mut u8 {
    INPUT.with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        b.resize(len, 0);
        b.as_mut_ptr()
    })
}

/// Reads the PDF in the input buffer; returns the length of the output.
#[unsafe(no_mangle)]
pub extern "C" fn extract() -> usize {
    let out = INPUT.with(|b| match disclosure_pdf::extract(&b.borrow()) {
        Ok(x) => x.text,
        Err(e) => format!("error {}", e.code()),
    });
    OUTPUT.with(|o| {
        *o.borrow_mut() = out.into_bytes();
        o.borrow().len()
    })
}

/// The output of the last `extract`.
#[unsafe(no_mangle)]
pub extern "C" fn output() -> *const u8 {
    OUTPUT.with(|o| o.borrow().as_ptr())
}

#[allow(dead_code)]
fn main() {}
