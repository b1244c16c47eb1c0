use hayro_interpret::hayro_syntax::Pdf;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let pdf = Pdf::new(std::fs::read(&a[1]).unwrap()).unwrap();
    let page = &pdf.pages()[a[2].parse::<usize>().unwrap()];
    let mut it = page.typed_operations();
    let mut i = 0;
    while let Some(op) = it.next() {
        i += 1;
        let s = format!("{:?}", op);
        if !s.starts_with("ShowText") && !s.starts_with("NextLine") {
            println!("{}", &s[..s.len().min(100)]);
        }
        if i > 100000 {
            break;
        }
    }
}
