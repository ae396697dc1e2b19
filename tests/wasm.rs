//! The JS boundary, tested inside wasm with wasm-bindgen-test (run in Node): values cross as
//! JS objects, errors arrive as `Error` objects with `code` and `path`, and sample customers
//! get their own angles.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::llm_faults;
use common::safety::{self, CARELESS_HTML, Expect};
use mailfit::wasm::{Personalizer, render_template};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const CATALOG: &str = include_str!("../samples/catalog.json");
const CUSTOMERS: &str = include_str!("../samples/customers.json");
const CAMPAIGN: &str = include_str!("../samples/campaign.json");

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).expect("readable")
}

fn engine() -> Personalizer {
    let init = format!(r#"{{"catalog": {CATALOG}, "campaign": {CAMPAIGN}}}"#);
    Personalizer::new(js(&init))
        .map_err(|e| format!("{e:?}"))
        .expect("engine builds")
}

fn options() -> JsValue {
    js(r#"{"now": "2026-11-20T12:00:00Z", "sendId": "wasm-test"}"#)
}

#[wasm_bindgen_test]
fn renders_a_template_with_partials() {
    let out = render_template(
        "{% include 'greet' %} {{ items | size }}".into(),
        js(r#"{"name": "Ana", "items": [1, 2, 3]}"#),
        js(r#"{"partials": {"greet": "Hi {{ name }}!"}}"#),
    );
    assert_eq!(out.ok().as_deref(), Some("Hi Ana! 3"));
}

#[wasm_bindgen_test]
fn bad_input_throws_an_error_with_code_and_path() {
    let engine = engine();
    let err = engine
        .render(
            js(r#"{"id": "c1", "events": [{"kind": "view", "at": {"x": 1}}]}"#),
            options(),
        )
        .err()
        .expect("an error");
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("INVALID_INPUT")
    );
    assert_eq!(
        get(&err, "path").as_string().as_deref(),
        Some("$.events[0].at")
    );

    let err = Personalizer::new(js(
        r#"{"catalog": [{"id": "p1", "title": "T", "price": -3}]}"#,
    ))
    .err()
    .expect("an error");
    assert_eq!(
        get(&err, "path").as_string().as_deref(),
        Some("$.catalog[0].price")
    );

    let err = render_template("{% if %}".into(), js("{}"), JsValue::UNDEFINED)
        .err()
        .expect("an error");
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("TEMPLATE_PARSE")
    );
}

#[wasm_bindgen_test]
fn unknown_event_names_are_counted_not_fatal() {
    let engine = engine();
    let customer = js(r#"{"id": "c2", "events": [
        {"event": "Fancy Thing", "timestamp": "2026-11-01T00:00:00Z"},
        {"event": "Product Viewed", "timestamp": "2026-11-02T00:00:00Z", "properties": {"product_id": "NB-LG-001"}}]}"#);
    let profile = engine.profile(customer, options()).expect("profile");
    let quality = get(&profile, "dataQuality");
    assert_eq!(get(&quality, "unknown").as_f64(), Some(1.0));
    assert_eq!(get(&quality, "accepted").as_f64(), Some(1.0));
    assert_eq!(
        get(&profile, "lifecycle").as_string().as_deref(),
        Some("browser")
    );
}

#[wasm_bindgen_test]
fn sample_behaviours_get_different_angles_across_the_boundary() {
    let engine = engine();
    let customers: js_sys::Array = js(CUSTOMERS).into();
    let mut angles = std::collections::BTreeSet::new();
    for customer in customers.iter().step_by(20) {
        let out = engine.render(customer, options()).expect("renders");
        let html = get(&out, "html").as_string().unwrap_or_default();
        assert!(html.contains("utm_campaign=winter-reengagement-2026"));
        angles.insert(
            get(&get(&out, "decision"), "angle")
                .as_string()
                .unwrap_or_default(),
        );
    }
    assert!(angles.len() >= 4, "only {angles:?}");
}

#[wasm_bindgen_test]
fn the_xss_corpus_cannot_reach_html_in_wasm() {
    let findings = safety::xss_findings(None);
    assert!(findings.is_empty(), "{findings:#?}");
    let findings = safety::xss_findings(Some(CARELESS_HTML));
    assert!(findings.is_empty(), "{findings:#?}");
}

#[wasm_bindgen_test]
fn html_escaping_crosses_the_js_boundary() {
    let data = js(r#"{"name": "<img src=x onerror=alert(1)>"}"#);
    let out = render_template(
        "{{ name }}".into(),
        data.clone(),
        js(r#"{"escape": "html"}"#),
    )
    .unwrap();
    assert_eq!(out, "&lt;img src=x onerror=alert(1)&gt;");
    let out =
        render_template("{{ name | raw }}".into(), data, js(r#"{"escape": "html"}"#)).unwrap();
    assert_eq!(out, "<img src=x onerror=alert(1)>");
}

#[wasm_bindgen_test]
fn every_limit_holds_in_wasm_without_a_trap() {
    for (name, source, data, limits, expect) in safety::limit_cases() {
        let options = js(&serde_json::json!({ "limits": limits }).to_string());
        let outcome = render_template(JsValue::from(source), js(&data.to_string()), options);
        match (&expect, outcome) {
            (Expect::Output(want), Ok(got)) => assert_eq!(&got, want, "{name}"),
            (Expect::LimitError, Err(error)) => {
                assert_eq!(
                    get(&error, "code").as_string().as_deref(),
                    Some("TEMPLATE_LIMIT"),
                    "{name}"
                );
            }
            (_, other) => panic!("{name}: expected {expect:?}, got {other:?}"),
        }
    }
}

#[wasm_bindgen_test]
fn the_llm_fault_matrix_holds_in_wasm() {
    let failures = llm_faults::run_cases();
    assert!(failures.is_empty(), "{failures:#?}");
}
