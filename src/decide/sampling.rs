//! Seeded random draws for Thompson sampling: SplitMix64 and Beta via two Gammas.
//!
//! Deterministic for a seed on every platform, so a re-render of the same recipient and send
//! samples the same posteriors.

/// SplitMix64: small, fast, good enough for sampling (not for secrets).
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// Standard normal (Box-Muller).
    fn normal(&mut self) -> f64 {
        let (u1, u2) = (self.uniform(), self.uniform());
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }

    /// Gamma(shape, 1) by Marsaglia-Tsang (with the boost for shape < 1).
    pub fn gamma(&mut self, shape: f64) -> f64 {
        if !(shape.is_finite() && shape > 0.0) {
            return 0.0;
        }
        let (boost, k) = if shape < 1.0 {
            (self.uniform().powf(1.0 / shape), shape + 1.0)
        } else {
            (1.0, shape)
        };
        let d = k - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        // NOTE: accepts with probability > 0.95 per try; the cap only guards absurd inputs.
        for _ in 0..1_000 {
            let n = self.normal();
            let v = (1.0 + c * n).powi(3);
            if v > 0.0 && self.uniform().ln() < 0.5 * n * n + d - d * v + d * v.ln() {
                return d * v * boost;
            }
        }
        d * boost
    }

    /// Beta(a, b).
    pub fn beta(&mut self, a: f64, b: f64) -> f64 {
        let x = self.gamma(a);
        let y = self.gamma(b);
        if x + y > 0.0 { x / (x + y) } else { 0.5 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beta_draws_have_the_right_mean_and_are_reproducible() {
        let mut rng = Rng::new(7);
        let n = 20_000;
        let mean = (0..n).map(|_| rng.beta(2.0, 8.0)).sum::<f64>() / f64::from(n);
        assert!((mean - 0.2).abs() < 0.01, "{mean}");
        assert_eq!(Rng::new(42).beta(3.0, 4.0), Rng::new(42).beta(3.0, 4.0));
        assert!(Rng::new(1).gamma(f64::NAN) == 0.0);
    }
}
