//! Prints where each line and cell of a PDF's pages stands, for studying a layout:
//! `cargo run -p disclosure-pdf --example pdfdump -- FILE.pdf [PAGE]` (pages from 1).
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("usage: pdfdump FILE.pdf [PAGE]");
    let only: Option<usize> = args.get(1).and_then(|p| p.parse().ok());
    let bytes = std::fs::read(path).expect("read");
    let x = match disclosure_pdf::extract(&bytes) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{}: {}", e.code(), e.message_en());
            std::process::exit(2);
        }
    };
    for (i, page) in x.pages.iter().enumerate() {
        if only.is_some_and(|p| p != i + 1) {
            continue;
        }
        let (w, h) = page.size;
        println!(
            "page {} ({w:.0} x {h:.0} pt, first line {})",
            i + 1,
            page.first_line
        );
        for line in &page.lines {
            let cells: Vec<String> = line
                .cells
                .iter()
                .map(|c| format!("[{:.1}-{:.1} {}]", c.x0, c.x1, c.text))
                .collect();
            println!("{:7.2} {}", line.y, cells.join(" "));
        }
    }
}
