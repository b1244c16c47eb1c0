fn main() {
    let a: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&a[1]).unwrap();
    print!(
        "{}",
        disclosure_pdf::debug::dump(&bytes, a[2].parse().unwrap())
    );
}
