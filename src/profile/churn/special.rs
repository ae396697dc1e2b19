//! Special functions for the churn model: log-gamma, the Gauss hypergeometric series, and an
//! adaptive Gauss-Kronrod quadrature (the fallback where a series would not converge).

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

/// Gauss-Kronrod 15-point nodes on [-1, 1] (non-negative half; QUADPACK's `qk15`).
const KRONROD_NODES: [f64; 8] = [
    0.991_455_371_120_812_6,
    0.949_107_912_342_758_5,
    0.864_864_423_359_769_1,
    0.741_531_185_599_394_4,
    0.586_087_235_467_691_1,
    0.405_845_151_377_397_2,
    0.207_784_955_007_898_5,
    0.0,
];
/// Kronrod weights, matching [`KRONROD_NODES`].
const KRONROD_WEIGHTS: [f64; 8] = [
    0.022_935_322_010_529_224,
    0.063_092_092_629_978_55,
    0.104_790_010_322_250_18,
    0.140_653_259_715_525_92,
    0.169_004_726_639_267_9,
    0.190_350_578_064_785_4,
    0.204_432_940_075_298_9,
    0.209_482_141_084_727_83,
];
/// Gauss 7-point weights, at the odd-indexed Kronrod nodes (0.949…, 0.741…, 0.405…, 0).
const GAUSS_WEIGHTS: [f64; 4] = [
    0.129_484_966_168_869_7,
    0.279_705_391_489_276_7,
    0.381_830_050_505_118_9,
    0.417_959_183_673_469_4,
];

/// One Gauss-Kronrod (7, 15) panel over [lo, hi]: the estimate and its error bound.
fn kronrod_panel(f: &dyn Fn(f64) -> f64, lo: f64, hi: f64) -> (f64, f64) {
    let (mid, half) = (0.5 * (lo + hi), 0.5 * (hi - lo));
    let (mut kronrod, mut gauss) = (0.0, 0.0);
    for (i, (node, wk)) in KRONROD_NODES.iter().zip(KRONROD_WEIGHTS).enumerate() {
        let values = if *node == 0.0 {
            f(mid)
        } else {
            f(mid - half * node) + f(mid + half * node)
        };
        kronrod += wk * values;
        if i % 2 == 1 {
            gauss += GAUSS_WEIGHTS.get(i / 2).copied().unwrap_or(0.0) * values;
        }
    }
    (kronrod * half, ((kronrod - gauss) * half).abs())
}

/// ∫ f over consecutive `breakpoints` (sorted, at least two) by adaptive Gauss-Kronrod: the panel
/// with the largest error estimate is halved until the total error is below `rel_tol` times the
/// total, or after 400 panels, or when halving only reshuffles rounding noise (QUADPACK's
/// `qagse` test: six splits that change the value by under 1e-5 and the error by under 1%).
/// That last case is a noisy integrand, e.g. a difference of two large logarithms: without
/// the test every such integral ran to 400 panels, and a fit made of them took seconds.
/// `f` must be finite on the range; the result is NaN otherwise.
pub fn integrate(f: &dyn Fn(f64) -> f64, breakpoints: &[f64], rel_tol: f64) -> f64 {
    let mut panels: Vec<(f64, f64, f64, f64)> = breakpoints
        .windows(2)
        .filter_map(|w| match w {
            [lo, hi] if hi > lo => {
                let (v, e) = kronrod_panel(f, *lo, *hi);
                Some((*lo, *hi, v, e))
            }
            _ => None,
        })
        .collect();
    // Running sums (a split changes them by its own panels), not a pass over all panels per split.
    let mut total: f64 = panels.iter().map(|p| p.2).sum();
    let mut error: f64 = panels.iter().map(|p| p.3).sum();
    let mut futile_splits = 0;
    while panels.len() < 400 && futile_splits < 6 {
        // Done when the error is small enough (or NaN).
        if error.partial_cmp(&(rel_tol * total.abs())) != Some(std::cmp::Ordering::Greater) {
            break;
        }
        let Some(worst) = panels
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.3.total_cmp(&b.1.3))
            .map(|(i, _)| i)
        else {
            break;
        };
        let (lo, hi, v, e) = panels.swap_remove(worst);
        let mid = 0.5 * (lo + hi);
        if !(mid > lo && mid < hi) {
            // The panel cannot be split further in floating point.
            panels.push((lo, hi, v, 0.0));
            error -= e;
            continue;
        }
        let (v1, e1) = kronrod_panel(f, lo, mid);
        let (v2, e2) = kronrod_panel(f, mid, hi);
        panels.push((lo, mid, v1, e1));
        panels.push((mid, hi, v2, e2));
        let (v12, e12) = (v1 + v2, e1 + e2);
        if (v12 - v).abs() <= 1e-5 * v12.abs() && e12 >= 0.99 * e {
            futile_splits += 1;
        }
        total += v12 - v;
        error += e12 - e;
    }
    panels.iter().map(|p| p.2).sum()
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

    #[test]
    fn integrate_stops_when_splitting_only_reshuffles_noise() {
        // A smooth integrand with relative rounding noise of 1e-9 (as a difference of two
        // large logarithms has): 1e-13 is out of reach, and halving panels cannot get there.
        let calls = std::cell::Cell::new(0u32);
        let noisy = |x: f64| {
            calls.set(calls.get() + 1);
            let jitter = ((x * 1e7).sin() * 43_758.545_3).fract() * 1e-9;
            (-x).exp() * (1.0 + jitter)
        };
        let v = integrate(&noisy, &[0.0, 5.0], 1e-13);
        assert!((v - (1.0 - (-5.0f64).exp())).abs() < 1e-8, "{v}");
        // 400 panels would be about 6,000 calls.
        assert!(calls.get() < 1_000, "{} calls", calls.get());
    }

    #[test]
    fn kronrod_is_exact_for_polynomials_and_adapts_to_peaks() {
        // G7 is exact to degree 13 and K15 to degree 22: the panel's error estimate vanishes there.
        let (v, e) = kronrod_panel(&|x: f64| x.powi(13) + 3.0 * x.powi(4), 0.0, 2.0);
        let want = 2f64.powi(14) / 14.0 + 3.0 * 2f64.powi(5) / 5.0;
        assert!(
            (v - want).abs() < 1e-12 * want && e < 1e-9 * want,
            "{v} {e}"
        );
        let (v, _) = kronrod_panel(&|x: f64| x.powi(22), -1.0, 1.0);
        assert!((v - 2.0 / 23.0).abs() < 1e-14, "{v}");
        // A sharp peak near one end: adaptivity finds it.
        let v = integrate(&|x: f64| (-1e4 * x).exp(), &[0.0, 1.0], 1e-13);
        assert!((v * 1e4 - 1.0).abs() < 1e-12, "{v}");
        let v = integrate(&|x: f64| 1.0 / (1.0 + x * x), &[0.0, 1.0, 1e3], 1e-13);
        assert!((v - 1e3f64.atan()).abs() < 1e-12, "{v}");
        assert_eq!(integrate(&|x: f64| x, &[1.0], 1e-12), 0.0);
    }
}
