//! Purchase lines grouped into orders, net of refunds: what RFM and lifecycle count.

use crate::input::{Channel, Event, EventKind};

/// One order after refunds.
pub(crate) struct Order {
    pub at: i64,
    pub value_minor: i64,
    pub channel: Channel,
}

/// Groups purchase lines into orders and subtracts refunds; fully refunded orders disappear.
pub(crate) fn orders(events: &[&Event]) -> Vec<Order> {
    // (key, order, had a line refunded)
    let mut by_key: Vec<(String, Order, bool)> = Vec::new();
    let line_value = |e: &Event| e.unit_price_minor.unwrap_or(0).max(0) * i64::from(e.quantity);
    for e in events.iter().filter(|e| e.kind == EventKind::Purchase) {
        // Lines without an order id group by day and channel.
        let key = e
            .order_id
            .clone()
            .unwrap_or_else(|| format!("{}:{:?}", e.at / 86_400, e.channel));
        match by_key.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, order, _)) => order.value_minor += line_value(e),
            None => by_key.push((
                key,
                Order {
                    at: e.at,
                    value_minor: line_value(e),
                    channel: e.channel,
                },
                false,
            )),
        }
    }
    for e in events.iter().filter(|e| e.kind == EventKind::Refund) {
        let Some(order_id) = &e.order_id else {
            continue;
        };
        let Some(pos) = by_key.iter().position(|(k, _, _)| k == order_id) else {
            continue;
        };
        if e.product_id.is_none() && e.unit_price_minor.is_none() {
            by_key.remove(pos);
        } else if let Some((_, order, refunded)) = by_key.get_mut(pos) {
            order.value_minor = (order.value_minor - line_value(e)).max(0);
            *refunded = true;
        }
    }
    // An order whose refunds took its value to zero no longer counts; one never priced does.
    by_key
        .into_iter()
        .filter(|(_, o, refunded)| !(*refunded && o.value_minor == 0))
        .map(|(_, o, _)| o)
        .collect()
}
