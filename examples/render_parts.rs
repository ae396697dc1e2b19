// Temporary: times each part of the default email render.
use std::collections::BTreeMap;
use std::time::Instant;

use mailfit::render::{Data, RenderOptions, defaults, liquid_env};
use mailfit::{Personalizer, PersonalizerInit};

fn main() {
    let init = format!(
        r#"{{"catalog": {}, "campaign": {}}}"#,
        include_str!("../samples/catalog.json"),
        include_str!("../samples/campaign.json")
    );
    let engine =
        Personalizer::new(mailfit::error::from_json_str::<PersonalizerInit>("$", &init).unwrap())
            .unwrap();
    let customers: Vec<mailfit::input::Customer> =
        mailfit::error::from_json_str("$", include_str!("../samples/customers.json")).unwrap();
    let c = &customers[0];
    let out = engine
        .render(c, 1_795_176_000, &mailfit::CallOptions::for_send("b"))
        .unwrap();
    let model = mailfit::render::email_model(
        c,
        &out.decision,
        &out.copy,
        engine.catalog(),
        engine.campaign(),
        "2026-11-20T12:00:00Z",
    );
    let data = Data::from_json(&serde_json::to_value(&model).unwrap());
    let partials: BTreeMap<String, String> = defaults::PARTIALS
        .iter()
        .map(|(n, s)| (n.to_string(), s.to_string()))
        .collect();
    let env = liquid_env::parser(&partials).unwrap();
    let n = 20000;
    for (name, src) in [
        ("subject", defaults::SUBJECT),
        ("preheader", defaults::PREHEADER),
        ("html", defaults::HTML),
        ("text", defaults::TEXT),
    ] {
        let t = liquid_env::parse(&env, name, src).unwrap();
        let mut o = RenderOptions::default();
        if name == "html" {
            o.escape = mailfit::render::budget::OutputEscape::Html;
        }
        let start = Instant::now();
        for _ in 0..n {
            std::hint::black_box(liquid_env::render_with(&t, name, &data, &o).unwrap());
        }
        println!(
            "{name} {:.2} us",
            start.elapsed().as_secs_f64() * 1e6 / n as f64
        );
    }
}
