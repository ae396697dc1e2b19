//! Feed text: bytes decoded to a string (UTF-8, UTF-16 with a BOM, or Windows-1252), and byte
//! offsets turned into the line and column an error names. Kept apart from the adapters because
//! every format shares it and none depends on its details.

use crate::error::InputError;

/// Windows-1252's 0x80..0x9F (the rest of the byte range is Latin-1).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

pub(super) fn decode(bytes: &[u8]) -> Result<(String, Option<String>), InputError> {
    let utf16 = |rest: &[u8], little: bool| -> Result<String, InputError> {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|pair| match pair {
                [a, b] if little => u16::from_le_bytes([*a, *b]),
                [a, b] => u16::from_be_bytes([*a, *b]),
                _ => 0,
            })
            .collect();
        String::from_utf16(&units)
            .map_err(|_| InputError::invalid("feed", "the feed is not valid UTF-16"))
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok((utf16(rest, true)?, None));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok((utf16(rest, false)?, None));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), None)),
        Err(err) => {
            let text = bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9F => CP1252_HIGH
                        .get(usize::from(b - 0x80))
                        .copied()
                        .unwrap_or('\u{fffd}'),
                    _ => char::from(b),
                })
                .collect();
            let warning = format!(
                "the feed is not UTF-8 (byte {}): read as Windows-1252",
                err.valid_up_to()
            );
            Ok((text, Some(warning)))
        }
    }
}

/// Line and column (1-based, in characters) of a byte offset.
pub(super) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(..end).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
