//! The shipped templates under Shopify's reference Liquid (Ruby, Debian's `ruby-liquid`): the
//! same template data must render the same subject, preheader, HTML and text, so the templates
//! work unchanged in Shopify-dialect ESPs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use std::process::Command;

use common::*;
use mailfit::CallOptions;
use mailfit::render::{defaults, email_model};

const RUBY: &str = r##"
require "liquid"
require "json"
dir = ARGV[0]
Liquid::Template.file_system = Liquid::LocalFileSystem.new(dir, "%s.liquid")
data = JSON.parse(File.read(File.join(dir, "data.json")))
%w[subject preheader html text].each do |name|
  template = Liquid::Template.parse(File.read(File.join(dir, "#{name}.template")), error_mode: :strict)
  File.write(File.join(dir, "#{name}.out"), template.render!(data, strict_filters: true))
end
"##;

#[test]
fn default_templates_render_identically_under_ruby_liquid() {
    if Command::new("ruby")
        .arg("-e")
        .arg("require 'liquid'")
        .status()
        .map(|s| !s.success())
        .unwrap_or(true)
    {
        assert!(
            std::env::var("MAILFIT_REQUIRE_DATA").is_err(),
            "ruby with ruby-liquid is required (scripts/dev setup installs it)"
        );
        eprintln!("skipping: ruby-liquid not installed");
        return;
    }
    let engine = engine();
    let dir = std::env::temp_dir().join(format!("mailfit-ruby-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, source) in defaults::PARTIALS {
        std::fs::write(dir.join(format!("{name}.liquid")), source).unwrap();
    }
    for (name, source) in [
        ("subject", defaults::SUBJECT),
        ("preheader", defaults::PREHEADER),
        ("html", defaults::HTML),
        ("text", defaults::TEXT),
    ] {
        std::fs::write(dir.join(format!("{name}.template")), source).unwrap();
    }
    std::fs::write(dir.join("render.rb"), RUBY).unwrap();
    let mut compared = 0;
    for customer in customers().iter().step_by(16) {
        let ours = engine
            .render(customer, sample_now(), &CallOptions::for_send("ruby"))
            .unwrap();
        let model = email_model(
            customer,
            &ours.decision,
            &ours.copy,
            engine.catalog(),
            engine.campaign(),
            "2026-11-20T12:00:00Z",
        );
        std::fs::write(
            dir.join("data.json"),
            serde_json::to_string(&model).unwrap(),
        )
        .unwrap();
        let status = Command::new("ruby")
            .arg(dir.join("render.rb"))
            .arg(&dir)
            .status()
            .unwrap();
        assert!(status.success(), "ruby failed for {}", customer.id);
        let read = |name: &str| std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap();
        let one_line = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(
            one_line(read("subject")),
            ours.subject,
            "{}: subject",
            customer.id
        );
        assert_eq!(
            one_line(read("preheader")),
            ours.preheader,
            "{}: preheader",
            customer.id
        );
        assert_eq!(read("html"), ours.html, "{}: html", customer.id);
        assert_eq!(
            mailfit::render::tidy_text(&read("text")),
            ours.text,
            "{}: text",
            customer.id
        );
        compared += 1;
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(compared >= 20, "compared {compared} customers");
}
