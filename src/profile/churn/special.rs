//! Special functions for the churn model: log-gamma and the Gauss hypergeometric series.

use std::f64::consts::PI;

/// Lanczos coefficients (g = 7, n = 9): about 15 significant digits for x > 0.
const LANCZOS: [f64; 9] = [
    0.999_999_999_999_809_9,
    676.520_368_121_885_1,
    -1_259.139_216_722_402_8,
    771.323_428_777_653_1,
    -176.615_029_162_140_6,
    12.507_343_278_686_905,
    -0.138_571_095_265_720_12,
    9.984_369_578_019_572e-6,
    1.505_632_735_149_311_6e-7,
];

/// ln Γ(x) for x > 0 (reflection below 0.5).
pub fn ln_gamma(x: f64) -> f64 {
    if !x.is_finite() || x <= 0.0 {
        return f64::NAN;
    }
    if x < 0.5 {
        return (PI / (PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let t = x + 7.5;
    let mut sum = LANCZOS[0];
    for (i, c) in LANCZOS.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    0.5 * (2.0 * PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// ₂F₁(a, b; c; z) by its power series, for 0 <= z < 1; `None` if it does not converge.
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    if !(0.0..1.0).contains(&z) || c <= 0.0 {
        return None;
    }
    let (mut term, mut sum) = (1.0f64, 1.0f64);
    for n in 0..20_000 {
        let n = f64::from(n);
        term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
        sum += term;
        if term.abs() <= 1e-14 * sum.abs() {
            return sum.is_finite().then_some(sum);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_gamma_matches_known_values() {
        assert!((ln_gamma(1.0)).abs() < 1e-13);
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-12);
        assert!((ln_gamma(0.5) - PI.sqrt().ln()).abs() < 1e-12);
        assert!((ln_gamma(100.5) - 361.435_540_467_777_6).abs() < 1e-9);
        assert!(ln_gamma(0.0).is_nan());
    }

    #[test]
    fn hyp2f1_matches_closed_forms() {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z
        let z = 0.7;
        assert!((hyp2f1(1.0, 1.0, 2.0, z).unwrap_or(0.0) - (-(1.0f64 - z).ln() / z)).abs() < 1e-12);
        // 2F1(a, b; b; z) = (1 - z)^-a
        assert!((hyp2f1(2.5, 3.0, 3.0, 0.4).unwrap_or(0.0) - 0.6f64.powf(-2.5)).abs() < 1e-12);
        assert_eq!(hyp2f1(1.0, 1.0, 2.0, 1.0), None);
    }
}
