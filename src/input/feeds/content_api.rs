//! Content API for Shopping `products.list` (`{ "resources": [..] }`, or a bare array of
//! Product resources), and the Merchant API's `{ "products": [{ "offerId", "productAttributes"
//! }] }`. Field names are the Merchant Center attributes in camelCase; prices are
//! `{ "value": "68.00", "currency": "USD" }` or `{ "amountMicros": "68000000", "currencyCode":
//! "USD" }`.

use serde_json::{Map, Value};

use super::json::scalar;
use super::{
    Applied, Apply, Attr, Collector, Context, DETAIL_ORDER, Draft, canonical_name,
    is_unused_merchant_attribute, money,
};
use crate::error::InputError;

/// Resource fields that describe the API record, not the product.
const RECORD_FIELDS: &[&str] = &[
    "kind",
    "channel",
    "content_language",
    "target_country",
    "feed_label",
    "source",
    "name",
    "data_source",
    "version_number",
    "product_status",
    "legacy_local",
    "automated_discounts",
    "cloud_export_additional_properties",
];

/// Reads Content API or Merchant API product resources.
pub(super) fn read(
    value: &Value,
    context: &Context,
    out: &mut Collector,
) -> Result<(), InputError> {
    let (items, base) = match value {
        Value::Object(map) => {
            for key in map.keys() {
                if !matches!(
                    key.as_str(),
                    "resources" | "products" | "kind" | "nextPageToken"
                ) {
                    out.warnings.unknown("field", key);
                }
            }
            if map.contains_key("nextPageToken") {
                out.warnings.once("content_api:page", || {
                    "the response has a `nextPageToken`: only this page of products was read".into()
                });
            }
            match (map.get("resources"), map.get("products")) {
                (Some(Value::Array(items)), _) => (items, "$.resources"),
                (None, Some(Value::Array(items))) => (items, "$.products"),
                (Some(_), _) => {
                    return Err(InputError::invalid("$.resources", "expected an array"));
                }
                (None, Some(_)) => {
                    return Err(InputError::invalid("$.products", "expected an array"));
                }
                (None, None) => {
                    // An empty `products.list` page has no `resources` at all.
                    return Ok(());
                }
            }
        }
        Value::Array(items) => (items, "$"),
        _ => {
            return Err(InputError::invalid(
                "$",
                "expected `{ \"resources\": [..] }`",
            ));
        }
    };
    for (index, item) in items.iter().enumerate() {
        let path = format!("{base}[{index}]");
        let Value::Object(resource) = item else {
            return Err(InputError::invalid(
                path,
                "expected a product resource object",
            ));
        };
        out.check_room()?;
        let mut draft = Draft::default();
        let mut rest_id = None;
        read_fields(resource, &path, context, &mut draft, &mut rest_id, out)?;
        for key in ["productAttributes", "attributes"] {
            if let Some(Value::Object(attributes)) = resource.get(key) {
                read_fields(
                    attributes,
                    &format!("{path}.{key}"),
                    context,
                    &mut draft,
                    &mut rest_id,
                    out,
                )?;
            }
        }
        if draft.product.id.is_none() {
            // The REST id is `channel:language:country:offerId`.
            draft.product.id = rest_id.map(|id| id.splitn(4, ':').last().unwrap_or("").to_string());
        }
        let at = |field: &str| {
            let key = match field {
                "id" => "offerId",
                "sale_price" => "salePrice",
                other => other,
            };
            format!("{path}.{key}")
        };
        out.push(draft, &at)?;
    }
    Ok(())
}

fn read_fields(
    fields: &Map<String, Value>,
    path: &str,
    context: &Context,
    draft: &mut Draft,
    rest_id: &mut Option<String>,
    out: &mut Collector,
) -> Result<(), InputError> {
    let how = Apply {
        split: false,
        strong: false,
        currency: context.currency.as_deref(),
        detail_order: &DETAIL_ORDER,
    };
    for (key, value) in fields {
        let here = format!("{path}.{key}");
        let fail = |message: String| InputError::invalid(here.clone(), message);
        let canonical = canonical_name(key);
        let many = |value: &Value| -> Result<Vec<String>, InputError> {
            match value {
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        scalar(v)
                            .map(Option::unwrap_or_default)
                            .map_err(|m| InputError::invalid(format!("{here}[{i}]"), m))
                    })
                    .collect(),
                other => Ok(scalar(other).map_err(&fail)?.into_iter().collect()),
            }
        };
        match canonical.as_str() {
            "product_attributes" | "attributes" => {}
            "offer_id" => {
                let id = scalar(value).map_err(&fail)?.unwrap_or_default();
                draft.apply(Attr::Id, &id, &how).map_err(&fail)?;
            }
            "id" => *rest_id = scalar(value).map_err(&fail)?,
            "price" | "sale_price" | "cost_of_goods_sold" => {
                let Some(text) = price_text(value).map_err(&fail)? else {
                    continue;
                };
                let attr = Attr::from_name(&canonical).unwrap_or(Attr::Price);
                let money = money(&text, context.currency.as_deref()).map_err(&fail)?;
                let slot = match attr {
                    Attr::SalePrice => &mut draft.product.sale_price,
                    Attr::CostOfGoodsSold => &mut draft.product.cost_of_goods_sold,
                    _ => &mut draft.product.price,
                };
                *slot = Some(money);
            }
            "product_types" | "sizes" => {
                let values = many(value)?;
                let attr = if canonical == "sizes" {
                    Attr::Size
                } else {
                    Attr::ProductType
                };
                if values.len() > 1 {
                    out.warnings.once(&format!("content_api:many:{key}"), || {
                        format!("`{key}` has several values: the first is used")
                    });
                }
                if let Some(first) = values.first() {
                    draft.apply(attr, first, &how).map_err(&fail)?;
                }
            }
            "product_highlights" | "additional_image_links" => {
                let attr = if canonical == "product_highlights" {
                    Attr::ProductHighlight
                } else {
                    Attr::AdditionalImageLink
                };
                for item in many(value)? {
                    draft.apply(attr, &item, &how).map_err(&fail)?;
                }
            }
            "product_details" => {
                let Value::Array(details) = value else {
                    return Err(fail("expected an array".into()));
                };
                for (i, detail) in details.iter().enumerate() {
                    let text = |k: &str| {
                        detail
                            .get(k)
                            .and_then(|v| scalar(v).ok().flatten())
                            .unwrap_or_default()
                    };
                    let section = text("sectionName");
                    draft
                        .add_detail(
                            Some(section.as_str()),
                            &text("attributeName"),
                            &text("attributeValue"),
                        )
                        .map_err(|m| InputError::invalid(format!("{here}[{i}]"), m))?;
                }
            }
            "custom_attributes" => custom_attributes(value, &here, &how, draft, out)?,
            _ => match Attr::from_name(&canonical) {
                Some(attr) => {
                    let text = scalar(value).map_err(&fail)?.unwrap_or_default();
                    draft.apply(attr, &text, &how).map_err(&fail)?;
                }
                None if is_unused_merchant_attribute(&canonical)
                    || RECORD_FIELDS.contains(&canonical.as_str()) =>
                {
                    out.warnings.unused(key);
                }
                None => out.warnings.unknown("field", key),
            },
        }
    }
    Ok(())
}

/// `{ value, currency }`, `{ amountMicros, currencyCode }`, or text.
fn price_text(value: &Value) -> Result<Option<String>, String> {
    let Value::Object(price) = value else {
        return scalar(value);
    };
    let field = |k: &str| price.get(k).and_then(|v| scalar(v).ok().flatten());
    let currency = field("currency").or_else(|| field("currencyCode"));
    let amount = match (field("value"), field("amountMicros")) {
        (Some(value), _) => value,
        (None, Some(micros)) => micros_to_decimal(&micros)
            .ok_or_else(|| format!("unreadable amountMicros `{micros}`"))?,
        (None, None) => return Ok(None),
    };
    Ok(Some(match currency {
        Some(code) => format!("{amount} {code}"),
        None => amount,
    }))
}

/// `68500000` -> `68.5`.
fn micros_to_decimal(micros: &str) -> Option<String> {
    let n: i64 = micros.trim().parse().ok()?;
    let (whole, frac) = (n / 1_000_000, (n % 1_000_000).abs());
    let sign = if n < 0 && whole == 0 { "-" } else { "" };
    let frac = format!("{frac:06}");
    let frac = frac.trim_end_matches('0');
    Some(if frac.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    })
}

/// `customAttributes: [{ name, value }]`: those named like a catalog attribute are used.
fn custom_attributes(
    value: &Value,
    here: &str,
    how: &Apply<'_>,
    draft: &mut Draft,
    out: &mut Collector,
) -> Result<(), InputError> {
    let Value::Array(items) = value else {
        return Err(InputError::invalid(here, "expected an array"));
    };
    for (i, item) in items.iter().enumerate() {
        let name = item
            .get("name")
            .and_then(|v| scalar(v).ok().flatten())
            .unwrap_or_default();
        let text = item
            .get("value")
            .and_then(|v| scalar(v).ok().flatten())
            .unwrap_or_default();
        match Attr::from_name(&canonical_name(&name)) {
            Some(attr) => match draft.apply(attr, &text, how) {
                Ok(Applied::Done | Applied::Repeated) => {}
                Err(m) => return Err(InputError::invalid(format!("{here}[{i}].value"), m)),
            },
            None => out
                .warnings
                .unknown("field", &format!("customAttributes.{name}")),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn micros() {
        assert_eq!(micros_to_decimal("68000000").as_deref(), Some("68"));
        assert_eq!(micros_to_decimal("68500000").as_deref(), Some("68.5"));
        assert_eq!(micros_to_decimal("-500000").as_deref(), Some("-0.5"));
        assert_eq!(micros_to_decimal("x"), None);
    }
}
