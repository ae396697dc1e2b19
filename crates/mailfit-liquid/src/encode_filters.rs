//! Encoding filters: `base64_encode`/`_decode`, `base64_url_safe_encode`/`_decode`, a faster
//! `escape`, and Shopify's `h` (its alias).

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE};
use liquid_core::{
    Display_filter, Filter, FilterReflection, ParseFilter, Result, Runtime, Value, ValueView,
};

macro_rules! base64_filter {
    ($plugin:ident, $parsed:ident, $name:literal, $description:literal, |$text:ident| $body:expr) => {
        #[doc = $description]
        #[derive(Clone, ParseFilter, FilterReflection)]
        #[filter(name = $name, description = $description, parsed($parsed))]
        pub struct $plugin;

        #[derive(Debug, Default, Display_filter)]
        #[name = $name]
        struct $parsed;

        impl Filter for $parsed {
            fn evaluate(&self, input: &dyn ValueView, _runtime: &dyn Runtime) -> Result<Value> {
                let $text = input.to_kstr();
                $body
            }
        }
    };
}

fn decoded(bytes: std::result::Result<Vec<u8>, base64::DecodeError>) -> Result<Value> {
    let bytes = bytes.map_err(|e| liquid_core::Error::with_msg(format!("invalid base64: {e}")))?;
    String::from_utf8(bytes)
        .map(Value::scalar)
        .map_err(|_| liquid_core::Error::with_msg("base64 did not decode to UTF-8 text"))
}

base64_filter!(
    Base64Encode,
    Base64EncodeFilter,
    "base64_encode",
    "Encodes text as base64.",
    |text| Ok(Value::scalar(STANDARD.encode(text.as_bytes())))
);
base64_filter!(
    Base64Decode,
    Base64DecodeFilter,
    "base64_decode",
    "Decodes base64 text.",
    |text| decoded(STANDARD.decode(text.as_bytes()))
);
base64_filter!(
    Base64UrlSafeEncode,
    Base64UrlSafeEncodeFilter,
    "base64_url_safe_encode",
    "Encodes text as URL-safe base64.",
    |text| Ok(Value::scalar(URL_SAFE.encode(text.as_bytes())))
);
base64_filter!(
    Base64UrlSafeDecode,
    Base64UrlSafeDecodeFilter,
    "base64_url_safe_decode",
    "Decodes URL-safe base64 text.",
    |text| decoded(URL_SAFE.decode(text.as_bytes()))
);

/// HTML-escapes a value: nil stays nil; text without special characters is returned as is
/// (the common case, checked byte-wise before any copy).
pub(super) fn escape_value(input: &dyn ValueView) -> Value {
    if input.is_nil() {
        return Value::Nil;
    }
    let text = input.to_kstr();
    if !super::needs_html_escape(text.as_str()) {
        return Value::scalar(text.into_owned());
    }
    Value::scalar(super::escape_html(text.as_str()))
}

/// `escape`, as in Liquid (`<`, `>`, `&`, `"`, `'`), faster on text with nothing to escape.
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(name = "escape", description = "Escapes HTML.", parsed(EscapeFilter))]
pub struct Escape;

#[derive(Debug, Default, Display_filter)]
#[name = "escape"]
struct EscapeFilter;

impl Filter for EscapeFilter {
    fn evaluate(&self, input: &dyn ValueView, _runtime: &dyn Runtime) -> Result<Value> {
        Ok(escape_value(input))
    }
}

/// `h`: Shopify's alias of `escape`.
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "h",
    description = "Escapes HTML (alias of `escape`).",
    parsed(HFilter)
)]
pub struct H;

#[derive(Debug, Default, Display_filter)]
#[name = "h"]
struct HFilter;

impl Filter for HFilter {
    fn evaluate(&self, input: &dyn ValueView, _runtime: &dyn Runtime) -> Result<Value> {
        Ok(escape_value(input))
    }
}
