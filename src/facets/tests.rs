use super::*;

fn lex() -> Lexicon {
    Lexicon::default_lexicon().unwrap_or_default()
}

fn ids(p: &ProductText) -> Vec<String> {
    product_facets(p, &lex())
        .into_iter()
        .map(|f| f.id)
        .collect()
}

#[test]
fn a_merchant_center_legging_is_understood_without_tags() {
    let facets = ids(&ProductText {
        product_type: Some("Women:Bottoms:Leggings"),
        title: "Align High-Rise Pant 25\"",
        description: "<p>Buttery-soft Nulu&trade; fabric for <b>yoga</b> and every slow flow.</p>",
        ..Default::default()
    });
    for want in [
        "product:leggings",
        "role:bottom",
        "activity:yoga",
        "feel:soft",
        "focus:studio",
    ] {
        assert!(
            facets.iter().any(|f| f == want),
            "{want} missing from {facets:?}"
        );
    }
    assert!(!facets.iter().any(|f| f == "product:joggers"), "{facets:?}");
}

#[test]
fn german_and_french_paths_and_compounds_mean_the_same_facets() {
    let de = ids(&ProductText {
        product_type: Some("Damen/Jacken"),
        title: "Leichte Laufjacke",
        ..Default::default()
    });
    assert!(de.iter().any(|f| f == "product:jacket"), "{de:?}");
    assert!(de.iter().any(|f| f == "activity:running"), "{de:?}");
    assert!(de.iter().any(|f| f == "role:outer-layer"), "{de:?}");
    let fr = ids(&ProductText {
        product_type: Some("Femme > Brassières de sport"),
        title: "Brassière maintien léger",
        ..Default::default()
    });
    assert!(fr.iter().any(|f| f == "product:bra"), "{fr:?}");
    assert!(fr.iter().any(|f| f == "impact:low"), "{fr:?}");
}

#[test]
fn the_most_specific_source_decides_what_a_product_is() {
    // "Hosen" (trousers) is a level above "Leggings": the leaf wins.
    let facets = ids(&ProductText {
        product_type: Some("Damen:Hosen:Leggings"),
        title: "Sculpt Leggings",
        description: "Pair it with our matching jacket.",
        ..Default::default()
    });
    assert!(facets.iter().any(|f| f == "product:leggings"), "{facets:?}");
    assert!(
        !facets
            .iter()
            .any(|f| f == "product:jacket" || f == "product:joggers"),
        "{facets:?}"
    );
    // ...but "matching" in a description does say it is a set piece.
    assert!(facets.iter().any(|f| f == "role:set"), "{facets:?}");
}

#[test]
fn a_shopify_taxonomy_gid_reads_as_its_category_path() {
    let facets = ids(&ProductText {
        title: "The Everyday",
        taxonomy_category: Some("gid://shopify/TaxonomyCategory/aa-1-1-7-2"),
        ..Default::default()
    });
    assert!(facets.iter().any(|f| f == "product:hoodie"), "{facets:?}");
}

#[test]
fn every_facet_says_where_it_came_from() {
    let facets = product_facets(
        &ProductText {
            title: "Cloud Soft Jogger",
            tags: &["new-in".to_string()],
            ..Default::default()
        },
        &lex(),
    );
    let soft = facets.iter().find(|f| f.id == "feel:soft");
    assert_eq!(
        soft.map(|f| (f.source.as_str(), f.words.as_str())),
        Some(("title", "soft"))
    );
    assert!(
        facets
            .iter()
            .any(|f| f.id == "collection:new" && f.source == "tags"),
        "{facets:?}"
    );
}

#[test]
fn price_tiers_are_quartiles_of_this_catalog() {
    let tiers = PriceTiers::from_group_prices(vec![1000, 2000, 3000, 4000, 5000]);
    assert_eq!(tiers.facet(1500, false).id, "tier:entry");
    assert_eq!(tiers.facet(3000, false).id, "tier:mid");
    assert_eq!(tiers.facet(5000, false).id, "tier:premium");
    assert_eq!(tiers.facet(5000, true).id, "tier:entry");
}

#[test]
fn taxonomy_names_used_by_the_lexicon_exist() {
    let spec = lexicon::parse(lexicon::DEFAULT_LEXICON, "lexicon").unwrap_or_default();
    let lex = lex();
    for (id, def) in &spec.facets {
        for gid in &def.taxonomy {
            assert!(
                lex.taxonomy_path(gid).is_some(),
                "{id}: unknown taxonomy id {gid}"
            );
        }
    }
}

#[test]
fn a_brands_lexicon_extends_or_replaces_the_default_and_bad_ids_are_typed_errors() {
    let spec: LexiconSpec = serde_json::from_value(serde_json::json!({
        "facets": { "activity:yoga": { "names": { "en": ["flowstate"] } } }
    }))
    .unwrap_or_default();
    let brand = Lexicon::with_brand(Some(&spec)).unwrap_or_default();
    let text = ProductText {
        title: "Flowstate Legging",
        ..Default::default()
    };
    let facets: Vec<String> = product_facets(&text, &brand)
        .into_iter()
        .map(|f| f.id)
        .collect();
    assert!(facets.iter().any(|f| f == "activity:yoga"), "{facets:?}");
    assert!(facets.iter().any(|f| f == "product:leggings"), "{facets:?}");
    let replaced = Lexicon::with_brand(Some(&LexiconSpec {
        replace: true,
        ..spec.clone()
    }))
    .unwrap_or_default();
    let only: Vec<String> = product_facets(&text, &replaced)
        .into_iter()
        .map(|f| f.id)
        .collect();
    assert!(!only.iter().any(|f| f == "product:leggings"), "{only:?}");
    let bad: LexiconSpec = serde_json::from_value(serde_json::json!({
        "facets": { "yoga": { "names": { "en": ["om"] } } }
    }))
    .unwrap_or_default();
    let err = Lexicon::with_brand(Some(&bad)).err();
    assert!(
        matches!(&err, Some(crate::error::InputError::Invalid { path, .. }) if path == "$.campaign.lexicon.facets.yoga"),
        "{err:?}"
    );
}
