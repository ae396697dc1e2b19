//! The indexed catalog, built once per `Personalizer`: products by id, interned features
//! (categories, tags, attributes) per product, item groups, and catalog-wide statistics.
//! Every per-recipient lookup is a hash of a short id or an array index.

use super::catalog::{MAX_CATALOG_PRODUCTS, Product, RawProduct};
use super::vocab::{FeatureKind, FnvMap, Vocab};
use crate::error::InputError;
use crate::facets::{Lexicon, PriceTiers, ProductFacet, catalog_facets};

/// Facet ids the stages look for by meaning.
#[derive(Debug, Clone, Copy, Default)]
pub struct SpecialTags {
    /// `collection:new`.
    pub new_collection: Option<u32>,
    /// `role:set`.
    pub matching_set: Option<u32>,
    /// `offer:sale` (every product with a sale price).
    pub sale: Option<u32>,
    /// `tier:entry` (the low end of this catalog's prices, or an accessory).
    pub entry: Option<u32>,
}

/// Facets of one product the profile reads per event, precomputed so it need not scan them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProductFlags {
    /// `collection:new`.
    pub new_collection: bool,
    /// `role:set`: a set piece.
    pub matching_set: bool,
    /// Has a sale price.
    pub on_sale: bool,
    /// `tier:entry`.
    pub entry: bool,
}

/// Facet names of the special facets.
pub const NEW_COLLECTION: &str = "collection:new";
/// A set piece.
pub const SET_PIECE: &str = "role:set";
/// On sale.
pub const ON_SALE: &str = "offer:sale";
/// An entry product.
pub const ENTRY: &str = "tier:entry";

/// The validated, indexed catalog.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    products: Vec<Product>,
    by_id: FnvMap<String, usize>,
    /// Per product: its feature ids (categories below the department, tags, `sale`, attributes).
    features: Vec<Vec<u32>>,
    /// Per product: its item group's index.
    groups: Vec<u32>,
    /// Per product: which special tags it carries.
    flags: Vec<ProductFlags>,
    /// Per feature id: the products carrying it (ascending), for pruned scoring.
    postings: Vec<Vec<u32>>,
    group_count: usize,
    /// Per item group: its products' positions, ascending.
    members: Vec<Vec<u32>>,
    /// Item group id -> group index.
    group_ids: FnvMap<String, u32>,
    vocab: Vocab,
    special: SpecialTags,
    median_price_minor: i64,
    tiers: PriceTiers,
    /// Facet id -> words a marketer reads (`focus:studio` -> "studio and low-impact").
    facet_labels: FnvMap<String, String>,
    /// Per feature id: the share of item groups carrying it (what browsing at random gives).
    base_rates: Vec<f64>,
    /// Per product: (facet feature id, word id) of the words that gave each facet, a rule's
    /// facet (`focus:studio`) showing its source's words.
    facet_words: Vec<Vec<(u32, u32)>>,
    /// Interned evidence words.
    words: Vec<String>,
}

/// A catalog in British English: priced in pounds, or calling sleeveless jackets gilets and
/// sweaters jumpers (so its `vest` is a top).
fn reads_british(raw: &[RawProduct], default_currency: &str) -> bool {
    let gbp = |m: &Option<super::values::Money>| matches!(m, Some(super::values::Money::Text(t)) if t.trim_end().to_ascii_uppercase().ends_with("GBP"));
    let words = |p: &RawProduct| {
        [p.title.as_deref(), p.product_type.as_deref()]
            .into_iter()
            .flatten()
            .any(|t| {
                let t = t.to_lowercase();
                ["gilet", "jumper", "trainers"]
                    .iter()
                    .any(|w| t.contains(w))
            })
    };
    default_currency.eq_ignore_ascii_case("GBP")
        || raw.iter().take(2_000).any(|p| {
            gbp(&p.price)
                || p.currency
                    .as_deref()
                    .is_some_and(|c| c.eq_ignore_ascii_case("GBP"))
                || words(p)
        })
}

fn intern_features(v: &mut Vocab, p: &Product) -> Vec<u32> {
    let mut ids = Vec::with_capacity(p.tags.len() + p.facets.len() + 4);
    // Level 1 is usually the department (women / men): not an interest.
    for category in p
        .categories
        .iter()
        .skip(usize::from(p.categories.len() > 1))
    {
        ids.push(v.intern(FeatureKind::Category, category));
    }
    for tag in &p.tags {
        ids.push(v.intern(FeatureKind::Tag, tag));
    }
    for facet in &p.facets {
        ids.push(v.intern(FeatureKind::Facet, &facet.id));
    }
    if let Some(color) = &p.color {
        ids.push(v.intern(
            FeatureKind::Attribute,
            &format!("color:{}", color.to_lowercase()),
        ));
    }
    if let Some(size) = p
        .size
        .as_deref()
        .filter(|s| !s.eq_ignore_ascii_case("one size"))
    {
        ids.push(v.intern(
            FeatureKind::Attribute,
            &format!("size:{}", size.to_lowercase()),
        ));
    }
    ids.sort_unstable();
    ids.dedup();
    ids
}

impl Catalog {
    /// Validates and indexes raw products with the default lexicon.
    pub fn build(raw: Vec<RawProduct>, default_currency: &str) -> Result<Self, InputError> {
        Self::build_with(raw, default_currency, &Lexicon::default_lexicon()?)
    }

    /// Validates, understands (facets) and indexes raw products. Errors name the JSON path
    /// under `$.catalog`.
    pub fn build_with(
        raw: Vec<RawProduct>,
        default_currency: &str,
        lexicon: &Lexicon,
    ) -> Result<Self, InputError> {
        if raw.len() > MAX_CATALOG_PRODUCTS {
            return Err(InputError::TooLarge {
                path: "$.catalog".into(),
                message: format!(
                    "{} products; the limit is {MAX_CATALOG_PRODUCTS}",
                    raw.len()
                ),
            });
        }
        let british = reads_british(&raw, default_currency).then(|| lexicon.british());
        let lexicon = british.as_ref().unwrap_or(lexicon);
        let mut catalog = Catalog::default();
        let mut group_ids: FnvMap<String, u32> = FnvMap::default();
        let mut understood = FnvMap::default();
        for (i, product) in raw.into_iter().enumerate() {
            let path = format!("$.catalog[{i}]");
            let product = product.validate(&path, default_currency, lexicon, &mut understood)?;
            if catalog.by_id.insert(product.id.clone(), i).is_some() {
                return Err(InputError::invalid(
                    format!("{path}.id"),
                    format!("duplicate product id `{}`", product.id),
                ));
            }
            let next_group = group_ids.len() as u32;
            catalog.groups.push(
                *group_ids
                    .entry(product.item_group_id.clone())
                    .or_insert(next_group),
            );
            catalog.products.push(product);
        }
        catalog.group_count = group_ids.len();
        catalog.group_ids = group_ids;
        catalog.members = vec![Vec::new(); catalog.group_count];
        for (i, &g) in catalog.groups.iter().enumerate() {
            if let Some(list) = catalog.members.get_mut(g as usize) {
                list.push(i as u32);
            }
        }
        catalog.understand(lexicon);
        for p in &catalog.products {
            for f in &p.facets {
                if !catalog.facet_labels.contains_key(&f.id) {
                    let label = lexicon
                        .find(&f.id)
                        .map(|i| lexicon.label(i).to_string())
                        .unwrap_or_else(|| f.id.split(':').nth(1).unwrap_or("").replace('-', " "));
                    catalog.facet_labels.insert(f.id.clone(), label);
                }
            }
        }
        for i in 0..catalog.products.len() {
            let Some(product) = catalog.products.get(i) else {
                continue;
            };
            let has = |id: &str| product.facets.iter().any(|f| f.id == id);
            let flags = ProductFlags {
                new_collection: has(NEW_COLLECTION),
                matching_set: has(SET_PIECE),
                on_sale: product.sale_price_minor.is_some(),
                entry: has(ENTRY),
            };
            let features = intern_features(&mut catalog.vocab, product);
            catalog.features.push(features);
            catalog.flags.push(flags);
        }
        catalog.intern_words();
        catalog.base_rates = vec![0.0; catalog.vocab.len()];
        if catalog.group_count > 0 {
            let mut seen = vec![false; catalog.group_count];
            for (i, &g) in catalog.groups.iter().enumerate() {
                if std::mem::replace(seen.get_mut(g as usize).unwrap_or(&mut true), true) {
                    continue;
                }
                for &id in catalog.features.get(i).map_or(&[][..], Vec::as_slice) {
                    if let Some(rate) = catalog.base_rates.get_mut(id as usize) {
                        *rate += 1.0 / catalog.group_count as f64;
                    }
                }
            }
        }
        catalog.postings = vec![Vec::new(); catalog.vocab.len()];
        for (index, features) in catalog.features.iter().enumerate() {
            for &id in features {
                if let Some(list) = catalog.postings.get_mut(id as usize) {
                    list.push(index as u32);
                }
            }
        }
        let v = &catalog.vocab;
        catalog.special = SpecialTags {
            new_collection: v.get(FeatureKind::Facet, NEW_COLLECTION),
            matching_set: v.get(FeatureKind::Facet, SET_PIECE),
            sale: v.get(FeatureKind::Facet, ON_SALE),
            entry: v.get(FeatureKind::Facet, ENTRY),
        };
        let mut prices: Vec<i64> = catalog
            .products
            .iter()
            .map(Product::effective_price_minor)
            .collect();
        prices.sort_unstable();
        catalog.median_price_minor = prices.get(prices.len() / 2).copied().unwrap_or(0);
        Ok(catalog)
    }

    /// Interns each product's facet evidence words once, so profiles tally them by id.
    fn intern_words(&mut self) {
        let mut ids: FnvMap<String, u32> = FnvMap::default();
        for p in &self.products {
            let mut pairs = Vec::with_capacity(p.facets.len());
            for f in &p.facets {
                // A facet from a rule (`focus:studio` "from activity:yoga") shows the words
                // of the facet it came from; implications carry no words of their own.
                let source = match f.words.strip_prefix("from ") {
                    Some(from) if f.source == "rule" => p.facets.iter().find(|x| x.id == from),
                    _ => Some(f),
                };
                let Some(source) = source.filter(|x| x.source != "lexicon" && x.words.len() <= 40)
                else {
                    continue;
                };
                let Some(feature) = self.vocab.get(FeatureKind::Facet, &f.id) else {
                    continue;
                };
                let next = ids.len() as u32;
                let word = *ids.entry(source.words.clone()).or_insert(next);
                if word == next {
                    self.words.push(source.words.clone());
                }
                pairs.push((feature, word));
            }
            self.facet_words.push(pairs);
        }
    }

    /// (facet feature id, word id) pairs of the product at a position.
    pub fn facet_words(&self, index: usize) -> &[(u32, u32)] {
        self.facet_words.get(index).map_or(&[], Vec::as_slice)
    }

    /// Interned evidence words, by word id.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Catalog-wide facets: price tiers over item groups, sale, set pieces across groups.
    fn understand(&mut self, lexicon: &Lexicon) {
        // Tiers by regular price: a legging on sale is a deal, not an entry-level product.
        let mut group_min: Vec<i64> = vec![i64::MAX; self.group_count];
        for (p, &g) in self.products.iter().zip(&self.groups) {
            if let Some(min) = group_min.get_mut(g as usize) {
                *min = (*min).min(p.price_minor);
            }
        }
        let tiers = PriceTiers::from_group_prices(group_min);
        let titles: Vec<String> = self.products.iter().map(|p| p.title.clone()).collect();
        let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
        let prices: Vec<(i64, bool)> = self
            .products
            .iter()
            .map(|p| (p.price_minor, p.sale_price_minor.is_some()))
            .collect();
        let mut facets: Vec<Vec<ProductFacet>> = self
            .products
            .iter_mut()
            .map(|p| std::mem::take(&mut p.facets))
            .collect();
        catalog_facets(&mut facets, &self.groups, &titles, &prices, &tiers, lexicon);
        for (p, f) in self.products.iter_mut().zip(facets) {
            p.facets = f;
        }
        self.tiers = tiers;
    }

    /// All products in input order.
    pub fn products(&self) -> &[Product] {
        &self.products
    }

    /// Product by id.
    pub fn get(&self, id: &str) -> Option<&Product> {
        self.index_of(id).and_then(|i| self.products.get(i))
    }

    /// Position of a product by id.
    ///
    /// An id that names no item but an item group (Shopify integrations send the product id,
    /// the feed lists variants) resolves to the group's first available variant.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        if let Some(&i) = self.by_id.get(id) {
            return Some(i);
        }
        let members = self.members(*self.group_ids.get(id)?);
        members
            .iter()
            .find(|&&i| {
                self.products
                    .get(i as usize)
                    .is_some_and(Product::is_available)
            })
            .or(members.first())
            .map(|&i| i as usize)
    }

    /// Index of an item group by its id.
    pub fn group_index(&self, item_group_id: &str) -> Option<u32> {
        self.group_ids.get(item_group_id).copied()
    }

    /// Product at a position.
    pub fn product(&self, index: usize) -> Option<&Product> {
        self.products.get(index)
    }

    /// Feature ids of the product at a position (sorted).
    pub fn features(&self, index: usize) -> &[u32] {
        self.features.get(index).map_or(&[], Vec::as_slice)
    }

    /// Products carrying a feature, ascending.
    pub fn postings(&self, feature: u32) -> &[u32] {
        self.postings
            .get(feature as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// Special tags of the product at a position.
    pub fn flags(&self, index: usize) -> ProductFlags {
        self.flags.get(index).copied().unwrap_or_default()
    }

    /// Item group index of the product at a position.
    pub fn group(&self, index: usize) -> u32 {
        self.groups.get(index).copied().unwrap_or(u32::MAX)
    }

    /// Positions of the products of an item group (its variants), ascending.
    pub fn members(&self, group: u32) -> &[u32] {
        self.members.get(group as usize).map_or(&[], Vec::as_slice)
    }

    /// Number of item groups.
    pub fn group_count(&self) -> usize {
        self.group_count
    }

    /// The feature vocabulary.
    pub fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// Ids of the tags the stages look for by meaning.
    pub fn special(&self) -> SpecialTags {
        self.special
    }

    /// Share of item groups carrying a facet: the interest a customer browsing at random
    /// would show in it.
    pub fn base_rate(&self, facet: &str) -> f64 {
        self.vocab
            .get(FeatureKind::Facet, facet)
            .and_then(|id| self.base_rates.get(id as usize))
            .copied()
            .unwrap_or(0.0)
    }

    /// A hash of every product's id, title and price, for LLM cache keys.
    pub fn fingerprint(&self) -> String {
        let mut parts: Vec<String> = Vec::with_capacity(self.len() * 3);
        for p in self.products() {
            parts.push(p.id.clone());
            parts.push(p.title.clone());
            parts.push(p.price_minor.to_string());
        }
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        format!("{:016x}", crate::decide::seed::fnv1a(&refs))
    }

    /// What a facet means in a marketer's words (the id itself when unknown).
    pub fn facet_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.facet_labels.get(id).map_or(id, String::as_str)
    }

    /// The catalog's price quartiles by item group.
    pub fn tiers(&self) -> PriceTiers {
        self.tiers
    }

    /// Median effective price, the reference for a customer's price band.
    pub fn median_price_minor(&self) -> i64 {
        self.median_price_minor
    }

    /// Number of products.
    pub fn len(&self) -> usize {
        self.products.len()
    }

    /// True when the catalog has no product.
    pub fn is_empty(&self) -> bool {
        self.products.is_empty()
    }
}
