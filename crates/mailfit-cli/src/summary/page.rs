//! `index.html`: the summary as one static page, with no script or external resource (it opens
//! as a file), linking the interactive overview when there is one.

use std::fmt::Write as _;

use super::Report;

impl Report {
    /// A static, self-contained HTML page with the summary tables.
    pub fn html(&self) -> String {
        let mut out = String::new();
        let c = &self.counts;
        let _ = write!(
            out,
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>Campaign {id}: overview</title><style>{css}</style></head><body>\n\
             <h1>Campaign <code>{id}</code></h1>\n<p>At {now}, send <code>{send}</code>. \
             Catalog <code>{file}</code> ({format:?}, {products} products). \
             mailfit {version}.</p>\n",
            id = esc(&self.campaign.id),
            now = esc(&self.campaign.now),
            send = esc(&self.campaign.send_id),
            file = esc(&self.catalog.file),
            format = self.catalog.format,
            products = self.catalog.products,
            version = self.mailfit,
            css = CSS,
        );
        if let Some(o) = &self.overview {
            let _ = writeln!(
                out,
                "<p class=\"open\"><a href=\"{page}\">Open the interactive overview</a>: \
                 charts, {n} sampled customers with the emails written for them and why \
                 (serve this folder with any static server; a page opened as a file cannot \
                 load its modules).</p>",
                page = o.page,
                n = int(o.sampled as u64)
            );
        }
        let _ = writeln!(
            out,
            "<table class=\"kpi\"><tr><th>customers</th><th>decided</th><th>emails written</th>\
             <th>holdout</th><th>with warnings</th><th>errors</th></tr><tr><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr></table>",
            int(c.customers),
            int(c.decided),
            int(c.emails_written),
            int(c.holdout),
            int(c.with_warnings),
            int(c.errors)
        );
        out.push_str("<div class=\"grid\">\n");
        for (title, rows) in [
            ("Angles", &self.angles),
            ("Hero products", &self.hero_products),
            ("Product families", &self.product_families),
            ("Offers", &self.offers),
            ("Lifecycle stages", &self.lifecycle),
            ("Copy sources", &self.copy_sources),
            ("Categories", &self.categories),
        ] {
            let _ = write!(
                out,
                "<section><h2>{title}</h2><table><tr><th></th><th>customers</th><th>share</th></tr>"
            );
            for row in rows.iter().take(30) {
                let subject = self
                    .example_subjects
                    .get(&row.key)
                    .filter(|_| title == "Angles")
                    .map(|s| format!("<div class=\"ex\">e.g. “{}”</div>", esc(s)))
                    .unwrap_or_default();
                let _ = write!(
                    out,
                    "<tr><td>{}{subject}</td><td class=\"n\">{}</td><td class=\"bar\">\
                     <span style=\"width:{:.1}%\"></span>{:.1}%</td></tr>",
                    esc(row.label()),
                    int(row.count),
                    row.share * 100.0,
                    row.share * 100.0
                );
            }
            if rows.len() > 30 {
                let rest: u64 = rows.iter().skip(30).map(|r| r.count).sum();
                let _ = write!(
                    out,
                    "<tr><td>{} more</td><td class=\"n\">{}</td><td></td></tr>",
                    rows.len() - 30,
                    int(rest)
                );
            }
            out.push_str("</table></section>\n");
        }
        out.push_str("</div>\n");
        for (title, kinds) in [("Warnings", &self.warnings), ("Errors", &self.errors)] {
            let _ = write!(out, "<h2>{title}</h2>");
            if kinds.is_empty() {
                out.push_str("<p>None.</p>\n");
                continue;
            }
            out.push_str("<table><tr><th>kind</th><th>count</th><th>examples</th></tr>");
            for kind in kinds {
                let code = kind
                    .code
                    .as_deref()
                    .map(|c| format!("<code>{}</code> ", esc(c)))
                    .unwrap_or_default();
                let examples: Vec<String> = kind
                    .examples
                    .iter()
                    .map(|e| {
                        format!(
                            "line {} ({}): {}{}",
                            e.line,
                            esc(e.id.as_deref().unwrap_or("no id")),
                            esc(&e.text),
                            e.path
                                .as_deref()
                                .map(|p| format!(" at <code>{}</code>", esc(p)))
                                .unwrap_or_default()
                        )
                    })
                    .collect();
                let _ = write!(
                    out,
                    "<tr><td>{code}{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                    esc(&kind.kind),
                    int(kind.count),
                    examples.join("<br>")
                );
            }
            out.push_str("</table>\n");
        }
        if !self.catalog.warnings.is_empty() {
            out.push_str("<h2>Catalog warnings</h2><ul>");
            for w in &self.catalog.warnings {
                let _ = write!(out, "<li>{}</li>", esc(w));
            }
            out.push_str("</ul>\n");
        }
        let r = &self.run;
        let _ = write!(
            out,
            "<p class=\"run\">{} threads{}; engine built in {:.0} ms; {:.1} s in all; \
             {:.0} customers/s{}. Decisions: <code>decisions.jsonl</code>; \
             numbers: <code>summary.json</code>.</p>\n</body></html>\n",
            r.threads,
            if r.no_emails { ", decisions only" } else { "" },
            r.engine_build_ms,
            r.wall_seconds,
            r.customers_per_second,
            r.peak_rss_bytes
                .map(|b| format!("; peak RSS {:.1} MB", b as f64 / 1e6))
                .unwrap_or_default()
        );
        out
    }
}

const CSS: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;\
padding:0 1rem;color:#1d2430}h1{font-size:1.5rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;\
border-bottom:1px solid #e3e6eb;vertical-align:top}th{font-weight:600;color:#5b6472}\
td.n{text-align:right;font-variant-numeric:tabular-nums}.bar{position:relative;width:9rem}\
.bar span{position:absolute;left:0;top:.4rem;height:1rem;background:#cfe0f7;z-index:-1}\
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:0 2rem}\
.kpi td{font-size:1.3rem;font-variant-numeric:tabular-nums}.ex{color:#5b6472;font-size:12px}\
.run{color:#5b6472;margin-top:2rem}code{font-size:12px}.open{padding:.6rem .9rem;\
background:#e5f1ec;border-radius:8px}.open a{color:#175445;font-weight:600}";

/// `1234567` as `1,234,567`.
pub fn int(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// HTML-escapes text.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
