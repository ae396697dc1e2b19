//! Campaign configuration: brand voice, offer policy, UTM parameters, thresholds and limits.
//!
//! Every field has a documented default, so `{}` is a valid campaign.

mod decision;

pub use decision::{BanditConfig, DecideWeights, HoldoutConfig};

use serde::{Deserialize, Serialize};

/// One campaign's settings, camelCase in JSON.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default)]
pub struct CampaignConfig {
    /// Campaign id: part of the seed and the default `utm_campaign` (default `re-engagement`).
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub id: String,
    /// Brand shown in copy and footer.
    #[cfg_attr(test, ts(as = "Option<Brand>", optional))]
    pub brand: Brand,
    /// Default locale for money and copy when the customer has none (default `en-US`).
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub locale: String,
    /// Currency for catalog prices given as plain numbers (default `USD`).
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub currency: String,
    /// UTM parameters added to every product and CTA link.
    #[cfg_attr(test, ts(as = "Option<Utm>", optional))]
    pub utm: Utm,
    /// Which offers the campaign allows, and when to use them.
    #[cfg_attr(test, ts(as = "Option<OfferPolicy>", optional))]
    pub offer_policy: OfferPolicy,
    /// Lifecycle thresholds in days.
    #[cfg_attr(test, ts(as = "Option<LifecycleThresholds>", optional))]
    pub lifecycle: LifecycleThresholds,
    /// Half-life in days of behavioural evidence (default 90: a re-engagement audience has
    /// been away for months, and a shorter one lets last week's views outweigh what they bought).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub half_life_days: f64,
    /// Horizon of `churnRisk` and `expectedPurchases` in days: the CRM's window (default 90).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub churn_horizon_days: f64,
    /// A brand's lexicon: facets and words that extend (or with `replace`, replace) the
    /// default apparel lexicon in `templates/lexicon.json`.
    #[cfg_attr(test, ts(optional))]
    pub lexicon: Option<crate::facets::LexiconSpec>,
    /// Products from the same item group bought within this many days are not shown (default 90).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub recently_bought_days: f64,
    /// Products with any of these tags are never shown.
    #[cfg_attr(test, ts(as = "Option<Vec<String>>", optional))]
    pub exclude_tags: Vec<String>,
    /// These product ids are never shown.
    #[cfg_attr(test, ts(as = "Option<Vec<String>>", optional))]
    pub exclude_product_ids: Vec<String>,
    /// How many alternates to show below the hero product (default 3).
    #[cfg_attr(test, ts(as = "Option<usize>", optional))]
    pub alternates: usize,
    /// Per-customer limit on events read (the most recent are kept; default 5,000).
    #[cfg_attr(test, ts(as = "Option<usize>", optional))]
    pub max_events: usize,
    /// Weights of the product score.
    #[cfg_attr(test, ts(as = "Option<DecideWeights>", optional))]
    pub weights: DecideWeights,
    /// The holdout group.
    #[cfg_attr(test, ts(as = "Option<HoldoutConfig>", optional))]
    pub holdout: HoldoutConfig,
    /// Bandit exploration.
    #[cfg_attr(test, ts(as = "Option<BanditConfig>", optional))]
    pub bandit: BanditConfig,
}

impl Default for CampaignConfig {
    fn default() -> Self {
        CampaignConfig {
            id: "re-engagement".into(),
            brand: Brand::default(),
            locale: "en-US".into(),
            currency: "USD".into(),
            utm: Utm::default(),
            offer_policy: OfferPolicy::default(),
            lifecycle: LifecycleThresholds::default(),
            half_life_days: 90.0,
            churn_horizon_days: 90.0,
            lexicon: None,
            recently_bought_days: 90.0,
            exclude_tags: Vec::new(),
            exclude_product_ids: Vec::new(),
            alternates: 3,
            max_events: 5_000,
            weights: DecideWeights::default(),
            holdout: HoldoutConfig::default(),
            bandit: BanditConfig::default(),
        }
    }
}

/// The brand behind the email.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default)]
pub struct Brand {
    /// Brand name (default `Northbound Athletics`, the sample brand).
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub name: String,
    /// Voice of the rule-based copy: `warm` (default), `energetic` or `minimal`.
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub voice: String,
    /// Storefront URL.
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub website: String,
    /// Logo image URL.
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub logo_url: String,
    /// Accent colour for buttons, `#rrggbb`.
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub accent_color: String,
    /// Postal address for the footer (required by CAN-SPAM).
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub address: String,
    /// Unsubscribe link or the ESP's merge tag, inserted verbatim into the footer.
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub unsubscribe_url: String,
    /// Base URL of the templates' own assets, for `asset_url` (default: website + `/assets`).
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub assets_url: String,
    /// Words LLM copy must never use (case-insensitive); an answer using one falls back to rules.
    #[cfg_attr(test, ts(as = "Option<Vec<String>>", optional))]
    pub banned_words: Vec<String>,
}

impl Default for Brand {
    fn default() -> Self {
        Brand {
            name: "Northbound Athletics".into(),
            voice: "warm".into(),
            website: "https://shop.northbound.example".into(),
            logo_url: "https://cdn.northbound.example/brand/logo.png".into(),
            accent_color: "#1f6f5c".into(),
            address: "Northbound Athletics, 100 Harbour St, Portland, OR 97209, USA".into(),
            unsubscribe_url: "{{unsubscribe_url}}".into(),
            assets_url: String::new(),
            banned_words: Vec::new(),
        }
    }
}

/// UTM parameters appended to links (empty values are left out).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default)]
pub struct Utm {
    /// `utm_source` (default `newsletter`).
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub source: String,
    /// `utm_medium` (default `email`).
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub medium: String,
    /// `utm_campaign` (default: the campaign id).
    pub campaign: Option<String>,
}

impl Default for Utm {
    fn default() -> Self {
        Utm {
            source: "newsletter".into(),
            medium: "email".into(),
            campaign: None,
        }
    }
}

/// An offer the campaign may give. Nothing outside this list is ever offered.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Offer {
    /// A percentage off with a code.
    #[serde(rename_all = "camelCase")]
    PercentOff {
        /// Percent, 1..=90.
        percent: u32,
        /// Code to enter at checkout.
        code: String,
    },
    /// Free shipping with a code.
    #[serde(rename_all = "camelCase")]
    FreeShipping {
        /// Code to enter at checkout.
        code: String,
    },
}

/// When to spend margin on an offer.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default)]
pub struct OfferPolicy {
    /// Offers allowed, most generous last (default: free shipping, then 15% off).
    #[cfg_attr(test, ts(as = "Option<Vec<Offer>>", optional))]
    pub offers: Vec<Offer>,
    /// Minimum churn risk before any offer (default 0.6).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub min_churn_risk: f64,
    /// Minimum discount sensitivity for a percentage offer (default 0.35).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub min_discount_sensitivity: f64,
}

impl Default for OfferPolicy {
    fn default() -> Self {
        OfferPolicy {
            offers: vec![
                Offer::FreeShipping {
                    code: "SHIPFREE".into(),
                },
                Offer::PercentOff {
                    percent: 15,
                    code: "COMEBACK15".into(),
                },
            ],
            min_churn_risk: 0.6,
            min_discount_sensitivity: 0.35,
        }
    }
}

/// Lifecycle thresholds in days since the last purchase (the CRM's "30 days" rule by default).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default)]
pub struct LifecycleThresholds {
    /// A first purchase within this many days makes a customer `new` (default 30).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub new_days: f64,
    /// No purchase for this many days makes a customer `at_risk` (default 30).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub at_risk_days: f64,
    /// No purchase for this many days makes a customer `lapsed` (default 120).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub lapsed_days: f64,
}

impl Default for LifecycleThresholds {
    fn default() -> Self {
        LifecycleThresholds {
            new_days: 30.0,
            at_risk_days: 30.0,
            lapsed_days: 120.0,
        }
    }
}

impl CampaignConfig {
    /// Repairs absurd values to their defaults so no later stage divides by zero or loops.
    ///
    /// Returns the names of the repaired fields, reported as warnings.
    pub fn sanitize(&mut self) -> Vec<String> {
        let defaults = CampaignConfig::default();
        let mut repaired = Vec::new();
        let mut fix = |ok: bool, name: &str| {
            if !ok {
                repaired.push(name.to_string());
            }
            ok
        };
        if !fix(
            self.half_life_days.is_finite() && self.half_life_days > 0.0,
            "halfLifeDays",
        ) {
            self.half_life_days = defaults.half_life_days;
        }
        if !fix(
            self.churn_horizon_days.is_finite()
                && self.churn_horizon_days > 0.0
                && self.churn_horizon_days <= 3650.0,
            "churnHorizonDays",
        ) {
            self.churn_horizon_days = defaults.churn_horizon_days;
        }
        if !fix(
            self.recently_bought_days.is_finite() && self.recently_bought_days >= 0.0,
            "recentlyBoughtDays",
        ) {
            self.recently_bought_days = defaults.recently_bought_days;
        }
        let l = &self.lifecycle;
        let lifecycle_ok = [l.new_days, l.at_risk_days, l.lapsed_days]
            .iter()
            .all(|d| d.is_finite() && *d > 0.0)
            && l.at_risk_days <= l.lapsed_days;
        if !fix(lifecycle_ok, "lifecycle") {
            self.lifecycle = defaults.lifecycle.clone();
        }
        if !fix(self.alternates <= 12, "alternates") {
            self.alternates = defaults.alternates;
        }
        if !fix(
            self.max_events > 0 && self.max_events <= 100_000,
            "maxEvents",
        ) {
            self.max_events = defaults.max_events;
        }
        for name in self.weights.sanitize() {
            fix(false, &format!("weights.{name}"));
        }
        if !fix(
            self.holdout.share.is_finite() && (0.0..=0.5).contains(&self.holdout.share),
            "holdout.share",
        ) {
            self.holdout.share = 0.0;
        }
        if !fix(
            self.bandit.margin.is_finite() && (0.0..=10.0).contains(&self.bandit.margin),
            "bandit.margin",
        ) {
            self.bandit.margin = defaults.bandit.margin;
        }
        // Brand values land in `style` and `href` attributes: a colour must be a colour and a URL
        // an http(s) URL, or CSS and `javascript:` could ride in through configuration.
        if !fix(is_css_color(&self.brand.accent_color), "brand.accentColor") {
            self.brand.accent_color = defaults.brand.accent_color.clone();
        }
        for (value, default, name) in [
            (
                &mut self.brand.website,
                &defaults.brand.website,
                "brand.website",
            ),
            (
                &mut self.brand.logo_url,
                &defaults.brand.logo_url,
                "brand.logoUrl",
            ),
        ] {
            if !fix(crate::input::is_http_url(value), name) {
                value.clone_from(default);
            }
        }
        let policy = &mut self.offer_policy;
        let before = policy.offers.len();
        policy.offers.retain(
            |o| !matches!(o, Offer::PercentOff { percent, .. } if *percent == 0 || *percent > 90),
        );
        fix(policy.offers.len() == before, "offerPolicy.offers");
        for (value, name) in [
            (&mut policy.min_churn_risk, "offerPolicy.minChurnRisk"),
            (
                &mut policy.min_discount_sensitivity,
                "offerPolicy.minDiscountSensitivity",
            ),
        ] {
            if !fix(value.is_finite() && (0.0..=1.0).contains(value), name) {
                *value = 0.5;
            }
        }
        repaired
    }
}

/// `#rgb`, `#rrggbb` or a plain colour keyword: nothing that could close a CSS declaration.
fn is_css_color(value: &str) -> bool {
    match value.strip_prefix('#') {
        Some(hex) => matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()),
        None => {
            !value.is_empty() && value.len() <= 20 && value.bytes().all(|b| b.is_ascii_alphabetic())
        }
    }
}
