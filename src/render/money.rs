//! Money formatting for copy and templates, by currency and locale, as CLDR writes it
//! (`1 234,50 €` in France, `CHF 1'234.50` in Switzerland, `₹1,23,456.00` in India).
//!
//! The patterns come from `templates/money.json`, read from the ICU that Node ships by
//! `scripts/money-table.mjs` (33 locales, 19 currencies, 1.7 KB gzipped); `tests/js` checks
//! every pair against `Intl.NumberFormat`. ICU4X in the module would cost about 28 KB gzipped
//! for number formatting alone.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// How one locale writes numbers and each currency.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct LocaleFormat {
    group: String,
    decimal: String,
    /// Digits in the last group, then in every group before it (Indian: 3, then 2).
    primary: usize,
    secondary: usize,
    /// A number of fewer integer digits than `primary + min_group` is not grouped (`1234` in
    /// Spanish).
    min_group: usize,
    /// Per currency: positive prefix, positive suffix, negative prefix, negative suffix.
    currencies: BTreeMap<String, [String; 4]>,
}

#[derive(Debug, Deserialize)]
struct Table {
    digits: BTreeMap<String, u32>,
    likely: BTreeMap<String, String>,
    locales: BTreeMap<String, LocaleFormat>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        serde_json::from_str(include_str!("../../templates/money.json")).unwrap_or(Table {
            digits: BTreeMap::new(),
            likely: BTreeMap::new(),
            locales: BTreeMap::new(),
        })
    })
}

/// The table's format for a locale tag, as [`best_locale`] matches it.
fn locale_format(locale: &str) -> Option<&'static LocaleFormat> {
    let table = table();
    best_locale(
        locale,
        |language| table.likely.get(language).map(String::as_str),
        |tag| table.locales.get(tag),
    )
}

/// What `find` has for a locale tag, trying in turn: the tag itself (`fr_ch` reads as `fr-CH`),
/// its language's likely locale by CLDR (`fr` and `fr-LU` -> `fr-FR`, `pt` -> `pt-BR`; `likely`
/// is written with each table), `en-US`.
pub(super) fn best_locale<'a, T>(
    locale: &str,
    likely: impl Fn(&str) -> Option<&'a str>,
    find: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let tag = locale.trim().replace('_', "-");
    let (language, region) = tag.split_once('-').unwrap_or((&tag, ""));
    let language = language.to_ascii_lowercase();
    find(&format!("{language}-{}", region.to_ascii_uppercase()))
        .or_else(|| likely(&language).and_then(&find))
        .or_else(|| find("en-US"))
}

/// Groups integer digits the locale's way.
fn grouped(digits: &str, format: &LocaleFormat) -> String {
    let primary = format.primary.max(1);
    if digits.len() < primary + format.min_group.max(1) {
        return digits.to_string();
    }
    let (head, last) = digits.split_at(digits.len() - primary);
    let secondary = format.secondary.max(1);
    let mut groups: Vec<&str> = Vec::new();
    let mut rest = head;
    while rest.len() > secondary {
        let (before, group) = rest.split_at(rest.len() - secondary);
        groups.push(group);
        rest = before;
    }
    groups.push(rest);
    groups.reverse();
    groups.push(last);
    groups.join(&format.group)
}

/// Formats minor units (hundredths): `format_money(6800, "USD", "en-US") == "$68.00"`.
pub fn format_money(minor: i64, currency: &str, locale: &str) -> String {
    let digits = table().digits.get(currency).copied().unwrap_or(2);
    let negative = minor < 0;
    let hundredths = minor.unsigned_abs();
    // Zero-decimal currencies still arrive in hundredths; halves round away from zero.
    let (whole, fraction) = if digits == 0 {
        ((hundredths + 50) / 100, None)
    } else {
        (hundredths / 100, Some(hundredths % 100))
    };
    let Some(format) = locale_format(locale) else {
        let sign = if negative { "-" } else { "" };
        return format!("{sign}{whole}.{:02} {currency}", fraction.unwrap_or(0));
    };
    let mut number = grouped(&whole.to_string(), format);
    if let Some(fraction) = fraction {
        number.push_str(&format.decimal);
        number.push_str(&format!("{fraction:02}"));
    }
    match format.currencies.get(currency) {
        Some([prefix, suffix, negative_prefix, negative_suffix]) => {
            if negative {
                format!("{negative_prefix}{number}{negative_suffix}")
            } else {
                format!("{prefix}{number}{suffix}")
            }
        }
        None => {
            let sign = if negative { "-" } else { "" };
            format!("{sign}{number}\u{a0}{currency}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::format_money;

    #[test]
    fn formats_by_currency_and_locale_as_cldr_does() {
        assert_eq!(format_money(6800, "USD", "en-US"), "$68.00");
        assert_eq!(
            format_money(12_345_678, "EUR", "de-DE"),
            "123.456,78\u{a0}€"
        );
        assert_eq!(
            format_money(12_345_678, "EUR", "fr-FR"),
            "123\u{202f}456,78\u{a0}€"
        );
        assert_eq!(format_money(123_450, "CHF", "de-CH"), "CHF\u{a0}1'234.50");
        assert_eq!(format_money(12_345_600, "INR", "en-IN"), "₹1,23,456.00");
        assert_eq!(format_money(123_450, "EUR", "es-ES"), "1234,50\u{a0}€");
        assert_eq!(format_money(4950, "GBP", "en_gb"), "£49.50");
        assert_eq!(format_money(150_000, "JPY", "ja-JP"), "￥1,500");
        assert_eq!(format_money(-150, "JPY", "en-US"), "-¥2");
        assert_eq!(format_money(999, "XYZ", "en"), "9.99\u{a0}XYZ");
        assert_eq!(format_money(999, "USD", "xx-YY"), "$9.99");
        // A bare language is its likely locale (`de-DE`, not the first `de-*` by name: `de-AT`).
        assert_eq!(format_money(123_450, "EUR", "de"), "1.234,50\u{a0}€");
        assert_eq!(format_money(123_450, "USD", "en"), "$1,234.50");
        assert_eq!(format_money(123_450, "EUR", "de-LU"), "1.234,50\u{a0}€");
    }
}
