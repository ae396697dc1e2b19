//! Outputs and `assign` values as Ruby Liquid's lax mode (its default) reads them
//! (`Liquid::Variable#lax_parse`), written back in the crate's grammar before it parses them:
//! - the filters are what Ruby's regexes find after the first `|` (`FilterParser`,
//!   `FilterArgsRegex`): `{{ x | round 2 }}` is `round` without arguments, `{{ x | join ', ' }}`
//!   `join` without arguments, a stray quote ends a filter, a trailing `:` is nothing;
//! - an unknown filter (`| upcasee`) hands its input on unchanged and an empty one (`| }}`) is
//!   nothing, so they are dropped;
//! - with a stray quote (one never closed), the value is Ruby's first fragment and what follows
//!   it up to a `|` is nothing (`{{ 3.5' }}`, `{{ vip' | remove: ' x' }}`); without one, words
//!   after the value stay, and stay errors, as in the strict dialect (`{{ foo bar }}`);
//! - an output without any value (`{{ }}`, `{{ 🎉 }}`) prints nothing.
//!
//! Strict templates (`strict: true`) are left alone, and the crate's parser reports an unknown
//! filter at its line and column.

use std::borrow::Cow;

use super::paths::ROOT;
use super::tokens::{spliced, tokens};

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

/// Ruby's `Expression.parse` of a fragment, in the crate's grammar.
fn expression(markup: &str, depth: usize) -> String {
    let m = markup.trim_matches(|c: char| c.is_ascii() && is_space(c as u8));
    let b = m.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    let unsigned = b.strip_prefix(b"-").unwrap_or(b);
    if depth > 4 || m.is_empty() {
        return "nil".into();
    }
    if let (Some(&q @ (b'\'' | b'"')), true) = (b.first(), b.len() > 1 && b.last() == b.first()) {
        // Ruby's text is between the first and the last quote, which may hold the same quote.
        let text = m.get(1..m.len() - 1).unwrap_or("");
        return match (text.contains(char::from(q)), q) {
            (false, _) => m.to_string(),
            (true, b'"') => format!("'{text}'"),
            (true, _) => format!("\"{text}\""),
        };
    }
    if !unsigned.is_empty() && digits(unsigned) {
        return m.to_string();
    }
    if let Some((from, to)) = range(m) {
        return format!(
            "({}..{})",
            expression(from, depth + 1),
            expression(to, depth + 1)
        );
    }
    if unsigned.first().is_some_and(u8::is_ascii_digit)
        && unsigned.len() > 1
        && unsigned.iter().all(|&c| c.is_ascii_digit() || c == b'.')
    {
        // `to_f`: the digits, and a fraction when one follows.
        let int =
            m.len() - unsigned.len() + unsigned.iter().take_while(|c| c.is_ascii_digit()).count();
        let rest = m.get(int + 1..).unwrap_or("");
        let fraction = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        return match fraction {
            0 => format!("{}.0", m.get(..int).unwrap_or("0")),
            n => m.get(..int + 1 + n).unwrap_or("0").to_string(),
        };
    }
    if matches!(m, "nil" | "null" | "true" | "false" | "blank" | "empty") {
        return m.to_string();
    }
    lookup(m, depth)
}

/// Ruby's `RANGES_REGEX`, `\A\(\s*(?>(\S+)\s*\.\.)\s*(\S+)\s*\)\z`: the two ends.
fn range(m: &str) -> Option<(&str, &str)> {
    let inner = m.strip_prefix('(')?.strip_suffix(')')?;
    let inner = inner.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8));
    let run = inner
        .find(|c: char| c.is_ascii() && is_space(c as u8))
        .unwrap_or(inner.len());
    // The atomic group keeps the longest start followed by `..`, and never another.
    let start = (1..=run).rev().find(|&at| {
        inner
            .get(at..)
            .is_some_and(|after| after.trim_start().starts_with(".."))
    })?;
    let to = inner.get(start..)?.trim_start().get(2..)?.trim();
    (!to.is_empty() && !to.contains(|c: char| c.is_ascii() && is_space(c as u8)))
        .then_some((inner.get(..start)?, to))
}

/// Ruby's `VariableLookup`: the path's `[..]` and word segments (`[\w-]+\??`), anything else
/// skipped; a segment the grammar cannot read is a quoted key (through [`ROOT`] when first).
fn lookup(m: &str, depth: usize) -> String {
    let b = m.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let first = out.is_empty();
        let close = b
            .get(i + 1..)
            .and_then(|r| r.iter().position(|&e| e == b']'));
        if let (b'[', Some(len @ 1..)) = (c, close) {
            let inner = m.get(i + 1..i + 1 + len).unwrap_or("");
            let key = expression(inner, depth + 1);
            out.push_str(&format!("{}[{key}]", if first { ROOT } else { "" }));
            i += len + 2;
        } else if is_word(c) || c == b'-' {
            let start = i;
            while b.get(i).is_some_and(|&w| is_word(w) || w == b'-') {
                i += 1;
            }
            i += usize::from(b.get(i) == Some(&b'?'));
            let segment = m.get(start..i).unwrap_or("");
            out.push_str(&match (identifier(segment), first) {
                (true, true) => segment.to_string(),
                (true, false) => format!(".{segment}"),
                (false, _) => format!("{}[\"{segment}\"]", if first { ROOT } else { "" }),
            });
        } else {
            i += 1;
        }
    }
    if out.is_empty() { "nil".into() } else { out }
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
    let mut args = Vec::new();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        i += 1;
        if c != b':' && c != b',' {
            continue;
        }
        let at = skip_spaces(b, i);
        let end = keyword(b, at)
            .map(|(.., end)| end)
            .or_else(|| fragment(b, at));
        if let Some(end) = end {
            let arg = piece.get(at..end).unwrap_or("");
            args.push(
                match keyword(arg.as_bytes(), 0).filter(|k| k.2 == arg.len()) {
                    Some((key, value, _)) => format!(
                        "{}: {}",
                        arg.get(..key).unwrap_or(""),
                        expression(arg.get(value..).unwrap_or(""), 0)
                    ),
                    None => expression(arg, 0),
                },
            );
            i = end;
        }
    }
    if !args.is_empty() {
        out.push_str(": ");
        out.push_str(&args.join(", "));
    }
}

/// `\w[\w-]*\s*:\s*` and a fragment at `at`: (end of the name, start of the value, end).
fn keyword(s: &[u8], at: usize) -> Option<(usize, usize, usize)> {
    let name = at
        + s.get(at..)?
            .iter()
            .take_while(|&&c| is_word(c) || c == b'-')
            .count();
    if !s.get(at).copied().is_some_and(is_word) || s.get(skip_spaces(s, name)) != Some(&b':') {
        return None;
    }
    let value = skip_spaces(s, skip_spaces(s, name) + 1);
    Some((name, value, fragment(s, value)?))
}

/// Ruby's lax reading of one output or `assign` value, or `None` to leave it as written.
fn lax_variable(markup: &str, known: &dyn Fn(&str) -> bool) -> Option<String> {
    let b = markup.as_bytes();
    // Ruby's tokenizer ends an output at its first `}`: that is a syntax error there.
    if markup.contains('}') {
        return None;
    }
    let Some((start, end)) = (0..b.len()).find_map(|i| Some((i, fragment(b, i)?))) else {
        return Some("nil".into());
    };
    let value = markup.get(start..end)?;
    let rest = markup.get(end..)?;
    let (before, filters) = rest.split_once('|').unwrap_or((rest, ""));
    // A stray quote (one never closed) is a typo Ruby reads around: its value is the first
    // fragment and the rest up to a `|` is nothing. Otherwise the value stays as written, and
    // words after it (`{{ foo bar }}`, `{{ x * 3 }}`) stay errors, as in the strict dialect.
    let mut at = 0;
    let stray = loop {
        match b.get(at) {
            None => break false,
            Some(b'\'' | b'"') => match quoted(b, at) {
                Some(end) => at = end,
                None => break true,
            },
            Some(_) => at += 1,
        }
    };
    let mut out = if stray {
        expression(value, 0)
    } else if !markup.get(..start)?.trim().is_empty() || !before.trim().is_empty() {
        return None;
    } else if value
        .bytes()
        .any(|c| is_word(c) || matches!(c, b'[' | b'\'' | b'"'))
    {
        value.to_string()
    } else {
        "nil".into()
    };
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

/// `text` without whitespace outside quotes, to tell a real change from respacing.
fn squeezed(text: &str) -> String {
    let mut quote = None;
    text.chars()
        .filter(|&c| {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (None, '\'' | '"') => quote = Some(c),
                (None, c) if c.is_whitespace() => return false,
                _ => {}
            }
            true
        })
        .collect()
}

/// Rewrites outputs and `assign` values the way Ruby's lax mode reads them.
pub fn rewrite<'s>(source: &'s str, known: &dyn Fn(&str) -> bool) -> Cow<'s, str> {
    let edits = tokens(source).filter_map(|token| {
        let inner = token.inner;
        // Whitespace-control hyphens stay where they are.
        let left = usize::from(inner.starts_with('-'));
        let right = usize::from(inner.len() > left && inner.ends_with('-'));
        let mut markup = inner.get(left..inner.len() - right)?;
        let mut open = token.start + 2 + left;
        if !token.output {
            if token.name() != "assign" {
                return None;
            }
            let eq = markup.find('=')? + 1;
            open += eq;
            markup = markup.get(eq..)?;
        }
        let mut lax = lax_variable(markup, known)?;
        if squeezed(&lax) == squeezed(markup) {
            return None;
        }
        // Keep the line breaks, so errors point at the author's lines.
        let lines = markup.matches('\n').count();
        lax = format!(" {lax} {}", "\n".repeat(lines));
        Some((open, open + markup.len(), lax))
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
        ] {
            assert_eq!(rewrite(source, &known), want, "{source}");
        }
    }
}
