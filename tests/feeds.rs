//! Catalog feed adapters: every format, its detection, its errors (with the feed's own
//! coordinates), its warnings, and a round trip into the engine.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use mailfit::error::InputError;
use mailfit::input::{FeedFormat, FeedLoad, FeedOptions, parse_feed, parse_feed_bytes};
use mailfit::input::{Money, ProductDetail, RawProduct};
use mailfit::{Personalizer, PersonalizerInit};

fn auto() -> FeedOptions {
    FeedOptions::default()
}

fn read(text: &str) -> FeedLoad {
    parse_feed(text, &auto()).unwrap_or_else(|e| panic!("{e}"))
}

fn with(format: FeedFormat) -> FeedOptions {
    FeedOptions {
        format,
        ..FeedOptions::default()
    }
}

/// The error's path and message.
fn error(text: &str, options: &FeedOptions) -> (String, String, bool) {
    match parse_feed(text, options) {
        Err(InputError::Invalid { path, message }) => (path, message, false),
        Err(InputError::TooLarge { path, message }) => (path, message, true),
        Ok(load) => panic!("expected an error, got {:?}", load.products),
    }
}

fn text(money: &Option<Money>) -> Option<&str> {
    match money {
        Some(Money::Text(t)) => Some(t.as_str()),
        _ => None,
    }
}

fn by_id<'a>(load: &'a FeedLoad, id: &str) -> &'a RawProduct {
    load.products
        .iter()
        .find(|p| p.id.as_deref() == Some(id))
        .unwrap_or_else(|| panic!("no product {id}"))
}

fn has_warning(load: &FeedLoad, needle: &str) -> bool {
    load.warnings.iter().any(|w| w.contains(needle))
}

/// The engine takes what the adapters produce.
fn engine_from(load: &FeedLoad) -> Personalizer {
    Personalizer::new(PersonalizerInit {
        catalog: load.products.clone(),
        ..PersonalizerInit::default()
    })
    .unwrap_or_else(|e| panic!("{e}"))
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
  <channel>
    <title>Studio Store</title>
    <link>https://shop.example</link>
    <description>All products</description>
    <item>
      <g:id>LG-1-BLK-S</g:id>
      <title>Plain title loses to g:title</title>
      <g:title><![CDATA[Flow Legging <Black>]]></g:title>
      <link>https://shop.example/flow?v=1&amp;c=black</link>
      <description><![CDATA[<p>Buttery-soft &amp; <b>squat-proof</b>.</p>]]></description>
      <g:image_link>https://cdn.example/lg1.jpg</g:image_link>
      <g:additional_image_link>https://cdn.example/lg1-back.jpg</g:additional_image_link>
      <g:additional_image_link>https://cdn.example/lg1-side.jpg</g:additional_image_link>
      <g:price>68.00 USD</g:price>
      <g:sale_price>49,00 USD</g:sale_price>
      <g:availability>in stock</g:availability>
      <g:product_type>Women &gt; Leggings &gt; High-rise</g:product_type>
      <g:google_product_category>Apparel &amp; Accessories &gt; Clothing &gt; Activewear</g:google_product_category>
      <g:item_group_id>LG-1</g:item_group_id>
      <g:color>Black</g:color>
      <g:size>S</g:size>
      <g:size>M</g:size>
      <g:gender>female</g:gender>
      <g:age_group>adult</g:age_group>
      <g:material>recycled nylon/elastane</g:material>
      <g:pattern>solid</g:pattern>
      <g:custom_label_0>bestseller</g:custom_label_0>
      <g:brand>Studio</g:brand>
      <g:gtin>0123456789012</g:gtin>
      <g:shipping><g:country>US</g:country><g:price>0 USD</g:price></g:shipping>
      <g:product_highlight>Four-way stretch, brushed</g:product_highlight>
      <g:product_highlight>Hidden &#8220;key&#8221; pocket</g:product_highlight>
      <g:product_detail>
        <g:section_name>General</g:section_name>
        <g:attribute_name>Fabric feel</g:attribute_name>
        <g:attribute_value>brushed, buttery-soft</g:attribute_value>
      </g:product_detail>
      <g:product_detail>
        <g:attribute_name>Rise</g:attribute_name>
        <g:attribute_value>high</g:attribute_value>
      </g:product_detail>
      <g:loyalty_tier>gold</g:loyalty_tier>
      <guid>abc</guid>
    </item>
    <item>
      <g:id>TOP-2</g:id>
      <g:title>Cloud Tee</g:title>
      <g:description>Unescaped <b>HTML</b> &nbsp;kept<br/>as text</g:description>
      <g:link>https://shop.example/tee</g:link>
      <g:price>32 EUR</g:price>
      <g:additional_image_link>https://cdn.example/tee.jpg</g:additional_image_link>
    </item>
  </channel>
</rss>
"#;

#[test]
fn merchant_center_rss_reads_every_attribute() {
    let load = read(RSS);
    assert_eq!(load.format, FeedFormat::MerchantXml);
    assert_eq!(load.products.len(), 2);
    let p = by_id(&load, "LG-1-BLK-S");
    assert_eq!(p.title.as_deref(), Some("Flow Legging <Black>"));
    assert_eq!(
        p.link.as_deref(),
        Some("https://shop.example/flow?v=1&c=black")
    );
    assert_eq!(
        p.description.as_deref(),
        Some("<p>Buttery-soft &amp; <b>squat-proof</b>.</p>")
    );
    assert_eq!(p.image_link.as_deref(), Some("https://cdn.example/lg1.jpg"));
    assert_eq!(text(&p.price), Some("68.00 USD"));
    assert_eq!(text(&p.sale_price), Some("49.00 USD"));
    assert_eq!(
        p.product_type.as_deref(),
        Some("Women > Leggings > High-rise")
    );
    assert_eq!(
        p.google_product_category.as_deref(),
        Some("Apparel & Accessories > Clothing > Activewear")
    );
    assert_eq!(p.item_group_id.as_deref(), Some("LG-1"));
    assert_eq!(p.size.as_deref(), Some("S"), "the first of repeated sizes");
    assert_eq!(p.age_group.as_deref(), Some("adult"));
    assert_eq!(p.material.as_deref(), Some("recycled nylon/elastane"));
    assert_eq!(p.custom_label_0.as_deref(), Some("bestseller"));
    assert_eq!(
        p.product_highlight,
        vec![
            "Four-way stretch, brushed",
            "Hidden \u{201c}key\u{201d} pocket"
        ]
    );
    assert_eq!(
        p.product_detail,
        vec![
            ProductDetail {
                section_name: Some("General".into()),
                attribute_name: "Fabric feel".into(),
                attribute_value: "brushed, buttery-soft".into(),
            },
            ProductDetail {
                section_name: None,
                attribute_name: "Rise".into(),
                attribute_value: "high".into(),
            },
        ]
    );
    let tee = by_id(&load, "TOP-2");
    assert_eq!(
        tee.description.as_deref(),
        Some("Unescaped <b>HTML</b> &nbsp;kept<br/>as text")
    );
    assert_eq!(tee.link.as_deref(), Some("https://shop.example/tee"));
    assert_eq!(
        tee.image_link.as_deref(),
        Some("https://cdn.example/tee.jpg"),
        "an additional image stands in for a missing image_link"
    );

    // Nothing silently dropped: unknown elements once each, Merchant Center ones summarized.
    assert!(has_warning(
        &load,
        "unknown element `g:loyalty_tier` ignored"
    ));
    assert!(has_warning(&load, "unknown element `guid` ignored"));
    assert!(has_warning(&load, "`<g:size>` appears more than once"));
    let summary = load
        .warnings
        .iter()
        .find(|w| w.starts_with("not used by the catalog"))
        .expect("a summary of unused Merchant Center attributes");
    for name in ["g:brand", "g:gtin", "g:shipping"] {
        assert!(summary.contains(&format!("`{name}`")), "{summary}");
    }
    assert!(
        !has_warning(&load, "g:country"),
        "children of a skipped element are not reported"
    );
    engine_from(&load);
}

#[test]
fn atom_reads_like_rss() {
    let atom = r#"<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
  <title>Studio Store</title>
  <link rel="self" href="https://shop.example/feed.atom"/>
  <updated>2026-10-01T00:00:00Z</updated>
  <entry>
    <id>tag:shop.example,2026:LG-1</id>
    <g:id>LG-1-BLK-S</g:id>
    <title>Flow Legging</title>
    <link rel="self" href="https://shop.example/api/LG-1"/>
    <link href="https://shop.example/flow"/>
    <summary>Buttery-soft.</summary>
    <updated>2026-10-01T00:00:00Z</updated>
    <g:price>68.00 USD</g:price>
    <g:image_link>https://cdn.example/lg1.jpg</g:image_link>
  </entry>
  <entry>
    <id>TOP-2</id>
    <title>Cloud Tee</title>
    <link rel="alternate" href="https://shop.example/tee"/>
    <g:price>32.00 USD</g:price>
  </entry>
</feed>"#;
    let load = read(atom);
    assert_eq!(load.format, FeedFormat::MerchantXml);
    let p = by_id(&load, "LG-1-BLK-S");
    assert_eq!(p.title.as_deref(), Some("Flow Legging"));
    assert_eq!(p.link.as_deref(), Some("https://shop.example/flow"));
    assert_eq!(p.description.as_deref(), Some("Buttery-soft."));
    // Without `g:id` the Atom entry id is the product id.
    assert_eq!(
        by_id(&load, "TOP-2").link.as_deref(),
        Some("https://shop.example/tee")
    );
    assert!(has_warning(&load, "unknown element `updated` ignored"));
    engine_from(&load);
}

#[test]
fn undeclared_or_renamed_google_prefix_is_google() {
    let undeclared = r#"<rss><channel><item><g:id>A</g:id><g:title>A</g:title><g:price>1 USD</g:price></item></channel></rss>"#;
    assert_eq!(read(undeclared).products.len(), 1);
    let renamed = r#"<rss xmlns:google="http://base.google.com/ns/1.0"><channel><item>
        <google:id>A</google:id><google:title>A</google:title><google:price>1 USD</google:price>
        </item></channel></rss>"#;
    assert_eq!(read(renamed).products[0].id.as_deref(), Some("A"));
}

#[test]
fn malformed_xml_names_the_item_and_position() {
    let broken = "<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\n<item><g:id>A</g:id><g:title>A</g:title><g:price>1 USD</g:price></item>\n<item>\n  <g:id>B</g:title>\n</item></channel></rss>";
    let (path, message, _) = error(broken, &auto());
    assert_eq!(path, "feed:item[1]:4:10", "{message}");
    assert!(message.starts_with("malformed XML"), "{message}");

    let truncated = "<rss><channel><item><g:id>A</g:id>";
    let (path, message, _) = error(truncated, &auto());
    assert!(path.starts_with("feed:item[0]:1:"), "{path}: {message}");

    let not_a_feed = "<products><product/></products>";
    let (path, message, _) = error(not_a_feed, &auto());
    assert_eq!(path, "feed:1:1");
    assert!(message.contains("`<products>`"), "{message}");
}

#[test]
fn xml_values_are_checked_where_they_are() {
    let bad_price = "<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\n<item>\n<g:id>A</g:id><g:title>A</g:title>\n  <g:price>free</g:price>\n</item></channel></rss>";
    let (path, message, _) = error(bad_price, &auto());
    assert_eq!(path, "feed:item[0]:4:3");
    assert_eq!(message, "unreadable price `free` in `<g:price>`");

    let missing_title =
        "<rss><channel><item><g:id>A</g:id><g:price>1 USD</g:price></item></channel></rss>";
    let (path, message, _) = error(missing_title, &auto());
    assert_eq!(
        (path.as_str(), message.as_str()),
        ("feed:item[0]:1:15", "missing title")
    );
}

#[test]
fn xml_nesting_is_bounded() {
    let deep = format!(
        "<rss><channel><item>{}{}</item></channel></rss>",
        "<x>".repeat(40),
        "</x>".repeat(40)
    );
    let (path, message, too_large) = error(&deep, &auto());
    assert!(too_large, "{path}: {message}");
    assert!(message.contains("nested deeper"), "{message}");
}

const TSV: &str = "\u{feff}ID\tTitle\tDescription\tLink\tImage Link\tPrice\tSale price\tAvailability\tProduct Type\tItem Group ID\tColor\tSize\tGender\tcustom label 0\tproduct_highlight\tproduct detail\tfoo\tbrand\r\n\
LG-1\tFlow Legging\t\"Soft\ttabbed \"\"studio\"\" legging\r\nsecond line\"\thttps://shop.example/lg1\thttps://cdn.example/lg1.jpg\t68.00 USD\t49.00 USD\tin stock\tWomen > Leggings\tLG\tBlack\tS\tfemale\tbestseller\t\"\"\"Four-way stretch, brushed\"\",Hidden pocket\"\tGeneral:Fabric feel:brushed,Fit:Rise:high\tx\tStudio\r\n\
TOP-2\tCloud Tee\t\thttps://shop.example/tee\t\t32 USD\t\tout of stock\tWomen > Tops\t\tWhite\tM\tfemale\t\t\t\ty\tStudio\r\n";

#[test]
fn tab_separated_with_bom_crlf_quotes_and_repeated_attributes() {
    let load = read(TSV);
    assert_eq!(load.format, FeedFormat::Delimited);
    assert_eq!(load.products.len(), 2);
    let p = by_id(&load, "LG-1");
    assert_eq!(p.title.as_deref(), Some("Flow Legging"));
    assert_eq!(
        p.description.as_deref(),
        Some("Soft\ttabbed \"studio\" legging\r\nsecond line")
    );
    assert_eq!(text(&p.price), Some("68.00 USD"));
    assert_eq!(text(&p.sale_price), Some("49.00 USD"));
    assert_eq!(p.item_group_id.as_deref(), Some("LG"));
    assert_eq!(p.custom_label_0.as_deref(), Some("bestseller"));
    assert_eq!(
        p.product_highlight,
        vec!["Four-way stretch, brushed", "Hidden pocket"]
    );
    assert_eq!(p.product_detail.len(), 2);
    assert_eq!(p.product_detail[1].section_name.as_deref(), Some("Fit"));
    assert_eq!(p.product_detail[1].attribute_value, "high");
    assert_eq!(
        by_id(&load, "TOP-2").availability.as_deref(),
        Some("out of stock")
    );
    assert!(has_warning(&load, "unknown column `foo` ignored"));
    assert_eq!(
        load.warnings.iter().filter(|w| w.contains("`foo`")).count(),
        1,
        "once, not once per row"
    );
    assert!(has_warning(&load, "`brand`"));
    engine_from(&load);
}

#[test]
fn a_bad_price_names_the_line_and_column() {
    let tsv = "id\ttitle\tprice\n\
               A\tAlpha\t10 USD\n\
               B\tBeta\t12 USD\n\
               C\tGamma\tten dollars\n";
    let (path, message, _) = error(tsv, &auto());
    assert_eq!(path, "feed:4:price");
    assert_eq!(message, "unreadable price `ten dollars`");

    // The header's own spelling names the column.
    let tsv = "ID\tTitle\tSale Price\tPrice\nA\tAlpha\tcheap\t10 USD\n";
    let (path, _, _) = error(tsv, &auto());
    assert_eq!(path, "feed:2:Sale Price");

    let tsv = "id\ttitle\tprice\nA\tAlpha\t0 USD\n";
    let (path, message, _) = error(tsv, &auto());
    assert_eq!(
        (path.as_str(), message.as_str()),
        ("feed:2:price", "price must be positive")
    );
}

#[test]
fn malformed_rows_and_headers_are_errors() {
    let (path, message, _) = error("id\ttitle\tprice\nA\tAlpha\n", &auto());
    assert_eq!(path, "feed:2:price");
    assert!(message.contains("2 fields"), "{message}");

    let (path, message, _) = error("id\ttitle\tprice\nA\tAlpha\t1 USD\textra\n", &auto());
    assert_eq!(path, "feed:2:column 4");
    assert!(message.contains("malformed row"), "{message}");

    let (path, message, _) = error("id\tname\tprice\nA\tAlpha\t1 USD\n", &auto());
    assert_eq!(path, "feed:1:title");
    assert!(message.contains("no `title` column"), "{message}");

    let (path, message, _) = error("id\ttitle\tprice\nA\t\t1 USD\n", &auto());
    assert_eq!(
        (path.as_str(), message.as_str()),
        ("feed:2:title", "missing title")
    );

    let (path, message, _) = error(
        "id\ttitle\tprice\nA\tAlpha\t1 USD\nA\tAgain\t2 USD\n",
        &auto(),
    );
    assert_eq!(path, "feed:3:id");
    assert!(message.contains("duplicate id `A`"), "{message}");

    let (path, message, _) = error(
        "id\ttitle\tprice\tproduct_detail\nA\tAlpha\t1 USD\tjust text\n",
        &auto(),
    );
    assert_eq!(path, "feed:2:product_detail");
    assert!(message.contains("section:attribute:value"), "{message}");
}

#[test]
fn csv_with_commas_or_semicolons() {
    let csv = "id,title,price,product_type,tags\r\nA,\"Alpha, the first\",\"1,234.50 USD\",\"Women > Tops, Tees\",\"studio, everyday\"\r\n";
    let load = read(csv);
    let p = &load.products[0];
    assert_eq!(p.title.as_deref(), Some("Alpha, the first"));
    assert_eq!(text(&p.price), Some("1234.50 USD"));
    assert_eq!(p.product_type.as_deref(), Some("Women > Tops, Tees"));
    assert_eq!(p.tags, vec!["studio", "everyday"]);

    // A European export: semicolons and decimal commas.
    let csv = "ID;Titel;Title;Price;Sale price\nA;x;Alpha;68,00 EUR;1.049,50 EUR\n";
    let load = read(csv);
    let p = &load.products[0];
    assert_eq!(text(&p.price), Some("68.00 EUR"));
    assert_eq!(text(&p.sale_price), Some("1049.50 EUR"));
    assert!(has_warning(&load, "unknown column `Titel` ignored"));
}

#[test]
fn product_detail_header_can_declare_its_order() {
    let tsv = "id\ttitle\tprice\tproduct detail(attribute_name:attribute_value)\nA\tAlpha\t1 USD\tFabric:cotton,Fit:relaxed\n";
    let load = read(tsv);
    let details = &load.products[0].product_detail;
    assert_eq!(details.len(), 2);
    assert_eq!(details[0].section_name, None);
    assert_eq!(details[1].attribute_name, "Fit");
    assert_eq!(details[1].attribute_value, "relaxed");
}

#[test]
fn default_currency_applies_to_bare_prices() {
    let options = FeedOptions {
        currency: Some("eur".into()),
        ..FeedOptions::default()
    };
    let load = parse_feed("id\ttitle\tprice\nA\tAlpha\t10\n", &options).unwrap();
    assert_eq!(text(&load.products[0].price), Some("10 EUR"));
    let options = FeedOptions {
        currency: Some("euro".into()),
        ..FeedOptions::default()
    };
    let (path, _, _) = error("id\ttitle\tprice\nA\tAlpha\t10\n", &options);
    assert_eq!(path, "$.options.currency");
}

const CONTENT_API: &str = r#"{
  "kind": "content#productsListResponse",
  "resources": [
    {
      "kind": "content#product",
      "id": "online:en:US:LG-1-BLK-S",
      "offerId": "LG-1-BLK-S",
      "title": "Flow Legging",
      "description": "Buttery-soft.",
      "link": "https://shop.example/flow",
      "imageLink": "https://cdn.example/lg1.jpg",
      "contentLanguage": "en",
      "targetCountry": "US",
      "channel": "online",
      "brand": "Studio",
      "price": { "value": "68.00", "currency": "USD" },
      "salePrice": { "value": "49.00", "currency": "USD" },
      "availability": "in stock",
      "productTypes": ["Women > Leggings", "Sale"],
      "googleProductCategory": "Apparel & Accessories > Clothing",
      "itemGroupId": "LG-1",
      "color": "Black",
      "sizes": ["S"],
      "gender": "female",
      "ageGroup": "adult",
      "material": "nylon",
      "pattern": "solid",
      "customLabel0": "bestseller",
      "customLabel4": "fw26",
      "productHighlights": ["Four-way stretch", "Hidden pocket"],
      "productDetails": [{ "sectionName": "General", "attributeName": "Fabric feel", "attributeValue": "brushed" }],
      "customAttributes": [{ "name": "tags", "value": "studio, low-impact" }, { "name": "season", "value": "fw" }],
      "shinyNewField": 1
    },
    {
      "offerId": "TOP-2",
      "title": "Cloud Tee",
      "price": { "value": "32", "currency": "USD" }
    }
  ]
}"#;

#[test]
fn content_api_products_list() {
    let load = read(CONTENT_API);
    assert_eq!(load.format, FeedFormat::ContentApi);
    let p = by_id(&load, "LG-1-BLK-S");
    assert_eq!(text(&p.price), Some("68.00 USD"));
    assert_eq!(text(&p.sale_price), Some("49.00 USD"));
    assert_eq!(p.product_type.as_deref(), Some("Women > Leggings"));
    assert_eq!(p.size.as_deref(), Some("S"));
    assert_eq!(p.item_group_id.as_deref(), Some("LG-1"));
    assert_eq!(p.age_group.as_deref(), Some("adult"));
    assert_eq!(p.custom_label_4.as_deref(), Some("fw26"));
    assert_eq!(p.product_highlight.len(), 2);
    assert_eq!(p.product_detail[0].section_name.as_deref(), Some("General"));
    assert_eq!(p.tags, vec!["studio", "low-impact"]);
    assert!(has_warning(&load, "unknown field `shinyNewField` ignored"));
    assert!(has_warning(
        &load,
        "unknown field `customAttributes.season` ignored"
    ));
    assert!(has_warning(&load, "`productTypes` has several values"));
    assert!(has_warning(&load, "`brand`"));
    engine_from(&load);

    // A bare array of resources, and Merchant API products with micros.
    let bare = r#"[{ "offerId": "A", "title": "Alpha", "price": { "value": "1.00", "currency": "USD" } }]"#;
    assert_eq!(load_format(bare), FeedFormat::ContentApi);
    let merchant_api = r#"{ "products": [{ "name": "accounts/1/products/en~US~A", "offerId": "A",
        "productAttributes": { "title": "Alpha", "price": { "amountMicros": "68500000", "currencyCode": "EUR" },
        "availability": "IN_STOCK" } }] }"#;
    let load = parse_feed(merchant_api, &auto()).unwrap();
    assert_eq!(load.format, FeedFormat::ContentApi);
    assert_eq!(text(&load.products[0].price), Some("68.5 EUR"));
}

fn load_format(text: &str) -> FeedFormat {
    parse_feed(text, &auto()).unwrap().format
}

#[test]
fn content_api_errors_name_the_json_path() {
    let bad = r#"{ "resources": [
        { "offerId": "A", "title": "Alpha", "price": { "value": "1.00", "currency": "USD" } },
        { "offerId": "B", "title": "Beta", "price": { "value": "one", "currency": "USD" } } ] }"#;
    let (path, message, _) = error(bad, &auto());
    assert_eq!(path, "$.resources[1].price");
    assert!(message.contains("unreadable price"), "{message}");
    let missing = r#"{ "resources": [ { "title": "Alpha", "price": { "value": "1.00", "currency": "USD" } } ] }"#;
    assert_eq!(error(missing, &auto()).0, "$.resources[0].offerId");
    let (path, message, _) = error("{ \"resources\": [ {", &auto());
    assert_eq!(path, "$");
    assert!(message.contains("line 1 column"), "{message}");
}

const SHOPIFY: &str = r#"{
  "products": [
    {
      "id": 7001,
      "title": "Flow Legging",
      "handle": "flow-legging",
      "body_html": "<p>Buttery-soft.</p>",
      "vendor": "Studio",
      "product_type": "Leggings",
      "created_at": "2026-01-01T00:00:00Z",
      "tags": "studio, low-impact",
      "category": { "id": "aa-1-13-8", "name": "Leggings", "full_name": "Apparel & Accessories > Clothing > Activewear > Leggings" },
      "options": [ { "name": "Farbe", "position": 1, "values": ["Schwarz"] }, { "name": "Größe", "position": 2, "values": ["S", "M"] } ],
      "variants": [
        { "id": 41, "title": "Schwarz / S", "option1": "Schwarz", "option2": "S", "option3": null, "sku": "LG-S",
          "price": "49.00", "compare_at_price": "68.00", "available": true, "grams": 200 },
        { "id": 42, "title": "Schwarz / M", "option1": "Schwarz", "option2": "M", "option3": null,
          "price": "68.00", "compare_at_price": "60.00", "available": false,
          "featured_image": { "id": 2, "src": "https://cdn.shopify.com/m.jpg" } }
      ],
      "images": [
        { "id": 1, "src": "//cdn.shopify.com/first.jpg", "variant_ids": [] },
        { "id": 3, "src": "https://cdn.shopify.com/s.jpg", "variant_ids": [41], "width": 800 }
      ]
    },
    {
      "id": 7002,
      "title": "Cloud Tee",
      "handle": "cloud-tee",
      "tags": ["everyday"],
      "options": [ { "name": "Couleur", "values": ["Blanc"] }, { "name": "Taille", "values": ["M"] }, { "name": "Coupe", "values": ["Ample"] } ],
      "variants": [ { "id": 51, "option1": "Blanc", "option2": "M", "option3": "Ample", "price": 32 } ],
      "images": [ { "id": 9, "src": "https://cdn.shopify.com/tee.jpg" } ]
    }
  ]
}"#;

#[test]
fn shopify_variants_become_products() {
    let options = FeedOptions {
        shop_url: Some("shop.example/".into()),
        currency: Some("USD".into()),
        ..FeedOptions::default()
    };
    let load = parse_feed(SHOPIFY, &options).unwrap();
    assert_eq!(load.format, FeedFormat::Shopify);
    assert_eq!(load.products.len(), 3);

    let s = by_id(&load, "41");
    assert_eq!(s.item_group_id.as_deref(), Some("7001"));
    assert_eq!(s.title.as_deref(), Some("Flow Legging"));
    // compare_at_price above price: the regular price, and price is the sale price.
    assert_eq!(text(&s.price), Some("68.00 USD"));
    assert_eq!(text(&s.sale_price), Some("49.00 USD"));
    assert_eq!(s.color.as_deref(), Some("Schwarz"));
    assert_eq!(s.size.as_deref(), Some("S"));
    assert_eq!(s.availability.as_deref(), Some("in_stock"));
    assert_eq!(
        s.image_link.as_deref(),
        Some("https://cdn.shopify.com/s.jpg")
    );
    assert_eq!(
        s.link.as_deref(),
        Some("https://shop.example/products/flow-legging?variant=41")
    );
    assert_eq!(s.description.as_deref(), Some("<p>Buttery-soft.</p>"));
    assert_eq!(s.tags, vec!["studio", "low-impact"]);
    assert_eq!(
        s.taxonomy_category.as_deref(),
        Some("Apparel & Accessories > Clothing > Activewear > Leggings")
    );

    let m = by_id(&load, "42");
    // compare_at_price below price is no sale.
    assert_eq!(text(&m.price), Some("68.00 USD"));
    assert_eq!(m.sale_price, None);
    assert_eq!(m.availability.as_deref(), Some("out_of_stock"));
    assert_eq!(
        m.image_link.as_deref(),
        Some("https://cdn.shopify.com/m.jpg")
    );

    let tee = by_id(&load, "51");
    assert_eq!(tee.color.as_deref(), Some("Blanc"));
    assert_eq!(tee.size.as_deref(), Some("M"));
    assert_eq!(text(&tee.price), Some("32 USD"));
    assert_eq!(tee.tags, vec!["everyday"]);
    assert_eq!(
        tee.image_link.as_deref(),
        Some("https://cdn.shopify.com/tee.jpg")
    );

    assert!(has_warning(&load, "option `Coupe` has no catalog field"));
    let summary = load
        .warnings
        .iter()
        .find(|w| w.starts_with("not used by the catalog"))
        .unwrap();
    assert!(summary.contains("`products[].vendor`"), "{summary}");
    assert!(summary.contains("`products[].variants[].sku`"), "{summary}");
    engine_from(&load);
}

#[test]
fn shopify_without_shop_url_or_currency() {
    let load = read(SHOPIFY);
    let s = by_id(&load, "41");
    assert_eq!(s.link, None);
    assert_eq!(text(&s.price), Some("68.00"));
    assert!(has_warning(&load, "Shopify prices carry no currency"));
}

#[test]
fn shopify_errors_name_the_json_path() {
    let bad = SHOPIFY.replace(
        r#""price": "68.00", "compare_at_price": "60.00""#,
        r#""price": "sixty", "compare_at_price": "60.00""#,
    );
    let (path, message, _) = error(&bad, &auto());
    assert_eq!(path, "$.products[0].variants[1].price");
    assert_eq!(message, "unreadable price `sixty`");
    let no_variants = r#"{ "products": [ { "id": 1, "title": "A" } ] }"#;
    assert_eq!(error(no_variants, &auto()).0, "$.products[0].variants");
    let no_price = r#"{ "products": [ { "id": 1, "title": "A", "variants": [ { "id": 2 } ] } ] }"#;
    let (path, message, _) = error(no_price, &auto());
    assert_eq!(
        (path.as_str(), message.as_str()),
        ("$.products[0].variants[0].price", "missing price")
    );
}

#[test]
fn plain_json_array_is_what_the_engine_takes() {
    let json = r##"[{ "id": "A", "title": "Alpha", "price": "68,00 EUR", "imageLink": "https://cdn.example/a.jpg", "colour_code": "#000" },
                   { "id": "B", "title": "Beta", "price": 12.5 }]"##;
    let load = read(json);
    assert_eq!(load.format, FeedFormat::Json);
    assert_eq!(text(&load.products[0].price), Some("68.00 EUR"));
    assert_eq!(
        load.products[0].image_link.as_deref(),
        Some("https://cdn.example/a.jpg")
    );
    assert_eq!(load.products[1].price, Some(Money::Number(12.5)));
    assert!(has_warning(&load, "unknown field `colour_code` ignored"));
    let (path, _, _) = error(r#"[{ "id": "A", "title": "Alpha", "price": [] }]"#, &auto());
    assert_eq!(path, "$[0].price");
    let (path, _, _) = error(r#"[{ "id": "A", "price": 1 }]"#, &auto());
    assert_eq!(path, "$[0].title");
}

#[test]
fn explicit_formats_are_respected() {
    // Detected as plain JSON, read as Content API when asked.
    let json =
        r#"[{ "offerId": "A", "title": "Alpha", "price": { "value": "1", "currency": "USD" } }]"#;
    assert_eq!(
        parse_feed(json, &with(FeedFormat::ContentApi))
            .unwrap()
            .format,
        FeedFormat::ContentApi
    );
    let (path, _, _) = error(RSS, &with(FeedFormat::Delimited));
    assert_eq!(path, "feed:1:id");
    let (path, message, _) = error(TSV, &with(FeedFormat::MerchantXml));
    assert_eq!(
        (path.as_str(), message.as_str()),
        ("feed", "malformed XML: no root element")
    );
    let (path, _, _) = error(TSV, &with(FeedFormat::Shopify));
    assert_eq!(path, "$");
}

#[test]
fn options_deserialize_from_camel_case() {
    let options: FeedOptions = serde_json::from_str(
        r#"{ "format": "shopify", "shopUrl": "https://x.example", "currency": "USD" }"#,
    )
    .unwrap();
    assert_eq!(options.format, FeedFormat::Shopify);
    assert_eq!(options.shop_url.as_deref(), Some("https://x.example"));
    for (name, format) in [
        ("merchantXml", FeedFormat::MerchantXml),
        ("tsv", FeedFormat::Delimited),
        ("csv", FeedFormat::Delimited),
        ("contentApi", FeedFormat::ContentApi),
        ("json", FeedFormat::Json),
        ("auto", FeedFormat::Auto),
    ] {
        let options: FeedOptions =
            serde_json::from_value(serde_json::json!({ "format": name })).unwrap();
        assert_eq!(options.format, format, "{name}");
    }
    let bad = FeedOptions {
        shop_url: Some("javascript:alert(1)".into()),
        ..FeedOptions::default()
    };
    assert_eq!(error(SHOPIFY, &bad).0, "$.options.shopUrl");
}

#[test]
fn the_load_serializes_for_javascript_without_empty_fields() {
    let load = read("id\ttitle\tprice\nA\tAlpha\t1 USD\n");
    let value = serde_json::to_value(&load).unwrap();
    assert_eq!(
        value,
        serde_json::json!({
            "products": [{ "id": "A", "title": "Alpha", "price": "1 USD" }],
            "format": "delimited",
            "warnings": []
        })
    );
    // And back: what JS receives is a valid catalog.
    let back: Vec<RawProduct> = serde_json::from_value(value["products"].clone()).unwrap();
    assert_eq!(back, load.products);
}

#[test]
fn bytes_in_utf16_or_windows_1252() {
    let tsv = "id\ttitle\tprice\nA\tCaf\u{e9} \u{2013} cr\u{e8}me\t1 EUR\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(tsv.encode_utf16().flat_map(u16::to_le_bytes));
    let load = parse_feed_bytes(&utf16, &auto()).unwrap();
    assert_eq!(
        load.products[0].title.as_deref(),
        Some("Caf\u{e9} \u{2013} cr\u{e8}me")
    );
    assert!(load.warnings.is_empty(), "{:?}", load.warnings);

    let cp1252 = b"id\ttitle\tprice\nA\tCaf\xe9 \x96 cr\xe8me\t1 EUR\n";
    let load = parse_feed_bytes(cp1252, &auto()).unwrap();
    assert_eq!(
        load.products[0].title.as_deref(),
        Some("Caf\u{e9} \u{2013} cr\u{e8}me")
    );
    assert!(
        load.warnings[0].contains("Windows-1252"),
        "{:?}",
        load.warnings
    );

    let bom = b"\xef\xbb\xbfid,title,price\r\nA,Alpha,1 USD\r\n";
    assert_eq!(parse_feed_bytes(bom, &auto()).unwrap().products.len(), 1);
}

#[test]
fn limits_on_size_and_items() {
    let mut tsv = String::from("id\ttitle\tprice\n");
    for i in 0..50_001 {
        tsv.push_str(&format!("P{i}\tT\t1 USD\n"));
    }
    let (path, message, too_large) = error(&tsv, &auto());
    assert!(too_large, "{path}: {message}");
    assert!(message.contains("50000"), "{message}");

    let huge = " ".repeat(64 * 1024 * 1024 + 1);
    let (_, message, too_large) = error(&huge, &auto());
    assert!(too_large, "{message}");

    let (path, message, _) = error("  \n ", &auto());
    assert_eq!(
        (path.as_str(), message.as_str()),
        ("feed", "the feed is empty")
    );
}

#[test]
fn an_empty_feed_reads_with_a_warning() {
    let load = read(r#"<rss><channel><title>none</title></channel></rss>"#);
    assert!(load.products.is_empty());
    assert!(has_warning(&load, "no products"));
}
