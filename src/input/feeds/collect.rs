//! What every adapter shares while reading: the validated options ([`Context`]), the warnings
//! (each once), and the [`Collector`] that checks each finished product (required fields, unique
//! ids, the item limit) and turns them into a [`FeedLoad`].

use std::collections::{HashMap, HashSet};

use super::draft::Draft;
use super::normalize::is_currency_code;
use super::{FeedFormat, FeedLoad, FeedOptions, MAX_FEED_ITEMS};
use crate::error::InputError;
use crate::input::catalog::RawProduct;
use crate::input::values::is_http_url;

/// Validated options every adapter reads.
pub(super) struct Context {
    /// Upper-case ISO 4217 code for prices without one.
    pub(super) currency: Option<String>,
    /// `https://shop.example` (no trailing slash).
    pub(super) shop_url: Option<String>,
}

impl Context {
    pub(super) fn new(options: &FeedOptions) -> Result<Self, InputError> {
        let currency = match options.currency.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(code) if is_currency_code(code) => Some(code.to_ascii_uppercase()),
            Some(code) => {
                return Err(InputError::invalid(
                    "$.options.currency",
                    format!("`{code}` is not an ISO 4217 currency code"),
                ));
            }
        };
        let shop_url = match options.shop_url.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(url) => {
                let url = if url.contains("://") {
                    url.to_string()
                } else {
                    format!("https://{url}")
                };
                if !is_http_url(&url) || !has_plain_host(&url) {
                    return Err(InputError::invalid(
                        "$.options.shopUrl",
                        format!("`{url}` is not an http(s) URL"),
                    ));
                }
                Some(url.trim_end_matches('/').to_string())
            }
        };
        Ok(Context { currency, shop_url })
    }
}

/// `https://shop.example[:8080][/path]`: a host of letters, digits, dots and dashes.
fn has_plain_host(url: &str) -> bool {
    let rest = url.split_once("://").map_or("", |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && port.is_none_or(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && !url.contains(char::is_whitespace)
}

/// Warnings, each key once, in the order first met; plus the names of fields that the format
/// defines but the catalog has no place for, summarized in one warning at the end.
#[derive(Default)]
pub(super) struct Warnings {
    seen: HashSet<String>,
    list: Vec<String>,
    unused: Vec<String>,
}

impl Warnings {
    /// Adds `message()` unless `key` was warned about already.
    pub(super) fn once(&mut self, key: &str, message: impl FnOnce() -> String) {
        if !self.seen.contains(key) {
            self.seen.insert(key.to_string());
            self.list.push(message());
        }
    }

    /// A field the feed's format defines that the catalog does not use.
    pub(super) fn unused(&mut self, name: &str) {
        let key = format!("unused:{name}");
        if !self.seen.contains(&key) {
            self.seen.insert(key);
            self.unused.push(format!("`{name}`"));
        }
    }

    /// An input name the catalog does not know: `kind` is `column`, `element` or `field`.
    pub(super) fn unknown(&mut self, kind: &str, name: &str) {
        self.once(&format!("unknown:{kind}:{name}"), || {
            format!("unknown {kind} `{name}` ignored")
        });
    }

    fn into_vec(mut self) -> Vec<String> {
        if !self.unused.is_empty() {
            self.list.push(format!(
                "not used by the catalog (no matching field): {}",
                self.unused.join(", ")
            ));
        }
        self.list
    }
}

/// Collects finished products: required fields, unique ids and the item limit.
pub(super) struct Collector {
    products: Vec<RawProduct>,
    ids: HashMap<String, usize>,
    pub(super) warnings: Warnings,
}

impl Collector {
    pub(super) fn new() -> Self {
        Collector {
            products: Vec::new(),
            ids: HashMap::new(),
            warnings: Warnings::default(),
        }
    }

    /// Errors when one more item would pass [`MAX_FEED_ITEMS`].
    pub(super) fn check_room(&self) -> Result<(), InputError> {
        if self.products.len() >= MAX_FEED_ITEMS {
            return Err(InputError::TooLarge {
                path: "feed".into(),
                message: format!("more than {MAX_FEED_ITEMS} items; the limit is {MAX_FEED_ITEMS}"),
            });
        }
        Ok(())
    }

    /// Adds one item; `at(field)` names where a field of this item is in the feed.
    pub(super) fn push(
        &mut self,
        draft: Draft,
        at: &dyn Fn(&str) -> String,
    ) -> Result<(), InputError> {
        self.check_room()?;
        let product = draft.finish(at)?;
        let id = product.id.clone().unwrap_or_default();
        if let Some(first) = self.ids.get(&id) {
            return Err(InputError::invalid(
                at("id"),
                format!("duplicate id `{id}` (first used by product {first})"),
            ));
        }
        self.ids.insert(id, self.products.len());
        self.products.push(product);
        Ok(())
    }

    pub(super) fn finish(self, format: FeedFormat) -> FeedLoad {
        let mut warnings = self.warnings.into_vec();
        if self.products.is_empty() {
            warnings.push("the feed has no products".into());
        }
        FeedLoad {
            products: self.products,
            format,
            warnings,
        }
    }
}
