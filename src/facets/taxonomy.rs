//! Shopify's open product taxonomy (a subset, vendored in `templates/taxonomy/` with its MIT
//! license): each category's own name in English, German and French, so every language's
//! name of a category means the same facet, and a category id reads as its English path.

use crate::input::FnvMap;

/// Shopify taxonomy categories: id, then the category's own name in en, de, fr.
const TAXONOMY: &str = include_str!("../../templates/taxonomy/categories.tsv");

fn taxonomy_rows() -> impl Iterator<Item = [&'static str; 4]> {
    TAXONOMY
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let mut cols = line.split('\t');
            Some([cols.next()?, cols.next()?, cols.next()?, cols.next()?])
        })
}

/// Taxonomy id -> its names in en, de, fr.
pub(super) fn taxonomy_names() -> FnvMap<&'static str, [(&'static str, &'static str); 3]> {
    taxonomy_rows()
        .map(|[id, en, de, fr]| (id, [("en", en), ("de", de), ("fr", fr)]))
        .collect()
}

/// Taxonomy id -> English path from the root (`Apparel & Accessories > Clothing > ...`).
pub(super) fn taxonomy_paths() -> FnvMap<String, String> {
    let names: FnvMap<&str, &str> = taxonomy_rows().map(|[id, en, _, _]| (id, en)).collect();
    names
        .keys()
        .map(|id| {
            let mut levels = Vec::new();
            let mut at: &str = id;
            loop {
                if let Some(name) = names.get(at) {
                    levels.push(*name);
                }
                match at.rsplit_once('-') {
                    Some((parent, _)) => at = parent,
                    None => break,
                }
            }
            levels.reverse();
            ((*id).to_string(), levels.join(" > "))
        })
        .collect()
}
