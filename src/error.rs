//! Typed errors shared by every stage.
//!
//! Each stage has its own error enum; [`Error`] wraps them so every public entry point returns
//! one type with a stable machine `code`, a human `message` and the JSON `path` of the bad
//! field (`$` when the whole input is at fault). The wasm binding turns it into a JS `Error`
//! in exactly one place.

use serde::Serialize;

/// Invalid data handed to an entry point (customer, catalog, config, template data).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InputError {
    /// A field has the wrong type, a required field is missing, or the JSON is malformed.
    #[error("{message} at {path}")]
    Invalid { path: String, message: String },
    /// The input is larger than a configured limit allows.
    #[error("{message} at {path}")]
    TooLarge { path: String, message: String },
}

/// A Liquid template that failed to parse, render or stay within its limits (the dialect's own).
pub use mailfit_liquid::TemplateError;

/// Any error an entry point of this crate can return.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// See [`InputError`].
    #[error(transparent)]
    Input(#[from] InputError),
    /// See [`TemplateError`].
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// See [`FitError`](crate::profile::churn::FitError).
    #[error(transparent)]
    Fit(#[from] crate::profile::churn::FitError),
}

/// The serialisable view of an error, as hosts receive it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorInfo {
    /// Stable machine code, e.g. `INVALID_INPUT`.
    pub code: &'static str,
    /// Human-readable explanation.
    pub message: String,
    /// JSON path of the offending field (`$.customer.events[3].timestamp`), or the template name.
    pub path: String,
}

impl Error {
    /// Stable code for programmatic handling; never changes meaning between versions.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Input(InputError::Invalid { .. }) => "INVALID_INPUT",
            Error::Input(InputError::TooLarge { .. }) => "INPUT_TOO_LARGE",
            Error::Template(TemplateError::Parse { .. }) => "TEMPLATE_PARSE",
            Error::Template(TemplateError::Render { .. }) => "TEMPLATE_RENDER",
            Error::Template(TemplateError::Limit { .. }) => "TEMPLATE_LIMIT",
            Error::Fit(crate::profile::churn::FitError::NoPurchasers) => "FIT_NO_PURCHASERS",
            Error::Fit(crate::profile::churn::FitError::NoConvergence) => "FIT_NO_CONVERGENCE",
        }
    }

    /// Where the problem is: a JSON path for input errors, `template:<name>` for templates.
    pub fn path(&self) -> String {
        match self {
            Error::Input(InputError::Invalid { path, .. } | InputError::TooLarge { path, .. }) => {
                path.clone()
            }
            Error::Template(error) => format!("template:{}", error.template()),
            Error::Fit(_) => "$.customers".into(),
        }
    }

    /// Code, message and path in one serialisable value.
    pub fn info(&self) -> ErrorInfo {
        ErrorInfo {
            code: self.code(),
            message: self.to_string(),
            path: self.path(),
        }
    }
}

impl InputError {
    /// An invalid field at `path`.
    pub fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError::Invalid {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// Joins a JSON path prefix (`$.catalog`) with a path inside it (`[3].price`).
pub fn join_path(prefix: &str, inner: &str) -> String {
    if inner.is_empty() {
        prefix.to_string()
    } else if inner.starts_with('[') {
        format!("{prefix}{inner}")
    } else {
        format!("{prefix}.{inner}")
    }
}

/// Deserializes `T` from an already parsed JSON value, through its text: every type is then
/// read by one deserializer (`serde_json`'s text reader) and compiled once. Reading the
/// `serde_json::Value` directly compiled each type's visitors a second time: 5.8 KB of the
/// module gzipped (19 KB raw), for JSON feeds read about 1.5x faster (1,059 products, 1 MB:
/// 21 ms against 32 ms in wasm). Catalogs are read once per version, not per recipient.
pub fn deserialize_at<T>(prefix: &str, value: &serde_json::Value) -> Result<T, InputError>
where
    T: serde::de::DeserializeOwned,
{
    from_json_str(prefix, &value.to_string())
}

/// The typed error of a serde_json failure in `text`, at the path where it happened.
fn json_error(prefix: &str, text: &str, err: &serde_json::Error) -> InputError {
    let message = err.to_string();
    // serde_json reports an array or object of the wrong type read through `deserialize_any`
    // just inside it, after its opening bracket.
    let whole_value =
        message.starts_with("invalid type: sequence") || message.starts_with("invalid type: map");
    let path = join_path(
        prefix,
        &json_path::at(text, err.line(), err.column(), whole_value),
    );
    if message.starts_with("recursion limit exceeded") {
        return InputError::TooLarge {
            path,
            message: format!("nested deeper than {MAX_DEPTH} levels ({message})"),
        };
    }
    InputError::invalid(path, message)
}

/// The path to a position in JSON text, read by a small scanner instead of tracking the path
/// through every deserializer call (as `serde_path_to_error` does, which cost the module about
/// 200 KB of generic code, 12% of it, and time on every read).
mod json_path {
    /// One open container: an object with the key last read, or an array and its index.
    enum Frame {
        Object { key: Option<String>, at_key: bool },
        Array { index: usize },
    }

    /// The byte offset of serde_json's 1-based line and column.
    fn offset(text: &str, line: usize, column: usize) -> usize {
        let line_start = if line <= 1 {
            0
        } else {
            text.match_indices('\n')
                .nth(line - 2)
                .map_or(text.len(), |(at, _)| at + 1)
        };
        (line_start + column).min(text.len())
    }

    /// `.items[1].price` for an error at `line`/`column`; empty when the position is unknown
    /// (line 0) or outside any container.
    pub fn at(text: &str, line: usize, column: usize, whole_value: bool) -> String {
        if line == 0 {
            return String::new();
        }
        let end = offset(text, line, column);
        let mut stack: Vec<Frame> = Vec::new();
        let mut bytes = text.as_bytes().iter().take(end).enumerate();
        while let Some((at, &byte)) = bytes.next() {
            match byte {
                b'{' => stack.push(Frame::Object {
                    key: None,
                    at_key: true,
                }),
                b'[' => stack.push(Frame::Array { index: 0 }),
                b'}' | b']' => {
                    stack.pop();
                }
                b':' => {
                    if let Some(Frame::Object { at_key, .. }) = stack.last_mut() {
                        *at_key = false;
                    }
                }
                b',' => match stack.last_mut() {
                    Some(Frame::Object { at_key, .. }) => *at_key = true,
                    Some(Frame::Array { index }) => *index += 1,
                    None => {}
                },
                b'"' => {
                    // Skip the string; keep it when it is a key.
                    let mut escaped = false;
                    let mut close = end;
                    for (i, &b) in bytes.by_ref() {
                        if escaped {
                            escaped = false;
                        } else if b == b'\\' {
                            escaped = true;
                        } else if b == b'"' {
                            close = i;
                            break;
                        }
                    }
                    if let Some(Frame::Object { key, at_key: true }) = stack.last_mut() {
                        let raw = text.get(at + 1..close).unwrap_or("");
                        *key = Some(
                            serde_json::from_str::<String>(&format!("\"{raw}\""))
                                .unwrap_or_else(|_| raw.to_string()),
                        );
                    }
                }
                _ => {}
            }
        }
        // An error about a whole array or object reported just inside it (its bracket read, its
        // first item not yet): the container that opened last is the field at fault. When the
        // bracket is still ahead (a peek), the path is already the field's.
        let last = text.get(..end).and_then(|b| b.trim_end().chars().last());
        let next = text.get(end..).and_then(|a| a.trim_start().chars().next());
        let bracket = |c: Option<char>| matches!(c, Some('[' | '{'));
        if whole_value && bracket(last) && !bracket(next) {
            stack.pop();
        }
        let mut path = String::new();
        for frame in &stack {
            match frame {
                Frame::Object { key: Some(key), .. } => {
                    path.push('.');
                    path.push_str(key);
                }
                Frame::Object { key: None, .. } => {}
                Frame::Array { index } => path.push_str(&format!("[{index}]")),
            }
        }
        path.strip_prefix('.').map(str::to_string).unwrap_or(path)
    }
}

/// How deeply any JSON input may nest: serde_json's recursion limit, which turns deeper input
/// into an `INPUT_TOO_LARGE` error instead of a stack overflow (a trap in wasm).
pub const MAX_DEPTH: usize = 128;

/// The largest JSON document one argument may be (a customer, options, a template's data):
/// refused before it is copied or parsed. Catalogs and customer bases are larger by nature and
/// have their own limits.
pub const MAX_JSON_BYTES: usize = 16 * 1024 * 1024;

/// Parses JSON text into `T` with path-aware errors (native hosts, tests, the CLI).
pub fn from_json_str<'de, T: serde::Deserialize<'de>>(
    prefix: &str,
    text: &'de str,
) -> Result<T, InputError> {
    let mut de = serde_json::Deserializer::from_str(text);
    match T::deserialize(&mut de) {
        Ok(value) => json_end(prefix, &mut de).map(|()| value),
        Err(err) => Err(json_error(prefix, text, &err)),
    }
}

/// Only whitespace may follow the value. Apart from [`from_json_str`] so that its many
/// instances (one per type read) share it.
#[inline(never)]
fn json_end(
    prefix: &str,
    de: &mut serde_json::Deserializer<serde_json::de::StrRead<'_>>,
) -> Result<(), InputError> {
    de.end()
        .map_err(|err| InputError::invalid(prefix, err.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Outer {
        #[allow(dead_code)]
        items: Vec<Inner>,
    }
    #[derive(Debug, serde::Deserialize)]
    struct Inner {
        #[allow(dead_code)]
        price: f64,
    }

    #[test]
    fn reports_json_path_of_the_bad_field() {
        let err = from_json_str::<Outer>("$", r#"{"items":[{"price":1},{"price":"x"}]}"#)
            .err()
            .map(Error::from);
        let err = err.as_ref().map(Error::info);
        assert_eq!(
            err.as_ref().map(|e| e.path.as_str()),
            Some("$.items[1].price")
        );
        assert_eq!(err.map(|e| e.code), Some("INVALID_INPUT"));
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Order {
        id: String,
        lines: Vec<Vec<u32>>,
    }

    fn path_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
        match from_json_str::<T>("$", json) {
            Err(InputError::Invalid { path, .. } | InputError::TooLarge { path, .. }) => path,
            other => panic!("{json}: expected an error, got {other:?}"),
        }
    }

    #[test]
    fn paths_follow_keys_indices_and_escapes() {
        // A missing field is the object's fault.
        assert_eq!(
            path_of::<Vec<Order>>(r#"[{"id":"a","lines":[]},{"lines":[]}]"#),
            "$[1]"
        );
        // Arrays in arrays, whitespace and lines.
        assert_eq!(
            path_of::<Order>("{\n \"id\": \"a\",\n \"lines\": [[1, 2], [3, -4]]\n}"),
            "$.lines[1][1]"
        );
        // Keys with escapes and strings holding brackets and commas do not confuse the scanner.
        assert_eq!(
            path_of::<std::collections::BTreeMap<String, Order>>(
                r#"{"a\"b": {"id": "x,[{", "lines": [["y"]]}}"#
            ),
            "$.a\"b.lines[0][0]"
        );
        // A whole array or object of the wrong type is the field's fault, not its first item's.
        assert_eq!(
            path_of::<Order>(r#"{"id": ["x", "y"], "lines": []}"#),
            "$.id"
        );
        assert_eq!(path_of::<Order>(r#"{"id": {"a": 1}, "lines": []}"#), "$.id");
        assert_eq!(
            path_of::<Order>(r#"{"id": "a", "lines": [{"a": 1}]}"#),
            "$.lines[0]"
        );
        // The same through `deserialize_any` (timestamps, prices), which reads the bracket first.
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Stamped {
            at: Vec<crate::input::Timestamp>,
        }
        assert_eq!(path_of::<Stamped>(r#"{"at": [[1, 2]]}"#), "$.at[0]");
        assert_eq!(path_of::<Stamped>(r#"{"at": ["x", {"y": 1}]}"#), "$.at[1]");
        // Too deep is its own code, at the path where it broke.
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(matches!(
            from_json_str::<serde_json::Value>("$", &deep),
            Err(InputError::TooLarge { .. })
        ));
    }

    #[test]
    fn malformed_json_is_an_input_error() {
        let err = from_json_str::<Outer>("$", "{\"items\": [").err();
        assert!(matches!(err, Some(InputError::Invalid { .. })));
    }
}
