//! Shopify `products.json` (storefront or Admin REST), one catalog product per variant.
//!
//! `item_group_id` is the product id and `id` the variant id. When `compare_at_price` is above
//! `price`, it is the regular price and `price` the sale price. Colour and size come from the
//! options whose names mean colour or size (English, German, French, Spanish, Italian, Dutch).
//!
//! This file reads products and variants into drafts; `fields` holds the field and option names
//! Shopify defines, and the audit that reports the ones the catalog does not read.

mod fields;

use serde_json::{Map, Value};

use super::json::scalar;
use super::{Apply, Attr, Collector, Context, DETAIL_ORDER, Draft, money};
use crate::error::InputError;
use crate::input::values::Money;
use fields::{
    COLOR_OPTIONS, MATERIAL_OPTIONS, PRODUCT_UNUSED, PRODUCT_USED, SIZE_OPTIONS, VARIANT_UNUSED,
    VARIANT_USED, audit, option_names,
};

/// Reads a Shopify `products.json` (or a bare array of its products, or `{ "product": .. }`).
pub(super) fn read(
    value: &Value,
    context: &Context,
    out: &mut Collector,
) -> Result<(), InputError> {
    let (products, base): (Vec<&Value>, &str) = match value {
        Value::Object(map) => {
            for key in map.keys() {
                if key != "products" && key != "product" {
                    out.warnings.unknown("field", key);
                }
            }
            match (map.get("products"), map.get("product")) {
                (Some(Value::Array(items)), _) => (items.iter().collect(), "$.products"),
                (Some(_), _) => return Err(InputError::invalid("$.products", "expected an array")),
                (None, Some(product)) => (vec![product], "$.product"),
                (None, None) => {
                    return Err(InputError::invalid(
                        "$",
                        "expected `{ \"products\": [..] }`",
                    ));
                }
            }
        }
        Value::Array(items) => (items.iter().collect(), "$"),
        _ => {
            return Err(InputError::invalid(
                "$",
                "expected `{ \"products\": [..] }`",
            ));
        }
    };
    if context.currency.is_none() {
        out.warnings.once("shopify:currency", || {
            "Shopify prices carry no currency: the campaign currency applies (pass `currency` to set one)"
                .into()
        });
    }
    let single = base == "$.product";
    for (index, product) in products.into_iter().enumerate() {
        let path = if single {
            base.to_string()
        } else {
            format!("{base}[{index}]")
        };
        read_product(product, &path, context, out)?;
    }
    Ok(())
}

fn read_product(
    product: &Value,
    path: &str,
    context: &Context,
    out: &mut Collector,
) -> Result<(), InputError> {
    let Value::Object(p) = product else {
        return Err(InputError::invalid(path, "expected a product object"));
    };
    audit(p, PRODUCT_USED, PRODUCT_UNUSED, "products[]", out);
    let text = |key: &str| -> Result<Option<String>, InputError> {
        match p.get(key) {
            None => Ok(None),
            Some(v) => scalar(v)
                .map(|t| t.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()))
                .map_err(|m| InputError::invalid(format!("{path}.{key}"), m)),
        }
    };
    let product_id = text("id")?
        .map(|id| gid_tail(&id))
        .ok_or_else(|| InputError::invalid(format!("{path}.id"), "missing id"))?;
    let title = text("title")?;
    let handle = text("handle")?;
    let description = text("body_html")?;
    let product_type = text("product_type")?;
    let tags = match p.get("tags") {
        Some(Value::Array(tags)) => tags
            .iter()
            .filter_map(|t| scalar(t).ok().flatten())
            .collect(),
        Some(v) => scalar(v)
            .map_err(|m| InputError::invalid(format!("{path}.tags"), m))?
            .map(|t| t.split(',').map(|t| t.trim().to_string()).collect())
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let taxonomy = match p.get("category") {
        Some(Value::Object(c)) => ["full_name", "fullName", "name", "id"]
            .iter()
            .find_map(|k| c.get(*k).and_then(|v| scalar(v).ok().flatten()))
            .filter(|t| !t.trim().is_empty()),
        Some(v) => scalar(v).ok().flatten(),
        None => None,
    };
    let status = text("status")?.map(|s| s.to_ascii_lowercase());
    let inactive = status.as_deref().is_some_and(|s| s != "active");
    if let Some(status) = status.as_deref().filter(|_| inactive) {
        out.warnings.once(&format!("shopify:status:{status}"), || {
            format!("products with status `{status}` are marked out of stock")
        });
    }
    let option_names = option_names(p);
    for name in &option_names {
        let lower = name.to_lowercase();
        let known = COLOR_OPTIONS.contains(&lower.as_str())
            || SIZE_OPTIONS.contains(&lower.as_str())
            || MATERIAL_OPTIONS.contains(&lower.as_str())
            || lower == "title";
        if !known {
            out.warnings.once(&format!("shopify:option:{lower}"), || {
                format!("option `{name}` has no catalog field: ignored")
            });
        }
    }
    let images = p.get("images").and_then(Value::as_array);
    let fallback_image = p
        .get("image")
        .and_then(|i| i.get("src"))
        .or_else(|| images.and_then(|i| i.first()).and_then(|i| i.get("src")))
        .and_then(|v| scalar(v).ok().flatten());
    let variants = match p.get("variants") {
        Some(Value::Array(v)) if !v.is_empty() => v,
        _ => {
            return Err(InputError::invalid(
                format!("{path}.variants"),
                "a product needs at least one variant",
            ));
        }
    };
    for (vi, variant) in variants.iter().enumerate() {
        let vpath = format!("{path}.variants[{vi}]");
        let Value::Object(v) = variant else {
            return Err(InputError::invalid(vpath, "expected a variant object"));
        };
        audit(
            v,
            VARIANT_USED,
            VARIANT_UNUSED,
            "products[].variants[]",
            out,
        );
        out.check_room()?;
        let vtext = |key: &str| -> Result<Option<String>, InputError> {
            match v.get(key) {
                None => Ok(None),
                Some(value) => scalar(value)
                    .map(|t| t.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()))
                    .map_err(|m| InputError::invalid(format!("{vpath}.{key}"), m)),
            }
        };
        let variant_id = vtext("id")?
            .map(|id| gid_tail(&id))
            .ok_or_else(|| InputError::invalid(format!("{vpath}.id"), "missing id"))?;
        let mut draft = Draft::default();
        let how = Apply {
            split: false,
            strong: false,
            currency: context.currency.as_deref(),
            detail_order: &DETAIL_ORDER,
        };
        let price_of = |key: &str| -> Result<Option<Money>, InputError> {
            vtext(key)?
                .map(|t| money(&t, context.currency.as_deref()))
                .transpose()
                .map_err(|m| InputError::invalid(format!("{vpath}.{key}"), m))
        };
        let price = price_of("price")?;
        let compare_at = price_of("compare_at_price")?;
        let minor = |m: &Option<Money>| m.as_ref().and_then(Money::to_minor).map(|(v, _)| v);
        let p = &mut draft.product;
        match (minor(&compare_at), minor(&price)) {
            (Some(regular), Some(now)) if regular > now => {
                p.price = compare_at;
                p.sale_price = price;
            }
            _ => p.price = price,
        }
        p.id = Some(variant_id.clone());
        p.item_group_id = Some(product_id.clone());
        p.title.clone_from(&title);
        p.description.clone_from(&description);
        p.product_type.clone_from(&product_type);
        p.taxonomy_category.clone_from(&taxonomy);
        p.tags.clone_from(&tags);
        if let (Some(shop), Some(handle)) = (context.shop_url.as_deref(), handle.as_deref()) {
            p.link = Some(format!("{shop}/products/{handle}?variant={variant_id}"));
        }
        p.image_link = variant_image(v, &variant_id, images)
            .or_else(|| fallback_image.clone())
            .map(|src| absolute(&src));
        for (i, name) in option_names.iter().enumerate() {
            let Some(value) = vtext(&format!("option{}", i + 1))? else {
                continue;
            };
            let lower = name.to_lowercase();
            let attr = if COLOR_OPTIONS.contains(&lower.as_str()) {
                Attr::Color
            } else if SIZE_OPTIONS.contains(&lower.as_str()) {
                Attr::Size
            } else if MATERIAL_OPTIONS.contains(&lower.as_str()) {
                Attr::Material
            } else {
                continue;
            };
            draft
                .apply(attr, &value, &how)
                .map_err(|m| InputError::invalid(format!("{vpath}.option{}", i + 1), m))?;
        }
        let p = &mut draft.product;
        let available = v.get("available").and_then(Value::as_bool);
        let quantity = v.get("inventory_quantity").and_then(Value::as_f64);
        let policy = v.get("inventory_policy").and_then(Value::as_str);
        // Admin REST: `inventory_management: null` means the quantity is not tracked.
        let untracked = matches!(v.get("inventory_management"), Some(Value::Null));
        p.availability = Some(
            match (inactive, available) {
                (true, _) | (false, Some(false)) => "out_of_stock",
                (false, Some(true)) => "in_stock",
                (false, None) => match quantity {
                    Some(q) if q <= 0.0 && !untracked && policy == Some("continue") => "backorder",
                    Some(q) if q <= 0.0 && !untracked => "out_of_stock",
                    _ => "in_stock",
                },
            }
            .to_string(),
        );
        p.stock = quantity.filter(|q| *q > 0.0 && !untracked);
        let at = |field: &str| match field {
            "title" => format!("{path}.title"),
            other => format!("{vpath}.{other}"),
        };
        out.push(draft, &at)?;
    }
    Ok(())
}

/// The variant's own image: `featured_image`, an image listing it in `variant_ids`, or the
/// image its `image_id` names.
fn variant_image(
    variant: &Map<String, Value>,
    variant_id: &str,
    images: Option<&Vec<Value>>,
) -> Option<String> {
    let src = |image: &Value| image.get("src").and_then(|s| scalar(s).ok().flatten());
    if let Some(found) = variant.get("featured_image").and_then(src) {
        return Some(found);
    }
    let images = images?;
    let same_id = |v: &Value| {
        scalar(v)
            .ok()
            .flatten()
            .is_some_and(|id| gid_tail(&id) == variant_id)
    };
    if let Some(found) = images.iter().find(|image| {
        image
            .get("variant_ids")
            .and_then(Value::as_array)
            .is_some_and(|ids| ids.iter().any(same_id))
    }) {
        return src(found);
    }
    let image_id = variant
        .get("image_id")
        .and_then(|v| scalar(v).ok().flatten())?;
    images
        .iter()
        .find(|image| {
            image
                .get("id")
                .and_then(|id| scalar(id).ok().flatten())
                .is_some_and(|id| id == image_id)
        })
        .and_then(src)
}

/// Shopify's protocol-relative CDN links (`//cdn.shopify.com/..`) as https.
fn absolute(src: &str) -> String {
    match src.strip_prefix("//") {
        Some(rest) => format!("https://{rest}"),
        None => src.to_string(),
    }
}

/// `gid://shopify/ProductVariant/123` -> `123`; anything else as is.
fn gid_tail(id: &str) -> String {
    match id.strip_prefix("gid://") {
        Some(rest) => rest.rsplit('/').next().unwrap_or(rest).to_string(),
        None => id.to_string(),
    }
}
