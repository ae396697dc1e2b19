//! The interactive overview of a run: `overview.html` hosts the preview widget
//! (`<mailfit-preview results=".">`, `www/`) over the run's own files, never re-computing them:
//! `summary.json` for every count (the whole run), the emails under `emails/` as written, and a
//! bounded sample of customers under `overview/`:
//!
//! - `overview/customers.json`: `{ sample, products, customers }`, each customer
//!   `{ name, persona, detail: [chunk, index], decision: <its decisions.jsonl line> }`, and the
//!   hero and alternate products they were shown (title, price);
//! - `overview/details/<chunk>.json`: arrays of [`DETAIL_CHUNK`] customers' profile and decision
//!   with reasons and scores, as the engine returns them (fetched when a customer is opened);
//! - `overview/widget/`: the widget's files (copied from `www/`, with Chart.js from `www/vendor/`).
//!
//! The sample is taken in input order, so it is the same for any `--threads`: a customer is kept
//! while their lifecycle stage and angle together have fewer than `per_cell` customers kept and
//! the sample has fewer than `size`. Every combination met early enough has examples, and nothing
//! here grows with the customer file. Workers hand a customer's profile and decision to the
//! writer only while [`Wanted`] says the sample may still take them (cells only ever fill), so
//! once the common combinations are sampled, nearly nothing extra is kept in flight.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::RwLock;
use std::sync::atomic::{AtomicBool, Ordering};

use mailfit::Personalizer;
use mailfit::decide::Decision;
use mailfit::profile::Profile;
use serde::Serialize;

use crate::fatal::{Fatal, Result};
use crate::outcome::{STAGES, Sent};
use crate::summary::{OverviewInfo, esc, int};

/// Customers per details file.
pub const DETAIL_CHUNK: usize = 25;
/// The page, relative to the output directory.
pub const PAGE: &str = "overview.html";

/// What the sample may still take, shared by the writer (which fills it) with the workers.
pub struct Wanted {
    /// Customers kept per lifecycle stage and angle.
    per_cell: usize,
    full: AtomicBool,
    /// Per lifecycle stage, the angles sampled enough.
    done: RwLock<[HashSet<String>; STAGES.len()]>,
}

impl Wanted {
    /// A sample of at most `size` customers (`per_cell` of each lifecycle stage and angle).
    pub fn new(size: usize) -> Self {
        Self {
            per_cell: (size / 25).max(1),
            full: AtomicBool::new(size == 0),
            done: RwLock::default(),
        }
    }

    /// Whether a customer of this stage and angle may still be sampled.
    fn wants(&self, stage: usize, angle: &str) -> bool {
        if self.full.load(Ordering::Relaxed) {
            return false;
        }
        match self.done.read() {
            Ok(done) => done.get(stage).is_none_or(|angles| !angles.contains(angle)),
            Err(_) => true,
        }
    }

    fn close_cell(&self, stage: usize, angle: &str) {
        let mut done = match self.done.write() {
            Ok(done) => done,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some(angles) = done.get_mut(stage) {
            angles.insert(angle.to_string());
        }
    }
}

/// A worker's view of [`Wanted`] over one batch (lines in input order): the writer samples at
/// most `per_cell` customers of a stage and angle from one batch, the first ones, so the worker
/// keeps details for those only.
pub struct Quota<'a> {
    wanted: Option<&'a Wanted>,
    taken: HashMap<(usize, String), usize>,
}

impl<'a> Quota<'a> {
    /// A fresh quota for one batch (`None`: no overview, nothing kept).
    pub fn new(wanted: Option<&'a Wanted>) -> Self {
        Self {
            wanted,
            taken: HashMap::new(),
        }
    }

    /// Whether to keep this customer's detail for the writer (counts it when so).
    pub fn take(&mut self, stage: usize, angle: &str) -> bool {
        let Some(wanted) = self.wanted else {
            return false;
        };
        if !wanted.wants(stage, angle) {
            return false;
        }
        let taken = self.taken.entry((stage, angle.to_string())).or_default();
        *taken += 1;
        *taken <= wanted.per_cell
    }
}

/// Picks the sample as the writer goes and writes its files.
pub struct Sampler<'a> {
    engine: &'a Personalizer,
    wanted: &'a Wanted,
    dir: PathBuf,
    size: usize,
    per_cell: usize,
    cells: HashMap<(usize, String), usize>,
    rows: Vec<String>,
    chunk: Vec<String>,
    chunks: usize,
    products: BTreeMap<String, ProductRef>,
    error: Option<(PathBuf, io::Error)>,
}

/// A product a sampled customer was shown.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ProductRef {
    title: String,
    price_minor: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    sale_price_minor: Option<i64>,
    currency: String,
}

/// One sampled customer's profile and decision, as the engine returns them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DetailOut<'a> {
    id: &'a str,
    profile: &'a Profile,
    decision: &'a Decision,
    warnings: &'a [String],
    copy_source: &'a str,
}

/// What a worker hands the writer for a customer the sample may take.
pub struct Detail {
    name: Option<String>,
    persona: Option<String>,
    /// The hero and the alternates.
    shown: Vec<String>,
    /// [`DetailOut`] as JSON.
    json: String,
}

impl Detail {
    /// The customer's name and persona, and the profile and decision as JSON.
    pub fn new(
        name: Option<String>,
        persona: Option<String>,
        profile: &Profile,
        decision: &Decision,
        warnings: &[String],
        copy_source: &str,
    ) -> Self {
        let out = DetailOut {
            id: &profile.customer_id,
            profile,
            decision,
            warnings,
            copy_source,
        };
        Self {
            name,
            persona,
            shown: decision
                .product_id
                .iter()
                .chain(&decision.alternates)
                .cloned()
                .collect(),
            json: serde_json::to_string(&out).unwrap_or_default(),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SampleInfo<'a> {
    size: usize,
    limit: usize,
    per_cell: usize,
    rule: &'a str,
    detail_chunk: usize,
}

impl<'a> Sampler<'a> {
    /// Starts a sample of at most `size` customers, `per_cell` per lifecycle stage and angle,
    /// under `<out>/overview` (a previous run's overview there is removed first).
    pub fn new(
        engine: &'a Personalizer,
        wanted: &'a Wanted,
        out: &Path,
        size: usize,
    ) -> Result<Self> {
        let dir = out.join("overview");
        if dir.join("customers.json").exists() {
            fs::remove_dir_all(&dir).map_err(|e| Fatal::at("cannot remove", &dir, e))?;
        }
        let details = dir.join("details");
        fs::create_dir_all(&details).map_err(|e| Fatal::at("cannot create", &details, e))?;
        Ok(Self {
            engine,
            wanted,
            dir,
            size,
            per_cell: wanted.per_cell,
            cells: HashMap::new(),
            rows: Vec::new(),
            chunk: Vec::new(),
            chunks: 0,
            products: BTreeMap::new(),
            error: None,
        })
    }

    /// How customers are picked, in words.
    fn rule(&self) -> String {
        format!(
            "the first {} customers of each lifecycle stage and angle, in file order, up to {} in all",
            self.per_cell,
            int(self.size as u64)
        )
    }

    /// Considers one decided customer (in input order), with its decision line.
    pub fn offer(&mut self, sent: Sent, line: &str) {
        if self.error.is_some() || self.rows.len() >= self.size {
            return;
        }
        // NOTE: a worker keeps the detail of every customer this could still take (see Quota).
        let Some(detail) = sent.detail else {
            return;
        };
        let kept = self
            .cells
            .entry((sent.stage, sent.angle.clone()))
            .or_default();
        if *kept >= self.per_cell {
            return;
        }
        *kept += 1;
        if *kept >= self.per_cell {
            self.wanted.close_cell(sent.stage, &sent.angle);
        }
        let mut row = String::with_capacity(line.len() + 96);
        let _ = write!(
            row,
            "{{\"name\":{},\"persona\":{},\"detail\":[{},{}],\"decision\":{line}}}",
            json_text(detail.name.as_deref()),
            json_text(detail.persona.as_deref()),
            self.chunks,
            self.chunk.len()
        );
        self.rows.push(row);
        self.chunk.push(detail.json);
        if self.rows.len() >= self.size {
            self.wanted.full.store(true, Ordering::Relaxed);
        }
        let catalog = self.engine.catalog();
        for id in &detail.shown {
            if self.products.contains_key(id) {
                continue;
            }
            if let Some(p) = catalog.get(id) {
                self.products.insert(
                    id.clone(),
                    ProductRef {
                        title: p.title.clone(),
                        price_minor: p.price_minor,
                        sale_price_minor: p.sale_price_minor,
                        currency: p.currency.clone(),
                    },
                );
            }
        }
        if self.chunk.len() >= DETAIL_CHUNK {
            self.flush();
        }
    }

    /// Writes the current details chunk.
    fn flush(&mut self) {
        if self.chunk.is_empty() || self.error.is_some() {
            return;
        }
        let path = self.dir.join("details").join(chunk_name(self.chunks));
        let body = format!("[\n{}\n]\n", self.chunk.join(",\n"));
        if let Err(e) = fs::write(&path, body) {
            self.error = Some((path, e));
        }
        self.chunk.clear();
        self.chunks += 1;
    }

    /// Writes `overview/customers.json`, the page, and copies the widget from `widget` (when
    /// found: see [`find_widget`]). `title` is the page title's campaign id.
    pub fn finish(
        mut self,
        out: &Path,
        widget: Option<&Path>,
        title: &str,
    ) -> Result<OverviewInfo> {
        self.flush();
        if let Some((path, e)) = self.error.take() {
            return Err(Fatal::at("cannot write", &path, e));
        }
        let info = SampleInfo {
            size: self.rows.len(),
            limit: self.size,
            per_cell: self.per_cell,
            rule: &self.rule(),
            detail_chunk: DETAIL_CHUNK,
        };
        let mut body =
            String::with_capacity(self.rows.iter().map(|r| r.len() + 2).sum::<usize>() + 4096);
        let head =
            serde_json::to_string(&info).map_err(|e| Fatal::new(format!("overview: {e}")))?;
        let products = serde_json::to_string(&self.products)
            .map_err(|e| Fatal::new(format!("overview: {e}")))?;
        let _ = write!(
            body,
            "{{\"sample\":{head},\n\"products\":{products},\n\"customers\":[\n"
        );
        body.push_str(&self.rows.join(",\n"));
        body.push_str("\n]}\n");
        let path = self.dir.join("customers.json");
        fs::write(&path, body).map_err(|e| Fatal::at("cannot write", &path, e))?;
        let modules = match widget {
            Some(from) => copy_widget(from, &self.dir.join("widget"))?,
            None => Vec::new(),
        };
        let page = out.join(PAGE);
        fs::write(&page, page_html(title, &modules))
            .map_err(|e| Fatal::at("cannot write", &page, e))?;
        Ok(OverviewInfo {
            page: PAGE,
            sampled: self.rows.len(),
            rule: self.rule(),
            widget: !modules.is_empty(),
        })
    }
}

/// Removes a previous run's overview from `out` (with `--overview-sample 0`, so no page is left
/// over the new run's summary with an old sample).
pub fn remove(out: &Path) -> Result<()> {
    let dir = out.join("overview");
    if dir.join("customers.json").exists() {
        fs::remove_dir_all(&dir).map_err(|e| Fatal::at("cannot remove", &dir, e))?;
        let page = out.join(PAGE);
        if page.exists() {
            fs::remove_file(&page).map_err(|e| Fatal::at("cannot remove", &page, e))?;
        }
    }
    Ok(())
}

fn chunk_name(n: usize) -> String {
    format!("{n:04}.json")
}

fn json_text(text: Option<&str>) -> String {
    text.and_then(|t| serde_json::to_string(t).ok())
        .unwrap_or_else(|| "null".into())
}

/// The widget's folder: `--widget DIR`, else `www/` of the source tree this binary was built
/// from, else `./www`; the first with the widget and its vendored Chart.js.
pub fn find_widget(given: Option<&Path>) -> std::result::Result<PathBuf, String> {
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www");
    let candidates: Vec<PathBuf> = match given {
        Some(dir) => vec![dir.to_path_buf()],
        None => vec![built, PathBuf::from("www")],
    };
    for dir in &candidates {
        if dir.join("mailfit-preview.js").is_file() && dir.join("vendor/chart.js.js").is_file() {
            return Ok(dir.clone());
        }
    }
    let tried: Vec<String> = candidates.iter().map(|d| d.display().to_string()).collect();
    Err(format!(
        "the preview widget (mailfit-preview.js with vendor/chart.js.js, made by `scripts/dev build`) is not in {}",
        tried.join(" or ")
    ))
}

/// What of `www/` the page needs: the widget and Chart.js (with its one dependency); not the
/// editor's CodeMirror, which a run's overview does not open.
const WIDGET_FILES: [&str; 6] = [
    "mailfit-preview.js",
    "mailfit-preview",
    "vendor/chart.js.js",
    "vendor/chart.js",
    "vendor/@kurkle",
    "vendor/LICENSES.md",
];

/// Copies the widget's files into `to`; returns the modules the overview loads (paths under `to`,
/// sorted), none when `from` lacks the widget.
fn copy_widget(from: &Path, to: &Path) -> Result<Vec<String>> {
    if !from.join(WIDGET_FILES[0]).is_file() {
        return Ok(Vec::new());
    }
    let mut modules = Vec::new();
    for item in WIDGET_FILES {
        copy_tree(&from.join(item), &to.join(item), item, &mut modules)
            .map_err(|e| Fatal::at("cannot copy the widget to", to, e))?;
    }
    // The editor's module is only for the editor, which a run's overview does not open.
    modules.retain(|m| m.ends_with(".js") && m != "mailfit-preview/editor.js");
    modules.sort();
    Ok(modules)
}

fn copy_tree(from: &Path, to: &Path, rel: &str, copied: &mut Vec<String>) -> io::Result<()> {
    if from.is_dir() {
        fs::create_dir_all(to)?;
        for entry in fs::read_dir(from)? {
            let entry = entry?;
            let name = entry.file_name();
            let sub = format!("{rel}/{}", name.to_string_lossy());
            copy_tree(&entry.path(), &to.join(&name), &sub, copied)?;
        }
    } else if from.is_file() {
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(from, to)?;
        copied.push(rel.to_string());
    }
    Ok(())
}

/// The page: the widget full-page in results mode, over this folder; `modules` are preloaded
/// (paths under `overview/widget/`), so the charts' code arrives with the page.
fn page_html(campaign: &str, modules: &[String]) -> String {
    let mut preload = String::new();
    for m in modules {
        let _ = writeln!(
            preload,
            "<link rel=\"modulepreload\" href=\"overview/widget/{}\">",
            esc(m)
        );
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{id}: campaign overview</title>\n<link rel=\"icon\" href=\"data:,\">\n\
{preload}<link rel=\"preload\" href=\"summary.json\" as=\"fetch\" crossorigin>\n\
<link rel=\"preload\" href=\"overview/customers.json\" as=\"fetch\" crossorigin>\n\
<style>html, body {{ margin: 0; height: 100%; background: #f4f5f2; }} mailfit-preview {{ height: 100vh; }}</style>\n\
<script type=\"module\" src=\"overview/widget/mailfit-preview.js\"></script>\n</head>\n<body>\n\
<!-- The campaign CLI's results in the preview widget: counts from summary.json, emails from emails/. -->\n\
<mailfit-preview results=\".\" view=\"overview\"></mailfit-preview>\n\
<noscript>The interactive overview needs JavaScript; <a href=\"index.html\">index.html</a> has the same counts as a static page.</noscript>\n\
</body>\n</html>\n",
        id = esc(campaign),
    )
}
