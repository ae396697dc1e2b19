//! HTML auto-escaping for `{{ }}` output, opt-out per output with `| raw`.
//!
//! Liquid (Shopify's included) writes values as they are; a brand template that forgets
//! `| escape` on a customer's name is an injection. Before parsing, every output gets a final
//! `_autoescape` filter, unless its last filter already escapes (`escape`, `escape_once`, `h`)
//! or is `raw`. The filter does nothing unless the render asked for [`OutputEscape::Html`], so
//! one compiled partial serves both the HTML and the text part.
//!
//! `capture` is ours too: what a template captures was escaped piece by piece as it was written,
//! so it is remembered as trusted and not escaped a second time when printed.

use std::borrow::Cow;
use std::io::Write;

use liquid_core::model::KString;
use liquid_core::{
    BlockReflection, Display_filter, Filter, FilterReflection, Language, ParseBlock, ParseFilter,
    Renderable, Result, Runtime, TagBlock, TagTokenIter, Template, Value, ValueView,
};

use super::budget::{self, CappedWriter, OutputEscape};

/// Filters after which escaping again would double-escape, or that opt out.
const FINAL_FILTERS: &[&str] = &["escape", "escape_once", "h", "raw", "_autoescape"];

/// Appends `| _autoescape` to every output that does not already end in an escaping filter.
pub fn rewrite(source: &str) -> Cow<'_, str> {
    if !source.contains("{{") {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len() + source.len() / 8);
    let mut rest = source;
    loop {
        let open = super::tokens::next_open(rest);
        let output_at = open.filter(|&o| rest.get(o..).is_some_and(|r| r.starts_with("{{")));
        let tag_at = open.filter(|_| output_at.is_none());
        match (output_at, tag_at) {
            (Some(o), t) if t.is_none_or(|t| o < t) => {
                let Some(end) = output_end(rest, o) else {
                    break;
                };
                out.push_str(rest.get(..o).unwrap_or(""));
                out.push_str(&escaped_output(rest.get(o..end).unwrap_or("")));
                rest = rest.get(end..).unwrap_or("");
            }
            (_, Some(t)) => {
                // A `raw` block is copied as it is: its `{{ }}` are text.
                let end = rest
                    .get(t..)
                    .and_then(super::tokens::next_tag_close)
                    .map(|e| t + e + 2);
                let Some(end) = end else { break };
                let token = rest.get(t..end).unwrap_or("");
                let is_raw = super::tokens::skip_ascii(token, b"{%-")
                    .trim_start()
                    .starts_with("raw");
                let copy_to = if is_raw {
                    find_endraw(rest, end).unwrap_or(end)
                } else {
                    end
                };
                out.push_str(rest.get(..copy_to).unwrap_or(""));
                rest = rest.get(copy_to..).unwrap_or("");
            }
            _ => break,
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// End of the `{% endraw %}` tag after `from`.
fn find_endraw(source: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(t) = source.get(at..)?.find("{%") {
        let start = at + t;
        let end = start + source.get(start..)?.find("%}")? + 2;
        let body = source
            .get(start + 2..end - 2)?
            .trim_matches(['-', ' ', '\t', '\r', '\n']);
        if body == "endraw" {
            return Some(end);
        }
        at = end;
    }
    None
}

/// End (exclusive) of the output starting at `start`, skipping `}}` inside quotes.
fn output_end(source: &str, start: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = start + 2;
    while i + 1 < bytes.len() {
        let b = *bytes.get(i)?;
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'\'' || b == b'"' => quote = Some(b),
            None if b == b'}' && bytes.get(i + 1) == Some(&b'}') => return Some(i + 2),
            None => {}
        }
        i += 1;
    }
    None
}

/// `{{ x | f }}` -> `{{ x | f | _autoescape }}`, keeping whitespace control.
fn escaped_output(output: &str) -> Cow<'_, str> {
    let inner = output.get(2..output.len().saturating_sub(2)).unwrap_or("");
    let trim_right = inner.ends_with('-') && inner.len() > 1;
    let body = if trim_right {
        inner.get(..inner.len() - 1).unwrap_or("")
    } else {
        inner
    };
    let expression = body.trim_start_matches('-').trim();
    if expression.is_empty() {
        return Cow::Borrowed(output);
    }
    if let Some(fast) = super::fast_output::simple(output) {
        return Cow::Owned(fast);
    }
    if FINAL_FILTERS.contains(&last_filter(expression)) {
        return Cow::Borrowed(output);
    }
    let close = if trim_right { "-}}" } else { "}}" };
    Cow::Owned(format!("{{{{{} | _autoescape {close}", body.trim_end()))
}

/// Name of the last filter of an output expression ("" when there is none).
fn last_filter(expression: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut last_pipe = None;
    for (i, c) in expression.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '|' => last_pipe = Some(i),
            None => {}
        }
    }
    let Some(pipe) = last_pipe else { return "" };
    let filter = expression.get(pipe + 1..).unwrap_or("").trim_start();
    let end = filter
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(filter.len());
    filter.get(..end).unwrap_or("")
}

/// The filter the rewrite appends: HTML-escapes in HTML renders, passes through otherwise.
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "_autoescape",
    description = "Escapes output in HTML renders (added automatically).",
    parsed(AutoEscapeFilter)
)]
pub struct AutoEscape;

#[derive(Debug, Default, Display_filter)]
#[name = "_autoescape"]
struct AutoEscapeFilter;

impl Filter for AutoEscapeFilter {
    fn evaluate(&self, input: &dyn ValueView, _runtime: &dyn Runtime) -> Result<Value> {
        if let Some(float) = input
            .as_scalar()
            .filter(|_| input.type_name() == "fractional number")
            .and_then(|s| s.to_float())
        {
            // Ruby prints floats with their point (`5.0`); the crate would print `5`.
            return Ok(Value::scalar(super::math_filters::ruby_float(float)));
        }
        if budget::escape() == OutputEscape::None || budget::is_trusted(input.to_kstr().as_str()) {
            return Ok(input.to_value());
        }
        Ok(super::encode_filters::escape_value(input))
    }
}

/// `raw`: marks an output as trusted HTML (no auto-escaping); the value is unchanged.
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "raw",
    description = "Outputs the value without auto-escaping (trusted HTML only).",
    parsed(RawFilter)
)]
pub struct Raw;

#[derive(Debug, Default, Display_filter)]
#[name = "raw"]
struct RawFilter;

impl Filter for RawFilter {
    fn evaluate(&self, input: &dyn ValueView, _runtime: &dyn Runtime) -> Result<Value> {
        Ok(input.to_value())
    }
}

/// `{% capture name %}...{% endcapture %}`, bounded by the render's value limit, its result
/// trusted by auto-escaping.
#[derive(Clone, Debug, Default)]
pub struct CaptureBlock;

impl BlockReflection for CaptureBlock {
    fn start_tag(&self) -> &str {
        "capture"
    }
    fn end_tag(&self) -> &str {
        "endcapture"
    }
    fn description(&self) -> &str {
        "Renders its body into a variable."
    }
}

impl ParseBlock for CaptureBlock {
    fn parse(
        &self,
        mut arguments: TagTokenIter<'_>,
        mut tokens: TagBlock<'_, '_>,
        options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        let name = super::assign::variable_name(arguments.expect_next("Identifier expected")?)?;
        arguments.expect_nothing()?;
        let body = Template::new(tokens.parse_all(options)?);
        tokens.assert_empty();
        Ok(Box::new(Capture { name, body }))
    }

    fn reflection(&self) -> &dyn BlockReflection {
        self
    }
}

#[derive(Debug)]
struct Capture {
    name: KString,
    body: Template,
}

impl Renderable for Capture {
    fn render_to(&self, _writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let cap = budget::max_value_bytes();
        let mut captured = CappedWriter::new(cap, 256);
        let rendered = self.body.render_to(&mut captured, runtime);
        if captured.overflowed {
            return Err(budget::limit_error(format!(
                "`capture {}` made a value over {cap} bytes",
                self.name
            )));
        }
        rendered?;
        let text = String::from_utf8(captured.buffer)
            .map_err(|_| liquid_core::Error::with_msg("capture is not UTF-8"))?;
        budget::trust(&text);
        runtime.set_global(self.name.clone(), Value::scalar(text));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn outputs_get_a_final_escape_unless_they_opt_out_or_already_escape() {
        // Plain paths take the fast path; everything else gets the filter.
        assert_eq!(rewrite("a {{ x }} b"), "a {% _o x auto %} b");
        assert_eq!(rewrite("{{- x.y -}}"), "{%- _o x.y auto -%}");
        assert_eq!(
            rewrite("{{- x | upcase -}}"),
            "{{- x | upcase | _autoescape -}}"
        );
        assert_eq!(rewrite("{{ x | escape }}"), "{% _o x escape %}");
        assert_eq!(rewrite("{{ x | raw }}"), "{% _o x raw %}");
        assert_eq!(rewrite("{{ x | escape_once }}"), "{{ x | escape_once }}");
        assert_eq!(rewrite("{{ x[0] | raw }}"), "{{ x[0] | raw }}");
        assert_eq!(
            rewrite("{{ '}}|raw' | append: y }}"),
            "{{ '}}|raw' | append: y | _autoescape }}"
        );
        assert_eq!(
            rewrite("{% raw %}{{ x }}{% endraw %}{{ y }}"),
            "{% raw %}{{ x }}{% endraw %}{% _o y auto %}"
        );
        assert_eq!(
            rewrite("{% if a %}{{ }}{% endif %}"),
            "{% if a %}{{ }}{% endif %}"
        );
    }
}
