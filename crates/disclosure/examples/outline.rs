//! Prints the parsed outline of a file and the parser's diagnostics: `cargo run --example outline FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: outline FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let parsed = disclosure::parse(&text);
    print!("{}", disclosure::outline::outline(&parsed.document));
    for d in &parsed.diagnostics {
        println!("diagnostic {:?} {:?}: {}", d.code, d.lines, d.message_en);
    }
}
