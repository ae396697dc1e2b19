//! The churn model on real data: CDNOW, from the `lifetimes` wheel on PyPI (fetched by
//! `scripts/dev setup` into .cache/cdnow, never committed).
//!
//! - BG/NBD fitted on the 2,357-customer sample with calibration weeks 1-39 must reproduce the
//!   published parameters (Fader, Hardie and Lee 2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426.
//! - Held out: weeks 40-78. `churnRisk` must rank "no purchase in the holdout" (AUC reported).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use mailfit::profile::churn::{ChurnModel, ChurnVariant, RfmPoint, fit};

/// Day index (0 = 1997-01-01) of the last calibration day, 1997-09-30.
const CALIBRATION_END: i64 = 272;
/// Last holdout day: 39 more weeks.
const HOLDOUT_END: i64 = CALIBRATION_END + 273;

struct Customer {
    point: RfmPoint,
    /// Weeks since the last calibration purchase (the recency baseline).
    weeks_since_last: f64,
    bought_in_holdout: bool,
}

fn day_index(yyyymmdd: &str) -> i64 {
    let (y, m, d) = (&yyyymmdd[0..4], &yyyymmdd[4..6], &yyyymmdd[6..8]);
    let (y, m, d): (i64, i64, i64) = (y.parse().unwrap(), m.parse().unwrap(), d.parse().unwrap());
    // Days from civil (proleptic Gregorian), relative to 1997-01-01.
    let days = |y: i64, m: i64, d: i64| {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy
    };
    days(y, m, d) - days(1997, 1, 1)
}

/// Loads a CDNOW file, or `None` (skip) when the data was not fetched and not required.
fn load(name: &str) -> Option<Vec<Customer>> {
    let dir = std::env::var("MAILFIT_CDNOW_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".cache/cdnow"));
    let text = match std::fs::read_to_string(dir.join(name)) {
        Ok(text) => text,
        Err(e) if std::env::var("MAILFIT_REQUIRE_DATA").is_ok() => {
            panic!("{name}: {e} (run scripts/dev setup)")
        }
        Err(_) => {
            eprintln!("skipping: {name} not fetched (scripts/dev setup fetches it)");
            return None;
        }
    };
    let mut days: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    // Skip blank lines and the master file's header.
    for line in text
        .lines()
        .filter(|l| l.trim().starts_with(|c: char| c.is_ascii_digit()))
    {
        let cols: Vec<&str> = line.split_whitespace().collect();
        // CDNOW_sample.txt: id, sample id, date, CDs, amount; CDNOW_master.txt: id, date, CDs, amount.
        let date = if cols.len() >= 5 { cols[2] } else { cols[1] };
        days.entry(cols[0].to_string())
            .or_default()
            .push(day_index(date));
    }
    let customers = days
        .into_values()
        .map(|mut d| {
            d.sort_unstable();
            d.dedup();
            let calibration: Vec<i64> = d
                .iter()
                .copied()
                .filter(|&x| x <= CALIBRATION_END)
                .collect();
            let (first, last) = (calibration[0], *calibration.last().unwrap());
            Customer {
                point: RfmPoint {
                    x: (calibration.len() - 1) as f64,
                    t_x: (last - first) as f64 / 7.0,
                    t: (CALIBRATION_END - first) as f64 / 7.0,
                },
                weeks_since_last: (CALIBRATION_END - last) as f64 / 7.0,
                bought_in_holdout: d.iter().any(|&x| x > CALIBRATION_END && x <= HOLDOUT_END),
            }
        })
        .collect();
    Some(customers)
}

/// Area under the ROC curve of `scores` for the positive labels (Mann-Whitney, ties halved).
fn auc(scores: &[(f64, bool)]) -> f64 {
    let mut sorted = scores.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut rank_sum, mut i) = (0.0, 0);
    while i < sorted.len() {
        let mut j = i;
        while j < sorted.len() && sorted[j].0 == sorted[i].0 {
            j += 1;
        }
        let mid_rank = (i + j + 1) as f64 / 2.0;
        rank_sum += sorted[i..j].iter().filter(|s| s.1).count() as f64 * mid_rank;
        i = j;
    }
    let positives = sorted.iter().filter(|s| s.1).count() as f64;
    let negatives = sorted.len() as f64 - positives;
    (rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives)
}

#[test]
fn bg_nbd_reproduces_the_published_cdnow_parameters() {
    let Some(customers) = load("CDNOW_sample.txt") else {
        return;
    };
    assert_eq!(customers.len(), 2357);
    let points: Vec<RfmPoint> = customers.iter().map(|c| c.point).collect();
    let report = fit(&points, ChurnVariant::BgNbd).unwrap();
    let m = &report.model;
    eprintln!(
        "CDNOW sample BG/NBD: r={:.4} alpha={:.4} a={:.4} b={:.4} (LL/customer {:.4}, {} evaluations)",
        m.r, m.alpha, m.a, m.b, report.mean_log_likelihood, report.evaluations
    );
    for (got, want, name) in [
        (m.r, 0.243, "r"),
        (m.alpha, 4.414, "alpha"),
        (m.a, 0.793, "a"),
        (m.b, 2.426, "b"),
    ] {
        assert!(
            (got - want).abs() / want < 0.01,
            "{name}: fitted {got:.4}, published {want}"
        );
    }
}

#[test]
fn churn_risk_ranks_holdout_churners() {
    let Some(customers) = load("CDNOW_sample.txt") else {
        return;
    };
    let points: Vec<RfmPoint> = customers.iter().map(|c| c.point).collect();
    let horizon = 39.0;
    let score = |model: &ChurnModel| -> f64 {
        let labelled: Vec<(f64, bool)> = customers
            .iter()
            .map(|c| {
                (
                    model
                        .score(c.point.x, c.point.t_x, c.point.t, horizon)
                        .churn_risk,
                    !c.bought_in_holdout,
                )
            })
            .collect();
        auc(&labelled)
    };
    let bg = fit(&points, ChurnVariant::BgNbd).unwrap().model;
    let mbg = fit(&points, ChurnVariant::MbgNbd).unwrap().model;
    let recency: Vec<(f64, bool)> = customers
        .iter()
        .map(|c| (c.weeks_since_last, !c.bought_in_holdout))
        .collect();
    let (auc_bg, auc_mbg, auc_recency) = (score(&bg), score(&mbg), auc(&recency));
    let expected: Vec<(f64, bool)> = customers
        .iter()
        .map(|c| {
            (
                -mbg.score(c.point.x, c.point.t_x, c.point.t, horizon)
                    .expected_purchases,
                !c.bought_in_holdout,
            )
        })
        .collect();
    let auc_expected = auc(&expected);
    let mean_risk = customers
        .iter()
        .map(|c| {
            mbg.score(c.point.x, c.point.t_x, c.point.t, horizon)
                .churn_risk
        })
        .sum::<f64>()
        / customers.len() as f64;
    let churned = customers.iter().filter(|c| !c.bought_in_holdout).count();
    let actual = churned as f64 / customers.len() as f64;
    eprintln!(
        "CDNOW holdout (weeks 40-78, {churned} of {} made no purchase): AUC churnRisk BG/NBD {auc_bg:.4}, MBG/NBD {auc_mbg:.4}; \
         AUC -expectedPurchases (MBG/NBD) {auc_expected:.4}; recency alone {auc_recency:.4}; mean churnRisk {mean_risk:.4} vs actual {actual:.4}",
        customers.len()
    );
    assert!(
        auc_bg > 0.75 && auc_mbg > 0.75,
        "AUC too low: BG {auc_bg:.3}, MBG {auc_mbg:.3}"
    );
    assert!(
        auc_expected >= auc_recency - 0.005,
        "expected purchases rank worse than recency alone"
    );
    assert!(
        (mean_risk - actual).abs() < 0.06,
        "churnRisk is miscalibrated: mean {mean_risk:.3} vs {actual:.3}"
    );
}

#[test]
fn fits_the_full_cdnow_base_quickly() {
    let Some(customers) = load("CDNOW_master.txt") else {
        return;
    };
    let points: Vec<RfmPoint> = customers.iter().map(|c| c.point).collect();
    let start = Instant::now();
    let report = fit(&points, ChurnVariant::MbgNbd).unwrap();
    let elapsed = start.elapsed();
    eprintln!(
        "CDNOW master: {} customers fitted in {:.0} ms ({:?})",
        report.customers,
        elapsed.as_secs_f64() * 1000.0,
        report.model
    );
    assert_eq!(report.customers, 23_570);
}
