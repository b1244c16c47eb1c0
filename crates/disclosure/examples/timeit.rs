//! Times analyze() on each file given: `cargo run --release --example timeit FILE...`.
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
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
