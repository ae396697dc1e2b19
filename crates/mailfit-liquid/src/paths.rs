//! Variable paths the crate's grammar cannot read, rewritten before parsing into paths it can:
//! - whitespace inside a path (`foo .bar`, `foo. bar`, `foo ['bar']`) is dropped;
//! - a path that starts with a bracket (`['bar baz']`, `[name]`), ends in `?` (`bar?`), or
//!   begins with a literal's letters (`emptythings`, `nilsson`, `true_price`, which the grammar
//!   reads as `empty` + garbage) is read through [`ROOT`], a name every scope resolves by
//!   looking the rest of the path up itself ([`super::scope`]).
//!
//! Only value positions are touched: outputs, conditions, `when`, the collection of `for` and
//! `tablerow`, and the value of `assign`; names being defined, filter names and keyword names
//! stay as written.

use std::borrow::Cow;

use super::tokens::{Token, spliced};

/// The hidden root every scope resolves as "look up the rest of this path".
pub const ROOT: &str = "__mailfit_root";

const LITERALS: [&str; 6] = ["empty", "blank", "nil", "null", "true", "false"];
const KEYWORDS: [&str; 9] = [
    "and", "or", "contains", "in", "with", "for", "as", "by", "reversed",
];

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// Does this expression need rewriting? (Most do not: return them borrowed.) One pass over
/// the bytes: a `[` or `?`, a `.` next to whitespace, or a literal's letters anywhere.
fn needs(expr: &str) -> bool {
    let bytes = expr.as_bytes();
    let space_at = |i: Option<usize>| {
        i.and_then(|i| bytes.get(i))
            .is_some_and(u8::is_ascii_whitespace)
    };
    bytes.iter().enumerate().any(|(i, b)| match b {
        b'[' | b'?' => true,
        b'.' => space_at(i.checked_sub(1)) || space_at(Some(i + 1)),
        // Not inside a word (`get`, `items`, `first`): a letter or `_` before it means one.
        b'e' | b'b' | b'n' | b't' | b'f'
            if i == 0
                || bytes
                    .get(i - 1)
                    .is_none_or(|p| !(p.is_ascii_alphabetic() || *p == b'_')) =>
        {
            let rest = bytes.get(i..).unwrap_or_default();
            LITERALS.iter().any(|l| {
                l.as_bytes().first() == Some(b)
                    && rest.starts_with(l.as_bytes())
                    // The literal alone (`if true`, `== empty`) reads as it is; only more of a
                    // name after it (`true_price`, `nil.size`) needs the root.
                    && !rest.get(l.len()).is_none_or(|next| {
                        next.is_ascii_whitespace()
                            || matches!(next, b')' | b',' | b'|' | b'=' | b'<' | b'>' | b'!' | b':')
                    })
            })
        }
        _ => false,
    })
}

/// Rewrites one expression (the inside of an output, or a tag's value part).
pub fn rewrite_expression(expr: &str) -> Cow<'_, str> {
    if !needs(expr) {
        return Cow::Borrowed(expr);
    }
    let chars: Vec<char> = expr.chars().collect();
    let mut out = String::with_capacity(expr.len() + 16);
    // The last significant thing written: a path end (word, `]`, `?`), or other.
    let mut after_path = false;
    let mut last_word = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '\'' || c == '"' {
            let end = chars
                .iter()
                .skip(i + 1)
                .position(|&d| d == c)
                .map_or(chars.len(), |p| i + 2 + p);
            out.extend(chars.get(i..end).unwrap_or(&[]));
            i = end;
            after_path = false;
            continue;
        }
        if c.is_whitespace() {
            let next = chars
                .iter()
                .skip(i)
                .position(|d| !d.is_whitespace())
                .map(|p| i + p);
            let next_char = next.and_then(|n| chars.get(n)).copied();
            let continues_path = after_path
                && !KEYWORDS.contains(&last_word.as_str())
                && match next_char {
                    Some('[') => true,
                    Some('.') => next
                        .and_then(|n| chars.get(n + 1))
                        .is_some_and(|d| is_word(*d) || d.is_whitespace()),
                    _ => false,
                };
            if !continues_path {
                out.extend(chars.get(i..next.unwrap_or(chars.len())).unwrap_or(&[]));
            }
            i = next.unwrap_or(chars.len());
            continue;
        }
        if c == '.' && after_path && chars.get(i + 1) != Some(&'.') {
            out.push('.');
            i += 1;
            while chars.get(i).is_some_and(|d| d.is_whitespace()) {
                i += 1;
            }
            after_path = false;
            last_word = ".".into();
            continue;
        }
        // `foo.[x]` stays as written: it is an error, as in Ruby.
        let continues = after_path && !KEYWORDS.contains(&last_word.as_str());
        if c == '[' && last_word != "." && !continues {
            out.push_str(ROOT);
            out.push('[');
            after_path = false;
            last_word.clear();
            i += 1;
            continue;
        }
        if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while chars.get(i).is_some_and(|d| is_word(*d)) {
                i += 1;
            }
            let mut word: String = chars.get(start..i).unwrap_or(&[]).iter().collect();
            let question = chars.get(i) == Some(&'?');
            if question {
                i += 1;
            }
            let segment = last_word == ".";
            let next = chars.iter().skip(i).find(|d| !d.is_whitespace());
            let filter_or_keyword = out.trim_end().ends_with('|') || next == Some(&':');
            if segment || filter_or_keyword || KEYWORDS.contains(&word.as_str()) {
                out.push_str(&word);
                if question {
                    out.push('?');
                }
            } else if question {
                word.push('?');
                out.push_str(&format!("{ROOT}[{word:?}]"));
            } else if LITERALS
                .iter()
                .any(|l| word.len() > l.len() && word.starts_with(l))
            {
                out.push_str(&format!("{ROOT}.{word}"));
            } else {
                out.push_str(&word);
            }
            after_path = !KEYWORDS.contains(&word.as_str());
            last_word = word;
            continue;
        }
        out.push(c);
        after_path = c == ']';
        last_word.clear();
        i += 1;
    }
    if out == expr {
        Cow::Borrowed(expr)
    } else {
        Cow::Owned(out)
    }
}

/// The part of a tag's body holding values, as (prefix kept as is, value part).
fn value_part<'s>(name: &str, body: &'s str) -> Option<(&'s str, &'s str)> {
    match name {
        "if" | "elsif" | "unless" | "case" | "when" => Some(("", body)),
        "for" | "tablerow" => body.find(" in ").map(|at| body.split_at(at + 4)),
        "assign" => body.find('=').map(|at| body.split_at(at + 1)),
        _ => None,
    }
}

/// What a loop variable ending in `?` is named for the crate's grammar (which has no `?` in
/// names); the loop gives the variable its `?` back ([`loop_variable_name`]).
pub const QUESTION: &str = "__mailfit_q";

/// `for x? in` -> `for x__mailfit_q in` (Ruby reads `x?` as a name there, and `{{ x? }}` in the
/// body looks it up by that name).
fn loop_variable<'s>(tag: &str, kept: &'s str) -> Cow<'s, str> {
    if !matches!(tag, "for" | "tablerow") {
        return Cow::Borrowed(kept);
    }
    let start = kept.len() - kept.trim_start().len();
    let rest = kept.get(start..).unwrap_or("");
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    match rest.get(..end).and_then(|var| var.strip_suffix('?')) {
        Some(stem) if !stem.is_empty() && stem.chars().all(is_word) => Cow::Owned(format!(
            "{}{stem}{QUESTION}{}",
            kept.get(..start).unwrap_or(""),
            rest.get(end..).unwrap_or("")
        )),
        _ => Cow::Borrowed(kept),
    }
}

/// A loop variable's name as the template wrote it (see [`QUESTION`]).
pub fn loop_variable_name(parsed: &str) -> Cow<'_, str> {
    match parsed.strip_suffix(QUESTION) {
        Some(stem) => Cow::Owned(format!("{stem}?")),
        None => Cow::Borrowed(parsed),
    }
}

/// Rewrites the paths of every output and of the value part of known tags, over the source's
/// tokens (read once for all the rewrites).
pub fn rewrite_tokens<'s>(source: &'s str, tokens: &[Token<'_>]) -> Cow<'s, str> {
    // Each token's expression is checked by `rewrite_expression` (a check of the whole source
    // first read every byte of its text too, and text nearly always has a literal's letters).
    let edits = tokens.iter().filter_map(|token| {
        let rewritten = if token.output {
            rewrite_expression(token.inner)
        } else {
            let name = token.name();
            // The tag's own name and anything before its values stay as written.
            let head = token.inner.len() - token.body().len() + name.len();
            let after_name = token.inner.get(head..).unwrap_or("");
            let (kept, values) = value_part(name, after_name)?;
            match (loop_variable(name, kept), rewrite_expression(values)) {
                (Cow::Borrowed(_), Cow::Borrowed(_)) => return None,
                (kept, values) => Cow::Owned(format!(
                    "{}{kept}{values}",
                    token.inner.get(..head).unwrap_or("")
                )),
            }
        };
        let Cow::Owned(rewritten) = rewritten else {
            return None;
        };
        let (open, close) = if token.output {
            ("{{", "}}")
        } else {
            ("{%", "%}")
        };
        Some((token.start, token.end, format!("{open}{rewritten}{close}")))
    });
    spliced(source, edits)
}

#[cfg(test)]
mod tests {
    use super::rewrite_expression as rw;

    #[test]
    fn a_loop_variable_ending_in_a_question_mark_gets_a_name_the_grammar_reads() {
        use super::{loop_variable, loop_variable_name};
        assert_eq!(loop_variable("for", " x? in "), " x__mailfit_q in ");
        assert_eq!(
            loop_variable("tablerow", "  in_stock? in "),
            "  in_stock__mailfit_q in "
        );
        for (tag, kept) in [
            ("for", " x in "),
            ("for", " ? in "),
            ("if", " x? in "),
            ("for", " a.b? in "),
        ] {
            assert_eq!(loop_variable(tag, kept), kept, "{tag} {kept}");
        }
        assert_eq!(loop_variable_name("x__mailfit_q"), "x?");
        assert_eq!(loop_variable_name("x"), "x");
    }

    #[test]
    fn rewrites_only_what_the_grammar_cannot_read() {
        assert_eq!(rw(" foo \n\t.bar "), " foo.bar ");
        assert_eq!(rw(" foo. \n\tbar "), " foo.bar ");
        assert_eq!(
            rw(" ['foo'] \n\t['bar'] "),
            " __mailfit_root['foo']['bar'] "
        );
        assert_eq!(
            rw(" [list[settings.zero]] "),
            " __mailfit_root[list[settings.zero]] "
        );
        assert_eq!(rw(" bar? "), " __mailfit_root[\"bar?\"] ");
        assert_eq!(
            rw(" emptythings.array "),
            " __mailfit_root.emptythings.array "
        );
        assert_eq!(
            rw(" x | default: nil, allow_false: true "),
            " x | default: nil, allow_false: true "
        );
        assert_eq!(
            rw(" a contains 'x' and b == empty "),
            " a contains 'x' and b == empty "
        );
        assert_eq!(
            rw(" product.tags | join: ', ' "),
            " product.tags | join: ', ' "
        );
    }
}
