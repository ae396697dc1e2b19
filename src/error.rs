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

/// Joins a JSON path prefix (`$.catalog`) with a serde path (`[3].price`).
pub fn join_path(prefix: &str, inner: &str) -> String {
    // serde_path_to_error says `?` where the input broke before any field (malformed JSON).
    if inner.is_empty() || inner == "." || inner == "?" {
        prefix.to_string()
    } else if inner.starts_with('[') {
        format!("{prefix}{inner}")
    } else {
        format!("{prefix}.{inner}")
    }
}

/// Deserializes `T` from any serde deserializer, reporting the failing field's JSON path.
///
/// Used natively with serde_json and in wasm with serde-wasm-bindgen, so both hosts get the
/// same paths.
pub fn deserialize_at<'de, T, D>(prefix: &str, deserializer: D) -> Result<T, InputError>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let path = join_path(prefix, &err.path().to_string());
        let message = err.inner().to_string();
        if message.starts_with("recursion limit exceeded") {
            return InputError::TooLarge {
                path,
                message: format!("nested deeper than {MAX_DEPTH} levels ({message})"),
            };
        }
        // serde-wasm-bindgen prefixes its messages with "Error: "; the JS Error adds its own.
        InputError::invalid(path, message.trim_start_matches("Error: ").to_string())
    })
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
    let value = deserialize_at(prefix, &mut de)?;
    de.end()
        .map_err(|err| InputError::invalid(prefix, err.to_string()))?;
    Ok(value)
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

    #[test]
    fn malformed_json_is_an_input_error() {
        let err = from_json_str::<Outer>("$", "{\"items\": [").err();
        assert!(matches!(err, Some(InputError::Invalid { .. })));
    }
}
