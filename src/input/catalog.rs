//! Catalog products: Google Merchant Center attributes in, validated [`Product`]s out.
//!
//! Validation only; [`super::Catalog`] indexes the validated products.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::values::Money;
use super::vocab::FnvMap;
use crate::error::InputError;
use crate::facets::text::path_levels;
use crate::facets::{Lexicon, ProductFacet, ProductText, product_facets};

/// A product as the host sends it, in Merchant Center attribute names (camelCase accepted too).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "CatalogProduct"))]
#[serde(default)]
pub struct RawProduct {
    /// Unique product id (`id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Product name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Long description.
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Product page URL.
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Main image URL (http or https; anything else is dropped).
    #[serde(alias = "imageLink")]
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_link: Option<String>,
    /// Regular price: `"68.00 USD"` or a number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<Money>,
    /// Sale price, when on sale.
    #[serde(alias = "salePrice")]
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sale_price: Option<Money>,
    /// `in_stock` (default), `out_of_stock`, `preorder`, `backorder`.
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability: Option<String>,
    /// Units in stock (an extension; Merchant Center has none): 0 means unavailable.
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stock: Option<f64>,
    /// The brand's own category path: `"Women > Leggings > High-rise"`.
    #[serde(alias = "productType")]
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_type: Option<String>,
    /// Google's taxonomy path or id.
    #[serde(alias = "googleProductCategory")]
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub google_product_category: Option<String>,
    /// Variants of one product (sizes, colours) share it.
    #[serde(alias = "itemGroupId")]
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_group_id: Option<String>,
    /// Colour name.
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Size label.
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// `female`, `male`, `unisex`.
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// ISO 4217 code when `price` is a plain number (default: the campaign currency).
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Merchant Center's cost of goods sold: with the price it gives the margin hint.
    #[serde(alias = "costOfGoodsSold")]
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_of_goods_sold: Option<Money>,
    /// The store's own tags (Shopify `tags`, or any free words); one more facet source.
    #[cfg_attr(test, ts(as = "Option<Vec<String>>", optional))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Shopify's standard product taxonomy category (a path or a `gid://shopify/TaxonomyCategory/..`).
    #[serde(alias = "taxonomyCategory")]
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taxonomy_category: Option<String>,
    /// Merchant Center `custom_label_0` .. `custom_label_4`: the brand's own groupings.
    #[serde(alias = "customLabel0")]
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_label_0: Option<String>,
    /// `custom_label_1`.
    #[serde(alias = "customLabel1")]
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_label_1: Option<String>,
    /// `custom_label_2`.
    #[serde(alias = "customLabel2")]
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_label_2: Option<String>,
    /// `custom_label_3`.
    #[serde(alias = "customLabel3")]
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_label_3: Option<String>,
    /// `custom_label_4`.
    #[serde(alias = "customLabel4")]
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_label_4: Option<String>,
    /// Fabric (`"recycled nylon/elastane"`).
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub material: Option<String>,
    /// Pattern (`"ribbed"`, `"camo"`).
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// `newborn` .. `adult`.
    #[serde(alias = "ageGroup")]
    #[cfg_attr(test, ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_group: Option<String>,
    /// Merchant Center `product_highlight` lines.
    #[serde(alias = "productHighlight")]
    #[cfg_attr(test, ts(as = "Option<Vec<String>>", optional))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub product_highlight: Vec<String>,
    /// Merchant Center `product_detail` entries (section, attribute, value).
    #[serde(alias = "productDetail")]
    #[cfg_attr(test, ts(as = "Option<Vec<ProductDetail>>", optional))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub product_detail: Vec<ProductDetail>,
}

/// One Merchant Center `product_detail`: `{ section_name, attribute_name, attribute_value }`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default)]
pub struct ProductDetail {
    /// Section heading (`"General"`).
    #[serde(alias = "sectionName", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub section_name: Option<String>,
    /// Attribute name (`"Fabric feel"`).
    #[serde(alias = "attributeName")]
    pub attribute_name: String,
    /// Attribute value (`"brushed, buttery-soft"`).
    #[serde(alias = "attributeValue")]
    pub attribute_value: String,
}

/// Whether a product can be sold now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Availability {
    /// Sellable now.
    InStock,
    /// Not sellable.
    OutOfStock,
    /// Can be ordered before release.
    Preorder,
    /// Can be ordered, ships later.
    Backorder,
}

/// A validated product with prices in minor units and normalized tags and categories.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Product {
    /// Unique id.
    pub id: String,
    /// Name.
    pub title: String,
    /// Description ("" when absent).
    pub description: String,
    /// Product page URL ("" when absent).
    pub link: String,
    /// Image URL; products without one are never the hero.
    pub image_link: Option<String>,
    /// Regular price in minor units.
    pub price_minor: i64,
    /// Sale price in minor units, only when below the regular price.
    pub sale_price_minor: Option<i64>,
    /// ISO 4217 code.
    pub currency: String,
    /// Availability.
    pub availability: Availability,
    /// Category path levels, lower-cased: `["women", "leggings", "high-rise"]`.
    pub categories: Vec<String>,
    /// Google taxonomy as sent.
    pub google_product_category: Option<String>,
    /// Variant group (the product id when absent).
    pub item_group_id: String,
    /// Colour.
    pub color: Option<String>,
    /// Size.
    pub size: Option<String>,
    /// Gender, lower-cased.
    pub gender: Option<String>,
    /// Tags, lower-cased, sorted, unique.
    pub tags: Vec<String>,
    /// Units in stock, when the feed says.
    pub stock: Option<i64>,
    /// (price - cost) / price, when the feed gives a cost of goods sold.
    pub margin: Option<f64>,
    /// What the catalog understanding made of it, each facet with its evidence.
    pub facets: Vec<ProductFacet>,
}

impl Product {
    /// Price the customer pays now.
    pub fn effective_price_minor(&self) -> i64 {
        self.sale_price_minor.unwrap_or(self.price_minor)
    }

    /// Can be shown as something to buy now.
    pub fn is_available(&self) -> bool {
        self.availability != Availability::OutOfStock
    }

    /// The most specific category level (`"leggings"` for `women > leggings`).
    pub fn leaf_category(&self) -> Option<&str> {
        // NOTE: level 2 when present: level 1 is usually the department (women / men).
        self.categories
            .get(1)
            .or_else(|| self.categories.first())
            .map(String::as_str)
    }
}

/// Limits on catalog input.
pub const MAX_CATALOG_PRODUCTS: usize = 50_000;

fn availability_of(text: Option<&str>, stock: Option<f64>) -> Availability {
    if matches!(stock, Some(s) if s <= 0.0) {
        return Availability::OutOfStock;
    }
    match text
        .map(|t| t.trim().to_ascii_lowercase().replace(' ', "_"))
        .as_deref()
    {
        Some("out_of_stock") | Some("discontinued") => Availability::OutOfStock,
        Some("preorder") => Availability::Preorder,
        Some("backorder") => Availability::Backorder,
        _ => Availability::InStock,
    }
}

/// Largest id, title, colour, size or product type (bytes; Merchant Center allows 150
/// characters of title).
const MAX_TITLE_BYTES: usize = 1_000;
/// Largest description (bytes; Merchant Center allows 5,000 characters).
const MAX_TEXT_BYTES: usize = 64 * 1024;
/// Largest link or image link (bytes; Merchant Center allows 2,000 characters).
const MAX_LINK_BYTES: usize = 8 * 1024;

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl RawProduct {
    /// Validates one product; `path` is its JSON path for errors.
    pub(super) fn validate(
        self,
        path: &str,
        default_currency: &str,
        lexicon: &Lexicon,
        cache: &mut FnvMap<String, Vec<ProductFacet>>,
    ) -> Result<Product, InputError> {
        // Text that reaches every email is bounded here, where the path names the field: one
        // feed row with a megabyte title would otherwise fail every render at a copy template.
        for (field, value, limit) in [
            ("id", &self.id, MAX_TITLE_BYTES),
            ("title", &self.title, MAX_TITLE_BYTES),
            ("description", &self.description, MAX_TEXT_BYTES),
            ("link", &self.link, MAX_LINK_BYTES),
            ("image_link", &self.image_link, MAX_LINK_BYTES),
            ("color", &self.color, MAX_TITLE_BYTES),
            ("size", &self.size, MAX_TITLE_BYTES),
            ("product_type", &self.product_type, MAX_TITLE_BYTES),
        ] {
            let len = value.as_deref().map_or(0, str::len);
            if len > limit {
                return Err(InputError::TooLarge {
                    path: format!("{path}.{field}"),
                    message: format!("{field} is {len} bytes; the limit is {limit}"),
                });
            }
        }
        let id = non_empty(self.id)
            .ok_or_else(|| InputError::invalid(format!("{path}.id"), "missing product id"))?;
        let title = non_empty(self.title)
            .ok_or_else(|| InputError::invalid(format!("{path}.title"), "missing product title"))?;
        let (price_minor, price_currency) = self
            .price
            .as_ref()
            .and_then(Money::to_minor)
            .ok_or_else(|| {
                InputError::invalid(format!("{path}.price"), "missing or unreadable price")
            })?;
        if price_minor <= 0 {
            return Err(InputError::invalid(
                format!("{path}.price"),
                "price must be positive",
            ));
        }
        let sale_price_minor = self
            .sale_price
            .as_ref()
            .and_then(Money::to_minor)
            .map(|(minor, _)| minor)
            .filter(|&sale| sale > 0 && sale < price_minor);
        let categories = path_levels(self.product_type.as_deref().unwrap_or(""));
        let details: Vec<String> = self
            .product_detail
            .iter()
            .map(|d| format!("{}: {}", d.attribute_name, d.attribute_value))
            .collect();
        let text = ProductText {
            product_type: self.product_type.as_deref(),
            title: &title,
            google_category: self.google_product_category.as_deref(),
            taxonomy_category: self.taxonomy_category.as_deref(),
            tags: &self.tags,
            labels: [
                self.custom_label_0.as_deref(),
                self.custom_label_1.as_deref(),
                self.custom_label_2.as_deref(),
                self.custom_label_3.as_deref(),
                self.custom_label_4.as_deref(),
            ],
            description: self.description.as_deref().unwrap_or(""),
            highlights: &self.product_highlight,
            details: &details,
            material: self.material.as_deref(),
            pattern: self.pattern.as_deref(),
        };
        // Variants in other sizes repeat their text: understood once per distinct text.
        let key = text.fingerprint();
        let facets = match cache.get(&key) {
            Some(facets) => facets.clone(),
            None => {
                let facets = product_facets(&text, lexicon);
                cache.insert(key, facets.clone());
                facets
            }
        };
        let tags: BTreeSet<String> = self
            .tags
            .iter()
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty())
            .collect();
        Ok(Product {
            item_group_id: non_empty(self.item_group_id).unwrap_or_else(|| id.clone()),
            id,
            title,
            description: non_empty(self.description).unwrap_or_default(),
            link: non_empty(self.link).unwrap_or_default(),
            // Only http(s) images: a `javascript:` or `data:` link in a feed is no image at all.
            image_link: non_empty(self.image_link).filter(|l| super::is_http_url(l)),
            price_minor,
            sale_price_minor,
            currency: non_empty(self.currency)
                .or(price_currency)
                .unwrap_or_else(|| default_currency.to_string())
                .to_ascii_uppercase(),
            availability: availability_of(self.availability.as_deref(), self.stock),
            categories,
            google_product_category: non_empty(self.google_product_category),
            color: non_empty(self.color),
            size: non_empty(self.size),
            gender: non_empty(self.gender).map(|g| g.to_lowercase()),
            tags: tags.into_iter().collect(),
            stock: self
                .stock
                .filter(|s| s.is_finite())
                .map(|s| s.clamp(-1e12, 1e12) as i64),
            margin: self
                .cost_of_goods_sold
                .as_ref()
                .and_then(Money::to_minor)
                .map(|(cost, _)| (price_minor - cost) as f64 / price_minor as f64)
                .filter(|m| m.is_finite())
                .map(|m| m.clamp(-1.0, 1.0)),
            facets,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Catalog;

    fn raw(json: &str) -> Vec<RawProduct> {
        crate::error::from_json_str("$.catalog", json).unwrap_or_default()
    }

    #[test]
    fn accepts_merchant_center_attributes() {
        let catalog = Catalog::build(
            raw(
                r#"[{"id":"LG-1","title":"Flow Legging","price":"68.00 USD","sale_price":"49.00 USD",
                 "availability":"in stock","product_type":"Women > Leggings","image_link":"https://x/y.jpg",
                 "tags":["Studio","low-impact","studio"]}]"#,
            ),
            "EUR",
        );
        let catalog = catalog.unwrap_or_default();
        let p = catalog.get("LG-1");
        assert_eq!(p.map(|p| p.price_minor), Some(6800));
        assert_eq!(p.and_then(|p| p.sale_price_minor), Some(4900));
        assert_eq!(p.map(|p| p.currency.as_str()), Some("USD"));
        assert_eq!(
            p.map(|p| p.tags.clone()),
            Some(vec!["low-impact".to_string(), "studio".to_string()])
        );
        assert_eq!(p.and_then(Product::leaf_category), Some("leggings"));
    }

    #[test]
    fn missing_price_and_duplicate_ids_are_typed_errors_with_paths() {
        let err = Catalog::build(
            raw(r#"[{"id":"a","title":"A","price":10},{"id":"b","title":"B"}]"#),
            "USD",
        )
        .err();
        assert_eq!(
            err,
            Some(InputError::invalid(
                "$.catalog[1].price",
                "missing or unreadable price"
            ))
        );
        let err = Catalog::build(
            raw(r#"[{"id":"a","title":"A","price":10},{"id":"a","title":"B","price":5}]"#),
            "USD",
        );
        assert!(matches!(err, Err(InputError::Invalid { path, .. }) if path == "$.catalog[1].id"));
    }

    #[test]
    fn zero_stock_means_out_of_stock() {
        let catalog = Catalog::build(
            raw(r#"[{"id":"a","title":"A","price":10,"stock":0}]"#),
            "USD",
        )
        .unwrap_or_default();
        assert_eq!(catalog.get("a").map(Product::is_available), Some(false));
    }
}
