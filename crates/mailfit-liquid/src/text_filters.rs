//! The text filters of [`super::lax_filters`] (`size`, `capitalize`, `split`, `slice`,
//! `truncate`, `truncatewords`, `newline_to_br`, `url_encode`, `replace`), each as Ruby Liquid 5
//! reads its input: anything printed as text, nil as empty, lengths in characters.

use liquid_core::{Error, Result, Value, ValueView};

use super::lax_filters::Args;
use super::ruby::to_s;

/// Ruby's `String#split`: `" "` splits on runs of whitespace, `""` into characters, and
/// trailing empty fields are dropped.
pub fn ruby_split(text: &str, pattern: &str) -> Vec<String> {
    let mut parts: Vec<String> = match pattern {
        " " => text.split_whitespace().map(str::to_string).collect(),
        "" => text.chars().map(String::from).collect(),
        _ => text.split(pattern).map(str::to_string).collect(),
    };
    while parts.last().is_some_and(String::is_empty) {
        parts.pop();
    }
    parts
}

pub(super) fn split(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    let pattern = args.get(0).map(to_s).unwrap_or_default();
    Ok(Value::Array(
        ruby_split(&to_s(input), &pattern)
            .into_iter()
            .map(Value::scalar)
            .collect(),
    ))
}

/// Ruby's `Utils.to_integer`: integers and integer strings; nil, floats and other text are
/// errors.
pub(super) fn integer(value: Option<&dyn ValueView>) -> Result<i64> {
    value
        .filter(|v| v.type_name() != "fractional number")
        .and_then(|v| v.as_scalar())
        .and_then(|s| s.to_integer())
        .ok_or_else(|| {
            Error::with_msg(format!(
                "invalid integer `{}`",
                value.map(to_s).unwrap_or_default()
            ))
        })
}

/// Ruby's `slice(offset, length)` on characters or items; out of range is empty.
pub(super) fn slice(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    let offset = integer(args.raw(0))?;
    let length = match args.get(1) {
        Some(v) => integer(Some(v))?,
        None => 1,
    };
    let window = |len: usize| -> Option<(usize, usize)> {
        let len = i64::try_from(len).ok()?;
        let start = if offset < 0 { len + offset } else { offset };
        if start < 0 || start > len || length < 0 {
            return None;
        }
        let end = start.saturating_add(length).min(len);
        Some((usize::try_from(start).ok()?, usize::try_from(end).ok()?))
    };
    // A range slices as its text, as Ruby's `slice` only slices an `Array`.
    if let Some(items) = input.as_array().filter(|_| input.type_name() != "range") {
        let len = usize::try_from(items.size()).unwrap_or(0);
        return Ok(Value::Array(match window(len) {
            Some((s, e)) => items
                .values()
                .skip(s)
                .take(e - s)
                .map(|v| v.to_value())
                .collect(),
            None => Vec::new(),
        }));
    }
    // Characters, not bytes; found by offset rather than copied out one by one.
    let text = to_s(input);
    let ascii = text.is_ascii();
    let byte_at = |n: usize| match ascii {
        true => n.min(text.len()),
        false => text.char_indices().nth(n).map_or(text.len(), |(i, _)| i),
    };
    let chars = if ascii {
        text.len()
    } else {
        text.chars().count()
    };
    Ok(Value::scalar(match window(chars) {
        Some((s, e)) => text.get(byte_at(s)..byte_at(e)).unwrap_or("").to_string(),
        None => String::new(),
    }))
}

/// Ruby's `input.respond_to?(:size) ? input.size : 0`: characters of a string, items of an
/// array or hash, 8 for an integer (its size in bytes, as Ruby answers), 0 for anything else.
pub(super) fn size(input: &dyn ValueView, _: &Args<'_>) -> Result<Value> {
    let size = if let Some(items) = input.as_array() {
        items.size()
    } else if let Some(object) = input.as_object() {
        object.size()
    } else {
        match input.type_name() {
            "string" => to_s(input).chars().count() as i64,
            "whole number" => 8,
            _ => 0,
        }
    };
    Ok(Value::scalar(size))
}

/// Ruby's `String#capitalize`: the first character upper-case, the rest lower-case.
pub(super) fn capitalize(input: &dyn ValueView, _: &Args<'_>) -> Result<Value> {
    let text = to_s(input);
    if text.is_ascii() {
        // Most text: one copy, changed in place.
        let mut capitalized = text.to_ascii_lowercase();
        if let Some(first) = capitalized.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        return Ok(Value::scalar(capitalized));
    }
    let mut chars = text.chars();
    let capitalized = match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    };
    Ok(Value::scalar(capitalized))
}

/// Ruby's `truncate(length = 50, ellipsis = "...")`, counted in characters, the ellipsis
/// included in the length.
pub(super) fn truncate(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    if input.is_nil() {
        return Ok(Value::Nil);
    }
    let text = to_s(input);
    let length = match args.raw(0) {
        Some(v) => integer(Some(v))?,
        None => 50,
    };
    let ellipsis = args.text(1, "...");
    if text.chars().count() as i64 <= length {
        return Ok(Value::scalar(text.into_owned()));
    }
    let keep = usize::try_from(length.saturating_sub(ellipsis.chars().count() as i64)).unwrap_or(0);
    Ok(Value::scalar(format!(
        "{}{ellipsis}",
        text.chars().take(keep).collect::<String>()
    )))
}

pub(super) fn truncatewords(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    if input.is_nil() {
        return Ok(Value::Nil);
    }
    let text = to_s(input);
    let words = match args.raw(0) {
        Some(v) => integer(Some(v))?,
        None => 15,
    }
    .max(1);
    let ellipsis = args.text(1, "...");
    // Only the words kept are read, and whether anything follows them: a long text is not
    // split in full.
    let mut split = text.split_whitespace();
    let mut kept = String::new();
    let mut count = 0;
    for word in split
        .by_ref()
        .take(usize::try_from(words).unwrap_or(usize::MAX))
    {
        if count > 0 {
            kept.push(' ');
        }
        kept.push_str(word);
        count += 1;
    }
    let more = split.next().is_some();
    // Ruby's `split(" ", words + 1)` counts what follows the last word it keeps, whitespace
    // alone included (`"  padded  "` is truncated to one word).
    let full = count == words && text.ends_with(char::is_whitespace);
    if !more && !full {
        return Ok(Value::scalar(text.into_owned()));
    }
    kept.push_str(&ellipsis);
    Ok(Value::scalar(kept))
}

pub(super) fn newline_to_br(input: &dyn ValueView, _: &Args<'_>) -> Result<Value> {
    Ok(Value::scalar(
        to_s(input).replace("\r\n", "\n").replace('\n', "<br />\n"),
    ))
}

/// Ruby's `CGI.escape`: a space is `+`, unreserved characters stay.
pub(super) fn url_encode(input: &dyn ValueView, _: &Args<'_>) -> Result<Value> {
    if input.is_nil() {
        return Ok(Value::Nil);
    }
    let mut out = String::new();
    for byte in to_s(input).bytes() {
        match byte {
            b' ' => out.push('+'),
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => {
                out.push(char::from(byte));
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    Ok(Value::scalar(out))
}

pub(super) fn replace(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    let search = args.text(0, "");
    let replacement = args.text(1, "");
    Ok(Value::scalar(to_s(input).replace(&search, &replacement)))
}

/// liquid-lib's `strip_html` without its regexes (`(?is)<script.*?</script>`, `<style.*?</style>`,
/// `<!--.*?-->`, `<.*?>`, applied in that order): the same leftmost, shortest matches, ASCII
/// case-insensitively, on the text liquid-lib reads (`to_kstr`).
pub(super) fn strip_html(input: &dyn ValueView, _: &Args<'_>) -> Result<Value> {
    let mut text = input.to_kstr().into_string();
    for (open, close) in [
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<!--", "-->"),
        ("<", ">"),
    ] {
        text = remove_spans(&text, open, close);
    }
    Ok(Value::scalar(text))
}

/// `text` without each leftmost `open ... close` span (shortest), ASCII case-insensitively.
fn remove_spans(text: &str, open: &str, close: &str) -> String {
    let find = |hay: &str, from: usize, needle: &str| -> Option<usize> {
        let hay = hay.as_bytes().get(from..)?;
        hay.windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
            .map(|at| at + from)
    };
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(start) = find(text, at, open) {
        let Some(end) = find(text, start + open.len(), close) else {
            break;
        };
        out.push_str(text.get(at..start).unwrap_or_default());
        at = end + close.len();
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}
