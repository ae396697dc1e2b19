//! End to end through the binary: generate a customer file, break some of its lines, run the
//! campaign on a generated brand's feed, and check the decisions, the summary, the emails, the
//! memory and the determinism.
//!
//! `MAILFIT_CLI_TEST_CUSTOMERS` changes the size (default below, at least 10,000).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_mailfit");
/// Customers generated (before the broken lines are added): 20,000, since 100,000 took 74 s for
/// this test on the project's 2-core machine under load (`MAILFIT_CLI_TEST_CUSTOMERS=100000`).
const CUSTOMERS: usize = 20_000;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn feed() -> PathBuf {
    root().join("tests/catalogs/summit/feed.xml")
}

fn work_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("mailfit-cli-test")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// A finished run: exit status, its stdout, and the peak RSS seen from outside (`VmHWM` polled
/// while it ran: a lower bound of the real peak, which the CLI reports itself in summary.json).
struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
    polled_peak_kb: u64,
    seconds: f64,
}

fn run(args: &[&str]) -> Run {
    let started = Instant::now();
    let mut child = Command::new(BIN)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        if let Ok(status) = fs::read_to_string(&status_path) {
            if let Some(kb) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak = peak.max(kb);
            }
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        ok: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        polled_peak_kb: peak,
        seconds: started.elapsed().as_secs_f64(),
    }
}

fn campaign(customers: &Path, out: &Path, extra: &[&str]) -> (Run, Value) {
    let feed = feed();
    let campaign = root().join("samples/campaign.json");
    let mut args = vec![
        "campaign",
        "--catalog",
        feed.to_str().unwrap(),
        "--campaign",
        campaign.to_str().unwrap(),
        "--customers",
        customers.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ];
    args.extend_from_slice(extra);
    let run = run(&args);
    assert!(
        run.ok,
        "campaign {extra:?} failed:\n{}\n{}",
        run.stdout, run.stderr
    );
    let summary: Value =
        serde_json::from_str(&fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    (run, summary)
}

/// Deliberately broken lines, inserted after the given customer, with the error they must give
/// (`None` for a blank line, which is skipped and not a customer).
/// A broken line: after which customer, its bytes, the error's code and path (`None`: blank).
type Broken = (usize, Vec<u8>, Option<(&'static str, &'static str)>);

fn broken_lines() -> Vec<Broken> {
    vec![
        (0, br#"{"id":"B-truncated","events":[{"event":"Order Completed""#.to_vec(), Some(("INVALID_INPUT", "$.events[0].event"))),
        (10, b"not json at all".to_vec(), Some(("INVALID_INPUT", "$"))),
        (250, br#"{"id":42,"events":[]}"#.to_vec(), Some(("INVALID_INPUT", "$.id"))),
        (999, br#"{"id":"B-events","events":"yesterday"}"#.to_vec(), Some(("INVALID_INPUT", "$.events"))),
        (1000, br#"{"id":"B-attributes","attributes":[1,2,3]}"#.to_vec(), Some(("INVALID_INPUT", "$.attributes"))),
        (4321, br#"[{"id":"B-array"}]"#.to_vec(), Some(("INVALID_INPUT", "$[0]"))),
        (5000, Vec::new(), None),
        (7777, br#"{"id":""}"#.to_vec(), Some(("INVALID_INPUT", "$.id"))),
        (9000, b"{\"id\":\"B-utf8\",\"attributes\":{\"first_name\":\"\xff\xfe\"}}".to_vec(), Some(("INVALID_INPUT", "$"))),
        (9500, br#"{"id":"B-at","events":[{"kind":"view","at":{"x":1},"productId":"x"}]}"#.to_vec(), Some(("INVALID_INPUT", "$.events[0].at"))),
        (CUSTOMERS - 1, br#"{"id":"B-last","events":[{"kind":"purchase","at":"2026-01-01T00:00:00Z","productId":"x","quantity":"two"}]}"#.to_vec(), Some(("INVALID_INPUT", "$.events[0].quantity"))),
    ]
}

fn sum(rows: &Value) -> u64 {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .sum()
}

#[test]
fn a_whole_campaign_from_a_generated_customer_file() {
    let customers: usize = std::env::var("MAILFIT_CLI_TEST_CUSTOMERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CUSTOMERS)
        .max(10_000);
    let dir = work_dir("campaign");
    let started = Instant::now();

    // 1. Generate (seeded) and insert the broken lines.
    let generated = dir.join("generated.jsonl");
    let generate = Command::new(BIN)
        .args([
            "generate",
            "--seed",
            "7",
            "--customers",
            &customers.to_string(),
            "--catalog",
        ])
        .arg(feed())
        .stdout(fs::File::create(&generated).unwrap())
        .status()
        .unwrap();
    assert!(generate.success());
    let gen_seconds = started.elapsed().as_secs_f64();
    let text = fs::read(&generated).unwrap();
    let lines: Vec<&[u8]> = text
        .strip_suffix(b"\n")
        .unwrap()
        .split(|&b| b == b'\n')
        .collect();
    assert_eq!(lines.len(), customers);
    let broken: Vec<_> = broken_lines()
        .into_iter()
        .map(|(after, line, expect)| (after.min(customers - 1), line, expect))
        .collect();
    let input = dir.join("customers.jsonl");
    let mut expected_errors: BTreeMap<u64, (&str, &str)> = BTreeMap::new();
    {
        let mut file = std::io::BufWriter::new(fs::File::create(&input).unwrap());
        let mut number: u64 = 0;
        for (i, line) in lines.iter().enumerate() {
            number += 1;
            file.write_all(line).unwrap();
            file.write_all(b"\n").unwrap();
            for (after, bad, expect) in &broken {
                if *after == i {
                    number += 1;
                    file.write_all(bad).unwrap();
                    file.write_all(b"\n").unwrap();
                    if let Some(e) = expect {
                        expected_errors.insert(number, *e);
                    }
                }
            }
        }
    }
    drop(text);
    let total_lines = customers + broken.len();
    let customer_lines = total_lines - 1; // the blank line is not a customer

    // Generation is seeded and per customer: a shorter file is a prefix of a longer one.
    let small = Command::new(BIN)
        .args(["generate", "--seed", "7", "--customers", "500", "--catalog"])
        .arg(feed())
        .output()
        .unwrap();
    assert!(small.status.success());
    assert!(fs::read(&generated).unwrap().starts_with(&small.stdout));

    // 2. The whole file on two threads, decisions only.
    let two = dir.join("two");
    let (run_two, summary) = campaign(&input, &two, &["--no-emails", "--threads", "2"]);
    let decisions = fs::read_to_string(two.join("decisions.jsonl")).unwrap();
    let records: Vec<Value> = decisions
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        records.len(),
        customer_lines,
        "one decision line per customer"
    );
    let mut previous = 0;
    let mut errors_seen = BTreeMap::new();
    for r in &records {
        let line = r["line"].as_u64().unwrap();
        assert!(line > previous, "decision lines are in input order");
        previous = line;
        if let Some(error) = r.get("error") {
            let code = error["code"].as_str().unwrap().to_string();
            let path = error["path"].as_str().unwrap().to_string();
            assert!(!error["message"].as_str().unwrap().is_empty());
            errors_seen.insert(line, (code, path));
        } else {
            for key in ["id", "subject", "angle", "lifecycle", "copySource"] {
                assert!(
                    r[key].as_str().is_some_and(|s| !s.is_empty()),
                    "{key} in {r}"
                );
            }
            assert!(r["product"]["id"].is_string(), "{r}");
            assert!(r["warnings"].is_array());
        }
    }
    let expected: BTreeMap<u64, (String, String)> = expected_errors
        .iter()
        .map(|(&n, &(c, p))| (n, (c.to_string(), p.to_string())))
        .collect();
    assert_eq!(errors_seen, expected, "typed errors, each at its line");
    let id_of = |line: u64| {
        records
            .iter()
            .find(|r| r["line"] == line)
            .map(|r| r["id"].clone())
            .unwrap()
    };
    assert_eq!(id_of(*expected.keys().nth(3).unwrap()), "B-events");

    // The summary adds up.
    let counts = &summary["counts"];
    let decided = counts["decided"].as_u64().unwrap();
    let errors = counts["errors"].as_u64().unwrap();
    assert_eq!(counts["customers"].as_u64().unwrap(), customer_lines as u64);
    assert_eq!(decided + errors, customer_lines as u64);
    assert_eq!(errors, expected.len() as u64);
    for table in [
        "angles",
        "productFamilies",
        "categories",
        "offers",
        "lifecycle",
        "copySources",
    ] {
        assert_eq!(sum(&summary[table]), decided, "{table} adds up");
    }
    assert_eq!(sum(&summary["errors"]), errors);
    // Each table is also split by lifecycle stage (for the overview's charts), adding up again.
    for table in [
        "angles",
        "heroProducts",
        "offers",
        "copySources",
        "productFamilies",
    ] {
        for row in summary[table].as_array().unwrap() {
            let by: u64 = row["byLifecycle"]
                .as_object()
                .unwrap()
                .values()
                .map(|n| n.as_u64().unwrap())
                .sum();
            assert_eq!(by, row["count"].as_u64().unwrap(), "{table}: {row}");
        }
    }
    assert_eq!(
        sum(&summary["heroProducts"]),
        decided,
        "heroProducts adds up"
    );
    let heroes: BTreeMap<&str, u64> = records
        .iter()
        .filter_map(|r| r["product"]["id"].as_str())
        .fold(BTreeMap::new(), |mut m, id| {
            *m.entry(id).or_default() += 1;
            m
        });
    let top = &summary["heroProducts"][0];
    assert_eq!(
        heroes[top["key"].as_str().unwrap()],
        top["count"].as_u64().unwrap()
    );
    let at_risk_comfort = records
        .iter()
        .filter(|r| r["lifecycle"] == "at_risk" && r["angle"] == "comfort-movement")
        .count() as u64;
    let comfort = summary["angles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "comfort-movement")
        .unwrap();
    assert_eq!(comfort["byLifecycle"]["at_risk"], at_risk_comfort);
    check_overview(&two, &decisions);
    assert_eq!(
        summary["input"]["lines"].as_u64().unwrap(),
        total_lines as u64
    );
    assert_eq!(summary["input"]["blankLines"].as_u64().unwrap(), 1);
    let with_warnings = records
        .iter()
        .filter(|r| r["warnings"].as_array().is_some_and(|w| !w.is_empty()))
        .count() as u64;
    assert_eq!(counts["withWarnings"].as_u64().unwrap(), with_warnings);
    assert!(
        summary["angles"].as_array().unwrap().len() >= 4,
        "mixed behaviours give mixed angles"
    );
    assert!(summary["lifecycle"].as_array().unwrap().len() >= 4);
    assert!(
        fs::read_to_string(two.join("index.html"))
            .unwrap()
            .contains("<table")
    );

    // 3. Determinism: one thread gives the same bytes.
    let one = dir.join("one");
    let (run_one, summary_one) = campaign(&input, &one, &["--no-emails", "--threads", "1"]);
    assert!(
        fs::read(one.join("decisions.jsonl")).unwrap() == decisions.as_bytes(),
        "decisions differ between --threads 1 and 2"
    );
    assert_eq!(summary_one["angles"], summary["angles"]);
    for file in ["overview/customers.json", "overview/details/0000.json"] {
        assert!(
            fs::read(one.join(file)).unwrap() == fs::read(two.join(file)).unwrap(),
            "the overview's sample differs between --threads 1 and 2: {file}"
        );
    }

    // 4. Memory: bounded, and flat (the whole file peaks where its first 5,000 customers do).
    let few = dir.join("few");
    let (_, summary_few) = campaign(
        &input,
        &few,
        &["--no-emails", "--threads", "2", "--limit", "5000"],
    );
    assert_eq!(summary_few["counts"]["customers"].as_u64().unwrap(), 5000);
    assert_eq!(
        fs::read_to_string(few.join("decisions.jsonl"))
            .unwrap()
            .lines()
            .count(),
        5000
    );
    let peak = |s: &Value| s["run"]["peakRssBytes"].as_u64().unwrap() / 1024;
    let (peak_all, peak_few) = (peak(&summary), peak(&summary_few));
    assert!(
        run_two.polled_peak_kb <= peak_all + 1024,
        "the CLI reports its real peak"
    );
    assert!(peak_all < 200 * 1024, "peak RSS {peak_all} kB");
    assert!(
        peak_all < peak_few + 32 * 1024,
        "memory grew with the file: {peak_few} kB at 5,000 customers, {peak_all} kB at {customer_lines}"
    );

    // 5. With emails (the first 2,000 customers): the files exist and the decision lines are
    //    the same as without emails, but for the email's path.
    let mail = dir.join("mail");
    let (run_mail, summary_mail) = campaign(&input, &mail, &["--limit", "2000"]);
    assert!(run_mail.stdout.contains("emails written"));
    let with_emails = fs::read_to_string(mail.join("decisions.jsonl")).unwrap();
    let mut written = 0;
    for (a, b) in with_emails.lines().zip(decisions.lines()) {
        let mut a: Value = serde_json::from_str(a).unwrap();
        let b: Value = serde_json::from_str(b).unwrap();
        if let Some(email) = a.as_object_mut().unwrap().remove("email") {
            let base = mail.join(email.as_str().unwrap());
            let html = fs::read_to_string(base.with_extension("html")).unwrap();
            assert!(html.contains("<html"), "{}", base.display());
            let txt = fs::read_to_string(base.with_extension("txt")).unwrap();
            assert!(txt.starts_with(&format!("Subject: {}\n", a["subject"].as_str().unwrap())));
            written += 1;
        }
        assert_eq!(a, b, "the same decision with and without emails");
    }
    assert_eq!(
        written,
        summary_mail["counts"]["emailsWritten"].as_u64().unwrap()
    );
    assert!(written >= 1990);
    check_overview(&mail, &with_emails);

    eprintln!(
        "cli test: {customers} customers generated in {gen_seconds:.1} s; campaign on 2 threads {:.1} s, \
         on 1 thread {:.1} s; peak RSS {:.1} MB ({:.1} MB at 5,000); {:.1} s in all",
        run_two.seconds,
        run_one.seconds,
        peak_all as f64 / 1024.0,
        peak_few as f64 / 1024.0,
        started.elapsed().as_secs_f64()
    );
}

/// The interactive overview: `overview.html` with the widget beside it, and a bounded sample whose
/// rows are the run's own decision lines and whose details are those customers'.
fn check_overview(out: &Path, decisions: &str) {
    let page = fs::read_to_string(out.join("overview.html")).unwrap();
    assert!(page.contains(r#"<mailfit-preview results=".""#), "{page}");
    // The widget is copied from www/ once `scripts/dev build` has vendored Chart.js there.
    let summary: Value =
        serde_json::from_str(&fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let built = root().join("www/vendor/chart.js.js").is_file();
    assert_eq!(summary["overview"]["widget"], built);
    if built {
        for file in [
            "mailfit-preview.js",
            "mailfit-preview/results.js",
            "mailfit-preview/charts.js",
            "vendor/chart.js.js",
        ] {
            assert!(out.join("overview/widget").join(file).is_file(), "{file}");
        }
    }
    assert!(
        fs::read_to_string(out.join("index.html"))
            .unwrap()
            .contains(r#"<a href="overview.html">"#)
    );
    let sample: Value =
        serde_json::from_str(&fs::read_to_string(out.join("overview/customers.json")).unwrap())
            .unwrap();
    let rows = sample["customers"].as_array().unwrap();
    let (limit, per_cell) = (
        sample["sample"]["limit"].as_u64().unwrap(),
        sample["sample"]["perCell"].as_u64().unwrap(),
    );
    assert_eq!(
        sample["sample"]["size"].as_u64().unwrap(),
        rows.len() as u64
    );
    assert!(
        rows.len() as u64 <= limit && rows.len() >= 100,
        "{}",
        rows.len()
    );
    let lines: BTreeMap<u64, &str> = decisions
        .lines()
        .map(|l| {
            (
                serde_json::from_str::<Value>(l).unwrap()["line"]
                    .as_u64()
                    .unwrap(),
                l,
            )
        })
        .collect();
    let mut cells: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut chunks: BTreeMap<u64, Value> = BTreeMap::new();
    let mut previous = 0;
    for row in rows {
        let decision = &row["decision"];
        let line = decision["line"].as_u64().unwrap();
        assert!(line > previous, "the sample is in input order");
        previous = line;
        let written: Value = serde_json::from_str(lines[&line]).unwrap();
        assert_eq!(
            decision, &written,
            "a sampled row is its decisions.jsonl line"
        );
        let cell = (
            decision["lifecycle"].as_str().unwrap().to_string(),
            decision["angle"].as_str().unwrap().to_string(),
        );
        *cells.entry(cell).or_default() += 1;
        let (chunk, index) = (
            row["detail"][0].as_u64().unwrap(),
            row["detail"][1].as_u64().unwrap(),
        );
        let details = chunks.entry(chunk).or_insert_with(|| {
            let path = out.join(format!("overview/details/{chunk:04}.json"));
            serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
        });
        let detail = &details[index as usize];
        assert_eq!(detail["id"], decision["id"]);
        assert_eq!(detail["decision"]["angle"], decision["angle"]);
        assert_eq!(detail["profile"]["lifecycle"], decision["lifecycle"]);
        assert!(!detail["decision"]["reasons"].as_array().unwrap().is_empty());
        if let Some(hero) = decision["product"]["id"].as_str() {
            assert!(sample["products"][hero]["title"].is_string(), "{hero}");
        }
    }
    assert!(cells.values().all(|&n| n <= per_cell), "{cells:?}");
    assert!(
        cells.len() >= 8,
        "every lifecycle stage and angle met has examples"
    );
}

/// Lines a real export can have: CRLF, odd and long ids, a line past the 16 MiB limit, blank
/// lines, trailing garbage; a delimited feed (TSV); emails written where their ids say.
#[test]
fn odd_lines_odd_ids_and_a_line_past_the_limit() {
    let dir = work_dir("odd");
    let customers = dir.join("odd.jsonl");
    let long_id = "x".repeat(500);
    let mut text = Vec::new();
    text.extend_from_slice(b"{\"id\":\"crlf\",\"attributes\":{\"first_name\":\"Ana\"}}\r\n");
    text.extend_from_slice(b"   \n");
    text.extend_from_slice(br#"{"id":"../etc/passwd"}"#);
    text.push(b'\n');
    text.extend_from_slice(format!("{{\"id\":\"{long_id}\"}}\n").as_bytes());
    text.extend_from_slice("{\"id\":\"Zoë/1 ok?\"}\n".as_bytes());
    text.extend_from_slice(b"{\"id\":\"big\",\"attributes\":{\"pad\":\"");
    text.extend(std::iter::repeat_n(b'a', 17 << 20));
    text.extend_from_slice(b"\"}}\n");
    text.extend_from_slice(br#"{"id":"after-big"} trailing"#);
    text.push(b'\n');
    text.extend_from_slice(br#"{"id":"last-without-newline"}"#);
    fs::write(&customers, &text).unwrap();
    drop(text);

    let out = dir.join("out");
    let feed = root().join("tests/catalogs/nordlicht/feed.tsv");
    let args = [
        "campaign",
        "--catalog",
        feed.to_str().unwrap(),
        "--customers",
        customers.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--now",
        "2026-11-20T12:00:00Z",
        "--quiet",
    ];
    let run = run(&args);
    assert!(run.ok, "{}\n{}", run.stdout, run.stderr);
    let records: Vec<Value> = fs::read_to_string(out.join("decisions.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let by_line: BTreeMap<u64, &Value> = records
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r))
        .collect();
    assert_eq!(
        by_line.keys().copied().collect::<Vec<_>>(),
        vec![1, 3, 4, 5, 6, 7, 8],
        "line 2 is blank"
    );
    assert_eq!(by_line[&1]["id"], "crlf");
    assert_eq!(by_line[&6]["error"]["code"], "INPUT_TOO_LARGE");
    assert_eq!(by_line[&6]["error"]["path"], "$");
    assert_eq!(by_line[&7]["id"], "after-big");
    assert_eq!(by_line[&7]["error"]["code"], "INVALID_INPUT");
    assert_eq!(by_line[&8]["id"], "last-without-newline");
    for line in [1, 3, 4, 5, 8] {
        let rel = by_line[&line]["email"].as_str().unwrap();
        assert!(rel.starts_with("emails/") && !rel.contains(".."), "{rel}");
        assert_eq!(rel.matches('/').count(), 2, "{rel}");
        assert!(rel.len() < 160, "{rel}");
        let html = out.join(format!("{rel}.html"));
        assert!(html.exists(), "{}", html.display());
    }
    let summary: Value =
        serde_json::from_str(&fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["catalog"]["format"], "delimited");
    assert_eq!(summary["counts"]["errors"], 2);
    assert!(
        summary["run"]["peakRssBytes"].as_u64().unwrap() < 200 << 20,
        "a 17 MiB line is read past, not kept"
    );

    // Shopify's products.json (prices without currency) and customers on stdin.
    let shop = root().join("tests/catalogs/harbour/products.json");
    let generated = Command::new(BIN)
        .args([
            "generate",
            "--customers",
            "300",
            "--seed",
            "3",
            "--currency",
            "GBP",
            "--catalog",
        ])
        .arg(&shop)
        .output()
        .unwrap();
    assert!(generated.status.success());
    let out = dir.join("shop");
    let mut child = Command::new(BIN)
        .args([
            "campaign",
            "--catalog-format",
            "shopify",
            "--currency",
            "GBP",
            "--customers",
            "-",
        ])
        .args([
            "--no-emails",
            "--quiet",
            "--now",
            "2026-11-20T12:00:00Z",
            "--catalog",
        ])
        .arg(&shop)
        .arg("--out")
        .arg(&out)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&generated.stdout)
        .unwrap();
    assert!(child.wait().unwrap().success());
    let summary: Value =
        serde_json::from_str(&fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["catalog"]["format"], "shopify");
    assert_eq!(summary["counts"]["decided"], 300);
    assert_eq!(summary["counts"]["errors"], 0);
}
