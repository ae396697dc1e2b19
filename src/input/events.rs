//! Events in three shapes -> one canonical [`Event`].
//!
//! Accepted shapes (detected per event, so one history may mix them):
//! - canonical: `{kind, at, productId, orderId, price, quantity, channel, category, coupon}`;
//! - Segment Ecommerce v2: `{event: "Order Completed", timestamp, properties: {products: [...]}}`;
//! - Klaviyo metrics: `{metric: "Placed Order" | {name}, time | datetime, properties: {Items: [...]}}`.
//!
//! Invariants of the output: sorted by time (stable), one purchase/refund line per
//! (order, product), unknown names and undatable events dropped and counted in [`EventStats`].

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::raw_event::{IdValue, MetricName, OneOrMany, RawEvent, RawProps};
use super::values::{Money, parse_timestamp};

/// What a canonical event means for profiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Viewed a product page.
    View,
    /// Added a product to the cart.
    Cart,
    /// Added a product to a wishlist.
    Wishlist,
    /// Started a checkout.
    Checkout,
    /// Bought a product (one line of an order).
    Purchase,
    /// Refunded or cancelled a line (or a whole order when no product is named).
    Refund,
    /// Was active on the site without a product.
    Visit,
    /// Received a marketing email (the denominator of open and click rates).
    EmailDelivered,
    /// Opened a marketing email (weak signal: Apple Mail Privacy Protection inflates opens).
    EmailOpen,
    /// Clicked a link in a marketing email.
    EmailClick,
    /// Unsubscribed from marketing email.
    Unsubscribe,
}

/// Where a purchase happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Web or app.
    #[default]
    Online,
    /// A physical store (POS).
    Store,
}

/// The one event type every stage after the adapters sees.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// Unix seconds.
    pub at: i64,
    /// Product id or SKU as sent.
    pub product_id: Option<String>,
    /// Categories as sent (evidence when the product is not in the catalog).
    pub categories: Vec<String>,
    /// Order id for purchases and refunds.
    pub order_id: Option<String>,
    /// Unit price paid, in minor units.
    pub unit_price_minor: Option<i64>,
    /// Units (at least 1).
    pub quantity: u32,
    /// Online or in store.
    pub channel: Channel,
    /// A coupon or discount code was used.
    pub coupon: bool,
}

/// What normalization kept and dropped, so nothing is lost silently.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct EventStats {
    /// Events received.
    pub received: u32,
    /// Canonical events produced (order lines count one each).
    pub accepted: u32,
    /// Events whose name no adapter knows (ignored).
    pub unknown: u32,
    /// Up to ten of those unknown names, for debugging integrations.
    pub unknown_names: Vec<String>,
    /// Events without a readable timestamp (ignored).
    pub undated: u32,
    /// Purchase or refund lines repeated for the same order and product (ignored).
    pub duplicates: u32,
    /// Events beyond the per-customer limit (the oldest are dropped).
    pub truncated: u32,
}

/// Maps a Segment or Klaviyo event name (or a canonical kind) to an [`EventKind`].
fn kind_for_name(name: &str) -> Option<EventKind> {
    use EventKind::*;
    let kind = match name.trim().to_ascii_lowercase().as_str() {
        // canonical
        "view" => View,
        "cart" => Cart,
        "wishlist" => Wishlist,
        "checkout" => Checkout,
        "purchase" => Purchase,
        "refund" => Refund,
        "visit" => Visit,
        "email_delivered" => EmailDelivered,
        "email_open" => EmailOpen,
        "email_click" => EmailClick,
        "unsubscribe" => Unsubscribe,
        // Segment Ecommerce v2 and Segment email events
        "product viewed" | "product clicked" => View,
        "product added" => Cart,
        "product added to wishlist" => Wishlist,
        "checkout started" => Checkout,
        "order completed" => Purchase,
        "order refunded" | "order cancelled" => Refund,
        "product list viewed" | "products searched" | "page viewed" => Visit,
        "email delivered" => EmailDelivered,
        "email opened" => EmailOpen,
        "email link clicked" => EmailClick,
        "unsubscribed" => Unsubscribe,
        // Klaviyo metrics
        "viewed product" => View,
        "added to cart" => Cart,
        "started checkout" => Checkout,
        "placed order" | "ordered product" => Purchase,
        "refunded order" | "cancelled order" => Refund,
        "active on site" | "viewed collection" => Visit,
        "received email" => EmailDelivered,
        "opened email" => EmailOpen,
        "clicked email" => EmailClick,
        "unsubscribed from list" | "unsubscribed from email marketing" => Unsubscribe,
        _ => return None,
    };
    Some(kind)
}

fn channel_of(text: Option<&str>) -> Channel {
    let Some(text) = text else {
        return Channel::Online;
    };
    let lower = text.to_ascii_lowercase();
    if ["store", "pos", "retail", "in-store", "shop floor"]
        .iter()
        .any(|k| lower.contains(k))
    {
        Channel::Store
    } else {
        Channel::Online
    }
}

fn quantity_of(q: Option<f64>) -> u32 {
    match q {
        Some(q) if q.is_finite() && q >= 1.0 => q.min(10_000.0) as u32,
        _ => 1,
    }
}

fn id_of(primary: Option<IdValue>, fallback: Option<IdValue>) -> Option<String> {
    primary
        .or(fallback)
        .map(IdValue::into_string)
        .filter(|s| !s.trim().is_empty())
}

/// Turns one line (or a single-product event) into a canonical event.
fn line_event(
    kind: EventKind,
    at: i64,
    props: RawProps,
    order: &Option<String>,
    channel: Channel,
    coupon: bool,
) -> Event {
    let quantity = quantity_of(props.quantity);
    let unit_price_minor = props
        .price
        .as_ref()
        .and_then(Money::to_minor)
        .map(|(minor, _)| minor)
        .or_else(|| {
            props
                .value
                .as_ref()
                .and_then(Money::to_minor)
                .map(|(m, _)| m / i64::from(quantity.max(1)))
        });
    let line_coupon = props
        .coupon
        .map(|c| !c.into_vec().is_empty())
        .unwrap_or(false);
    Event {
        kind,
        at,
        product_id: id_of(props.product_id, props.sku),
        categories: props.category.map(OneOrMany::into_vec).unwrap_or_default(),
        order_id: order.clone(),
        unit_price_minor,
        quantity,
        channel,
        coupon: coupon || line_coupon,
    }
}

/// Maps one raw event to zero or more canonical events (an order expands to its lines).
fn map_event(raw: RawEvent, stats: &mut EventStats, out: &mut Vec<Event>) {
    let name = raw
        .kind
        .clone()
        .or_else(|| raw.event.clone())
        .or_else(|| {
            raw.metric.clone().map(|m| match m {
                MetricName::Name(n) | MetricName::Object { name: n } => n,
            })
        })
        .unwrap_or_default();
    let Some(kind) = kind_for_name(&name) else {
        stats.unknown += 1;
        if stats.unknown_names.len() < 10 && !stats.unknown_names.contains(&name) {
            stats.unknown_names.push(name.chars().take(80).collect());
        }
        return;
    };
    let Some(at) = [&raw.at, &raw.timestamp, &raw.time]
        .into_iter()
        .flatten()
        .find_map(parse_timestamp)
    else {
        stats.undated += 1;
        return;
    };

    // The canonical shape keeps its fields at the top level; fold them into properties.
    let mut props = raw.properties.unwrap_or_default();
    props.product_id = props.product_id.or(raw.product_id);
    props.order_id = props.order_id.or(raw.order_id);
    props.price = props.price.or(raw.price);
    props.quantity = props.quantity.or(raw.quantity);
    props.category = props.category.or(raw.category);
    props.coupon = props.coupon.or(raw.coupon);
    props.affiliation = props.affiliation.or(raw.channel);

    let channel = channel_of(props.affiliation.as_deref());
    let order = id_of(props.order_id.take(), props.event_id.take());
    let coupon = props
        .coupon
        .take()
        .map(|c| !c.into_vec().is_empty())
        .unwrap_or(false);
    let lines = match kind {
        EventKind::Purchase | EventKind::Refund => props.products.take().filter(|l| !l.is_empty()),
        _ => None,
    };
    match lines {
        Some(lines) => {
            for line in lines {
                out.push(line_event(kind, at, line, &order, channel, coupon));
            }
        }
        None => out.push(line_event(kind, at, props, &order, channel, coupon)),
    }
}

/// Normalizes a customer's raw events: maps names, expands orders, dedupes lines, sorts by time.
///
/// Keeps at most `max_events` (the most recent); the rest are counted as truncated.
pub fn normalize_events(raw: Vec<RawEvent>, max_events: usize) -> (Vec<Event>, EventStats) {
    let mut stats = EventStats {
        received: raw.len().min(u32::MAX as usize) as u32,
        ..Default::default()
    };
    let mut events = Vec::with_capacity(raw.len());
    for event in raw {
        map_event(event, &mut stats, &mut events);
    }
    events.sort_by_key(|e| e.at);

    // Klaviyo sends both `Placed Order` (with Items) and `Ordered Product` per line; Segment
    // retries re-send `Order Completed`. One line per (kind, order, product).
    let mut seen: HashSet<(EventKind, String, String)> = HashSet::new();
    events.retain(|e| {
        if !matches!(e.kind, EventKind::Purchase | EventKind::Refund) {
            return true;
        }
        let (Some(order), Some(product)) = (&e.order_id, &e.product_id) else {
            return true;
        };
        let fresh = seen.insert((e.kind, order.clone(), product.clone()));
        if !fresh {
            stats.duplicates += 1;
        }
        fresh
    });

    if events.len() > max_events {
        let excess = events.len() - max_events;
        events.drain(..excess);
        stats.truncated = excess.min(u32::MAX as usize) as u32;
    }
    stats.accepted = events.len().min(u32::MAX as usize) as u32;
    (events, stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Timestamp;

    fn parse(json: &str) -> Vec<RawEvent> {
        crate::error::from_json_str("$", json).unwrap_or_default()
    }

    #[test]
    fn maps_segment_klaviyo_and_canonical_shapes_to_one_form() {
        let raw = parse(
            r#"[
            {"type":"track","event":"Order Completed","timestamp":"2026-10-02T10:00:00Z",
             "properties":{"order_id":"o1","affiliation":"Store #12","coupon":"SAVE10",
               "products":[{"product_id":"LG-1","price":68,"quantity":1,"category":"Leggings"},
                           {"product_id":"BR-2","price":"42.00","quantity":2}]}},
            {"metric":{"name":"Viewed Product"},"time":"2026-10-01T09:00:00Z",
             "properties":{"ProductID":"JK-3","Categories":["Jackets","Layers"],"Price":120}},
            {"kind":"email_click","at":1791000000},
            {"event":"Something Custom","timestamp":"2026-10-01T00:00:00Z"},
            {"event":"Product Viewed"}
        ]"#,
        );
        assert_eq!(raw.len(), 5);
        let (events, stats) = normalize_events(raw, 100);
        assert_eq!(stats.unknown, 1);
        assert_eq!(stats.unknown_names, vec!["Something Custom".to_string()]);
        assert_eq!(stats.undated, 1);
        assert_eq!(events.len(), 4);
        // sorted by time: the Klaviyo view comes first
        assert_eq!(events[0].kind, EventKind::View);
        assert_eq!(events[0].categories, vec!["Jackets", "Layers"]);
        assert_eq!(events[1].product_id.as_deref(), Some("LG-1"));
        assert_eq!(events[1].channel, Channel::Store);
        assert!(events[1].coupon);
        assert_eq!(events[2].unit_price_minor, Some(4200));
        assert_eq!(events[2].quantity, 2);
        assert_eq!(events[3].kind, EventKind::EmailClick);
    }

    #[test]
    fn klaviyo_placed_order_and_ordered_product_count_once() {
        let raw = parse(
            r#"[
            {"metric":"Placed Order","time":"2026-10-02T10:00:00Z",
             "properties":{"$event_id":"1001","$value":90,"Items":[{"ProductID":"LG-1","ItemPrice":90,"Quantity":1}]}},
            {"metric":"Ordered Product","time":"2026-10-02T10:00:01Z",
             "properties":{"OrderId":"1001","ProductID":"LG-1","$value":90,"Quantity":1}}
        ]"#,
        );
        let (events, stats) = normalize_events(raw, 100);
        assert_eq!(events.len(), 1);
        assert_eq!(stats.duplicates, 1);
        assert_eq!(events[0].unit_price_minor, Some(9000));
    }

    #[test]
    fn keeps_the_most_recent_events_within_the_limit() {
        let raw: Vec<RawEvent> = (0..10)
            .map(|i| RawEvent {
                kind: Some("view".into()),
                at: Some(Timestamp::Number(1_790_000_000.0 + f64::from(i))),
                ..Default::default()
            })
            .collect();
        let (events, stats) = normalize_events(raw, 4);
        assert_eq!(events.len(), 4);
        assert_eq!(stats.truncated, 6);
        assert_eq!(events[0].at, 1_790_000_006);
    }
}
