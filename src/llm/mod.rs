//! LLM copy, sans-IO: the host's fetch does the I/O; this module builds the request, reads the
//! response, validates the answer and says what to do next.
//!
//! The rules always write a complete email first ([`crate::copy`]); a model may then choose among
//! the decision's shortlisted products and angles and rewrite subject, preheader, headline, body
//! and CTA. Prices, offers, links and names still come from the catalog and the templates. Every
//! failure (timeout, 429, 5xx, refusal, truncated or invalid JSON, a rule broken) falls back to
//! the rules copy with a warning saying why.

pub mod cache;
mod prompt;
mod providers;
mod validate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use cache::CopyCache;
pub use prompt::{Brief, PROMPT_VERSION};
pub use validate::Rules;
/// Response parsing and copy validation, for the fuzz targets (`fuzz/`): not a stable API.
#[doc(hidden)]
pub use {providers::extract, validate::parse_copy};

/// The request shape of an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Api {
    /// OpenAI Chat Completions with `response_format: json_schema` (strict).
    #[default]
    OpenaiChat,
    /// OpenAI Responses with `text.format: json_schema`, `store: false`.
    OpenaiResponses,
    /// Anthropic Messages with one forced tool whose input is the copy.
    Anthropic,
    /// llama.cpp, Ollama, vLLM, LM Studio: Chat Completions with [`StructuredOutput`].
    OpenaiCompatible,
}

/// How an OpenAI-compatible server is asked for JSON: servers differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum StructuredOutput {
    /// `{"type": "json_object", "schema": ...}` (llama.cpp's server; Ollama reads `format`).
    #[default]
    JsonObject,
    /// `{"type": "json_schema", "json_schema": {...}}` (vLLM, LM Studio, OpenAI).
    JsonSchema,
}

/// The `llm` option of `personalize` (without `fetch`, which stays on the JS side).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct LlmSettings {
    /// Endpoint URL, e.g. `https://api.openai.com/v1/chat/completions`.
    pub url: String,
    /// Model name sent in the request.
    pub model: String,
    /// Request shape (default `openai-chat`).
    #[serde(default)]
    pub api: Api,
    /// Deadline for the whole exchange, retries included (default 2000 ms).
    #[serde(default = "default_timeout")]
    pub timeout_ms: u32,
    /// JSON mode of an `openai-compatible` endpoint (default `json-object`).
    #[serde(default)]
    pub structured_output: StructuredOutput,
    /// Output token cap (default 400).
    #[serde(default = "default_max_tokens")]
    pub max_tokens: u32,
    /// Extra request headers (e.g. `anthropic-version`); credentials belong in the host's fetch.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<BTreeMap<String, String>>", optional))]
    pub headers: BTreeMap<String, String>,
}

fn default_timeout() -> u32 {
    2000
}

fn default_max_tokens() -> u32 {
    400
}

/// Largest deadline accepted: an ESP renders at send time.
pub const MAX_TIMEOUT_MS: u32 = 30_000;

/// One HTTP request for the host's `fetch(url, init)`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpRequest {
    /// Always `POST`.
    pub method: &'static str,
    /// Endpoint.
    pub url: String,
    /// Header names and values.
    pub headers: Vec<(String, String)>,
    /// JSON body.
    pub body: String,
}

/// What the host's fetch returned.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HttpResponse {
    /// HTTP status.
    pub status: u16,
    /// `retry-after` header, if any.
    pub retry_after: Option<String>,
    /// Body text (bounded by the binding).
    pub body: String,
}

/// Largest response body read.
pub const MAX_RESPONSE_BYTES: usize = 256 * 1024;

/// The copy a model may write, exactly these fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LlmCopy {
    /// Chosen product id (one of the shortlist).
    pub product: String,
    /// Chosen angle id (one of the shortlist).
    pub angle: String,
    /// Subject line.
    pub subject: String,
    /// Preheader.
    pub preheader: String,
    /// Headline.
    pub headline: String,
    /// Body paragraph.
    pub body: String,
    /// Call to action.
    pub cta: String,
}

/// Why the rules copy was used.
#[derive(Debug, Clone, PartialEq)]
pub enum Fallback {
    /// The deadline passed.
    Timeout(u32),
    /// The host's fetch threw (its message).
    Fetch(String),
    /// A non-success status.
    Status(u16, String),
    /// The answer stopped early (length limit).
    Truncated,
    /// The model refused.
    Refusal(String),
    /// The body or the copy was not the JSON asked for.
    Malformed(String),
    /// The copy broke a rule.
    Invalid(String),
    /// The settings cannot work.
    Settings(String),
}

impl std::fmt::Display for Fallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fallback::Timeout(ms) => write!(f, "no answer within {ms} ms"),
            Fallback::Fetch(m) => write!(f, "fetch failed: {m}"),
            Fallback::Status(s, m) => write!(f, "HTTP {s}: {m}"),
            Fallback::Truncated => write!(f, "the answer was cut off"),
            Fallback::Refusal(m) => write!(f, "the model refused: {m}"),
            Fallback::Malformed(m) => write!(f, "malformed answer: {m}"),
            Fallback::Invalid(m) => write!(f, "copy rejected: {m}"),
            Fallback::Settings(m) => write!(f, "llm settings: {m}"),
        }
    }
}

impl Fallback {
    /// The warning an email carries.
    pub fn warning(&self) -> String {
        format!("llm copy not used ({self}); rules copy instead")
    }
}

/// What to do with one exchange's result.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Use this copy.
    Accept(LlmCopy),
    /// Ask again after this many milliseconds (only once, only within the deadline).
    Retry(u32),
    /// Use the rules copy.
    Fallback(Fallback),
}

/// A prepared exchange: the request, its cache key and the rules its answer must keep.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Request for the host's fetch.
    pub request: HttpRequest,
    /// Key under which a validated answer is cached.
    pub cache_key: String,
    /// Deadline in milliseconds.
    pub timeout_ms: u32,
    api: Api,
    rules: Rules,
}

impl Plan {
    /// Builds the request for `brief` under `settings`.
    pub fn new(brief: &Brief, rules: Rules, settings: &LlmSettings) -> Result<Self, Fallback> {
        if !crate::input::is_http_url(&settings.url) {
            return Err(Fallback::Settings("url must be http(s)".into()));
        }
        if settings.model.trim().is_empty() {
            return Err(Fallback::Settings("model is empty".into()));
        }
        Ok(Plan {
            request: providers::request(brief, settings),
            cache_key: brief.cache_key(settings),
            timeout_ms: settings.timeout_ms.clamp(1, MAX_TIMEOUT_MS),
            api: settings.api,
            rules,
        })
    }

    /// Judges one attempt: `response` is the host's answer or the message of what it threw;
    /// `elapsed_ms` is the time since the first attempt started; `attempt` counts from 1.
    pub fn step(
        &self,
        response: Result<HttpResponse, String>,
        elapsed_ms: u32,
        attempt: u32,
    ) -> Step {
        if elapsed_ms >= self.timeout_ms {
            return Step::Fallback(Fallback::Timeout(self.timeout_ms));
        }
        let response = match response {
            Ok(r) => r,
            Err(message) => return Step::Fallback(Fallback::Fetch(bounded(&message, 200))),
        };
        if response.status == 429 || response.status == 503 || response.status == 529 {
            let wait = response
                .retry_after
                .as_deref()
                .and_then(|v| v.trim().parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s >= 0.0)
                .map_or(250, |s| (s * 1000.0).min(f64::from(u32::MAX)) as u32);
            // NOTE: one retry, and only when waiting still leaves time for an answer.
            if attempt == 1 && elapsed_ms.saturating_add(wait).saturating_add(200) < self.timeout_ms
            {
                return Step::Retry(wait);
            }
        }
        if !(200..300).contains(&response.status) {
            return Step::Fallback(Fallback::Status(
                response.status,
                bounded(&response.body, 160),
            ));
        }
        match providers::extract(self.api, &response.body) {
            Ok(copy_json) => match validate::parse_copy(&copy_json) {
                Ok(copy) => match self.rules.check(&copy) {
                    Ok(()) => Step::Accept(copy),
                    Err(why) => Step::Fallback(Fallback::Invalid(why)),
                },
                Err(why) => Step::Fallback(Fallback::Malformed(why)),
            },
            Err(fallback) => Step::Fallback(fallback),
        }
    }

    /// Is a cached answer still valid for this recipient (shortlist and rules)?
    pub fn accepts_cached(&self, copy: &LlmCopy) -> bool {
        self.rules.check(copy).is_ok()
    }
}

/// Cuts untrusted text for a warning.
fn bounded(text: &str, max: usize) -> String {
    let cut: String = text.chars().take(max).collect();
    cut.replace(['\n', '\r'], " ")
}
