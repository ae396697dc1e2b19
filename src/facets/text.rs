//! Text as feeds carry it, made comparable: HTML stripped, lower-cased words, category paths
//! split on whatever separator the brand used.

/// Longest text read from one field; marketing copy past this adds nothing but cost.
const MAX_FIELD_BYTES: usize = 8 * 1024;

/// The text of an HTML fragment: tags dropped (block tags become spaces), common entities
/// decoded. Bounded to [`MAX_FIELD_BYTES`] of input.
pub fn strip_html(html: &str) -> String {
    let html = truncate(html, MAX_FIELD_BYTES);
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut chars = html.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '&' => {
                let rest = html.get(at..).unwrap_or("");
                let end = rest.find(';').filter(|&e| e <= 10);
                let decoded = end.and_then(|e| decode_entity(rest.get(1..e).unwrap_or("")));
                match (decoded, end) {
                    (Some(d), Some(e)) => {
                        out.push(d);
                        // Skip the entity's remaining characters.
                        while chars.peek().is_some_and(|(i, _)| *i <= at + e) {
                            chars.next();
                        }
                    }
                    _ => out.push('&'),
                }
            }
            _ => out.push(c),
        }
    }
    out
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        "ndash" | "mdash" => Some('-'),
        "rsquo" | "lsquo" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// At most `max` bytes of `text`, cut at a character boundary.
pub fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// Lower-cased words. Hyphens and apostrophes inside a word keep it whole (`co-ord`,
/// `t-shirt`, `buttery-soft`), and so does a slash between digits (`7/8`).
pub fn words(text: &str) -> Vec<String> {
    let text = truncate(text, MAX_FIELD_BYTES);
    let mut out = Vec::new();
    let mut word = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let joins = match c {
            '-' | '\'' | '’' => !word.is_empty() && next.is_some_and(char::is_alphanumeric),
            '/' => {
                prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
            }
            _ => c.is_alphanumeric(),
        };
        if joins {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Levels of a category path in any separator brands use: `Women > Bottoms > Leggings`,
/// `Women:Bottoms:Leggings`, `womens/leggings`, `Damen | Hosen`, `Femme » Bas`.
pub fn path_levels(path: &str) -> Vec<String> {
    truncate(path, MAX_FIELD_BYTES)
        .split(['>', ':', '/', '|', '›', '»', '\\', ';'])
        .map(|level| level.trim().to_lowercase())
        .filter(|level| !level.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_stripped_and_entities_decoded() {
        assert_eq!(
            strip_html("<p>Buttery&#8209;soft &amp; <b>light</b></p>")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["Buttery‑soft", "&", "light"]
        );
        assert_eq!(strip_html("a &bogus b"), "a &bogus b");
    }

    #[test]
    fn words_keep_hyphenated_compounds_and_fractions() {
        assert_eq!(
            words("The Co-ord Set, 7/8 length: buttery-soft T-Shirt!"),
            [
                "the",
                "co-ord",
                "set",
                "7/8",
                "length",
                "buttery-soft",
                "t-shirt"
            ]
        );
    }

    #[test]
    fn paths_split_on_every_separator() {
        assert_eq!(
            path_levels("Women:Bottoms:Leggings"),
            ["women", "bottoms", "leggings"]
        );
        assert_eq!(path_levels("womens/leggings"), ["womens", "leggings"]);
        assert_eq!(
            path_levels("Damen » Hosen › Tights"),
            ["damen", "hosen", "tights"]
        );
    }
}
