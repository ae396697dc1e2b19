//! The indexed catalog, built once per `Personalizer`: products by id, interned features
//! (categories, tags, attributes) per product, item groups, and catalog-wide statistics.
//! Every per-recipient lookup is a hash of a short id or an array index.

use super::catalog::{MAX_CATALOG_PRODUCTS, Product, RawProduct};
use super::vocab::{FeatureKind, FnvMap, Vocab};
use crate::error::InputError;

/// Feature ids the stages look for by meaning.
#[derive(Debug, Clone, Copy, Default)]
pub struct SpecialTags {
    /// `new-collection`.
    pub new_collection: Option<u32>,
    /// `matching-set`.
    pub matching_set: Option<u32>,
    /// `sale` (added to every product with a sale price).
    pub sale: Option<u32>,
    /// `entry`.
    pub entry: Option<u32>,
}

/// Special tags of one product, precomputed so profiling need not scan its features.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProductFlags {
    /// Tagged `new-collection`.
    pub new_collection: bool,
    /// Tagged `matching-set`.
    pub matching_set: bool,
    /// Has a sale price.
    pub on_sale: bool,
    /// Tagged `entry`.
    pub entry: bool,
}

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
    vocab: Vocab,
    special: SpecialTags,
    median_price_minor: i64,
}

impl Catalog {
    /// Validates and indexes raw products. Errors name the JSON path under `$.catalog`.
    pub fn build(raw: Vec<RawProduct>, default_currency: &str) -> Result<Self, InputError> {
        if raw.len() > MAX_CATALOG_PRODUCTS {
            return Err(InputError::TooLarge {
                path: "$.catalog".into(),
                message: format!(
                    "{} products; the limit is {MAX_CATALOG_PRODUCTS}",
                    raw.len()
                ),
            });
        }
        let mut catalog = Catalog::default();
        let mut group_ids: FnvMap<String, u32> = FnvMap::default();
        for (i, product) in raw.into_iter().enumerate() {
            let path = format!("$.catalog[{i}]");
            let product = product.validate(&path, default_currency)?;
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
            let features = catalog.intern_features(&product);
            catalog.features.push(features);
            let has = |tag: &str| product.tags.iter().any(|t| t == tag);
            catalog.flags.push(ProductFlags {
                new_collection: has("new-collection"),
                matching_set: has("matching-set"),
                on_sale: product.sale_price_minor.is_some(),
                entry: has("entry"),
            });
            catalog.products.push(product);
        }
        catalog.group_count = group_ids.len();
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
            new_collection: v.get(FeatureKind::Tag, "new-collection"),
            matching_set: v.get(FeatureKind::Tag, "matching-set"),
            sale: v.get(FeatureKind::Tag, "sale"),
            entry: v.get(FeatureKind::Tag, "entry"),
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

    fn intern_features(&mut self, p: &Product) -> Vec<u32> {
        let v = &mut self.vocab;
        let mut ids = Vec::with_capacity(p.tags.len() + 4);
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
        if p.sale_price_minor.is_some() {
            ids.push(v.intern(FeatureKind::Tag, "sale"));
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

    /// All products in input order.
    pub fn products(&self) -> &[Product] {
        &self.products
    }

    /// Product by id.
    pub fn get(&self, id: &str) -> Option<&Product> {
        self.index_of(id).and_then(|i| self.products.get(i))
    }

    /// Position of a product by id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
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
