//! What one render may spend, and how its output is escaped.
//!
//! Kept per thread rather than in liquid's runtime registers: `render` runs partials in a
//! sandboxed frame whose registers start empty, which would reset every count at each level.
//! [`enter`] installs a fresh budget for one top-level render and restores the previous one when
//! its guard drops, so renders nested in filters (copy templates) keep their own counts.

use std::cell::RefCell;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::Write;

use liquid_core::parser::FilterArguments;
use liquid_core::runtime::{Expression, Variable};
use liquid_core::{Filter, FilterReflection, ParseFilter, Runtime, Value, ValueView};
use serde::{Deserialize, Serialize};

/// Bounds on one render; every field has a safe default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct RenderLimits {
    /// Largest output in bytes; rendering stops with a limit error as soon as it is passed.
    pub max_output_bytes: usize,
    /// Loop iterations (`for`, `tablerow`) and partial renders (`include`, `render`) over the
    /// whole render, nested ones included.
    pub max_loop_iterations: u64,
    /// Largest value a filter or `capture` may produce (string bytes; 16 bytes per array item).
    pub max_value_bytes: usize,
    /// Bytes of values that filters make or read (their input and the arguments they take
    /// from the data), `assign` copies, reads of assigned variables copy and `contains`/`==`
    /// scan, plus 32 for each template element rendered and each filter call (and 4 more per
    /// level of blocks and partials around it, whose scopes a variable read walks), over the
    /// whole render (Ruby Liquid's `assign_score_limit` and `render_score_limit` in one). Bounds
    /// the time a template can spend on data the other limits let through:
    /// `{% assign a = products %}` in a loop of 100,000 copied 3,000 products each time (61 s
    /// natively); the golden-liquid benchmark pages process under 12 KB, a sample email 7 KB.
    pub max_processed_bytes: u64,
}

impl Default for RenderLimits {
    fn default() -> Self {
        RenderLimits {
            max_output_bytes: 2 * 1024 * 1024,
            max_loop_iterations: 100_000,
            max_value_bytes: 1024 * 1024,
            max_processed_bytes: 32 * 1024 * 1024,
        }
    }
}

/// How `{{ }}` output is escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum OutputEscape {
    /// As Liquid: output is written as it is (text parts, subjects, conformance).
    #[default]
    None,
    /// Every `{{ }}` is HTML-escaped unless it ends in `| raw` (or already escapes).
    Html,
}

struct State {
    limits: RenderLimits,
    iterations: u64,
    /// See [`RenderLimits::max_processed_bytes`].
    processed: u64,
    escape: OutputEscape,
    /// Unknown variables are errors (previews, linting) rather than nil.
    strict: bool,
    /// Hashes of strings this render built with `capture`: template-made, already escaped.
    trusted: HashSet<u64>,
}

impl State {
    fn new(limits: RenderLimits, escape: OutputEscape) -> Self {
        State {
            limits,
            iterations: 0,
            processed: 0,
            escape,
            strict: false,
            trusted: HashSet::new(),
        }
    }
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::new(RenderLimits::default(), OutputEscape::None));
}

/// Restores the budget that was in force before [`enter`].
pub struct Scope {
    previous: Option<State>,
}

impl Drop for Scope {
    fn drop(&mut self) {
        if let Some(previous) = self.previous.take() {
            STATE.with(|s| *s.borrow_mut() = previous);
        }
    }
}

/// Starts a render's budget.
pub fn enter(limits: RenderLimits, escape: OutputEscape) -> Scope {
    let previous = STATE.with(|s| s.replace(State::new(limits, escape)));
    Scope {
        previous: Some(previous),
    }
}

/// Makes this render's unknown variables errors (or nil again).
pub fn set_strict(strict: bool) {
    STATE.with(|s| s.borrow_mut().strict = strict);
}

/// Are unknown variables errors in this render?
pub fn strict() -> bool {
    STATE.with(|s| s.borrow().strict)
}

/// A liquid error that [`crate::env`] reports as a limit breach.
pub fn limit_error(what: String) -> liquid_core::Error {
    liquid_core::Error::with_msg(format!("{LIMIT_PREFIX}{what}"))
}

/// Marks liquid errors that are limit breaches, so they surface as `TEMPLATE_LIMIT`.
pub const LIMIT_PREFIX: &str = "render limit: ";

/// Counts one loop iteration; an error once the render's allowance is spent (or the processed
/// bytes', which reads that cannot fail leave past it).
pub fn charge_iteration() -> liquid_core::Result<()> {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.iterations += 1;
        if s.iterations > s.limits.max_loop_iterations {
            Err(limit_error(format!(
                "more than {} loop iterations and partial renders",
                s.limits.max_loop_iterations
            )))
        } else {
            s.processed_within()
        }
    })
}

impl State {
    fn processed_within(&self) -> liquid_core::Result<()> {
        if self.processed > self.limits.max_processed_bytes {
            Err(limit_error(format!(
                "more than {} bytes of values made, copied or scanned and of elements rendered",
                self.limits.max_processed_bytes
            )))
        } else {
            Ok(())
        }
    }
}

/// Counts `bytes` of values made, copied or scanned; an error once past the render's allowance.
pub fn charge_processed(bytes: usize) -> liquid_core::Result<()> {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.processed = s.processed.saturating_add(bytes as u64);
        s.processed_within()
    })
}

/// Counts a copy of `value` (see [`charge_processed`]); sizing it stops once past what is left.
pub fn charge_copy(value: &Value) -> liquid_core::Result<()> {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let left = s.limits.max_processed_bytes.saturating_sub(s.processed);
        let size = size_of(value, usize::try_from(left).unwrap_or(usize::MAX));
        s.processed = s.processed.saturating_add(size as u64);
        s.processed_within()
    })
}

/// What reading `value` once costs, from its top level only (no walk, no virtual call per
/// item): string bytes, and 64 bytes per array item or object entry (a filter such as `where`
/// makes a virtual call or more per item: at 16, `where` over 3,000 products in a loop ran
/// 0.7 s in wasm before the budget stopped it).
pub fn shallow_size(value: &dyn ValueView) -> usize {
    // Strings first: most filters read one.
    if let Some(scalar) = value.as_scalar() {
        scalar.as_str().map_or(16, str::len)
    } else if let Some(array) = value.as_array() {
        usize::try_from(array.size())
            .unwrap_or(0)
            .saturating_mul(64)
    } else if let Some(object) = value.as_object() {
        usize::try_from(object.size())
            .unwrap_or(0)
            .saturating_mul(64)
    } else {
        16
    }
}

/// Approximate bytes of a value, stopping early once past `cap`. On the owned `Value` a
/// filter returns, not a view: no virtual calls (this runs after every filter).
fn size_of(value: &Value, cap: usize) -> usize {
    // Each entry's size plus 16 bytes of overhead, summed until past `cap`.
    fn capped_sum(sizes: impl Iterator<Item = usize>, cap: usize) -> usize {
        let mut total = 0usize;
        for size in sizes {
            total = total.saturating_add(16 + size);
            if total > cap {
                break;
            }
        }
        total
    }
    match value {
        // Only strings grow; formatting a number just to measure it would cost every filter.
        Value::Scalar(scalar) => scalar.as_str().map_or(0, str::len),
        Value::Array(items) | Value::Range(items, _) => {
            capped_sum(items.iter().map(|item| size_of(item, cap)), cap)
        }
        Value::Object(object) => capped_sum(
            object
                .iter()
                .map(|(key, item)| key.len() + size_of(item, cap)),
            cap,
        ),
        Value::State(_) | Value::Nil => 0,
    }
}

/// Rejects a value larger than the render allows (a string doubled in a loop, say), and counts
/// it with the `read` bytes of the filter's input as processed. `made_by` names the filter in
/// the error, formatted only then (per call it was a fifth of a filter's time).
pub fn check_value(
    value: Value,
    read: usize,
    made_by: impl FnOnce() -> String,
) -> liquid_core::Result<Value> {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let cap = s.limits.max_value_bytes;
        let size = size_of(&value, cap);
        if size > cap {
            return Err(limit_error(format!(
                "`{}` made a value over {cap} bytes",
                made_by()
            )));
        }
        s.processed = s.processed.saturating_add(size.saturating_add(read) as u64);
        s.processed_within()
    })?;
    Ok(value)
}

fn fingerprint(text: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The escaping in force for this render.
pub fn escape() -> OutputEscape {
    STATE.with(|s| s.borrow().escape)
}

/// Records a string the template itself built (with `capture`): its pieces were escaped as
/// they were written, so printing it again must not escape it twice.
pub fn trust(text: &str) {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.escape == OutputEscape::Html {
            s.trusted.insert(fingerprint(text));
        }
    });
}

/// Was `text` built by this render's template?
pub fn is_trusted(text: &str) -> bool {
    STATE.with(|s| {
        let s = s.borrow();
        !s.trusted.is_empty() && s.trusted.contains(&fingerprint(text))
    })
}

/// The largest value a filter or `capture` may make in this render.
pub fn max_value_bytes() -> usize {
    STATE.with(|s| s.borrow().limits.max_value_bytes)
}

/// The render's output cap, for [`CappedWriter`].
pub fn max_output_bytes() -> usize {
    STATE.with(|s| s.borrow().limits.max_output_bytes)
}

/// A buffer that refuses to grow past its cap, so an exploding template stops early instead of
/// exhausting memory (in wasm, a trap).
pub struct CappedWriter {
    pub buffer: Vec<u8>,
    cap: usize,
    /// Set when a write was refused.
    pub overflowed: bool,
}

impl CappedWriter {
    /// An empty buffer with room for `hint` bytes that holds at most `cap`.
    pub fn new(cap: usize, hint: usize) -> Self {
        CappedWriter {
            buffer: Vec::with_capacity(hint.min(cap)),
            cap,
            overflowed: false,
        }
    }
}

impl Write for CappedWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.buffer.len().saturating_add(bytes.len()) > self.cap {
            self.overflowed = true;
            return Err(std::io::Error::other("output limit"));
        }
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    /// One check and one copy: the default loops over `write` (every output goes through it).
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.write(bytes).map(drop)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Wraps a filter so that what it returns is bounded by the render's value limit: without it,
/// `{% assign s = s | append: s %}` in a loop doubles a string until memory runs out.
#[derive(Clone)]
pub struct Bounded(pub Box<dyn ParseFilter>);

impl ParseFilter for Bounded {
    /// Arguments a filter cannot take fail when it runs, as in Ruby, where a filter that never
    /// runs (in a branch not taken) never fails.
    fn parse(&self, arguments: FilterArguments<'_>) -> liquid_core::Result<Box<dyn Filter>> {
        // Arguments read from the data count as read when the filter runs (`split: big` in a
        // loop scans `big` each time); literals are the template's own, bounded by its size.
        let positional: Vec<Expression> = arguments.positional.collect();
        let keyword: Vec<(&str, Expression)> = arguments.keyword.collect();
        let mut from_data = Vec::new();
        for argument in positional.iter().chain(keyword.iter().map(|(_, e)| e)) {
            if let Expression::Variable(variable) = argument {
                from_data.push(variable.clone());
            }
        }
        let arguments = FilterArguments {
            positional: Box::new(positional.into_iter()),
            keyword: Box::new(keyword.into_iter()),
        };
        Ok(Box::new(BoundedFilter {
            filter: self.0.parse(arguments).map_err(|e| e.to_string()),
            from_data,
        }))
    }

    fn reflection(&self) -> &dyn FilterReflection {
        self.0.reflection()
    }
}

#[derive(Debug)]
struct BoundedFilter {
    filter: Result<Box<dyn Filter>, String>,
    /// The arguments that are variables.
    from_data: Vec<Variable>,
}

impl std::fmt::Display for BoundedFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.filter {
            Ok(filter) => filter.fmt(f),
            Err(_) => Ok(()),
        }
    }
}

impl Filter for BoundedFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> liquid_core::Result<Value> {
        match &self.filter {
            Ok(filter) => {
                let mut read = shallow_size(input);
                for variable in &self.from_data {
                    if let Some(argument) = variable.try_find(runtime) {
                        read = read.saturating_add(shallow_size(argument.as_view()));
                    }
                }
                let read = read.saturating_add(crate::sequence::element_bytes());
                check_value(filter.evaluate(input, runtime)?, read, || {
                    filter.to_string()
                })
            }
            Err(message) => Err(liquid_core::Error::with_msg(message.clone())),
        }
    }
}
