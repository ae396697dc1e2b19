//! Request bodies and answer extraction per API. Each asks for the same JSON object; they differ
//! in where the schema goes and where the answer comes back.

use serde_json::{Value, json};

use super::{Api, Brief, Fallback, HttpRequest, LlmSettings, StructuredOutput};

const SCHEMA_NAME: &str = "email_copy";

/// The request for `brief`. No credentials: the host's fetch adds them.
pub fn request(brief: &Brief, settings: &LlmSettings) -> HttpRequest {
    let schema = brief.schema();
    let (system, user) = (brief.system(), brief.user());
    let messages = json!([
        { "role": "system", "content": system },
        { "role": "user", "content": user }
    ]);
    let body = match settings.api {
        Api::OpenaiChat => json!({
            "model": settings.model,
            "messages": messages,
            "max_completion_tokens": settings.max_tokens,
            "response_format": {
                "type": "json_schema",
                "json_schema": { "name": SCHEMA_NAME, "strict": true, "schema": schema }
            }
        }),
        Api::OpenaiResponses => json!({
            "model": settings.model,
            "instructions": system,
            "input": user,
            "store": false,
            "max_output_tokens": settings.max_tokens,
            "text": { "format": {
                "type": "json_schema", "name": SCHEMA_NAME, "strict": true, "schema": schema
            } }
        }),
        Api::Anthropic => json!({
            "model": settings.model,
            "max_tokens": settings.max_tokens,
            "system": system,
            "messages": [{ "role": "user", "content": user }],
            "tools": [{
                "name": SCHEMA_NAME,
                "description": "Returns the email copy.",
                "input_schema": schema
            }],
            "tool_choice": { "type": "tool", "name": SCHEMA_NAME }
        }),
        Api::OpenaiCompatible => {
            let format = match settings.structured_output {
                StructuredOutput::JsonObject => json!({ "type": "json_object", "schema": schema }),
                StructuredOutput::JsonSchema => json!({
                    "type": "json_schema",
                    "json_schema": { "name": SCHEMA_NAME, "strict": true, "schema": schema }
                }),
            };
            json!({
                "model": settings.model,
                "messages": messages,
                "max_tokens": settings.max_tokens,
                "temperature": 0.3,
                "response_format": format
            })
        }
    };
    let mut headers = vec![("content-type".to_string(), "application/json".to_string())];
    if settings.api == Api::Anthropic && !settings.headers.contains_key("anthropic-version") {
        headers.push(("anthropic-version".into(), "2023-06-01".into()));
    }
    headers.extend(
        settings
            .headers
            .iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), v.clone())),
    );
    HttpRequest {
        method: "POST",
        url: settings.url.clone(),
        headers,
        body: body.to_string(),
    }
}

fn malformed(what: &str) -> Fallback {
    Fallback::Malformed(what.to_string())
}

/// The copy object from a successful response body, or why there is none.
pub fn extract(api: Api, body: &str) -> Result<Value, Fallback> {
    let root: Value =
        serde_json::from_str(body).map_err(|e| malformed(&format!("body is not JSON ({e})")))?;
    match api {
        Api::OpenaiChat | Api::OpenaiCompatible => {
            let choice = root
                .pointer("/choices/0")
                .ok_or_else(|| malformed("no choices"))?;
            if let Some(refusal) = choice.pointer("/message/refusal").and_then(Value::as_str) {
                return Err(Fallback::Refusal(super::bounded(refusal, 160)));
            }
            match choice.get("finish_reason").and_then(Value::as_str) {
                Some("length") => return Err(Fallback::Truncated),
                Some("content_filter") => {
                    return Err(Fallback::Refusal("content filter".into()));
                }
                _ => {}
            }
            let content = choice
                .pointer("/message/content")
                .and_then(Value::as_str)
                .ok_or_else(|| malformed("no message content"))?;
            parse_json_text(content)
        }
        Api::OpenaiResponses => {
            if root.get("status").and_then(Value::as_str) == Some("incomplete") {
                return Err(Fallback::Truncated);
            }
            let parts = root
                .get("output")
                .and_then(Value::as_array)
                .ok_or_else(|| malformed("no output"))?
                .iter()
                .filter_map(|item| item.get("content").and_then(Value::as_array))
                .flatten();
            for part in parts {
                match part.get("type").and_then(Value::as_str) {
                    Some("refusal") => {
                        let why = part.get("refusal").and_then(Value::as_str).unwrap_or("");
                        return Err(Fallback::Refusal(super::bounded(why, 160)));
                    }
                    Some("output_text") => {
                        let text = part.get("text").and_then(Value::as_str).unwrap_or("");
                        return parse_json_text(text);
                    }
                    _ => {}
                }
            }
            Err(malformed("no output_text"))
        }
        Api::Anthropic => {
            match root.get("stop_reason").and_then(Value::as_str) {
                Some("max_tokens") => return Err(Fallback::Truncated),
                Some("refusal") => return Err(Fallback::Refusal("stop_reason refusal".into())),
                _ => {}
            }
            root.get("content")
                .and_then(Value::as_array)
                .and_then(|parts| {
                    parts.iter().find(|p| {
                        p.get("type").and_then(Value::as_str) == Some("tool_use")
                            && p.get("name").and_then(Value::as_str) == Some(SCHEMA_NAME)
                    })
                })
                .and_then(|p| p.get("input"))
                .cloned()
                .ok_or_else(|| malformed("no tool_use input"))
        }
    }
}

fn parse_json_text(text: &str) -> Result<Value, Fallback> {
    serde_json::from_str(text.trim()).map_err(|e| {
        if e.is_eof() {
            Fallback::Truncated
        } else {
            malformed(&format!("content is not JSON ({e})"))
        }
    })
}
