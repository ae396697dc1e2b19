//! One customer line in, one decision line out (and the email files): never an error that stops
//! the run. A bad line becomes `{ "line", "id", "error": { "code", "message", "path" } }`.

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use mailfit::config::Offer;
use mailfit::copy::CopySource;
use mailfit::decide::{Decision, Positioning};
use mailfit::input::Customer;
use mailfit::profile::{Lifecycle, Profile};
use mailfit::{CallOptions, ErrorInfo, Personalizer};
use serde::Serialize;

use crate::lines::{Line, LineText, MAX_LINE_BYTES};
use crate::overview::{Detail, Quota, Wanted};

/// What every worker shares: the engine and the run's settings.
pub struct Job<'a> {
    /// The engine, built once.
    pub engine: &'a Personalizer,
    /// The render time, Unix seconds.
    pub now: i64,
    /// Send id (seeds every choice).
    pub options: CallOptions,
    /// Where emails go (`<out>/emails`), or `None` with `--no-emails`.
    pub emails: Option<PathBuf>,
    /// What the overview's sample still wants, or `None` without an overview.
    pub wanted: Option<&'a Wanted>,
}

/// The result of one line: its decision line (JSON, no newline) and what the summary counts.
pub struct Outcome {
    /// The decision line.
    pub json: String,
    /// What the summary counts.
    pub tally: Tally,
}

/// What the summary counts of one line.
pub enum Tally {
    /// An email was decided (and written, unless `--no-emails`).
    Sent(Box<Sent>),
    /// The line failed with a typed error.
    Failed(Box<Failed>),
}

/// Lifecycle stages, in the order the summary and the overview list them.
pub const STAGES: [&str; 5] = ["new", "active", "at_risk", "lapsed", "browser"];

/// A decided customer, as the summary counts it and the overview samples it.
pub struct Sent {
    /// Line number.
    pub line: u64,
    /// Customer id.
    pub id: String,
    /// Angle id.
    pub angle: String,
    /// The hero's id and title, when there is one.
    pub hero: Option<(String, String)>,
    /// The hero's product family (`product:` facet): `(unclassified)` when the catalog
    /// understanding found none, `(no product)` without a hero.
    pub family: String,
    /// The hero's category path as the feed has it (lower-cased), `(no category)` or
    /// `(no product)`.
    pub category: String,
    /// `percentOff 15% COMEBACK15`, `freeShipping SHIPFREE` or `none`.
    pub offer: String,
    /// Lifecycle stage.
    pub lifecycle: &'static str,
    /// Its index in [`STAGES`].
    pub stage: usize,
    /// `rules`, `llm` or `cache`.
    pub copy_source: &'static str,
    /// In the holdout group.
    pub holdout: bool,
    /// Warnings for this customer.
    pub warnings: Vec<String>,
    /// The subject line, for examples.
    pub subject: String,
    /// What the overview keeps of a customer it may still sample; `None` once their lifecycle
    /// stage and angle are sampled enough (see `overview::Quota`).
    pub detail: Option<Box<Detail>>,
}

/// A line that failed.
pub struct Failed {
    /// Line number.
    pub line: u64,
    /// The customer id, when the line had a readable one.
    pub id: Option<String>,
    /// The typed error.
    pub error: ErrorInfo,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DecisionLine<'a> {
    line: u64,
    id: &'a str,
    subject: &'a str,
    preheader: &'a str,
    angle: &'a str,
    product: Option<ProductLine<'a>>,
    alternates: &'a [String],
    offer: Option<&'a Offer>,
    positioning: Positioning,
    lifecycle: &'static str,
    churn_risk: f64,
    copy_source: &'static str,
    holdout: bool,
    warnings: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
}

#[derive(Serialize)]
struct ProductLine<'a> {
    id: &'a str,
    title: &'a str,
    family: &'a str,
    category: &'a str,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    line: u64,
    id: Option<&'a str>,
    error: &'a ErrorInfo,
}

/// The words of one email, as the decision line and the files need them.
struct Words {
    subject: String,
    preheader: String,
    /// The email's path under the output directory, without extension, when written.
    email: Option<String>,
}

impl Job<'_> {
    /// Personalizes one line. Never fails: a bad line is a typed error line.
    pub fn run(&self, line: Line, quota: &mut Quota<'_>) -> Outcome {
        let number = line.number;
        let bytes = match line.text {
            LineText::Text(bytes) => bytes,
            LineText::TooLong(len) => {
                return failed(
                    number,
                    None,
                    error(
                        "INPUT_TOO_LARGE",
                        format!("the line is {len} bytes; the limit is {MAX_LINE_BYTES} bytes"),
                        "$",
                    ),
                );
            }
        };
        let text = match std::str::from_utf8(&bytes) {
            Ok(text) => text,
            Err(e) => {
                let message = format!("the line is not UTF-8: {e}");
                return failed(number, None, error("INVALID_INPUT", message, "$"));
            }
        };
        let customer: Customer = match mailfit::error::from_json_str("$", text) {
            Ok(customer) => customer,
            Err(e) => return failed(number, salvage_id(text), mailfit::Error::from(e).info()),
        };
        // NOTE: the library returns typed errors and is meant never to panic; should a bug
        // panic on one customer anyway, that line becomes an INTERNAL error and the run goes
        // on (in builds that unwind; the release profile aborts, see README).
        match catch_unwind(AssertUnwindSafe(|| {
            self.personalize(number, &customer, quota)
        })) {
            Ok(outcome) => outcome,
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                let message = format!("the engine failed on this customer: {what}");
                failed(number, Some(customer.id), error("INTERNAL", message, "$"))
            }
        }
    }

    fn personalize(&self, number: u64, customer: &Customer, quota: &mut Quota<'_>) -> Outcome {
        let id = customer.id.as_str();
        let fail = |e: mailfit::Error| failed(number, Some(id.to_string()), e.info());
        let (profile, decision, warnings, source, words) = if let Some(dir) = &self.emails {
            let email = match self.engine.render(customer, self.now, &self.options) {
                Ok(email) => email,
                Err(e) => return fail(e),
            };
            let rel = email_path(id);
            if let Err((path, e)) = write_email(dir, &rel, &email) {
                let info = error("OUTPUT_WRITE", format!("cannot write: {e}"), &path);
                return failed(number, Some(id.to_string()), info);
            }
            let words = Words {
                subject: email.subject,
                preheader: email.preheader,
                email: Some(rel),
            };
            (
                email.profile,
                email.decision,
                email.warnings,
                email.copy_source,
                words,
            )
        } else {
            let draft = match self.engine.draft(customer, self.now, &self.options) {
                Ok(draft) => draft,
                Err(e) => return fail(e),
            };
            // The default subject and preheader templates are `{{ copy.subject }}` and
            // `{{ copy.preheader }}` on one line: the same words the rendered email has (the
            // integration test compares both modes line by line).
            let words = Words {
                subject: one_line(&draft.copy.subject),
                preheader: one_line(&draft.copy.preheader),
                email: None,
            };
            (
                draft.profile,
                draft.decision,
                draft.warnings,
                draft.copy.source,
                words,
            )
        };
        let stage = STAGES
            .iter()
            .position(|s| *s == lifecycle_label(profile.lifecycle))
            .unwrap_or(0);
        let sampled = quota.take(stage, &decision.angle);
        self.line(
            number, customer, profile, decision, warnings, source, &words, sampled,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn line(
        &self,
        number: u64,
        customer: &Customer,
        profile: Profile,
        decision: Decision,
        warnings: Vec<String>,
        source: CopySource,
        words: &Words,
        sampled: bool,
    ) -> Outcome {
        let id = customer.id.as_str();
        let hero = decision
            .product_id
            .as_deref()
            .and_then(|pid| self.engine.catalog().get(pid));
        let family = match hero {
            Some(p) => p
                .facets
                .iter()
                .find_map(|f| f.id.strip_prefix("product:"))
                .unwrap_or("(unclassified)"),
            None => "(no product)",
        };
        let category = match hero {
            Some(p) if p.categories.is_empty() => "(no category)".to_string(),
            Some(p) => p.categories.join(" > "),
            None => "(no product)".to_string(),
        };
        let lifecycle = lifecycle_label(profile.lifecycle);
        let copy_source = source_label(source);
        let record = DecisionLine {
            line: number,
            id,
            subject: &words.subject,
            preheader: &words.preheader,
            angle: &decision.angle,
            product: hero.map(|p| ProductLine {
                id: &p.id,
                title: &p.title,
                family,
                category: &category,
            }),
            alternates: &decision.alternates,
            offer: decision.offer.offer.as_ref(),
            positioning: decision.offer.positioning,
            lifecycle,
            churn_risk: (profile.churn.churn_risk * 10_000.0).round() / 10_000.0,
            copy_source,
            holdout: decision.holdout,
            warnings: &warnings,
            email: words.email.as_deref(),
        };
        let json = serde_json::to_string(&record).unwrap_or_else(|e| {
            // NOTE: these types always serialize; keep the line count right regardless.
            error_json(number, Some(id), &error("INTERNAL", e.to_string(), "$"))
        });
        let stage = STAGES.iter().position(|s| *s == lifecycle).unwrap_or(0);
        // Serialized here, in the worker, and the structs dropped: one small block in flight.
        let detail = sampled.then(|| {
            let (name, persona) = name_and_persona(customer);
            let profile = trimmed(profile);
            Box::new(Detail::new(
                name,
                persona,
                &profile,
                &decision,
                &warnings,
                copy_source,
            ))
        });
        let sent = Sent {
            line: number,
            id: id.to_string(),
            angle: decision.angle.clone(),
            hero: hero.map(|p| (p.id.clone(), p.title.clone())),
            family: family.to_string(),
            category,
            offer: offer_label(decision.offer.offer.as_ref()),
            lifecycle,
            stage,
            copy_source,
            holdout: decision.holdout,
            warnings,
            subject: words.subject.clone(),
            detail,
        };
        Outcome {
            json,
            tally: Tally::Sent(Box::new(sent)),
        }
    }
}

fn error(code: &'static str, message: String, path: &str) -> ErrorInfo {
    ErrorInfo {
        code,
        message,
        path: path.to_string(),
    }
}

fn failed(line: u64, id: Option<String>, error: ErrorInfo) -> Outcome {
    let json = error_json(line, id.as_deref(), &error);
    Outcome {
        json,
        tally: Tally::Failed(Box::new(Failed { line, id, error })),
    }
}

fn error_json(line: u64, id: Option<&str>, error: &ErrorInfo) -> String {
    serde_json::to_string(&ErrorLine { line, id, error }).unwrap_or_else(|_| {
        format!("{{\"line\":{line},\"id\":null,\"error\":{{\"code\":\"INTERNAL\",\"message\":\"\",\"path\":\"$\"}}}}")
    })
}

/// The id of a line that did not read as a customer, when it is JSON with a string `id`.
fn salvage_id(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        id: Option<serde_json::Value>,
    }
    // The first JSON value of the line, so trailing garbage does not hide the id.
    let parsed: IdOnly = serde_json::Deserializer::from_str(text)
        .into_iter()
        .next()?
        .ok()?;
    match parsed.id? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The profile as the overview shows it: the top of each ranked list (the most telling first),
/// so what workers hold for the sample in flight stays small.
fn trimmed(mut profile: Profile) -> Profile {
    profile.facet_affinities.truncate(8);
    profile.category_affinities.truncate(5);
    profile.tag_affinities.truncate(5);
    profile.attribute_affinities.truncate(5);
    profile.recently_viewed.truncate(5);
    profile.bought_groups.truncate(5);
    profile
}

/// The name and persona the overview lists a customer by (attributes the customer file has).
fn name_and_persona(customer: &Customer) -> (Option<String>, Option<String>) {
    let a = &customer.attributes;
    let text = |key: &str| {
        a.extra
            .get(key)
            .and_then(serde_json::Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let first = a
        .first_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let last = text("last_name").or_else(|| text("lastName"));
    let name = match (first, last) {
        (Some(f), Some(l)) => Some(format!("{f} {l}")),
        (Some(n), None) | (None, Some(n)) => Some(n.to_string()),
        (None, None) => text("name").map(str::to_string),
    };
    let persona = text("sample_persona")
        .or_else(|| text("persona"))
        .or_else(|| text("segment"))
        .map(str::to_string);
    (name, persona)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn lifecycle_label(stage: Lifecycle) -> &'static str {
    match stage {
        Lifecycle::New => "new",
        Lifecycle::Active => "active",
        Lifecycle::AtRisk => "at_risk",
        Lifecycle::Lapsed => "lapsed",
        Lifecycle::Browser => "browser",
    }
}

fn source_label(source: CopySource) -> &'static str {
    match source {
        CopySource::Rules => "rules",
        CopySource::Llm => "llm",
        CopySource::Cache => "cache",
    }
}

fn offer_label(offer: Option<&Offer>) -> String {
    match offer {
        None => "none".into(),
        Some(Offer::PercentOff { percent, code }) => format!("percentOff {percent}% {code}"),
        Some(Offer::FreeShipping { code }) => format!("freeShipping {code}"),
    }
}

/// `emails/<2 hex of the id's hash>/<id made safe>`, without extension: 256 directories keep
/// each one small at millions of customers.
pub fn email_path(id: &str) -> String {
    let hash = mailfit::decide::seed::fnv1a(&[id]);
    let mut safe = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'@' | b'+') {
            safe.push(char::from(byte));
        } else if byte == b'.' && !safe.is_empty() {
            safe.push('.');
        } else {
            let _ = write!(safe, "%{byte:02X}");
        }
        if safe.len() > 120 {
            // Very long ids: cut, and keep them apart by the hash.
            let _ = write!(safe, "~{hash:016x}");
            break;
        }
    }
    if safe.is_empty() {
        safe.push_str("%00");
    }
    format!("emails/{:02x}/{safe}", hash & 0xff)
}

/// The 256 shard directories under `<out>/emails`.
pub fn shard_dirs() -> impl Iterator<Item = String> {
    (0..=255u8).map(|n| format!("{n:02x}"))
}

/// Writes `<rel>.html` and `<rel>.txt` (subject and preheader above the text, as
/// `scripts/campaign.mjs` writes them) under `out` (the `emails` directory).
fn write_email(
    out: &Path,
    rel: &str,
    email: &mailfit::Personalized,
) -> Result<(), (String, std::io::Error)> {
    let base = out.join(rel.strip_prefix("emails/").unwrap_or(rel));
    let with = |ext: &str| {
        let mut path = base.clone().into_os_string();
        path.push(ext);
        PathBuf::from(path)
    };
    std::fs::write(with(".html"), &email.html).map_err(|e| (format!("{rel}.html"), e))?;
    let txt = format!(
        "Subject: {}\nPreheader: {}\n\n{}",
        email.subject, email.preheader, email.text
    );
    std::fs::write(with(".txt"), txt).map_err(|e| (format!("{rel}.txt"), e))?;
    Ok(())
}
