//! Deterministic seeds: the same customer, campaign and send always make the same choices.

/// FNV-1a, 64 bit: tiny, stable across platforms and versions (unlike `DefaultHasher`).
pub fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Picks an index in `0..len` for a named slot from the seed (0 when `len` is 0).
pub fn pick(seed: u64, slot: &str, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (fnv1a(&[&seed.to_string(), slot]) % len as u64) as usize
}

/// Stable holdout membership: the same customer is in or out for the whole campaign
/// (independent of send id), and `share` of all ids are in.
pub fn in_holdout(customer_id: &str, campaign_id: &str, share: f64) -> bool {
    if share.is_nan() || share <= 0.0 {
        return false;
    }
    let h = fnv1a(&[customer_id, campaign_id, "holdout"]);
    // NOTE: FNV's low bits mix poorly on similar ids; fold the high half in before scaling.
    let mixed = (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    ((mixed >> 11) as f64 / (1u64 << 53) as f64) < share
}
