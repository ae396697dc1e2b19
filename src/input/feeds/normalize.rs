//! Value normalization shared by every format: prices in any spelling to Merchant Center text,
//! repeated values split outside quotes, the first of several category paths, and
//! `product_detail` entries in text syntax. Pure string functions, so the adapters and the
//! catalog (`input::values`) agree on what a value means.

use crate::input::catalog::ProductDetail;
use crate::input::values::Money;

/// The parts of a `product_detail` text value, in the order a header declares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DetailPart {
    Section,
    Attribute,
    Value,
}

/// Merchant Center's default `product_detail` order: `section:attribute:value`.
pub(super) const DETAIL_ORDER: [DetailPart; 3] = [
    DetailPart::Section,
    DetailPart::Attribute,
    DetailPart::Value,
];

pub(super) fn make_detail(
    section: Option<&str>,
    attribute: &str,
    value: &str,
) -> Result<ProductDetail, String> {
    let (attribute, value) = (attribute.trim(), value.trim());
    if attribute.is_empty() || value.is_empty() {
        return Err("product_detail needs an attribute name and a value".into());
    }
    Ok(ProductDetail {
        section_name: section
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from),
        attribute_name: attribute.to_string(),
        attribute_value: value.to_string(),
    })
}

/// One `product_detail` in Merchant Center's text syntax (`section:attribute:value`, or the
/// order a header declares). The last part keeps any further colons (`Display:Ratio:16:9`).
pub(super) fn detail_from_text(entry: &str, order: &[DetailPart]) -> Result<ProductDetail, String> {
    let parts: Vec<&str> = entry.splitn(order.len().max(1), ':').collect();
    let order: &[DetailPart] = if parts.len() == 2 && order == DETAIL_ORDER {
        &[DetailPart::Attribute, DetailPart::Value]
    } else {
        order
    };
    if parts.len() != order.len() {
        return Err(format!(
            "product_detail `{entry}` is not `section:attribute:value`"
        ));
    }
    let get = |part: DetailPart| {
        order
            .iter()
            .position(|&p| p == part)
            .and_then(|i| parts.get(i).copied())
    };
    make_detail(
        get(DetailPart::Section),
        get(DetailPart::Attribute).unwrap_or(""),
        get(DetailPart::Value).unwrap_or(""),
    )
    .map_err(|_| format!("product_detail `{entry}` is not `section:attribute:value`"))
}

/// Splits a repeated attribute's text value on commas outside double quotes
/// (`"a, b", c` is `a, b` and `c`), as Merchant Center's text feeds do.
pub(super) fn split_repeated(value: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                current.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => parts.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    parts.push(current);
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The first of several `product_type` paths. A text feed may list several separated by
/// commas; a comma inside one path (`Tops, Tees`) is kept when not every part is a path.
pub(super) fn first_category_path(value: &str, split: bool) -> String {
    if split {
        let parts = split_repeated(value);
        if parts.len() > 1 && parts.iter().all(|p| p.contains('>')) {
            if let Some(first) = parts.into_iter().next() {
                return first;
            }
        }
    }
    value.trim_matches('"').trim().to_string()
}

/// A price in any spelling feeds use, as Merchant Center text (`"1234.50 EUR"`):
/// `68.00 USD`, `USD 68.00`, `68,00 EUR`, `1.234,50 EUR`, `1,234.50`, `€68`, `68.00USD`.
pub(in crate::input) fn money(raw: &str, default_currency: Option<&str>) -> Result<Money, String> {
    let unreadable = || format!("unreadable price `{}`", raw.trim());
    let text = raw.trim();
    let (mut amount, mut code) = (String::new(), None::<String>);
    let mut letters = String::new();
    for c in text.chars() {
        match c {
            '0'..='9' | '.' | ',' | '-' | '+' => amount.push(c),
            ' ' | '\u{a0}' | '\u{202f}' | '\'' | '\t' => {}
            '€' => code = Some("EUR".into()),
            '£' => code = Some("GBP".into()),
            '$' | '¥' => {}
            c if c.is_ascii_alphabetic() => letters.push(c),
            _ => return Err(unreadable()),
        }
    }
    if !letters.is_empty() {
        if !is_currency_code(&letters) {
            return Err(unreadable());
        }
        code = Some(letters.to_ascii_uppercase());
    }
    let canonical = canonical_amount(&amount).ok_or_else(unreadable)?;
    let value: f64 = canonical.parse().map_err(|_| unreadable())?;
    if !value.is_finite() || value.abs() > 1e12 {
        return Err(unreadable());
    }
    amount = canonical;
    let code = code.or_else(|| default_currency.map(str::to_string));
    Ok(Money::Text(match code {
        Some(code) => format!("{amount} {code}"),
        None => amount,
    }))
}

/// `1.234,50` and `1,234.50` -> `1234.50`; `68,5` -> `68.5`; `1,234` -> `1234`.
fn canonical_amount(amount: &str) -> Option<String> {
    let (sign, digits) = match amount.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", amount.strip_prefix('+').unwrap_or(amount)),
    };
    if digits.is_empty() || digits.contains(['-', '+']) {
        return None;
    }
    let last_dot = digits.rfind('.');
    let last_comma = digits.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(_), None) => (digits.matches('.').count() == 1).then_some('.'),
        (None, Some(c)) => {
            let after = digits.len() - c - 1;
            (digits.matches(',').count() == 1 && after != 3).then_some(',')
        }
        (None, None) => None,
    };
    // Thousands groups (`1.234.567`) are three digits after the first one to three.
    let whole_part = match decimal {
        Some(d) => digits.rsplit_once(d).map_or(digits, |(w, _)| w),
        None => digits,
    };
    let groups: Vec<&str> = whole_part.split(['.', ',']).collect();
    if groups.len() > 1
        && groups.iter().enumerate().any(|(i, g)| {
            !g.chars().all(|c| c.is_ascii_digit())
                || if i == 0 {
                    g.is_empty() || g.len() > 3
                } else {
                    g.len() != 3
                }
        })
    {
        return None;
    }
    let mut out = String::from(sign);
    let mut seen_decimal = false;
    for c in digits.chars() {
        if Some(c) == decimal {
            if seen_decimal {
                return None;
            }
            seen_decimal = true;
            out.push('.');
        } else if c.is_ascii_digit() {
            out.push(c);
        }
    }
    let whole = out.trim_start_matches('-');
    (!whole.is_empty() && whole != ".").then_some(out)
}

pub(super) fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic())
}
