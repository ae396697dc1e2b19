//! The LLM fault matrix with a scripted fetch, shared by the native test (`tests/llm.rs`) and
//! the wasm test (`tests/wasm.rs`). Every case must end in a delivered email, with the copy
//! source and warning it calls for.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use mailfit::copy::CopySource;
use mailfit::llm::{Api, CopyCache, HttpRequest, HttpResponse, LlmSettings};
use mailfit::{CallOptions, Personalized, Personalizer};
use serde_json::{Value, json};

use super::{customers, engine, sample_now};

/// The JSON schema inside a request body, wherever its API puts it.
pub fn schema_of(body: &str) -> Value {
    let body: Value = serde_json::from_str(body).unwrap();
    for pointer in [
        "/response_format/json_schema/schema",
        "/response_format/schema",
        "/text/format/schema",
        "/tools/0/input_schema",
    ] {
        if let Some(schema) = body.pointer(pointer) {
            return schema.clone();
        }
    }
    panic!("no schema in {body}");
}

/// Copy that keeps every rule, for the request's first product and angle.
pub fn good_copy(request: &HttpRequest) -> Value {
    let schema = schema_of(&request.body);
    json!({
        "product": schema.pointer("/properties/product/enum/0").unwrap(),
        "angle": schema.pointer("/properties/angle/enum/0").unwrap(),
        "subject": "Back on your mat this week",
        "preheader": "Soft, four-way stretch made for every session you have planned.",
        "headline": "Made for the mat",
        "body": "Ready when you are, with the same comfort you came back for.",
        "cta": "Take a look"
    })
}

/// A successful response body carrying `copy` in `api`'s shape.
pub fn answer(api: Api, copy: &Value) -> String {
    let text = copy.to_string();
    match api {
        Api::OpenaiChat | Api::OpenaiCompatible => json!({
            "choices": [{ "index": 0, "finish_reason": "stop",
                "message": { "role": "assistant", "content": text } }]
        }),
        Api::OpenaiResponses => json!({
            "status": "completed",
            "output": [{ "type": "message", "content": [{ "type": "output_text", "text": text }] }]
        }),
        Api::Anthropic => json!({
            "stop_reason": "tool_use",
            "content": [{ "type": "tool_use", "name": "email_copy", "input": copy }]
        }),
    }
    .to_string()
}

pub fn ok(body: String) -> Result<HttpResponse, String> {
    Ok(HttpResponse {
        status: 200,
        retry_after: None,
        body,
    })
}

pub fn status(code: u16, retry_after: Option<&str>, body: &str) -> Result<HttpResponse, String> {
    Ok(HttpResponse {
        status: code,
        retry_after: retry_after.map(str::to_string),
        body: body.to_string(),
    })
}

pub fn settings(api: Api) -> LlmSettings {
    serde_json::from_value(json!({
        "url": "https://llm.example/v1/endpoint",
        "model": "small-model",
        "api": api,
    }))
    .unwrap()
}

/// A scripted fetch: attempt number -> (response, elapsed ms).
pub type Script = Box<dyn Fn(&HttpRequest, u32) -> (Result<HttpResponse, String>, u32)>;

/// One case: name, API, script, expected source, expected warning fragment, expected calls.
pub struct Case {
    pub name: &'static str,
    pub api: Api,
    pub script: Script,
    pub source: CopySource,
    pub warning: Option<&'static str>,
    pub calls: u32,
}

pub fn cases() -> Vec<Case> {
    let answered = |api: Api| -> Script {
        Box::new(move |r: &HttpRequest, _| (ok(answer(api, &good_copy(r))), 300))
    };
    let with_copy = |api: Api, f: fn(&mut Value)| -> Script {
        Box::new(move |r: &HttpRequest, _| {
            let mut copy = good_copy(r);
            f(&mut copy);
            (ok(answer(api, &copy)), 300)
        })
    };
    let chat = Api::OpenaiChat;
    let case = |name, api, script, source, warning, calls| Case {
        name,
        api,
        script,
        source,
        warning,
        calls,
    };
    vec![
        case(
            "openai chat answers",
            chat,
            answered(chat),
            CopySource::Llm,
            None,
            1,
        ),
        case(
            "openai responses answers",
            Api::OpenaiResponses,
            answered(Api::OpenaiResponses),
            CopySource::Llm,
            None,
            1,
        ),
        case(
            "anthropic answers with the forced tool",
            Api::Anthropic,
            answered(Api::Anthropic),
            CopySource::Llm,
            None,
            1,
        ),
        case(
            "openai-compatible answers",
            Api::OpenaiCompatible,
            answered(Api::OpenaiCompatible),
            CopySource::Llm,
            None,
            1,
        ),
        case(
            "timeout",
            chat,
            Box::new(|r: &HttpRequest, _| (ok(answer(Api::OpenaiChat, &good_copy(r))), 2500)),
            CopySource::Rules,
            Some("within 2000 ms"),
            1,
        ),
        case(
            "fetch throws",
            chat,
            Box::new(|_: &HttpRequest, _| (Err("TypeError: fetch failed".into()), 20)),
            CopySource::Rules,
            Some("TypeError: fetch failed"),
            1,
        ),
        case(
            "429 with a short retry-after, then an answer",
            chat,
            Box::new(|r: &HttpRequest, attempt| match attempt {
                1 => (status(429, Some("0.5"), "slow down"), 100),
                _ => (ok(answer(Api::OpenaiChat, &good_copy(r))), 900),
            }),
            CopySource::Llm,
            None,
            2,
        ),
        case(
            "429 with a retry-after past the deadline",
            chat,
            Box::new(|_: &HttpRequest, _| (status(429, Some("30"), "slow down"), 100)),
            CopySource::Rules,
            Some("HTTP 429"),
            1,
        ),
        case(
            "429 twice",
            chat,
            Box::new(|_: &HttpRequest, attempt| (status(429, Some("0.2"), "again"), 300 * attempt)),
            CopySource::Rules,
            Some("HTTP 429"),
            2,
        ),
        case(
            "500",
            chat,
            Box::new(|_: &HttpRequest, _| (status(500, None, "Internal Server Error"), 50)),
            CopySource::Rules,
            Some("HTTP 500"),
            1,
        ),
        case(
            "529 overloaded, retried once, still overloaded",
            Api::Anthropic,
            Box::new(|_: &HttpRequest, a| {
                (
                    status(529, None, "{\"type\":\"overloaded_error\"}"),
                    400 * a,
                )
            }),
            CopySource::Rules,
            Some("HTTP 529"),
            2,
        ),
        case(
            "truncated JSON",
            chat,
            Box::new(|r: &HttpRequest, _| {
                let text = good_copy(r).to_string();
                let cut = &text[..text.len() / 2];
                let body =
                    json!({"choices": [{"finish_reason": "stop", "message": {"content": cut}}]});
                (ok(body.to_string()), 300)
            }),
            CopySource::Rules,
            Some("cut off"),
            1,
        ),
        case(
            "finish_reason length",
            chat,
            Box::new(|_: &HttpRequest, _| {
                let body = json!({"choices": [{"finish_reason": "length", "message": {"content": "{\"subject\": \"Back"}}]});
                (ok(body.to_string()), 300)
            }),
            CopySource::Rules,
            Some("cut off"),
            1,
        ),
        case(
            "refusal",
            chat,
            Box::new(|_: &HttpRequest, _| {
                let body = json!({"choices": [{"finish_reason": "stop", "message": {"content": null, "refusal": "I can't help with that."}}]});
                (ok(body.to_string()), 300)
            }),
            CopySource::Rules,
            Some("refused"),
            1,
        ),
        case(
            "garbage body",
            chat,
            Box::new(|_: &HttpRequest, _| (ok("<html>502 Bad Gateway</html>".into()), 300)),
            CopySource::Rules,
            Some("not JSON"),
            1,
        ),
        case(
            "an unknown field",
            chat,
            with_copy(chat, |c| c["discount"] = json!("50%")),
            CopySource::Rules,
            Some("not the copy object"),
            1,
        ),
        case(
            "a product outside the shortlist",
            chat,
            with_copy(chat, |c| c["product"] = json!("NOT-IN-CATALOG")),
            CopySource::Rules,
            Some("shortlist"),
            1,
        ),
        case(
            "a price the catalog did not give",
            chat,
            with_copy(chat, |c| c["body"] = json!("Yours for only $19 today.")),
            CopySource::Rules,
            Some("price"),
            1,
        ),
        case(
            "HTML and a link",
            chat,
            with_copy(chat, |c| {
                c["body"] = json!("<a href=\"https://evil.example\">Click</a>")
            }),
            CopySource::Rules,
            Some("HTML"),
            1,
        ),
        case(
            "a subject over 70 characters",
            chat,
            with_copy(chat, |c| c["subject"] = json!("x".repeat(90))),
            CopySource::Rules,
            Some("subject has 90"),
            1,
        ),
    ]
}

/// Runs every case on one sample customer; returns failures as text.
pub fn run_cases() -> Vec<String> {
    let engine: Personalizer = engine();
    let customer = customers().remove(0);
    let now = sample_now();
    let mut failures = Vec::new();
    for case in cases() {
        let mut cache = CopyCache::new();
        let mut calls = 0;
        let mut fetch = |request: &HttpRequest, attempt: u32| {
            calls += 1;
            (case.script)(request, attempt)
        };
        let email: Personalized = match engine.personalize_with(
            &customer,
            now,
            &CallOptions::for_send("llm"),
            &settings(case.api),
            &mut cache,
            &mut fetch,
        ) {
            Ok(email) => email,
            Err(e) => {
                failures.push(format!("{}: no email: {e}", case.name));
                continue;
            }
        };
        if email.html.is_empty() || email.subject.is_empty() {
            failures.push(format!("{}: incomplete email", case.name));
        }
        if email.copy_source != case.source {
            failures.push(format!(
                "{}: source {:?}, want {:?} ({:?})",
                case.name, email.copy_source, case.source, email.warnings
            ));
        }
        if let Some(fragment) = case.warning
            && !email.warnings.iter().any(|w| w.contains(fragment))
        {
            failures.push(format!(
                "{}: no warning with {fragment:?}: {:?}",
                case.name, email.warnings
            ));
        }
        if case.source == CopySource::Llm && email.subject != "Back on your mat this week" {
            failures.push(format!("{}: subject {:?}", case.name, email.subject));
        }
        if calls != case.calls {
            failures.push(format!("{}: {calls} calls, want {}", case.name, case.calls));
        }
    }
    failures
}
