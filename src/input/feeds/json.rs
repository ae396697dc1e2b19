//! JSON feeds: parsing, format detection, and the plain array of Merchant Center products.

use serde::de::{self, Visitor};
use serde_json::Value;

use super::{Collector, Context, Draft, FeedFormat, money};
use crate::error::{InputError, deserialize_at};
use crate::input::catalog::RawProduct;
use crate::input::values::Money;

/// Parses JSON text; syntax errors name the line and column.
pub(super) fn parse_value(text: &str) -> Result<Value, InputError> {
    serde_json::from_str(text).map_err(|err| {
        let message = format!("malformed JSON: {err}");
        // Too deep is a limit, as for every other argument (serde_json stops at 128 levels).
        if err.to_string().starts_with("recursion limit exceeded") {
            InputError::TooLarge {
                path: "$".into(),
                message,
            }
        } else {
            InputError::invalid("$", message)
        }
    })
}

/// Shopify (`products` with variants), Content API (`resources`, or objects with `offerId`),
/// else the plain array.
pub(super) fn detect(value: &Value) -> FeedFormat {
    let is_content_api = |item: Option<&Value>| {
        item.and_then(Value::as_object).is_some_and(|o| {
            o.contains_key("offerId")
                || o.contains_key("productAttributes")
                || o.contains_key("attributes")
        })
    };
    match value {
        Value::Object(map) if map.contains_key("resources") => FeedFormat::ContentApi,
        Value::Object(map) if map.contains_key("products") => {
            if is_content_api(
                map.get("products")
                    .and_then(Value::as_array)
                    .and_then(|a| a.first()),
            ) {
                FeedFormat::ContentApi
            } else {
                FeedFormat::Shopify
            }
        }
        Value::Object(map) if map.contains_key("product") => FeedFormat::Shopify,
        Value::Array(items) if is_content_api(items.first()) => FeedFormat::ContentApi,
        Value::Array(items)
            if items
                .first()
                .and_then(Value::as_object)
                .is_some_and(|o| o.contains_key("variants") || o.contains_key("body_html")) =>
        {
            FeedFormat::Shopify
        }
        _ => FeedFormat::Json,
    }
}

/// Text of a scalar JSON value (`None` for null; `Err` for arrays and objects).
pub(super) fn scalar(value: &Value) -> Result<Option<String>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        Value::Array(_) => Err("expected text, found an array".into()),
        Value::Object(_) => Err("expected text, found an object".into()),
    }
}

/// Reads a JSON array of products in Merchant Center attribute names.
pub(super) fn read(
    value: &Value,
    context: &Context,
    out: &mut Collector,
) -> Result<(), InputError> {
    let Value::Array(items) = value else {
        return Err(InputError::invalid(
            "$",
            "expected an array of products, `{ \"products\": [..] }` (Shopify) or `{ \"resources\": [..] }` (Content API)",
        ));
    };
    let known = raw_product_fields();
    for (index, item) in items.iter().enumerate() {
        let path = format!("$[{index}]");
        out.check_room()?;
        if let Value::Object(map) = item {
            for key in map.keys() {
                if !known.contains(&key.as_str()) {
                    out.warnings.unknown("field", key);
                }
            }
        }
        let mut product: RawProduct = deserialize_at(&path, item)?;
        for (field, slot) in [
            ("price", &mut product.price),
            ("sale_price", &mut product.sale_price),
            ("cost_of_goods_sold", &mut product.cost_of_goods_sold),
        ] {
            if let Some(Money::Text(text)) = slot.as_ref() {
                let normalized = money(text, context.currency.as_deref())
                    .map_err(|message| InputError::invalid(format!("{path}.{field}"), message))?;
                *slot = Some(normalized);
            }
        }
        if product.currency.is_none()
            && matches!(product.price, Some(Money::Number(_)))
            && context.currency.is_some()
        {
            product.currency.clone_from(&context.currency);
        }
        let draft = Draft {
            product,
            ..Draft::default()
        };
        out.push(draft, &|field| format!("{path}.{field}"))?;
    }
    Ok(())
}

/// Every name [`RawProduct`] accepts (fields and aliases), as serde's derive lists them.
fn raw_product_fields() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = <RawProduct as serde::Deserialize>::deserialize(FieldNames(&mut fields));
    fields
}

/// A deserializer that only records the field names a struct asks for.
struct FieldNames<'a>(&'a mut &'static [&'static str]);

impl<'de> de::Deserializer<'de> for FieldNames<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("field names only"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("field names only"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_every_raw_product_name_with_aliases() {
        let fields = raw_product_fields();
        for name in [
            "id",
            "image_link",
            "imageLink",
            "product_detail",
            "customLabel4",
            "tags",
        ] {
            assert!(fields.contains(&name), "{name}");
        }
    }
}
