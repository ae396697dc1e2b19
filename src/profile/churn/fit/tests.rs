//! Unit tests of the fit: parameters recovered from simulated data, the prior's effect, and the
//! objective against the likelihood written out term by term.

use super::*;
use crate::profile::churn::tests::{gamma, uniforms};

#[test]
fn recovers_parameters_from_simulated_bg_nbd_data() {
    // Simulate with a small deterministic generator: known (r, alpha, a, b) in, close out.
    let (r, alpha, a, b) = (0.8, 10.0, 0.6, 2.5);
    let mut uniform = uniforms(12345);
    let mut points = Vec::new();
    for _ in 0..4000 {
        let lambda = gamma(r, 1.0 / alpha, &mut uniform);
        let ga = gamma(a, 1.0, &mut uniform);
        let gb = gamma(b, 1.0, &mut uniform);
        let p = ga / (ga + gb);
        let horizon = 52.0;
        let (mut t, mut x, mut last) = (0.0, 0.0, 0.0);
        loop {
            t += -uniform().ln() / lambda;
            if t > horizon {
                break;
            }
            x += 1.0;
            last = t;
            if uniform() < p {
                break;
            }
        }
        points.push(RfmPoint {
            x,
            t_x: last,
            t: horizon,
        });
    }
    let fitted = fit(&points, ChurnVariant::BgNbd).unwrap().model;
    let (fa, fb) = fitted.dropout().unwrap();
    for (got, want, name) in [
        (fitted.r, r, "r"),
        (fitted.alpha, alpha, "alpha"),
        (fa, a, "a"),
        (fb, b, "b"),
    ] {
        assert!(
            (got - want).abs() / want < 0.25,
            "{name}: fitted {got:.3}, true {want}"
        );
    }
}

#[test]
fn recovers_parameters_from_simulated_pareto_nbd_data() {
    // λ ~ Gamma(r, α), lifetime ~ Exp(μ) with μ ~ Gamma(s, β); each customer observed for 78
    // time units from the first purchase. s and β are identified mostly through their ratio
    // (the mean dropout rate), so that is held to the tighter bound; and the optimizer must
    // reach at least the likelihood of the true parameters.
    let (r, alpha, s, beta) = (0.8, 10.0, 0.7, 30.0);
    let mut uniform = uniforms(777);
    let horizon: f64 = 78.0;
    let n = 3000;
    let mut points = Vec::new();
    for _ in 0..n {
        let lambda = gamma(r, 1.0 / alpha, &mut uniform);
        let mu = gamma(s, 1.0 / beta, &mut uniform);
        let death = -uniform().ln() / mu;
        let (mut t, mut x, mut last) = (0.0, 0.0, 0.0);
        loop {
            t += -uniform().ln() / lambda;
            if t > horizon.min(death) {
                break;
            }
            x += 1.0;
            last = t;
        }
        points.push(RfmPoint {
            x,
            t_x: last,
            t: horizon,
        });
    }
    let truth = [r.ln(), alpha.ln(), s.ln(), beta.ln()];
    let truth_ll = -objective(
        &truth,
        &pool(&points),
        ChurnVariant::ParetoNbd,
        f64::from(n),
    );
    let prior = ChurnModel::prior_for(ChurnVariant::ParetoNbd);
    for report in [
        fit(&points, ChurnVariant::ParetoNbd).unwrap(),
        fit_with_prior(&points, ChurnVariant::ParetoNbd, Some((&prior, 1.0))).unwrap(),
    ] {
        let m = &report.model;
        assert_eq!((m.variant, m.a, m.b), (ChurnVariant::ParetoNbd, None, None));
        assert!(
            report.mean_log_likelihood > truth_ll - 1e-4,
            "{report:?}: below the truth's {truth_ll}"
        );
        let (fs, fbeta) = m.dropout().unwrap();
        for (got, want, tolerance, name) in [
            (m.r, r, 0.25, "r"),
            (m.alpha, alpha, 0.25, "alpha"),
            (fs / fbeta, s / beta, 0.25, "s / beta"),
            (fs, s, 0.6, "s"),
            (fbeta, beta, 0.6, "beta"),
        ] {
            assert!(
                (got - want).abs() / want < tolerance,
                "{name}: fitted {got:.4}, true {want:.4} ({report:?})"
            );
        }
        assert!(report.warnings.is_empty(), "{report:?}");
    }
}

#[test]
fn a_churn_free_base_warns_without_the_prior_and_not_with_it() {
    // Nobody drops out: pure maximum likelihood runs the Pareto/NBD dropout rate to zero (and
    // says so); the weak prior holds it at a finite rate.
    let mut uniform = uniforms(5);
    let points: Vec<RfmPoint> = (0..1500)
        .map(|_| {
            let lambda = gamma(0.8, 1.0 / 10.0, &mut uniform);
            let (mut t, mut x, mut last) = (0.0, 0.0, 0.0);
            loop {
                t += -uniform().ln() / lambda;
                if t > 200.0 {
                    break;
                }
                x += 1.0;
                last = t;
            }
            RfmPoint {
                x,
                t_x: last,
                t: 200.0,
            }
        })
        .collect();
    let variant = ChurnVariant::ParetoNbd;
    let mle = fit(&points, variant).unwrap();
    let prior = ChurnModel::prior_for(variant);
    let map = fit_with_prior(&points, variant, Some((&prior, 1.0))).unwrap();
    eprintln!("{mle:?}\n{map:?}");
    assert!(!mle.warnings.is_empty(), "{mle:?}");
    assert!(map.warnings.is_empty(), "{map:?}");
    assert!(map.mean_log_likelihood <= mle.mean_log_likelihood + 1e-9);
}

fn models() -> Vec<ChurnModel> {
    let mut out = Vec::new();
    for variant in [ChurnVariant::BgNbd, ChurnVariant::MbgNbd] {
        for (r, alpha, a, b) in [
            (0.243, 30.9, 0.793, 2.426),
            (0.64, 51.0, 0.81, 1.23),
            (2.0, 5.0, 0.3, 8.0),
        ] {
            out.push(ChurnModel::new(variant, r, alpha, (a, b)));
        }
    }
    // Pareto/NBD: the CDNOW sample's parameters in days (α < β), α > β, α = β with s = 1,
    // and α ≫ β (the series' argument near 1; quadrature takes over at short horizons).
    for (r, alpha, s, beta) in [
        (0.55, 74.06, 0.61, 81.69),
        (0.6, 80.0, 0.4, 20.0),
        (1.3, 50.0, 1.0, 50.0),
        (0.3, 200.0, 2.5, 1.0),
    ] {
        out.push(ChurnModel::new(
            ChurnVariant::ParetoNbd,
            r,
            alpha,
            (s, beta),
        ));
    }
    out
}

#[test]
fn churn_risk_is_the_likelihood_ratio_of_a_silent_horizon() {
    // Observing (x, t_x, T) and then no purchase until T + h is observing (x, t_x, T + h), so
    // P(X(T, T+h) = 0 | x, t_x, T) = L(x, t_x, T + h) / L(x, t_x, T), whatever the closed form.
    for m in models() {
        for (x, t_x, t) in [
            (0.0, 0.0, 200.0),
            (1.0, 3.0, 250.0),
            (3.0, 40.0, 272.0),
            (12.0, 260.0, 270.0),
            (2.0, 10.0, 10.0),
        ] {
            for h in [0.5, 7.0, 90.0, 273.0, 2000.0] {
                let ll = |until: f64| point_ln_likelihood(&m, &RfmPoint { x, t_x, t: until });
                let want = (ll(t + h) - ll(t)).exp();
                let got = m.score(x, t_x, t, h).churn_risk;
                assert!(
                    (got - want).abs() < 1e-10,
                    "{m:?} ({x}, {t_x}, {t}) h {h}: churnRisk {got}, likelihood ratio {want}"
                );
            }
        }
    }
}

#[test]
fn objective_is_the_mean_point_likelihood() {
    let points = [
        RfmPoint {
            x: 0.0,
            t_x: 0.0,
            t: 100.0,
        },
        RfmPoint {
            x: 0.0,
            t_x: 0.0,
            t: 100.0,
        },
        RfmPoint {
            x: 2.0,
            t_x: 30.0,
            t: 90.0,
        },
        RfmPoint {
            x: 5.0,
            t_x: 80.0,
            t: 85.0,
        },
    ];
    let data = pool(&points);
    for m in models() {
        let (d1, d2) = m.dropout().unwrap();
        let theta = [m.r.ln(), m.alpha.ln(), d1.ln(), d2.ln()];
        let want = -points
            .iter()
            .map(|p| point_ln_likelihood(&m, p))
            .sum::<f64>()
            / 4.0;
        let got = objective(&theta, &data, m.variant, 4.0);
        assert!((got - want).abs() < 1e-10, "{m:?}: {got} vs {want}");
    }
}

#[test]
fn no_purchasers_is_a_typed_error() {
    assert_eq!(
        fit(&[], ChurnVariant::MbgNbd).err(),
        Some(FitError::NoPurchasers)
    );
}
