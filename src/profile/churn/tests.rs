//! Unit tests of the churn model: the closed forms of every variant against the papers, Monte
//! Carlo and direct integration; limits and extreme inputs; the JSON shape and validation.

use super::score::Resolved;
use super::*;

/// A small deterministic uniform generator on (0, 1).
pub(super) fn uniforms(seed: u64) -> impl FnMut() -> f64 {
    let mut state = seed;
    move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
}

/// A Gamma(shape, scale) draw: Marsaglia-Tsang with the shape < 1 boost.
pub(super) fn gamma(shape: f64, scale: f64, u: &mut dyn FnMut() -> f64) -> f64 {
    let (boost, k) = if shape < 1.0 {
        (u().powf(1.0 / shape), shape + 1.0)
    } else {
        (1.0, shape)
    };
    let d = k - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let (u1, u2) = (u(), u());
        let n = (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos();
        let v = (1.0 + c * n).powi(3);
        if v > 0.0 && u().ln() < 0.5 * n * n + d - d * v + d * v.ln() {
            return d * v * boost * scale;
        }
    }
}

#[test]
fn recent_frequent_buyers_are_more_alive_than_lapsed_ones() {
    let m = ChurnModel::prior();
    let loyal = m.score(6.0, 350.0, 360.0, 90.0);
    let lapsed = m.score(6.0, 100.0, 360.0, 90.0);
    let one_timer_old = m.score(0.0, 0.0, 400.0, 90.0);
    assert!(loyal.p_alive > 0.9, "{loyal:?}");
    assert!(lapsed.p_alive < loyal.p_alive);
    assert!(one_timer_old.churn_risk > loyal.churn_risk);
    assert!(loyal.expected_purchases > lapsed.expected_purchases);
}

const VARIANTS: [ChurnVariant; 3] = [
    ChurnVariant::BgNbd,
    ChurnVariant::MbgNbd,
    ChurnVariant::ParetoNbd,
];

#[test]
fn extreme_inputs_stay_finite_and_bounded() {
    let mut models: Vec<ChurnModel> = VARIANTS.map(ChurnModel::prior_for).to_vec();
    // Extreme but valid parameters, including the set `lifetimes` keeps as an overflow
    // regression for Pareto/NBD (r 10.465, α 0.008, s 3.05, β 2.82).
    for (r, alpha, d1, d2) in [
        (10.465, 7.985_651_81e-3, 3.0516, 2.820),
        (1e-6, 1e6, 1e-6, 1e-6),
        (1e6, 1e-6, 1e6, 1e6),
        (0.5, 90.0, 1.0, 365.0),
    ] {
        for variant in VARIANTS {
            models.push(ChurnModel::new(variant, r, alpha, (d1, d2)));
        }
    }
    for m in &models {
        for (x, t_x, t, h) in [
            (1e9, 1e9, 1e9, 90.0),
            (1e9, 0.0, 1e9, 90.0),
            (1e9, 5.0, 6.0, 1e9),
            (400.0, 5.0, 6.0, 90.0),
            (500.0, 1.0, 37.0, 90.0),
            (0.0, 0.0, 1e12, 1e-12),
            (0.0, 0.0, 0.0, 0.0),
            (3.0, 1e-300, 1e-300, 1e300),
            (-5.0, -1.0, -3.0, 90.0),
            (f64::NAN, 1.0, 2.0, 90.0),
            (2.0, f64::INFINITY, f64::NAN, f64::INFINITY),
        ] {
            let s = m.score(x, t_x, t, h);
            assert!((0.0..=1.0).contains(&s.churn_risk), "{m:?} {s:?}");
            assert!((0.0..=1.0).contains(&s.p_alive), "{m:?} {s:?}");
            assert!(
                s.expected_purchases.is_finite() && s.expected_purchases >= 0.0,
                "{m:?} {s:?}"
            );
        }
    }
}

#[test]
fn the_horizon_is_the_callers() {
    for variant in VARIANTS {
        the_horizon_is_the_callers_for(&ChurnModel::prior_for(variant));
    }
}

fn the_horizon_is_the_callers_for(m: &ChurnModel) {
    let at = |h: f64| m.score(3.0, 200.0, 300.0, h);
    // No time to buy: no purchase for sure, none expected (also for invalid horizons).
    for h in [0.0, -5.0, f64::NAN, f64::NEG_INFINITY] {
        assert_eq!(at(h).churn_risk, 1.0, "{h}");
        assert_eq!(at(h).expected_purchases, 0.0, "{h}");
    }
    // Longer windows: less risk, more purchases, P(alive) unchanged; a tiny window buys at the
    // posterior rate P(alive)·(r + x)/(α + T).
    let windows = [1e-6, 1.0, 30.0, 90.0, 273.0, 365.0, 730.0];
    for pair in windows.windows(2) {
        let (short, long) = (at(pair[0]), at(pair[1]));
        assert!(long.churn_risk < short.churn_risk, "{pair:?}");
        assert!(
            long.expected_purchases > short.expected_purchases,
            "{pair:?}"
        );
        assert_eq!(long.p_alive, short.p_alive);
    }
    let tiny = at(1e-6);
    let rate = tiny.p_alive * (m.r + 3.0) / (m.alpha + 300.0);
    assert!(
        ((1.0 - tiny.churn_risk) / 1e-6 / rate - 1.0).abs() < 1e-6,
        "{m:?} {tiny:?}"
    );
    // (The BG closed form subtracts two nearly equal terms here, hence the looser bound.)
    assert!(
        (tiny.expected_purchases / 1e-6 / rate - 1.0).abs() < 1e-5,
        "{m:?} {tiny:?}"
    );
}

#[test]
fn expected_purchases_match_direct_integration() {
    // Alive at T, a customer with rate λ and dropout p makes (1 − e^{−λph}) / p purchases in
    // (T, T + h] on average; given alive, λ ~ Gamma(r + x, α + T) and p ~ Beta(a, b + x) (BG/NBD)
    // or Beta(a, b + x + 1) (MBG/NBD). Integrate λ in closed form and p numerically (p = u^(1/a)
    // removes the Beta's singularity at 0) and compare with the hypergeometric closed form.
    for variant in [ChurnVariant::BgNbd, ChurnVariant::MbgNbd] {
        for (r, alpha, a, b) in [(0.243, 30.9, 0.793, 2.426), (0.64, 51.0, 0.81, 1.23)] {
            let m = ChurnModel::new(variant, r, alpha, (a, b));
            for (x, t_x, t, h) in [
                (2.0, 213.0, 272.0, 273.0),
                (0.0, 0.0, 200.0, 90.0),
                (7.0, 100.0, 250.0, 365.0),
            ] {
                let s = m.score(x, t_x, t, h);
                let b_post = b
                    + x
                    + if variant == ChurnVariant::MbgNbd {
                        1.0
                    } else {
                        0.0
                    };
                let g = |p: f64| {
                    let none = ((alpha + t) / (alpha + t + p * h)).powf(r + x);
                    if p > 0.0 {
                        (1.0 - none) / p
                    } else {
                        (r + x) * h / (alpha + t)
                    }
                };
                let f = |u: f64| {
                    let p = u.powf(1.0 / a);
                    g(p) * (1.0 - p).max(0.0).powf(b_post - 1.0)
                };
                let n = 200_000;
                let du = 1.0 / f64::from(n);
                let mut sum = f(0.0) + f(1.0);
                for i in 1..n {
                    sum += f(f64::from(i) * du) * if i % 2 == 1 { 4.0 } else { 2.0 };
                }
                let ln_beta = special::ln_gamma(a) + special::ln_gamma(b_post)
                    - special::ln_gamma(a + b_post);
                let want = s.p_alive * sum * du / 3.0 / (a * ln_beta.exp());
                assert!(
                    (s.expected_purchases - want).abs() < 1e-6 * want.max(1e-3),
                    "{variant:?} ({x}, {t_x}, {t}) h {h}: closed form {}, integral {want}",
                    s.expected_purchases
                );
            }
        }
    }
}

#[test]
fn bg_nbd_conditional_expectation_matches_the_paper() {
    // Fader, Hardie and Lee (2005), CDNOW, weeks: a customer with x = 2, t_x = 30.43,
    // T = 38.86 is expected to make 1.226 purchases in the next 39 weeks.
    let m = ChurnModel::new(ChurnVariant::BgNbd, 0.243, 4.414, (0.793, 2.426));
    let s = m.score(2.0, 30.43, 38.86, 39.0);
    assert!((s.expected_purchases - 1.226).abs() < 0.01, "{s:?}");
    // A one-time buyer is alive for sure under BG/NBD, not under MBG/NBD.
    assert_eq!(m.score(0.0, 0.0, 38.0, 39.0).p_alive, 1.0);
    let mbg = ChurnModel {
        variant: ChurnVariant::MbgNbd,
        ..m
    };
    assert!(mbg.score(0.0, 0.0, 38.0, 39.0).p_alive < 1.0);
}

fn pareto(r: f64, alpha: f64, s: f64, beta: f64) -> ChurnModel {
    ChurnModel::new(ChurnVariant::ParetoNbd, r, alpha, (s, beta))
}

/// Pareto/NBD parameter sets in days: the CDNOW sample's (α < β), α > β, and α = β with s = 1.
fn pareto_models() -> [ChurnModel; 3] {
    [
        pareto(0.55, 74.06, 0.61, 81.69),
        pareto(0.6, 80.0, 0.4, 20.0),
        pareto(1.3, 50.0, 1.0, 50.0),
    ]
}

#[test]
fn pareto_nbd_matches_the_published_cdnow_figures() {
    // BTYD walkthrough (Dziurzynski, Wadsworth and McCarthy), CDNOW sample in weeks: with
    // r 0.5534, α 10.5802, s 0.6061, β 11.6562, the customer with x = 26, t_x = 30.86, T = 31
    // is alive with probability 0.9979 and expected to make 25.46 purchases in 52 weeks.
    let m = pareto(0.5534, 10.5802, 0.6061, 11.6562);
    let s = m.score(26.0, 30.86, 31.0, 52.0);
    assert!((s.p_alive - 0.9979).abs() < 5e-4, "{s:?}");
    assert!((s.expected_purchases - 25.46).abs() < 0.02, "{s:?}");
    // `lifetimes`' underflow regression (r 0.55, α 10.58, s 0.61, β 11.67): 6.206 and 6.253
    // purchases in 10 weeks for x = 132 and 133 with t_x = T = 200.
    let m = pareto(0.55, 10.58, 0.61, 11.67);
    for (x, want) in [(132.0, 6.206_051_8), (133.0, 6.252_872_2)] {
        let got = m.score(x, 200.0, 200.0, 10.0).expected_purchases;
        assert!((got - want).abs() < 1e-4, "x {x}: {got} vs {want}");
    }
}

/// P(a purchase before both dropout and the horizon's end | alive, λ, μ).
fn p_buy_given(lambda: f64, mu: f64, h: f64) -> f64 {
    lambda / (lambda + mu) * -(-(lambda + mu) * h).exp_m1()
}

#[test]
fn pareto_purchase_probability_matches_monte_carlo() {
    let mut u = tests::uniforms(2024);
    let n = 200_000;
    // 1. Fixed λ and μ: the first purchase (Exp(λ)) must come before death (Exp(μ)) and h.
    for (lambda, mu, h) in [(0.05, 0.01, 90.0), (0.5, 2.0, 1.0), (0.01, 1e-4, 273.0)] {
        let hits = (0..n)
            .filter(|_| {
                let (buy, death) = (-u().ln() / lambda, -u().ln() / mu);
                buy < death.min(h)
            })
            .count();
        let mc = hits as f64 / f64::from(n);
        let want = p_buy_given(lambda, mu, h);
        let se = (want * (1.0 - want) / f64::from(n)).sqrt();
        assert!(
            (mc - want).abs() < 4.5 * se,
            "λ {lambda} μ {mu} h {h}: {mc} vs {want}"
        );
    }
    // 2. From the model: given alive at T, λ ~ Gamma(r + x, α + T) and μ ~ Gamma(s, β + T).
    // The closed form agrees; "survive the horizon and no purchase" as the only way not to buy
    // (1 − ((β+T)/(β+T+h))^s ((α+T)/(α+T+h))^(r+x)) overstates it well beyond the noise.
    for m in pareto_models() {
        let Resolved::Pareto(p) = m.resolved() else {
            panic!("not Pareto/NBD");
        };
        for (x, t, h) in [(0.0, 100.0, 273.0), (3.0, 250.0, 90.0), (1.0, 20.0, 30.0)] {
            let hits = (0..n)
                .filter(|_| {
                    let lambda = tests::gamma(p.r + x, 1.0 / (p.alpha + t), &mut u);
                    let mu = tests::gamma(p.s, 1.0 / (p.beta + t), &mut u);
                    let (buy, death) = (-u().ln() / lambda, -u().ln() / mu);
                    buy < death.min(h)
                })
                .count();
            let mc = hits as f64 / f64::from(n);
            let want = p.p_buy_if_alive(x, t, h);
            let se = (want * (1.0 - want) / f64::from(n)).sqrt();
            assert!(
                (mc - want).abs() < 4.5 * se,
                "{p:?} ({x}, {t}) h {h}: {mc} vs {want}"
            );
            let naive = 1.0
                - ((p.beta + t) / (p.beta + t + h)).powf(p.s)
                    * ((p.alpha + t) / (p.alpha + t + h)).powf(p.r + x);
            assert!(naive - mc > 8.0 * se, "{p:?}: naive {naive} vs {mc}");
        }
    }
}

#[test]
fn pareto_expected_purchases_match_monte_carlo() {
    let mut u = tests::uniforms(99);
    let n = 100_000;
    for m in pareto_models() {
        let Resolved::Pareto(p) = m.resolved() else {
            panic!("not Pareto/NBD");
        };
        for (x, t, h) in [(0.0, 100.0, 273.0), (4.0, 250.0, 90.0)] {
            let (mut sum, mut sum2) = (0.0, 0.0);
            for _ in 0..n {
                let lambda = tests::gamma(p.r + x, 1.0 / (p.alpha + t), &mut u);
                let mu = tests::gamma(p.s, 1.0 / (p.beta + t), &mut u);
                let end = (-u().ln() / mu).min(h);
                let (mut at, mut count) = (-u().ln() / lambda, 0.0);
                while at < end {
                    count += 1.0;
                    at += -u().ln() / lambda;
                }
                sum += count;
                sum2 += count * count;
            }
            let mean = sum / f64::from(n);
            let se = ((sum2 / f64::from(n) - mean * mean) / f64::from(n)).sqrt();
            let want = p.expected_if_alive(x, t, h);
            assert!(
                (mean - want).abs() < 4.5 * se,
                "{p:?} ({x}, {t}) h {h}: {mean} vs {want}"
            );
        }
    }
}

#[test]
fn pareto_scores_match_integration_over_the_posterior() {
    // Integrate the individual-level model over the Gamma priors of λ and μ on a grid in
    // (ln λ, ln μ) (trapezoid; the integrands decay fast at both ends). Given λ, μ:
    // alive branch λ^x e^{−(λ+μ)T}; dead branch λ^x μ/(λ+μ) (e^{−(λ+μ)t_x} − e^{−(λ+μ)T});
    // bought in (T, T+h] while alive: λ^x λ/(λ+μ) (e^{−(λ+μ)T} − e^{−(λ+μ)(T+h)});
    // expected purchases while alive: λ^x e^{−(λ+μ)T} λ/μ (1 − e^{−μh}).
    const HORIZONS: [f64; 3] = [1.0, 90.0, 273.0];
    /// Grid points of ln λ (or ln μ): the value, its weight (the Gamma density of the log,
    /// unnormalized, e^{shape·v − rate·e^v}, times the step) and e^{−value·time} at t_x, T and
    /// T + h for each horizon.
    struct Node {
        value: f64,
        weight: f64,
        at_tx: f64,
        at_t: f64,
        at_th: [f64; 3],
    }
    let axis = |shape: f64, rate: f64, t_x: f64, t: f64| -> Vec<Node> {
        let (lo, hi, n) = (-95.0, 6.0, 900);
        let step = (hi - lo) / f64::from(n);
        (0..=n)
            .map(|i| {
                let value = (lo + step * f64::from(i)).exp();
                Node {
                    value,
                    weight: (shape * value.ln() - rate * value).exp() * step,
                    at_tx: (-value * t_x).exp(),
                    at_t: (-value * t).exp(),
                    at_th: HORIZONS.map(|h| (-value * (t + h)).exp()),
                }
            })
            .collect()
    };
    for m in pareto_models() {
        let Resolved::Pareto(p) = m.resolved() else {
            panic!("not Pareto/NBD");
        };
        for (x, t_x, t) in [(0.0, 0.0, 200.0), (2.0, 100.0, 272.0), (7.0, 250.0, 260.0)] {
            let lambdas = axis(p.r + x, p.alpha, t_x, t);
            let mus = axis(p.s, p.beta, t_x, t);
            let hs = HORIZONS;
            let (mut alive, mut dead) = (0.0, 0.0);
            let (mut bought, mut expected) = ([0.0; 3], [0.0; 3]);
            for l in &lambdas {
                for u in &mus {
                    let w = l.weight * u.weight;
                    let (both_tx, both_t) = (l.at_tx * u.at_tx, l.at_t * u.at_t);
                    let share = l.value / (l.value + u.value);
                    alive += w * both_t;
                    dead += w * (1.0 - share) * (both_tx - both_t);
                    for (i, h) in hs.iter().enumerate() {
                        let both_th = l.at_th[i] * u.at_th[i];
                        bought[i] += w * share * (both_t - both_th);
                        expected[i] += w * both_t * l.value / u.value * -(-u.value * h).exp_m1();
                    }
                }
            }
            let total = alive + dead;
            for ((b, e), h) in bought.iter().zip(&expected).zip(hs) {
                let s = m.score(x, t_x, t, h);
                let (p_alive, risk, purchases) = (alive / total, 1.0 - b / total, e / total);
                assert!(
                    (s.p_alive - p_alive).abs() < 1e-8,
                    "{p:?} {s:?} vs {p_alive}"
                );
                assert!(
                    (s.churn_risk - risk).abs() < 1e-8,
                    "{p:?} h {h}: {s:?} vs {risk}"
                );
                assert!(
                    (s.expected_purchases - purchases).abs() < 1e-8 * purchases.max(1.0),
                    "{p:?} h {h}: {s:?} vs {purchases}"
                );
            }
        }
    }
}

#[test]
fn pareto_limits() {
    for m in pareto_models() {
        let (r, alpha) = (m.r, m.alpha);
        // Just seen (T = 0), or just bought (t_x = T): alive for sure, whatever x.
        for x in [0.0, 1.0, 40.0] {
            assert_eq!(m.score(x, 0.0, 0.0, 90.0).p_alive, 1.0);
            assert_eq!(m.score(x, 120.0, 120.0, 90.0).p_alive, 1.0);
        }
        // Silence lowers P(alive): longer for the same history, or an earlier last purchase.
        let p = |x: f64, t_x: f64, t: f64| m.score(x, t_x, t, 90.0).p_alive;
        assert!(p(0.0, 0.0, 10.0) > p(0.0, 0.0, 100.0) && p(0.0, 0.0, 100.0) > p(0.0, 0.0, 300.0));
        assert!(p(3.0, 250.0, 300.0) > p(3.0, 100.0, 300.0));
        // A frequent buyer gone silent for long is almost surely gone; a one-time buyer with
        // the same silence much less so (their rate was never known to be high).
        assert!(p(60.0, 20.0, 300.0) < 1e-6, "{}", p(60.0, 20.0, 300.0));
        assert!(p(0.0, 0.0, 280.0) > 1e3 * p(60.0, 20.0, 300.0), "{m:?}");
        // An endless window: the chance to buy again before dying, E[λ/(λ+μ)] under the
        // posterior, which is (r + x)/(r + x + s) when α + T = β + T.
        if m.alpha == m.beta.unwrap_or_default() {
            let s = m.s.unwrap_or_default();
            let at = m.score(2.0, 100.0, 150.0, 1e12);
            let want = 1.0 - at.p_alive * (r + 2.0) / (r + 2.0 + s);
            assert!((at.churn_risk - want).abs() < 1e-9, "{at:?} vs {want}");
        }
        assert!(alpha > 0.0);
    }
    // With s > 1 the expected purchases stay finite over an endless window:
    // P(alive) (r + x)(β + T) / ((α + T)(s − 1)).
    let m = pareto(0.7, 40.0, 2.5, 60.0);
    let at = m.score(3.0, 80.0, 100.0, 1e15);
    let want = at.p_alive * 3.7 * 160.0 / (140.0 * 1.5);
    assert!(
        (at.expected_purchases / want - 1.0).abs() < 1e-6,
        "{at:?} vs {want}"
    );
}

#[test]
fn json_shape_and_validation() {
    use serde_json::json;
    // The BG variants' JSON is unchanged, and a model without `variant` is MBG/NBD.
    let bg: ChurnModel = serde_json::from_value(
        json!({ "variant": "bg_nbd", "r": 0.24, "alpha": 4.4, "a": 0.79, "b": 2.4 }),
    )
    .unwrap();
    assert_eq!(
        bg,
        ChurnModel::new(ChurnVariant::BgNbd, 0.24, 4.4, (0.79, 2.4))
    );
    assert_eq!(
        serde_json::to_value(&bg).unwrap(),
        json!({ "variant": "bg_nbd", "r": 0.24, "alpha": 4.4, "a": 0.79, "b": 2.4, "source": "fitted" })
    );
    let old: ChurnModel =
        serde_json::from_value(json!({ "r": 0.5, "alpha": 90, "a": 0.8, "b": 2.4 })).unwrap();
    assert_eq!(old.variant, ChurnVariant::MbgNbd);
    assert_eq!(old.validate(), Ok(()));
    // Pareto/NBD carries s and beta instead of a and b.
    let pnbd: ChurnModel = serde_json::from_value(
        json!({ "variant": "pareto_nbd", "r": 0.55, "alpha": 74.0, "s": 0.61, "beta": 81.7 }),
    )
    .unwrap();
    assert_eq!(pnbd.validate(), Ok(()));
    assert_eq!(pnbd.dropout(), Some((0.61, 81.7)));
    assert_eq!(
        serde_json::to_value(&pnbd).unwrap(),
        json!({ "variant": "pareto_nbd", "r": 0.55, "alpha": 74.0, "s": 0.61, "beta": 81.7, "source": "fitted" })
    );
    assert_eq!(
        serde_json::to_value(ChurnModel::prior_for(ChurnVariant::ParetoNbd)).unwrap(),
        json!({ "variant": "pareto_nbd", "r": 0.5, "alpha": 90.0, "s": 0.5, "beta": 365.0, "source": "prior" })
    );
    // Each variant must have its own pair, positive and finite.
    let missing =
        |v: serde_json::Value| serde_json::from_value::<ChurnModel>(v).unwrap().validate();
    assert_eq!(
        missing(json!({ "variant": "pareto_nbd", "r": 0.5, "alpha": 9, "a": 0.8, "b": 2.4 })),
        Err(ModelError::Missing {
            parameter: "s",
            variant: ChurnVariant::ParetoNbd
        })
    );
    assert_eq!(
        missing(json!({ "variant": "bg_nbd", "r": 0.5, "alpha": 9, "s": 0.8, "beta": 2.4 })),
        Err(ModelError::Missing {
            parameter: "a",
            variant: ChurnVariant::BgNbd
        })
    );
    assert_eq!(
        missing(json!({ "variant": "pareto_nbd", "r": 0.5, "alpha": 9, "s": 0.8, "beta": -1 })),
        Err(ModelError::NotPositive { parameter: "beta" })
    );
    assert_eq!(
        missing(json!({ "r": 0.0, "alpha": 9, "a": 0.8, "b": 2.4 })),
        Err(ModelError::NotPositive { parameter: "r" })
    );
    assert_eq!(
        ModelError::Missing {
            parameter: "s",
            variant: ChurnVariant::ParetoNbd
        }
        .to_string(),
        "`s` is required by the pareto_nbd variant"
    );
    assert!(
        !ChurnModel {
            s: None,
            ..pnbd.clone()
        }
        .is_valid()
    );
    // Scoring never fails: a missing parameter takes the variant's prior value.
    let partial = ChurnModel {
        beta: None,
        ..pnbd.clone()
    };
    let with_prior = ChurnModel {
        beta: Some(365.0),
        ..pnbd
    };
    assert_eq!(
        partial.score(2.0, 50.0, 200.0, 90.0),
        with_prior.score(2.0, 50.0, 200.0, 90.0)
    );
}
