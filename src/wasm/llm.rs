//! The async half of `personalize`: awaits the host's WHATWG `fetch(url, init)` under a deadline
//! (an `AbortSignal` plus a timer), and feeds each result to the core's [`Plan`]. Everything
//! else (request, parsing, validation, retry policy) is the sans-IO core in `crate::llm`.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::llm::{Fallback, HttpResponse, LlmCopy, MAX_RESPONSE_BYTES, Plan, Step};

/// Marks a timer that won a race.
const TIMED_OUT: &str = "__mailfit_deadline__";

fn global(name: &str) -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &name.into())
        .ok()
        .filter(|v| !v.is_undefined())
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Text of a thrown JS value, for warnings.
pub fn describe(error: &JsValue) -> String {
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        return format!("{}: {}", String::from(e.name()), String::from(e.message()));
    }
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

/// Resolves to `TIMED_OUT` after `ms`; returns the promise and a canceller.
fn timer(ms: u32) -> (Promise, impl FnOnce()) {
    let id = std::rc::Rc::new(std::cell::Cell::new(JsValue::UNDEFINED));
    let slot = id.clone();
    let promise = Promise::new(&mut |resolve, _reject| {
        if let Some(set) = global("setTimeout").and_then(|f| f.dyn_into::<Function>().ok()) {
            let args = Array::of3(&resolve, &JsValue::from(ms), &JsValue::from(TIMED_OUT));
            if let Ok(handle) = set.apply(&JsValue::NULL, &args) {
                slot.set(handle);
            }
        }
    });
    let cancel = move || {
        if let Some(clear) = global("clearTimeout").and_then(|f| f.dyn_into::<Function>().ok()) {
            let _ = clear.call1(&JsValue::NULL, &id.take());
        }
    };
    (promise, cancel)
}

/// Awaits `promise` for at most `ms`: `Ok(None)` on timeout, `Err` with what it threw.
async fn within(promise: Promise, ms: u32) -> Result<Option<JsValue>, JsValue> {
    let (deadline, cancel) = timer(ms);
    let race = Promise::race(&Array::of2(&promise, &deadline));
    let result = JsFuture::from(race).await;
    cancel();
    match result {
        Ok(v) if v.as_string().as_deref() == Some(TIMED_OUT) => Ok(None),
        Ok(v) => Ok(Some(v)),
        Err(e) => Err(e),
    }
}

async fn sleep(ms: u32) {
    let (promise, _) = timer(ms);
    let _ = JsFuture::from(promise).await;
}

fn call_method(target: &JsValue, name: &str, args: &Array) -> Result<JsValue, JsValue> {
    let method: Function = Reflect::get(target, &name.into())?.dyn_into()?;
    method.apply(target, args)
}

/// One exchange: fetch, status, `retry-after`, body text, all within `remaining` ms.
async fn attempt(plan: &Plan, fetch: &Function, remaining: u32) -> Result<HttpResponse, JsValue> {
    let init = Object::new();
    let headers = Object::new();
    for (name, value) in &plan.request.headers {
        Reflect::set(&headers, &name.into(), &value.into())?;
    }
    Reflect::set(&init, &"method".into(), &plan.request.method.into())?;
    Reflect::set(&init, &"headers".into(), &headers)?;
    Reflect::set(&init, &"body".into(), &plan.request.body.as_str().into())?;
    let controller = global("AbortController")
        .and_then(|c| c.dyn_into::<Function>().ok())
        .and_then(|c| Reflect::construct(&c, &Array::new()).ok());
    if let Some(controller) = &controller {
        Reflect::set(
            &init,
            &"signal".into(),
            &Reflect::get(controller, &"signal".into())?,
        )?;
    }
    let abort = || {
        if let Some(controller) = &controller {
            let _ = call_method(controller, "abort", &Array::new());
        }
    };
    let started = now_ms();
    let pending = fetch.call2(&JsValue::NULL, &plan.request.url.as_str().into(), &init)?;
    let pending = Promise::resolve(&pending);
    let Some(response) = within(pending, remaining).await? else {
        abort();
        return Err(JsValue::from_str(TIMED_OUT));
    };
    let status = Reflect::get(&response, &"status".into())?
        .as_f64()
        .unwrap_or(0.0) as u16;
    let retry_after = Reflect::get(&response, &"headers".into())
        .and_then(|h| call_method(&h, "get", &Array::of1(&"retry-after".into())))
        .ok()
        .and_then(|v| v.as_string());
    let left = remaining.saturating_sub((now_ms() - started) as u32);
    let text = Promise::resolve(&call_method(&response, "text", &Array::new())?);
    let Some(body) = within(text, left).await? else {
        abort();
        return Err(JsValue::from_str(TIMED_OUT));
    };
    // Cut a huge answer while it is still a JS string: copying it whole into the module first
    // could exhaust linear memory (a trap). A UTF-16 unit is 1 to 3 UTF-8 bytes.
    let body = match body.dyn_ref::<js_sys::JsString>() {
        Some(text) if text.length() as usize > MAX_RESPONSE_BYTES => {
            JsValue::from(text.slice(0, MAX_RESPONSE_BYTES as u32))
        }
        _ => body,
    };
    let mut body = body.as_string().unwrap_or_default();
    if body.len() > MAX_RESPONSE_BYTES {
        let mut end = MAX_RESPONSE_BYTES;
        while !body.is_char_boundary(end) {
            end -= 1;
        }
        body.truncate(end);
    }
    Ok(HttpResponse {
        status,
        retry_after,
        body,
    })
}

/// Runs the plan against the host's fetch: the copy, or why not and what the host threw.
pub async fn exchange(
    plan: &Plan,
    fetch: &Function,
) -> Result<LlmCopy, (Fallback, Option<JsValue>)> {
    let started = now_ms();
    let mut number = 1;
    loop {
        let elapsed = (now_ms() - started).max(0.0) as u32;
        let remaining = plan.timeout_ms.saturating_sub(elapsed);
        if remaining == 0 {
            return Err((Fallback::Timeout(plan.timeout_ms), None));
        }
        let (result, thrown) = match attempt(plan, fetch, remaining).await {
            Ok(response) => (Ok(response), None),
            Err(e) if e.as_string().as_deref() == Some(TIMED_OUT) => {
                return Err((Fallback::Timeout(plan.timeout_ms), None));
            }
            Err(e) => (Err(describe(&e)), Some(e)),
        };
        let elapsed = (now_ms() - started).max(0.0) as u32;
        match plan.step(result, elapsed, number) {
            Step::Accept(copy) => return Ok(copy),
            Step::Fallback(fallback) => return Err((fallback, thrown)),
            Step::Retry(wait) => {
                sleep(wait).await;
                number += 1;
            }
        }
    }
}
