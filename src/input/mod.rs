//! Input adapters: outside shapes -> canonical types, once, at the edge of the core.
//!
//! Hosts send customers with events in Segment Ecommerce v2, Klaviyo metric or canonical
//! shape, and catalogs in Google Merchant Center attribute names. Everything after this module
//! sees only [`Event`], [`Customer`] and [`Product`].

mod catalog;
mod customer;
mod events;
pub(crate) mod feeds;
mod index;
mod raw_event;
mod values;
mod vocab;

pub use catalog::{Availability, Product, ProductDetail, RawProduct};
pub use customer::{Attributes, Customer};
pub use events::{Channel, Event, EventKind, EventStats, normalize_events};
pub use feeds::{FeedFormat, FeedLoad, FeedOptions, parse_feed, parse_feed_bytes};
pub use index::{Catalog, ENTRY, NEW_COLLECTION, ON_SALE, ProductFlags, SET_PIECE, SpecialTags};
pub use raw_event::RawEvent;
pub use values::{Money, Timestamp, format_timestamp, is_http_url, parse_timestamp, resolve_now};
pub use vocab::{FeatureKind, FnvMap, Vocab};

/// Event property types, for the TypeScript declarations.
#[cfg(test)]
pub(crate) mod events_ts {
    pub use super::raw_event::{IdValue, MetricName, OneOrMany, RawProps};
}
