//! Money formatting for copy and templates, by currency and locale.

/// Currency symbol and decimal digits; unknown codes print as `68.00 XYZ`.
fn currency_info(code: &str) -> (Option<&'static str>, u32) {
    match code {
        "USD" => (Some("$"), 2),
        "EUR" => (Some("€"), 2),
        "GBP" => (Some("£"), 2),
        "AUD" => (Some("A$"), 2),
        "CAD" => (Some("CA$"), 2),
        "NZD" => (Some("NZ$"), 2),
        "CHF" => (Some("CHF "), 2),
        "SEK" | "NOK" | "DKK" => (Some("kr "), 2),
        "JPY" => (Some("¥"), 0),
        "KRW" => (Some("₩"), 0),
        _ => (None, 2),
    }
}

/// Locales that write `1.234,56 €` rather than `€1,234.56`.
fn comma_decimal(locale: &str) -> bool {
    let lang = locale
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        lang.as_str(),
        "de" | "fr" | "es" | "it" | "nl" | "pt" | "da" | "sv" | "nb" | "fi" | "pl" | "cs" | "tr"
    )
}

/// Formats minor units: `format_money(6800, "USD", "en-US") == "$68.00"`.
pub fn format_money(minor: i64, currency: &str, locale: &str) -> String {
    let (symbol, digits) = currency_info(currency);
    // NOTE: zero-decimal currencies still arrive in hundredths from `Money::to_minor`.
    let (whole, frac) = if digits == 0 {
        ((minor + 50) / 100, 0)
    } else {
        (minor / 100, (minor % 100).abs())
    };
    let negative = minor < 0;
    let comma = comma_decimal(locale);
    let (group_sep, dec_sep) = if comma { ('.', ',') } else { (',', '.') };
    let digits_text = whole.abs().to_string();
    let mut grouped = String::new();
    for (i, ch) in digits_text.chars().enumerate() {
        if i > 0 && (digits_text.len() - i) % 3 == 0 {
            grouped.push(group_sep);
        }
        grouped.push(ch);
    }
    let number = if digits == 0 {
        grouped
    } else {
        format!("{grouped}{dec_sep}{frac:02}")
    };
    let sign = if negative { "-" } else { "" };
    match symbol {
        Some(sym) if comma => format!("{sign}{number} {}", sym.trim()),
        Some(sym) => format!("{sign}{sym}{number}"),
        None => format!("{sign}{number} {currency}"),
    }
}

#[cfg(test)]
mod tests {
    use super::format_money;

    #[test]
    fn formats_by_currency_and_locale() {
        assert_eq!(format_money(6800, "USD", "en-US"), "$68.00");
        assert_eq!(format_money(12_345_678, "EUR", "de-DE"), "123.456,78 €");
        assert_eq!(format_money(4950, "GBP", "en-GB"), "£49.50");
        assert_eq!(format_money(150_000, "JPY", "ja-JP"), "¥1,500");
        assert_eq!(format_money(999, "XYZ", "en"), "9.99 XYZ");
    }
}
