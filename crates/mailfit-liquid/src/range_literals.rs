//! Range literals outside `for`: `{{ (1..5) | join: ", " }}`, `{% assign r = (1..3) %}`,
//! `{% render 'x', n: (1..3) %}`. The crate's grammar only has ranges as tag tokens, so an
//! output or filter chain that starts with one does not parse. Before parsing, each such range
//! is bound by a hidden `{% _range %}` tag placed just before its token, and the token reads
//! the hidden name instead. `for`, `tablerow`, `if`, `unless`, `case` and `when` parse ranges
//! themselves and are left alone.

use std::borrow::Cow;
use std::io::Write;

use liquid_core::model::KString;
use liquid_core::{
    Expression, Language, ParseTag, Renderable, Result, Runtime, TagReflection, TagTokenIter,
};

use super::loops::range_array;
use super::tokens::Token;
#[cfg(test)]
use super::tokens::tokens;

/// Prefix of the hidden names (not a name a template would use).
const HIDDEN: &str = "__range_";

/// Tags whose arguments may hold a range that must be rewritten.
fn rewrites_tag(name: &str) -> bool {
    matches!(name, "assign" | "include" | "render" | "echo")
}

/// `(a..b)` spans inside a token body, outside string literals.
fn ranges(body: &str) -> Vec<(usize, usize, String, String)> {
    let mut found = Vec::new();
    let mut quote: Option<u8> = None;
    let mut open: Option<usize> = None;
    // Bytes, not characters: every delimiter is ASCII, which no byte of a multi-byte
    // character equals (decoding each character was most of this rewrite's time).
    for (i, &c) in body.as_bytes().iter().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'\'' | b'"') => quote = Some(c),
            (None, b'(') => open = Some(i),
            (None, b')') => {
                if let Some(start) = open.take() {
                    let inner = body.get(start + 1..i).unwrap_or("");
                    if let Some((a, b)) = inner.split_once("..") {
                        let (a, b) = (a.trim(), b.trim());
                        if !a.is_empty() && !b.is_empty() {
                            found.push((start, i + 1, a.to_string(), b.to_string()));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// Binds the ranges of outputs, `assign`, `include`, `render` and `echo` to hidden names.
#[cfg(test)]
pub fn rewrite(source: &str) -> Cow<'_, str> {
    rewrite_tokens(source, &tokens(source).collect::<Vec<_>>())
}

/// [`rewrite`] over the source's tokens, read once for all the rewrites.
pub fn rewrite_tokens<'s>(source: &'s str, tokens: &[Token<'_>]) -> Cow<'s, str> {
    if !source.contains("..") {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len() + 64);
    let mut copied = 0;
    let mut counter = 0usize;
    for token in tokens {
        if !token.output && !rewrites_tag(token.name()) {
            continue;
        }
        let (start, end, inner) = (token.start, token.end, token.inner);
        let text = source.get(start..end).unwrap_or("");
        let found = ranges(inner);
        if found.is_empty() {
            continue;
        }
        out.push_str(source.get(copied..start).unwrap_or(""));
        let mut rewritten = String::new();
        let mut last = 0;
        for (from, to, a, b) in found {
            let hidden = format!("{HIDDEN}{counter}");
            counter += 1;
            out.push_str(&format!(
                "{{%{} _range {hidden} = ({a}..{b}) %}}",
                if token.left_trim() { "-" } else { "" }
            ));
            rewritten.push_str(inner.get(last..from).unwrap_or(""));
            rewritten.push_str(&hidden);
            last = to;
        }
        rewritten.push_str(inner.get(last..).unwrap_or(""));
        out.push_str(text.get(..2).unwrap_or(""));
        out.push_str(&rewritten);
        out.push_str(text.get(text.len().saturating_sub(2)..).unwrap_or(""));
        copied = end;
    }
    if copied == 0 {
        return Cow::Borrowed(source);
    }
    out.push_str(source.get(copied..).unwrap_or(""));
    Cow::Owned(out)
}

/// `{% _range name = (a..b) %}`: binds the range's items to a hidden name.
#[derive(Clone, Copy, Debug, Default)]
pub struct RangeTag;

impl TagReflection for RangeTag {
    fn tag(&self) -> &str {
        "_range"
    }

    fn description(&self) -> &str {
        "Internal: binds a range literal for an output or tag that cannot parse one."
    }
}

impl ParseTag for RangeTag {
    fn parse(
        &self,
        mut arguments: TagTokenIter<'_>,
        _options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        let name = arguments
            .expect_next("Identifier expected.")?
            .expect_identifier()
            .into_result()?;
        let name = KString::from_ref(name);
        arguments
            .expect_next("\"=\" expected.")?
            .expect_str("=")
            .into_result()?;
        let (start, end) = arguments
            .expect_next("Range expected.")?
            .expect_range()
            .into_result()?;
        arguments.expect_nothing()?;
        Ok(Box::new(BindRange { name, start, end }))
    }

    fn reflection(&self) -> &dyn TagReflection {
        self
    }
}

#[derive(Debug)]
struct BindRange {
    name: KString,
    start: Expression,
    end: Expression,
}

impl Renderable for BindRange {
    fn render_to(&self, _writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let items = range_array(&self.start, &self.end, runtime)?;
        runtime.set_global(self.name.clone(), items);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn binds_ranges_outside_loops_only() {
        assert_eq!(
            rewrite("{{- (1..5) | join -}}"),
            "{%- _range __range_0 = (1..5) %}{{- __range_0 | join -}}"
        );
        assert_eq!(
            rewrite("{% assign r = ( a .. 5 ) %}"),
            "{% _range __range_0 = (a..5) %}{% assign r = __range_0 %}"
        );
        let untouched = "{% for i in (1..3) %}{{ '(1..2)' }}{% endfor %}";
        assert_eq!(rewrite(untouched), untouched);
    }
}
