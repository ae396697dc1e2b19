//! Calendar dates in the recipient's language, as CLDR writes them (`5. Dezember 2026`,
//! `samedi 5 décembre 2026`, `2026年12月5日`), for the `local_date` filter.
//!
//! Liquid's `date` stays Ruby's strftime with English names (Ruby Liquid is the oracle for it);
//! this is the localized one. The patterns and names are constants in `dates_table.rs`, read
//! from the ICU that Node ships by `scripts/date-table.mjs` (the money table's 33 locales, 6
//! styles); `tests/js` checks every locale and style against `Intl.DateTimeFormat`.

use std::fmt::Write;

use super::money::best_locale;

// Generated: `node scripts/date-table.mjs` writes it, rustfmt leaves it as written.
#[rustfmt::skip]
#[path = "dates_table.rs"]
mod table;

/// The styles a template may name, as in `{{ 'now' | local_date: "long" }}`.
pub use table::STYLES as DATE_STYLES;

/// A calendar date: year, month 1-12, day 1-31, weekday 0-6 from Monday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub weekday: u8,
}

/// `date` in `style` for `locale` (matched as `money` matches it). `None` for a style not in
/// [`DATE_STYLES`]. Years outside 1-9999 print as numbers, where ICU would name an era.
pub fn format_local_date(date: CalendarDate, style: &str, locale: &str) -> Option<String> {
    let style = DATE_STYLES.iter().position(|s| *s == style)?;
    let likely = |language: &str| {
        table::LIKELY
            .split('|')
            .find(|tag| tag.split('-').next() == Some(language))
    };
    let line = |tag: &str| {
        table::LOCALES
            .lines()
            .find(|line| line.split('|').next() == Some(tag))
    };
    let pattern = best_locale(locale, likely, line)?
        .split('|')
        .nth(style + 1)?;
    let name = |list: &str, index: u8| -> &str {
        list.parse::<usize>()
            .ok()
            .and_then(|list| table::NAMES.lines().nth(list))
            .and_then(|names| names.split('|').nth(usize::from(index)))
            .unwrap_or_default()
    };
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            out.push_str(&rest[open..]);
            return Some(out);
        };
        let field = &rest[open + 1..open + close];
        match field.split_once(':') {
            Some(("m", list)) => out.push_str(name(list, date.month.saturating_sub(1))),
            Some(("w", list)) => out.push_str(name(list, date.weekday)),
            _ => {
                // Writing to a String cannot fail.
                let _ = match field {
                    "d" => write!(out, "{}", date.day),
                    "dd" => write!(out, "{:02}", date.day),
                    "M" => write!(out, "{}", date.month),
                    "MM" => write!(out, "{:02}", date.month),
                    "y" => write!(out, "{}", date.year),
                    "yy" => write!(out, "{:02}", date.year.rem_euclid(100)),
                    _ => Ok(()),
                };
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{CalendarDate, DATE_STYLES, format_local_date};

    const SATURDAY_5_DECEMBER_2026: CalendarDate = CalendarDate {
        year: 2026,
        month: 12,
        day: 5,
        weekday: 5,
    };

    #[test]
    fn writes_dates_as_cldr_does() {
        let d = SATURDAY_5_DECEMBER_2026;
        let cases = [
            ("en-US", "full", "Saturday, December 5, 2026"),
            ("en-US", "short", "12/5/26"),
            ("de-DE", "long", "5. Dezember 2026"),
            ("de-DE", "medium", "05.12.2026"),
            ("fr-FR", "full", "samedi 5 décembre 2026"),
            ("pl-PL", "long", "5 grudnia 2026"),
            ("ja-JP", "full", "2026年12月5日土曜日"),
            ("en-GB", "month_day", "5 December"),
            ("en-US", "weekday_month_day", "Saturday, December 5"),
        ];
        for (locale, style, expected) in cases {
            assert_eq!(
                format_local_date(d, style, locale).as_deref(),
                Some(expected),
                "{locale} {style}"
            );
        }
    }

    #[test]
    fn bare_languages_and_unknown_tags_fall_back_and_unknown_styles_are_none() {
        let d = SATURDAY_5_DECEMBER_2026;
        assert_eq!(
            format_local_date(d, "short", "de"),
            format_local_date(d, "short", "de-DE")
        );
        assert_eq!(
            format_local_date(d, "long", "xx-YY"),
            format_local_date(d, "long", "en-US")
        );
        assert_eq!(format_local_date(d, "longest", "en-US"), None);
        for style in DATE_STYLES {
            assert!(format_local_date(d, style, "ko-KR").is_some(), "{style}");
        }
    }
}
