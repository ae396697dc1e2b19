//! The Liquid exports: `renderTemplate` (one-shot, its parse cached) and `compileTemplate`
//! (parse once, render per call), with their shared readers of data and options.

use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;

use super::{Handle, from_js, held, host_now, js_error, optional_from_js};
use crate::error::InputError;
use crate::render;

/// Template data from the host: an object (or nothing), with `now` defaulted to the host's
/// clock so `{{ 'now' | date }}` works.
fn template_data(data: JsValue) -> Result<render::Data, JsValue> {
    // Straight into the template's value model (no `serde_json::Value` in between).
    let mut object: render::Data = if data.is_undefined() || data.is_null() {
        render::Data::object()
    } else {
        from_js("$.data", data)?
    };
    if !matches!(object, render::Data::Object(_)) {
        return Err(js_error(
            InputError::invalid("$.data", "data must be an object").into(),
        ));
    }
    if !object.has_key("now") {
        let now = crate::input::format_timestamp(host_now());
        object.insert(
            "now",
            render::Data::from_json(&serde_json::Value::String(now)),
        );
    }
    Ok(object)
}

/// The template source from the host: a string no larger than a template may be, refused
/// before it is copied into the module (wasm-bindgen's own `String` conversion trapped on a
/// number or an object and copied any size first).
fn template_source(source: &JsValue) -> Result<String, JsValue> {
    let Some(text) = source.dyn_ref::<js_sys::JsString>() else {
        return Err(js_error(
            InputError::invalid("$.source", "the template source must be a string").into(),
        ));
    };
    // A UTF-16 unit is at least one UTF-8 byte.
    let len = text.length() as usize;
    if len > mailfit_liquid::MAX_TEMPLATE_BYTES {
        return Err(js_error(
            crate::error::TemplateError::Limit {
                template: "template".into(),
                message: format!(
                    "source is at least {len} bytes; the limit is {}",
                    mailfit_liquid::MAX_TEMPLATE_BYTES
                ),
            }
            .into(),
        ));
    }
    Ok(super::utf8(text))
}

/// `RenderTemplateOptions`: partials and how each render runs.
fn template_options(
    options: JsValue,
) -> Result<(BTreeMap<String, String>, render::RenderOptions), JsValue> {
    #[derive(serde::Deserialize, Default)]
    struct Options {
        #[serde(default)]
        partials: BTreeMap<String, String>,
        #[serde(default)]
        strict: bool,
        #[serde(default)]
        escape: render::OutputEscape,
        #[serde(default)]
        limits: render::RenderLimits,
    }
    let options: Options = optional_from_js("$.options", options)?;
    let render_options = render::RenderOptions {
        strict: options.strict,
        escape: options.escape,
        limits: options.limits,
    };
    Ok((options.partials, render_options))
}

/// Renders one Liquid template with data and optional partials.
#[wasm_bindgen(js_name = renderTemplate)]
pub fn render_template(
    #[wasm_bindgen(unchecked_param_type = "string")] source: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] data: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RenderTemplateOptions | undefined")] options: JsValue,
) -> Result<String, JsValue> {
    let source = template_source(&source)?;
    let data = template_data(data)?;
    let (partials, options) = template_options(options)?;
    render::render_template_with(&source, &data, &partials, &options)
        .map_err(|e| js_error(e.into()))
}

/// A Liquid template parsed once, rendered per call: `compileTemplate(source, options)`.
#[wasm_bindgen]
pub struct LiquidTemplate {
    /// A `render::CompiledTemplate` (see [`Handle`] for why not the type itself).
    handle: Handle,
}

/// Parses a Liquid template (with its partials, strictness, escaping and limits) for
/// `template.render(data)`, so hosts do not parse per render; `free()` releases it.
#[wasm_bindgen(js_name = compileTemplate)]
pub fn compile_template(
    #[wasm_bindgen(unchecked_param_type = "string")] source: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RenderTemplateOptions | undefined")] options: JsValue,
) -> Result<LiquidTemplate, JsValue> {
    let source = template_source(&source)?;
    let (partials, options) = template_options(options)?;
    Ok(LiquidTemplate {
        handle: std::rc::Rc::new(
            render::compile_template(&source, &partials, options)
                .map_err(|e| js_error(e.into()))?,
        ),
    })
}

#[wasm_bindgen]
impl LiquidTemplate {
    /// Renders the template with `data` (an object, JSON text or UTF-8 JSON bytes).
    pub fn render(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] data: JsValue,
    ) -> Result<String, JsValue> {
        held::<render::CompiledTemplate>(&self.handle, "LiquidTemplate")?
            .render(&template_data(data)?)
            .map_err(|e| js_error(e.into()))
    }
}
