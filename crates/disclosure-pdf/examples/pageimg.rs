//! Writes one page of a PDF as the picture the source view shows (an SVG), and what it holds:
//! `cargo run -p disclosure-pdf --example pageimg -- FILE.pdf PAGE OUT.svg` (pages from 1).
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, page, out] = &args[..] else {
        eprintln!("usage: pageimg FILE.pdf PAGE OUT.svg");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).expect("read");
    let n: usize = page.parse().expect("a page number");
    let started = std::time::Instant::now();
    match disclosure_pdf::page_image(&bytes, n) {
        Ok(Some(img)) => {
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            std::fs::write(out, &img.svg).expect("write");
            println!(
                "{} x {} pt, {} paths, {} images, {} glyphs, {} lines, {} bytes, {ms:.1} ms{}",
                img.size.0,
                img.size.1,
                img.paths,
                img.images,
                img.glyphs,
                img.boxes.len(),
                img.svg.len(),
                if img.truncated { ", truncated" } else { "" }
            );
        }
        Ok(None) => {
            eprintln!("no page {n}");
            std::process::exit(2);
        }
        Err(e) => {
            eprintln!("{}: {}", e.code(), e.message_en());
            std::process::exit(2);
        }
    }
}
