//! Markup as Ruby Liquid's lax mode (its default) reads it, written back in the crate's grammar
//! before it parses it: outputs and `assign` values as `Liquid::Variable#lax_parse` reads them,
//! `cycle` and the tags with conditions or loop heads as their own regexes do:
//! - the filters are what Ruby's regexes find after the first `|` (`FilterParser`,
//!   `FilterArgsRegex`): `{{ x | round 2 }}` is `round` without arguments, `{{ x | join ', ' }}`
//!   `join` without arguments, a stray quote ends a filter, a trailing `:` is nothing;
//! - an unknown filter (`| upcasee`) hands its input on unchanged and an empty one (`| }}`) is
//!   nothing, so they are dropped;
//! - with a stray quote (one never closed), the value is Ruby's first fragment and what follows
//!   it up to a `|` is nothing (`{{ 3.5' }}`, `{{ vip' | remove: ' x' }}`); without one, words
//!   after the value stay, and stay errors, as in the strict dialect (`{{ foo bar }}`);
//! - an output without any value (`{{ }}`, `{{ 🎉 }}`) prints nothing;
//! - `cycle` splits its values at every comma, quoted or not, as Ruby's `variables_from_string`
//!   does (`{% cycle '', ', ' %}` has one value);
//! - a stray quote in a condition (`if`, `elsif`, `unless`, `case`, `when`), a loop's head or an
//!   `include` is dropped, as Ruby's regexes read around it.
//!
//! Strict templates (`strict: true`) are left alone, and the crate's parser reports an unknown
//! filter at its line and column.

use std::borrow::Cow;

use super::paths::ROOT;
#[cfg(test)]
use super::tokens::tokens;
use super::tokens::{Token, spliced};

/// Ruby's `\s`.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// Ruby's `\w` (ASCII).
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn skip_spaces(s: &[u8], mut at: usize) -> usize {
    while s.get(at).copied().is_some_and(is_space) {
        at += 1;
    }
    at
}

/// The end of Ruby's `QuotedString` (a quote to its closing one) at `at`.
fn quoted(s: &[u8], at: usize) -> Option<usize> {
    let quote = *s.get(at).filter(|q| matches!(q, b'\'' | b'"'))?;
    Some(at + 2 + s.get(at + 1..)?.iter().position(|&b| b == quote)?)
}

/// The end of Ruby's `QuotedFragment` at `at`: a quoted string, or a run of anything but
/// whitespace, `,`, `|` and lone quotes. Every end is at an ASCII byte or the end.
fn fragment(s: &[u8], at: usize) -> Option<usize> {
    if let Some(end) = quoted(s, at) {
        return Some(end);
    }
    let mut i = at;
    while let Some(&b) = s.get(i) {
        i = match b {
            b'\'' | b'"' => match quoted(s, i) {
                Some(end) => end,
                None => break,
            },
            b',' | b'|' => break,
            _ if is_space(b) => break,
            _ => i + 1,
        };
    }
    (i > at).then_some(i)
}

/// Can the crate's grammar read `name` as an identifier?
fn identifier(name: &str) -> bool {
    name.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && name.bytes().all(|b| is_word(b) || b == b'-')
}

/// Ruby's `strip` (Rust's `trim` also takes Unicode spaces, which markup hardly holds).
fn trim(m: &str) -> &str {
    m.trim()
}

/// Ruby's `Expression.parse` of a fragment, written to `out` in the crate's grammar.
fn expression(m: &str, depth: usize, out: &mut String) {
    let m = trim(m);
    let b = m.as_bytes();
    let unsigned = m.strip_prefix('-').unwrap_or(m).as_bytes();
    let int = unsigned.iter().take_while(|c| c.is_ascii_digit()).count();
    let quote = b.first().filter(|q| matches!(q, b'\'' | b'"'));
    if depth > 4 || m.is_empty() {
        out.push_str("nil");
    } else if let (Some(&q), true) = (quote, b.len() > 1 && b.last() == quote) {
        // Ruby's text is between the first and the last quote, which may hold the same quote.
        let text = m.get(1..m.len() - 1).unwrap_or("");
        let q = match (text.contains(char::from(q)), q) {
            (false, q) => q,
            (true, b'"') => b'\'',
            _ => b'"',
        };
        out.push(char::from(q));
        out.push_str(text);
        out.push(char::from(q));
    } else if int > 0 && int == unsigned.len() {
        out.push_str(m);
    } else if m.starts_with('(') && m.ends_with(')') && m.contains("..") {
        // A range (`RANGES_REGEX`): the range rewrite reads it.
        out.push_str(m);
    } else if int > 0
        && unsigned.len() > 1
        && unsigned.iter().all(|&c| c.is_ascii_digit() || c == b'.')
    {
        // `to_f`: the digits, and a fraction when one follows.
        let int = m.len() - unsigned.len() + int;
        let fraction = m
            .get(int + 1..)
            .unwrap_or("")
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        out.push_str(m.get(..int).unwrap_or("0"));
        out.push('.');
        match fraction {
            0 => out.push('0'),
            n => out.push_str(m.get(int + 1..int + 1 + n).unwrap_or("0")),
        }
    } else if matches!(m, "nil" | "null" | "true" | "false" | "blank" | "empty") {
        out.push_str(m);
    } else {
        lookup(m, depth, out);
    }
}

/// Ruby's `VariableLookup`: the path's `[..]` and word segments (`[\w-]+\??`), anything else
/// skipped; a segment the grammar cannot read is a quoted key (through [`ROOT`] when first).
fn lookup(m: &str, depth: usize, out: &mut String) {
    let b = m.as_bytes();
    let empty = out.len();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let first = out.len() == empty;
        let close = b
            .get(i + 1..)
            .and_then(|r| r.iter().position(|&e| e == b']'));
        let start = i;
        if let (b'[', Some(len @ 1..)) = (c, close) {
            i += len + 2;
        } else if is_word(c) || c == b'-' {
            while b.get(i).is_some_and(|&w| is_word(w) || w == b'-') {
                i += 1;
            }
            i += usize::from(b.get(i) == Some(&b'?'));
        } else {
            i += 1;
            continue;
        }
        let segment = m.get(start..i).unwrap_or("");
        let name = identifier(segment);
        if first && !name {
            out.push_str(ROOT);
        }
        if c == b'[' {
            out.push('[');
            expression(
                segment.get(1..segment.len() - 1).unwrap_or(""),
                depth + 1,
                out,
            );
            out.push(']');
        } else if name {
            if !first {
                out.push('.');
            }
            out.push_str(segment);
        } else {
            out.push_str("[\"");
            out.push_str(segment);
            out.push_str("\"]");
        }
    }
    if out.len() == empty {
        out.push_str("nil");
    }
}

/// `\w[\w-]*\s*:\s*` and a fragment at `at`: (end of the name, start of the value, end).
fn keyword(s: &[u8], at: usize) -> Option<(usize, usize, usize)> {
    let name = at
        + s.get(at..)?
            .iter()
            .take_while(|&&c| is_word(c) || c == b'-')
            .count();
    let colon = skip_spaces(s, name);
    if !s.get(at).copied().is_some_and(is_word) || s.get(colon) != Some(&b':') {
        return None;
    }
    let value = skip_spaces(s, colon + 1);
    Some((name, value, fragment(s, value)?))
}

/// One filter as Ruby reads a `FilterParser` piece: its name is the first word, its arguments
/// what `FilterArgsRegex` finds (a keyword one when `JustTagAttributes` matches).
fn filter(piece: &str, known: &dyn Fn(&str) -> bool, out: &mut String) {
    let b = piece.as_bytes();
    let Some(start) = b.iter().position(|&c| is_word(c)) else {
        return;
    };
    let end = start + b.iter().skip(start).take_while(|&&c| is_word(c)).count();
    let name = piece.get(start..end).unwrap_or("");
    if !known(name) {
        return;
    }
    out.push_str(" | ");
    out.push_str(name);
    let mut separator = ": ";
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        i += 1;
        if c != b':' && c != b',' {
            continue;
        }
        let at = skip_spaces(b, i);
        let Some(end) = keyword(b, at).map(|k| k.2).or_else(|| fragment(b, at)) else {
            continue;
        };
        let arg = piece.get(at..end).unwrap_or("");
        out.push_str(separator);
        separator = ", ";
        let value = match keyword(arg.as_bytes(), 0).filter(|k| k.2 == arg.len()) {
            Some((key, value, _)) => {
                out.push_str(arg.get(..key).unwrap_or(""));
                out.push_str(": ");
                value
            }
            None => 0,
        };
        expression(arg.get(value..).unwrap_or(""), 0, out);
        i = end;
    }
}

/// Where a quote opens that never closes (a typo), if one does.
fn stray(b: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(&c) = b.get(at) {
        at = match (c, quoted(b, at)) {
            (b'\'' | b'"', None) => return Some(at),
            (_, Some(end)) => end,
            _ => at + 1,
        };
    }
    None
}

/// `product.title`, `a_b.c-d`: one fragment with a word in it and no filters, which
/// [`lax_variable`] leaves as written (checked first: it is most outputs).
fn is_bare_path(markup: &str) -> bool {
    markup
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && markup
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

/// Ruby's lax reading of one output or `assign` value, or `None` to leave it as written.
fn lax_variable(markup: &str, known: &dyn Fn(&str) -> bool) -> Option<String> {
    let b = markup.as_bytes();
    // Ruby's tokenizer ends an output at its first `}`: that is a syntax error there.
    if markup.contains('}') {
        return None;
    }
    let mut out = String::new();
    let Some((start, end)) = (0..b.len()).find_map(|i| Some((i, fragment(b, i)?))) else {
        return Some("nil".into());
    };
    let value = markup.get(start..end)?;
    let rest = markup.get(end..)?;
    let (before, filters) = rest.split_once('|').unwrap_or((rest, ""));
    // A stray quote (one never closed) is a typo Ruby reads around: its value is the first
    // fragment and the rest up to a `|` is nothing. Otherwise the value stays as written, and
    // words after it (`{{ foo bar }}`, `{{ x * 3 }}`) stay errors, as in the strict dialect.
    if stray(b).is_some() {
        expression(value, 0, &mut out);
    } else if !trim(markup.get(..start)?).is_empty() || !trim(before).is_empty() {
        return None;
    } else if value
        .bytes()
        .any(|c| is_word(c) || matches!(c, b'[' | b'\'' | b'"'))
    {
        out.push_str(value);
    } else {
        out.push_str("nil");
    }
    let f = filters.as_bytes();
    let mut i = 0;
    while i < f.len() {
        // `FilterParser`: a run of whitespace, fragments and commas is one filter.
        let from = i;
        while let Some(&c) = f.get(i) {
            i = match c {
                b',' => i + 1,
                _ if is_space(c) => i + 1,
                _ => match fragment(f, i) {
                    Some(end) => end,
                    None => break,
                },
            };
        }
        match filters.get(from..i) {
            Some(piece) if i > from => filter(piece, known, &mut out),
            _ => i += 1,
        }
    }
    Some(out)
}

/// Ruby's `cycle` markup: a name before `:` (`NamedSyntax`, the longest fragment prefix
/// followed by one), then values split at every comma, quoted or not, each its piece's first
/// fragment (`{% cycle '', ', ' %}` has one value, `''`).
fn lax_cycle(markup: &str) -> Option<String> {
    let m = trim(markup);
    let b = m.as_bytes();
    let end = fragment(b, 0)?;
    let (mut at, mut name) = (0, None);
    while at < end {
        at = quoted(b, at).unwrap_or(at + 1);
        if m.get(at..).is_some_and(|r| trim(r).starts_with(':')) {
            name = Some(at);
        }
    }
    let mut out = String::new();
    let values = match name {
        Some(n) => {
            expression(m.get(..n)?, 0, &mut out);
            out.push(':');
            trim(m.get(n..)?).get(1..)?
        }
        None => m,
    };
    for piece in values.split(',') {
        let p = piece.as_bytes();
        if let Some((from, to)) = (0..p.len()).find_map(|i| Some((i, fragment(p, i)?))) {
            out.push_str(match out.bytes().last() {
                None => "",
                Some(b':') => " ",
                _ => ", ",
            });
            expression(piece.get(from..to)?, 0, &mut out);
        }
    }
    Some(out)
}

/// `text` without whitespace outside quotes.
fn squeezed(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut quote = None;
    text.chars().filter(move |&c| {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '\'' | '"') => quote = Some(c),
            (None, c) if c.is_whitespace() => return false,
            _ => {}
        }
        true
    })
}

/// Rewrites outputs and `assign` values the way Ruby's lax mode reads them.
#[cfg(test)]
pub fn rewrite<'s>(source: &'s str, known: &dyn Fn(&str) -> bool) -> Cow<'s, str> {
    rewrite_tokens(source, &tokens(source).collect::<Vec<_>>(), known)
}

/// [`rewrite`] over the source's tokens, read once for all the rewrites.
pub fn rewrite_tokens<'s>(
    source: &'s str,
    tokens: &[Token<'_>],
    known: &dyn Fn(&str) -> bool,
) -> Cow<'s, str> {
    let edits = tokens.iter().filter_map(|token| {
        let inner = token.inner;
        // Whitespace-control hyphens stay where they are.
        let left = usize::from(inner.starts_with('-'));
        let right = usize::from(inner.len() > left && inner.ends_with('-'));
        let mut markup = inner.get(left..inner.len() - right)?;
        let mut open = token.start + 2 + left;
        let name = token.name();
        let skip = match name {
            _ if token.output => 0,
            "assign" => markup.find('=')? + 1,
            "cycle" | "if" | "elsif" | "unless" | "case" | "when" | "for" | "tablerow"
            | "include" => markup.find(name)? + name.len(),
            _ => return None,
        };
        open += skip;
        markup = markup.get(skip..)?;
        let lax = match name {
            "cycle" => lax_cycle(markup)?,
            // Most outputs are a bare path, which Ruby reads as written.
            "assign" | "" if is_bare_path(trim(markup)) => return None,
            "assign" | "" => lax_variable(markup, known)?,
            // Ruby's regexes read around a stray quote in a condition, a loop's head or an
            // `include` (not a `render`, whose name must be a quoted string).
            _ => {
                stray(markup.as_bytes())?;
                let mut text = markup.to_string();
                while let Some(at) = stray(text.as_bytes()) {
                    text.remove(at);
                }
                trim(&text).to_string()
            }
        };
        if squeezed(&lax).eq(squeezed(markup)) {
            return None;
        }
        // Keep the line breaks, so errors point at the author's lines.
        let lines = "\n".repeat(markup.matches('\n').count());
        Some((open, open + markup.len(), [" ", &lax, " ", &lines].concat()))
    });
    spliced(source, edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_read_as_ruby_lax_mode_reads_them() {
        let known = |name: &str| matches!(name, "upcase" | "append" | "round" | "join" | "minus");
        for (source, want) in [
            ("{{ a | upcasee }}", "{{ a }}"),
            (
                "{{- a | upcase | nope: 1, 'x|y' | append: '|' -}}",
                "{{- a | upcase | append: '|' -}}",
            ),
            ("{{ a | }}", "{{ a }}"),
            (
                "{% assign x = a | nope %}{% if a | b %}",
                "{% assign x = a %}{% if a | b %}",
            ),
            ("{{ 'a|b' | upcase }}", "{{ 'a|b' | upcase }}"),
            ("{{ -1 | round 2 }}", "{{ -1 | round }}"),
            ("{{ x | join ', ' }}", "{{ x | join }}"),
            ("{{ 2.0 | minus: 2.5' }}", "{{ 2.0 | minus: 2.5 }}"),
            ("{{ 3.5' }}", "{{ 3.5 }}"),
            ("{{ x | append: a' }}", "{{ x | append: a }}"),
            (
                "{{ x | append: 1.5.2, k: v.0 }}",
                "{{ x | append: 1.5, k: v[\"0\"] }}",
            ),
            ("{{ }}", "{{ nil }}"),
            ("{{ foo bar }}", "{{ foo bar }}"),
            ("{{ x | upcase: }}", "{{ x | upcase }}"),
            ("{% cycle '', ', ' %}", "{% cycle '' %}"),
            ("{% cycle row': 'a', 'b' %}", "{% cycle row.a, 'b' %}"),
            ("{% cycle 'g': 'a', b %}", "{% cycle 'g': 'a', b %}"),
            ("{% cycle g:'a','b' %}", "{% cycle g:'a','b' %}"),
            ("{% if a == Sale' %}", "{% if a == Sale %}"),
        ] {
            assert_eq!(rewrite(source, &known), want, "{source}");
        }
    }
}
