//! The Liquid environment: one language for templates, partials and copy. The `liquid` crate
//! parses; the tags, blocks and filters where Shopify's Ruby Liquid behaves differently are this
//! module's siblings (the crate's standard library keeps the rest), and the source rewrites run
//! before the crate's parser sees a template.
//!
//! Templates are built with `liquid_core` directly rather than through `liquid::Parser`, so
//! rendering runs on our own root ([`crate::scope::Root`]): unknown variables and missing keys
//! render as nil, as in Shopify, unless `strict` is asked for (previews, linting).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use liquid_core::runtime::PartialStore;
use liquid_core::{Language, Renderable};
use liquid_lib::stdlib;

use crate::budget::{self, CappedWriter, OutputEscape, RenderLimits};
use crate::data::Data;
use crate::error::TemplateError;
use crate::guards::DepthCounted;
use crate::scope::Root;
use crate::sequence::Sequence;
use crate::{
    assign, autoescape, branches, counters, cycle, dialect, encode_filters, errors, fast_output,
    filters, guards, inclusion, lax_filters, lax_markup, loops, math_filters, paths,
    range_literals, sequence, tablerow, tokens,
};
use tokens::Token;

/// Largest template or partial source accepted.
pub const MAX_TEMPLATE_BYTES: usize = 256 * 1024;
/// Most partials one template set may register.
pub const MAX_PARTIALS: usize = 200;

type Partials = Arc<dyn PartialStore + Send + Sync>;

/// A language and its compiled partials.
pub struct Env {
    language: Arc<Language>,
    partials: Option<Partials>,
}

/// A parsed template, with the partials it may include.
pub struct Template {
    inner: Sequence,
    /// Ends with a trimming `-%}`/`-}}` (see [`Partial`]).
    trims: bool,
    partials: Option<Partials>,
    /// Bytes of the last render, to size the next one's buffer.
    last_len: std::sync::atomic::AtomicUsize,
}

/// Our tags, blocks and filters, and the crate's standard library for the rest.
fn language() -> Language {
    let mut l = Language::empty();
    for (name, tag) in [
        (
            "assign",
            Box::new(assign::AssignTag) as Box<dyn liquid_core::ParseTag>,
        ),
        (
            "break",
            Box::new(sequence::InterruptTag(sequence::Interrupt::Break)),
        ),
        (
            "continue",
            Box::new(sequence::InterruptTag(sequence::Interrupt::Continue)),
        ),
        ("cycle", Box::new(cycle::CycleTag)),
        ("increment", Box::new(counters::INCREMENT)),
        ("decrement", Box::new(counters::DECREMENT)),
        (
            "include",
            Box::new(guards::DepthGuarded(inclusion::IncludeTag)),
        ),
        (
            "render",
            Box::new(guards::DepthGuarded(inclusion::RenderTag)),
        ),
        ("_range", Box::new(range_literals::RangeTag)),
        ("_o", Box::new(fast_output::OutputTag)),
    ] {
        l.tags.register(name.to_owned(), tag);
    }
    for (name, block) in [
        (
            "raw",
            Box::new(stdlib::RawBlock) as Box<dyn liquid_core::ParseBlock>,
        ),
        ("if", Box::new(DepthCounted(branches::IfBlock))),
        ("unless", Box::new(DepthCounted(branches::UnlessBlock))),
        ("ifchanged", Box::new(DepthCounted(stdlib::IfChangedBlock))),
        ("for", Box::new(DepthCounted(loops::ForBlock))),
        ("tablerow", Box::new(DepthCounted(tablerow::TableRowBlock))),
        ("comment", Box::new(stdlib::CommentBlock)),
        ("capture", Box::new(DepthCounted(autoescape::CaptureBlock))),
        ("case", Box::new(DepthCounted(branches::CaseBlock))),
    ] {
        l.blocks.register(name.to_owned(), block);
    }
    let filters: Vec<Box<dyn liquid_core::ParseFilter>> = vec![
        Box::new(math_filters::Abs),
        Box::new(stdlib::Append),
        Box::new(math_filters::Ceil),
        Box::new(stdlib::Downcase),
        Box::new(encode_filters::Escape),
        Box::new(stdlib::EscapeOnce),
        Box::new(math_filters::Floor),
        Box::new(stdlib::Lstrip),
        Box::new(stdlib::Prepend),
        Box::new(stdlib::Remove),
        Box::new(stdlib::RemoveFirst),
        Box::new(stdlib::ReplaceFirst),
        Box::new(math_filters::Round),
        Box::new(stdlib::Rstrip),
        Box::new(stdlib::Strip),
        Box::new(stdlib::StripNewlines),
        Box::new(stdlib::Upcase),
        Box::new(stdlib::UrlDecode),
        // Ours: `date` without a clock, and the Shopify filters the crate lacks.
        Box::new(guards::SafeDate),
        Box::new(encode_filters::Base64Encode),
        Box::new(encode_filters::Base64Decode),
        Box::new(encode_filters::Base64UrlSafeEncode),
        Box::new(encode_filters::Base64UrlSafeDecode),
        Box::new(encode_filters::H),
        Box::new(autoescape::AutoEscape),
        Box::new(autoescape::Raw),
    ];
    let arithmetic = math_filters::arithmetic_filters()
        .into_iter()
        .map(|f| Box::new(f) as Box<dyn liquid_core::ParseFilter>);
    let lax = lax_filters::lax_filters()
        .into_iter()
        .chain(filters::shopify_filters())
        .map(|f| Box::new(f) as Box<dyn liquid_core::ParseFilter>);
    for filter in filters.into_iter().chain(arithmetic).chain(lax) {
        let name = filter.reflection().name().to_owned();
        l.filters.register(name, Box::new(budget::Bounded(filter)));
    }
    l
}

/// A Liquid language: Shopify's tags and filters, and any filters a host adds. Cheap to clone;
/// build it once and parse many templates with it.
#[derive(Clone)]
pub struct Dialect {
    language: Arc<Language>,
}

impl Dialect {
    /// Shopify's dialect as Ruby Liquid has it (built once per process).
    pub fn shopify() -> Dialect {
        static SHOPIFY: OnceLock<Arc<Language>> = OnceLock::new();
        Dialect {
            language: SHOPIFY.get_or_init(|| Arc::new(language())).clone(),
        }
    }

    /// Shopify's dialect with the host's own filters (a filter named like one of ours replaces
    /// it). They run under the same bounds: their output counts against the value limit.
    pub fn with_filters(
        extra: impl IntoIterator<Item = Box<dyn liquid_core::ParseFilter>>,
    ) -> Self {
        let mut language = language();
        for filter in extra {
            let name = filter.reflection().name().to_owned();
            language
                .filters
                .register(name, Box::new(budget::Bounded(filter)));
        }
        Dialect {
            language: Arc::new(language),
        }
    }

    /// The same language (a clone of this dialect), for caches: separate builds never are.
    pub(crate) fn is(&self, other: &Dialect) -> bool {
        Arc::ptr_eq(&self.language, &other.language)
    }

    /// Builds the environment with the given partials (compiled eagerly, after the rewrites).
    pub fn parser(&self, partials: &BTreeMap<String, String>) -> Result<Env, TemplateError> {
        if partials.len() > MAX_PARTIALS {
            return Err(TemplateError::Limit {
                template: "partials".into(),
                message: format!("{} partials; the limit is {MAX_PARTIALS}", partials.len()),
            });
        }
        let mut store = Compiled::default();
        for (name, text) in partials {
            check_size(name, text)?;
            let prepared = prepare(&self.language, name, text, false)?;
            let elements = liquid_core::parser::parse(&prepared, &self.language).map_err(|e| {
                TemplateError::Parse {
                    template: name.clone(),
                    message: errors::parse_message(text, &prepared, &e.to_string()),
                }
            })?;
            // The leading whitespace of a first text token, unless a trimming tag follows it.
            let lead = text.len() - text.trim_start_matches(is_space).len();
            let trimmed = text.get(lead..).unwrap_or("");
            let lead = if trimmed.starts_with("{{-") || trimmed.starts_with("{%-") {
                0
            } else {
                lead
            };
            let partial = Partial {
                body: Sequence(elements),
                lead,
                trims: (!text.is_empty()).then(|| trims(text)),
            };
            store.0.insert(name.clone(), Arc::new(partial));
        }
        Ok(Env {
            language: self.language.clone(),
            partials: Some(Arc::new(store)),
        })
    }
}

/// A rewrite over a source and its tokens: the new source, or `None` for no change.
type TokenRewrite<'a> = dyn Fn(&str, &[Token<'_>]) -> Option<String> + 'a;

/// The source rewrites (dialect, paths, range literals, auto-escaping and fast outputs) and the
/// nesting bound, before the crate's parser sees a source.
fn prepare(
    language: &Language,
    name: &str,
    source: &str,
    strict: bool,
) -> Result<String, TemplateError> {
    let source = dialect::rewrite(source).map_err(|message| TemplateError::Parse {
        template: name.to_string(),
        message,
    })?;
    let mut source = source;
    let known = |filter: &str| language.filters.get(filter).is_some();
    let changed = |rewritten: Cow<'_, str>| match rewritten {
        Cow::Owned(rewritten) => Some(rewritten),
        Cow::Borrowed(_) => None,
    };
    // Ruby's lax reading of markup, unless strict.
    let lax = |source: &str, tokens: &[Token<'_>]| {
        changed(lax_markup::rewrite_tokens(source, tokens, &known))
    };
    let none = |_: &str, _: &[Token<'_>]| None;
    let paths = |source: &str, tokens: &[Token<'_>]| changed(paths::rewrite_tokens(source, tokens));
    let ranges = |source: &str, tokens: &[Token<'_>]| {
        changed(range_literals::rewrite_tokens(source, tokens))
    };
    // The token-wise rewrites share one reading of the tokens until one of them changes the
    // source (most change nothing: reading the tokens per rewrite was a tenth of the parse).
    let rewrites: [&TokenRewrite<'_>; 3] = [if strict { &none } else { &lax }, &paths, &ranges];
    let mut read: Option<Vec<Token<'_>>> = None;
    for rewrite in rewrites {
        let tokens = read.get_or_insert_with(|| {
            // About one token per 32 bytes of markup-heavy source: few or no regrowths.
            let mut read = Vec::with_capacity(source.len() / 32 + 8);
            read.extend(tokens::tokens(&source));
            read
        });
        if let Some(rewritten) = rewrite(&source, tokens) {
            read = None;
            source = Cow::Owned(rewritten);
        }
    }
    if let Cow::Owned(rewritten) = autoescape::rewrite(&source) {
        source = Cow::Owned(rewritten);
    }
    guards::check_nesting(&source).map_err(|message| TemplateError::Limit {
        template: name.to_string(),
        message,
    })?;
    Ok(source.into_owned())
}

/// Parses one template, naming it in errors.
pub fn parse(env: &Env, name: &str, source: &str) -> Result<Template, TemplateError> {
    parse_with(env, name, source, false)
}

/// Parses one template; `strict` keeps unknown filters, for the crate's parser to report,
/// where Ruby's lax mode (the default) hands their input on unchanged.
pub fn parse_with(
    env: &Env,
    name: &str,
    source: &str,
    strict: bool,
) -> Result<Template, TemplateError> {
    check_size(name, source)?;
    let prepared = prepare(&env.language, name, source, strict)?;
    let elements =
        liquid_core::parser::parse(&prepared, &env.language).map_err(|e| TemplateError::Parse {
            template: name.to_string(),
            message: errors::parse_message(source, &prepared, &e.to_string()),
        })?;
    Ok(Template {
        inner: Sequence(elements),
        trims: trims(source),
        partials: env.partials.clone(),
        last_len: std::sync::atomic::AtomicUsize::new(4096),
    })
}

/// How one render runs: lookups, escaping and limits.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RenderOptions {
    /// An unknown variable is an error instead of nil (previews, linting).
    pub strict: bool,
    /// HTML-escape `{{ }}` output (opt out per output with `| raw`).
    pub escape: OutputEscape,
    /// Output, loop and value bounds.
    pub limits: RenderLimits,
}

/// Renders with Shopify's lenient variables (unknown ones render as nil), no escaping and the
/// default limits.
pub fn render(template: &Template, name: &str, data: &Data) -> Result<String, TemplateError> {
    render_with(template, name, data, &RenderOptions::default())
}

/// Renders under `options`; a limit breach is a [`TemplateError::Limit`], never a trap.
pub fn render_with(
    template: &Template,
    name: &str,
    data: &dyn liquid_core::ObjectView,
    options: &RenderOptions,
) -> Result<String, TemplateError> {
    let _budget = budget::enter(options.limits, options.escape);
    LOADED.with_borrow_mut(|(trim, loaded)| {
        *trim = template.trims;
        loaded.clear();
    });
    // A render that failed inside a loop may have left a `break` pending.
    let _ = sequence::take_interrupt();
    budget::set_strict(options.strict);
    let partials: &dyn PartialStore = match &template.partials {
        Some(p) => p.as_ref(),
        None => &NoPartials,
    };
    let runtime = Root::new(data, partials);
    let cap = options.limits.max_output_bytes;
    // Start from the size this template rendered last time: one allocation, no regrowth.
    let hint = template.last_len.load(std::sync::atomic::Ordering::Relaxed);
    let mut out = CappedWriter::new(cap, hint.clamp(256, 256 * 1024));
    let result = template.inner.render_to(&mut out, &runtime);
    if out.overflowed {
        return Err(TemplateError::Limit {
            template: name.to_string(),
            message: format!("output passed the limit of {cap} bytes"),
        });
    }
    result.map_err(|e| {
        let message = e.to_string();
        match message.find(budget::LIMIT_PREFIX) {
            Some(at) => TemplateError::Limit {
                template: name.to_string(),
                message: message
                    .get(at + budget::LIMIT_PREFIX.len()..)
                    .unwrap_or("")
                    .lines()
                    .next()
                    .unwrap_or("")
                    .to_string(),
            },
            None => TemplateError::Render {
                template: name.to_string(),
                message: errors::render_message(&message),
            },
        }
    })?;
    template
        .last_len
        .store(out.buffer.len() + 64, std::sync::atomic::Ordering::Relaxed);
    String::from_utf8(out.buffer).map_err(|_| TemplateError::Render {
        template: name.to_string(),
        message: "output is not UTF-8".into(),
    })
}

/// Ruby's `lstrip`.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t'..='\r' | '\0')
}

/// Does a source end with a trimming tag or output (`-%}`, `-}}`)?
fn trims(source: &str) -> bool {
    source.ends_with("-%}") || source.ends_with("-}}")
}

thread_local! {
    // Ruby Liquid parses a partial when a render first includes it, with the parse state the
    // last parse left: after a source ending in `-%}` (the template, or the partial loaded
    // before), the partial's first text loses its leading whitespace. `LOADED` holds that
    // state during a render, and the partials loaded so far with whether they lost it.
    static LOADED: std::cell::RefCell<(bool, Vec<(usize, bool)>)> = const { std::cell::RefCell::new((false, Vec::new())) };
}

/// A partial: its body, the leading whitespace of its first text (bytes), and whether it ends
/// with a trimming tag (`None` when it is empty and leaves the state as it was).
struct Partial {
    body: Sequence,
    lead: usize,
    trims: Option<bool>,
}

impl std::fmt::Debug for Partial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.body.fmt(f)
    }
}

impl Renderable for Partial {
    fn render_to(
        &self,
        writer: &mut dyn std::io::Write,
        runtime: &dyn liquid_core::Runtime,
    ) -> liquid_core::Result<()> {
        let key = std::ptr::from_ref(self) as usize;
        let strip = LOADED.with_borrow_mut(|(trim, loaded)| {
            if let Some((_, strip)) = loaded.iter().find(|(k, _)| *k == key) {
                return *strip;
            }
            let strip = *trim && self.lead > 0;
            *trim = self.trims.unwrap_or(*trim);
            loaded.push((key, strip));
            strip
        });
        if !strip {
            return self.body.render_to(writer, runtime);
        }
        // The output limit holds here too: the top writer refuses what passes it.
        let mut out = CappedWriter::new(budget::max_output_bytes(), 256);
        self.body.render_to(&mut out, runtime)?;
        let skip = out
            .buffer
            .iter()
            .take(self.lead)
            .take_while(|&&b| is_space(char::from(b)))
            .count();
        writer
            .write_all(out.buffer.get(skip..).unwrap_or(&[]))
            .map_err(|e| liquid_core::Error::with_msg(e.to_string()))
    }
}

/// Partials, parsed once, by name.
#[derive(Debug, Default)]
struct Compiled(BTreeMap<String, Arc<Partial>>);

impl PartialStore for Compiled {
    fn contains(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    fn names(&self) -> Vec<&str> {
        self.0.keys().map(String::as_str).collect()
    }

    fn try_get(&self, name: &str) -> Option<Arc<dyn Renderable>> {
        self.0
            .get(name)
            .map(|p| Arc::clone(p) as Arc<dyn Renderable>)
    }

    fn get(&self, name: &str) -> liquid_core::Result<Arc<dyn Renderable>> {
        self.try_get(name).ok_or_else(|| {
            liquid_core::Error::with_msg(format!("no partial named `{name}` is registered"))
        })
    }
}

/// The partials of a template registered without any.
#[derive(Debug)]
struct NoPartials;

impl PartialStore for NoPartials {
    fn contains(&self, _: &str) -> bool {
        false
    }

    fn names(&self) -> Vec<&str> {
        Vec::new()
    }

    fn try_get(&self, _: &str) -> Option<Arc<dyn Renderable>> {
        None
    }

    fn get(&self, name: &str) -> liquid_core::Result<Arc<dyn Renderable>> {
        Err(liquid_core::Error::with_msg(format!(
            "no partial named `{name}` is registered"
        )))
    }
}

fn check_size(name: &str, source: &str) -> Result<(), TemplateError> {
    if source.len() > MAX_TEMPLATE_BYTES {
        return Err(TemplateError::Limit {
            template: name.to_string(),
            message: format!(
                "source is {} bytes; the limit is {MAX_TEMPLATE_BYTES}",
                source.len()
            ),
        });
    }
    Ok(())
}
