//! The XSS corpus and the render limits, shared by the native test (`tests/safety.rs`) and the
//! wasm test (`tests/wasm.rs`), so both builds are held to the same cases.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use mailfit::input::Customer;
use mailfit::{CallOptions, Personalizer, PersonalizerInit};

use super::{CAMPAIGN, CATALOG, customers, sample_now};

const CORPUS: &str = include_str!("../fixtures/xss.json");

/// The hostile strings of `tests/fixtures/xss.json`.
pub fn payloads() -> Vec<String> {
    let corpus: serde_json::Value = serde_json::from_str(CORPUS).unwrap();
    corpus["payloads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

/// A brand template that forgets `| escape` everywhere: auto-escaping must still hold.
pub const CARELESS_HTML: &str = r#"<html><body><p>Hi {{ customer.first_name }}</p>
<h1>{{ copy.headline }}</h1><p>{{ copy.body }}</p><a href="{{ links.cta }}">{{ copy.cta }}</a>
{% if product %}<img src="{{ product.image_url }}" alt="{{ product.title }}">
<p>{{ product.description }} in {{ product.color }}</p>{% endif %}
<p>{{ customer.attributes.last_name }}</p>
{% for p in alternates %}<a href="{{ p.url }}" title="{{ p.title }}">{{ p.title }}</a>{% endfor %}
{% capture footer %}<b>{{ brand.name }}</b>{% endcapture %}<footer>{{ footer }}</footer></body></html>"#;

/// An engine whose catalog and brand carry `payload` in every text field and hostile links.
pub fn hostile_engine(payload: &str, html: Option<&str>) -> Personalizer {
    let mut catalog: Vec<serde_json::Value> = serde_json::from_str(CATALOG).unwrap();
    for product in &mut catalog {
        let title = format!("{} {payload}", product["title"].as_str().unwrap());
        product["title"] = title.into();
        product["description"] = format!("Soft. {payload}").into();
        product["color"] = payload.into();
        product["link"] = if payload.contains(':') {
            payload.into()
        } else {
            format!("https://shop.example/p?x={payload}").into()
        };
        product["image_link"] = format!("https://cdn.example/x.jpg\" onerror=\"{payload}").into();
    }
    let mut campaign: serde_json::Value = serde_json::from_str(CAMPAIGN).unwrap();
    campaign["brand"]["name"] = payload.into();
    campaign["brand"]["accentColor"] = format!("red;background:url({payload})").into();
    campaign["brand"]["website"] = payload.into();
    let mut init = serde_json::json!({ "catalog": catalog, "campaign": campaign });
    if let Some(html) = html {
        init["templates"] = serde_json::json!({ "html": html });
    }
    let init: PersonalizerInit = serde_json::from_value(init).unwrap();
    Personalizer::new(init).unwrap()
}

/// Sample customers of distinct behaviours, renamed to `payload`.
pub fn hostile_customers(payload: &str) -> Vec<Customer> {
    let mut seen = std::collections::BTreeSet::new();
    customers()
        .into_iter()
        .filter(|c| seen.insert(super::persona(c)))
        .map(|mut c| {
            c.attributes.first_name = Some(payload.to_string());
            c.attributes
                .extra
                .insert("last_name".into(), payload.to_string().into());
            c
        })
        .collect()
}

/// A tag of the HTML part: its name and attributes (quotes respected).
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// Tags of an HTML document, read the way a browser's tokenizer would (enough for the check).
fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        i += 1;
        if bytes.get(i) == Some(&b'!') || bytes.get(i) == Some(&b'/') {
            while i < bytes.len() && bytes[i] != b'>' {
                i += 1;
            }
            continue;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
            i += 1;
        }
        let name = html[start..i].to_ascii_lowercase();
        let mut attributes = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let key_start = i;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && !matches!(bytes[i], b'=' | b'>')
            {
                i += 1;
            }
            let key = html[key_start..i].to_ascii_lowercase();
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                match bytes.get(i) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        let value_start = i + 1;
                        i = value_start;
                        while i < bytes.len() && bytes[i] != q {
                            i += 1;
                        }
                        value = html[value_start..i.min(bytes.len())].to_string();
                        i += 1;
                    }
                    _ => {
                        let value_start = i;
                        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>'
                        {
                            i += 1;
                        }
                        value = html[value_start..i].to_string();
                    }
                }
            }
            attributes.push((key, value));
        }
        out.push(Tag { name, attributes });
    }
    out
}

/// What is wrong with an HTML part that met hostile data (empty when nothing).
pub fn html_findings(html: &str, allowed_tags: &[&str]) -> Vec<String> {
    let mut findings = Vec::new();
    if html.contains("pwned") {
        findings.push("customer text was evaluated as Liquid".to_string());
    }
    for tag in tags(html) {
        if !allowed_tags.contains(&tag.name.as_str()) {
            findings.push(format!("injected tag <{}>", tag.name));
        }
        for (key, value) in &tag.attributes {
            if key.starts_with("on") {
                findings.push(format!("event handler {key} on <{}>", tag.name));
            }
            let lowered: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if matches!(key.as_str(), "href" | "src" | "background" | "action")
                && !(lowered.starts_with("https://")
                    || lowered.starts_with("http://")
                    || lowered.starts_with("mailto:")
                    || lowered.starts_with('#')
                    || lowered.starts_with("{{")
                    || lowered.starts_with("%%")
                    || lowered.starts_with("*|")
                    || lowered.is_empty())
            {
                findings.push(format!("unsafe {key}={value:?} on <{}>", tag.name));
            }
            if key == "style" && (lowered.contains("url(") || lowered.contains("expression(")) {
                findings.push(format!("style injection {value:?} on <{}>", tag.name));
            }
        }
    }
    findings
}

/// Tags the shipped and careless templates may produce.
pub const ALLOWED_TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "table",
    "tr",
    "td",
    "th",
    "div",
    "span",
    "a",
    "img",
    "p",
    "h1",
    "h2",
    "h3",
    "br",
    "strong",
    "b",
    "em",
    "s",
    "ul",
    "li",
    "center",
    "footer",
    "v:roundrect",
    "o:officedocumentsettings",
    "o:allowpng",
    "o:pixelsperinch",
    "xml",
    "!doctype",
];

/// Renders every payload for several customers through `html` (default templates when None);
/// returns findings as "payload: finding".
pub fn xss_findings(html: Option<&str>) -> Vec<String> {
    let now = sample_now();
    let mut findings = Vec::new();
    for payload in payloads() {
        let engine = hostile_engine(&payload, html);
        for customer in hostile_customers(&payload) {
            let email = match engine.render(&customer, now, &CallOptions::for_send("xss")) {
                Ok(email) => email,
                Err(e) => {
                    findings.push(format!("{payload:?}: no email: {e}"));
                    continue;
                }
            };
            for finding in html_findings(&email.html, ALLOWED_TAGS) {
                findings.push(format!("{payload:?} ({}): {finding}", customer.id));
            }
            if email.text.contains("pwned") || email.subject.contains("pwned") {
                findings.push(format!("{payload:?}: text or subject evaluated Liquid"));
            }
            if email.subject.contains('\n') || email.preheader.contains('\n') {
                findings.push(format!("{payload:?}: subject or preheader spans lines"));
            }
        }
    }
    findings
}

/// What a limit case must end in.
#[derive(Debug, PartialEq)]
pub enum Expect {
    Output(&'static str),
    LimitError,
}

/// Templates that try to exhaust the host, with their data, limits and expected outcome.
pub fn limit_cases() -> Vec<(
    &'static str,
    String,
    serde_json::Value,
    serde_json::Value,
    Expect,
)> {
    let none = serde_json::json!({});
    vec![
        (
            "nested loops over huge literal ranges",
            "{% for i in (1..1000000000) %}{% for j in (1..1000000000) %}{% endfor %}{% endfor %}"
                .into(),
            none.clone(),
            none.clone(),
            Expect::LimitError,
        ),
        (
            "a range whose bound comes from the data",
            "{% for i in (1..n) %}x{% endfor %}".into(),
            serde_json::json!({ "n": 1_000_000_000_000_i64 }),
            none.clone(),
            Expect::LimitError,
        ),
        (
            "a string doubled in a loop",
            "{% assign s = 'ab' %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}"
                .into(),
            none.clone(),
            none.clone(),
            Expect::LimitError,
        ),
        (
            "a capture doubled in a loop",
            "{% for i in (1..64) %}{% capture c %}{{ c }}{{ c }}x{% endcapture %}{% endfor %}"
                .into(),
            none.clone(),
            none.clone(),
            Expect::LimitError,
        ),
        (
            "output past the cap",
            "{% for i in (1..100000) %}{{ big }}{% endfor %}".into(),
            serde_json::json!({ "big": "x".repeat(1024) }),
            none.clone(),
            Expect::LimitError,
        ),
        (
            "blocks nested past the parser's stack",
            "{% if true %}".repeat(5000),
            none.clone(),
            none.clone(),
            Expect::LimitError,
        ),
        (
            "a template over the size limit",
            "x".repeat(300 * 1024),
            none.clone(),
            none.clone(),
            Expect::LimitError,
        ),
        (
            "a configured iteration limit, kept",
            "{% for i in (1..10) %}{{ i }}{% endfor %}".into(),
            none.clone(),
            serde_json::json!({ "maxLoopIterations": 10 }),
            Expect::Output("12345678910"),
        ),
        (
            "a configured iteration limit, passed",
            "{% for i in (1..11) %}{{ i }}{% endfor %}".into(),
            none.clone(),
            serde_json::json!({ "maxLoopIterations": 10 }),
            Expect::LimitError,
        ),
        (
            "a configured output limit",
            "{{ 'abcdef' }}".into(),
            none.clone(),
            serde_json::json!({ "maxOutputBytes": 5 }),
            Expect::LimitError,
        ),
        (
            "a loop that breaks early costs only what it ran",
            "{% for i in (1..1000000000) %}{{ i }}{% if i == 3 %}{% break %}{% endif %}{% endfor %}"
                .into(),
            none.clone(),
            none,
            Expect::Output("123"),
        ),
    ]
}
