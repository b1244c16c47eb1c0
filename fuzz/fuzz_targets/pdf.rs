//! Any bytes, read as a PDF the way the page and the CLI read one (disclosure-pdf), and the
//! text it gives analysed: no panic, no pathologically slow input (run with `-timeout`).
//! libfuzzer-sys's panic hook aborts at the panic itself, so a panic in the engine counts
//! even where the reader's own `catch_unwind` would have turned it into `pdf/broken`.
//! Seeded by scripts/fuzz.sh with the corpus PDFs and the small PDFs of fixtures/pdf.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(x) = disclosure_pdf::extract(data) {
        let _ = disclosure::analyze(&x.text);
    }
});
