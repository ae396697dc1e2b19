//! Filter chains as Ruby Liquid's lax mode reads them: an unknown filter (`| upcasee`) hands
//! its input on unchanged and an empty one (`{{ x | }}`) is skipped, so a typo renders what
//! Shopify renders instead of failing the email. Strict templates (`strict: true`) keep them, and
//! the crate's parser reports an unknown filter at its line and column.

use std::borrow::Cow;

use super::tokens::{spliced, tokens};

/// The top-level `|` positions of a markup (outside quotes).
fn pipes(markup: &str) -> Vec<usize> {
    let mut quote: Option<char> = None;
    let mut at = Vec::new();
    for (i, c) in markup.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '|') => at.push(i),
            _ => {}
        }
    }
    at
}

/// The name a filter (the text after its `|`) starts with.
fn filter_name(filter: &str) -> Option<&str> {
    let name = filter.trim_start();
    name.get(
        ..name
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(name.len()),
    )
}

/// The markup without the filters `known` does not name (and without empty ones), or `None`
/// when every filter stays.
fn kept_filters(markup: &str, known: &dyn Fn(&str) -> bool) -> Option<String> {
    let cuts = pipes(markup);
    if cuts.is_empty() {
        return None;
    }
    let mut bounds = cuts.clone();
    bounds.push(markup.len());
    // Most markup keeps every filter: know that before building anything.
    let dropped = bounds.windows(2).try_fold(false, |dropped, pair| {
        let [from, to] = pair else {
            return Some(dropped);
        };
        let name = filter_name(markup.get(from + 1..*to)?)?;
        Some(dropped || name.is_empty() || !known(name))
    })?;
    if !dropped {
        return None;
    }
    let value = markup.get(..*cuts.first()?)?;
    let mut out = value.to_string();
    let mut dropped = false;
    for pair in bounds.windows(2) {
        let [from, to] = pair else { continue };
        let filter = markup.get(from + 1..*to)?;
        let name = filter_name(filter)?;
        if name.is_empty() || !known(name) {
            dropped = true;
        } else {
            out.push('|');
            out.push_str(filter);
        }
    }
    dropped.then_some(out)
}

/// Drops unknown and empty filters from outputs and `assign` values.
pub fn rewrite<'s>(source: &'s str, known: &dyn Fn(&str) -> bool) -> Cow<'s, str> {
    if !source.contains('|') {
        return Cow::Borrowed(source);
    }
    let edits = tokens(source).filter_map(|token| {
        if !(token.output || token.name() == "assign") {
            return None;
        }
        // Whitespace-control hyphens stay where they are.
        let inner = token.inner;
        let left = usize::from(inner.starts_with('-'));
        let right = usize::from(inner.len() > left && inner.ends_with('-'));
        let markup = inner.get(left..inner.len() - right)?;
        let kept = kept_filters(markup, known)?;
        let open = token.start + 2 + left;
        Some((open, open + markup.len(), kept))
    });
    spliced(source, edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_and_empty_filters_are_dropped_as_ruby_lax_mode_does() {
        let known = |name: &str| matches!(name, "upcase" | "append");
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
        ] {
            assert_eq!(rewrite(source, &known), want, "{source}");
        }
    }
}
