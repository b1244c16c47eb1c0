//! Prints the checker's findings for a file: `cargo run --example findings FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: findings FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let parsed = disclosure::parse(&text);
    for f in disclosure::check::check(&parsed.document) {
        println!(
            "{:8} {:6} {:?} {}",
            f.severity.slug(),
            f.rule,
            f.lines,
            f.message_zh
        );
    }
}
