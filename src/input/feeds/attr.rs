//! Merchant Center attribute names: the attributes the catalog reads ([`Attr`]), the ones it
//! deliberately leaves out, and the canonical spelling every format's names are mapped to
//! before lookup.

/// The catalog attributes a feed can set, by Merchant Center name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Attr {
    Id,
    Title,
    Description,
    Link,
    ImageLink,
    AdditionalImageLink,
    Price,
    SalePrice,
    Availability,
    Stock,
    ProductType,
    GoogleProductCategory,
    ItemGroupId,
    Color,
    Size,
    Gender,
    Currency,
    CostOfGoodsSold,
    Tags,
    TaxonomyCategory,
    CustomLabel0,
    CustomLabel1,
    CustomLabel2,
    CustomLabel3,
    CustomLabel4,
    Material,
    Pattern,
    AgeGroup,
    ProductHighlight,
    ProductDetail,
}

impl Attr {
    /// The attribute for a canonical (snake_case) name.
    pub(super) fn from_name(name: &str) -> Option<Attr> {
        Some(match name {
            "id" => Attr::Id,
            "title" => Attr::Title,
            "description" => Attr::Description,
            "link" => Attr::Link,
            "image_link" => Attr::ImageLink,
            "additional_image_link" => Attr::AdditionalImageLink,
            "price" => Attr::Price,
            "sale_price" => Attr::SalePrice,
            "availability" => Attr::Availability,
            "stock" => Attr::Stock,
            "product_type" => Attr::ProductType,
            "google_product_category" => Attr::GoogleProductCategory,
            "item_group_id" => Attr::ItemGroupId,
            "color" => Attr::Color,
            "size" => Attr::Size,
            "gender" => Attr::Gender,
            "currency" => Attr::Currency,
            "cost_of_goods_sold" => Attr::CostOfGoodsSold,
            "tags" => Attr::Tags,
            "taxonomy_category" => Attr::TaxonomyCategory,
            "custom_label_0" => Attr::CustomLabel0,
            "custom_label_1" => Attr::CustomLabel1,
            "custom_label_2" => Attr::CustomLabel2,
            "custom_label_3" => Attr::CustomLabel3,
            "custom_label_4" => Attr::CustomLabel4,
            "material" => Attr::Material,
            "pattern" => Attr::Pattern,
            "age_group" => Attr::AgeGroup,
            "product_highlight" => Attr::ProductHighlight,
            "product_detail" => Attr::ProductDetail,
            _ => return None,
        })
    }

    /// The Merchant Center name.
    pub(super) fn name(self) -> &'static str {
        match self {
            Attr::Id => "id",
            Attr::Title => "title",
            Attr::Description => "description",
            Attr::Link => "link",
            Attr::ImageLink => "image_link",
            Attr::AdditionalImageLink => "additional_image_link",
            Attr::Price => "price",
            Attr::SalePrice => "sale_price",
            Attr::Availability => "availability",
            Attr::Stock => "stock",
            Attr::ProductType => "product_type",
            Attr::GoogleProductCategory => "google_product_category",
            Attr::ItemGroupId => "item_group_id",
            Attr::Color => "color",
            Attr::Size => "size",
            Attr::Gender => "gender",
            Attr::Currency => "currency",
            Attr::CostOfGoodsSold => "cost_of_goods_sold",
            Attr::Tags => "tags",
            Attr::TaxonomyCategory => "taxonomy_category",
            Attr::CustomLabel0 => "custom_label_0",
            Attr::CustomLabel1 => "custom_label_1",
            Attr::CustomLabel2 => "custom_label_2",
            Attr::CustomLabel3 => "custom_label_3",
            Attr::CustomLabel4 => "custom_label_4",
            Attr::Material => "material",
            Attr::Pattern => "pattern",
            Attr::AgeGroup => "age_group",
            Attr::ProductHighlight => "product_highlight",
            Attr::ProductDetail => "product_detail",
        }
    }

    pub(super) fn bit(self) -> u64 {
        1u64 << (self as u32)
    }
}

/// Merchant Center attributes (snake_case) that the catalog has no field for: reported once,
/// together, instead of one "unknown" warning each.
const MERCHANT_CENTER_UNUSED: &[&str] = &[
    "brand",
    "gtin",
    "mpn",
    "condition",
    "identifier_exists",
    "adult",
    "mobile_link",
    "canonical_link",
    "lifestyle_image_link",
    "availability_date",
    "expiration_date",
    "sale_price_effective_date",
    "unit_pricing_measure",
    "unit_pricing_base_measure",
    "installment",
    "subscription_cost",
    "loyalty_points",
    "multipack",
    "is_bundle",
    "certification",
    "energy_efficiency_class",
    "min_energy_efficiency_class",
    "max_energy_efficiency_class",
    "size_type",
    "size_system",
    "sizes",
    "product_types",
    "product_length",
    "product_width",
    "product_height",
    "product_weight",
    "shipping",
    "shipping_label",
    "shipping_weight",
    "shipping_length",
    "shipping_width",
    "shipping_height",
    "ships_from_country",
    "max_handling_time",
    "min_handling_time",
    "transit_time_label",
    "tax",
    "tax_category",
    "ads_redirect",
    "ads_grouping",
    "ads_labels",
    "promotion_id",
    "excluded_destination",
    "included_destination",
    "shopping_ads_excluded_country",
    "pause",
    "short_title",
    "external_seller_id",
    "disclosure_date",
    "custom_attribute",
    "custom_attributes",
];

/// True for a Merchant Center attribute the catalog deliberately does not use.
pub(super) fn is_unused_merchant_attribute(name: &str) -> bool {
    MERCHANT_CENTER_UNUSED.contains(&name)
}

/// Canonical attribute name: `Item Group ID`, `item-group-id`, `g:item_group_id` and
/// `itemGroupId` all become `item_group_id`.
pub(super) fn canonical_name(raw: &str) -> String {
    let raw = raw.trim();
    let raw = raw.strip_prefix("g:").unwrap_or(raw);
    // Fast path: already canonical (`price`, `image_link`): most names of an XML feed.
    let simple = raw
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if simple
        && !raw.starts_with('_')
        && !raw.ends_with('_')
        && !raw.contains("__")
        && !raw.starts_with("custom_label")
    {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len() + 4);
    let mut prev: Option<char> = None;
    for c in raw.chars() {
        let boundary = match prev {
            Some(p) if c.is_ascii_uppercase() => p.is_ascii_lowercase() || p.is_ascii_digit(),
            Some(p) if c.is_ascii_digit() => p.is_ascii_alphabetic(),
            _ => false,
        };
        if c == ' ' || c == '-' || c == '_' || c == '.' {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
        } else {
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
        prev = Some(c);
    }
    while out.ends_with('_') {
        out.pop();
    }
    // `custom_label_0` splits its digit; every other attribute keeps digits attached.
    match out.as_str() {
        "custom_label0" | "custom_label1" | "custom_label2" | "custom_label3" | "custom_label4" => {
            let digit = out.split_off(out.len().saturating_sub(1));
            format!("{out}_{digit}")
        }
        _ => out,
    }
}
