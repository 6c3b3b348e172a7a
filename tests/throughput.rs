//! Native scan throughput on the real-page corpus, for iterating without the WASM build:
//! `cargo test --profile profiling --test throughput -- --ignored --nocapture`.
//!
//! With `BACKSTORY_SCAN_DUMP=FILE` it also writes every page's full scan (`{:?}`), so a
//! speed change can be checked to leave the output byte for byte the same (`cmp` two dumps).
//! The corpus lives outside the repository (`$BACKSTORY_SHARED/corpus/pages`); without it
//! the test says so and passes.

mod common;

use backstory::text::tokenize;
use backstory::{scan, Kb};
use std::time::Instant;

#[test]
#[ignore = "a benchmark: run with --profile profiling -- --ignored --nocapture"]
fn scan_throughput_on_corpus() {
    let texts = common::corpus_texts();
    if texts.is_empty() {
        eprintln!("no corpus found (set BACKSTORY_SHARED); nothing timed");
        return;
    }
    let opened = Instant::now();
    let kb = Kb::embedded().unwrap();
    println!(
        "Kb::open with checksums: {:.2} ms",
        opened.elapsed().as_secs_f64() * 1000.0
    );
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    if let Some(path) = std::env::var_os("BACKSTORY_SCAN_DUMP") {
        let dump: String = texts
            .iter()
            .map(|t| format!("{:?}\n", scan(&kb, t)))
            .collect();
        std::fs::write(path, dump).unwrap();
    }
    let rounds: usize = std::env::var("BACKSTORY_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(15)
        .max(1);
    let mut times = Vec::new();
    let mut mentions = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        mentions = texts.iter().map(|t| scan(&kb, t).mentions.len()).sum();
        times.push(start.elapsed().as_secs_f64());
    }
    let tokenizing = Instant::now();
    let tokens: usize = texts.iter().map(|t| tokenize(t).len()).sum();
    println!(
        "tokenize alone: {tokens} tokens in {:.1} ms",
        tokenizing.elapsed().as_secs_f64() * 1000.0
    );
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    // The fastest round is the least disturbed by other work on a shared machine.
    let fastest = times[0];
    println!(
        "native scan: {} texts, {words} words, median {:.1} ms ({:.0} words/s), fastest {:.1} ms, {mentions} mentions",
        texts.len(),
        median * 1000.0,
        words as f64 / median,
        fastest * 1000.0,
    );
}
