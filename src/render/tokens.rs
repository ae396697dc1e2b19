//! The outputs and tags of a template source, for the rewrites that run before the crate's
//! parser (range literals, paths): each reads the same tokens, and none looks inside `raw`.

use std::borrow::Cow;

/// `source` with each `(start, end, replacement)` edit applied (in order, not overlapping);
/// borrowed when there is none.
pub fn spliced(
    source: &str,
    edits: impl IntoIterator<Item = (usize, usize, String)>,
) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut edited = false;
    for (start, end, replacement) in edits {
        out.push_str(source.get(copied..start).unwrap_or(""));
        out.push_str(&replacement);
        copied = end;
        edited = true;
    }
    if !edited {
        return Cow::Borrowed(source);
    }
    out.push_str(source.get(copied..).unwrap_or(""));
    Cow::Owned(out)
}

/// One `{{ ... }}` output or `{% ... %}` tag, by byte offsets into its source.
pub struct Token<'s> {
    /// Where the token starts (at `{{` or `{%`).
    pub start: usize,
    /// Where it ends (just after `}}` or `%}`).
    pub end: usize,
    /// `{{ }}` rather than `{% %}`.
    pub output: bool,
    /// Between the delimiters, whitespace-control hyphens included.
    pub inner: &'s str,
}

impl<'s> Token<'s> {
    /// Opens with `{{-` or `{%-`.
    pub fn left_trim(&self) -> bool {
        self.inner.starts_with('-')
    }

    /// The inner text without the left hyphen and leading whitespace.
    pub fn body(&self) -> &'s str {
        self.inner.trim_start_matches('-').trim_start()
    }

    /// A tag's name (`""` for outputs).
    pub fn name(&self) -> &'s str {
        if self.output {
            return "";
        }
        let body = self.body();
        let end = body
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(body.len());
        body.get(..end).unwrap_or("")
    }
}

/// The tokens of `source` in order; the body of a `raw` block is skipped.
pub fn tokens(source: &str) -> impl Iterator<Item = Token<'_>> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = source.get(at..)?;
        // One scan for whichever opens first.
        let start = at
            + rest
                .as_bytes()
                .windows(2)
                .position(|w| matches!(w, [b'{', b'{' | b'%']))?;
        let output = source.get(start..)?.starts_with("{{");
        let close = if output { "}}" } else { "%}" };
        let end = start + 2 + source.get(start + 2..)?.find(close)? + 2;
        let token = Token {
            start,
            end,
            output,
            inner: source.get(start + 2..end - 2)?,
        };
        at = end;
        if token.name() == "raw" {
            at = source
                .get(end..)
                .and_then(|after| after.find("endraw"))
                .map_or(source.len(), |i| end + i);
        }
        Some(token)
    })
}
