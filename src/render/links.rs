//! Link building: UTM parameters on every product and CTA link.

use crate::config::Utm;
use crate::input::is_http_url;

/// Percent-encodes a query value onto `out` (RFC 3986 unreserved characters pass through).
fn encode_into(out: &mut String, value: &str) {
    use std::fmt::Write;
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            // NOTE: writing to a String cannot fail.
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
}

/// Adds `utm_*` parameters to a link, keeping its query and fragment; existing `utm_*` win.
///
/// Links that are not http(s) (a `javascript:` URL in a feed, say) become `#`.
pub fn with_utm(link: &str, utm: &Utm, campaign_id: &str, content: &str) -> String {
    let link = link.trim();
    if !is_http_url(link) {
        return "#".into();
    }
    let (base, fragment) = match link.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (link, None),
    };
    let campaign = utm.campaign.as_deref().unwrap_or(campaign_id);
    // Links are built per product per recipient: one buffer, and the query searched only when
    // it might hold a `utm_` parameter already.
    let mut url = String::with_capacity(link.len() + 96);
    url.push_str(base);
    let mut separator = if base.contains('?') { '&' } else { '?' };
    let may_have_utm = base.contains("utm_");
    for (key, value) in [
        ("utm_source", utm.source.as_str()),
        ("utm_medium", utm.medium.as_str()),
        ("utm_campaign", campaign),
        ("utm_content", content),
    ] {
        let present = may_have_utm
            && base.match_indices(key).any(|(at, _)| {
                base.get(at + key.len()..)
                    .is_some_and(|rest| rest.starts_with('='))
            });
        if value.is_empty() || present {
            continue;
        }
        url.push(separator);
        separator = '&';
        url.push_str(key);
        url.push('=');
        encode_into(&mut url, value);
    }
    if let Some(fragment) = fragment {
        url.push('#');
        url.push_str(fragment);
    }
    url
}

/// A link that is safe in an `href`: http(s), mailto, or an ESP merge tag (`{{unsubscribe_url}}`,
/// `*|UNSUB|*`, `%%unsubscribe%%`, `[unsubscribe]`); anything else (`javascript:`, `data:`) becomes `#`.
pub fn safe_href(link: &str) -> String {
    let trimmed = link.trim();
    let lower = trimmed.to_ascii_lowercase();
    let merge_tag = (trimmed.starts_with("{{") && trimmed.ends_with("}}"))
        || (trimmed.starts_with("*|") && trimmed.ends_with("|*"))
        || (trimmed.starts_with("%%") && trimmed.ends_with("%%"))
        || (trimmed.starts_with('[') && trimmed.ends_with(']'));
    if is_http_url(trimmed) || lower.starts_with("mailto:") || merge_tag {
        trimmed.to_string()
    } else {
        "#".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_utm_and_keeps_query_and_fragment() {
        let utm = Utm::default();
        assert_eq!(
            with_utm(
                "https://shop.example/p/1?color=red#reviews",
                &utm,
                "spring sale",
                "hero"
            ),
            "https://shop.example/p/1?color=red&utm_source=newsletter&utm_medium=email&utm_campaign=spring%20sale&utm_content=hero#reviews"
        );
        assert_eq!(with_utm("javascript:alert(1)", &utm, "c", "hero"), "#");
        assert_eq!(safe_href(" JavaScript:alert(1)"), "#");
        assert_eq!(safe_href("{{unsubscribe_url}}"), "{{unsubscribe_url}}");
        assert_eq!(safe_href("*|UNSUB|*"), "*|UNSUB|*");
    }
}
