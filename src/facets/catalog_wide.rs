//! Facets that need the whole catalog: price tiers (quartiles of this catalog's regular
//! prices over item groups), sale, and set pieces across products (an item group holding a
//! top and a bottom; pieces sharing a collection name with one whose copy says it matches).

use super::lexicon::{Lexicon, Scope};
use super::text::words;
use super::{ProductFacet, has, is_garment};

/// Minor units as a plain amount (`4000` -> `40.00`), for evidence a merchandiser reads.
fn major(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, (minor % 100).abs())
}

/// Price points of the catalog, by item group.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PriceTiers {
    /// 25th percentile of item groups' lowest regular price, minor units.
    pub entry_max_minor: i64,
    /// 75th percentile.
    pub premium_min_minor: i64,
}

impl PriceTiers {
    /// Quantiles over one price per item group (variants do not weigh a style more).
    pub fn from_group_prices(mut prices: Vec<i64>) -> Self {
        prices.sort_unstable();
        let at = |q: f64| {
            let i = ((prices.len().saturating_sub(1)) as f64 * q).round() as usize;
            prices.get(i).copied().unwrap_or(0)
        };
        PriceTiers {
            entry_max_minor: at(0.25),
            premium_min_minor: at(0.75),
        }
    }

    /// The tier facet of a price, and an accessory is always an entry point.
    pub fn facet(&self, price_minor: i64, accessory: bool) -> ProductFacet {
        let (id, words) = if accessory {
            ("tier:entry", "an accessory".to_string())
        } else if price_minor <= self.entry_max_minor {
            (
                "tier:entry",
                format!(
                    "in the lowest quarter of this catalog's prices (<= {})",
                    major(self.entry_max_minor)
                ),
            )
        } else if price_minor >= self.premium_min_minor {
            (
                "tier:premium",
                format!(
                    "in the highest quarter of this catalog's prices (>= {})",
                    major(self.premium_min_minor)
                ),
            )
        } else {
            ("tier:mid", "between the catalog's quartiles".to_string())
        };
        ProductFacet {
            id: id.into(),
            source: "price".into(),
            words,
        }
    }
}

/// Adds catalog-wide facets: price tiers, sale, and set pieces across item groups (a group
/// that holds both a top and a bottom is sold as a set) and name stems (pieces that share a
/// name with a set piece and complete it).
pub fn catalog_facets(
    facets: &mut [Vec<ProductFacet>],
    groups: &[u32],
    titles: &[&str],
    prices: &[(i64, bool)],
    tiers: &PriceTiers,
    lex: &Lexicon,
) {
    let group_count = groups.iter().copied().max().map_or(0, |g| g as usize + 1);
    let mut group_roles = vec![(false, false); group_count];
    for (f, &g) in facets.iter().zip(groups) {
        if let Some(roles) = group_roles.get_mut(g as usize) {
            roles.0 |= has(f, "role:top");
            roles.1 |= has(f, "role:bottom") && !has(f, "product:onepiece");
        }
    }
    // Name stems of explicit set pieces (`airlift` of "Airlift Bra").
    // Variants and copies repeat titles: each distinct title is read once.
    let mut by_title: crate::input::FnvMap<&str, Option<String>> = Default::default();
    let stems: Vec<Option<String>> = titles
        .iter()
        .map(|&t| by_title.entry(t).or_insert_with(|| stem(t, lex)).clone())
        .collect();
    // Only pieces whose copy presents them as matching ("the matching bra") pass it on; a
    // bundle ("Aura Set: Bra + Leggings") does not make every Aura piece a set piece.
    let set_stems: Vec<&str> = facets
        .iter()
        .zip(&stems)
        .filter(|(f, _)| {
            f.iter().any(|x| {
                x.id == "role:set"
                    && matches!(
                        x.source.as_str(),
                        "description" | "product_highlight" | "product_detail"
                    )
            })
        })
        .filter_map(|(_, s)| s.as_deref())
        .collect();
    let mut set_stems = set_stems
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    set_stems.sort_unstable();
    set_stems.dedup();
    for (i, f) in facets.iter_mut().enumerate() {
        let group = groups.get(i).and_then(|&g| group_roles.get(g as usize));
        if !has(f, "role:set") && is_garment(f) {
            if group.is_some_and(|(top, bottom)| *top && *bottom) {
                f.retain(|x| x.id != "focus:everyday");
                f.push(ProductFacet {
                    id: "role:set".into(),
                    source: "item_group_id".into(),
                    words: "its item group holds a top and a bottom".into(),
                });
            } else if let Some(s) = stems.get(i).and_then(Option::as_deref) {
                if set_stems.binary_search_by(|x| x.as_str().cmp(s)).is_ok() {
                    f.retain(|x| x.id != "focus:everyday");
                    f.push(ProductFacet {
                        id: "role:set".into(),
                        source: "title".into(),
                        words: format!("shares the name `{s}` with a set piece"),
                    });
                }
            }
        }
        let (price, on_sale) = prices.get(i).copied().unwrap_or((0, false));
        // A tier the brand names itself (an `entry` tag) stands; otherwise the price says.
        if !f.iter().any(|x| x.id.starts_with("tier:")) {
            f.push(tiers.facet(price, has(f, "role:accessory")));
        }
        if on_sale {
            f.push(ProductFacet {
                id: "offer:sale".into(),
                source: "sale_price".into(),
                words: "sale price below the regular price".into(),
            });
        }
    }
}

/// A title's collection name: its words before any colour suffix (` - Black`) that name no
/// facet and are no number (`Cloud Rib` of "Cloud Rib Bra - Black", `Welle` of
/// "NEU: Rippen-Bra Welle – Schwarz"), when at least four letters remain.
fn stem(title: &str, lex: &Lexicon) -> Option<String> {
    const GENERIC: [&str; 11] = [
        "the", "women's", "womens", "men's", "mens", "ladies", "damen", "herren", "femme", "homme",
        "unisex",
    ];
    let name = title
        .split([' ', '\u{a0}'])
        .take_while(|w| !matches!(*w, "-" | "–" | "—" | "|"))
        .collect::<Vec<_>>()
        .join(" ");
    let kept: Vec<String> = words(&name)
        .into_iter()
        .filter(|w| {
            !GENERIC.contains(&w.as_str())
                && w.chars().all(char::is_alphabetic)
                && lex
                    .matches(std::slice::from_ref(w), Scope::Names)
                    .is_empty()
        })
        .collect();
    let stem = kept.join(" ");
    (stem.chars().count() >= 4).then_some(stem)
}
