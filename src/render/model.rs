//! The data every email template sees: one serialisable model built per recipient.

use serde::Serialize;

use super::Data;
use super::links::with_utm;
use super::money::format_money;
use crate::config::{Brand, CampaignConfig, Offer};
use crate::copy::Copy;
use crate::decide::Decision;
use crate::input::{Catalog, Customer, Product};

/// Template data: `customer`, `brand`, `copy`, `product`, `alternates`, `offer`, `decision`,
/// `links`, `campaign`, `now`. Strings here are raw; HTML templates escape them.
#[derive(Debug, Clone, Serialize)]
pub struct EmailModel {
    /// Who the email is for (no PII beyond first name and id).
    pub customer: CustomerView,
    /// The brand.
    pub brand: BrandView,
    /// The words.
    pub copy: CopyView,
    /// Hero product (nil when nothing can be shown).
    pub product: Option<ProductView>,
    /// More products.
    pub alternates: Vec<ProductView>,
    /// The offer.
    pub offer: OfferView,
    /// Decision summary.
    pub decision: DecisionView,
    /// Links with UTM parameters.
    pub links: Links,
    /// Campaign id and UTM parameters.
    pub campaign: CampaignView,
    /// Shop settings for the email filters.
    pub shop: ShopView,
    /// The render time, RFC 3339.
    pub now: String,
}

/// Copy fields in template (snake_case) names.
#[derive(Debug, Clone, Serialize)]
pub struct CopyView {
    /// Subject line.
    pub subject: String,
    /// Preheader.
    pub preheader: String,
    /// Headline.
    pub headline: String,
    /// Body paragraph.
    pub body: String,
    /// CTA label.
    pub cta: String,
    /// Reasons to buy.
    pub reasons_to_buy: Vec<String>,
    /// Offer in words.
    pub offer_line: Option<String>,
}

impl From<&Copy> for CopyView {
    fn from(c: &Copy) -> Self {
        CopyView {
            subject: c.subject.clone(),
            preheader: c.preheader.clone(),
            headline: c.headline.clone(),
            body: c.body.clone(),
            cta: c.cta.clone(),
            reasons_to_buy: c.reasons_to_buy.clone(),
            offer_line: c.offer_line.clone(),
        }
    }
}

/// Brand fields in template (snake_case) names.
#[derive(Debug, Clone, Serialize)]
pub struct BrandView {
    /// Brand name.
    pub name: String,
    /// Storefront URL.
    pub website: String,
    /// Logo URL.
    pub logo_url: String,
    /// Accent colour.
    pub accent_color: String,
    /// Footer address.
    pub address: String,
}

impl From<&Brand> for BrandView {
    fn from(b: &Brand) -> Self {
        BrandView {
            name: b.name.clone(),
            website: b.website.clone(),
            logo_url: super::links::safe_href(&b.logo_url),
            accent_color: b.accent_color.clone(),
            address: b.address.clone(),
        }
    }
}

/// Customer fields templates may use.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerView {
    /// Host id.
    pub id: String,
    /// First name, if known.
    pub first_name: Option<String>,
    /// Locale used for money.
    pub locale: String,
    /// Other attributes as sent.
    pub attributes: Data,
}

/// A product ready for display.
#[derive(Debug, Clone, Serialize)]
pub struct ProductView {
    /// Id.
    pub id: String,
    /// Name.
    pub title: String,
    /// Description.
    pub description: String,
    /// Product link with UTM parameters.
    pub url: String,
    /// Image URL ("" when none).
    pub image_url: String,
    /// Price to pay, formatted.
    pub price: String,
    /// Regular price, formatted.
    pub regular_price: String,
    /// On sale now.
    pub on_sale: bool,
    /// Price to pay in minor units.
    pub price_minor: i64,
    /// Currency code.
    pub currency: String,
    /// Colour.
    pub color: Option<String>,
    /// Most specific category.
    pub category: Option<String>,
}

/// The offer as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct OfferView {
    /// `none`, `percent_off` or `free_shipping`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Code to enter.
    pub code: Option<String>,
    /// Percent for `percent_off`.
    pub percent: Option<u32>,
    /// The offer in words.
    pub line: Option<String>,
    /// Price positioning (`full_price`, `new_collection`, `value`, `incentive`).
    pub positioning: String,
}

/// Decision fields for templates (and hidden audit comments).
#[derive(Debug, Clone, Serialize)]
pub struct DecisionView {
    /// Angle id.
    pub angle: String,
    /// Reasons.
    pub reasons: Vec<String>,
}

/// Links.
#[derive(Debug, Clone, Serialize)]
pub struct Links {
    /// CTA target: the hero product, or the storefront.
    pub cta: String,
    /// Storefront with UTM parameters.
    pub shop: String,
    /// Unsubscribe link or the ESP's merge tag.
    pub unsubscribe: String,
}

/// Campaign fields.
#[derive(Debug, Clone, Serialize)]
pub struct CampaignView {
    /// Campaign id.
    pub id: String,
    /// UTM parameters the `utm` filter adds.
    pub utm: UtmView,
}

/// UTM parameters in template names.
#[derive(Debug, Clone, Serialize)]
pub struct UtmView {
    /// `utm_source`.
    pub source: String,
    /// `utm_medium`.
    pub medium: String,
    /// `utm_campaign` (the campaign id when not set).
    pub campaign: String,
}

/// Shop settings the email filters read (`money`, `asset_url`).
#[derive(Debug, Clone, Serialize)]
pub struct ShopView {
    /// Currency of plain-number prices.
    pub currency: String,
    /// This recipient's locale.
    pub locale: String,
    /// Base URL of the brand's template assets.
    pub assets_url: String,
}

/// Builds a display view of a product.
pub fn product_view(
    p: &Product,
    config: &CampaignConfig,
    locale: &str,
    content: &str,
) -> ProductView {
    ProductView {
        id: p.id.clone(),
        title: p.title.clone(),
        description: p.description.clone(),
        url: with_utm(&p.link, &config.utm, &config.id, content),
        image_url: p.image_link.clone().unwrap_or_default(),
        price: format_money(p.effective_price_minor(), &p.currency, locale),
        regular_price: format_money(p.price_minor, &p.currency, locale),
        on_sale: p.sale_price_minor.is_some(),
        price_minor: p.effective_price_minor(),
        currency: p.currency.clone(),
        color: p.color.clone(),
        category: p.leaf_category().map(str::to_string),
    }
}

/// Assembles the model for one recipient.
pub fn email_model(
    customer: &Customer,
    decision: &Decision,
    copy: &Copy,
    catalog: &Catalog,
    config: &CampaignConfig,
    now: &str,
) -> EmailModel {
    let locale = customer
        .attributes
        .locale
        .clone()
        .unwrap_or_else(|| config.locale.clone());
    let product = decision
        .product_id
        .as_deref()
        .and_then(|id| catalog.get(id))
        .map(|p| product_view(p, config, &locale, "hero"));
    let alternates = decision
        .alternates
        .iter()
        .filter_map(|id| catalog.get(id))
        .map(|p| product_view(p, config, &locale, "alternate"))
        .collect();
    let shop = with_utm(&config.brand.website, &config.utm, &config.id, "shop");
    let (kind, code, percent) = match &decision.offer.offer {
        Some(Offer::PercentOff { percent, code }) => {
            ("percent_off", Some(code.clone()), Some(*percent))
        }
        Some(Offer::FreeShipping { code }) => ("free_shipping", Some(code.clone()), None),
        None => ("none", None, None),
    };
    let positioning = serde_json::to_value(decision.offer.positioning)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    EmailModel {
        customer: CustomerView {
            id: customer.id.clone(),
            first_name: customer.attributes.first_name.clone(),
            locale: locale.clone(),
            attributes: Data::from_json(&serde_json::Value::Object(
                customer.attributes.extra.clone().into_iter().collect(),
            )),
        },
        brand: BrandView::from(&config.brand),
        copy: CopyView::from(copy),
        links: Links {
            cta: product
                .as_ref()
                .map_or_else(|| shop.clone(), |p: &ProductView| p.url.clone()),
            shop,
            unsubscribe: super::links::safe_href(&config.brand.unsubscribe_url),
        },
        product,
        alternates,
        offer: OfferView {
            kind: kind.to_string(),
            code,
            percent,
            line: copy.offer_line.clone(),
            positioning,
        },
        decision: DecisionView {
            angle: decision.angle.clone(),
            reasons: decision.reasons.clone(),
        },
        campaign: CampaignView {
            id: config.id.clone(),
            utm: UtmView {
                source: config.utm.source.clone(),
                medium: config.utm.medium.clone(),
                campaign: config
                    .utm
                    .campaign
                    .clone()
                    .unwrap_or_else(|| config.id.clone()),
            },
        },
        shop: ShopView {
            currency: config.currency.clone(),
            locale: locale.clone(),
            assets_url: if config.brand.assets_url.is_empty() {
                format!("{}/assets", config.brand.website.trim_end_matches('/'))
            } else {
                config.brand.assets_url.clone()
            },
        },
        now: now.to_string(),
    }
}
