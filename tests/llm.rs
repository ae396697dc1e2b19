//! LLM copy natively with a scripted fetch: the fault matrix (shared with `tests/wasm.rs`),
//! the cache's sharing across recipients, and prompts free of customer data.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::llm_faults::{self, answer, good_copy, ok, settings};
use common::{customers, engine, sample_now};
use mailfit::CallOptions;
use mailfit::copy::CopySource;
use mailfit::llm::{Api, CopyCache, HttpRequest};

#[test]
fn every_fault_ends_in_a_delivered_email_with_the_right_source() {
    let failures = llm_faults::run_cases();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_cache_shares_copy_across_recipients_and_prompts_carry_no_customer_data() {
    let engine = engine();
    let now = sample_now();
    let mut cache = CopyCache::new();
    let mut bodies: Vec<String> = Vec::new();
    let mut sources = std::collections::BTreeMap::new();
    let all = customers();
    for customer in &all {
        let mut fetch = |request: &HttpRequest, _attempt: u32| {
            bodies.push(request.body.clone());
            (ok(answer(Api::OpenaiChat, &good_copy(request))), 200)
        };
        let email = engine
            .personalize_with(
                customer,
                now,
                &CallOptions::for_send("cache"),
                &settings(Api::OpenaiChat),
                &mut cache,
                &mut fetch,
            )
            .unwrap();
        *sources
            .entry(format!("{:?}", email.copy_source))
            .or_insert(0) += 1;
    }
    let calls = bodies.len();
    eprintln!(
        "llm calls for {} recipients: {calls}; sources {sources:?}",
        all.len()
    );
    assert!(calls < all.len(), "no sharing: {calls} calls");
    assert!(sources.get("Cache").copied().unwrap_or(0) > 0);
    // No prompt holds any customer's id, name or other attribute text.
    for customer in &all {
        let mut private: Vec<String> = vec![customer.id.clone()];
        private.extend(customer.attributes.first_name.clone());
        private.extend(
            customer
                .attributes
                .extra
                .iter()
                .filter(|(k, _)| k.as_str() != "sample_persona")
                .filter_map(|(_, v)| v.as_str().map(str::to_string)),
        );
        for text in private.iter().filter(|t| t.len() >= 4) {
            assert!(
                !bodies.iter().any(|b| b.contains(text.as_str())),
                "a prompt contains {text:?}"
            );
        }
    }
}

#[test]
fn holdout_recipients_never_call_the_model() {
    let mut campaign = common::campaign_json();
    campaign["holdout"] = serde_json::json!({ "share": 0.5 });
    let init = serde_json::json!({
        "catalog": serde_json::from_str::<serde_json::Value>(common::CATALOG).unwrap(),
        "campaign": campaign,
    });
    let engine = mailfit::Personalizer::new(serde_json::from_value(init).unwrap()).unwrap();
    let mut calls = 0;
    let mut held = 0;
    for customer in customers().iter().take(40) {
        let mut fetch = |request: &HttpRequest, _| {
            calls += 1;
            (ok(answer(Api::OpenaiChat, &good_copy(request))), 200)
        };
        let email = engine
            .personalize_with(
                customer,
                sample_now(),
                &CallOptions::for_send("h"),
                &settings(Api::OpenaiChat),
                &mut CopyCache::new(),
                &mut fetch,
            )
            .unwrap();
        if email.decision.holdout {
            held += 1;
            assert_eq!(email.copy_source, CopySource::Rules);
        }
    }
    assert!(held > 0 && calls == 40 - held, "held {held}, calls {calls}");
}
