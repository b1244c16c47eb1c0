//! The reference sample with the fuzzer's bytes spliced in at a position the input chooses:
//! reaches deep into the table and narrative readers, which random text rarely does.
#![no_main]

use libfuzzer_sys::fuzz_target;

const SAMPLE: &str = include_str!("../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let at = u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize % SAMPLE.len();
    let mut at = at;
    while !SAMPLE.is_char_boundary(at) {
        at -= 1;
    }
    let cut = (data.first().copied().unwrap_or(0) as usize) * 7;
    let mut end = (at + cut).min(SAMPLE.len());
    while !SAMPLE.is_char_boundary(end) {
        end -= 1;
    }
    let text = format!("{}{}{}", &SAMPLE[..at], String::from_utf8_lossy(&data[4..]), &SAMPLE[end..]);
    let _ = disclosure::analyze(&text);
});
