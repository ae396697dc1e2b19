//! The Liquid environment: one parser configuration for templates, partials and copy.

use std::collections::BTreeMap;

use liquid::partials::{EagerCompiler, InMemorySource};

use super::{dialect, filters, guards};
use crate::error::TemplateError;

/// Largest template or partial source accepted.
pub const MAX_TEMPLATE_BYTES: usize = 256 * 1024;
/// Largest rendered output accepted (Gmail clips HTML at about 102 KB; this is a hard stop).
pub const MAX_OUTPUT_BYTES: usize = 2 * 1024 * 1024;
/// Most partials one template set may register.
pub const MAX_PARTIALS: usize = 200;

/// Builds a parser with the standard library and the given partials (compiled eagerly).
pub fn parser(partials: &BTreeMap<String, String>) -> Result<liquid::Parser, TemplateError> {
    if partials.len() > MAX_PARTIALS {
        return Err(TemplateError::Limit {
            template: "partials".into(),
            message: format!("{} partials; the limit is {MAX_PARTIALS}", partials.len()),
        });
    }
    let mut source = InMemorySource::new();
    for (name, text) in partials {
        check_size(name, text)?;
        let text = dialect::rewrite(text).map_err(|message| TemplateError::Parse {
            template: name.clone(),
            message,
        })?;
        guards::check_nesting(&text).map_err(|message| TemplateError::Limit {
            template: name.clone(),
            message,
        })?;
        source.add(name.clone(), text.into_owned());
    }
    liquid::ParserBuilder::with_stdlib()
        .filter(guards::SafeDate)
        .filter(filters::Has)
        .filter(filters::Find)
        .filter(filters::FindIndex)
        .filter(filters::Reject)
        .filter(filters::Sum)
        .filter(filters::RemoveLast)
        .filter(filters::ReplaceLast)
        .filter(filters::Base64Encode)
        .filter(filters::Base64Decode)
        .filter(filters::Base64UrlSafeEncode)
        .filter(filters::Base64UrlSafeDecode)
        .filter(filters::H)
        .tag(guards::DepthGuarded(liquid_lib::stdlib::IncludeTag))
        .tag(guards::DepthGuarded(liquid_lib::stdlib::RenderTag))
        .partials(EagerCompiler::new(source))
        .build()
        .map_err(|e| TemplateError::Parse {
            template: "partials".into(),
            message: e.to_string(),
        })
}

/// Parses one template, naming it in errors.
pub fn parse(
    parser: &liquid::Parser,
    name: &str,
    source: &str,
) -> Result<liquid::Template, TemplateError> {
    check_size(name, source)?;
    let source = dialect::rewrite(source).map_err(|message| TemplateError::Parse {
        template: name.to_string(),
        message,
    })?;
    guards::check_nesting(&source).map_err(|message| TemplateError::Limit {
        template: name.to_string(),
        message,
    })?;
    parser.parse(&source).map_err(|e| TemplateError::Parse {
        template: name.to_string(),
        message: e.to_string(),
    })
}

/// Renders a parsed template with size-bounded output.
pub fn render(
    template: &liquid::Template,
    name: &str,
    data: &liquid::Object,
) -> Result<String, TemplateError> {
    let out = template.render(data).map_err(|e| TemplateError::Render {
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
    Ok(out)
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
