//! One product being read: [`Draft`] applies each attribute value (single-valued attributes keep
//! their first value unless a `g:` element overrides it) and checks what the engine requires
//! when the item ends.

use super::attr::Attr;
use super::normalize::{
    DetailPart, detail_from_text, first_category_path, is_currency_code, make_detail, money,
    split_repeated,
};
use crate::error::InputError;
use crate::input::catalog::RawProduct;
use crate::input::values::Money;

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
    /// `additional_image_link` values: the first stands in for a missing `image_link`.
    pub(super) extra_images: Vec<String>,
    /// Bits of the single-valued attributes already set ([`Attr::bit`]).
    pub(super) set: u64,
    /// Bits of the attributes set from a `g:` element.
    pub(super) strong: u64,
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
    pub(super) fn finish(mut self, at: &dyn Fn(&str) -> String) -> Result<RawProduct, InputError> {
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
