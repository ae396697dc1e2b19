//! Interest in one facet, category, tag or attribute, with the events and words behind it.

use serde::Serialize;

/// How many events of each kind support an affinity.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// Product views.
    pub views: u32,
    /// Cart adds and checkouts.
    pub carts: u32,
    /// Wishlist adds.
    pub wishlists: u32,
    /// Purchased lines.
    pub purchases: u32,
    /// Email clicks on a product.
    pub clicks: u32,
}

/// Interest in one category, tag or attribute: its share of all decayed, signal-weighted
/// interest of that kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Affinity {
    /// Category level, tag or attribute (`color:black`), lower-cased.
    pub key: String,
    /// Share in 0..1.
    pub score: f64,
    /// Supporting events.
    pub evidence: Evidence,
    /// For facets: the words in the products they engaged with that gave the facet, most
    /// frequent first (`["yoga", "buttery-soft"]`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, ts(as = "Option<Vec<String>>", optional))]
    pub words: Vec<String>,
    /// For facets: what it means in words (`"studio and low-impact"`).
    #[serde(skip_serializing_if = "String::is_empty")]
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub label: String,
}

impl Affinity {
    /// "studio and low-impact (72% of their interest: 6 views, 2 purchases; described as
    /// yoga / buttery-soft)": the facet and its evidence in a marketer's words.
    pub fn describe(&self) -> String {
        let e = &self.evidence;
        let counts: Vec<String> = [
            (e.views, "view"),
            (e.carts, "cart add"),
            (e.wishlists, "wishlist add"),
            (e.purchases, "purchase"),
            (e.clicks, "email click"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}{}", if *n == 1 { "" } else { "s" }))
        .collect();
        let name = if self.label.is_empty() {
            &self.key
        } else {
            &self.label
        };
        let mut out = format!("{name} ({:.0}% of their interest", self.score * 100.0);
        if !counts.is_empty() {
            out.push_str(": ");
            out.push_str(&counts.join(", "));
        }
        if !self.words.is_empty() {
            out.push_str("; described as ");
            out.push_str(&self.words.join(" / "));
        }
        out.push(')');
        out
    }
}
