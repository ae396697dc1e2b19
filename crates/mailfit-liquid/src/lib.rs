//! Shopify's Liquid dialect, on the `liquid` crate's parser and value model.
//!
//! What the bare `liquid` crate does differently from Shopify's Ruby Liquid is done here as Ruby
//! does it, checked against Ruby Liquid itself (`tests/liquid_differential.rs`) and the
//! golden-liquid suite: lax parsing by default, Ruby's arithmetic and printing, `forloop`,
//! `tablerow`, `cycle`, counters, `include`/`render`, `liquid`/`echo`/`doc`, whitespace control.
//! On top of that, what a host that runs other people's templates needs:
//! - **bounded**: output size, loop iterations, value size and nesting are limited per render
//!   ([`RenderLimits`]); a breach is a [`TemplateError::Limit`], never a trap or a hang;
//! - **deterministic**: hashes keep insertion order, nothing reads the clock or the locale;
//! - **escaping**: optional HTML auto-escaping of every output ([`OutputEscape`]);
//! - **typed errors** in one line at the author's line and column.
//!
//! ```
//! use std::collections::BTreeMap;
//! use mailfit_liquid::{Data, render_template};
//!
//! let data = Data::from_json(&serde_json::json!({ "name": "Ada", "items": [1, 2, 3] }));
//! let out = render_template("Hi {{ name }}: {{ items | size }}", &data, &BTreeMap::new());
//! assert_eq!(out.unwrap(), "Hi Ada: 3");
//! ```
//!
//! A host adds filters of its own with [`Dialect::with_filters`]; they run under the same bounds.

#![forbid(unsafe_code)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

mod assign;
mod autoescape;
mod blank;
mod branches;
mod budget;
mod counters;
mod cycle;
mod data;
mod decimal;
mod dialect;
mod encode_filters;
mod env;
mod error;
mod errors;
mod fast_output;
mod filters;
mod forloop;
mod guards;
mod inclusion;
mod lax_filters;
mod lax_markup;
mod loops;
mod math_filters;
mod paths;
mod range_literals;
mod ruby;
mod scope;
mod sequence;
mod tablerow;
mod text_filters;
mod tokens;

pub use budget::{OutputEscape, RenderLimits};
pub use data::{Data, DataKey};
pub use env::{
    Dialect, Env, MAX_PARTIALS, MAX_TEMPLATE_BYTES, RenderOptions, Template, parse, parse_with,
    render, render_with,
};
pub use error::TemplateError;
pub use guards::date_of_input;

use std::collections::BTreeMap;

/// Renders one template source with data and partials, in Shopify's dialect.
pub fn render_template(
    source: &str,
    data: &Data,
    partials: &BTreeMap<String, String>,
) -> Result<String, TemplateError> {
    Dialect::shopify().render_template(source, data, partials, &RenderOptions::default())
}

/// A template parsed once and rendered many times, as LiquidJS's `parse` + `render` and the
/// `liquid` crate's `Parser` + `Template` are: hosts that render one template per recipient, or
/// an editor re-rendering a preview, skip the parse.
pub struct CompiledTemplate {
    template: Template,
    options: RenderOptions,
}

impl CompiledTemplate {
    /// Parses `source` with its partials in Shopify's dialect; every later render uses `options`.
    pub fn parse(
        source: &str,
        partials: &BTreeMap<String, String>,
        options: RenderOptions,
    ) -> Result<Self, TemplateError> {
        Dialect::shopify().compile(source, partials, options)
    }

    /// Renders with `data`.
    pub fn render(&self, data: &Data) -> Result<String, TemplateError> {
        render_with(&self.template, "template", data, &self.options)
    }
}

impl Dialect {
    /// Parses `source` with its partials in this dialect; see [`CompiledTemplate`].
    pub fn compile(
        &self,
        source: &str,
        partials: &BTreeMap<String, String>,
        options: RenderOptions,
    ) -> Result<CompiledTemplate, TemplateError> {
        let env = self.parser(partials)?;
        Ok(CompiledTemplate {
            template: parse_with(&env, "template", source, options.strict)?,
            options,
        })
    }

    /// Renders one template source with data and partials under `options`.
    ///
    /// The parsed template is kept in a small cache keyed by this dialect, the source and the
    /// partials, compared in full (as LiquidJS's `cache` option does): hosts that render the
    /// same template per recipient pay for the parse once.
    pub fn render_template(
        &self,
        source: &str,
        data: &Data,
        partials: &BTreeMap<String, String>,
        options: &RenderOptions,
    ) -> Result<String, TemplateError> {
        let key = parsed_cache::Key {
            dialect: self,
            source,
            partials,
            strict: options.strict,
        };
        let template = match parsed_cache::get(&key) {
            Some(template) => template,
            None => {
                let env = self.parser(partials)?;
                let template =
                    std::rc::Rc::new(parse_with(&env, "template", source, options.strict)?);
                parsed_cache::put(&key, template.clone());
                template
            }
        };
        render_with(&template, "template", data, options)
    }
}

/// Parsed one-shot templates, most recently used first. Bounded in entries and in the source
/// bytes an entry may hold, so the cache can never hold more than about 2 MiB of sources.
mod parsed_cache {
    use std::cell::RefCell;
    use std::collections::BTreeMap;
    use std::rc::Rc;

    use super::{Dialect, Template};

    const ENTRIES: usize = 16;
    const MAX_ENTRY_BYTES: usize = 128 * 1024;

    /// What a parse depends on.
    pub(super) struct Key<'k> {
        pub dialect: &'k Dialect,
        pub source: &'k str,
        pub partials: &'k BTreeMap<String, String>,
        /// Parsed strictly (unknown filters are errors then).
        pub strict: bool,
    }

    struct Entry {
        /// Held, so its language outlives the entry and no other dialect can take its place.
        dialect: Dialect,
        source: String,
        partials: BTreeMap<String, String>,
        strict: bool,
        template: Rc<Template>,
    }

    impl Entry {
        fn matches(&self, key: &Key<'_>) -> bool {
            self.dialect.is(key.dialect)
                && self.strict == key.strict
                && self.source == key.source
                && self.partials == *key.partials
        }
    }

    thread_local! {
        static CACHE: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
    }

    fn bytes(key: &Key<'_>) -> usize {
        key.source.len()
            + key
                .partials
                .iter()
                .map(|(k, v)| k.len() + v.len())
                .sum::<usize>()
    }

    pub(super) fn get(key: &Key<'_>) -> Option<Rc<Template>> {
        CACHE.with_borrow_mut(|cache| {
            let at = cache.iter().position(|e| e.matches(key))?;
            let entry = cache.remove(at);
            let template = entry.template.clone();
            cache.insert(0, entry);
            Some(template)
        })
    }

    pub(super) fn put(key: &Key<'_>, template: Rc<Template>) {
        if bytes(key) > MAX_ENTRY_BYTES {
            return;
        }
        CACHE.with_borrow_mut(|cache| {
            cache.truncate(ENTRIES - 1);
            cache.insert(
                0,
                Entry {
                    dialect: key.dialect.clone(),
                    source: key.source.to_owned(),
                    partials: key.partials.clone(),
                    strict: key.strict,
                    template,
                },
            );
        });
    }
}

/// The bytes Liquid's `escape` replaces.
fn is_html_special(byte: u8) -> bool {
    matches!(byte, b'&' | b'<' | b'>' | b'"' | b'\'')
}

/// Does `text` hold anything [`escape_html`] would change?
pub fn needs_html_escape(text: &str) -> bool {
    text.bytes().any(is_html_special)
}

/// HTML-escapes `text` piece by piece: the runs between special characters, and entities.
/// The one escaping table behind `escape`, `h`, auto-escaping and the fast output path.
pub fn escape_html_into<E>(
    text: &str,
    mut emit: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    let mut rest = text;
    // Special characters are ASCII, so every split below is on a char boundary.
    while let Some(at) = rest.bytes().position(is_html_special) {
        let (run, special) = rest.split_at(at);
        emit(run)?;
        emit(match special.as_bytes().first() {
            Some(b'&') => "&amp;",
            Some(b'<') => "&lt;",
            Some(b'>') => "&gt;",
            Some(b'"') => "&quot;",
            _ => "&#39;",
        })?;
        rest = special.get(1..).unwrap_or("");
    }
    emit(rest)
}

/// HTML-escapes text the way Liquid's `escape` does (`&`, `<`, `>`, `"`, `'`).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let _: Result<(), std::convert::Infallible> = escape_html_into(text, |piece| {
        out.push_str(piece);
        Ok(())
    });
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use liquid_core::{
        Display_filter, Filter, FilterReflection, ParseFilter, Runtime, Value, ValueView,
    };

    use super::*;

    #[derive(Clone, ParseFilter, FilterReflection)]
    #[filter(
        name = "shout",
        description = "Upper-cases its input.",
        parsed(ShoutFilter)
    )]
    struct Shout;

    #[derive(Debug, Default, Display_filter)]
    #[name = "shout"]
    struct ShoutFilter;

    impl Filter for ShoutFilter {
        fn evaluate(&self, input: &dyn ValueView, _: &dyn Runtime) -> liquid_core::Result<Value> {
            Ok(Value::scalar(input.to_kstr().to_uppercase()))
        }
    }

    #[test]
    fn a_hosts_filter_joins_the_dialect_and_parse_caches_keep_dialects_apart() {
        let data = Data::from_json(&serde_json::json!({ "name": "ada" }));
        let none = BTreeMap::new();
        let options = RenderOptions::default();
        let source = "{{ name | shout }}";
        let loud = Dialect::with_filters([Box::new(Shout) as Box<dyn ParseFilter>]);
        assert_eq!(
            loud.render_template(source, &data, &none, &options)
                .unwrap(),
            "ADA"
        );
        // The same source in Shopify's dialect: an unknown filter, passed over in lax mode.
        let plain = Dialect::shopify();
        assert_eq!(
            plain
                .render_template(source, &data, &none, &options)
                .unwrap(),
            "ada"
        );
        assert_eq!(
            loud.clone()
                .render_template(source, &data, &none, &options)
                .unwrap(),
            "ADA"
        );
        // A host's filter is bounded like ours.
        let tight = RenderOptions {
            limits: RenderLimits {
                max_value_bytes: 2,
                ..RenderLimits::default()
            },
            ..RenderOptions::default()
        };
        let compiled = loud.compile(source, &none, tight).unwrap();
        assert!(matches!(
            compiled.render(&data),
            Err(TemplateError::Limit { .. })
        ));
    }
}
