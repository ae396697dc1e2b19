//! The facet vocabulary as data: which words, in which languages and fields, mean which facet.
//!
//! The default (`templates/lexicon.json`) covers apparel and activewear in English, German and
//! French; category names come from Shopify's open product taxonomy (`templates/taxonomy/`),
//! whose German and French names of a category mean the same facet as the English ones. A
//! brand extends or replaces the lexicon in `campaign.lexicon`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::taxonomy::{taxonomy_names, taxonomy_paths};
use super::text::words;
use crate::error::InputError;
use crate::input::FnvMap;

/// The default lexicon, shipped as data.
pub const DEFAULT_LEXICON: &str = include_str!("../../templates/lexicon.json");
/// Longest phrase matched, in words.
const MAX_PHRASE: usize = 4;
/// Facets a lexicon may define (a brand's lexicon is host input).
const MAX_FACETS: usize = 512;
/// German terms also matched inside compounds (the default lexicon has about 200).
const MAX_COMPOUND_TERMS: usize = 1_000;
/// Terms a lexicon may define over all facets and languages.
const MAX_TERMS: usize = 20_000;

/// One facet's definition.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase")]
pub struct FacetDef {
    /// Words a marketer reads (`"leggings"`, `"soft"`).
    pub label: String,
    /// Shopify taxonomy category ids (`aa-1-1-1-2`) whose names, in every language, mean it.
    pub taxonomy: Vec<String>,
    /// Facets that follow from this one (`product:leggings` -> `role:bottom`).
    pub implies: Vec<String>,
    /// Terms per language matched in name-like fields only (category paths, title, tags, labels).
    pub names: BTreeMap<String, Vec<String>>,
    /// Terms per language matched anywhere, descriptions and highlights included.
    pub words: BTreeMap<String, Vec<String>>,
    /// Names that say what a product is only when no field says it more specifically
    /// (`pant`: often a legging; UK `vest`: a tank top).
    pub weak: BTreeMap<String, Vec<String>>,
}

/// A lexicon as JSON: facet id -> definition.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase")]
pub struct LexiconSpec {
    /// Free text about the lexicon.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub about: String,
    /// Facet id (`dimension:value`) -> definition.
    pub facets: BTreeMap<String, FacetDef>,
    /// With `true`, this lexicon replaces the default instead of extending it.
    pub replace: bool,
}

/// Where a term may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Name-like fields only.
    Names,
    /// Any field.
    Anywhere,
    /// Name-like fields, and only when nothing more specific names the product.
    Weak,
}

/// A compiled lexicon: phrases to facets, ready to match word sequences.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Facet ids, in a stable order; a facet's position is its index.
    ids: Vec<String>,
    labels: Vec<String>,
    implies: Vec<Vec<usize>>,
    /// Phrase (words joined by one space) -> (facet, scope).
    phrases: FnvMap<String, Vec<(usize, Scope)>>,
    /// German terms that also match as the head or modifier of a compound (`laufjacke`).
    compound_terms: Vec<(String, usize, Scope)>,
    /// Regional English terms: (British, phrase, facet, scope).
    regional: Vec<(bool, String, usize, Scope)>,
    /// First word of each multi-word phrase -> the longest phrase it starts, in words.
    phrase_starts: FnvMap<String, usize>,
    /// Taxonomy id -> English path of names from the root (for ids sent as gids).
    taxonomy_paths: FnvMap<String, String>,
}

/// A matched term.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Facet index.
    pub facet: usize,
    /// The words as they appeared.
    pub words: String,
    /// Matched by a weak name.
    pub weak: bool,
}

impl Lexicon {
    /// The default lexicon.
    pub fn default_lexicon() -> Result<Self, InputError> {
        Self::from_specs(&[parse(DEFAULT_LEXICON, "templates/lexicon.json")?])
    }

    /// The default lexicon extended (or replaced) by a brand's.
    pub fn with_brand(brand: Option<&LexiconSpec>) -> Result<Self, InputError> {
        let base = parse(DEFAULT_LEXICON, "templates/lexicon.json")?;
        match brand {
            None => Self::from_specs(&[base]),
            Some(b) if b.replace => Self::from_specs(std::slice::from_ref(b)),
            Some(b) => Self::from_specs(&[base, b.clone()]),
        }
    }

    /// Compiles specs in order; a later spec's terms for a facet add to the earlier ones'.
    fn from_specs(specs: &[LexiconSpec]) -> Result<Self, InputError> {
        let taxonomy = taxonomy_names();
        let mut lex = Lexicon::default();
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        let mut terms = 0usize;
        for spec in specs {
            for (id, def) in &spec.facets {
                if !id.contains(':') || id.len() > 64 {
                    return Err(InputError::invalid(
                        format!("$.campaign.lexicon.facets.{id}"),
                        "a facet id is `dimension:value`, at most 64 characters",
                    ));
                }
                let facet = lex.facet_index(&mut index, id, &def.label);
                if lex.ids.len() > MAX_FACETS {
                    return Err(InputError::TooLarge {
                        path: "$.campaign.lexicon.facets".into(),
                        message: format!("more than {MAX_FACETS} facets"),
                    });
                }
                let taxonomy_terms = def
                    .taxonomy
                    .iter()
                    .filter_map(|gid| taxonomy.get(gid.as_str()))
                    .flat_map(|names| names.iter().map(|(lang, n)| (*lang, n.to_lowercase())));
                let listed = def.names.iter().flat_map(|(lang, list)| {
                    list.iter().map(move |t| (lang.as_str(), t.to_lowercase()))
                });
                for (lang, term) in taxonomy_terms.collect::<Vec<_>>().into_iter().chain(listed) {
                    terms += 1;
                    lex.add_term(&term, lang, facet, Scope::Names);
                }
                for (scope, lists) in [(Scope::Anywhere, &def.words), (Scope::Weak, &def.weak)] {
                    for (lang, list) in lists {
                        for term in list {
                            terms += 1;
                            lex.add_term(&term.to_lowercase(), lang, facet, scope);
                        }
                    }
                }
                if terms > MAX_TERMS {
                    return Err(InputError::TooLarge {
                        path: "$.campaign.lexicon.facets".into(),
                        message: format!("more than {MAX_TERMS} terms"),
                    });
                }
            }
        }
        // Implications resolve after every facet has an index.
        lex.implies = vec![Vec::new(); lex.ids.len()];
        for spec in specs {
            for (id, def) in &spec.facets {
                let Some(&facet) = index.get(id) else {
                    continue;
                };
                for implied in &def.implies {
                    let target = lex.facet_index(&mut index, implied, "");
                    lex.implies.resize(lex.ids.len(), Vec::new());
                    if let Some(list) = lex.implies.get_mut(facet) {
                        if !list.contains(&target) {
                            list.push(target);
                        }
                    }
                }
            }
        }
        lex.taxonomy_paths = taxonomy_paths();
        Ok(lex)
    }

    fn facet_index(&mut self, index: &mut BTreeMap<String, usize>, id: &str, label: &str) -> usize {
        if let Some(&i) = index.get(id) {
            if !label.is_empty() {
                if let Some(l) = self.labels.get_mut(i) {
                    *l = label.to_string();
                }
            }
            return i;
        }
        let i = self.ids.len();
        self.ids.push(id.to_string());
        let fallback = id.split_once(':').map_or(id, |(_, v)| v).replace('-', " ");
        self.labels.push(if label.is_empty() {
            fallback
        } else {
            label.to_string()
        });
        index.insert(id.to_string(), i);
        i
    }

    fn add_term(&mut self, term: &str, lang: &str, facet: usize, scope: Scope) {
        let phrase = words(term);
        if phrase.is_empty() || phrase.len() > MAX_PHRASE {
            return;
        }
        let key = phrase.join(" ");
        if let (Some(first), true) = (phrase.first(), phrase.len() > 1) {
            let longest = self.phrase_starts.entry(first.clone()).or_insert(1);
            *longest = (*longest).max(phrase.len());
        }
        // Regional terms (`en-GB` vest: a top; `en-US` vest: a gilet) wait for the catalog's
        // dialect; American usage applies until a catalog reads as British.
        match lang {
            "en-GB" => {
                self.regional.push((true, key, facet, scope));
                return;
            }
            "en-US" => self.regional.push((false, key.clone(), facet, scope)),
            _ => {}
        }
        let entry = self.phrases.entry(key.clone()).or_default();
        if !entry.contains(&(facet, scope)) {
            entry.push((facet, scope));
        }
        // Every long name-field word is compared with every compound term: bounded, so a
        // brand's huge lexicon cannot make understanding a catalog quadratic.
        if lang == "de"
            && phrase.len() == 1
            && key.chars().count() >= 4
            && self.compound_terms.len() < MAX_COMPOUND_TERMS
        {
            self.compound_terms.push((key, facet, scope));
        }
    }

    /// Facets named in `words` (greedy, longest phrase first), as allowed in `scope`.
    pub fn matches(&self, words: &[String], scope: Scope) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let mut advanced = false;
            // Only words that start a longer phrase are tried with the words after them.
            let longest = words
                .get(at)
                .and_then(|w| self.phrase_starts.get(w.as_str()))
                .copied()
                .unwrap_or(1);
            for len in (1..=longest.min(words.len() - at)).rev() {
                let Some(slice) = words.get(at..at + len) else {
                    continue;
                };
                let key = if len == 1 {
                    slice.first().cloned().unwrap_or_default()
                } else {
                    slice.join(" ")
                };
                let found = self.lookup(&key, scope);
                if !found.is_empty() {
                    // A German compound also names its parts (`laufjacke`: running, jacket).
                    let parts = if len == 1 && scope == Scope::Names {
                        self.compounds(&key, scope)
                    } else {
                        Vec::new()
                    };
                    hits.extend(found.iter().map(|&(facet, weak)| Hit {
                        facet,
                        words: key.clone(),
                        weak,
                    }));
                    hits.extend(
                        parts
                            .into_iter()
                            .filter(|h| !found.iter().any(|(f, _)| *f == h.facet)),
                    );
                    at += len;
                    advanced = true;
                    break;
                }
            }
            if !advanced {
                if let Some(word) = words.get(at) {
                    hits.extend(self.word_fallbacks(word, scope));
                }
                at += 1;
            }
        }
        hits
    }

    /// Facets a phrase names in `scope`, each with whether it was a weak name.
    fn lookup(&self, key: &str, scope: Scope) -> Vec<(usize, bool)> {
        let pick = |list: &Vec<(usize, Scope)>| -> Vec<(usize, bool)> {
            list.iter()
                .filter(|(_, s)| allowed(scope, *s))
                .map(|(f, s)| (*f, *s == Scope::Weak))
                .collect()
        };
        let direct: Vec<(usize, bool)> = self.phrases.get(key).map(pick).unwrap_or_default();
        if !direct.is_empty() || key.contains(' ') {
            return direct;
        }
        // A plural the lexicon lists in the singular.
        key.strip_suffix('s')
            .filter(|k| k.chars().count() >= 3)
            .and_then(|k| self.phrases.get(k))
            .map(pick)
            .unwrap_or_default()
    }

    /// A word no phrase names: its hyphenated parts, then German compounds (`laufjacke`).
    fn word_fallbacks(&self, word: &str, scope: Scope) -> Vec<Hit> {
        if word.contains('-') {
            let parts: Vec<String> = word.split('-').map(str::to_string).collect();
            let hits = self.matches(&parts, scope);
            if !hits.is_empty() {
                return hits;
            }
        }
        self.compounds(word, scope)
    }

    /// German terms a long word starts or ends with (`yogahose`, `laufjacke`).
    fn compounds(&self, word: &str, scope: Scope) -> Vec<Hit> {
        if word.len() < 7 {
            return Vec::new();
        }
        let mut hits: Vec<Hit> = Vec::new();
        for (term, facet, s) in &self.compound_terms {
            if allowed(scope, *s)
                && word.len() > term.len()
                && (word.ends_with(term.as_str()) || word.starts_with(term.as_str()))
                && !hits.iter().any(|h| h.facet == *facet)
            {
                hits.push(Hit {
                    facet: *facet,
                    words: word.to_string(),
                    weak: *s == Scope::Weak,
                });
            }
        }
        hits
    }

    /// This lexicon for a catalog written in British English: `en-GB` terms replace the
    /// `en-US` ones (a vest is a top, a gilet the sleeveless jacket).
    pub fn british(&self) -> Self {
        let mut lex = self.clone();
        for (british, key, facet, scope) in &self.regional {
            let entry = lex.phrases.entry(key.clone()).or_default();
            if *british {
                // The British meaning replaces every other (a taxonomy's `Vests` included).
                entry.retain(|e| e.0 == *facet);
                if !entry.contains(&(*facet, *scope)) {
                    entry.push((*facet, *scope));
                }
            } else {
                entry.retain(|e| *e != (*facet, *scope));
            }
        }
        lex.phrases.retain(|_, list| !list.is_empty());
        lex
    }

    /// Facet id at an index.
    pub fn id(&self, facet: usize) -> &str {
        self.ids.get(facet).map_or("", String::as_str)
    }

    /// Label at an index.
    pub fn label(&self, facet: usize) -> &str {
        self.labels.get(facet).map_or("", String::as_str)
    }

    /// Index of a facet id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|i| i == id)
    }

    /// Facets implied by one facet.
    pub fn implied(&self, facet: usize) -> &[usize] {
        self.implies.get(facet).map_or(&[], Vec::as_slice)
    }

    /// The English category path of a Shopify taxonomy id or gid, when known.
    pub fn taxonomy_path(&self, id: &str) -> Option<&str> {
        let key = id.trim().rsplit('/').next().unwrap_or("");
        self.taxonomy_paths.get(key).map(String::as_str)
    }

    /// Number of facets.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when the lexicon defines no facet.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// Whether a term of `term` scope may match in a field read with `field` scope.
fn allowed(field: Scope, term: Scope) -> bool {
    field != Scope::Anywhere || term == Scope::Anywhere
}

/// Parses a lexicon given as JSON text.
pub fn parse(json: &str, path: &str) -> Result<LexiconSpec, InputError> {
    crate::error::from_json_str(path, json)
}
