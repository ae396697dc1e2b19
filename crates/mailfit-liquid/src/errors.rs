//! Template errors as an author reads them: one line, the line and column in their own source,
//! and their own words. The crate's messages carry a multi-line parser diagram of the source
//! after our rewrites (hidden tags such as `_o` and `_range`, filters such as `_autoescape`) and
//! lists of every filter and tag; none of that reaches the author.

use super::paths::ROOT;

/// Names our rewrites add, as an author would read them instead.
const HIDDEN: [(&str, &str); 6] = [
    (
        "unexpected FilterChain; expected FilterChain",
        "an unknown filter, or a filter's arguments malformed",
    ),
    (" | _autoescape", ""),
    ("_autoescape", "escape"),
    ("{% _o ", "{{ "),
    ("_range", "range"),
    (ROOT, "variable"),
];

fn readable(text: &str) -> String {
    HIDDEN
        .iter()
        .fold(text.to_string(), |text, (hidden, shown)| {
            text.replace(hidden, shown)
        })
}

/// Where tags and outputs start in a line (byte offsets).
fn tag_starts(line: &str) -> Vec<usize> {
    line.as_bytes()
        .windows(2)
        .enumerate()
        .filter(|(_, w)| matches!(w, [b'{', b'{' | b'%']))
        .map(|(i, _)| i)
        .collect()
}

/// The author's (line, column) for a (line, column) of the rewritten source, both 1-based in
/// characters. Rewrites keep every line break (see `dialect::keep_lines`) and change text only
/// inside tags, so the line is the same; within a line, a position inside the n-th tag maps to
/// the same offset into the author's n-th tag when the two agree up to it, else to its start.
fn author_position(author: &str, rewritten: &str, line: usize, column: usize) -> (usize, usize) {
    let (Some(ours), Some(theirs)) = (
        rewritten.lines().nth(line.saturating_sub(1)),
        author.lines().nth(line.saturating_sub(1)),
    ) else {
        return (line, column);
    };
    let at = ours
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(ours.len(), |(i, _)| i);
    let Some(tag) = tag_starts(ours)
        .into_iter()
        .filter(|&s| s <= at)
        .count()
        .checked_sub(1)
    else {
        return (line, column);
    };
    let (ours_starts, theirs_starts) = (tag_starts(ours), tag_starts(theirs));
    let (Some(&our_start), Some(&their_start)) = (
        ours_starts.get(tag),
        theirs_starts.get(tag).or(theirs_starts.last()),
    ) else {
        return (line, column);
    };
    let offset = at - our_start;
    let same = ours.get(our_start..at) == theirs.get(their_start..their_start + offset);
    let byte = if same {
        their_start + offset
    } else {
        their_start
    };
    let column = theirs.get(..byte).map_or(byte, |t| t.chars().count()) + 1;
    (line, column)
}

/// Line and column of the first `| name` in the author's source.
fn filter_position(author: &str, name: &str) -> Option<(usize, usize)> {
    author.lines().enumerate().find_map(|(n, line)| {
        let mut from = 0;
        while let Some(pipe) = line.get(from..)?.find('|') {
            let after = line.get(from + pipe + 1..)?;
            let word = after.trim_start();
            let end = word
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(word.len());
            if word.get(..end) == Some(name) {
                let byte = from + pipe + 1 + (after.len() - word.len());
                return Some((n + 1, line.get(..byte)?.chars().count() + 1));
            }
            from += pipe + 1;
        }
        None
    })
}

/// The crate's parse error as one line in the author's terms, with their line and column.
pub fn parse_message(author: &str, rewritten: &str, error: &str) -> String {
    let mut position: Option<(usize, usize)> = None;
    let mut reasons: Vec<String> = Vec::new();
    let mut unknown_filter: Option<&str> = None;
    let mut unknown_tag: Option<&str> = None;
    for line in error.lines().map(str::trim) {
        if let Some((_, at)) = line.split_once("-->") {
            let mut parts = at.trim().split(':').map(|p| p.parse::<usize>().ok());
            if let (Some(Some(l)), Some(Some(c))) = (parts.next(), parts.next()) {
                position = Some((l, c));
            }
        } else if let Some(reason) = line.strip_prefix("= ") {
            reasons.push(reason.trim().to_string());
        } else if let Some(name) = line.strip_prefix("requested filter=") {
            unknown_filter = Some(name);
        } else if let Some(name) = line.strip_prefix("requested=") {
            unknown_tag = Some(name);
        }
    }
    let first = error
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches("liquid:")
        .split("-->")
        .next()
        .unwrap_or("")
        .trim();
    let what = if let Some(name) = unknown_filter {
        let what = format!("unknown filter `{name}`");
        if let Some((line, column)) = filter_position(author, name) {
            return format!("line {line}, column {column}: {what}");
        }
        what
    } else if let Some(name) = unknown_tag {
        match name.strip_prefix("end") {
            Some(opened) if !opened.is_empty() => {
                format!("`{name}` has no `{opened}` to close")
            }
            _ => format!("unknown tag `{name}`"),
        }
    } else if reasons.is_empty() {
        first.to_string()
    } else {
        reasons
            .iter()
            .map(|r| r.trim_end_matches('.'))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let what = readable(&what);
    let Some((line, column)) = position else {
        return what;
    };
    let ends = rewritten
        .lines()
        .nth(line.saturating_sub(1))
        .is_none_or(|l| column > l.chars().count())
        && line >= rewritten.lines().count();
    if ends {
        return format!("at the end of the template: {what}");
    }
    let (line, column) = author_position(author, rewritten, line, column);
    format!("line {line}, column {column}: {what}")
}

/// The crate's render error as one line: its message and the filter or value it names, without
/// the lists of everything available.
pub fn render_message(error: &str) -> String {
    let mut lines = error.lines().map(str::trim);
    let mut out = lines
        .next()
        .unwrap_or("")
        .trim_start_matches("liquid:")
        .trim()
        .to_string();
    let details: Vec<String> = lines
        .filter_map(|l| l.split_once('='))
        .filter(|(key, _)| !key.starts_with("available"))
        .map(|(key, value)| format!("{key} `{value}`"))
        .collect();
    if !details.is_empty() {
        out.push_str(&format!(" ({})", details.join(", ")));
    }
    readable(&out)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use crate::{Data, Dialect, RenderOptions, TemplateError};

    /// The error of a strict render (unknown filters are errors only then).
    fn error_of(source: &str) -> String {
        let data = Data::from_json(&serde_json::json!({}));
        let strict = RenderOptions {
            strict: true,
            ..RenderOptions::default()
        };
        match Dialect::shopify().render_template(source, &data, &BTreeMap::new(), &strict) {
            Err(TemplateError::Parse { message, .. } | TemplateError::Render { message, .. }) => {
                message
            }
            other => panic!("{source}: expected an error, got {other:?}"),
        }
    }

    #[test]
    fn errors_are_one_line_at_the_authors_line_and_column() {
        for (source, want) in [
            (
                "a\nb\n  {% if %}x{% endif %}",
                "line 3, column 8: Value expected",
            ),
            (
                "line1\n<p>{{ a | nope }}</p>",
                "line 2, column 11: unknown filter `nope`",
            ),
            (
                "{% comment %}\n\n{% endcomment %}\n{{ 'x' | truncate: }}",
                "line 4, column ",
            ),
            (
                "{% liquid\nassign x = 1\n%}\n{% for x! in y %}{% endfor %}",
                "line 4, column ",
            ),
            (
                "{% endif %}",
                "line 1, column 4: `endif` has no `if` to close",
            ),
            (
                "{% liquid\nassign x = 1\necho x | bogus\n%}",
                "line 3, column 10: unknown filter `bogus`",
            ),
            (
                "{% assign x = 1 | frob %}",
                "line 1, column 15: an unknown filter",
            ),
            ("{% if a %}", "at the end of the template: Unclosed block"),
            (
                "{{ 1 | divided_by: 0 }}",
                "divided_by: divided by 0 (filter `divided_by: 0`, input `1`)",
            ),
        ] {
            let message = error_of(source);
            assert!(message.starts_with(want), "{source:?}: {message}");
            assert!(!message.contains('\n'), "{source:?}: {message}");
            for hidden in ["_autoescape", "_o ", "_range", "__mailfit", "available"] {
                assert!(!message.contains(hidden), "{source:?}: {message}");
            }
        }
    }
}
