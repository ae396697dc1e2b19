//! The wire shapes of events: one struct that reads canonical, Segment and Klaviyo events.
//!
//! Fields are optional and unknown keys ignored, so any event deserializes; [`super::events`]
//! decides what it means. A field of the wrong type is an `INVALID_INPUT` error with its path.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::values::{Money, NumberOrText, Timestamp};

/// An identifier that may arrive as text or as a number.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(untagged))]
pub enum IdValue {
    /// Text id.
    Text(String),
    /// Numeric id (converted to its decimal text).
    Number(f64),
}

impl<'de> Deserialize<'de> for IdValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NumberOrText {
            number: IdValue::Number,
            text: IdValue::Text,
            expecting: "an id (text or a number)",
        })
    }
}

impl IdValue {
    pub(super) fn into_string(self) -> String {
        match self {
            IdValue::Text(s) => s,
            IdValue::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => format!("{}", n as i64),
            IdValue::Number(n) => n.to_string(),
        }
    }
}

/// One value or a list of them (`category: "Leggings"` vs `Categories: ["Leggings"]`).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(untagged))]
pub enum OneOrMany {
    /// A single value.
    One(String),
    /// Several values.
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrManyVisitor;
        impl<'de> Visitor<'de> for OneOrManyVisitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("text or a list of text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<OneOrMany, A::Error> {
                Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(OneOrMany::Many)
            }
        }
        deserializer.deserialize_any(OneOrManyVisitor)
    }
}

impl OneOrMany {
    pub(super) fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) if s.trim().is_empty() => Vec::new(),
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v.into_iter().filter(|s| !s.trim().is_empty()).collect(),
        }
    }
}

/// A Klaviyo metric name: plain text or the API's `{name}` object.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(untagged))]
pub enum MetricName {
    /// `"Placed Order"`.
    Name(String),
    /// `{ "name": "Placed Order" }`.
    Object {
        /// The metric's name.
        name: String,
    },
}

impl<'de> Deserialize<'de> for MetricName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Named {
            name: String,
        }
        struct MetricVisitor;
        impl<'de> Visitor<'de> for MetricVisitor {
            type Value = MetricName;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a metric name or an object with `name`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<MetricName, E> {
                Ok(MetricName::Name(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<MetricName, E> {
                Ok(MetricName::Name(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<MetricName, A::Error> {
                Named::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|n| MetricName::Object { name: n.name })
            }
        }
        deserializer.deserialize_any(MetricVisitor)
    }
}

/// Event properties under the names Segment and Klaviyo use; unknown keys are ignored.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default)]
pub struct RawProps {
    /// Product id (`product_id`, `ProductID`, `AddedItemProductID`).
    #[serde(alias = "productId", alias = "ProductID", alias = "AddedItemProductID")]
    #[cfg_attr(test, ts(optional))]
    pub product_id: Option<IdValue>,
    /// SKU, used when no product id matches (`sku`, `SKU`, `AddedItemSKU`).
    #[serde(alias = "SKU", alias = "AddedItemSKU")]
    #[cfg_attr(test, ts(optional))]
    pub sku: Option<IdValue>,
    /// Order id (`order_id`, `OrderId`).
    #[serde(alias = "orderId", alias = "OrderId", alias = "OrderID")]
    #[cfg_attr(test, ts(optional))]
    pub order_id: Option<IdValue>,
    /// Klaviyo's `$event_id`, the order id of `Placed Order`.
    #[serde(rename = "$event_id")]
    #[cfg_attr(test, ts(optional))]
    pub event_id: Option<IdValue>,
    /// Unit price (`price`, `Price`, `ItemPrice`, `AddedItemPrice`).
    #[serde(alias = "Price", alias = "ItemPrice", alias = "AddedItemPrice")]
    #[cfg_attr(test, ts(optional))]
    pub price: Option<Money>,
    /// Klaviyo's `$value` (line or order total), a fallback for the unit price.
    #[serde(rename = "$value")]
    #[cfg_attr(test, ts(optional))]
    pub value: Option<Money>,
    /// Quantity (`quantity`, `Quantity`, `AddedItemQuantity`).
    #[serde(alias = "Quantity", alias = "AddedItemQuantity")]
    #[cfg_attr(test, ts(optional))]
    pub quantity: Option<f64>,
    /// Category or categories (`category`, `Categories`, `AddedItemCategories`).
    #[serde(alias = "Categories", alias = "AddedItemCategories")]
    #[cfg_attr(test, ts(optional))]
    pub category: Option<OneOrMany>,
    /// Coupon code(s) (`coupon`, `Discount Codes`).
    #[serde(alias = "Discount Codes", alias = "DiscountCodes")]
    #[cfg_attr(test, ts(optional))]
    pub coupon: Option<OneOrMany>,
    /// Store vs online (`affiliation`, `channel`, `Source Name`): "store", "pos", "retail" mean in store.
    #[serde(
        alias = "channel",
        alias = "Channel",
        alias = "Source Name",
        alias = "source_name"
    )]
    #[cfg_attr(test, ts(optional))]
    pub affiliation: Option<String>,
    /// Line items of an order (`products`, `Items`).
    #[serde(alias = "Items")]
    #[cfg_attr(test, ts(optional))]
    pub products: Option<Vec<RawProps>>,
}

/// One event as a host sends it, in any of the three accepted shapes.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "CustomerEvent"))]
#[serde(default)]
pub struct RawEvent {
    /// Canonical shape: `view`, `cart`, `wishlist`, `checkout`, `purchase`, `refund`, `visit`,
    /// `email_open`, `email_click`, `unsubscribe`.
    #[cfg_attr(test, ts(optional))]
    pub kind: Option<String>,
    /// Canonical shape: when it happened.
    #[cfg_attr(test, ts(optional))]
    pub at: Option<Timestamp>,
    /// Canonical shape: product id.
    #[serde(rename = "productId")]
    #[cfg_attr(test, ts(optional))]
    pub product_id: Option<IdValue>,
    /// Canonical shape: order id.
    #[serde(rename = "orderId")]
    #[cfg_attr(test, ts(optional))]
    pub order_id: Option<IdValue>,
    /// Canonical shape: unit price.
    #[cfg_attr(test, ts(optional))]
    pub price: Option<Money>,
    /// Canonical shape: quantity (default 1).
    #[cfg_attr(test, ts(optional))]
    pub quantity: Option<f64>,
    /// Canonical shape: `online` or `store`.
    #[cfg_attr(test, ts(optional))]
    pub channel: Option<String>,
    /// Canonical shape: category, kept as evidence when the product is unknown.
    #[cfg_attr(test, ts(optional))]
    pub category: Option<OneOrMany>,
    /// Canonical shape: coupon code(s) used.
    #[cfg_attr(test, ts(optional))]
    pub coupon: Option<OneOrMany>,
    /// Segment (and legacy Klaviyo track): the event name.
    #[cfg_attr(test, ts(optional))]
    pub event: Option<String>,
    /// Segment: when it happened.
    #[cfg_attr(test, ts(optional))]
    pub timestamp: Option<Timestamp>,
    /// Segment and Klaviyo: event properties.
    #[cfg_attr(test, ts(optional))]
    pub properties: Option<RawProps>,
    /// Klaviyo: the metric name.
    #[cfg_attr(test, ts(optional))]
    pub metric: Option<MetricName>,
    /// Klaviyo: when it happened (`time` or `datetime`).
    #[serde(alias = "datetime")]
    #[cfg_attr(test, ts(optional))]
    pub time: Option<Timestamp>,
}
