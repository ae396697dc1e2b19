//! The sample re-engagement campaign end to end, natively: distinct behaviours must get
//! distinct products, angles and subjects.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use mailfit::CallOptions;

use common::*;

#[test]
fn every_sample_customer_gets_a_complete_email() {
    let engine = engine();
    let now = sample_now();
    for customer in customers() {
        let email = engine
            .render(&customer, now, &CallOptions::for_send("send-1"))
            .unwrap();
        assert!(!email.subject.is_empty(), "{}: empty subject", customer.id);
        assert!(
            !email.preheader.is_empty(),
            "{}: empty preheader",
            customer.id
        );
        assert!(email.html.contains("<html"), "{}: no html", customer.id);
        assert!(
            email.text.contains(&email.copy.cta),
            "{}: text lacks CTA",
            customer.id
        );
        let product = email.decision.product_id.as_deref().expect("a product");
        assert!(
            email.html.contains(
                &engine
                    .catalog()
                    .get(product)
                    .unwrap()
                    .title
                    .replace('&', "&amp;")
            )
        );
        assert!(
            email.html.len() < 100 * 1024,
            "{}: html {} bytes",
            customer.id,
            email.html.len()
        );
    }
}

#[test]
fn behaviours_get_their_own_angles() {
    let engine = engine();
    let now = sample_now();
    let rows: Vec<(String, String)> = customers()
        .iter()
        .map(|c| {
            (
                persona(c),
                engine
                    .decide(c, now, &CallOptions::default())
                    .unwrap()
                    .decision
                    .angle,
            )
        })
        .collect();
    let by_persona = tally(&rows);
    eprintln!("{by_persona:#?}");
    let dominant = |p: &str| {
        let counts = &by_persona[p];
        let total: usize = counts.values().sum();
        let (angle, n) = counts.iter().max_by_key(|(_, n)| **n).unwrap();
        (angle.clone(), *n as f64 / total as f64)
    };
    for (persona, expected) in [
        ("studio", "comfort-movement"),
        ("trend", "versatility-looks"),
        ("casual", "everyday-layering"),
        ("browser", "entry-value"),
    ] {
        let (angle, share) = dominant(persona);
        assert_eq!(
            angle, expected,
            "{persona}: dominant angle {angle} ({share:.2})"
        );
        assert!(share >= 0.6, "{persona}: only {share:.2} got {angle}");
    }
}

/// Share of a persona's customers for which `pred` holds on their decision and hero product.
fn share(
    persona_name: &str,
    pred: impl Fn(&mailfit::Decided, &mailfit::input::Product) -> bool,
) -> f64 {
    let engine = engine();
    let now = sample_now();
    let group: Vec<_> = customers()
        .into_iter()
        .filter(|c| persona(c) == persona_name)
        .collect();
    let hits = group
        .iter()
        .filter(|c| {
            let d = engine.decide(c, now, &CallOptions::default()).unwrap();
            let p = engine
                .catalog()
                .get(d.decision.product_id.as_deref().unwrap())
                .unwrap()
                .clone();
            pred(&d, &p)
        })
        .count();
    hits as f64 / group.len() as f64
}

#[test]
fn heroes_follow_the_behaviour() {
    let tagged = |tags: &'static [&'static str]| {
        move |_: &mailfit::Decided, p: &mailfit::input::Product| {
            tags.iter().any(|t| p.tags.iter().any(|pt| pt == t))
        }
    };
    let studio = share("studio", tagged(&["studio", "low-impact"]));
    let trend = share("trend", tagged(&["matching-set"]));
    let casual = share("casual", tagged(&["everyday", "layering"]));
    let browser = share("browser", tagged(&["entry"]));
    eprintln!("studio {studio:.2} trend {trend:.2} casual {casual:.2} browser {browser:.2}");
    assert!(
        studio >= 0.8,
        "studio heroes with studio/low-impact tags: {studio:.2}"
    );
    assert!(
        trend >= 0.7,
        "trend heroes that are matching sets: {trend:.2}"
    );
    assert!(
        casual >= 0.8,
        "casual heroes that are everyday/layering: {casual:.2}"
    );
    assert!(
        browser >= 0.5,
        "browser heroes that are entry products: {browser:.2}"
    );
}

#[test]
fn offers_go_to_discount_seekers_at_risk_not_to_novelty_seekers() {
    let incentive =
        |d: &mailfit::Decided, _: &mailfit::input::Product| d.decision.offer.offer.is_some();
    let discount = share("discount", incentive);
    let trend = share("trend", incentive);
    let studio = share("studio", incentive);
    eprintln!("offers: discount {discount:.2} trend {trend:.2} studio {studio:.2}");
    assert!(
        discount >= 0.5,
        "discount seekers with an offer: {discount:.2}"
    );
    assert!(trend <= 0.1, "trend customers with an offer: {trend:.2}");
    assert!(studio <= 0.2, "studio customers with an offer: {studio:.2}");
}

#[test]
fn re_rendering_a_recipient_is_byte_identical_and_send_ids_vary_the_copy() {
    let engine = engine();
    let now = sample_now();
    let all = customers();
    let first = &all[0];
    let a = engine
        .render(first, now, &CallOptions::for_send("s1"))
        .unwrap();
    let b = engine
        .render(first, now, &CallOptions::for_send("s1"))
        .unwrap();
    assert_eq!(a, b);
    // Across many sends, the seeded variant choice must not be constant.
    let subjects: std::collections::BTreeSet<String> = (0..20)
        .map(|i| {
            engine
                .render(first, now, &CallOptions::for_send(format!("send-{i}")))
                .unwrap()
                .subject
        })
        .collect();
    assert!(subjects.len() > 1, "send id never changed the subject");
}

/// The model is read in place as template data; the same model copied into template values
/// through JSON must give byte-identical emails for every sample customer.
#[test]
fn the_model_as_template_data_renders_like_its_json() {
    let engine = engine();
    let now = sample_now();
    let renderer =
        mailfit::render::Renderer::new(&mailfit::render::TemplateSet::default()).unwrap();
    let now_text = "2026-11-20T12:00:00Z";
    for customer in customers() {
        let out = engine
            .render(&customer, now, &CallOptions::for_send("send-1"))
            .unwrap();
        let model = mailfit::render::email_model(
            &customer,
            &out.decision,
            &out.copy,
            engine.catalog(),
            engine.campaign(),
            now_text,
        );
        let json = mailfit::render::Data::from_json(&serde_json::to_value(&model).unwrap());
        let direct = renderer.render(&model).unwrap();
        let copied = renderer.render_data(&json).unwrap();
        assert_eq!(direct, copied, "{}", customer.id);
    }
}
