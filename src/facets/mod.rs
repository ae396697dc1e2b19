//! Catalog understanding, built once per catalog: every product gets facets (what it is, what
//! it is for, how it feels, its role in an outfit, its collection and price tier) from the
//! fields real feeds carry, each facet with the field and words it came from.
//!
//! Input: the fields of a product as the feed sent them (no hand-made tags needed). Output:
//! [`ProductFacet`]s, which the profile and the angles speak instead of any one brand's words.
//! Invariants: deterministic; bounded work per product (fields are truncated, phrases are at
//! most four words); a product of one exclusive dimension (`product:*`, `impact:*`) gets at
//! most one value, from its most specific source.

mod catalog_wide;
pub mod lexicon;
mod taxonomy;
pub mod text;

pub use catalog_wide::{PriceTiers, catalog_facets};

pub use lexicon::{FacetDef, Lexicon, LexiconSpec, Scope};

use serde::Serialize;

use lexicon::Hit;
use text::{path_levels, strip_html, words};

/// One facet of a product, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProductFacet {
    /// Facet id, `dimension:value` (`activity:yoga`, `role:outer-layer`, `tier:entry`).
    pub id: String,
    /// The field it came from (`product_type`, `title`, `description`, `tags`, `price`, ...).
    pub source: String,
    /// The words that said so, or the rule (`"implied by product:leggings"`).
    pub words: String,
}

/// The text fields of one product, as the feed sent them.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProductText<'a> {
    /// `product_type`.
    pub product_type: Option<&'a str>,
    /// Title.
    pub title: &'a str,
    /// Google category (a path; numeric ids carry no words here).
    pub google_category: Option<&'a str>,
    /// Shopify taxonomy category (a path or a gid).
    pub taxonomy_category: Option<&'a str>,
    /// Store tags.
    pub tags: &'a [String],
    /// Custom labels 0..4.
    pub labels: [Option<&'a str>; 5],
    /// Description, possibly HTML.
    pub description: &'a str,
    /// Highlights.
    pub highlights: &'a [String],
    /// Product details as `attribute: value`.
    pub details: &'a [String],
    /// Material.
    pub material: Option<&'a str>,
    /// Pattern.
    pub pattern: Option<&'a str>,
}

impl ProductText<'_> {
    /// Every field, separated, as one string: equal text, equal facets.
    pub fn fingerprint(&self) -> String {
        let mut key = String::with_capacity(self.title.len() + self.description.len() + 64);
        let fields = [
            self.product_type,
            Some(self.title),
            self.google_category,
            self.taxonomy_category,
        ]
        .into_iter()
        .chain(self.labels)
        .chain([Some(self.description), self.material, self.pattern]);
        for field in fields {
            key.push_str(field.unwrap_or(""));
            key.push('\u{1f}');
        }
        for list in [self.tags, self.highlights, self.details] {
            for item in list {
                key.push_str(item);
                key.push('\u{1e}');
            }
            key.push('\u{1f}');
        }
        key
    }
}

/// Dimensions where a product has one value at most.
fn exclusive(id: &str) -> bool {
    id.starts_with("product:") || id.starts_with("impact:")
}

/// Facet hits of one field.
struct FieldHits {
    source: &'static str,
    hits: Vec<Hit>,
}

/// Derives a product's own facets (catalog-wide ones, price tiers and sets across item groups,
/// are added by [`catalog_facets`]).
pub fn product_facets(p: &ProductText, lex: &Lexicon) -> Vec<ProductFacet> {
    let mut fields: Vec<FieldHits> = Vec::new();
    let names = |text: &str| lex.matches(&words(text), Scope::Names);
    // Category paths: deepest level first, so `Women > Tops > Hoodies` says hoodie, not top.
    let path_hits = |path: &str| -> Vec<Hit> {
        path_levels(path)
            .iter()
            .rev()
            .flat_map(|level| names(level))
            .collect()
    };
    if let Some(path) = p.product_type {
        fields.push(FieldHits {
            source: "product_type",
            hits: path_hits(path),
        });
    }
    // Titles name the product last ("Polar Fleece Jacket"): the last hit of a dimension wins.
    let mut title = names(p.title);
    title.reverse();
    fields.push(FieldHits {
        source: "title",
        hits: title,
    });
    let taxonomy = p.taxonomy_category.map(|t| {
        lex.taxonomy_path(t)
            .map_or_else(|| t.to_string(), str::to_string)
    });
    if let Some(path) = &taxonomy {
        fields.push(FieldHits {
            source: "taxonomy_category",
            hits: path_hits(path),
        });
    }
    if let Some(path) = p
        .google_category
        .filter(|g| !g.trim().chars().all(|c| c.is_ascii_digit()))
    {
        fields.push(FieldHits {
            source: "google_product_category",
            hits: path_hits(path),
        });
    }
    let tag_hits = p
        .tags
        .iter()
        .flat_map(|t| names(&t.replace(['_', '-'], " ")))
        .collect();
    fields.push(FieldHits {
        source: "tags",
        hits: tag_hits,
    });
    for (i, label) in p.labels.iter().enumerate() {
        if let Some(label) = label {
            const SOURCES: [&str; 5] = [
                "custom_label_0",
                "custom_label_1",
                "custom_label_2",
                "custom_label_3",
                "custom_label_4",
            ];
            fields.push(FieldHits {
                source: SOURCES.get(i).copied().unwrap_or("custom_label"),
                hits: names(label),
            });
        }
    }
    let details = p.details.iter().flat_map(|d| names(d)).collect();
    fields.push(FieldHits {
        source: "product_detail",
        hits: details,
    });
    let anywhere = |text: &str| lex.matches(&words(&strip_html(text)), Scope::Anywhere);
    for (source, text) in [("material", p.material), ("pattern", p.pattern)] {
        if let Some(text) = text {
            fields.push(FieldHits {
                source,
                hits: anywhere(text),
            });
        }
    }
    let highlights = p.highlights.iter().flat_map(|h| anywhere(h)).collect();
    fields.push(FieldHits {
        source: "product_highlight",
        hits: highlights,
    });
    fields.push(FieldHits {
        source: "description",
        hits: anywhere(p.description),
    });

    let mut out: Vec<ProductFacet> = Vec::new();
    // Weak names (`pant`, UK `vest`) decide what a product is only in a second pass, when no
    // field named it more specifically.
    for weak_pass in [false, true] {
        for field in &fields {
            for hit in field.hits.iter().filter(|h| h.weak == weak_pass) {
                let id = lex.id(hit.facet);
                if id.starts_with("ignore:") || out.iter().any(|f| f.id == id) {
                    continue;
                }
                // Exclusive dimensions keep their first (most specific) source; a description
                // never decides what a product is ("pair it with our matching jacket").
                if exclusive(id) {
                    let dimension = id.split(':').next().unwrap_or("");
                    if out
                        .iter()
                        .any(|f| f.id.split(':').next() == Some(dimension))
                    {
                        continue;
                    }
                }
                out.push(ProductFacet {
                    id: id.to_string(),
                    source: field.source.to_string(),
                    words: hit.words.clone(),
                });
            }
        }
    }
    studio_pants_are_leggings(&mut out, &fields, lex);
    add_implied(&mut out, lex);
    add_focus(&mut out);
    // A bundle of socks is not an outfit: sets are garments.
    if has(&out, "role:set") && has(&out, "role:accessory") && !is_garment(&out) {
        out.retain(|f| f.id != "role:set");
    }
    out
}

/// In activewear a stretch pant made for yoga or pilates is a legging (the "Align Pant"):
/// a product named only by a weak `pant` becomes leggings when it is for the studio and its
/// fabric stretches.
fn studio_pants_are_leggings(out: &mut [ProductFacet], fields: &[FieldHits], lex: &Lexicon) {
    let for_the_studio = ["activity:yoga", "activity:pilates", "activity:studio"]
        .iter()
        .any(|id| has(out, id));
    if !for_the_studio || !has(out, "feel:stretch") {
        return;
    }
    let Some(product) = out.iter_mut().find(|f| f.id == "product:joggers") else {
        return;
    };
    let named_weakly = fields
        .iter()
        .flat_map(|f| &f.hits)
        .any(|h| h.weak && h.words == product.words && lex.id(h.facet) == "product:joggers");
    if named_weakly {
        product.id = "product:leggings".into();
        product.words = format!("{} for the studio, in stretch fabric", product.words);
    }
}

pub(crate) fn has(facets: &[ProductFacet], id: &str) -> bool {
    facets.iter().any(|f| f.id == id)
}

pub(crate) fn is_garment(facets: &[ProductFacet]) -> bool {
    ["role:top", "role:bottom"].iter().any(|r| has(facets, r))
}

fn add_implied(out: &mut Vec<ProductFacet>, lex: &Lexicon) {
    let mut at = 0;
    // Breadth-first over implications; each facet is added once, so this ends.
    while at < out.len() {
        let Some(id) = out.get(at).map(|f| f.id.clone()) else {
            break;
        };
        if let Some(facet) = lex.find(&id) {
            for &implied in lex.implied(facet) {
                let target = lex.id(implied);
                if !has(out, target) {
                    out.push(ProductFacet {
                        id: target.to_string(),
                        source: "lexicon".into(),
                        words: format!("implied by {id}"),
                    });
                }
            }
        }
        at += 1;
    }
}

/// What the product is for: studio (yoga, pilates, low impact), performance (running,
/// training, high impact), everyday (lounge, or casual basics not made for the studio).
fn add_focus(out: &mut Vec<ProductFacet>) {
    let first = |ids: &[&str]| {
        ids.iter()
            .find(|id| has(out, id))
            .map(|id| (*id).to_string())
    };
    let studio = first(&[
        "activity:yoga",
        "activity:pilates",
        "activity:studio",
        "impact:low",
    ]);
    let performance = first(&[
        "activity:running",
        "activity:training",
        "activity:outdoor",
        "impact:high",
    ]);
    // Casual basics are everyday pieces whatever sport their copy names (a running tee is
    // still a tee), but not when made for the studio, which has its own angle.
    // A set piece is bought for the look, not as a basic: it is no everyday piece.
    let set_piece = has(out, "role:set");
    let everyday = first(&["activity:lounge"])
        .filter(|_| !set_piece)
        .or_else(|| {
            if studio.is_some() || set_piece {
                return None;
            }
            first(&[
                "product:tee",
                "product:joggers",
                "product:hoodie",
                "product:shorts",
                "product:jacket",
            ])
        });
    for (focus, from) in [
        ("focus:studio", studio),
        ("focus:performance", performance),
        ("focus:everyday", everyday),
    ] {
        if let Some(from) = from {
            out.push(ProductFacet {
                id: focus.into(),
                source: "rule".into(),
                words: format!("from {from}"),
            });
        }
    }
}

#[cfg(test)]
mod tests;
