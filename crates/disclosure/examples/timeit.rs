//! Times analyze() on each file given: `cargo run --release --example timeit FILE...`.
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        let text = String::from_utf8_lossy(&bytes);
        let t = std::time::Instant::now();
        let a = disclosure::analyze(&text);
        println!(
            "{path}: {} bytes, {:?}, {} tables, {} statements, {} findings",
            text.len(),
            t.elapsed(),
            a.document.tables.len(),
            a.document.statements.len(),
            a.findings.len()
        );
    }
}
