//! The customer as the host sends it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::raw_event::RawEvent;

/// One recipient: an id, optional attributes, and the events the CRM holds for them.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    /// The host's customer id (never sent to an LLM).
    pub id: String,
    /// Profile attributes; all optional.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<Attributes>", optional))]
    pub attributes: Attributes,
    /// Behavioural history in any accepted event shape.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<Vec<RawEvent>>", optional))]
    pub events: Vec<RawEvent>,
    /// Raw events the host sent beyond what is read (the oldest end of a very long history,
    /// dropped before conversion); counted as received and truncated.
    #[serde(skip)]
    #[cfg_attr(test, ts(skip))]
    pub events_dropped: u32,
}

/// Customer attributes. Unknown keys are kept and reach templates as `customer.attributes.*`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default)]
pub struct Attributes {
    /// Given name for the greeting (`first_name` or `firstName`).
    #[serde(alias = "firstName")]
    #[cfg_attr(test, ts(optional))]
    pub first_name: Option<String>,
    /// BCP 47 locale, e.g. `en-GB`; the campaign's locale when absent.
    #[cfg_attr(test, ts(optional))]
    pub locale: Option<String>,
    /// `female`, `male` or `unisex`, as in Merchant Center; filters products when known.
    #[cfg_attr(test, ts(optional))]
    pub gender: Option<String>,
    /// Preferred size, e.g. `M`; a hint for the product choice.
    #[cfg_attr(test, ts(optional))]
    pub size: Option<String>,
    /// Any other attribute, passed to templates untouched (and escaped there).
    #[serde(flatten)]
    #[cfg_attr(test, ts(skip))]
    pub extra: BTreeMap<String, serde_json::Value>,
}
