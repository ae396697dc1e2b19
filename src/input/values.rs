//! Scalar values that arrive in several spellings: timestamps and money.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A point in time as hosts send it: ISO 8601 text, or Unix seconds / milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Timestamp {
    /// Unix time; values above 10^11 are taken as milliseconds.
    Number(f64),
    /// ISO 8601 / RFC 3339 text; a date alone or a time without offset is read as UTC.
    Text(String),
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NumberOrText {
            number: Timestamp::Number,
            text: Timestamp::Text,
            expecting: "a timestamp (ISO 8601 text or Unix seconds)",
        })
    }
}

/// Reads a value that is either a number or text in one pass. Derived untagged enums buffer
/// every value and try each variant in turn, which was most of the cost of reading an event.
pub(crate) struct NumberOrText<T> {
    pub number: fn(f64) -> T,
    pub text: fn(String) -> T,
    pub expecting: &'static str,
}

impl<'de, T> serde::de::Visitor<'de> for NumberOrText<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<T, E> {
        Ok((self.number)(v))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<T, E> {
        Ok((self.number)(v as f64))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<T, E> {
        Ok((self.number)(v as f64))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        Ok((self.text)(v.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<T, E> {
        Ok((self.text)(v))
    }
}

/// Parses a timestamp into Unix seconds; `None` when it cannot be read.
pub fn parse_timestamp(value: &Timestamp) -> Option<i64> {
    match value {
        Timestamp::Number(n) if n.is_finite() => {
            let secs = if n.abs() > 1e11 { n / 1000.0 } else { *n };
            // NOTE: clamp to the range `time` can format (years -9999..9999).
            (secs.abs() < 2.5e11).then_some(secs as i64)
        }
        Timestamp::Number(_) => None,
        Timestamp::Text(text) => parse_iso(text.trim()),
    }
}

fn parse_iso(text: &str) -> Option<i64> {
    if let Ok(dt) = OffsetDateTime::parse(text, &Rfc3339) {
        return Some(dt.unix_timestamp());
    }
    // Lenient forms seen in CRM exports: "2026-10-01", "2026-10-01T10:00:00", "2026-10-01 10:00:00".
    let (date, time_part) = match text.split_once(['T', ' ']) {
        Some((d, t)) => (d, t),
        None => (text, "00:00:00"),
    };
    let with_zone = format!("{date}T{}Z", time_part.trim_end_matches('Z'));
    OffsetDateTime::parse(&with_zone, &Rfc3339)
        .ok()
        .map(|dt| dt.unix_timestamp())
}

/// Formats Unix seconds as RFC 3339 UTC (`2026-11-23T10:00:00Z`).
pub fn format_timestamp(unix_seconds: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix_seconds)
        .ok()
        .and_then(|dt| dt.format(&Rfc3339).ok())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string())
}

/// True for an absolute http(s) URL: the only links and images that may reach an email.
pub fn is_http_url(text: &str) -> bool {
    let lower = text
        .trim()
        .get(..8)
        .unwrap_or(text.trim())
        .to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The render time in Unix seconds: `now` when given (error at `$.now` if unreadable), else
/// the host's clock.
pub fn resolve_now(
    now: Option<&Timestamp>,
    host_now: i64,
) -> Result<i64, crate::error::InputError> {
    match now {
        None => Ok(host_now),
        Some(ts) => parse_timestamp(ts)
            .ok_or_else(|| crate::error::InputError::invalid("$.now", "unreadable timestamp")),
    }
}

/// A price as hosts send it: a number (`49.5`) or Merchant Center text (`"49.50 USD"`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Money {
    /// Major units (dollars, euros).
    Number(f64),
    /// `"49.50"` or `"49.50 USD"` (Merchant Center).
    Text(String),
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NumberOrText {
            number: Money::Number,
            text: Money::Text,
            expecting: "a price (a number or text such as \"49.50 USD\")",
        })
    }
}

impl Money {
    /// Amount in minor units (cents) and the currency code if the text carried one.
    pub fn to_minor(&self) -> Option<(i64, Option<String>)> {
        let (amount, currency) = match self {
            Money::Number(n) => (*n, None),
            Money::Text(text) => {
                // Every spelling feeds use (`68,00 EUR`, `1.234,50`, `USD 68`, `€68`) reads as
                // the Merchant Center form first: a decimal comma is never a thousands mark.
                let canonical = match super::feeds::money(text, None) {
                    Ok(Money::Text(t)) => t,
                    _ => return None,
                };
                let mut parts = canonical.split_whitespace();
                let amount = parts.next()?.parse::<f64>().ok()?;
                (amount, parts.next().map(|c| c.to_ascii_uppercase()))
            }
        };
        if !amount.is_finite() || amount.abs() > 1e12 {
            return None;
        }
        Some(((amount * 100.0).round() as i64, currency))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iso_and_unix_timestamps() {
        let iso = parse_timestamp(&Timestamp::Text("2026-10-01T12:00:00Z".into()));
        let offset = parse_timestamp(&Timestamp::Text("2026-10-01T14:00:00+02:00".into()));
        let date_only = parse_timestamp(&Timestamp::Text("2026-10-01".into()));
        let secs = parse_timestamp(&Timestamp::Number(1_790_856_000.0));
        let millis = parse_timestamp(&Timestamp::Number(1_790_856_000_000.0));
        assert_eq!(iso, Some(1_790_856_000));
        assert_eq!(offset, iso);
        assert_eq!(date_only, Some(1_790_856_000 - 12 * 3600));
        assert_eq!(secs, iso);
        assert_eq!(millis, iso);
        assert_eq!(parse_timestamp(&Timestamp::Text("yesterday".into())), None);
        assert_eq!(parse_timestamp(&Timestamp::Number(f64::NAN)), None);
        assert_eq!(format_timestamp(1_790_856_000), "2026-10-01T12:00:00Z");
    }

    #[test]
    fn reads_money_in_merchant_center_and_numeric_form() {
        assert_eq!(
            Money::Text("49.50 USD".into()).to_minor(),
            Some((4950, Some("USD".into())))
        );
        assert_eq!(Money::Number(12.999).to_minor(), Some((1300, None)));
        assert_eq!(
            Money::Text("68,00 EUR".into()).to_minor(),
            Some((6800, Some("EUR".into())))
        );
        assert_eq!(
            Money::Text("1.234,50 EUR".into()).to_minor(),
            Some((123_450, Some("EUR".into())))
        );
        assert_eq!(Money::Text("abc".into()).to_minor(), None);
        assert_eq!(Money::Number(f64::INFINITY).to_minor(), None);
    }
}
