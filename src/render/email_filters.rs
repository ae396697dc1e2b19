//! Email filters: `money`, `local_date`, `utm`, `image_url`, `asset_url`.
//!
//! They read the render's context from the template data (`shop.currency`, `shop.locale`,
//! `shop.assets_url`, `campaign.id`, `campaign.utm.*`), which the engine always provides;
//! with `renderTemplate` the caller's data may provide them, else documented defaults apply.

use liquid_core::model::ScalarCow;
use liquid_core::{
    Display_filter, Expression, Filter, FilterParameters, FilterReflection, FromFilterParameters,
    ParseFilter, Result, Runtime, Value, ValueView,
};

use super::dates::{CalendarDate, DATE_STYLES, format_local_date};
use super::links::with_utm;
use super::money::format_money;
use crate::config::Utm;
use crate::input::is_http_url;

/// The email filters, for [`mailfit_liquid::Dialect::with_filters`].
pub fn filters() -> Vec<Box<dyn ParseFilter>> {
    vec![
        Box::new(Money),
        Box::new(LocalDate),
        Box::new(UtmLink),
        Box::new(ImageUrl),
        Box::new(AssetUrl),
    ]
}

/// The locale a filter formats for: its argument, else `shop.locale`, else `en-US`.
fn locale_or_shops(argument: Option<String>, runtime: &dyn Runtime) -> String {
    argument
        .or_else(|| lookup(runtime, &["shop", "locale"]))
        .unwrap_or_else(|| "en-US".into())
}

/// A text value from the template data, by path.
fn lookup(runtime: &dyn Runtime, path: &[&str]) -> Option<String> {
    let path: Vec<ScalarCow<'_>> = path.iter().map(|p| ScalarCow::new(*p)).collect();
    runtime
        .try_get(&path)
        .filter(|v| !v.is_nil())
        .map(|v| v.to_kstr().to_string())
        .filter(|s| !s.is_empty())
}

#[derive(Debug, FilterParameters)]
struct MoneyArgs {
    #[parameter(
        description = "ISO 4217 code (default: shop.currency, else USD).",
        arg_type = "str"
    )]
    currency: Option<Expression>,
    #[parameter(
        description = "BCP 47 locale (default: shop.locale, else en-US).",
        arg_type = "str"
    )]
    locale: Option<Expression>,
}

/// `{{ 4900 | money }}` -> `$49.00`: minor units, formatted for the currency and locale.
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "money",
    description = "Formats minor units (cents) as money.",
    parameters(MoneyArgs),
    parsed(MoneyFilter)
)]
pub struct Money;

#[derive(Debug, FromFilterParameters, Display_filter)]
#[name = "money"]
struct MoneyFilter {
    #[parameters]
    args: MoneyArgs,
}

impl Filter for MoneyFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let args = self.args.evaluate(runtime)?;
        let Some(scalar) = input.as_scalar() else {
            return Ok(Value::Nil);
        };
        let minor = match (scalar.to_integer(), scalar.to_float()) {
            (Some(i), _) => i,
            (None, Some(f)) if f.is_finite() && f.abs() < 9e15 => f.round() as i64,
            _ => return Ok(Value::Nil),
        };
        let currency = args
            .currency
            .map(|c| c.to_string())
            .or_else(|| lookup(runtime, &["shop", "currency"]));
        let locale = locale_or_shops(args.locale.map(|l| l.to_string()), runtime);
        let currency = currency
            .unwrap_or_else(|| "USD".into())
            .to_ascii_uppercase();
        Ok(Value::scalar(format_money(minor, &currency, &locale)))
    }
}

#[derive(Debug, FilterParameters)]
struct LocalDateArgs {
    #[parameter(
        description = "full, long (default), medium, short, month_day or weekday_month_day.",
        arg_type = "str"
    )]
    style: Option<Expression>,
    #[parameter(
        description = "BCP 47 locale (default: shop.locale, else en-US).",
        arg_type = "str"
    )]
    locale: Option<Expression>,
}

/// `{{ 'now' | local_date: "long" }}` -> `5. Dezember 2026` for a German shop: a date (read as
/// `date` reads it: `"now"`, Unix seconds, text) in the locale's words and order, in the date's
/// own offset.
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "local_date",
    description = "Formats a date in the shop's or the given locale (CLDR styles).",
    parameters(LocalDateArgs),
    parsed(LocalDateFilter)
)]
pub struct LocalDate;

#[derive(Debug, FromFilterParameters, Display_filter)]
#[name = "local_date"]
struct LocalDateFilter {
    #[parameters]
    args: LocalDateArgs,
}

impl Filter for LocalDateFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let args = self.args.evaluate(runtime)?;
        let style = args.style.as_deref().unwrap_or("long");
        if !DATE_STYLES.contains(&style) {
            return Err(liquid_core::Error::with_msg(format!(
                "local_date: unknown style \"{}\" (one of {})",
                style.chars().take(40).collect::<String>(),
                DATE_STYLES.join(", ")
            )));
        }
        let Some(date) = mailfit_liquid::date_of_input(input, runtime) else {
            return Ok(input.to_value());
        };
        let locale = locale_or_shops(args.locale.map(|l| l.to_string()), runtime);
        let date = CalendarDate {
            year: date.year(),
            month: date.month(),
            day: date.day(),
            weekday: date.weekday().number_days_from_monday(),
        };
        Ok(format_local_date(date, style, &locale).map_or(Value::Nil, Value::scalar))
    }
}

#[derive(Debug, FilterParameters)]
struct UtmArgs {
    #[parameter(
        description = "utm_content for this link (e.g. hero, footer).",
        arg_type = "str"
    )]
    content: Option<Expression>,
}

/// `{{ link | utm: 'footer' }}`: adds the campaign's UTM parameters (existing ones win).
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "utm",
    description = "Adds the campaign's UTM parameters to a link.",
    parameters(UtmArgs),
    parsed(UtmFilter)
)]
pub struct UtmLink;

#[derive(Debug, FromFilterParameters, Display_filter)]
#[name = "utm"]
struct UtmFilter {
    #[parameters]
    args: UtmArgs,
}

impl Filter for UtmFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let args = self.args.evaluate(runtime)?;
        let link = input.to_kstr().to_string();
        if !is_http_url(&link) {
            return Ok(Value::scalar(link));
        }
        let defaults = Utm::default();
        let utm = Utm {
            source: lookup(runtime, &["campaign", "utm", "source"]).unwrap_or(defaults.source),
            medium: lookup(runtime, &["campaign", "utm", "medium"]).unwrap_or(defaults.medium),
            campaign: lookup(runtime, &["campaign", "utm", "campaign"]),
        };
        let campaign_id = lookup(runtime, &["campaign", "id"]).unwrap_or_default();
        let content = args.content.map(|c| c.to_string()).unwrap_or_default();
        Ok(Value::scalar(with_utm(&link, &utm, &campaign_id, &content)))
    }
}

#[derive(Debug, FilterParameters)]
struct ImageArgs {
    #[parameter(
        description = "Width in pixels.",
        arg_type = "integer",
        mode = "keyword"
    )]
    width: Option<Expression>,
    #[parameter(
        description = "Height in pixels.",
        arg_type = "integer",
        mode = "keyword"
    )]
    height: Option<Expression>,
}

/// `{{ product | image_url: width: 600 }}`: the image URL with size parameters (the
/// `width`/`height` query convention of Shopify's, imgix's and most image CDNs).
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "image_url",
    description = "An image URL with width/height parameters.",
    parameters(ImageArgs),
    parsed(ImageUrlFilter)
)]
pub struct ImageUrl;

#[derive(Debug, FromFilterParameters, Display_filter)]
#[name = "image_url"]
struct ImageUrlFilter {
    #[parameters]
    args: ImageArgs,
}

impl Filter for ImageUrlFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let args = self.args.evaluate(runtime)?;
        let link = match input.as_object() {
            Some(product) => ["image_url", "image_link", "featured_image", "image"]
                .iter()
                .find_map(|k| {
                    product
                        .get(k)
                        .filter(|v| !v.is_nil())
                        .map(|v| v.to_kstr().to_string())
                })
                .unwrap_or_default(),
            None => input.to_kstr().to_string(),
        };
        if !is_http_url(&link) {
            return Ok(Value::scalar(""));
        }
        let mut url = link;
        for (key, value) in [("width", args.width), ("height", args.height)] {
            if let Some(v) = value.filter(|v| *v > 0 && *v <= 10_000) {
                url.push(if url.contains('?') { '&' } else { '?' });
                url.push_str(&format!("{key}={v}"));
            }
        }
        Ok(Value::scalar(url))
    }
}

/// `{{ 'logo.png' | asset_url }}`: a file of the brand's assets (`shop.assets_url`).
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "asset_url",
    description = "A URL for a file of the brand's template assets.",
    parsed(AssetUrlFilter)
)]
pub struct AssetUrl;

#[derive(Debug, Default, Display_filter)]
#[name = "asset_url"]
struct AssetUrlFilter;

impl Filter for AssetUrlFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let file = input.to_kstr().to_string();
        let base = lookup(runtime, &["shop", "assets_url"]).unwrap_or_default();
        if base.is_empty() || is_http_url(&file) {
            return Ok(Value::scalar(file));
        }
        Ok(Value::scalar(format!(
            "{}/{}",
            base.trim_end_matches('/'),
            file.trim_start_matches('/')
        )))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use crate::render::{Data, render_template};

    fn render(source: &str, data: serde_json::Value) -> String {
        render_template(source, &Data::from_json(&data), &BTreeMap::new()).unwrap()
    }

    #[test]
    fn money_formats_minor_units_for_the_shop_or_the_arguments() {
        assert_eq!(
            render("{{ 4900 | money }}", serde_json::json!({})),
            "$49.00"
        );
        let shop = serde_json::json!({"shop": {"currency": "EUR", "locale": "de-DE"}});
        assert_eq!(
            render("{{ 123456 | money }}", shop.clone()),
            "1.234,56\u{a0}€"
        );
        assert_eq!(render("{{ 990 | money: 'GBP', 'en-GB' }}", shop), "£9.90");
        assert_eq!(
            render("[{{ nothing | money }}]", serde_json::json!({})),
            "[]"
        );
    }

    #[test]
    fn local_date_writes_the_shops_or_the_arguments_locale() {
        let shop = serde_json::json!({
            "shop": {"locale": "de-DE"},
            "now": "2026-12-05T10:00:00Z",
            "ends": "2026-12-24T23:30:00-05:00",
        });
        assert_eq!(
            render("{{ 'now' | local_date }}", shop.clone()),
            "5. Dezember 2026"
        );
        // The date's own offset: 23:30 in New York is still the 24th.
        assert_eq!(
            render("{{ ends | local_date: 'full', 'fr-FR' }}", shop.clone()),
            "jeudi 24 décembre 2026"
        );
        assert_eq!(
            render(
                "{{ 1767225600 | local_date: 'short', 'en-US' }}",
                shop.clone()
            ),
            "1/1/26"
        );
        assert_eq!(
            render("[{{ 'soon' | local_date }}]", shop.clone()),
            "[soon]"
        );
        let unknown = render_template(
            "{{ 'now' | local_date: 'longest' }}",
            &Data::from_json(&shop),
            &BTreeMap::new(),
        );
        assert!(unknown.unwrap_err().to_string().contains("unknown style"));
    }

    #[test]
    fn utm_adds_the_campaigns_parameters() {
        let data = serde_json::json!({"campaign": {"id": "winter", "utm": {"source": "crm", "medium": "email", "campaign": "w26"}}});
        assert_eq!(
            render(
                "{{ 'https://shop.example/a?x=1' | utm: 'footer' }}",
                data.clone()
            ),
            "https://shop.example/a?x=1&utm_source=crm&utm_medium=email&utm_campaign=w26&utm_content=footer"
        );
        assert_eq!(
            render("{{ 'mailto:hi@shop.example' | utm }}", data),
            "mailto:hi@shop.example"
        );
    }

    #[test]
    fn image_url_sizes_product_images_and_drops_unsafe_links() {
        let data = serde_json::json!({"product": {"image_url": "https://cdn.example/p.jpg"}, "bad": "javascript:alert(1)"});
        assert_eq!(
            render("{{ product | image_url: width: 600 }}", data.clone()),
            "https://cdn.example/p.jpg?width=600"
        );
        assert_eq!(
            render(
                "{{ product.image_url | image_url: width: 300, height: 200 }}",
                data.clone()
            ),
            "https://cdn.example/p.jpg?width=300&height=200"
        );
        assert_eq!(render("[{{ bad | image_url: width: 10 }}]", data), "[]");
    }

    #[test]
    fn asset_url_resolves_against_the_brands_assets() {
        let data = serde_json::json!({"shop": {"assets_url": "https://cdn.example/brand/"}});
        assert_eq!(
            render("{{ 'img/logo.png' | asset_url }}", data),
            "https://cdn.example/brand/img/logo.png"
        );
    }
}
