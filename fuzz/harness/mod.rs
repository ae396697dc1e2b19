//! What each fuzz target runs, as plain functions of the input bytes.
//!
//! Shared by the cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`, nightly) and the regression test
//! (`tests/fuzz_regressions.rs`, stable), so a kept input replays exactly the target's path.
//! Errors are fine (they are the API's answers); a panic, a stack overflow, an allocation past
//! libFuzzer's limit or a slow input is a finding.
//!
//! Each entry runs on a thread with a 1 MiB stack, the size of a wasm module's stack, so deep
//! recursion that would trap the host's instance overflows here too.

#![allow(dead_code)]

pub mod liquid_case;

use std::sync::OnceLock;

use mailfit::decide::{BanditState, Outcome};
use mailfit::facets::Lexicon;
use mailfit::input::{Catalog, Customer, FeedFormat, FeedOptions, RawEvent};
use mailfit::llm::{Api, CopyCache, Rules};
use mailfit::{CallOptions, FitOptions, Personalizer};

/// The stack a wasm module runs on (wasm-ld's default).
pub const STACK_BYTES: usize = 1024 * 1024;

/// Runs `f` on a thread with [`STACK_BYTES`] of stack; a panic there is re-raised here.
pub fn on_small_stack<F: FnOnce() + Send>(f: F) {
    std::thread::scope(|scope| {
        let joined = std::thread::Builder::new()
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, || signal_stack::run_on_thread(f))
            .map(|handle| handle.join());
        match joined {
            Ok(Ok(())) => {}
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            // No thread to be had: run here rather than skip the input.
            Err(_) => {}
        }
    });
}

/// A stack overflow must leave its input behind. libFuzzer's SIGSEGV handler runs on the stack
/// of the thread that faulted, which an overflow has used up, so the process died without
/// saving the input (twice, in the `liquid` target). Under cargo-fuzz the handler runs on an
/// alternate stack instead, reports the crash and saves the input. (A test binary has Rust's
/// own handler, which names the overflow and aborts.)
#[cfg(fuzzing)]
mod signal_stack {
    use std::sync::Once;

    /// Room for libFuzzer's handler: it prints a stack trace and writes the input.
    const ALTERNATE_STACK_BYTES: usize = 256 * 1024;

    pub fn run_on_thread<F: FnOnce()>(f: F) {
        static ON_ALTERNATE_STACK: Once = Once::new();
        // SAFETY: plain libc calls on zeroed or fully initialised structs.
        ON_ALTERNATE_STACK.call_once(|| unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(libc::SIGSEGV, std::ptr::null(), &mut action) == 0 {
                action.sa_flags |= libc::SA_ONSTACK;
                libc::sigaction(libc::SIGSEGV, &action, std::ptr::null_mut());
            }
        });
        let mut stack = vec![0u8; ALTERNATE_STACK_BYTES];
        let _registered = Registered::new(&mut stack);
        f();
    }

    /// This thread's alternate stack, unregistered (before its buffer is freed) on drop, also
    /// when `f` panics.
    struct Registered;

    impl Registered {
        fn new(stack: &mut [u8]) -> Registered {
            let alternate = libc::stack_t {
                ss_sp: stack.as_mut_ptr().cast(),
                ss_flags: 0,
                ss_size: stack.len(),
            };
            // SAFETY: the buffer outlives the registration (dropped after `Registered`).
            unsafe { libc::sigaltstack(&alternate, std::ptr::null_mut()) };
            Registered
        }
    }

    impl Drop for Registered {
        fn drop(&mut self) {
            let disabled = libc::stack_t {
                ss_sp: std::ptr::null_mut(),
                ss_flags: libc::SS_DISABLE,
                ss_size: 0,
            };
            // SAFETY: unregisters this thread's alternate stack.
            unsafe { libc::sigaltstack(&disabled, std::ptr::null_mut()) };
        }
    }
}

#[cfg(not(fuzzing))]
mod signal_stack {
    pub fn run_on_thread<F: FnOnce()>(f: F) {
        f()
    }
}

/// The sample catalog, campaign and customers (`samples/`).
pub const SAMPLE_CATALOG: &str = include_str!("../../samples/catalog.json");
pub const SAMPLE_CAMPAIGN: &str = include_str!("../../samples/campaign.json");
/// 2026-11-20T12:00:00Z, the sample campaign's `now`.
pub const SAMPLE_NOW: i64 = 1_795_694_400;

/// A small customer that every engine target can render.
const PLAIN_CUSTOMER: &str = r#"{"id":"C1","attributes":{"first_name":"Ada","gender":"female"},
"events":[{"kind":"purchase","at":"2026-09-01T10:00:00Z","productId":"NB-LG-001","orderId":"o1","price":96},
{"kind":"view","at":"2026-11-01T10:00:00Z","productId":"NB-BR-002-BER"}]}"#;

/// The engine over the sample catalog and campaign, built once.
pub fn sample_engine() -> Option<&'static Personalizer> {
    static ENGINE: OnceLock<Option<Personalizer>> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            let init = format!(r#"{{"catalog":{SAMPLE_CATALOG},"campaign":{SAMPLE_CAMPAIGN}}}"#);
            Personalizer::from_json(&init).ok()
        })
        .as_ref()
}

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Splits `data` at its first newline: (first line, rest).
fn split_line(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|b| *b == b'\n') {
        Some(at) => (
            data.get(..at).unwrap_or(&[]),
            data.get(at + 1..).unwrap_or(&[]),
        ),
        None => (data, &[]),
    }
}

/// `customer`: a customer (and a bare event list) in any accepted event shape, normalized.
pub fn customer(data: &[u8]) {
    let Some(text) = text(data) else { return };
    if let Ok(customer) = mailfit::error::from_json_str::<Customer>("$", text) {
        let _ = mailfit::input::normalize_events(customer.events.clone(), 5_000);
        let _ = mailfit::input::normalize_events(customer.events, 3);
    }
    if let Ok(events) = mailfit::error::from_json_str::<Vec<RawEvent>>("$.events", text) {
        let _ = mailfit::input::normalize_events(events, 5_000);
    }
}

/// `feed`: a catalog feed in the format of the first byte (or detected), then `Catalog::build`.
///
/// First byte: bits 0-2 the format (Auto, MerchantXml, Delimited, ContentApi, Shopify, Json),
/// bit 3 a shop URL, bit 4 a default currency.
pub fn feed(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let format = match flags & 7 {
        1 => FeedFormat::MerchantXml,
        2 => FeedFormat::Delimited,
        3 => FeedFormat::ContentApi,
        4 => FeedFormat::Shopify,
        5 => FeedFormat::Json,
        _ => FeedFormat::Auto,
    };
    let options = FeedOptions {
        format,
        shop_url: (flags & 8 != 0).then(|| "shop.example".to_string()),
        currency: (flags & 16 != 0).then(|| "EUR".to_string()),
    };
    if let Ok(load) = mailfit::input::parse_feed_bytes(rest, &options) {
        let _ = Catalog::build_with(load.products, "USD", default_lexicon());
    }
}

/// The default lexicon, compiled once: `Catalog::build` compiles it per call, which was
/// nearly all of this target's time (70 inputs a second).
fn default_lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::default_lexicon().unwrap_or_default())
}

fn call_options(flags: u8) -> CallOptions {
    let mut options = CallOptions::for_send(if flags & 4 != 0 { "send-2" } else { "send-1" });
    if flags & 8 != 0 {
        options.send_id = None;
    }
    options
}

/// `engine`: a fuzzed customer through the sample engine.
///
/// First byte: bits 0-1 the call (profile, decide, render, template_data), bits 2-3 the
/// options; bytes 2-5 shift `now` (seconds, signed). The rest is the customer's JSON.
pub fn engine(data: &[u8]) {
    let Some(engine) = sample_engine() else {
        return;
    };
    let Some((head, rest)) = data.split_first_chunk::<5>() else {
        return;
    };
    let [flags, shift @ ..] = *head;
    let now = SAMPLE_NOW.saturating_add(i64::from(i32::from_le_bytes(shift)));
    let Some(text) = text(rest) else { return };
    let Ok(customer) = mailfit::error::from_json_str::<Customer>("$", text) else {
        return;
    };
    let options = call_options(flags);
    match flags & 3 {
        0 => drop(engine.profile(&customer, now)),
        1 => drop(engine.decide(&customer, now, &options)),
        2 => drop(engine.render(&customer, now, &options)),
        _ => drop(engine.template_data(&customer, now, &options)),
    }
}

/// `engine_init`: a fuzzed `PersonalizerInit` (catalog, templates, campaign, churn model,
/// angles, popularity, associations, bandit), then one plain customer through it.
pub fn engine_init(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let Ok(engine) = Personalizer::from_json(text) else {
        return;
    };
    let Ok(customer) = mailfit::error::from_json_str::<Customer>("$", PLAIN_CUSTOMER) else {
        return;
    };
    let _ = engine.render(&customer, SAMPLE_NOW, &CallOptions::for_send("send-1"));
    let _ = engine.template_data(&customer, SAMPLE_NOW, &CallOptions::default());
}

/// `llm`: a provider's response body (API from the first byte) -> copy object -> rules.
pub fn llm(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let api = match flags & 3 {
        0 => Api::OpenaiChat,
        1 => Api::OpenaiResponses,
        2 => Api::Anthropic,
        _ => Api::OpenaiCompatible,
    };
    let Some(body) = text(rest) else { return };
    let Ok(value) = mailfit::llm::extract(api, body) else {
        return;
    };
    let Ok(copy) = mailfit::llm::parse_copy(&value) else {
        return;
    };
    let _ = llm_rules().check(&copy);
}

fn llm_rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| Rules {
        products: vec!["NB-LG-001".into(), "NB-BR-002-BER".into()],
        angles: vec!["comfort-movement".into(), "new-arrivals".into()],
        offer: None,
        banned: vec!["cheap".into(), "guarantee".into()],
        catalog_titles: vec![
            ("NB-LG-001".to_string(), "flow legging".to_string()),
            (
                "NB-BR-002-BER".to_string(),
                "studio bra - berry".to_string(),
            ),
            ("NB-AC-001".to_string(), "yoga mat".to_string()),
        ]
        .into(),
        customer_text: vec!["ada".into(), "lovelace".into()],
    })
}

/// `cache`: an exported copy cache, imported twice into a fresh one (as `importCache`).
pub fn cache(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let Ok(other) = mailfit::error::from_json_str::<CopyCache>("$.cache", text) else {
        return;
    };
    let mut cache = CopyCache::new();
    cache.import(other.clone());
    cache.import(other);
}

/// `bandit`: a bandit state (first line) and an outcome (the rest), as `recordOutcome` reads
/// them; the new state then steers a decision of the sample engine.
pub fn bandit(data: &[u8]) {
    let (state, outcome) = split_line(data);
    let (Some(state), Some(outcome)) = (text(state), text(outcome)) else {
        return;
    };
    let Ok(state) = mailfit::error::from_json_str::<BanditState>("$.state", state) else {
        return;
    };
    if mailfit::decide::bandit::validate(&state, "$.state").is_err() {
        return;
    }
    let Ok(outcome) = mailfit::error::from_json_str::<Outcome>("$.outcome", outcome) else {
        return;
    };
    let Ok(state) = mailfit::decide::record_outcome(state, &outcome) else {
        return;
    };
    let (Some(engine), Ok(customer)) = (
        sample_engine(),
        mailfit::error::from_json_str::<Customer>("$", PLAIN_CUSTOMER),
    ) else {
        return;
    };
    let options = CallOptions {
        bandit: Some(state),
        ..CallOptions::for_send("send-1")
    };
    let _ = engine.decide(&customer, SAMPLE_NOW, &options);
}

/// `learn`: fit options (first line) and a customer base (the rest) through the offline
/// learning exports: churn fit, popularity and associations (over the sample catalog).
pub fn learn(data: &[u8]) {
    let (options, customers) = split_line(data);
    let (Some(options), Some(customers)) = (text(options), text(customers)) else {
        return;
    };
    let options = if options.trim().is_empty() {
        FitOptions::default()
    } else {
        match mailfit::error::from_json_str::<FitOptions>("$.options", options) {
            Ok(options) => options,
            Err(_) => return,
        }
    };
    let Ok(customers) = mailfit::error::from_json_str::<Vec<Customer>>("$.customers", customers)
    else {
        return;
    };
    let _ = mailfit::fit_churn_model(customers.clone(), &options, SAMPLE_NOW);
    let _ = mailfit::compute_popularity(customers.clone(), &options, SAMPLE_NOW);
    if let Some(engine) = sample_engine() {
        let _ = mailfit::compute_associations(customers, engine.catalog(), &options, SAMPLE_NOW);
    }
}

/// `liquid_raw`: raw template bytes. First byte: bit 0 strict, bit 1 HTML escape, bit 2 small
/// limits, bit 3 the email dialect (else Shopify's), bit 4 compile-then-render.
pub fn liquid_raw(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Some(source) = text(rest) else { return };
    let case = liquid_case::Case {
        template: source.to_string(),
        partials: liquid_case::fixed_partials(),
        data: liquid_case::sample_data(),
        strict: flags & 1 != 0,
        escape_html: flags & 2 != 0,
        limits: if flags & 4 != 0 {
            liquid_case::Limits::Small
        } else {
            liquid_case::Limits::Default
        },
        email_dialect: flags & 8 != 0,
        compiled: flags & 16 != 0,
    };
    liquid_case::run(&case);
}

/// `liquid`: a template built from the grammar (see [`liquid_case::Case`]).
pub fn liquid(case: &liquid_case::Case) {
    liquid_case::run(case);
}

/// The named target's function (for the regression test's directory walk).
pub fn by_name(name: &str) -> Option<fn(&[u8])> {
    Some(match name {
        "customer" => customer,
        "feed" => feed,
        "engine" => engine,
        "engine_init" => engine_init,
        "llm" => llm,
        "cache" => cache,
        "bandit" => bandit,
        "learn" => learn,
        "liquid_raw" => liquid_raw,
        "liquid" => liquid_case::run_json,
        _ => return None,
    })
}

/// Every target's name.
pub const TARGETS: &[&str] = &[
    "customer",
    "feed",
    "engine",
    "engine_init",
    "llm",
    "cache",
    "bandit",
    "learn",
    "liquid_raw",
    "liquid",
];
