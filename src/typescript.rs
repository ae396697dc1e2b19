//! TypeScript declarations generated from the Rust types (test-only; ts-rs is a dev-dependency).
//!
//! `cargo test typescript` checks that `src/wasm/types.d.ts` matches the Rust types, so an API
//! change shows in review; `UPDATE_TYPES=1 cargo test typescript` rewrites it.

use ts_rs::{Config, TS};

use crate::FitOptions;
use crate::config::{
    BanditConfig, Brand, CampaignConfig, DecideWeights, HoldoutConfig, LifecycleThresholds, Offer,
    OfferPolicy, Utm,
};
use crate::copy::{Copy, CopySource};
use crate::decide::bandit::Arm;
use crate::decide::{
    Angle, AngleCopy, BanditChoice, BanditState, Decision, OfferDecision, Outcome, Positioning,
    Scores,
};
use crate::engine::{CallOptions, Decided, Exploration, Personalized, PersonalizerInit};
use crate::facets::{FacetDef, LexiconSpec};
use crate::input::{
    Attributes, Customer, EventStats, FeedFormat, FeedLoad, FeedOptions, Money, ProductDetail,
    RawEvent, RawProduct, Timestamp,
};
use crate::llm::{Api, LlmSettings, StructuredOutput};
use crate::profile::churn::{ChurnVariant, FitReport};
use crate::profile::{
    Affinity, Churn, ChurnModel, DataQuality, Engagement, Evidence, Lifecycle, Observed, Profile,
    Rfm, StyleSignals,
};
use crate::render::TemplateSet;
use crate::render::{OutputEscape, RenderLimits};

/// Types whose declarations are open to extra keys (attributes and event properties pass through).
const OPEN: &[&str] = &["Attributes", "RawProps"];

fn declaration<T: TS>(cfg: &Config) -> String {
    let mut decl = T::decl(cfg);
    let name = T::name(cfg);
    if OPEN.contains(&name.as_str()) {
        decl = format!(
            "{} & {{ [key: string]: unknown }};",
            decl.trim_end().trim_end_matches(';')
        );
    }
    format!(
        "{}export {decl}\n",
        T::docs()
            .map(|d| format!("{}\n", d.trim_end()))
            .unwrap_or_default()
    )
}

fn all_declarations() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the Rust types by `UPDATE_TYPES=1 cargo test typescript`. Do not edit.\n\n",
    );
    macro_rules! decls { ($($t:ty),* $(,)?) => { $( out.push_str(&declaration::<$t>(&cfg)); out.push('\n'); )* }; }
    use crate::input::events_ts::{IdValue, MetricName, OneOrMany, RawProps};
    decls!(
        PersonalizerInit,
        CallOptions,
        Exploration,
        BanditState,
        Arm,
        Outcome,
        BanditChoice,
        DecideWeights,
        HoldoutConfig,
        BanditConfig,
        Customer,
        Attributes,
        RawEvent,
        RawProps,
        IdValue,
        OneOrMany,
        MetricName,
        Timestamp,
        Money,
        RawProduct,
        ProductDetail,
        FeedOptions,
        FeedFormat,
        FeedLoad,
        CampaignConfig,
        LexiconSpec,
        FacetDef,
        Brand,
        Utm,
        Offer,
        OfferPolicy,
        LifecycleThresholds,
        ChurnModel,
        ChurnVariant,
        FitOptions,
        FitReport,
        Angle,
        AngleCopy,
        TemplateSet,
        RenderLimits,
        OutputEscape,
        Decided,
        Personalized,
        Profile,
        Lifecycle,
        Rfm,
        StyleSignals,
        Engagement,
        Observed,
        Churn,
        DataQuality,
        EventStats,
        Affinity,
        Evidence,
        Decision,
        Scores,
        OfferDecision,
        Positioning,
        Copy,
        CopySource,
        LlmSettings,
        Api,
        StructuredOutput,
    );
    out
}

#[test]
fn typescript_declarations_match_the_rust_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/wasm/types.d.ts");
    let fresh = all_declarations();
    if std::env::var("UPDATE_TYPES").is_ok() {
        assert!(std::fs::write(path, &fresh).is_ok(), "cannot write {path}");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == fresh,
        "src/wasm/types.d.ts is stale: run `UPDATE_TYPES=1 cargo test typescript`"
    );
    assert!(!fresh.contains(": any"), "a type leaked as `any`");
}
