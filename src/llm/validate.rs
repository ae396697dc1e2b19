//! Every answer is checked before use: the model's words are untrusted input. What passes is
//! plain text, and the render stage HTML-escapes it like any other value.

use std::sync::Arc;

use crate::config::Offer;

use super::LlmCopy;

/// What one recipient's answer must keep to.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// Shortlisted product ids.
    pub products: Vec<String>,
    /// Shortlisted angle ids.
    pub angles: Vec<String>,
    /// The offer the campaign granted.
    pub offer: Option<Offer>,
    /// Brand's banned words, lowercase.
    pub banned: Vec<String>,
    /// Every catalog product's id and lowercase title (shared, built once per catalog); those
    /// off the shortlist must not be named.
    pub catalog_titles: Arc<[(String, String)]>,
    /// Customer-controlled strings that must not come back, lowercase.
    pub customer_text: Vec<String>,
}

/// Parses the copy object: exactly the expected fields, all strings.
pub fn parse_copy(value: &serde_json::Value) -> Result<LlmCopy, String> {
    serde_json::from_value(value.clone()).map_err(|e| format!("not the copy object ({e})"))
}

fn length(field: &str, text: &str, min: usize, max: usize) -> Result<(), String> {
    let n = text.chars().count();
    if n < min || n > max {
        return Err(format!("{field} has {n} characters; {min}-{max} allowed"));
    }
    Ok(())
}

const DISCOUNT_WORDS: &[&str] = &[
    "% off",
    "percent off",
    "discount",
    "coupon",
    "promo",
    "code",
    "sale",
    "save ",
    "deal",
];
const SHIPPING_WORDS: &[&str] = &["free shipping", "free delivery", "ships free"];

impl Rules {
    /// Ok, or the first rule the copy breaks.
    pub fn check(&self, copy: &LlmCopy) -> Result<(), String> {
        if !self.products.contains(&copy.product) {
            return Err(format!(
                "product {:?} is not on the shortlist",
                copy.product
            ));
        }
        if !self.angles.contains(&copy.angle) {
            return Err(format!("angle {:?} is not on the shortlist", copy.angle));
        }
        length("subject", copy.subject.trim(), 1, 70)?;
        length("preheader", copy.preheader.trim(), 40, 130)?;
        length("headline", copy.headline.trim(), 1, 80)?;
        length("body", copy.body.trim(), 1, 600)?;
        length("cta", copy.cta.trim(), 2, 32)?;
        let fields = [
            ("subject", &copy.subject),
            ("preheader", &copy.preheader),
            ("headline", &copy.headline),
            ("body", &copy.body),
            ("cta", &copy.cta),
        ];
        for (field, text) in fields {
            self.check_text(field, text)?;
        }
        if copy.subject.contains(['\n', '\r']) {
            return Err("subject spans lines".into());
        }
        Ok(())
    }

    fn check_text(&self, field: &str, text: &str) -> Result<(), String> {
        let lower = text.to_lowercase();
        let fail = |what: &str| Err(format!("{field} contains {what}"));
        if text.chars().any(|c| c.is_control() && c != '\n') {
            return fail("control characters");
        }
        if text.contains(['<', '>']) {
            return fail("HTML");
        }
        if ["{{", "}}", "{%", "%}"].iter().any(|t| text.contains(t)) {
            return fail("template syntax");
        }
        if ["http", "www.", "://", ".com", "mailto:"]
            .iter()
            .any(|t| lower.contains(t))
        {
            return fail("a link");
        }
        if text.contains(['$', '€', '£', '¥', '₹']) || has_price(text) {
            return fail("a price");
        }
        let granted_percent = match &self.offer {
            Some(Offer::PercentOff { percent, .. }) => Some(*percent),
            _ => None,
        };
        if text.contains('%') && !granted_percent.is_some_and(|p| percents_are(text, p)) {
            return fail("a percentage the campaign did not grant");
        }
        if granted_percent.is_none() && DISCOUNT_WORDS.iter().any(|w| lower.contains(w)) {
            return fail("offer words the campaign did not grant");
        }
        if !matches!(self.offer, Some(Offer::FreeShipping { .. }))
            && SHIPPING_WORDS.iter().any(|w| lower.contains(w))
        {
            return fail("a shipping offer the campaign did not grant");
        }
        if let Some(word) = self.banned.iter().find(|w| lower.contains(w.as_str())) {
            return fail(&format!("the banned word {word:?}"));
        }
        if self.names_another_product(&lower) {
            return fail("a product outside the shortlist");
        }
        if self
            .customer_text
            .iter()
            .any(|t| lower.contains(t.as_str()))
        {
            return fail("the customer's own text");
        }
        Ok(())
    }
}

impl Rules {
    /// Does `lower` name a catalog product off the shortlist? A title inside a shortlisted
    /// product's title ("Flow Legging" in "Flow Legging II") does not count.
    fn names_another_product(&self, lower: &str) -> bool {
        let shortlisted = |title: &str| {
            self.catalog_titles
                .iter()
                .any(|(id, t)| self.products.contains(id) && t.contains(title))
        };
        self.catalog_titles.iter().any(|(id, title)| {
            !self.products.contains(id) && lower.contains(title.as_str()) && !shortlisted(title)
        })
    }
}

/// Digits with two decimals (`49.00`, `49,99`): a price the model must not state.
fn has_price(text: &str) -> bool {
    text.as_bytes().windows(4).any(|w| {
        matches!(w, [a, b'.' | b',', c, d] if a.is_ascii_digit() && c.is_ascii_digit() && d.is_ascii_digit())
    })
}

/// Every `N%` in `text` names exactly `percent`.
fn percents_are(text: &str, percent: u32) -> bool {
    text.match_indices('%').all(|(at, _)| {
        let digits: String = text
            .get(..at)
            .unwrap_or("")
            .trim_end()
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        digits.parse::<u32>().ok() == Some(percent)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy() -> LlmCopy {
        LlmCopy {
            product: "P1".into(),
            angle: "comfort".into(),
            subject: "Your studio favourite is back".into(),
            preheader: "Soft, four-way stretch leggings made for every flow you love.".into(),
            headline: "Made for the mat".into(),
            body: "Buttery-soft and ready when you are.".into(),
            cta: "Shop now".into(),
        }
    }

    fn rules() -> Rules {
        Rules {
            products: vec!["P1".into(), "P2".into()],
            angles: vec!["comfort".into()],
            offer: None,
            banned: vec!["cheap".into()],
            catalog_titles: Arc::from(vec![("P9".to_string(), "storm jacket".to_string())]),
            customer_text: vec!["sofia".into()],
        }
    }

    #[test]
    fn good_copy_passes_and_each_rule_can_fail() {
        assert_eq!(rules().check(&copy()), Ok(()));
        type Mutation = Box<dyn Fn(&mut LlmCopy)>;
        let cases: Vec<(&str, Mutation)> = vec![
            ("shortlist", Box::new(|c| c.product = "P9".into())),
            ("shortlist", Box::new(|c| c.angle = "luxury".into())),
            ("subject has", Box::new(|c| c.subject = "x".repeat(71))),
            (
                "preheader has",
                Box::new(|c| c.preheader = "Too short".into()),
            ),
            ("HTML", Box::new(|c| c.body = "<b>Soft</b>".into())),
            ("template", Box::new(|c| c.body = "Hi {{ name }}".into())),
            ("link", Box::new(|c| c.body = "See www.example.org".into())),
            ("price", Box::new(|c| c.body = "Only 49.99 today".into())),
            ("price", Box::new(|c| c.body = "Only $49 today".into())),
            ("percentage", Box::new(|c| c.subject = "20% off".into())),
            (
                "offer words",
                Box::new(|c| c.body = "Use the code now".into()),
            ),
            (
                "shipping",
                Box::new(|c| c.body = "Free shipping on it".into()),
            ),
            (
                "banned",
                Box::new(|c| c.headline = "Cheap and cheerful".into()),
            ),
            (
                "outside",
                Box::new(|c| c.body = "Pair it with the Storm Jacket.".into()),
            ),
            (
                "customer",
                Box::new(|c| c.subject = "Sofia, come back".into()),
            ),
            ("lines", Box::new(|c| c.subject = "a\nb".into())),
        ];
        for (needle, mutate) in cases {
            let mut c = copy();
            mutate(&mut c);
            let err = rules().check(&c).expect_err(needle);
            assert!(err.contains(needle), "{needle}: {err}");
        }
    }

    #[test]
    fn a_granted_percentage_is_allowed_and_only_that_one() {
        let mut r = rules();
        r.offer = Some(Offer::PercentOff {
            percent: 15,
            code: "X".into(),
        });
        let mut c = copy();
        c.subject = "15% off your favourite".into();
        assert_eq!(r.check(&c), Ok(()));
        c.subject = "25% off your favourite".into();
        assert!(r.check(&c).is_err());
    }
}
