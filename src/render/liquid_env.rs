//! The Liquid environment: one language (the `liquid` crate's standard library plus the guards,
//! filters and dialect rewrites of this module's siblings) for templates, partials and copy.
//!
//! Templates are built with `liquid_core` directly rather than through `liquid::Parser`, so
//! rendering can run on our own runtime: unknown variables and missing keys render as nil, as
//! in Shopify, unless `strict` is asked for (previews, linting).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

use liquid_core::model::{KStringCow, KStringRef, ScalarCow, Value, ValueCow};
use liquid_core::partials::{EagerCompiler, InMemorySource, PartialCompiler};
use liquid_core::runtime::{PartialStore, Registers, RuntimeBuilder};
use liquid_core::{Language, Renderable, Runtime};
use liquid_lib::stdlib;

use super::data::Data;
use super::{dialect, email_filters, encode_filters, filters, guards};
use crate::error::TemplateError;

/// Largest template or partial source accepted.
pub const MAX_TEMPLATE_BYTES: usize = 256 * 1024;
/// Largest rendered output accepted (Gmail clips HTML at about 102 KB; this is a hard stop).
pub const MAX_OUTPUT_BYTES: usize = 2 * 1024 * 1024;
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
    inner: liquid_core::runtime::Template,
    partials: Option<Partials>,
}

/// The `liquid` crate's standard library, with our guarded and added plugins on top.
fn language() -> Language {
    let mut l = Language::empty();
    for (name, tag) in [
        (
            "assign",
            Box::new(stdlib::AssignTag) as Box<dyn liquid_core::ParseTag>,
        ),
        ("break", Box::new(stdlib::BreakTag)),
        ("continue", Box::new(stdlib::ContinueTag)),
        ("cycle", Box::new(stdlib::CycleTag)),
        ("increment", Box::new(stdlib::IncrementTag)),
        ("decrement", Box::new(stdlib::DecrementTag)),
        (
            "include",
            Box::new(guards::DepthGuarded(stdlib::IncludeTag)),
        ),
        ("render", Box::new(guards::DepthGuarded(stdlib::RenderTag))),
    ] {
        l.tags.register(name.to_owned(), tag);
    }
    for (name, block) in [
        (
            "raw",
            Box::new(stdlib::RawBlock) as Box<dyn liquid_core::ParseBlock>,
        ),
        ("if", Box::new(stdlib::IfBlock)),
        ("unless", Box::new(stdlib::UnlessBlock)),
        ("ifchanged", Box::new(stdlib::IfChangedBlock)),
        ("for", Box::new(stdlib::ForBlock)),
        ("tablerow", Box::new(stdlib::TableRowBlock)),
        ("comment", Box::new(stdlib::CommentBlock)),
        ("capture", Box::new(stdlib::CaptureBlock)),
        ("case", Box::new(stdlib::CaseBlock)),
    ] {
        l.blocks.register(name.to_owned(), block);
    }
    let filters: Vec<Box<dyn liquid_core::ParseFilter>> = vec![
        Box::new(stdlib::Abs),
        Box::new(stdlib::Append),
        Box::new(stdlib::AtLeast),
        Box::new(stdlib::AtMost),
        Box::new(stdlib::Capitalize),
        Box::new(stdlib::Ceil),
        Box::new(stdlib::Compact),
        Box::new(stdlib::Concat),
        Box::new(stdlib::Default),
        Box::new(stdlib::DividedBy),
        Box::new(stdlib::Downcase),
        Box::new(encode_filters::Escape),
        Box::new(stdlib::EscapeOnce),
        Box::new(stdlib::First),
        Box::new(stdlib::Floor),
        Box::new(stdlib::Join),
        Box::new(stdlib::Last),
        Box::new(stdlib::Lstrip),
        Box::new(stdlib::Map),
        Box::new(stdlib::Minus),
        Box::new(stdlib::Modulo),
        Box::new(stdlib::NewlineToBr),
        Box::new(stdlib::Plus),
        Box::new(stdlib::Prepend),
        Box::new(stdlib::Remove),
        Box::new(stdlib::RemoveFirst),
        Box::new(stdlib::Replace),
        Box::new(stdlib::ReplaceFirst),
        Box::new(stdlib::Reverse),
        Box::new(stdlib::Round),
        Box::new(stdlib::Rstrip),
        Box::new(stdlib::Size),
        Box::new(stdlib::Slice),
        Box::new(stdlib::Sort),
        Box::new(stdlib::SortNatural),
        Box::new(stdlib::Split),
        Box::new(stdlib::Strip),
        Box::new(stdlib::StripHtml),
        Box::new(stdlib::StripNewlines),
        Box::new(stdlib::Times),
        Box::new(stdlib::Truncate),
        Box::new(stdlib::TruncateWords),
        Box::new(stdlib::Uniq),
        Box::new(stdlib::Upcase),
        Box::new(stdlib::UrlDecode),
        Box::new(stdlib::UrlEncode),
        Box::new(stdlib::Where),
        // Ours: `date` without a clock, and the Shopify filters the crate lacks.
        Box::new(guards::SafeDate),
        Box::new(filters::Has),
        Box::new(filters::Find),
        Box::new(filters::FindIndex),
        Box::new(filters::Reject),
        Box::new(filters::Sum),
        Box::new(filters::RemoveLast),
        Box::new(filters::ReplaceLast),
        Box::new(encode_filters::Base64Encode),
        Box::new(encode_filters::Base64Decode),
        Box::new(encode_filters::Base64UrlSafeEncode),
        Box::new(encode_filters::Base64UrlSafeDecode),
        Box::new(encode_filters::H),
        Box::new(email_filters::Money),
        Box::new(email_filters::UtmLink),
        Box::new(email_filters::ImageUrl),
        Box::new(email_filters::AssetUrl),
    ];
    for filter in filters {
        let name = filter.reflection().name().to_owned();
        l.filters.register(name, filter);
    }
    l
}

/// The language is immutable: build it once per process, not per template set or call.
fn shared_language() -> Arc<Language> {
    static LANGUAGE: OnceLock<Arc<Language>> = OnceLock::new();
    LANGUAGE.get_or_init(|| Arc::new(language())).clone()
}

/// Builds the environment with the given partials (compiled eagerly, after the dialect rewrite).
pub fn parser(partials: &BTreeMap<String, String>) -> Result<Env, TemplateError> {
    if partials.len() > MAX_PARTIALS {
        return Err(TemplateError::Limit {
            template: "partials".into(),
            message: format!("{} partials; the limit is {MAX_PARTIALS}", partials.len()),
        });
    }
    let language = shared_language();
    let mut source = InMemorySource::new();
    for (name, text) in partials {
        check_size(name, text)?;
        let text = prepare(name, text)?;
        source.add(name.clone(), text);
    }
    let store = EagerCompiler::new(source)
        .compile(language.clone())
        .map_err(|e| TemplateError::Parse {
            template: "partials".into(),
            message: e.to_string(),
        })?;
    Ok(Env {
        language,
        partials: Some(Arc::from(store)),
    })
}

/// The dialect rewrite and the nesting bound, before the crate's parser sees a source.
fn prepare(name: &str, source: &str) -> Result<String, TemplateError> {
    let source = dialect::rewrite(source).map_err(|message| TemplateError::Parse {
        template: name.to_string(),
        message,
    })?;
    guards::check_nesting(&source)
        .and_then(|()| guards::check_ranges(&source))
        .map_err(|message| TemplateError::Limit {
            template: name.to_string(),
            message,
        })?;
    Ok(source.into_owned())
}

/// Parses one template, naming it in errors.
pub fn parse(env: &Env, name: &str, source: &str) -> Result<Template, TemplateError> {
    check_size(name, source)?;
    let source = prepare(name, source)?;
    let elements =
        liquid_core::parser::parse(&source, &env.language).map_err(|e| TemplateError::Parse {
            template: name.to_string(),
            message: e.to_string(),
        })?;
    Ok(Template {
        inner: liquid_core::runtime::Template::new(elements),
        partials: env.partials.clone(),
    })
}

/// Renders with Shopify's lenient variables: unknown ones render as nil.
pub fn render(template: &Template, name: &str, data: &Data) -> Result<String, TemplateError> {
    render_with(template, name, data, false)
}

/// Renders; with `strict`, an unknown variable is an error (for previews and linting).
pub fn render_with(
    template: &Template,
    name: &str,
    data: &Data,
    strict: bool,
) -> Result<String, TemplateError> {
    let builder = RuntimeBuilder::new().set_globals(data as &dyn liquid_core::ObjectView);
    let runtime = match &template.partials {
        Some(p) => builder.set_partials(p.as_ref()).build(),
        None => builder.build(),
    };
    let mut out: Vec<u8> = Vec::with_capacity(4096);
    let result = if strict {
        template.inner.render_to(&mut out, &runtime)
    } else {
        template.inner.render_to(&mut out, &Lenient(&runtime))
    };
    result.map_err(|e| TemplateError::Render {
        template: name.to_string(),
        message: e.to_string(),
    })?;
    if out.len() > MAX_OUTPUT_BYTES {
        return Err(TemplateError::Limit {
            template: name.to_string(),
            message: format!(
                "output is {} bytes; the limit is {MAX_OUTPUT_BYTES}",
                out.len()
            ),
        });
    }
    String::from_utf8(out).map_err(|_| TemplateError::Render {
        template: name.to_string(),
        message: "output is not UTF-8".into(),
    })
}

/// The root runtime with Shopify's lenient lookups: what is not found is nil.
struct Lenient<'r, R: Runtime>(&'r R);

impl<R: Runtime> Runtime for Lenient<'_, R> {
    fn partials(&self) -> &dyn PartialStore {
        self.0.partials()
    }

    fn name(&self) -> Option<KStringRef<'_>> {
        self.0.name()
    }

    fn roots(&self) -> BTreeSet<KStringCow<'_>> {
        self.0.roots()
    }

    fn try_get(&self, path: &[ScalarCow<'_>]) -> Option<ValueCow<'_>> {
        self.0.try_get(path)
    }

    fn get(&self, path: &[ScalarCow<'_>]) -> liquid_core::Result<ValueCow<'_>> {
        Ok(self.0.try_get(path).unwrap_or(ValueCow::Owned(Value::Nil)))
    }

    fn set_global(&self, name: liquid_core::model::KString, val: Value) -> Option<Value> {
        self.0.set_global(name, val)
    }

    fn set_index(&self, name: liquid_core::model::KString, val: Value) -> Option<Value> {
        self.0.set_index(name, val)
    }

    fn get_index<'a>(&'a self, name: &str) -> Option<ValueCow<'a>> {
        self.0.get_index(name)
    }

    fn registers(&self) -> &Registers {
        self.0.registers()
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
