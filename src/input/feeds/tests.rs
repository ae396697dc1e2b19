//! Unit tests of the shared feed helpers: attribute names, prices, repeated values, details,
//! decoding and positions.

use super::normalize::{detail_from_text, first_category_path, split_repeated};
use super::*;
use crate::input::catalog::ProductDetail;
use crate::input::values::Money;

#[test]
fn canonical_names() {
    for raw in [
        "Item Group ID",
        "item group id",
        "item_group_id",
        "g:item_group_id",
        "itemGroupId",
        "item-group-id",
    ] {
        assert_eq!(canonical_name(raw), "item_group_id", "{raw}");
    }
    assert_eq!(canonical_name("customLabel0"), "custom_label_0");
    assert_eq!(canonical_name("Custom Label 3"), "custom_label_3");
    assert_eq!(canonical_name("ID"), "id");
    assert_eq!(canonical_name("imageLink"), "image_link");
}

#[test]
fn prices_in_every_spelling() {
    let m = |raw: &str| money(raw, None).ok();
    assert_eq!(m("68.00 USD"), Some(Money::Text("68.00 USD".into())));
    assert_eq!(m("USD 68.00"), Some(Money::Text("68.00 USD".into())));
    assert_eq!(m("68,00 EUR"), Some(Money::Text("68.00 EUR".into())));
    assert_eq!(m("1.234,50 EUR"), Some(Money::Text("1234.50 EUR".into())));
    assert_eq!(m("1,234.50"), Some(Money::Text("1234.50".into())));
    assert_eq!(m("1 234,50 €"), Some(Money::Text("1234.50 EUR".into())));
    assert_eq!(m("68.00usd"), Some(Money::Text("68.00 USD".into())));
    assert_eq!(m("$68"), Some(Money::Text("68".into())));
    assert_eq!(
        money("68", Some("CAD")).ok(),
        Some(Money::Text("68 CAD".into()))
    );
    assert_eq!(m("abc"), None);
    assert_eq!(m("12.34.56.7,8"), None);
    assert_eq!(m("68 dollars"), None);
    assert_eq!(m(""), None);
}

#[test]
fn repeated_values_split_outside_quotes() {
    assert_eq!(
        split_repeated(r#""Soft, brushed", Four-way stretch ,"He said ""hi""""#),
        vec!["Soft, brushed", "Four-way stretch", r#"He said "hi""#]
    );
    assert_eq!(
        first_category_path("Women > Tops, Tees", true),
        "Women > Tops, Tees"
    );
    assert_eq!(
        first_category_path("Women > Tops, Men > Tops", true),
        "Women > Tops"
    );
}

#[test]
fn details_in_text_syntax() {
    let d = detail_from_text("Display:Aspect ratio:16:9", &DETAIL_ORDER).ok();
    assert_eq!(
        d,
        Some(ProductDetail {
            section_name: Some("Display".into()),
            attribute_name: "Aspect ratio".into(),
            attribute_value: "16:9".into(),
        })
    );
    let d = detail_from_text("Fabric:recycled nylon", &DETAIL_ORDER).ok();
    assert_eq!(d.map(|d| d.section_name), Some(None));
    assert!(detail_from_text("nothing", &DETAIL_ORDER).is_err());
}

#[test]
fn decodes_utf16_and_windows_1252() {
    let (text, warning) = decode(&[0xFF, 0xFE, b'i', 0, b'd', 0]).unwrap_or_default();
    assert_eq!((text.as_str(), warning), ("id", None));
    let (text, warning) = decode(b"caf\xe9 \x80").unwrap_or_default();
    assert_eq!(text, "café €");
    assert!(warning.is_some());
}

#[test]
fn line_and_column_of_an_offset() {
    assert_eq!(line_col("ab\ncdé\nf", 7), (2, 4));
    assert_eq!(line_col("ab", 99), (1, 3));
}
