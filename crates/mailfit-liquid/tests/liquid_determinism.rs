//! Hashes render the same on every run: a hash that passes through a filter keeps Ruby's
//! insertion order (the vendored liquid-core's `Object` is an `IndexMap`), so an email rendered
//! twice (HTML and text, a retry, a preview) never differs. Each template renders 100 times
//! with fresh engines' maps, and, where Ruby Liquid is installed, as Ruby renders it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

use mailfit_liquid::{Data, render_template};

/// Templates that iterate or print a hash after a filter made it, with the data they read.
const CASES: &[(&str, &str)] = &[
    (
        "{% assign x = items | compact: 'title' %}{% for obj in x %}{% for i in obj %}({{ i[0] }},{{ i[1] }}){% endfor %}{% endfor %}",
        r#"{"items": [{"title": "a", "z": 1, "y": 2, "x": 3, "w": 4, "v": 5}, {"title": null}, {"title": "b", "q": 1, "p": 2, "o": 3}]}"#,
    ),
    (
        "{% assign x = items | uniq: 'k' %}{% for obj in x %}{% for i in obj %}{{ i[0] }}{% endfor %};{% endfor %}",
        r#"{"items": [{"k": 1, "m": 1, "l": 1, "j": 1, "i": 1, "h": 1}, {"k": 1}, {"k": 2, "g": 1, "f": 1, "e": 1, "d": 1}]}"#,
    ),
    (
        "{% assign x = items | where: 'on', true %}{% for obj in x %}{{ obj }}{% endfor %}",
        r#"{"items": [{"on": true, "zeta": 1, "eta": [1, 2.5, null], "theta": {"b": "x", "a": "y"}}, {"on": false}]}"#,
    ),
    (
        "{% assign x = items | sort: 'n' %}{% for obj in x %}{% for i in obj %}{{ i[0] }}={{ i[1] }} {% endfor %}{% endfor %}",
        r#"{"items": [{"n": 2, "q": 1, "r": 2, "s": 3, "t": 4}, {"n": 1, "u": 5, "v": 6, "w": 7, "x": 8}]}"#,
    ),
    (
        "{% assign x = items | reverse %}{{ x | first }}|{{ x | last }}",
        r#"{"items": [{"c": 1, "b": 2, "a": 3, "d": 4, "e": 5}, {}, {"one": 1.0, "two": "2", "three": [3]}]}"#,
    ),
];

fn render(template: &str, data: &str) -> String {
    let data = Data::from_json(&serde_json::from_str(data).unwrap());
    render_template(template, &data, &BTreeMap::new()).unwrap()
}

#[test]
fn a_hash_through_a_filter_renders_the_same_100_times() {
    for (template, data) in CASES {
        let first = render(template, data);
        for run in 1..100 {
            assert_eq!(render(template, data), first, "run {run} of {template}");
        }
    }
}

/// Ruby Liquid's output for each case, or None when ruby with liquid is not installed.
fn ruby_outputs() -> Option<Vec<String>> {
    const RUBY: &str = r#"require "liquid"; require "json"
STDIN.each_line { |l| c = JSON.parse(l); puts JSON.generate(Liquid::Template.parse(c["t"]).render(c["d"])) }"#;
    let mut child = Command::new("ruby")
        .args(["-e", RUBY])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let mut input = String::new();
    for (template, data) in CASES {
        let line = serde_json::json!({"t": template, "d": serde_json::from_str::<serde_json::Value>(data).unwrap()});
        input.push_str(&format!("{line}\n"));
    }
    child.stdin.take()?.write_all(input.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    Some(
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
    )
}

#[test]
fn a_hash_through_a_filter_renders_as_ruby_liquid_does() {
    let Some(expected) = ruby_outputs() else {
        assert!(
            std::env::var("MAILFIT_REQUIRE_DATA").is_err(),
            "ruby with ruby-liquid is required (scripts/dev setup installs it)"
        );
        eprintln!("skipping: ruby-liquid not installed");
        return;
    };
    for ((template, data), want) in CASES.iter().zip(expected) {
        assert_eq!(render(template, data), want, "{template}");
    }
}
