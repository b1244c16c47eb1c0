//! Any bytes, read as text the way the page and the CLI read it, through parse, check and
//! analysis: no panic, no pathologically slow input (run with `-timeout`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = disclosure::analyze(&text);
});
