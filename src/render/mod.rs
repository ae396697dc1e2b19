//! Render stage: Liquid templates + [`EmailModel`] -> [`Email`] (subject, preheader, HTML, text).
//!
//! Templates are parsed once when the engine is built; per recipient only rendering runs.
//! Templates come only from what the host registers: no file system, no network. HTML templates
//! escape every interpolated value (`| escape`); subject, preheader and text are plain text.

mod assign;
mod autoescape;
mod blank;
mod branches;
pub mod budget;
mod cycle;
pub mod data;
mod decimal;
mod dialect;
mod email_filters;
mod encode_filters;
mod errors;
mod fast_output;
mod filters;
mod guards;
mod inclusion;
mod lax_filters;
mod lax_markup;
pub mod links;
pub mod liquid_env;
mod loops;
mod math_filters;
mod model;
mod model_view;
pub mod money;
mod paths;
mod range_literals;
mod ruby;
mod scope;
mod sequence;
mod tablerow;
mod text_filters;
mod tokens;

pub use data::Data;
pub use liquid_env::RenderOptions;
pub use model::{EmailModel, ProductView, email_model, product_view};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::TemplateError;

/// The templates of a campaign; absent ones use the shipped defaults in `templates/`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default)]
pub struct TemplateSet {
    /// HTML body template.
    pub html: Option<String>,
    /// Plain-text body template.
    pub text: Option<String>,
    /// Subject line template.
    pub subject: Option<String>,
    /// Preheader template.
    pub preheader: Option<String>,
    /// Partials by name, for `{% include 'name' %}`; merged over the default partials.
    #[cfg_attr(test, ts(as = "Option<BTreeMap<String, String>>", optional))]
    pub partials: BTreeMap<String, String>,
    /// Bounds on each render (output size, loop iterations, value size); safe defaults.
    #[cfg_attr(test, ts(as = "Option<budget::RenderLimits>", optional))]
    pub limits: budget::RenderLimits,
}

/// The shipped default templates.
pub mod defaults {
    /// HTML body.
    pub const HTML: &str = include_str!("../../templates/email.html.liquid");
    /// Plain-text body.
    pub const TEXT: &str = include_str!("../../templates/email.txt.liquid");
    /// Subject line.
    pub const SUBJECT: &str = include_str!("../../templates/subject.liquid");
    /// Preheader.
    pub const PREHEADER: &str = include_str!("../../templates/preheader.liquid");
    /// Partials, by name. NOTE: no partial is named like a data key: Shopify's `include` binds
    /// the variable of the partial's name and renders once per item when it is an array.
    pub const PARTIALS: &[(&str, &str)] = &[
        (
            "section_hero",
            include_str!("../../templates/partials/section_hero.liquid"),
        ),
        (
            "section_reasons",
            include_str!("../../templates/partials/section_reasons.liquid"),
        ),
        (
            "section_offer",
            include_str!("../../templates/partials/section_offer.liquid"),
        ),
        (
            "section_alternates",
            include_str!("../../templates/partials/section_alternates.liquid"),
        ),
        (
            "section_button",
            include_str!("../../templates/partials/section_button.liquid"),
        ),
        (
            "section_footer",
            include_str!("../../templates/partials/section_footer.liquid"),
        ),
    ];
}

/// A rendered email.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Email {
    /// Subject line.
    pub subject: String,
    /// Preheader.
    pub preheader: String,
    /// HTML body.
    pub html: String,
    /// Plain-text body.
    pub text: String,
}

/// Parsed templates, ready to render many recipients.
pub struct Renderer {
    limits: budget::RenderLimits,
    html: liquid_env::Template,
    text: liquid_env::Template,
    subject: liquid_env::Template,
    preheader: liquid_env::Template,
}

impl Renderer {
    /// Parses a template set over the defaults.
    pub fn new(set: &TemplateSet) -> Result<Self, TemplateError> {
        let mut partials: BTreeMap<String, String> = defaults::PARTIALS
            .iter()
            .map(|(n, s)| ((*n).to_string(), (*s).to_string()))
            .collect();
        partials.extend(set.partials.clone());
        let parser = liquid_env::parser(&partials)?;
        let parse = |name: &str, custom: &Option<String>, default: &str| {
            liquid_env::parse(&parser, name, custom.as_deref().unwrap_or(default))
        };
        Ok(Renderer {
            limits: set.limits,
            html: parse("html", &set.html, defaults::HTML)?,
            text: parse("text", &set.text, defaults::TEXT)?,
            subject: parse("subject", &set.subject, defaults::SUBJECT)?,
            preheader: parse("preheader", &set.preheader, defaults::PREHEADER)?,
        })
    }

    /// Renders one recipient's email; the model is the template data itself (no copy).
    pub fn render(&self, model: &EmailModel) -> Result<Email, TemplateError> {
        self.render_data(model)
    }

    /// Renders the email from any template data (a model, or [`Data`] from JSON).
    pub fn render_data(&self, data: &dyn liquid_core::ObjectView) -> Result<Email, TemplateError> {
        let one_line = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let plain = RenderOptions {
            limits: self.limits,
            ..RenderOptions::default()
        };
        // Only the HTML part escapes: subject, preheader and text are plain text for the ESP.
        let html = RenderOptions {
            escape: budget::OutputEscape::Html,
            ..plain
        };
        let render =
            |template, name, options| liquid_env::render_with(template, name, data, options);
        Ok(Email {
            subject: one_line(render(&self.subject, "subject", &plain)?),
            preheader: one_line(render(&self.preheader, "preheader", &plain)?),
            html: render(&self.html, "html", &html)?,
            text: tidy_text(&render(&self.text, "text", &plain)?),
        })
    }
}

/// Trims trailing spaces and collapses runs of blank lines left by template tags.
pub fn tidy_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Renders one template source with data and partials (the `renderTemplate` export).
pub fn render_template(
    source: &str,
    data: &Data,
    partials: &BTreeMap<String, String>,
) -> Result<String, TemplateError> {
    render_template_with(source, data, partials, &RenderOptions::default())
}

/// Like [`render_template`], with strictness, escaping and limits.
///
/// The parsed template is kept in a small cache keyed by its source and partials, compared in
/// full (as LiquidJS's `cache` option does): hosts that call `renderTemplate` per recipient
/// with the same template pay for the parse once.
pub fn render_template_with(
    source: &str,
    data: &Data,
    partials: &BTreeMap<String, String>,
    options: &RenderOptions,
) -> Result<String, TemplateError> {
    let template = match parsed_cache::get(source, partials, options.strict) {
        Some(template) => template,
        None => {
            let env = liquid_env::parser(partials)?;
            let template = std::rc::Rc::new(liquid_env::parse_with(
                &env,
                "template",
                source,
                options.strict,
            )?);
            parsed_cache::put(source, partials, options.strict, template.clone());
            template
        }
    };
    liquid_env::render_with(&template, "template", data, options)
}

/// A template parsed once and rendered many times (the `compileTemplate` export), as
/// LiquidJS's `parse` + `render` and the `liquid` crate's `Parser` + `Template` are: hosts that
/// render one template per recipient, or an editor re-rendering a preview, skip the parse.
pub struct CompiledTemplate {
    template: liquid_env::Template,
    options: RenderOptions,
}

impl CompiledTemplate {
    /// Parses `source` with its partials; every later render uses `options`.
    pub fn parse(
        source: &str,
        partials: &BTreeMap<String, String>,
        options: RenderOptions,
    ) -> Result<Self, TemplateError> {
        let env = liquid_env::parser(partials)?;
        Ok(CompiledTemplate {
            template: liquid_env::parse_with(&env, "template", source, options.strict)?,
            options,
        })
    }

    /// Renders with `data`.
    pub fn render(&self, data: &Data) -> Result<String, TemplateError> {
        liquid_env::render_with(&self.template, "template", data, &self.options)
    }
}

/// Parsed one-shot templates, most recently used first. Bounded in entries and in the source
/// bytes an entry may hold, so the cache can never hold more than about 2 MiB of sources.
mod parsed_cache {
    use std::cell::RefCell;
    use std::collections::BTreeMap;
    use std::rc::Rc;

    use super::liquid_env::Template;

    const ENTRIES: usize = 16;
    const MAX_ENTRY_BYTES: usize = 128 * 1024;

    struct Entry {
        source: String,
        partials: BTreeMap<String, String>,
        /// Parsed strictly (unknown filters are errors then).
        strict: bool,
        template: Rc<Template>,
    }

    thread_local! {
        static CACHE: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
    }

    fn bytes(source: &str, partials: &BTreeMap<String, String>) -> usize {
        source.len()
            + partials
                .iter()
                .map(|(k, v)| k.len() + v.len())
                .sum::<usize>()
    }

    pub(super) fn get(
        source: &str,
        partials: &BTreeMap<String, String>,
        strict: bool,
    ) -> Option<Rc<Template>> {
        CACHE.with_borrow_mut(|cache| {
            let at = cache.iter().position(|e| {
                e.strict == strict && e.source == source && e.partials == *partials
            })?;
            let entry = cache.remove(at);
            let template = entry.template.clone();
            cache.insert(0, entry);
            Some(template)
        })
    }

    pub(super) fn put(
        source: &str,
        partials: &BTreeMap<String, String>,
        strict: bool,
        template: Rc<Template>,
    ) {
        if bytes(source, partials) > MAX_ENTRY_BYTES {
            return;
        }
        CACHE.with_borrow_mut(|cache| {
            cache.truncate(ENTRIES - 1);
            cache.insert(
                0,
                Entry {
                    source: source.to_owned(),
                    partials: partials.clone(),
                    strict,
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
