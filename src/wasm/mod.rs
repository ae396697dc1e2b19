//! The JavaScript binding: the only module that knows about wasm-bindgen and js-sys.
//!
//! Each export converts its arguments with [`from_js`], calls one core function, and converts
//! the result with [`to_js`]. Every error leaves through [`js_error`]: a real `Error` with a
//! stable `code` and the JSON `path` of the bad field. TypeScript types come from the Rust
//! types (ts-rs, checked by a test) and are attached through `typescript_custom_section`.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::error::{Error, InputError, MAX_JSON_BYTES};
use crate::input::{Customer, RawEvent, normalize_events};
use std::cell::RefCell;
use std::rc::Rc;

use crate::copy::CopySource;
use crate::llm::{CopyCache, LlmSettings};
use crate::{CallOptions, Personalizer as Engine, PersonalizerInit};

mod llm;
mod strings;
mod templates;

use strings::utf8;

pub use templates::{LiquidTemplate, compile_template, render_template};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("types.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const TS_EXTRA: &str = r#"
/** Options of `renderTemplate`. */
export interface RenderTemplateOptions {
  /** Partials by name, for `{% include 'name' %}` and `{% render 'name' %}`. */
  partials?: Record<string, string>;
  /** Unknown variables are errors instead of rendering empty (previews, linting). */
  strict?: boolean;
  /** `"html"` escapes every `{{ }}` unless it ends in `| raw`; default `"none"`, as Liquid. */
  escape?: OutputEscape;
  /** Bounds on the render; each defaults safely. */
  limits?: RenderLimits;
}
/** The LLM option of `personalize`: the host's WHATWG fetch (it adds any credentials) plus settings. */
export type LlmOption = LlmSettings & { fetch: (url: string, init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<Response> };
/** Options of `personalize`. */
export type PersonalizeOptions = CallOptions & { llm?: LlmOption };
/** The exported LLM copy cache: plain JSON. */
export interface CopyCacheJson { version: string; entries: Record<string, { product: string; angle: string; subject: string; preheader: string; headline: string; body: string; cta: string }> }
/** What `buildInfo()` returns. */
export interface BuildInfo { version: string; gitSha: string; rustc: string; wasmBindgen: string }
/** Errors thrown by every export: a real `Error` with a stable code and the JSON path at fault. */
export interface MailfitError extends Error { code: "INVALID_INPUT" | "INPUT_TOO_LARGE" | "TEMPLATE_PARSE" | "TEMPLATE_RENDER" | "TEMPLATE_LIMIT" | "FIT_NO_PURCHASERS" | "FIT_NO_CONVERGENCE"; path: string }
"#;

/// Converts an argument with path-aware errors rooted at `root`: JSON text or UTF-8 bytes as
/// sent, any other value through the host's own `JSON.stringify` and then serde_json. One
/// native call replaces a boundary crossing per field (serde-wasm-bindgen), and what used to
/// trap the module (cycles, nesting deeper than the stack) becomes a typed error: the host's
/// stringify throws, or serde_json stops at [`crate::error::MAX_DEPTH`] levels.
fn from_js<T: DeserializeOwned>(root: &str, value: JsValue) -> Result<T, JsValue> {
    from_js_within(root, value, MAX_JSON_BYTES)
}

/// [`from_js`] with a size limit of its own (catalogs and customer bases are large by nature).
fn from_js_within<T: DeserializeOwned>(
    root: &str,
    value: JsValue,
    limit: usize,
) -> Result<T, JsValue> {
    let (text, stringified) = json_text(root, &value, limit)?;
    crate::error::from_json_str(root, &text).map_err(|error| {
        // Line and column point into text the host never saw; the path says where.
        let error = if stringified {
            strip_position(error)
        } else {
            error
        };
        js_error(error.into())
    })
}

/// The JSON text of an argument, and whether it was made here by `JSON.stringify`.
fn json_text(root: &str, value: &JsValue, limit: usize) -> Result<(String, bool), JsValue> {
    // A UTF-16 unit is at least one UTF-8 byte, so lengths are checked before any copy.
    let too_large = |len: usize| {
        js_error(Error::from(InputError::TooLarge {
            path: root.into(),
            message: format!("the JSON is at least {len} bytes; the limit is {limit}"),
        }))
    };
    if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
        let len = text.length() as usize;
        if len > limit {
            return Err(too_large(len));
        }
        return Ok((utf8(text), false));
    }
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        let len = bytes.length() as usize;
        if len > limit {
            return Err(too_large(len));
        }
        let text = String::from_utf8(bytes.to_vec()).map_err(|e| {
            js_error(InputError::invalid(root, format!("the bytes are not UTF-8: {e}")).into())
        })?;
        return Ok((text, false));
    }
    if value.is_undefined() || value.is_function() || value.is_symbol() {
        return Ok(("null".into(), true));
    }
    let text = js_sys::JSON::stringify(value).map_err(|thrown| {
        let message = thrown.dyn_ref::<js_sys::Error>().map_or_else(
            || "it cannot be written as JSON".into(),
            |e| String::from(e.message()),
        );
        let error = if thrown.is_instance_of::<js_sys::RangeError>() {
            InputError::TooLarge {
                path: root.into(),
                message: format!("too deeply nested or too large to read: {message}"),
            }
        } else {
            InputError::invalid(root, format!("not JSON-compatible: {message}"))
        };
        js_error(error.into())
    })?;
    let len = text.length() as usize;
    if len > limit {
        return Err(too_large(len));
    }
    Ok((utf8(&text), true))
}

/// Drops serde_json's " at line 1 column 2345" from a message about text made by stringify.
fn strip_position(error: InputError) -> InputError {
    let strip = |message: String| match message.rfind(" at line ") {
        Some(at) => message.get(..at).unwrap_or(&message).to_string(),
        None => message,
    };
    match error {
        InputError::Invalid { path, message } => InputError::Invalid {
            path,
            message: strip(message),
        },
        InputError::TooLarge { path, message } => InputError::TooLarge {
            path,
            message: strip(message),
        },
    }
}

/// A recipient from the host. A history longer than the engine reads
/// ([`Engine::max_raw_events`]) is cut before conversion to its newest end (judged by the
/// first and last events' timestamps), and what was dropped is counted, so a customer with a
/// million events costs what five thousand do.
fn read_customer(value: JsValue, max_raw: usize) -> Result<Customer, JsValue> {
    // serde reads a struct from a sequence too, which named `$[0]` for a customer sent in an array.
    if js_sys::Array::is_array(&value) {
        return Err(js_error(
            InputError::invalid("$", "a customer is an object, not an array").into(),
        ));
    }
    let events = if value.is_object() && !value.is_instance_of::<js_sys::Uint8Array>() {
        js_sys::Reflect::get(&value, &"events".into()).map_err(|e| unreadable("$", &e))?
    } else {
        JsValue::UNDEFINED
    };
    let Some(array) = events.dyn_ref::<js_sys::Array>() else {
        return from_js("$", value);
    };
    let len = array.length();
    let cap = u32::try_from(max_raw).unwrap_or(u32::MAX);
    if len <= cap {
        return from_js("$", value);
    }
    let time = |i: u32| -> Option<i64> {
        let raw: RawEvent = from_js("$.events", array.get(i)).ok()?;
        normalize_events(vec![raw], 1).0.first().map(|e| e.at)
    };
    let newest_last = match (time(0), time(len - 1)) {
        (Some(first), Some(last)) => last >= first,
        _ => true,
    };
    let (from, kept) = if newest_last {
        (len - cap, array.slice(len - cap, len))
    } else {
        (0, array.slice(0, cap))
    };
    let shallow = js_sys::Object::assign(&js_sys::Object::new(), value.unchecked_ref());
    js_sys::Reflect::set(&shallow, &"events".into(), &kept)?;
    let mut customer: Customer = from_js_within("$", shallow.into(), MAX_JSON_BYTES)
        .map_err(|e| shift_event_path(e, from))?;
    customer.events_dropped = len - cap;
    Ok(customer)
}

/// What a host object threw while it was read (a getter, a Proxy): an input error at `path`.
fn unreadable(path: &str, thrown: &JsValue) -> JsValue {
    js_error(InputError::invalid(path, format!("not readable: {}", llm::describe(thrown))).into())
}

/// Rewrites `$.events[i]` in an error's path to the index the host sent (after a cut).
fn shift_event_path(error: JsValue, offset: u32) -> JsValue {
    if offset == 0 {
        return error;
    }
    let path = js_sys::Reflect::get(&error, &"path".into())
        .ok()
        .and_then(|p| p.as_string())
        .unwrap_or_default();
    if let Some(rest) = path.strip_prefix("$.events[") {
        if let Some((index, tail)) = rest.split_once(']') {
            if let Ok(index) = index.parse::<u32>() {
                let fixed = format!("$.events[{}]{tail}", index.saturating_add(offset));
                let _ = js_sys::Reflect::set(&error, &"path".into(), &fixed.into());
            }
        }
    }
    error
}

/// The largest catalog (`new Personalizer`) or customer base (offline learning) read as JSON.
const MAX_BULK_JSON_BYTES: usize = 256 * 1024 * 1024;

/// Optional arguments: `undefined` and `null` mean defaults.
fn optional_from_js<T: DeserializeOwned + Default>(
    root: &str,
    value: JsValue,
) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        from_js(root, value)
    }
}

/// Serializes to plain JS objects (maps as objects, integers as numbers). Field by field
/// (serde-wasm-bindgen): measured faster than JSON text and `JSON.parse` for these results,
/// whose HTML would be escaped into JSON and parsed back.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error(Error::from(InputError::invalid("$", e.to_string()))))
}

/// The one place errors become JS: `Error` objects with `code` and `path`.
fn js_error(error: Error) -> JsValue {
    let info = error.info();
    let js = js_sys::Error::new(&info.message);
    js.set_name("MailfitError");
    // NOTE: Reflect::set on a fresh Error object cannot fail; ignoring the Result is safe.
    let _ = js_sys::Reflect::set(&js, &"code".into(), &info.code.into());
    let _ = js_sys::Reflect::set(&js, &"path".into(), &info.path.into());
    js.into()
}

/// The host's clock, for calls that pass no `now`.
fn host_now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

impl Personalizer {
    /// Converts a per-recipient call's arguments, runs one engine method, converts the result.
    fn per_recipient<T: Serialize>(
        &self,
        customer: JsValue,
        options: JsValue,
        call: impl FnOnce(&Engine, &Customer, i64, &CallOptions) -> Result<T, Error>,
    ) -> Result<JsValue, JsValue> {
        let engine = &self.state()?.engine;
        let customer = read_customer(customer, engine.max_raw_events())?;
        let options = optional_from_js::<CallOptions>("$.options", options)?;
        let now = options
            .resolve_now(host_now())
            .map_err(|e| js_error(e.into()))?;
        to_js(&call(engine, &customer, now, &options).map_err(js_error)?)
    }
}

/// Fits churn-model parameters (days) on a customer base, for `new Personalizer({ churnModel })`.
#[wasm_bindgen(js_name = fitChurnModel, unchecked_return_type = "FitReport")]
pub fn fit_churn_model(
    #[wasm_bindgen(unchecked_param_type = "Customer[]")] customers: JsValue,
    #[wasm_bindgen(unchecked_param_type = "FitOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let customers: Vec<Customer> = from_js_within("$.customers", customers, MAX_BULK_JSON_BYTES)?;
    let options: crate::FitOptions = optional_from_js("$.options", options)?;
    to_js(&crate::fit_churn_model(customers, &options, host_now()).map_err(js_error)?)
}

/// Popularity by product id over a customer base, for `new Personalizer({ popularity })`.
#[wasm_bindgen(js_name = computePopularity, unchecked_return_type = "Record<string, number>")]
pub fn compute_popularity(
    #[wasm_bindgen(unchecked_param_type = "Customer[]")] customers: JsValue,
    #[wasm_bindgen(unchecked_param_type = "FitOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let customers: Vec<Customer> = from_js_within("$.customers", customers, MAX_BULK_JSON_BYTES)?;
    let options: crate::FitOptions = optional_from_js("$.options", options)?;
    to_js(&crate::compute_popularity(customers, &options, host_now()).map_err(js_error)?)
}

/// Folds one email's outcome into the bandit state (pure: returns the new state to store).
#[wasm_bindgen(js_name = recordOutcome, unchecked_return_type = "BanditState")]
pub fn record_outcome(
    #[wasm_bindgen(unchecked_param_type = "BanditState | undefined")] state: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Outcome")] outcome: JsValue,
) -> Result<JsValue, JsValue> {
    let state: crate::decide::BanditState = optional_from_js("$.state", state)?;
    crate::decide::bandit::validate(&state, "$.state").map_err(|e| js_error(e.into()))?;
    let outcome: crate::decide::Outcome = from_js("$.outcome", outcome)?;
    to_js(&crate::decide::record_outcome(state, &outcome).map_err(|e| js_error(e.into()))?)
}

/// What runs: crate version, git commit, compiler and wasm-bindgen versions.
#[wasm_bindgen(js_name = buildInfo, unchecked_return_type = "BuildInfo")]
pub fn build_info() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct BuildInfo {
        version: &'static str,
        git_sha: &'static str,
        rustc: &'static str,
        wasm_bindgen: &'static str,
    }
    to_js(&BuildInfo {
        version: crate::VERSION,
        git_sha: option_env!("MAILFIT_GIT_SHA").unwrap_or("unknown"),
        rustc: option_env!("MAILFIT_RUSTC").unwrap_or("unknown"),
        wasm_bindgen: "0.2.130",
    })
}

/// Reads a catalog feed (Merchant Center XML or TSV/CSV, Content API or Shopify JSON; text or
/// bytes) into products for `new Personalizer({ catalog: products })`.
#[wasm_bindgen(js_name = parseCatalog, unchecked_return_type = "FeedLoad")]
pub fn parse_catalog(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] feed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "FeedOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    use crate::input::feeds::{self, FeedOptions, MAX_FEED_BYTES};
    let options: FeedOptions = optional_from_js("$.options", options)?;
    // Refused before the copy into wasm memory (a UTF-16 unit is at least one UTF-8 byte).
    let too_large = |len: usize| {
        js_error(Error::from(InputError::TooLarge {
            path: "feed".into(),
            message: format!(
                "the feed is at least {len} bytes; the limit is {MAX_FEED_BYTES} (64 MiB)"
            ),
        }))
    };
    let load = if let Some(text) = feed.dyn_ref::<js_sys::JsString>() {
        let len = text.length() as usize;
        if len > MAX_FEED_BYTES {
            return Err(too_large(len));
        }
        feeds::parse_feed(&utf8(text), &options)
    } else if let Some(bytes) = feed.dyn_ref::<js_sys::Uint8Array>() {
        let len = bytes.length() as usize;
        if len > MAX_FEED_BYTES {
            return Err(too_large(len));
        }
        feeds::parse_feed_bytes(&bytes.to_vec(), &options)
    } else {
        return Err(js_error(
            InputError::invalid("$.feed", "expected a string or a Uint8Array").into(),
        ));
    };
    to_js(&load.map_err(|e| js_error(e.into()))?)
}

/// What an exported object holds. Both classes hold exactly this one field: wasm-bindgen passes
/// a method's `this` through unchecked, so `LiquidTemplate.prototype.render.call(engine)` hands
/// one class's object to the other's method. With the same shape it finds contents of another
/// type (a typed error) instead of reading one struct as another (a trap).
type Handle = Rc<dyn std::any::Any>;

/// The contents of `handle` as a `T`, or an error naming the class the method belongs to.
fn held<'a, T: 'static>(handle: &'a Handle, class: &str) -> Result<&'a T, JsValue> {
    handle.downcast_ref::<T>().ok_or_else(|| {
        js_error(
            InputError::invalid(
                "$",
                format!("this is not a {class}: a {class} method was called on another object"),
            )
            .into(),
        )
    })
}

/// An engine and its LLM copy cache.
struct EngineState {
    // NOTE: shared with the futures of `personalize`, which outlive the call that made them.
    engine: Rc<Engine>,
    cache: Rc<RefCell<CopyCache>>,
}

/// The personalization engine: build once per catalog and campaign, call per recipient.
#[wasm_bindgen]
pub struct Personalizer {
    handle: Handle,
}

impl Personalizer {
    fn state(&self) -> Result<&EngineState, JsValue> {
        held(&self.handle, "Personalizer")
    }
}

#[wasm_bindgen]
impl Personalizer {
    /// Validates the catalog, config and templates; throws `MailfitError` on bad input.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "PersonalizerInit")] init: JsValue,
    ) -> Result<Personalizer, JsValue> {
        let init: PersonalizerInit = from_js_within("$", init, MAX_BULK_JSON_BYTES)?;
        Engine::new(init)
            .map(|engine| Personalizer {
                handle: Rc::new(EngineState {
                    engine: Rc::new(engine),
                    cache: Rc::new(RefCell::new(CopyCache::new())),
                }),
            })
            .map_err(js_error)
    }

    /// Warnings raised while building (repaired config, empty catalog).
    #[wasm_bindgen(getter, unchecked_return_type = "string[]")]
    pub fn warnings(&self) -> Result<JsValue, JsValue> {
        to_js(&self.state()?.engine.warnings())
    }

    /// Kinds of product this catalog's customers buy together (co-purchase lift), for
    /// `new Personalizer({ ..., associations })`; offline, over a customer base.
    #[wasm_bindgen(js_name = computeAssociations, unchecked_return_type = "Record<string, Record<string, number>>")]
    pub fn compute_associations(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Customer[]")] customers: JsValue,
        #[wasm_bindgen(unchecked_param_type = "FitOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let engine = &self.state()?.engine;
        let customers: Vec<Customer> =
            from_js_within("$.customers", customers, MAX_BULK_JSON_BYTES)?;
        let options: crate::FitOptions = optional_from_js("$.options", options)?;
        let associations =
            crate::compute_associations(customers, engine.catalog(), &options, host_now());
        to_js(&associations.map_err(js_error)?)
    }

    /// The customer's behavioural profile.
    #[wasm_bindgen(unchecked_return_type = "Profile")]
    pub fn profile(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Customer | string | Uint8Array")] customer: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CallOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.per_recipient(customer, options, |engine, customer, now, _options| {
            engine.profile(customer, now)
        })
    }

    /// Profile and decision (product, angle, offer, reasons).
    #[wasm_bindgen(unchecked_return_type = "Decided")]
    pub fn decide(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Customer | string | Uint8Array")] customer: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CallOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.per_recipient(customer, options, |engine, customer, now, options| {
            engine.decide(customer, now, options)
        })
    }

    /// The whole pipeline with rule-based copy: subject, preheader, HTML, text and why.
    #[wasm_bindgen(unchecked_return_type = "Personalized")]
    pub fn render(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Customer | string | Uint8Array")] customer: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CallOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.per_recipient(customer, options, |engine, customer, now, options| {
            engine.render(customer, now, options)
        })
    }

    /// Exactly what the templates see for this customer (rules copy), as plain JSON: for
    /// template authors and for rendering the same data with another Liquid engine.
    #[wasm_bindgen(js_name = templateData, unchecked_return_type = "Record<string, unknown>")]
    pub fn template_data(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Customer | string | Uint8Array")] customer: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CallOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.per_recipient(customer, options, |engine, customer, now, options| {
            engine.template_data(customer, now, options)
        })
    }

    /// The whole pipeline as a Promise. With `options.llm` (`{ fetch, url, model, api,
    /// timeoutMs }`) a model writes the copy through the host's fetch, guarded; any failure
    /// gives the rules email with a warning (and the host's exception as `llmError`).
    /// Rejects only on bad input, with `MailfitError`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Personalized>")]
    pub fn personalize(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Customer | string | Uint8Array")] customer: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PersonalizeOptions | undefined")] options: JsValue,
    ) -> js_sys::Promise {
        let (engine, cache) = match self.state() {
            Ok(state) => (state.engine.clone(), state.cache.clone()),
            Err(error) => return js_sys::Promise::reject(&error),
        };
        wasm_bindgen_futures::future_to_promise(async move {
            let (options, llm) = split_llm(options)?;
            let customer = read_customer(customer, engine.max_raw_events())?;
            let options = optional_from_js::<CallOptions>("$.options", options)?;
            let now = options
                .resolve_now(host_now())
                .map_err(|e| js_error(e.into()))?;
            let mut draft = engine.draft(&customer, now, &options).map_err(js_error)?;
            let mut thrown = None;
            if let Some((fetch, settings)) = llm
                && !draft.decision.holdout
            {
                let outcome = match engine.llm_plan(&customer, &draft, &settings) {
                    Ok(plan) => {
                        // NOTE: bound first, so the borrow ends before the await and the put.
                        let cached = cache.borrow().lookup(&plan);
                        match cached {
                            Some(copy) => Ok((copy, CopySource::Cache)),
                            None => llm::exchange(&plan, &fetch).await.map(|copy| {
                                cache.borrow_mut().put(plan.cache_key.clone(), copy.clone());
                                (copy, CopySource::Llm)
                            }),
                        }
                    }
                    Err(fallback) => Err((fallback, None)),
                };
                engine.settle(
                    &mut draft,
                    outcome.map_err(|(fallback, error)| {
                        thrown = error;
                        fallback
                    }),
                );
            }
            let email = to_js(&engine.finish(&customer, now, draft).map_err(js_error)?)?;
            if let Some(error) = thrown {
                js_sys::Reflect::set(&email, &"llmError".into(), &error)?;
            }
            Ok(email)
        })
    }

    /// The LLM copy cache as plain JSON, for the host to persist (KV, Redis, a file).
    #[wasm_bindgen(js_name = exportCache, unchecked_return_type = "CopyCacheJson")]
    pub fn export_cache(&self) -> Result<JsValue, JsValue> {
        to_js(&*self.state()?.cache.borrow())
    }

    /// Merges a cache exported earlier; returns how many entries were dropped as stale.
    #[wasm_bindgen(js_name = importCache)]
    pub fn import_cache(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CopyCacheJson")] cache: JsValue,
    ) -> Result<u32, JsValue> {
        let cache: CopyCache = from_js("$.cache", cache)?;
        Ok(self.state()?.cache.borrow_mut().import(cache) as u32)
    }
}

/// Takes `llm` (with its `fetch` function) out of the options, so the rest deserializes.
fn split_llm(
    options: JsValue,
) -> Result<(JsValue, Option<(js_sys::Function, LlmSettings)>), JsValue> {
    if !options.is_object() {
        return Ok((options, None));
    }
    let llm =
        js_sys::Reflect::get(&options, &"llm".into()).map_err(|e| unreadable("$.options", &e))?;
    if llm.is_undefined() || llm.is_null() {
        return Ok((options, None));
    }
    let rest = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
    js_sys::Reflect::delete_property(&rest, &"llm".into())?;
    let fetch = js_sys::Reflect::get(&llm, &"fetch".into())
        .map_err(|e| unreadable("$.options.llm", &e))?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| {
            js_error(InputError::invalid("$.options.llm.fetch", "fetch must be a function").into())
        })?;
    let settings = js_sys::Object::assign(&js_sys::Object::new(), llm.unchecked_ref());
    js_sys::Reflect::delete_property(&settings, &"fetch".into())?;
    let settings: LlmSettings = from_js("$.options.llm", settings.into())?;
    Ok((rest.into(), Some((fetch, settings))))
}
