//! Nelder-Mead minimization over four (log-)parameters: the derivative-free optimizer the fit
//! runs, kept apart because it is generic and knows nothing of the churn model.

/// Nelder-Mead minimization; returns the best point, its value and evaluations used.
pub(super) fn nelder_mead(
    f: &dyn Fn(&[f64; 4]) -> f64,
    start: [f64; 4],
    max_evals: u32,
) -> ([f64; 4], f64, u32) {
    let evals = std::cell::Cell::new(0u32);
    let eval = |x: &[f64; 4]| {
        evals.set(evals.get() + 1);
        f(x)
    };
    let mut simplex: Vec<([f64; 4], f64)> = Vec::with_capacity(5);
    simplex.push((start, eval(&start)));
    for i in 0..4 {
        let mut x = start;
        if let Some(v) = x.get_mut(i) {
            *v += 0.5;
        }
        simplex.push((x, eval(&x)));
    }
    while evals.get() < max_evals {
        simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
        let (Some(best), Some(worst)) = (simplex.first().copied(), simplex.last().copied()) else {
            break;
        };
        if (worst.1 - best.1).abs() < 1e-12 * (1.0 + best.1.abs()) {
            break;
        }
        let mut centroid = [0.0; 4];
        for (x, _) in simplex.iter().take(4) {
            for (c, v) in centroid.iter_mut().zip(x) {
                *c += v / 4.0;
            }
        }
        let along = |t: f64| -> [f64; 4] {
            let mut p = [0.0; 4];
            for ((p, c), w) in p.iter_mut().zip(&centroid).zip(&worst.0) {
                *p = c + t * (w - c);
            }
            p
        };
        let second_worst = simplex.get(3).map_or(worst.1, |s| s.1);
        let reflected = along(-1.0);
        let fr = eval(&reflected);
        let replacement = if fr < best.1 {
            let expanded = along(-2.0);
            let fe = eval(&expanded);
            if fe < fr {
                (expanded, fe)
            } else {
                (reflected, fr)
            }
        } else if fr < second_worst {
            (reflected, fr)
        } else {
            let contracted = if fr < worst.1 {
                along(-0.5)
            } else {
                along(0.5)
            };
            let fc = eval(&contracted);
            if fc < worst.1.min(fr) {
                (contracted, fc)
            } else {
                // Shrink toward the best point.
                for s in simplex.iter_mut().skip(1) {
                    for (v, bv) in s.0.iter_mut().zip(&best.0) {
                        *v = bv + 0.5 * (*v - bv);
                    }
                    s.1 = eval(&s.0);
                }
                continue;
            }
        };
        if let Some(last) = simplex.last_mut() {
            *last = replacement;
        }
    }
    simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
    let (x, fx) = simplex.first().copied().unwrap_or((start, f64::INFINITY));
    (x, fx, evals.get())
}
