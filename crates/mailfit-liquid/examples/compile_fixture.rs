//! Compiles one golden-liquid benchmark fixture many times (or, with `render`, renders it
//! compiled once) and prints the best time per run: a fixed workload for profilers (`perf`,
//! `valgrind --tool=callgrind`) when working on parse or render speed.
//!
//! `cargo run --release --example compile_fixture -- tests/golden-liquid/benchmark_fixtures/006 2000 [render]`

use std::collections::BTreeMap;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .ok_or("usage: compile_fixture FIXTURE_DIR [RUNS]")?;
    let runs: usize = args.next().map_or(Ok(2000), |s| s.parse())?;
    let render = args.next().as_deref() == Some("render");
    let mut partials = BTreeMap::new();
    let mut source = String::new();
    for entry in std::fs::read_dir(format!("{dir}/templates"))? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(entry.path())?;
        if name == "index.liquid" {
            source = text;
        } else {
            partials.insert(name, text);
        }
    }
    let dialect = mailfit_liquid::Dialect::shopify();
    let data: mailfit_liquid::Data =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/data.json"))?)?;
    let compiled = dialect.compile(&source, &partials, Default::default())?;
    let batch = (runs / 10).max(1);
    let mut best = f64::MAX;
    for _ in 0..10 {
        let started = Instant::now();
        for _ in 0..batch {
            if render {
                std::hint::black_box(compiled.render(&data)?);
            } else {
                std::hint::black_box(dialect.compile(&source, &partials, Default::default())?);
            }
        }
        best = best.min(started.elapsed().as_secs_f64() * 1e6 / batch as f64);
    }
    let what = if render { "render" } else { "compile" };
    println!("{what} {best:.1} µs (best of 10 batches of {batch})");
    Ok(())
}
