//! The names in Shopify's product and variant objects: the fields the adapter reads, the ones
//! Shopify defines that the catalog has no place for (reported once, as unused), the option names
//! that mean colour, size or material in the languages shops use, and the helpers that read
//! those names. Kept apart from the reading code so the tables can grow without touching it.

use serde_json::{Map, Value};

use crate::input::feeds::Collector;
use crate::input::feeds::json::scalar;

pub(super) const COLOR_OPTIONS: &[&str] = &[
    "color", "colour", "farbe", "couleur", "colore", "kleur", "colors", "colours",
];
pub(super) const SIZE_OPTIONS: &[&str] = &[
    "size", "größe", "grösse", "groesse", "taille", "talla", "taglia", "maat", "sizes",
];
pub(super) const MATERIAL_OPTIONS: &[&str] =
    &["material", "stoff", "matière", "matiere", "materiale"];

/// Product fields read.
pub(super) const PRODUCT_USED: &[&str] = &[
    "id",
    "title",
    "handle",
    "body_html",
    "product_type",
    "tags",
    "options",
    "variants",
    "images",
    "image",
    "category",
    "status",
];
/// Product fields Shopify defines that the catalog has no place for.
pub(super) const PRODUCT_UNUSED: &[&str] = &[
    "vendor",
    "created_at",
    "updated_at",
    "published_at",
    "published_scope",
    "template_suffix",
    "admin_graphql_api_id",
    "media",
    "metafields",
    "variant_gids",
    "has_variants_that_requires_components",
];
/// Variant fields read.
pub(super) const VARIANT_USED: &[&str] = &[
    "id",
    "option1",
    "option2",
    "option3",
    "price",
    "compare_at_price",
    "available",
    "inventory_quantity",
    "inventory_policy",
    "inventory_management",
    "featured_image",
    "image_id",
];
/// Variant fields Shopify defines that the catalog has no place for.
pub(super) const VARIANT_UNUSED: &[&str] = &[
    "title",
    "sku",
    "barcode",
    "grams",
    "weight",
    "weight_unit",
    "requires_shipping",
    "taxable",
    "position",
    "product_id",
    "created_at",
    "updated_at",
    "admin_graphql_api_id",
    "fulfillment_service",
    "inventory_item_id",
    "old_inventory_quantity",
    "tax_code",
    "presentment_prices",
    "price_currency",
    "compare_at_price_currency",
    "requires_selling_plan",
    "selling_plan_allocations",
    "quantity_rule",
    "quantity_price_breaks",
    "featured_media",
    "name",
    "public_title",
    "options",
];

/// Option names by position (`option1` is the first).
pub(super) fn option_names(product: &Map<String, Value>) -> Vec<String> {
    product
        .get("options")
        .and_then(Value::as_array)
        .map(|options| {
            options
                .iter()
                .map(|o| match o {
                    Value::Object(o) => o
                        .get("name")
                        .and_then(|n| scalar(n).ok().flatten())
                        .unwrap_or_default(),
                    other => scalar(other).ok().flatten().unwrap_or_default(),
                })
                .map(|n| n.trim().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Reports fields outside `used`: the format's own as unused, anything else as unknown.
pub(super) fn audit(
    object: &Map<String, Value>,
    used: &[&str],
    unused: &[&str],
    prefix: &str,
    out: &mut Collector,
) {
    for key in object.keys() {
        if used.contains(&key.as_str()) {
            continue;
        }
        let name = format!("{prefix}.{key}");
        if unused.contains(&key.as_str()) {
            out.warnings.unused(&name);
        } else {
            out.warnings.unknown("field", &name);
        }
    }
}
