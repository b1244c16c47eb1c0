//! Analyses a file once (for profilers): `cargo run --release --example once FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: once FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let a = disclosure::analyze(&text);
    println!("{} findings", a.findings.len());
}
