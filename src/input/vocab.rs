//! The catalog's feature vocabulary: every category level, tag and attribute interned once per
//! catalog, so per-recipient profiling and scoring index arrays instead of hashing strings.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a for short keys (product ids, tags): faster than SipHash for ids of a dozen bytes
/// (an 8-bytes-a-step Fx hash measured slower here); HashDoS is moot, the keys come from the
/// host's own catalog.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// A hash map keyed by short strings.
pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// What a feature describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeatureKind {
    /// A category level (`leggings`).
    Category,
    /// A store tag as the feed spells it (`studio`).
    Tag,
    /// An attribute (`color:black`, `size:m`).
    Attribute,
    /// A facet from catalog understanding (`activity:yoga`, `role:outer-layer`, `tier:entry`).
    Facet,
}

/// Interned feature names.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    names: Vec<String>,
    kinds: Vec<FeatureKind>,
    /// One map per kind, so a lookup by `&str` allocates nothing.
    index: [FnvMap<String, u32>; 4],
}

impl Vocab {
    /// The id of `name` of `kind`, adding it if new.
    pub fn intern(&mut self, kind: FeatureKind, name: &str) -> u32 {
        if let Some(id) = self.get(kind, name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_string());
        self.kinds.push(kind);
        if let Some(map) = self.index.get_mut(kind as usize) {
            map.insert(name.to_string(), id);
        }
        id
    }

    /// The id of `name` of `kind`, if the catalog has it.
    pub fn get(&self, kind: FeatureKind, name: &str) -> Option<u32> {
        self.index.get(kind as usize)?.get(name).copied()
    }

    /// Name of a feature id.
    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }

    /// Kind of a feature id.
    pub fn kind(&self, id: u32) -> Option<FeatureKind> {
        self.kinds.get(id as usize).copied()
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when the catalog has no feature.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}
