//! Every input a fuzz target once failed on (`fuzz/regressions/<target>/*`), replayed through
//! the target's own code (`fuzz/harness/`) on a wasm-sized stack: the test fails if the bug
//! comes back. See `fuzz/README.md`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "../fuzz/harness/mod.rs"]
mod harness;

use std::path::Path;

#[test]
fn every_kept_fuzz_input_runs_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for target in harness::TARGETS {
        let dir = root.join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let run = harness::by_name(target).unwrap();
        let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            let started = std::time::Instant::now();
            let outcome = std::panic::catch_unwind(|| harness::on_small_stack(|| run(&bytes)));
            assert!(outcome.is_ok(), "{} failed again", file.display());
            // libFuzzer's -timeout is 10 s on an instrumented build; a release test is faster.
            assert!(
                started.elapsed() < std::time::Duration::from_secs(10),
                "{} took {:?}",
                file.display(),
                started.elapsed()
            );
            replayed += 1;
        }
    }
    eprintln!("{replayed} kept fuzz inputs replayed");
}

#[test]
fn every_target_has_a_harness() {
    for target in harness::TARGETS {
        assert!(harness::by_name(target).is_some(), "{target}");
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fuzz/fuzz_targets")
                .join(format!("{target}.rs"))
                .exists(),
            "{target}"
        );
    }
}

/// `liquid` crash-b46a9545 (`{% decrement small %}`, small = i64::MIN): liquid-lib's counter
/// tags overflowed (a panic with overflow checks, a silent wrap without); now an error.
#[test]
fn counters_at_the_end_of_the_integer_range_are_errors() {
    use mailfit::render::{Data, render_template};
    let data = Data::from_json(&serde_json::json!({ "low": i64::MIN, "high": i64::MAX }));
    let none = std::collections::BTreeMap::new();
    assert!(render_template("{% decrement low %}", &data, &none).is_err());
    assert!(render_template("{% increment high %}", &data, &none).is_err());
    assert_eq!(
        render_template(
            "{% increment c %}{% increment c %}{% decrement d %}{{ c }}",
            &data,
            &none
        )
        .unwrap(),
        "01-12"
    );
}

/// `liquid_raw` (checking huge arguments): `truncate: -9223372036854775808` overflowed on the
/// ellipsis' length; Ruby keeps no character, as now.
#[test]
fn truncate_to_the_least_integer_keeps_only_the_ellipsis() {
    use mailfit::render::{Data, render_template};
    let data = Data::from_json(&serde_json::json!({ "a": "Hello, World" }));
    let none = std::collections::BTreeMap::new();
    let out = render_template(
        "{{ a | truncate: -9223372036854775808 }}|{{ a | truncate: -9223372036854775808, '' }}",
        &data,
        &none,
    );
    assert_eq!(out.unwrap(), "...|");
}

/// The slowest inputs of each committed corpus (`fuzz/corpus/<target>/`), for whoever looks
/// at a target's executions per second: `cargo test --release --test fuzz_regressions --
/// --ignored --nocapture`.
#[test]
#[ignore = "a report, not a check"]
fn slowest_corpus_inputs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    for target in harness::TARGETS {
        let Some(run) = harness::by_name(target) else {
            continue;
        };
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        let mut times: Vec<(std::time::Duration, String)> = entries
            .map(|e| e.unwrap().path())
            .map(|file| {
                let bytes = std::fs::read(&file).unwrap();
                let started = std::time::Instant::now();
                let _ = std::panic::catch_unwind(|| harness::on_small_stack(|| run(&bytes)));
                (
                    started.elapsed(),
                    file.file_name().unwrap().to_string_lossy().into_owned(),
                )
            })
            .collect();
        times.sort();
        let total: std::time::Duration = times.iter().map(|t| t.0).sum();
        eprintln!("{target}: {} inputs, {total:?} in all", times.len());
        for (took, name) in times.iter().rev().take(3) {
            eprintln!("  {took:?}  {name}");
        }
    }
}
