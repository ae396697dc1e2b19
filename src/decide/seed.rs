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
