//! Times the phases of analyze() on a file, median of 50 runs: `cargo run --release --example phases FILE`.
use std::time::Instant;
fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}
fn main() {
    let path = std::env::args().nth(1).expect("usage: phases FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let (mut p, mut c, mut a) = (vec![], vec![], vec![]);
    for _ in 0..50 {
        let t = Instant::now();
        let parsed = disclosure::parse(&text);
        p.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let _ = disclosure::check::check(&parsed.document);
        c.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let _ = disclosure::analyze(&text);
        a.push(t.elapsed().as_secs_f64() * 1e3);
    }
    println!(
        "parse {:.3} ms, check {:.3} ms, analyze {:.3} ms",
        median(p),
        median(c),
        median(a)
    );
}
