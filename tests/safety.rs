//! Safety of the render natively: the XSS corpus through every field that reaches HTML, with
//! the shipped templates and with a template that never escapes; and every render limit.
//! `tests/wasm.rs` runs the same cases inside wasm.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use std::collections::BTreeMap;

use common::safety::{self, CARELESS_HTML, Expect};
use mailfit::error::TemplateError;
use mailfit::render::{Data, RenderOptions, render_template_with};
use mailfit::render::{OutputEscape, RenderLimits};

#[test]
fn the_xss_corpus_cannot_reach_the_shipped_templates_html() {
    let findings = safety::xss_findings(None);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn the_xss_corpus_cannot_reach_html_through_a_template_that_never_escapes() {
    let findings = safety::xss_findings(Some(CARELESS_HTML));
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn the_checker_catches_what_it_should() {
    // A check that cannot fail proves nothing: the same corpus, unescaped, must be caught.
    let raw = CARELESS_HTML.replace("}}", "| raw }}");
    let findings = safety::xss_findings(Some(&raw));
    for needle in ["injected tag <script>", "event handler", "unsafe href"] {
        assert!(
            findings.iter().any(|f| f.contains(needle)),
            "{needle} not found in {findings:#?}"
        );
    }
}

fn render(source: &str, data: serde_json::Value, escape: OutputEscape) -> String {
    let options = RenderOptions {
        escape,
        ..RenderOptions::default()
    };
    render_template_with(source, &Data::from_json(&data), &BTreeMap::new(), &options).unwrap()
}

#[test]
fn html_renders_escape_by_default_and_raw_opts_out() {
    let data = serde_json::json!({"name": "<b>Ann</b> & \"Bo\""});
    let html = OutputEscape::Html;
    assert_eq!(
        render("{{ name }}", data.clone(), html),
        "&lt;b&gt;Ann&lt;/b&gt; &amp; &quot;Bo&quot;"
    );
    assert_eq!(
        render("{{ name | raw }}", data.clone(), html),
        "<b>Ann</b> & \"Bo\""
    );
    // Already escaped: not twice.
    assert_eq!(
        render("{{ name | escape }}", data.clone(), html),
        render("{{ name }}", data.clone(), html)
    );
    // A capture's pieces were escaped as written; printing it does not escape them again.
    assert_eq!(
        render(
            "{% capture c %}<i>{{ name }}</i>{% endcapture %}{{ c }}",
            data.clone(),
            html
        ),
        "<i>&lt;b&gt;Ann&lt;/b&gt; &amp; &quot;Bo&quot;</i>"
    );
    // Text renders are Liquid as it is.
    assert_eq!(
        render("{{ name }}", data, OutputEscape::None),
        "<b>Ann</b> & \"Bo\""
    );
}

#[test]
fn every_limit_ends_in_a_limit_error_or_the_expected_output() {
    for (name, source, data, limits, expect) in safety::limit_cases() {
        let limits: RenderLimits = serde_json::from_value(limits).unwrap();
        let options = RenderOptions {
            limits,
            ..RenderOptions::default()
        };
        let started = std::time::Instant::now();
        let outcome =
            render_template_with(&source, &Data::from_json(&data), &BTreeMap::new(), &options);
        match (&expect, &outcome) {
            (Expect::Output(want), Ok(got)) => assert_eq!(got, want, "{name}"),
            (Expect::LimitError, Err(TemplateError::Limit { .. })) => {}
            _ => panic!("{name}: expected {expect:?}, got {outcome:?}"),
        }
        // A gross-regression guard only: each case stops in well under a second.
        assert!(
            started.elapsed().as_secs() < 5,
            "{name} took {:?}",
            started.elapsed()
        );
    }
}
