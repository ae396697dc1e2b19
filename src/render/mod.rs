//! Render stage: Liquid templates + [`EmailModel`] -> [`Email`] (subject, preheader, HTML, text).
//!
//! Templates are parsed once when the engine is built; per recipient only rendering runs.
//! Templates come only from what the host registers: no file system, no network. HTML templates
//! escape every interpolated value (`| escape`); subject, preheader and text are plain text.

pub mod dates;
mod email_filters;
pub mod links;
mod model;
mod model_view;
pub mod money;

pub use mailfit_liquid::{
    CompiledTemplate, Data, Dialect, OutputEscape, RenderLimits, RenderOptions, escape_html,
};
pub use model::{EmailModel, ProductView, email_model, product_view};

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::TemplateError;

/// Shopify's Liquid dialect with the email filters (`money`, `local_date`, `utm`, `image_url`,
/// `asset_url`): the one language of templates, partials and copy. Built once per process.
pub fn dialect() -> &'static Dialect {
    static EMAIL: OnceLock<Dialect> = OnceLock::new();
    EMAIL.get_or_init(|| Dialect::with_filters(email_filters::filters()))
}

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
    #[cfg_attr(test, ts(as = "Option<RenderLimits>", optional))]
    pub limits: RenderLimits,
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
    limits: RenderLimits,
    html: mailfit_liquid::Template,
    text: mailfit_liquid::Template,
    subject: mailfit_liquid::Template,
    preheader: mailfit_liquid::Template,
}

impl Renderer {
    /// Parses a template set over the defaults.
    pub fn new(set: &TemplateSet) -> Result<Self, TemplateError> {
        let mut partials: BTreeMap<String, String> = defaults::PARTIALS
            .iter()
            .map(|(n, s)| ((*n).to_string(), (*s).to_string()))
            .collect();
        partials.extend(set.partials.clone());
        let parser = dialect().parser(&partials)?;
        let parse = |name: &str, custom: &Option<String>, default: &str| {
            mailfit_liquid::parse(&parser, name, custom.as_deref().unwrap_or(default))
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
            escape: OutputEscape::Html,
            ..plain
        };
        let render =
            |template, name, options| mailfit_liquid::render_with(template, name, data, options);
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

/// Renders one template source with data and partials, in the email dialect (the
/// `renderTemplate` export). The parse is cached (see [`Dialect::render_template`]).
pub fn render_template(
    source: &str,
    data: &Data,
    partials: &BTreeMap<String, String>,
) -> Result<String, TemplateError> {
    render_template_with(source, data, partials, &RenderOptions::default())
}

/// Like [`render_template`], with strictness, escaping and limits.
pub fn render_template_with(
    source: &str,
    data: &Data,
    partials: &BTreeMap<String, String>,
    options: &RenderOptions,
) -> Result<String, TemplateError> {
    dialect().render_template(source, data, partials, options)
}

/// Parses a template once in the email dialect, to render many times (the `compileTemplate`
/// export).
pub fn compile_template(
    source: &str,
    partials: &BTreeMap<String, String>,
    options: RenderOptions,
) -> Result<CompiledTemplate, TemplateError> {
    dialect().compile(source, partials, options)
}
