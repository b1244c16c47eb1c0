//! Throughput of parse, check and analyze, against a lower bound that only reads every number.
//!
//! Two inputs: the reference sample alone, and a set of 100 documents (the sample and the
//! synthetic document, alternated, as separate texts). For each, four measurements over the
//! same bytes: `lower_bound` (split into lines, parse every whitespace-separated token that is
//! a number into a `Decimal`), `parse`, `check` (the checker on an already parsed document) and
//! `analyze` (parse + check + analysis). `make bench` prints them as one table, with the ratio
//! analyze / lower bound.

use std::hint::black_box;
use std::str::FromStr;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use disclosure::Decimal;

const SAMPLE: &str = include_str!("../../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");
const SYNTHETIC: &str = include_str!("../../../fixtures/synthetic-sample-renamed.txt");

/// Reads every number of the text and nothing else: what any reader of these documents must
/// at least do. Returns how many numbers were read, and their sum so nothing is optimised away.
fn lower_bound(text: &str) -> (usize, Decimal) {
    let mut n = 0;
    let mut sum = Decimal::ZERO;
    let mut buf = String::new();
    for line in text.lines() {
        for token in line.split_whitespace() {
            if !token.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
                continue;
            }
            buf.clear();
            buf.extend(token.chars().filter(|&c| c != ','));
            if let Ok(d) = Decimal::from_str(&buf) {
                n += 1;
                sum = sum.saturating_add(d);
            }
        }
    }
    (n, sum)
}

fn bench_texts(c: &mut Criterion, group: &str, texts: &[&str], flat: bool) {
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let parsed: Vec<disclosure::Parsed> = texts.iter().map(|t| disclosure::parse(t)).collect();
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(bytes as u64));
    if flat {
        g.sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .measurement_time(Duration::from_secs(8));
    } else {
        g.sample_size(30).measurement_time(Duration::from_secs(5));
    }
    g.bench_function("lower_bound", |b| {
        b.iter(|| {
            for t in texts {
                black_box(lower_bound(black_box(t)));
            }
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            for t in texts {
                black_box(disclosure::parse(black_box(t)));
            }
        })
    });
    g.bench_function("check", |b| {
        b.iter(|| {
            for p in &parsed {
                black_box(disclosure::check::check(black_box(&p.document)));
            }
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            for t in texts {
                black_box(disclosure::analyze(black_box(t)));
            }
        })
    });
    g.finish();
}

fn sample(c: &mut Criterion) {
    bench_texts(c, "sample", &[SAMPLE], false);
}

fn set100(c: &mut Criterion) {
    let texts: Vec<&str> = (0..100)
        .map(|i| if i % 2 == 0 { SAMPLE } else { SYNTHETIC })
        .collect();
    bench_texts(c, "set100", &texts, true);
}

criterion_group!(benches, sample, set100);
criterion_main!(benches);
