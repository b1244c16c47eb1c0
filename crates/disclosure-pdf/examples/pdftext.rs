//! Prints a PDF's text as the crate reads it: `cargo run -p disclosure-pdf --example pdftext FILE.pdf`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: pdftext FILE.pdf");
    let bytes = std::fs::read(&path).expect("read");
    match disclosure_pdf::extract(&bytes) {
        Ok(x) => {
            print!("{}", x.text);
            for n in &x.notes {
                eprintln!("note: {}", n.message_en());
            }
        }
        Err(e) => {
            eprintln!("{}: {}", e.code(), e.message_en());
            std::process::exit(2);
        }
    }
}
