//! Shopify-dialect syntax the `liquid` crate lacks, rewritten to forms it has, before parsing:
//! - `{% comment %}` bodies are removed here (nesting-aware, `raw`-aware), so the crate's own
//!   comment parser, which panics on some bodies, only ever sees an empty comment;
//! - inline comments `{% # ... %}` (every line must start with `#`);
//! - `{% liquid %}` (one tag per line; `#` lines and `comment` ... `endcomment` are dropped);
//! - `{% echo expr %}` -> `{{ expr }}`;
//! - `{% doc %}` bodies are dropped unparsed;
//! - whitespace control (`{%-`, `-}}`) also trims tabs, vertical tabs and form feeds, which
//!   the crate's grammar leaves (Ruby strips them).
//!
//! Whitespace-control hyphens are kept on the rewritten tags. Line numbers in later errors refer
//! to the rewritten source when a rewrite happened.

use std::borrow::Cow;

/// A `{% ... %}` token: whitespace control and trimmed body.
struct Tag<'s> {
    /// The whole token, `{%` to `%}`.
    raw: &'s str,
    left: bool,
    right: bool,
    body: &'s str,
}

impl<'s> Tag<'s> {
    fn parse(raw: &'s str) -> Self {
        let inner = raw.get(2..raw.len().saturating_sub(2)).unwrap_or("");
        let left = inner.starts_with('-');
        let right = inner.ends_with('-') && inner.len() > usize::from(left);
        let start = usize::from(left);
        let end = inner.len() - usize::from(right);
        Tag {
            raw,
            left,
            right,
            body: super::tokens::trim(inner.get(start..end).unwrap_or("")),
        }
    }

    fn name(&self) -> &'s str {
        if self.body.starts_with('#') {
            return "#";
        }
        let end = super::tokens::ascii_prefix(
            self.body,
            |b| b.is_ascii_alphanumeric() || b == b'_',
            |c| c.is_alphanumeric() || c == '_',
        );
        self.body.get(..end).unwrap_or("")
    }

    fn rest(&self) -> &'s str {
        self.body.get(self.name().len()..).unwrap_or("").trim()
    }

    fn open(&self) -> &'static str {
        if self.left { "{%-" } else { "{%" }
    }

    fn close(&self) -> &'static str {
        if self.right { "-%}" } else { "%}" }
    }

    /// This tag as a clean `{% name %}` with its whitespace control and line count: what the
    /// crate's parser reads as the tag Ruby read in it (`{% endraw % %}`, say).
    fn written_as(&self, name: &str) -> String {
        keep_lines(
            self.raw,
            [self.open(), " ", name, " ", self.close()].concat(),
        )
    }
}

/// Splits `source` at its next `{% ... %}` token: (text before, token, text after).
fn next_tag(source: &str) -> Option<(&str, &str, &str)> {
    let start = super::tokens::next_tag_open(source)?;
    let end = super::tokens::next_tag_close(source.get(start + 2..)?)? + start + 4;
    Some((
        source.get(..start)?,
        source.get(start..end)?,
        source.get(end..)?,
    ))
}

/// Rewrites the dialect's extras; errors say what is malformed.
pub fn rewrite(source: &str) -> Result<Cow<'_, str>, String> {
    let rewritten = rewrite_tags(source)?;
    Ok(match trim_control_whitespace(&rewritten) {
        Cow::Borrowed(_) => rewritten,
        Cow::Owned(trimmed) => Cow::Owned(trimmed),
    })
}

/// Whitespace Ruby's `lstrip`/`rstrip` remove that the crate's grammar does not.
fn is_extra_space(c: char) -> bool {
    matches!(c, '\t' | '\u{0B}' | '\u{0C}')
}

/// Trims all whitespace next to hyphenated delimiters when it includes tabs and the like.
fn trim_control_whitespace(source: &str) -> Cow<'_, str> {
    // Byte by byte (the three are ASCII): decoding every character cost more.
    if !source.bytes().any(|b| is_extra_space(char::from(b))) {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while !rest.is_empty() {
        if rest.starts_with("{%-") || rest.starts_with("{{-") {
            let kept = out.trim_end_matches(|c: char| c.is_whitespace()).len();
            out.truncate(kept);
        }
        if rest.starts_with("-%}") || rest.starts_with("-}}") {
            out.push_str(rest.get(..3).unwrap_or(""));
            rest = rest
                .get(3..)
                .unwrap_or("")
                .trim_start_matches(|c: char| c.is_whitespace());
            continue;
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    Cow::Owned(out)
}

/// One pass over the tags, writing only around the ones it rewrites: a source with none (the
/// common case) comes back borrowed, and text between rewrites is copied unread.
fn rewrite_tags(source: &str) -> Result<Cow<'_, str>, String> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut rest = source;
    while let Some((text, token, after)) = next_tag(rest) {
        let at = source.len() - rest.len() + text.len();
        let tag = Tag::parse(token);
        rest = after;
        let replacement = match tag.name() {
            "raw" => {
                let (body, end, after) =
                    until_end(rest, "endraw").ok_or("`raw` is never closed")?;
                rest = after;
                let end = Tag::parse(end);
                // Ruby closes `raw` at `{% endraw % %}`, the crate's raw parser only at a clean
                // tag: such an end tag is written anew, the body never.
                (!end.rest().is_empty())
                    .then(|| format!("{token}{body}{}", end.written_as("endraw")))
            }
            "comment" => {
                let (end, after) = skip_comment(rest)?;
                let body = rest
                    .get(..rest.len() - end.len() - after.len())
                    .unwrap_or("");
                rest = after;
                // Both tags written anew: the crate's comment parser panics at the end of the
                // file when it does not read an end tag as its own (`{% endcomment % %}`).
                Some(format!(
                    "{}{}{}",
                    tag.written_as("comment"),
                    "\n".repeat(lines_in(body)),
                    Tag::parse(end).written_as("endcomment")
                ))
            }
            "#" => {
                inline_comment(&tag)?;
                let empty = format!("{} comment %}}{{% endcomment {}", tag.open(), tag.close());
                Some(keep_lines(token, empty))
            }
            "echo" => Some(keep_lines(token, echo(&tag, tag.rest()))),
            "doc" => {
                if !tag.rest().is_empty() {
                    return Err("`doc` takes no arguments".into());
                }
                let (end, after) = end_of_doc(rest).ok_or("`doc` is never closed")?;
                let whole = source_between(token, rest, after);
                rest = after;
                let empty = format!(
                    "{} comment %}}{{% endcomment {}",
                    tag.open(),
                    Tag::parse(end).close()
                );
                Some(keep_lines(&whole, empty))
            }
            "liquid" => Some(keep_lines(token, liquid_tag(&tag)?)),
            _ => None,
        };
        if let Some(replacement) = replacement {
            let out = out.get_or_insert_with(|| String::with_capacity(source.len() + 64));
            out.push_str(source.get(copied..at).unwrap_or(""));
            out.push_str(&replacement);
            copied = source.len() - rest.len();
        }
    }
    Ok(match out {
        Some(mut out) => {
            out.push_str(source.get(copied..).unwrap_or(""));
            Cow::Owned(out)
        }
        None => Cow::Borrowed(source),
    })
}

fn lines_in(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count()
}

/// A tag (or `doc` block) and the text up to `after`, for counting its lines.
fn source_between(token: &str, rest: &str, after: &str) -> String {
    format!(
        "{token}{}",
        rest.get(..rest.len() - after.len()).unwrap_or("")
    )
}

/// `replacement` with as many lines as `original`: the missing line breaks go just before its
/// closing `%}`/`}}` (inside the tag, where they render nothing), so the line numbers of parse
/// errors are the author's.
fn keep_lines(original: &str, mut replacement: String) -> String {
    let missing = lines_in(original).saturating_sub(lines_in(&replacement));
    if missing > 0 && replacement.len() >= 2 {
        let mut at = replacement.len() - 2;
        if replacement.as_bytes().get(at.wrapping_sub(1)) == Some(&b'-') {
            at -= 1;
        }
        replacement.insert_str(at, &"\n".repeat(missing));
    }
    replacement
}

/// `{% echo x %}` as an output with the same whitespace control.
fn echo(tag: &Tag, expr: &str) -> String {
    let expr = if expr.is_empty() { "''" } else { expr };
    format!(
        "{{{{{} {expr} {}}}}}",
        if tag.left { "-" } else { "" },
        if tag.right { "-" } else { "" }
    )
}

/// The `{% enddoc %}` closing a doc body, found as text: the body is never parsed, so an
/// unclosed `{{` or `{%` inside it is fine. Returns (end tag, text after).
fn end_of_doc(source: &str) -> Option<(&str, &str)> {
    let mut from = 0;
    while let Some(at) = source.get(from..)?.find("{%") {
        let start = from + at;
        let inner = source.get(start + 2..)?;
        let body = inner.strip_prefix('-').unwrap_or(inner).trim_start();
        if let Some(after_name) = body.strip_prefix("enddoc") {
            let tail = after_name.trim_start();
            let tail = tail.strip_prefix('-').unwrap_or(tail);
            if tail.starts_with("%}") {
                let end = source.len() - tail.len() + 2;
                return Some((source.get(start..end)?, source.get(end..)?));
            }
        }
        from = start + 2;
    }
    None
}

/// Finds the tag named `end` (e.g. `endraw`): (body before it, the end tag, text after).
/// A token is read from its last `{%`, as Ruby's raw reads it and the crate's scanner splits it:
/// `{%raw%}{%{%endraw%}` closes with the body `{%` (found by fuzz/: reading the token from its
/// first `{%` ran the raw body on past where the crate closed it).
fn until_end<'s>(source: &'s str, end: &str) -> Option<(&'s str, &'s str, &'s str)> {
    let mut offset = 0;
    let mut rest = source;
    while let Some((text, token, after)) = next_tag(rest) {
        let last_open = token.rfind("{%").unwrap_or(0);
        let tail = token.get(last_open..).unwrap_or(token);
        if Tag::parse(tail).name() == end {
            let body_end = offset + text.len() + last_open;
            return Some((source.get(..body_end)?, tail, after));
        }
        offset += text.len() + token.len();
        rest = after;
    }
    None
}

/// Skips a comment body (after `{% comment %}`): nested comments count, `raw` sections are
/// opaque, and every tag inside must at least have a name. Returns (end tag, text after).
fn skip_comment(source: &str) -> Result<(&str, &str), String> {
    let mut depth = 1usize;
    let mut rest = source;
    while let Some((_, token, after)) = next_tag(rest) {
        let tag = Tag::parse(token);
        rest = after;
        match tag.name() {
            "comment" => depth += 1,
            "endcomment" => {
                depth -= 1;
                if depth == 0 {
                    return Ok((token, after));
                }
            }
            "raw" => {
                let (_, _, after) =
                    until_end(rest, "endraw").ok_or("`raw` inside a comment is never closed")?;
                rest = after;
            }
            "" => {
                return Err(format!(
                    "malformed tag `{}` inside a comment",
                    tag.raw.chars().take(40).collect::<String>()
                ));
            }
            _ => {}
        }
    }
    Err("`comment` is never closed".into())
}

/// Inline comments may span lines only if every line starts with `#`.
fn inline_comment(tag: &Tag) -> Result<(), String> {
    if tag
        .body
        .lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#'))
    {
        Ok(())
    } else {
        Err("every line of an inline comment must start with `#`".into())
    }
}

/// `{% liquid ... %}`: one tag per line.
fn liquid_tag(tag: &Tag) -> Result<String, String> {
    let mut parts: Vec<String> = Vec::new();
    liquid_lines(tag.rest(), &mut parts, &mut Vec::new(), 0)?;
    // The outer tag's whitespace control applies to the first and last generated tags.
    let mut out = parts.concat();
    if out.is_empty() {
        return Ok(format!(
            "{} comment %}}{{% endcomment {}",
            tag.open(),
            tag.close()
        ));
    }
    if tag.left {
        out.insert(2, '-');
    }
    if tag.right {
        let at = out.len() - 2;
        out.insert(at, '-');
    }
    Ok(out)
}

/// Blocks a `liquid` tag must close itself (it may not close one opened outside it).
fn opens_block(name: &str) -> bool {
    matches!(
        name,
        "if" | "unless" | "case" | "for" | "tablerow" | "capture" | "ifchanged"
    )
}

/// The lines of a `liquid` tag as tags; a line `liquid ...` nests another one.
fn liquid_lines(
    body: &str,
    parts: &mut Vec<String>,
    open: &mut Vec<String>,
    depth: usize,
) -> Result<(), String> {
    if depth > super::guards::MAX_NESTING {
        return Err("`liquid` tags nest too deeply".into());
    }
    let mut comment_depth = 0usize;
    for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let name = Tag {
            raw: line,
            left: false,
            right: false,
            body: line,
        }
        .name()
        .to_string();
        if comment_depth > 0 {
            match name.as_str() {
                "comment" => comment_depth += 1,
                "endcomment" => comment_depth -= 1,
                _ => {}
            }
            continue;
        }
        match name.as_str() {
            "#" => {}
            "comment" => comment_depth = 1,
            "liquid" => liquid_lines(line.get(6..).unwrap_or(""), parts, open, depth + 1)?,
            "echo" => parts.push(
                format!("{{{{ {} }}}}", line.get(4..).unwrap_or("").trim())
                    .replace("{{  }}", "{{ '' }}"),
            ),
            _ => {
                if opens_block(&name) {
                    open.push(name.clone());
                } else if let Some(opened) = name.strip_prefix("end").filter(|n| opens_block(n)) {
                    if open.pop().as_deref() != Some(opened) {
                        return Err(format!(
                            "`{name}` inside `liquid` closes no block it opened"
                        ));
                    }
                }
                parts.push(["{% ", line, " %}"].concat());
            }
        }
    }
    if comment_depth > 0 {
        return Err("`comment` inside `liquid` is never closed".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn end_tags_with_stray_markup_are_written_anew() {
        // Found by fuzz/ (liquid_raw): the crate's comment parser did not read
        // `{% endcomment % %}` as its end and panicked at the end of the file.
        let data = crate::Data::object();
        let partials = std::collections::BTreeMap::new();
        for (source, want) in [
            ("{% comment %}c{% endcomment % %}x", "x"),
            ("{%- comment x -%} c {%- endcomment % -%} x", "x"),
            // Ruby closes `raw` there too (ruby-liquid renders each of these as shown).
            ("{% raw %}x{% endraw % %}y", "xy"),
            ("{% raw %}x{% endraw %%}y", "xy"),
            ("{% raw %}x{%endraw junk %}y", "xy"),
            ("{% raw %}x\n{% endraw\n%\n %}\n{{ 1 }}", "x\n\n1"),
            // Ruby closes `raw` at the `endraw` inside `{%{%endraw%}`, its body `{%`.
            ("{%raw%}{%{%endraw%}x", "{%x"),
            ("{%raw%}{%{%endraw%}{%comment%}c{%endcomment%}x", "{%x"),
            // ...and with stray markup after it (one pass now reads every tag from its last
            // `{%`; the scan that decided whether to rewrite at all read it from the first).
            ("{%raw%}a{%{%endraw junk %}b", "a{%b"),
        ] {
            let out = crate::render_template(source, &data, &partials);
            assert_eq!(out.ok().as_deref(), Some(want), "{source}");
        }
    }

    #[test]
    fn leaves_plain_templates_borrowed() {
        assert!(matches!(
            rewrite("Hi {{ name }} {% if a %}x{% endif %}"),
            Ok(std::borrow::Cow::Borrowed(_))
        ));
    }

    #[test]
    fn empties_comments_and_rewrites_echo_and_liquid() {
        assert_eq!(
            rewrite("a{% comment %}{% if ... %}{% endcomment %}b").unwrap(),
            "a{% comment %}{% endcomment %}b"
        );
        assert_eq!(
            rewrite("{%- # note -%}").unwrap(),
            "{%- comment %}{% endcomment -%}"
        );
        assert_eq!(
            rewrite("{%- echo x | upcase -%}").unwrap(),
            "{{- x | upcase -}}"
        );
        assert_eq!(
            rewrite("{% liquid\n assign a = 1\n # c\n echo a\n%}").unwrap(),
            // The tag's line breaks stay (inside the last tag) so errors keep the author's lines.
            "{% assign a = 1 %}{{ a \n\n\n\n}}"
        );
        assert_eq!(
            rewrite("{% comment %}\n{% if %}\n{% endcomment %}{%- # a\n # b -%}").unwrap(),
            "{% comment %}\n\n{% endcomment %}{%- comment %}{% endcomment \n-%}"
        );
        assert!(rewrite("{% comment %}{% comment %}{% endcomment %}").is_err());
        assert!(rewrite("{%-\n # one\n two\n-%}").is_err());
    }
}
