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
        if !edited {
            // Sized once: growing from nothing reallocated a dozen times per rewrite.
            out.reserve(source.len() + source.len() / 8 + replacement.len());
        }
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
    /// The tag's name, `""` for outputs (read once: every rewrite asks for it).
    name: &'s str,
}

impl<'s> Token<'s> {
    /// Opens with `{{-` or `{%-`.
    pub fn left_trim(&self) -> bool {
        self.inner.starts_with('-')
    }

    /// The inner text without the left hyphen and leading whitespace.
    pub fn body(&self) -> &'s str {
        let hyphens = self.inner.bytes().take_while(|&b| b == b'-').count();
        let inner = self.inner.get(hyphens..).unwrap_or("");
        let space = ascii_prefix(
            inner,
            |b| matches!(b, b' ' | b'\t'..=b'\r'),
            char::is_whitespace,
        );
        inner.get(space..).unwrap_or("")
    }

    /// A tag's name (`""` for outputs).
    pub fn name(&self) -> &'s str {
        self.name
    }

    fn read_name(&self) -> &'s str {
        if self.output {
            return "";
        }
        let body = self.body();
        let end = ascii_prefix(
            body,
            |b| b.is_ascii_alphanumeric() || b == b'_',
            |c| c.is_alphanumeric() || c == '_',
        );
        body.get(..end).unwrap_or("")
    }
}

/// Where the first byte `first` followed by one of `second` is in `text`: a byte search,
/// without the set-up of `str::find`'s substring searcher (which cost more than the search on
/// short text) and, for markup, in one pass over text that is mostly not markup.
fn find_pair(text: &str, first: u8, second: &[u8]) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    loop {
        let at = from + memchr::memchr(first, bytes.get(from..)?)?;
        if bytes.get(at + 1).is_some_and(|b| second.contains(b)) {
            return Some(at);
        }
        from = at + 1;
    }
}

/// Where the first `{{` or `{%` of `text` starts (one pass; searching for each of the two
/// apart rescanned the rest of the source from every token).
pub fn next_open(text: &str) -> Option<usize> {
    find_pair(text, b'{', b"{%")
}

/// Where the first `{%` of `text` starts (as `text.find("{%")`).
pub fn next_tag_open(text: &str) -> Option<usize> {
    find_pair(text, b'{', b"%")
}

/// Where the first `%}` of `text` starts (as `text.find("%}")`).
pub fn next_tag_close(text: &str) -> Option<usize> {
    find_pair(text, b'%', b"}")
}

/// The longest prefix of `text` whose characters all pass `keep`, checked byte by byte while
/// they are ASCII (`keep_ascii` must agree with `keep` on ASCII).
/// Generic rather than `fn` pointers: at `opt-level = "z"` a call per byte was a tenth of the
/// time spent before parsing.
pub fn ascii_prefix(
    text: &str,
    keep_ascii: impl Fn(u8) -> bool,
    keep: impl Fn(char) -> bool,
) -> usize {
    let ascii = text
        .as_bytes()
        .iter()
        .position(|&b| !keep_ascii(b))
        .unwrap_or(text.len());
    match text.get(ascii..) {
        Some(rest) if rest.as_bytes().first().is_some_and(|b| !b.is_ascii()) => {
            ascii + rest.find(|c: char| !keep(c)).unwrap_or(rest.len())
        }
        _ => ascii,
    }
}

/// `text` after its leading bytes from `set` (ASCII), byte by byte: `trim_start_matches` with
/// a char pattern decoded every character, per tag.
pub fn skip_ascii<'t>(text: &'t str, set: &[u8]) -> &'t str {
    let skipped = text.bytes().take_while(|b| set.contains(b)).count();
    text.get(skipped..).unwrap_or("")
}

/// `text.trim()`, byte by byte while the ends are ASCII.
pub fn trim(text: &str) -> &str {
    let space = |b: &u8| matches!(b, b' ' | b'\t'..=b'\r');
    let bytes = text.as_bytes();
    let start = bytes.iter().position(|b| !space(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !space(b))
        .map_or(start, |e| e + 1);
    match text.get(start..end) {
        Some(inner)
            if inner.bytes().next().is_none_or(|b| b.is_ascii())
                && inner.bytes().next_back().is_none_or(|b| b.is_ascii()) =>
        {
            inner
        }
        _ => text.trim(),
    }
}

/// The tokens of `source` in order; the body of a `raw` block is skipped.
pub fn tokens(source: &str) -> impl Iterator<Item = Token<'_>> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + next_open(source.get(at..)?)?;
        let output = source.get(start..)?.starts_with("{{");
        let after = source.get(start + 2..)?;
        let close_at = if output {
            find_pair(after, b'}', b"}")
        } else {
            next_tag_close(after)
        };
        let end = start + 2 + close_at? + 2;
        let mut token = Token {
            start,
            end,
            output,
            inner: source.get(start + 2..end - 2)?,
            name: "",
        };
        token.name = token.read_name();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of up to four of these pieces.
    fn strings() -> Vec<String> {
        const PIECES: [&str; 20] = [
            "{", "{{", "{%", "%", "%}", "}", "}}", "-", " ", "\t", "\u{0B}", "\u{A0}", "\u{2028}",
            "é", "if", "_x", "a1", "raw", "\n", "x",
        ];
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..4 {
            last = last
                .iter()
                .flat_map(|s| PIECES.iter().map(move |p| format!("{s}{p}")))
                .collect();
            all.extend(last.iter().cloned());
        }
        all
    }

    #[test]
    fn byte_searches_agree_with_the_str_methods_they_replace() {
        for s in strings() {
            let first = match (s.find("{{"), s.find("{%")) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            assert_eq!(next_open(&s), first, "{s:?}");
            assert_eq!(next_tag_open(&s), s.find("{%"), "{s:?}");
            assert_eq!(next_tag_close(&s), s.find("%}"), "{s:?}");
            assert_eq!(find_pair(&s, b'}', b"}"), s.find("}}"), "{s:?}");
            let mut token = Token {
                start: 0,
                end: 0,
                output: false,
                inner: &s,
                name: "",
            };
            token.name = token.read_name();
            let body = s.trim_start_matches('-').trim_start();
            assert_eq!(token.body(), body, "{s:?}");
            let end = body
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(body.len());
            assert_eq!(Some(token.name()), body.get(..end), "{s:?}");
            assert_eq!(trim(&s), s.trim(), "{s:?}");
        }
    }
}
