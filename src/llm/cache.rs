//! Validated LLM copy by cache key (prompt version, model, catalog, angle, product, bucketed
//! features, locale, offer), never by customer: many recipients share one call. The host may
//! persist it as plain JSON (`exportCache` / `importCache`) in KV, Redis or a file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{LlmCopy, PROMPT_VERSION, Plan};

/// Entries kept in memory; past it the oldest key (in key order) makes room, deterministically.
pub const MAX_ENTRIES: usize = 10_000;

/// The cache, as it is exported.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CopyCache {
    /// Prompt version the entries were written for; others are dropped on import.
    #[serde(default)]
    pub version: String,
    /// Copy by key.
    #[serde(default)]
    pub entries: BTreeMap<String, LlmCopy>,
}

impl CopyCache {
    /// An empty cache for this prompt version.
    pub fn new() -> Self {
        CopyCache {
            version: PROMPT_VERSION.into(),
            entries: BTreeMap::new(),
        }
    }

    /// Copy for `key`, if cached.
    pub fn get(&self, key: &str) -> Option<&LlmCopy> {
        self.entries.get(key)
    }

    /// Cached copy for `plan` that still keeps its recipient's rules (shortlist, offer).
    pub fn lookup(&self, plan: &Plan) -> Option<LlmCopy> {
        self.get(&plan.cache_key)
            .filter(|c| plan.accepts_cached(c))
            .cloned()
    }

    /// Stores validated copy.
    pub fn put(&mut self, key: String, copy: LlmCopy) {
        if self.entries.len() >= MAX_ENTRIES && !self.entries.contains_key(&key) {
            self.entries.pop_first();
        }
        self.entries.insert(key, copy);
    }

    /// Merges an exported cache; entries of another prompt version are ignored (their count is
    /// returned so the host can tell).
    pub fn import(&mut self, other: CopyCache) -> usize {
        if other.version != PROMPT_VERSION {
            return other.entries.len();
        }
        for (key, copy) in other.entries {
            self.put(key, copy);
        }
        0
    }
}
