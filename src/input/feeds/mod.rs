//! Catalog feeds in the formats brands export, turned into [`RawProduct`]s at the edge.
//!
//! Google Merchant Center XML (RSS 2.0 and Atom), tab- or comma-separated files with Merchant
//! Center headers, Content API for Shopping (and Merchant API) JSON, Shopify `products.json`,
//! and the plain JSON array the engine takes. [`parse_feed`] detects the format, reads every
//! item, checks what the engine requires (an id, a title, a readable positive price, unique ids)
//! and names the feed's own coordinates when something is wrong: `feed:<line>:<column>` for
//! delimited files, `feed:item[<i>]:<line>:<col>` for XML, a JSON path for JSON. Everything it
//! does not use is reported in `warnings`, each name once.

mod content_api;
mod delimited;
mod json;
mod shopify;
mod xml;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::catalog::{MAX_CATALOG_PRODUCTS, ProductDetail, RawProduct};
use super::values::{Money, is_http_url};
use crate::error::InputError;

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

/// Windows-1252's 0x80..0x9F (the rest of the byte range is Latin-1).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn decode(bytes: &[u8]) -> Result<(String, Option<String>), InputError> {
    let utf16 = |rest: &[u8], little: bool| -> Result<String, InputError> {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|pair| match pair {
                [a, b] if little => u16::from_le_bytes([*a, *b]),
                [a, b] => u16::from_be_bytes([*a, *b]),
                _ => 0,
            })
            .collect();
        String::from_utf16(&units)
            .map_err(|_| InputError::invalid("feed", "the feed is not valid UTF-16"))
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok((utf16(rest, true)?, None));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok((utf16(rest, false)?, None));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), None)),
        Err(err) => {
            let text = bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9F => CP1252_HIGH
                        .get(usize::from(b - 0x80))
                        .copied()
                        .unwrap_or('\u{fffd}'),
                    _ => char::from(b),
                })
                .collect();
            let warning = format!(
                "the feed is not UTF-8 (byte {}): read as Windows-1252",
                err.valid_up_to()
            );
            Ok((text, Some(warning)))
        }
    }
}

/// Validated options every adapter reads.
pub(super) struct Context {
    /// Upper-case ISO 4217 code for prices without one.
    pub(super) currency: Option<String>,
    /// `https://shop.example` (no trailing slash).
    pub(super) shop_url: Option<String>,
}

impl Context {
    fn new(options: &FeedOptions) -> Result<Self, InputError> {
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

pub(super) fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic())
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
    fn new() -> Self {
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

    fn finish(self, format: FeedFormat) -> FeedLoad {
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

/// The catalog attributes a feed can set, by Merchant Center name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Attr {
    Id,
    Title,
    Description,
    Link,
    ImageLink,
    AdditionalImageLink,
    Price,
    SalePrice,
    Availability,
    Stock,
    ProductType,
    GoogleProductCategory,
    ItemGroupId,
    Color,
    Size,
    Gender,
    Currency,
    CostOfGoodsSold,
    Tags,
    TaxonomyCategory,
    CustomLabel0,
    CustomLabel1,
    CustomLabel2,
    CustomLabel3,
    CustomLabel4,
    Material,
    Pattern,
    AgeGroup,
    ProductHighlight,
    ProductDetail,
}

impl Attr {
    /// The attribute for a canonical (snake_case) name.
    pub(super) fn from_name(name: &str) -> Option<Attr> {
        Some(match name {
            "id" => Attr::Id,
            "title" => Attr::Title,
            "description" => Attr::Description,
            "link" => Attr::Link,
            "image_link" => Attr::ImageLink,
            "additional_image_link" => Attr::AdditionalImageLink,
            "price" => Attr::Price,
            "sale_price" => Attr::SalePrice,
            "availability" => Attr::Availability,
            "stock" => Attr::Stock,
            "product_type" => Attr::ProductType,
            "google_product_category" => Attr::GoogleProductCategory,
            "item_group_id" => Attr::ItemGroupId,
            "color" => Attr::Color,
            "size" => Attr::Size,
            "gender" => Attr::Gender,
            "currency" => Attr::Currency,
            "cost_of_goods_sold" => Attr::CostOfGoodsSold,
            "tags" => Attr::Tags,
            "taxonomy_category" => Attr::TaxonomyCategory,
            "custom_label_0" => Attr::CustomLabel0,
            "custom_label_1" => Attr::CustomLabel1,
            "custom_label_2" => Attr::CustomLabel2,
            "custom_label_3" => Attr::CustomLabel3,
            "custom_label_4" => Attr::CustomLabel4,
            "material" => Attr::Material,
            "pattern" => Attr::Pattern,
            "age_group" => Attr::AgeGroup,
            "product_highlight" => Attr::ProductHighlight,
            "product_detail" => Attr::ProductDetail,
            _ => return None,
        })
    }

    /// The Merchant Center name.
    pub(super) fn name(self) -> &'static str {
        match self {
            Attr::Id => "id",
            Attr::Title => "title",
            Attr::Description => "description",
            Attr::Link => "link",
            Attr::ImageLink => "image_link",
            Attr::AdditionalImageLink => "additional_image_link",
            Attr::Price => "price",
            Attr::SalePrice => "sale_price",
            Attr::Availability => "availability",
            Attr::Stock => "stock",
            Attr::ProductType => "product_type",
            Attr::GoogleProductCategory => "google_product_category",
            Attr::ItemGroupId => "item_group_id",
            Attr::Color => "color",
            Attr::Size => "size",
            Attr::Gender => "gender",
            Attr::Currency => "currency",
            Attr::CostOfGoodsSold => "cost_of_goods_sold",
            Attr::Tags => "tags",
            Attr::TaxonomyCategory => "taxonomy_category",
            Attr::CustomLabel0 => "custom_label_0",
            Attr::CustomLabel1 => "custom_label_1",
            Attr::CustomLabel2 => "custom_label_2",
            Attr::CustomLabel3 => "custom_label_3",
            Attr::CustomLabel4 => "custom_label_4",
            Attr::Material => "material",
            Attr::Pattern => "pattern",
            Attr::AgeGroup => "age_group",
            Attr::ProductHighlight => "product_highlight",
            Attr::ProductDetail => "product_detail",
        }
    }

    fn bit(self) -> u64 {
        1u64 << (self as u32)
    }
}

/// Merchant Center attributes (snake_case) that the catalog has no field for: reported once,
/// together, instead of one "unknown" warning each.
const MERCHANT_CENTER_UNUSED: &[&str] = &[
    "brand",
    "gtin",
    "mpn",
    "condition",
    "identifier_exists",
    "adult",
    "mobile_link",
    "canonical_link",
    "lifestyle_image_link",
    "availability_date",
    "expiration_date",
    "sale_price_effective_date",
    "unit_pricing_measure",
    "unit_pricing_base_measure",
    "installment",
    "subscription_cost",
    "loyalty_points",
    "multipack",
    "is_bundle",
    "certification",
    "energy_efficiency_class",
    "min_energy_efficiency_class",
    "max_energy_efficiency_class",
    "size_type",
    "size_system",
    "sizes",
    "product_types",
    "product_length",
    "product_width",
    "product_height",
    "product_weight",
    "shipping",
    "shipping_label",
    "shipping_weight",
    "shipping_length",
    "shipping_width",
    "shipping_height",
    "ships_from_country",
    "max_handling_time",
    "min_handling_time",
    "transit_time_label",
    "tax",
    "tax_category",
    "ads_redirect",
    "ads_grouping",
    "ads_labels",
    "promotion_id",
    "excluded_destination",
    "included_destination",
    "shopping_ads_excluded_country",
    "pause",
    "short_title",
    "external_seller_id",
    "disclosure_date",
    "custom_attribute",
    "custom_attributes",
];

/// True for a Merchant Center attribute the catalog deliberately does not use.
pub(super) fn is_unused_merchant_attribute(name: &str) -> bool {
    MERCHANT_CENTER_UNUSED.contains(&name)
}

/// Canonical attribute name: `Item Group ID`, `item-group-id`, `g:item_group_id` and
/// `itemGroupId` all become `item_group_id`.
pub(super) fn canonical_name(raw: &str) -> String {
    let raw = raw.trim();
    let raw = raw.strip_prefix("g:").unwrap_or(raw);
    // Fast path: already canonical (`price`, `image_link`): most names of an XML feed.
    let simple = raw
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if simple
        && !raw.starts_with('_')
        && !raw.ends_with('_')
        && !raw.contains("__")
        && !raw.starts_with("custom_label")
    {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len() + 4);
    let mut prev: Option<char> = None;
    for c in raw.chars() {
        let boundary = match prev {
            Some(p) if c.is_ascii_uppercase() => p.is_ascii_lowercase() || p.is_ascii_digit(),
            Some(p) if c.is_ascii_digit() => p.is_ascii_alphabetic(),
            _ => false,
        };
        if c == ' ' || c == '-' || c == '_' || c == '.' {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
        } else {
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
        prev = Some(c);
    }
    while out.ends_with('_') {
        out.pop();
    }
    // `custom_label_0` splits its digit; every other attribute keeps digits attached.
    match out.as_str() {
        "custom_label0" | "custom_label1" | "custom_label2" | "custom_label3" | "custom_label4" => {
            let digit = out.split_off(out.len().saturating_sub(1));
            format!("{out}_{digit}")
        }
        _ => out,
    }
}

/// The parts of a `product_detail` text value, in the order a header declares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DetailPart {
    Section,
    Attribute,
    Value,
}

/// Merchant Center's default `product_detail` order: `section:attribute:value`.
pub(super) const DETAIL_ORDER: [DetailPart; 3] = [
    DetailPart::Section,
    DetailPart::Attribute,
    DetailPart::Value,
];

/// How one value is applied to a [`Draft`].
pub(super) struct Apply<'a> {
    /// From a text feed: repeated attributes may hold several comma-separated values.
    pub(super) split: bool,
    /// A `g:` element: it beats the same attribute given as a plain RSS/Atom element.
    pub(super) strong: bool,
    /// For prices without a currency code.
    pub(super) currency: Option<&'a str>,
    /// For `product_detail` text values.
    pub(super) detail_order: &'a [DetailPart],
}

/// What applying a value did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Applied {
    /// Set, appended, or empty (nothing to do).
    Done,
    /// A single-valued attribute that was already set: the first value is kept.
    Repeated,
}

/// A product being read.
#[derive(Debug, Default)]
pub(super) struct Draft {
    pub(super) product: RawProduct,
    extra_images: Vec<String>,
    set: u64,
    strong: u64,
}

impl Draft {
    /// Applies one text value of `attr`; `Err` is the message for the caller's path.
    pub(super) fn apply(
        &mut self,
        attr: Attr,
        value: &str,
        how: &Apply<'_>,
    ) -> Result<Applied, String> {
        let value = value.trim();
        if value.is_empty() {
            return Ok(Applied::Done);
        }
        let p = &mut self.product;
        match attr {
            Attr::Tags => {
                p.tags.extend(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(String::from),
                );
                return Ok(Applied::Done);
            }
            Attr::ProductHighlight => {
                if how.split {
                    p.product_highlight.extend(split_repeated(value));
                } else {
                    p.product_highlight.push(value.to_string());
                }
                return Ok(Applied::Done);
            }
            Attr::AdditionalImageLink => {
                if how.split {
                    self.extra_images.extend(split_repeated(value));
                } else {
                    self.extra_images.push(value.to_string());
                }
                return Ok(Applied::Done);
            }
            Attr::ProductDetail => {
                let entries = if how.split {
                    split_repeated(value)
                } else {
                    vec![value.to_string()]
                };
                for entry in entries {
                    p.product_detail
                        .push(detail_from_text(&entry, how.detail_order)?);
                }
                return Ok(Applied::Done);
            }
            _ => {}
        }
        if self.set & attr.bit() != 0 && !(how.strong && self.strong & attr.bit() == 0) {
            return Ok(Applied::Repeated);
        }
        let text = || Some(value.to_string());
        match attr {
            Attr::Id => p.id = text(),
            Attr::Title => p.title = text(),
            Attr::Description => p.description = text(),
            Attr::Link => p.link = text(),
            Attr::ImageLink => p.image_link = text(),
            Attr::Price => p.price = Some(money(value, how.currency)?),
            Attr::SalePrice => p.sale_price = Some(money(value, how.currency)?),
            Attr::CostOfGoodsSold => p.cost_of_goods_sold = Some(money(value, how.currency)?),
            Attr::Availability => p.availability = text(),
            Attr::Stock => {
                let stock = value
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite())
                    .ok_or_else(|| format!("stock `{value}` is not a number"))?;
                p.stock = Some(stock);
            }
            Attr::ProductType => p.product_type = Some(first_category_path(value, how.split)),
            Attr::GoogleProductCategory => p.google_product_category = text(),
            Attr::ItemGroupId => p.item_group_id = text(),
            Attr::Color => p.color = text(),
            Attr::Size => p.size = text(),
            Attr::Gender => p.gender = text(),
            Attr::Currency => {
                if !is_currency_code(value) {
                    return Err(format!("`{value}` is not an ISO 4217 currency code"));
                }
                p.currency = Some(value.to_ascii_uppercase());
            }
            Attr::TaxonomyCategory => p.taxonomy_category = text(),
            Attr::CustomLabel0 => p.custom_label_0 = text(),
            Attr::CustomLabel1 => p.custom_label_1 = text(),
            Attr::CustomLabel2 => p.custom_label_2 = text(),
            Attr::CustomLabel3 => p.custom_label_3 = text(),
            Attr::CustomLabel4 => p.custom_label_4 = text(),
            Attr::Material => p.material = text(),
            Attr::Pattern => p.pattern = text(),
            Attr::AgeGroup => p.age_group = text(),
            Attr::Tags
            | Attr::ProductHighlight
            | Attr::AdditionalImageLink
            | Attr::ProductDetail => {}
        }
        self.set |= attr.bit();
        if how.strong {
            self.strong |= attr.bit();
        }
        Ok(Applied::Done)
    }

    /// Adds a `product_detail` read from structured input (XML children, JSON objects).
    pub(super) fn add_detail(
        &mut self,
        section: Option<&str>,
        attribute: &str,
        value: &str,
    ) -> Result<(), String> {
        self.product
            .product_detail
            .push(make_detail(section, attribute, value)?);
        Ok(())
    }

    /// Checks what the engine requires; the first additional image stands in for a missing
    /// `image_link`.
    fn finish(mut self, at: &dyn Fn(&str) -> String) -> Result<RawProduct, InputError> {
        let p = &mut self.product;
        if p.image_link.is_none() {
            p.image_link = self.extra_images.into_iter().find(|l| !l.trim().is_empty());
        }
        let missing = |field: &str| InputError::invalid(at(field), format!("missing {field}"));
        if p.id.as_deref().is_none_or(|s| s.trim().is_empty()) {
            return Err(missing("id"));
        }
        if p.title.as_deref().is_none_or(|s| s.trim().is_empty()) {
            return Err(missing("title"));
        }
        match p.price.as_ref().map(Money::to_minor) {
            None => return Err(missing("price")),
            Some(None) => return Err(InputError::invalid(at("price"), "unreadable price")),
            Some(Some((minor, _))) if minor <= 0 => {
                return Err(InputError::invalid(at("price"), "price must be positive"));
            }
            Some(Some(_)) => {}
        }
        Ok(self.product)
    }
}

fn make_detail(
    section: Option<&str>,
    attribute: &str,
    value: &str,
) -> Result<ProductDetail, String> {
    let (attribute, value) = (attribute.trim(), value.trim());
    if attribute.is_empty() || value.is_empty() {
        return Err("product_detail needs an attribute name and a value".into());
    }
    Ok(ProductDetail {
        section_name: section
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from),
        attribute_name: attribute.to_string(),
        attribute_value: value.to_string(),
    })
}

/// One `product_detail` in Merchant Center's text syntax (`section:attribute:value`, or the
/// order a header declares). The last part keeps any further colons (`Display:Ratio:16:9`).
fn detail_from_text(entry: &str, order: &[DetailPart]) -> Result<ProductDetail, String> {
    let parts: Vec<&str> = entry.splitn(order.len().max(1), ':').collect();
    let order: &[DetailPart] = if parts.len() == 2 && order == DETAIL_ORDER {
        &[DetailPart::Attribute, DetailPart::Value]
    } else {
        order
    };
    if parts.len() != order.len() {
        return Err(format!(
            "product_detail `{entry}` is not `section:attribute:value`"
        ));
    }
    let get = |part: DetailPart| {
        order
            .iter()
            .position(|&p| p == part)
            .and_then(|i| parts.get(i).copied())
    };
    make_detail(
        get(DetailPart::Section),
        get(DetailPart::Attribute).unwrap_or(""),
        get(DetailPart::Value).unwrap_or(""),
    )
    .map_err(|_| format!("product_detail `{entry}` is not `section:attribute:value`"))
}

/// Splits a repeated attribute's text value on commas outside double quotes
/// (`"a, b", c` is `a, b` and `c`), as Merchant Center's text feeds do.
pub(super) fn split_repeated(value: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                current.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => parts.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    parts.push(current);
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The first of several `product_type` paths. A text feed may list several separated by
/// commas; a comma inside one path (`Tops, Tees`) is kept when not every part is a path.
fn first_category_path(value: &str, split: bool) -> String {
    if split {
        let parts = split_repeated(value);
        if parts.len() > 1 && parts.iter().all(|p| p.contains('>')) {
            if let Some(first) = parts.into_iter().next() {
                return first;
            }
        }
    }
    value.trim_matches('"').trim().to_string()
}

/// A price in any spelling feeds use, as Merchant Center text (`"1234.50 EUR"`):
/// `68.00 USD`, `USD 68.00`, `68,00 EUR`, `1.234,50 EUR`, `1,234.50`, `€68`, `68.00USD`.
pub(super) fn money(raw: &str, default_currency: Option<&str>) -> Result<Money, String> {
    let unreadable = || format!("unreadable price `{}`", raw.trim());
    let text = raw.trim();
    let (mut amount, mut code) = (String::new(), None::<String>);
    let mut letters = String::new();
    for c in text.chars() {
        match c {
            '0'..='9' | '.' | ',' | '-' | '+' => amount.push(c),
            ' ' | '\u{a0}' | '\u{202f}' | '\'' | '\t' => {}
            '€' => code = Some("EUR".into()),
            '£' => code = Some("GBP".into()),
            '$' | '¥' => {}
            c if c.is_ascii_alphabetic() => letters.push(c),
            _ => return Err(unreadable()),
        }
    }
    if !letters.is_empty() {
        if !is_currency_code(&letters) {
            return Err(unreadable());
        }
        code = Some(letters.to_ascii_uppercase());
    }
    let canonical = canonical_amount(&amount).ok_or_else(unreadable)?;
    let value: f64 = canonical.parse().map_err(|_| unreadable())?;
    if !value.is_finite() || value.abs() > 1e12 {
        return Err(unreadable());
    }
    amount = canonical;
    let code = code.or_else(|| default_currency.map(str::to_string));
    Ok(Money::Text(match code {
        Some(code) => format!("{amount} {code}"),
        None => amount,
    }))
}

/// `1.234,50` and `1,234.50` -> `1234.50`; `68,5` -> `68.5`; `1,234` -> `1234`.
fn canonical_amount(amount: &str) -> Option<String> {
    let (sign, digits) = match amount.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", amount.strip_prefix('+').unwrap_or(amount)),
    };
    if digits.is_empty() || digits.contains(['-', '+']) {
        return None;
    }
    let last_dot = digits.rfind('.');
    let last_comma = digits.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(_), None) => (digits.matches('.').count() == 1).then_some('.'),
        (None, Some(c)) => {
            let after = digits.len() - c - 1;
            (digits.matches(',').count() == 1 && after != 3).then_some(',')
        }
        (None, None) => None,
    };
    // Thousands groups (`1.234.567`) are three digits after the first one to three.
    let whole_part = match decimal {
        Some(d) => digits.rsplit_once(d).map_or(digits, |(w, _)| w),
        None => digits,
    };
    let groups: Vec<&str> = whole_part.split(['.', ',']).collect();
    if groups.len() > 1
        && groups.iter().enumerate().any(|(i, g)| {
            !g.chars().all(|c| c.is_ascii_digit())
                || if i == 0 {
                    g.is_empty() || g.len() > 3
                } else {
                    g.len() != 3
                }
        })
    {
        return None;
    }
    let mut out = String::from(sign);
    let mut seen_decimal = false;
    for c in digits.chars() {
        if Some(c) == decimal {
            if seen_decimal {
                return None;
            }
            seen_decimal = true;
            out.push('.');
        } else if c.is_ascii_digit() {
            out.push(c);
        }
    }
    let whole = out.trim_start_matches('-');
    (!whole.is_empty() && whole != ".").then_some(out)
}

/// Line and column (1-based, in characters) of a byte offset.
pub(super) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(..end).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_names() {
        for raw in [
            "Item Group ID",
            "item group id",
            "item_group_id",
            "g:item_group_id",
            "itemGroupId",
            "item-group-id",
        ] {
            assert_eq!(canonical_name(raw), "item_group_id", "{raw}");
        }
        assert_eq!(canonical_name("customLabel0"), "custom_label_0");
        assert_eq!(canonical_name("Custom Label 3"), "custom_label_3");
        assert_eq!(canonical_name("ID"), "id");
        assert_eq!(canonical_name("imageLink"), "image_link");
    }

    #[test]
    fn prices_in_every_spelling() {
        let m = |raw: &str| money(raw, None).ok();
        assert_eq!(m("68.00 USD"), Some(Money::Text("68.00 USD".into())));
        assert_eq!(m("USD 68.00"), Some(Money::Text("68.00 USD".into())));
        assert_eq!(m("68,00 EUR"), Some(Money::Text("68.00 EUR".into())));
        assert_eq!(m("1.234,50 EUR"), Some(Money::Text("1234.50 EUR".into())));
        assert_eq!(m("1,234.50"), Some(Money::Text("1234.50".into())));
        assert_eq!(m("1 234,50 €"), Some(Money::Text("1234.50 EUR".into())));
        assert_eq!(m("68.00usd"), Some(Money::Text("68.00 USD".into())));
        assert_eq!(m("$68"), Some(Money::Text("68".into())));
        assert_eq!(
            money("68", Some("CAD")).ok(),
            Some(Money::Text("68 CAD".into()))
        );
        assert_eq!(m("abc"), None);
        assert_eq!(m("12.34.56.7,8"), None);
        assert_eq!(m("68 dollars"), None);
        assert_eq!(m(""), None);
    }

    #[test]
    fn repeated_values_split_outside_quotes() {
        assert_eq!(
            split_repeated(r#""Soft, brushed", Four-way stretch ,"He said ""hi""""#),
            vec!["Soft, brushed", "Four-way stretch", r#"He said "hi""#]
        );
        assert_eq!(
            first_category_path("Women > Tops, Tees", true),
            "Women > Tops, Tees"
        );
        assert_eq!(
            first_category_path("Women > Tops, Men > Tops", true),
            "Women > Tops"
        );
    }

    #[test]
    fn details_in_text_syntax() {
        let d = detail_from_text("Display:Aspect ratio:16:9", &DETAIL_ORDER).ok();
        assert_eq!(
            d,
            Some(ProductDetail {
                section_name: Some("Display".into()),
                attribute_name: "Aspect ratio".into(),
                attribute_value: "16:9".into(),
            })
        );
        let d = detail_from_text("Fabric:recycled nylon", &DETAIL_ORDER).ok();
        assert_eq!(d.map(|d| d.section_name), Some(None));
        assert!(detail_from_text("nothing", &DETAIL_ORDER).is_err());
    }

    #[test]
    fn decodes_utf16_and_windows_1252() {
        let (text, warning) = decode(&[0xFF, 0xFE, b'i', 0, b'd', 0]).unwrap_or_default();
        assert_eq!((text.as_str(), warning), ("id", None));
        let (text, warning) = decode(b"caf\xe9 \x80").unwrap_or_default();
        assert_eq!(text, "café €");
        assert!(warning.is_some());
    }

    #[test]
    fn line_and_column_of_an_offset() {
        assert_eq!(line_col("ab\ncdé\nf", 7), (2, 4));
        assert_eq!(line_col("ab", 99), (1, 3));
    }
}
