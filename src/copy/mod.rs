//! Copy stage: Decision + angle copy library -> [`Copy`] (subject, preheader, headline, body, CTA).
//!
//! Rules always produce complete copy; an LLM may refine it later through the host's fetch.
//! Copy variants are Liquid, parsed once when the engine is built; rendering them here is the
//! only per-recipient work. Output is plain text: the render stage escapes it for HTML.
//! Every field is bounded ([`limits`]).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::decide::{Angle, Decision};
use crate::error::TemplateError;

/// Maximum characters per copy field; longer text is cut at a word with an ellipsis.
pub mod limits {
    /// Subject lines: most clients show 40-60 characters.
    pub const SUBJECT: usize = 90;
    /// Preheaders: clients show 40-140 characters.
    pub const PREHEADER: usize = 140;
    /// Headline.
    pub const HEADLINE: usize = 80;
    /// Body paragraph.
    pub const BODY: usize = 600;
    /// Call to action label.
    pub const CTA: usize = 32;
}

/// Where the copy came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CopySource {
    /// The deterministic angle library.
    Rules,
    /// A model, this call (validated).
    Llm,
    /// A model's validated answer for the same features, from the cache.
    Cache,
}

/// The words of one email.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Copy {
    /// Subject line.
    pub subject: String,
    /// Preheader (inbox preview text).
    pub preheader: String,
    /// Headline above the hero product.
    pub headline: String,
    /// Body paragraph.
    pub body: String,
    /// Call-to-action label.
    pub cta: String,
    /// Reasons to buy, as bullet points.
    pub reasons_to_buy: Vec<String>,
    /// The offer in words (`null` without an offer).
    pub offer_line: Option<String>,
    /// Where the copy came from.
    pub source: CopySource,
}

/// Angle copy variants, parsed once.
pub struct CopyLibrary {
    templates: BTreeMap<String, mailfit_liquid::Template>,
    reasons: BTreeMap<String, Vec<String>>,
}

impl CopyLibrary {
    /// Parses every variant of every angle; errors name the variant (`angle/slot/index`).
    pub fn build(angles: &[Angle]) -> Result<Self, TemplateError> {
        let parser = crate::render::dialect().parser(&BTreeMap::new())?;
        let mut templates = BTreeMap::new();
        let mut reasons = BTreeMap::new();
        for angle in angles {
            let c = &angle.copy;
            for (slot, variants) in c.slots() {
                for (i, source) in variants.iter().enumerate() {
                    let key = format!("{}/{slot}/{i}", angle.id);
                    let template = mailfit_liquid::parse(&parser, &key, source)?;
                    templates.insert(key, template);
                }
            }
            reasons.insert(angle.id.clone(), c.reasons_to_buy.clone());
        }
        Ok(CopyLibrary { templates, reasons })
    }

    /// Renders the variants a decision chose with the copy context.
    pub fn write(
        &self,
        decision: &Decision,
        context: &crate::render::Data,
    ) -> Result<Copy, TemplateError> {
        let slot = |name: &str, max: usize| -> Result<String, TemplateError> {
            let Some(key) = decision.copy_keys.get(name) else {
                return Ok(String::new());
            };
            let Some(template) = self.templates.get(key) else {
                return Ok(String::new());
            };
            let text = mailfit_liquid::render(template, key, context)?;
            Ok(bound(&tidy(&text), max))
        };
        Ok(Copy {
            subject: slot("subject", limits::SUBJECT)?,
            preheader: slot("preheader", limits::PREHEADER)?,
            headline: slot("headline", limits::HEADLINE)?,
            body: slot("body", limits::BODY)?,
            cta: slot("cta", limits::CTA)?,
            reasons_to_buy: self
                .reasons
                .get(&decision.angle)
                .cloned()
                .unwrap_or_default(),
            offer_line: offer_line(decision),
            source: CopySource::Rules,
        })
    }
}

/// The offer in words, from the campaign's own offer (nothing invented).
fn offer_line(decision: &Decision) -> Option<String> {
    use crate::config::Offer;
    decision.offer.offer.as_ref().map(|offer| match offer {
        Offer::PercentOff { percent, code } => {
            format!("{percent}% off your order with code {code}")
        }
        Offer::FreeShipping { code } => format!("Free shipping on your order with code {code}"),
    })
}

/// The greeting sentence for a brand voice, with or without a first name (minimal: none).
pub fn greeting(voice: &str, first_name: Option<&str>) -> String {
    match (voice, first_name) {
        ("energetic", Some(n)) => format!("Hey {n}!"),
        ("energetic", None) => "Hey there!".into(),
        ("minimal", _) => String::new(),
        (_, Some(n)) => format!("Hi {n}."),
        (_, None) => "Hi there.".into(),
    }
}

/// Collapses whitespace and strips a dangling leading comma left by an empty name.
fn tidy(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.trim_start_matches([',', ' ']).to_string()
}

/// Cuts text to `max` characters at a word boundary, adding an ellipsis.
pub fn bound(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|i| *i > max / 2)
        .and_then(|i| cut.get(..i))
        .unwrap_or(cut.as_str());
    format!("{}…", at_word.trim_end_matches([',', '.', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_long_text_at_a_word() {
        assert_eq!(bound("short", 10), "short");
        assert_eq!(bound("one two three four five", 12), "one two…");
        assert!(bound(&"x".repeat(500), 90).chars().count() <= 90);
    }

    #[test]
    fn greets_in_the_brand_voice() {
        assert_eq!(greeting("warm", Some("Ana")), "Hi Ana.");
        assert_eq!(greeting("energetic", None), "Hey there!");
        assert_eq!(greeting("minimal", None), "");
    }
}
