//! Prints a PDF's text as the crate reads it:
//! `cargo run --profile native -p disclosure-pdf --example pdftext -- FILE.pdf`.
//! With `--time FILE.pdf...`, prints instead, per PDF, the best of five readings in
//! milliseconds and the text's length (for README "Reading a PDF"; the wasm's figures come
//! from scripts/pdf-wasm.mjs).
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--time") {
        for path in &args[1..] {
            let bytes = std::fs::read(path).expect("read");
            let mut best = f64::INFINITY;
            let mut len = 0;
            for _ in 0..6 {
                let t0 = Instant::now();
                let x = disclosure_pdf::extract(&bytes);
                best = best.min(t0.elapsed().as_secs_f64() * 1000.0);
                len = x.map_or(0, |x| x.text.len());
            }
            println!("{path}\t{best:.1} ms\t{len} bytes");
        }
        return;
    }
    let path = args
        .first()
        .expect("usage: pdftext FILE.pdf | --time FILE.pdf...");
    let bytes = std::fs::read(path).expect("read");
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
