//! Catalog feeds in the formats brands export, turned into [`RawProduct`]s at the edge.
//!
//! Google Merchant Center XML (RSS 2.0 and Atom), tab- or comma-separated files with Merchant
//! Center headers, Content API for Shopping (and Merchant API) JSON, Shopify `products.json`,
//! and the plain JSON array the engine takes. [`parse_feed`] detects the format, reads every
//! item, checks what the engine requires (an id, a title, a readable positive price, unique ids)
//! and names the feed's own coordinates when something is wrong: `feed:<line>:<column>` for
//! delimited files, `feed:item[<i>]:<line>:<col>` for XML, a JSON path for JSON. Everything it
//! does not use is reported in `warnings`, each name once.
//!
//! The entry points and the types of the public API live here; the rest is split by concern:
//! `text` (bytes to text, offsets to positions), `collect` (validated options, warnings and the
//! collector every adapter fills), `attr` (Merchant Center attribute names), `draft` (one product
//! being read) and `normalize` (prices, repeated values and `product_detail` text), with one
//! file per format.

mod attr;
mod collect;
mod content_api;
mod delimited;
mod draft;
mod json;
mod normalize;
mod shopify;
#[cfg(test)]
mod tests;
mod text;
mod xml;

use serde::{Deserialize, Serialize};

use super::catalog::{MAX_CATALOG_PRODUCTS, RawProduct};
use crate::error::InputError;
use attr::{Attr, canonical_name, is_unused_merchant_attribute};
use collect::{Collector, Context};
use draft::{Applied, Apply, Draft};
pub(super) use normalize::money;
use normalize::{DETAIL_ORDER, DetailPart};
use text::{decode, line_col};

/// Largest feed read, in bytes (UTF-8).
pub const MAX_FEED_BYTES: usize = 64 * 1024 * 1024;
/// Most items (rows, entries, variants) read from one feed: the catalog's own limit.
pub const MAX_FEED_ITEMS: usize = MAX_CATALOG_PRODUCTS;
/// Deepest XML element nesting read.
pub const MAX_XML_DEPTH: usize = 32;

/// The format of a catalog feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum FeedFormat {
    /// Detect from the text (the default).
    #[default]
    Auto,
    /// Merchant Center XML: RSS 2.0 (`<rss><channel><item>`) or Atom (`<feed><entry>`).
    #[serde(alias = "xml")]
    MerchantXml,
    /// Tab-separated (Merchant Center's text upload) or comma/semicolon-separated.
    #[serde(alias = "tsv", alias = "csv")]
    Delimited,
    /// Content API for Shopping `products.list` (`{ "resources": [..] }`) or Merchant API.
    ContentApi,
    /// Shopify `products.json` (one product per variant).
    Shopify,
    /// A JSON array of products in Merchant Center attribute names (what `catalog` takes).
    Json,
}

/// How to read a feed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase")]
pub struct FeedOptions {
    /// The format; detected when absent.
    #[cfg_attr(test, ts(as = "Option<FeedFormat>", optional))]
    pub format: FeedFormat,
    /// The shop's base URL (`https://shop.example` or `shop.example`), for Shopify product
    /// links: `{shopUrl}/products/{handle}?variant={id}`.
    #[cfg_attr(test, ts(optional))]
    pub shop_url: Option<String>,
    /// ISO 4217 code for prices that carry none (Shopify prices never do).
    #[cfg_attr(test, ts(optional))]
    pub currency: Option<String>,
}

/// A feed read into catalog products.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FeedLoad {
    /// The products, in feed order: `new Personalizer({ catalog: products })`.
    pub products: Vec<RawProduct>,
    /// The format read (the detected one when `Auto` was asked).
    pub format: FeedFormat,
    /// What was not used or was repaired: each unknown column, element or field once.
    pub warnings: Vec<String>,
}

/// Reads a catalog feed (see the module docs for the formats and error paths).
pub fn parse_feed(text: &str, options: &FeedOptions) -> Result<FeedLoad, InputError> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let context = Context::new(options)?;
    let mut out = Collector::new();
    let first = text.trim_start().chars().next();
    if first.is_none() {
        return Err(InputError::invalid("feed", "the feed is empty"));
    }
    let format = match options.format {
        FeedFormat::Auto if first == Some('<') => FeedFormat::MerchantXml,
        FeedFormat::Auto if matches!(first, Some('{' | '[')) => {
            let value = json::parse_value(text)?;
            let format = json::detect(&value);
            read_json(format, &value, &context, &mut out)?;
            return Ok(out.finish(format));
        }
        FeedFormat::Auto => FeedFormat::Delimited,
        explicit => explicit,
    };
    match format {
        FeedFormat::MerchantXml => xml::parse(text, &context, &mut out)?,
        FeedFormat::ContentApi | FeedFormat::Shopify | FeedFormat::Json => {
            let value = json::parse_value(text)?;
            read_json(format, &value, &context, &mut out)?;
        }
        FeedFormat::Delimited | FeedFormat::Auto => delimited::parse(text, &context, &mut out)?,
    }
    Ok(out.finish(format))
}

/// Reads a feed given as bytes: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's
/// "Unicode text"), or else Windows-1252 (with a warning).
pub fn parse_feed_bytes(bytes: &[u8], options: &FeedOptions) -> Result<FeedLoad, InputError> {
    check_size(bytes.len())?;
    let (text, warning) = decode(bytes)?;
    let mut load = parse_feed(&text, options)?;
    if let Some(warning) = warning {
        load.warnings.insert(0, warning);
    }
    Ok(load)
}

fn read_json(
    format: FeedFormat,
    value: &serde_json::Value,
    context: &Context,
    out: &mut Collector,
) -> Result<(), InputError> {
    match format {
        FeedFormat::Shopify => shopify::read(value, context, out),
        FeedFormat::ContentApi => content_api::read(value, context, out),
        _ => json::read(value, context, out),
    }
}

fn check_size(bytes: usize) -> Result<(), InputError> {
    if bytes > MAX_FEED_BYTES {
        return Err(InputError::TooLarge {
            path: "feed".into(),
            message: format!("the feed is {bytes} bytes; the limit is {MAX_FEED_BYTES} (64 MiB)"),
        });
    }
    Ok(())
}
