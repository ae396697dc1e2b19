//! The engine: build once per catalog and campaign, then personalize many recipients.
//!
//! [`Personalizer::new`] validates and indexes the catalog, checks the config, parses the angle
//! copy and the templates. Per recipient only the hot path runs:
//! normalize events -> profile -> decide -> copy -> render.

use serde::{Deserialize, Serialize};

use crate::config::CampaignConfig;
use crate::copy::{self, Copy, CopyLibrary, CopySource};
use std::collections::BTreeMap;

use crate::decide::{self, Angle, BanditState, DecideContext, DecideIndex, Decision, angles, seed};
use crate::error::{Error, InputError};
use crate::input::{Catalog, Customer, RawProduct, Timestamp, format_timestamp, normalize_events};
use crate::profile::{self, ChurnModel, Profile};
use crate::render::{Data, Email, EmailModel, Renderer, TemplateSet, email_model};

/// Everything a [`Personalizer`] is built from (camelCase in JSON).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PersonalizerInit {
    /// Products in Merchant Center attribute names.
    pub catalog: Vec<RawProduct>,
    /// Custom templates (defaults from `templates/`).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<TemplateSet>", optional))]
    pub templates: TemplateSet,
    /// Campaign settings (all defaulted).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<CampaignConfig>", optional))]
    pub campaign: CampaignConfig,
    /// Fitted churn model; priors when absent.
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub churn_model: Option<ChurnModel>,
    /// A replacement angle library (default: `templates/angles.json`).
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub angles: Option<Vec<Angle>>,
    /// Popularity by product id (any non-negative scale), e.g. from `computePopularity`.
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub popularity: Option<BTreeMap<String, f64>>,
    /// Kinds of product bought together, from `computeAssociations` (none when absent).
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub associations: Option<crate::learn::Associations>,
    /// Bandit posteriors for every call (a call's `options.bandit` overrides them).
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub bandit: Option<BanditState>,
}

/// Per-call options.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default)]
pub struct CallOptions {
    /// The render time (ISO 8601 or Unix seconds/ms). Pass it for byte-identical re-renders;
    /// when absent the host's clock is read.
    pub now: Option<Timestamp>,
    /// The ESP's send id: part of the seed, so one send re-renders identically.
    pub send_id: Option<String>,
    /// Bandit posteriors for this call (overrides the engine's).
    pub bandit: Option<BanditState>,
    /// `seeded` (default: reproducible) or `fresh` (new randomness for the bandit each call).
    pub explore: Option<Exploration>,
}

/// Where the bandit's randomness comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Exploration {
    /// From customer, campaign and send ids: a re-render gives the same email.
    Seeded,
    /// From the platform's secure random source: explores afresh on every call.
    Fresh,
}

impl CallOptions {
    /// Options for one send: its id seeds every choice.
    pub fn for_send(send_id: impl Into<String>) -> Self {
        CallOptions {
            send_id: Some(send_id.into()),
            ..CallOptions::default()
        }
    }

    /// The render time in Unix seconds; `host_now` when absent.
    pub fn resolve_now(&self, host_now: i64) -> Result<i64, InputError> {
        crate::input::resolve_now(self.now.as_ref(), host_now)
    }
}

/// Profile and decision together (what `.decide()` returns).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Decided {
    /// The profile the decision used.
    pub profile: Profile,
    /// The decision.
    pub decision: Decision,
    /// Degraded paths taken (fallbacks, repaired config, ignored events).
    pub warnings: Vec<String>,
}

/// A personalized, rendered email with everything that led to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Personalized {
    /// Subject line.
    pub subject: String,
    /// Preheader.
    pub preheader: String,
    /// HTML body.
    pub html: String,
    /// Plain-text body.
    pub text: String,
    /// Where the words came from: `rules`, `llm` or `cache`.
    pub copy_source: CopySource,
    /// The words before templating.
    pub copy: Copy,
    /// The decision.
    pub decision: Decision,
    /// The profile.
    pub profile: Profile,
    /// Degraded paths taken (fallbacks, repaired config, ignored events).
    pub warnings: Vec<String>,
}

/// Profile, decision and copy before rendering; an LLM may replace the copy in between.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The profile.
    pub profile: Profile,
    /// The decision.
    pub decision: Decision,
    /// The copy (rules until replaced).
    pub copy: Copy,
    /// Degraded paths taken.
    pub warnings: Vec<String>,
}

/// The engine. Immutable after construction; share it across recipients.
pub struct Personalizer {
    pub(crate) catalog: Catalog,
    pub(crate) config: CampaignConfig,
    model: ChurnModel,
    pub(crate) angles: Vec<Angle>,
    pub(crate) copy: CopyLibrary,
    pub(crate) renderer: Renderer,
    pub(crate) index: DecideIndex,
    bandit: Option<BanditState>,
    warnings: Vec<String>,
    /// Fingerprint of the catalog's ids, titles and prices, for LLM cache keys.
    pub(crate) catalog_version: String,
    /// Ids and lowercase titles (4+ characters), for checking LLM copy; built once.
    pub(crate) catalog_titles: std::sync::Arc<[(String, String)]>,
}

impl Personalizer {
    /// Validates and prepares everything that does not depend on the recipient.
    pub fn new(init: PersonalizerInit) -> Result<Self, Error> {
        let mut config = init.campaign;
        let mut warnings: Vec<String> = config
            .sanitize()
            .into_iter()
            .map(|f| format!("campaign.{f} was invalid; the default is used"))
            .collect();
        let lexicon = crate::facets::Lexicon::with_brand(config.lexicon.as_ref())?;
        let catalog = Catalog::build_with(init.catalog, &config.currency, &lexicon)?;
        if catalog.is_empty() {
            warnings.push("the catalog is empty: emails will carry no product".into());
        }
        let model = match init.churn_model {
            Some(m) => {
                m.validate()
                    .map_err(|e| InputError::invalid("$.churnModel", e.to_string()))?;
                m
            }
            None => ChurnModel::prior(),
        };
        let angles = match init.angles {
            Some(list) => {
                angles::validate_library(&list, "$.angles")?;
                list
            }
            None => angles::parse_library(angles::DEFAULT_ANGLES, "templates/angles.json")?,
        };
        let copy = CopyLibrary::build(&angles)?;
        let renderer = Renderer::new(&init.templates)?;
        config.exclude_tags = config
            .exclude_tags
            .iter()
            .map(|t| t.trim().to_lowercase())
            .collect();
        if let Some(state) = &init.bandit {
            decide::bandit::validate(state, "$.bandit")?;
        }
        let index = DecideIndex::build(
            &catalog,
            &config,
            &angles,
            &init.popularity.unwrap_or_default(),
            &init.associations.unwrap_or_default(),
        );
        let catalog_version = catalog.fingerprint();
        let catalog_titles = catalog
            .products()
            .iter()
            .map(|p| (p.id.clone(), p.title.trim().to_lowercase()))
            .filter(|(_, title)| title.chars().count() >= 4)
            .collect();
        Ok(Personalizer {
            catalog_version,
            catalog_titles,
            catalog,
            config,
            model,
            angles,
            index,
            copy,
            renderer,
            bandit: init.bandit,
            warnings,
        })
    }

    /// Builds from JSON text (native hosts, CLI, tests).
    pub fn from_json(text: &str) -> Result<Self, Error> {
        Self::new(crate::error::from_json_str("$", text)?)
    }

    /// Warnings raised while building (repaired config, empty catalog).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The per-engine decision index (for inspecting scores).
    pub fn decide_index(&self) -> &DecideIndex {
        &self.index
    }

    /// The validated catalog.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The campaign settings in force (after repairs).
    pub fn campaign(&self) -> &CampaignConfig {
        &self.config
    }

    /// Raw events read per customer: `maxEvents`, from the newest end (an order expands into
    /// one event per line, so this still fills `maxEvents` unless many events are of unknown
    /// kinds). A host that sends a whole history pays only for what is read: the binding
    /// drops the oldest beyond this before converting them.
    pub fn max_raw_events(&self) -> usize {
        self.config.max_events
    }

    /// The behavioural profile of one customer at `now` (Unix seconds).
    pub fn profile(&self, customer: &Customer, now: i64) -> Result<Profile, Error> {
        validate_customer(customer)?;
        let (events, mut stats) = normalize_events(customer.events.clone(), self.config.max_events);
        stats.received = stats.received.saturating_add(customer.events_dropped);
        stats.truncated = stats.truncated.saturating_add(customer.events_dropped);
        Ok(profile::profile(
            &customer.id,
            &events,
            stats,
            &self.catalog,
            &self.config,
            &self.model,
            now,
        ))
    }

    /// Profile and decision for one customer.
    pub fn decide(
        &self,
        customer: &Customer,
        now: i64,
        options: &CallOptions,
    ) -> Result<Decided, Error> {
        let profile = self.profile(customer, now)?;
        let decision = self.decide_with_profile(customer, &profile, options)?;
        let warnings = self.warnings_for(&profile, &decision);
        Ok(Decided {
            profile,
            decision,
            warnings,
        })
    }

    /// The decision for a customer whose profile is already built.
    pub fn decide_with_profile(
        &self,
        customer: &Customer,
        profile: &Profile,
        options: &CallOptions,
    ) -> Result<Decision, Error> {
        let mut seed = seed::fnv1a(&[
            &customer.id,
            &self.config.id,
            options.send_id.as_deref().unwrap_or(""),
        ]);
        if options.explore == Some(Exploration::Fresh) {
            // NOTE: the host asked for fresh exploration: re-renders will differ on purpose.
            let mut bytes = [0u8; 8];
            if getrandom::fill(&mut bytes).is_ok() {
                seed ^= u64::from_le_bytes(bytes);
            }
        }
        let attribute = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|g| !g.is_empty())
                .map(str::to_lowercase)
        };
        // The attribute wins; otherwise what their purchases show.
        let gender =
            attribute(&customer.attributes.gender).or_else(|| profile.observed.gender.clone());
        let size = attribute(&customer.attributes.size).or_else(|| profile.observed.size.clone());
        let bandit = options.bandit.as_ref().or(self.bandit.as_ref());
        if let Some(state) = &options.bandit {
            decide::bandit::validate(state, "$.options.bandit")?;
        }
        let ctx = DecideContext {
            catalog: &self.catalog,
            index: &self.index,
            angles: &self.angles,
            config: &self.config,
            gender: gender.as_deref(),
            size: size.as_deref(),
            seed,
            has_name: customer
                .attributes
                .first_name
                .as_deref()
                .is_some_and(|n| !n.trim().is_empty()),
            holdout: seed::in_holdout(&customer.id, &self.config.id, self.config.holdout.share),
            bandit,
        };
        Ok(decide::decide(profile, &ctx))
    }

    /// The full pipeline with rules copy: profile, decide, write and render one email.
    pub fn render(
        &self,
        customer: &Customer,
        now: i64,
        options: &CallOptions,
    ) -> Result<Personalized, Error> {
        let draft = self.draft(customer, now, options)?;
        self.finish(customer, now, draft)
    }

    /// Profile, decision and rules copy: everything before rendering.
    pub fn draft(
        &self,
        customer: &Customer,
        now: i64,
        options: &CallOptions,
    ) -> Result<Draft, Error> {
        let Decided {
            profile,
            decision,
            warnings,
        } = self.decide(customer, now, options)?;
        let copy = self
            .copy
            .write(&decision, &self.copy_context(customer, &decision))?;
        Ok(Draft {
            profile,
            decision,
            copy,
            warnings,
        })
    }

    /// Exactly what the templates see for this customer (rules copy): for template authors,
    /// previews and benchmarks against other Liquid engines.
    pub fn template_data(
        &self,
        customer: &Customer,
        now: i64,
        options: &CallOptions,
    ) -> Result<EmailModel, Error> {
        let draft = self.draft(customer, now, options)?;
        Ok(self.model(customer, now, &draft.decision, &draft.copy))
    }

    /// The template data of a decision and its copy.
    fn model(&self, customer: &Customer, now: i64, decision: &Decision, copy: &Copy) -> EmailModel {
        email_model(
            customer,
            decision,
            copy,
            &self.catalog,
            &self.config,
            &format_timestamp(now),
        )
    }

    /// Renders a draft (its copy from the rules, an LLM or the cache).
    pub fn finish(
        &self,
        customer: &Customer,
        now: i64,
        draft: Draft,
    ) -> Result<Personalized, Error> {
        let Draft {
            profile,
            decision,
            copy,
            warnings,
        } = draft;
        let model = self.model(customer, now, &decision, &copy);
        let Email {
            subject,
            preheader,
            html,
            text,
        } = self.renderer.render(&model)?;
        Ok(Personalized {
            subject,
            preheader,
            html,
            text,
            copy_source: copy.source,
            copy,
            decision,
            profile,
            warnings,
        })
    }

    /// Data the angle copy sees: name, greeting, product and brand (no other customer data).
    fn copy_context(&self, customer: &Customer, decision: &Decision) -> Data {
        let first_name = customer
            .attributes
            .first_name
            .as_deref()
            .map(|n| copy::bound(n.trim(), 40))
            .filter(|n| !n.is_empty());
        let locale = customer
            .attributes
            .locale
            .as_deref()
            .unwrap_or(&self.config.locale);
        let product = decision
            .product_id
            .as_deref()
            .and_then(|id| self.catalog.get(id))
            .map(|p| crate::render::product_view(p, &self.config, locale, "hero"));
        // Without a product (empty or sold-out catalog) the copy still reads: it points at the
        // collection instead of naming an item.
        let product_json = match &product {
            Some(p) => serde_json::to_value(p).unwrap_or(serde_json::Value::Null),
            None => {
                serde_json::json!({ "title": "latest collection", "price": "", "regular_price": "", "category": null })
            }
        };
        let greeting = copy::greeting(&self.config.brand.voice, first_name.as_deref());
        Data::from_json(&serde_json::json!({
            "name": first_name.unwrap_or_default(),
            "greeting": greeting,
            "product": product_json,
            "brand": { "name": self.config.brand.name },
        }))
    }

    fn warnings_for(&self, profile: &Profile, decision: &Decision) -> Vec<String> {
        let mut out = self.warnings.clone();
        let q = &profile.data_quality;
        if q.events.unknown > 0 {
            out.push(format!(
                "{} events with unknown names were ignored: {}",
                q.events.unknown,
                q.events.unknown_names.join(", ")
            ));
        }
        for (count, what) in [
            (
                q.events.undated,
                "events without a readable timestamp were ignored",
            ),
            (q.future, "events dated after `now` were ignored"),
            (
                q.events.truncated,
                "oldest events beyond the per-customer limit were ignored",
            ),
            (
                q.unknown_products,
                "events name products missing from the catalog",
            ),
        ] {
            if count > 0 {
                out.push(format!("{count} {what}"));
            }
        }
        if let Some(fallback) = &decision.fallback {
            out.push(fallback.clone());
        }
        if decision.product_id.is_none() {
            out.push("no product could be shown".into());
        }
        out
    }
}

fn validate_customer(customer: &Customer) -> Result<(), InputError> {
    if customer.id.trim().is_empty() {
        return Err(InputError::invalid("$.id", "customer id is empty"));
    }
    Ok(())
}
