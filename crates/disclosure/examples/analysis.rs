//! Prints the summary, shares, previous year and checklist of a file: `cargo run --example analysis FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: analysis FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let a = disclosure::analyze(&text);
    println!("{:#?}", a.summary);
    println!("{:#?}", a.quality);
    for set in [
        &a.shares.functional,
        &a.shares.economic,
        &a.shares.basic_project,
        &a.shares.personnel_public,
        &a.shares.three_public,
        &a.shares.projects,
    ]
    .into_iter()
    .flatten()
    {
        println!("== {} {}", set.denominator_zh, set.total);
        for s in &set.items {
            println!(
                "  {:?} {} {} {:?}% {:?}",
                s.code, s.name, s.amount, s.percent, s.detail
            );
            for k in &s.children {
                println!("    {:?} {} {} {:?}%", k.code, k.name, k.amount, k.percent);
            }
        }
    }
    for p in &a.previous_year.items {
        println!(
            "prior {:?} {}: {} - ({}) = {} growth {:?} {:?}",
            p.section, p.subject, p.current, p.change, p.prior, p.growth, p.lines
        );
    }
    for i in &a.completeness.items {
        println!(
            "{} {} {} {:?}",
            i.id,
            if i.present { "✓" } else { "✗" },
            i.title_zh,
            i.line
        );
    }
}
