//! A fast path for the outputs email templates are made of: `{{ path }}`, `{{ path | escape }}`
//! (or `h`) and `{{ path | raw }}`. The crate runs every output through its filter chain,
//! which copies the value at each filter and again to print it. Before parsing, such outputs
//! become `{% _o path mode %}`, which looks the path up, escapes as it writes and copies
//! nothing. What it prints is exactly what the filter chain printed (the conformance suite
//! runs through it), just sooner.

use std::io::Write;

use liquid_core::model::{KString, ScalarCow};
use liquid_core::{
    Error, Language, ParseTag, Renderable, Result, Runtime, TagReflection, TagTokenIter,
};

use super::budget::{self, OutputEscape};

/// How an output is escaped.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    /// As `_autoescape`: HTML-escaped in HTML renders unless trusted; floats Ruby-style.
    Auto,
    /// `| escape` / `| h`.
    Escape,
    /// `| raw`.
    Raw,
}

fn is_path(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && !text.contains("..")
        && !text.ends_with(['.', '-'])
        && !matches!(text, "nil" | "null" | "true" | "false" | "empty" | "blank")
}

/// `{{ a.b }}`, `{{ a.b | escape }}` or `{{ a.b | raw }}` as `{% _o a.b mode %}`, keeping
/// whitespace control; `None` for any other output.
pub fn simple(output: &str) -> Option<String> {
    let inner = output.get(2..output.len().checked_sub(2)?)?;
    let left = inner.starts_with('-');
    let right = inner.len() > 1 && inner.ends_with('-');
    let body = inner
        .get(usize::from(left)..inner.len() - usize::from(right))?
        .trim();
    let (path, mode) = match body.split_once('|') {
        None => (body, "auto"),
        Some((path, filter)) => match filter.trim() {
            "escape" | "h" => (path.trim(), "escape"),
            "raw" => (path.trim(), "raw"),
            _ => return None,
        },
    };
    if !is_path(path) {
        return None;
    }
    // Joined, not `format!`ed: this runs for most outputs of every parse.
    Some(
        [
            if left { "{%-" } else { "{%" },
            " _o ",
            path,
            " ",
            mode,
            if right { " -%}" } else { " %}" },
        ]
        .concat(),
    )
}

#[derive(Debug, Clone, Copy, Default)]
pub struct OutputTag;

impl TagReflection for OutputTag {
    fn tag(&self) -> &str {
        "_o"
    }

    fn description(&self) -> &str {
        "Internal: prints a variable (the fast path of `{{ path }}`)."
    }
}

impl ParseTag for OutputTag {
    fn parse(&self, mut arguments: TagTokenIter<'_>, _: &Language) -> Result<Box<dyn Renderable>> {
        let token = arguments.expect_next("Variable expected.")?;
        if !is_path(token.as_str()) {
            return Err(token.raise_custom_error("a variable path expected"));
        }
        // The path's names, looked up as they are: no per-render path to build.
        let path = token
            .as_str()
            .split('.')
            .map(|segment| ScalarCow::new(KString::from_ref(segment)))
            .collect();
        let mode = match arguments.expect_next("Mode expected.")?.as_str() {
            "escape" => Mode::Escape,
            "raw" => Mode::Raw,
            _ => Mode::Auto,
        };
        arguments.expect_nothing()?;
        Ok(Box::new(Output { path, mode }))
    }

    fn reflection(&self) -> &dyn TagReflection {
        self
    }
}

#[derive(Debug)]
struct Output {
    path: Vec<ScalarCow<'static>>,
    mode: Mode,
}

fn failed(e: std::io::Error) -> Error {
    Error::with_msg(format!("failed to render: {e}"))
}

/// Writes `text` HTML-escaped.
fn write_escaped(writer: &mut dyn Write, text: &str) -> std::io::Result<()> {
    super::escape_html_into(text, |piece| writer.write_all(piece.as_bytes()))
}

impl Renderable for Output {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let value = runtime.get(&self.path)?;
        let value = value.as_view();
        if value.is_nil() {
            return Ok(());
        }
        match self.mode {
            Mode::Raw => write!(writer, "{}", value.render()).map_err(failed),
            Mode::Escape => write_escaped(writer, value.to_kstr().as_str()).map_err(failed),
            Mode::Auto => {
                let scalar = value.as_scalar();
                // A string (most outputs): its text as it is, read once, no virtual calls.
                if let Some(text) = scalar.as_ref().and_then(ScalarCow::as_str) {
                    let escape = budget::escape() == OutputEscape::Html
                        && super::needs_html_escape(text)
                        && !budget::is_trusted(text);
                    return if escape {
                        write_escaped(writer, text)
                    } else {
                        writer.write_all(text.as_bytes())
                    }
                    .map_err(failed);
                }
                if let Some(float) = scalar
                    .filter(|_| value.type_name() == "fractional number")
                    .and_then(|s| s.to_float())
                {
                    let text = super::math_filters::ruby_float(float);
                    return writer.write_all(text.as_bytes()).map_err(failed);
                }
                if budget::escape() == OutputEscape::None {
                    // Strings were written above.
                    return write!(writer, "{}", value.render()).map_err(failed);
                }
                let text = value.to_kstr();
                if super::needs_html_escape(text.as_str()) && !budget::is_trusted(text.as_str()) {
                    write_escaped(writer, text.as_str()).map_err(failed)
                } else {
                    writer.write_all(text.as_bytes()).map_err(failed)
                }
            }
        }
    }
}
