//! LLM copy around the engine: the brief and rules for one draft, and applying a validated
//! answer. [`Personalizer::personalize_with`] drives one exchange with a synchronous fetch
//! (native hosts and tests); the wasm binding drives the same [`Plan`] with the host's async
//! fetch.

use crate::copy::{self, Copy, CopySource};
use crate::engine::{CallOptions, Draft, Personalized, Personalizer};
use crate::error::Error;
use crate::input::Customer;
use crate::llm::{
    Brief, CopyCache, Fallback, HttpRequest, HttpResponse, LlmCopy, LlmSettings, Plan, Rules, Step,
};

/// One attempt's result for [`Personalizer::personalize_with`]: the response (or what the fetch
/// threw) and the milliseconds since the exchange began.
pub type Attempt = (Result<HttpResponse, String>, u32);

/// A BCP 47 language tag as CRMs write it (`de`, `de-DE`, `zh_Hant_TW`): letters first, then
/// letters, digits, `-` and `_`, at most 16 characters. Anything else is not a locale.
fn is_language_tag(text: &str) -> bool {
    let mut parts = text.split(['-', '_']);
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()));
    text.len() <= 16
        && language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl Personalizer {
    /// The request and rules for a draft's LLM copy.
    pub fn llm_plan(
        &self,
        customer: &Customer,
        draft: &Draft,
        settings: &LlmSettings,
    ) -> Result<Plan, Fallback> {
        // The customer's locale is their record's text: only a language tag reaches the prompt.
        let locale = customer
            .attributes
            .locale
            .as_deref()
            .filter(|l| is_language_tag(l))
            .unwrap_or(&self.config.locale);
        let brief = Brief::new(
            &draft.profile,
            &draft.decision,
            &self.catalog,
            &self.config,
            &self.angles,
            locale,
            &self.catalog_version,
        );
        let products: Vec<String> = brief.products.iter().map(|p| p.id.clone()).collect();
        let lowercase_long =
            |s: &str| Some(s.trim().to_lowercase()).filter(|s| s.chars().count() >= 4);
        let rules = Rules {
            angles: brief.angles.iter().map(|a| a.id.clone()).collect(),
            offer: draft.decision.offer.offer.clone(),
            banned: self
                .config
                .brand
                .banned_words
                .iter()
                .filter_map(|w| Some(w.trim().to_lowercase()).filter(|w| !w.is_empty()))
                .collect(),
            catalog_titles: self.catalog_titles.clone(),
            customer_text: customer
                .attributes
                .first_name
                .iter()
                .map(String::as_str)
                .chain(
                    customer
                        .attributes
                        .extra
                        .values()
                        .filter_map(|v| v.as_str()),
                )
                .filter_map(lowercase_long)
                .collect(),
            products,
        };
        Plan::new(&brief, rules, settings)
    }

    /// Replaces a draft's copy with a validated answer: its product and angle become the
    /// decision's, its words the copy's; offers, prices and links stay the rules'.
    pub fn apply_llm_copy(&self, draft: &mut Draft, answer: &LlmCopy, source: CopySource) {
        let decision = &mut draft.decision;
        if decision.product_id.as_deref() != Some(answer.product.as_str()) {
            if let Some(old) = decision.product_id.replace(answer.product.clone()) {
                decision.alternates.retain(|id| id != &answer.product);
                decision.alternates.insert(0, old);
            }
            decision.reasons.push(format!(
                "the model chose {} from the shortlist",
                answer.product
            ));
        }
        if decision.angle != answer.angle {
            decision
                .reasons
                .push(format!("the model chose the {} angle", answer.angle));
            decision.angle = answer.angle.clone();
        }
        let line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        draft.copy = Copy {
            subject: copy::bound(&line(&answer.subject), copy::limits::SUBJECT),
            preheader: copy::bound(&line(&answer.preheader), copy::limits::PREHEADER),
            headline: copy::bound(&line(&answer.headline), copy::limits::HEADLINE),
            body: copy::bound(answer.body.trim(), copy::limits::BODY),
            cta: copy::bound(&line(&answer.cta), copy::limits::CTA),
            source,
            ..draft.copy.clone()
        };
    }

    /// Puts an exchange's outcome into the draft: the copy, or the warning saying why not.
    pub fn settle(&self, draft: &mut Draft, outcome: Result<(LlmCopy, CopySource), Fallback>) {
        match outcome {
            Ok((answer, source)) => self.apply_llm_copy(draft, &answer, source),
            Err(fallback) => draft.warnings.push(fallback.warning()),
        }
    }

    /// The whole pipeline with LLM copy over a synchronous `fetch` (native hosts, tests):
    /// cached copy when the features match, else one exchange (one retry on 429/503/529 within
    /// the deadline), else the rules copy with a warning. Always an email.
    pub fn personalize_with(
        &self,
        customer: &Customer,
        now: i64,
        options: &CallOptions,
        settings: &LlmSettings,
        cache: &mut CopyCache,
        fetch: &mut dyn FnMut(&HttpRequest, u32) -> Attempt,
    ) -> Result<Personalized, Error> {
        let mut draft = self.draft(customer, now, options)?;
        if !draft.decision.holdout {
            let outcome = self.llm_plan(customer, &draft, settings).and_then(|plan| {
                match cache.lookup(&plan) {
                    Some(cached) => Ok((cached, CopySource::Cache)),
                    None => exchange(&plan, fetch).map(|copy| {
                        cache.put(plan.cache_key.clone(), copy.clone());
                        (copy, CopySource::Llm)
                    }),
                }
            });
            self.settle(&mut draft, outcome);
        }
        self.finish(customer, now, draft)
    }
}

/// Runs a plan's attempts until it accepts or falls back.
fn exchange(
    plan: &Plan,
    fetch: &mut dyn FnMut(&HttpRequest, u32) -> Attempt,
) -> Result<LlmCopy, Fallback> {
    let mut attempt = 1;
    loop {
        let (response, elapsed) = fetch(&plan.request, attempt);
        match plan.step(response, elapsed, attempt) {
            Step::Accept(copy) => return Ok(copy),
            Step::Fallback(fallback) => return Err(fallback),
            Step::Retry(_) => attempt += 1,
        }
    }
}
