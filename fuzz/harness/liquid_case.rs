//! One Liquid render case: template, partials, data and options. The structure-aware target
//! builds it from the grammar (`fuzz/src/grammar.rs`); its regressions are kept as this JSON.

use std::collections::BTreeMap;

use mailfit::render::{CompiledTemplate, Data, Dialect, OutputEscape, RenderLimits, RenderOptions};
use serde::{Deserialize, Serialize};

/// A render to run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Case {
    /// The template source.
    pub template: String,
    /// Partials by name.
    pub partials: BTreeMap<String, String>,
    /// The render data.
    pub data: serde_json::Value,
    /// Unknown variables are errors.
    pub strict: bool,
    /// HTML-escape outputs.
    pub escape_html: bool,
    /// Which [`RenderLimits`] the render runs under.
    pub limits: Limits,
    /// mailfit's email dialect (`money`, `utm`, ...) rather than Shopify's.
    pub email_dialect: bool,
    /// `compile` + `render` (twice) rather than `render_template` (twice, the cached path).
    pub compiled: bool,
}

/// The [`RenderLimits`] of a case.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limits {
    /// [`RenderLimits::default`], what hosts run (2 MiB output, 100,000 iterations).
    #[default]
    Default,
    /// [`MEDIUM_LIMITS`]: the structure-aware target's larger tier. Its grammar builds loop
    /// nests that run to the iteration limit at almost every input, so under the default limits
    /// its corpus ran five times as long (46 s against 9 s) for no new code reached;
    /// `liquid_raw`, the hostile corpus and the tests run the default ones.
    Medium,
    /// [`SMALL_LIMITS`], where every limit is hit often.
    Small,
}

impl Limits {
    /// The limits themselves.
    pub fn render_limits(self) -> RenderLimits {
        match self {
            Limits::Default => RenderLimits::default(),
            Limits::Medium => MEDIUM_LIMITS,
            Limits::Small => SMALL_LIMITS,
        }
    }
}

/// The medium limits.
pub const MEDIUM_LIMITS: RenderLimits = RenderLimits {
    max_output_bytes: 64 * 1024,
    max_loop_iterations: 10_000,
    max_value_bytes: 16 * 1024,
    max_processed_bytes: 16 * 1024 * 1024,
};

/// The small limits.
pub const SMALL_LIMITS: RenderLimits = RenderLimits {
    max_output_bytes: 4096,
    max_loop_iterations: 1_000,
    max_value_bytes: 2048,
    max_processed_bytes: 1024 * 1024,
};

/// Partials every raw-bytes case has: plain, looping, self-including and `render`ing ones.
pub fn fixed_partials() -> BTreeMap<String, String> {
    [
        ("simple", "[{{ x }}{{ simple }}]"),
        (
            "loop",
            "{% for i in items %}{% include 'simple' %}{% endfor %}",
        ),
        ("self", "{{ a }}{% include 'self' %}"),
        ("r", "{% render 'simple', x: 1 %}{% render 'r' %}"),
        (
            "wide",
            "{% include 'loop' %}{% include 'loop' %}{% include 'loop' %}",
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// Data every raw-bytes case has.
pub fn sample_data() -> serde_json::Value {
    serde_json::json!({
        "a": "<b>&amp;\"'",
        "b": 3,
        "x": -2.5,
        "s": "Hello, World",
        "n": null,
        "t": true,
        "now": "2026-11-20T12:00:00Z",
        "items": [3, 1, 2, "10", null, 2.5],
        "words": ["b", "A", "c", "a"],
        "products": [
            {"title": "Flow Legging", "price": 9600, "tags": ["yoga", "soft"], "url": "https://shop.example/p?a=1"},
            {"title": "Yoga Mat", "price": 3200, "tags": [], "url": "javascript:alert(1)"},
            {"title": null, "price": "12.5"}
        ],
        "customer": {"first_name": "Ada", "attributes": {"vip": true}},
        "shop": {"currency": "EUR", "money_format": "{{amount}} €"},
        "deep": {"a": {"b": {"c": {"d": [[1, [2, [3]]]]}}}},
        "empty": "",
        "big": 1e300,
        "small": -9223372036854775808i64,
    })
}

/// Renders `case`; an error is an answer, a panic or a breached limit is a finding.
pub fn run(case: &Case) {
    let data = Data::from_json(&case.data);
    let limits = case.limits.render_limits();
    let options = RenderOptions {
        strict: case.strict,
        escape: if case.escape_html {
            OutputEscape::Html
        } else {
            OutputEscape::None
        },
        limits,
    };
    let source = case.template.as_str();
    let partials = &case.partials;
    let results: [Option<Result<String, _>>; 2] = match (case.email_dialect, case.compiled) {
        (true, true) => match mailfit::render::compile_template(source, partials, options) {
            Ok(t) => [Some(t.render(&data)), Some(t.render(&data))],
            Err(e) => [Some(Err(e)), None],
        },
        (false, true) => match CompiledTemplate::parse(source, partials, options) {
            Ok(t) => [Some(t.render(&data)), Some(t.render(&data))],
            Err(e) => [Some(Err(e)), None],
        },
        (true, false) => [
            Some(mailfit::render::render_template_with(
                source, &data, partials, &options,
            )),
            Some(mailfit::render::render_template_with(
                source, &data, partials, &options,
            )),
        ],
        (false, false) => {
            let dialect = Dialect::shopify();
            [
                Some(dialect.render_template(source, &data, partials, &options)),
                Some(dialect.render_template(source, &data, partials, &options)),
            ]
        }
    };
    for output in results.into_iter().flatten().flatten() {
        // The output limit is a limit: an Ok render never passes it.
        assert!(
            output.len() <= limits.max_output_bytes,
            "output of {} bytes passed the limit of {}",
            output.len(),
            limits.max_output_bytes
        );
    }
}

/// A kept case (its JSON), replayed.
pub fn run_json(bytes: &[u8]) {
    match serde_json::from_slice::<Case>(bytes) {
        Ok(case) => run(&case),
        Err(e) => panic!("a kept liquid case is not a Case: {e}"),
    }
}
