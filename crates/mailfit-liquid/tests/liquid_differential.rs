//! Differential testing of our Liquid engine against Shopify's reference implementation, Ruby
//! Liquid (Debian's `ruby-liquid`): random templates in the shapes email authors write are
//! rendered by both, every disagreement is minimized and classified, and the agreement rate
//! must stay above a floor. A second test replays the committed corpus of minimized
//! disagreements (tests/liquid-diff/corpus.jsonl). See tests/liquid-diff/README.md.
//!
//! `MAILFIT_LIQUID_DIFF_SEED=<n>` replays a run, `MAILFIT_LIQUID_DIFF_CASES=<n>` sets its size.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "liquid-diff/gen.rs"]
mod generator;

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Instant;

use generator::Case;
use mailfit_liquid::TemplateError;
use mailfit_liquid::{Data, Dialect, RenderOptions};
use serde_json::{Value, json};

/// Agreement rate a run must reach, over the cases in scope (deliberate differences apart).
/// Measured at 93.1-94.5% over seeds 11, 22, 33, 44, 55, 101 and 202 (3,000 cases each) when
/// this test was written, 97.0-97.7% after the first fixes, and 99.77-100% over fifteen seeds
/// (99.92% over 20,000 cases) after the lax-mode fixes (README, "Where it stands"). Set at the
/// issue's 99.5%, below the lowest seed seen (101: 7 of 2,993), so seed-to-seed noise passes.
const FLOOR: f64 = 0.995;

/// Corpus ids our engine now renders like Ruby; the corpus test fails if one regresses.
const FIXED: &[&str] = &[
    "11-2509",
    "11-209",
    "11-49",
    "11-2699",
    "55-462",
    "11-46",
    "11-33",
    "202-1306",
    "22-2112",
    "22-1997",
    "11-2932",
    "33-2875",
    "9001-1188",
    "9005-1399",
    "9005-428",
    "9004-1904",
    "44-2122",
    "11-150",
    "11-1355",
    "33-497",
    "9001-338",
    "9002-2894",
    "9100-938",
    "55-776",
    "9002-1341",
    "55-1878",
    "9005-2935",
    "9001-2369",
    "9001-509",
    "9002-1757",
    "11-2470",
    "22-214",
    "202-2093",
    "9002-805",
    "9001-1097",
    "9100-19053",
    "9100-14030",
    "202-2593",
    "55-1924",
    "44-1994",
    "9003-1043",
    "9100-1637",
    "9002-1651",
    "9100-3838",
    "9100-7853",
    "9100-8643",
    "9100-18587",
    "11-2276",
    "22-1073",
    "22-618",
    "9100-3388",
    "9003-2169",
    "9003-1168",
    "9100-408",
    // Not disagreements: guards kept when `forloop.parentloop` became lazy (built when read).
    "parentloop-1",
    "parentloop-2",
    "parentloop-3",
    "parentloop-4",
    "parentloop-5",
    "parentloop-6",
    "parentloop-8",
    "parentloop-9",
    "forloop-print-1",
    "forloop-print-2",
];

const DEFAULT_CASES: usize = 3000;

/// Evaluations (one Ruby render each, at most) the minimizer may spend on one disagreement.
const MINIMIZE_STEPS: usize = 300;

const RENDER_RB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/liquid-diff/render.rb");
const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/liquid-diff/corpus.jsonl"
);

// ---------------------------------------------------------------------------------------------
// The two renderers.

/// What Ruby Liquid made of a case.
#[derive(Debug, Clone, PartialEq)]
enum Ruby {
    Output(String),
    /// Rendered, but hit runtime errors: rendered inline, or swallowed (as `assign` does).
    Errored(String, Vec<String>),
    /// `Template.parse` raised.
    ParseError(String),
    /// `render` raised or timed out (lax mode renders most errors inline instead).
    RenderError(String),
}

impl Ruby {
    /// Failed while rendering: an inline "Liquid error" in lax mode, or a raise.
    fn failed_rendering(&self) -> bool {
        matches!(self, Ruby::Errored(..) | Ruby::RenderError(_))
    }

    /// How the corpus records it: the output itself, or the error with its phase.
    fn recorded(&self) -> String {
        match self {
            Ruby::Output(out) | Ruby::Errored(out, _) => out.clone(),
            Ruby::ParseError(e) => format!("parse error: {e}"),
            Ruby::RenderError(e) => format!("render error: {e}"),
        }
    }
}

/// What our engine made of a case.
#[derive(Debug, Clone, PartialEq)]
enum Ours {
    Output(String),
    ParseError(String),
    /// A render or limit error.
    RenderError(String),
    Panic(String),
}

impl Ours {
    fn shown(&self) -> String {
        match self {
            Ours::Output(out) => out.clone(),
            Ours::ParseError(e) => format!("parse error: {e}"),
            Ours::RenderError(e) => format!("render error: {e}"),
            Ours::Panic(e) => format!("panic: {e}"),
        }
    }
}

fn render_ours(case: &Case) -> Ours {
    let data = Data::from_json(&case.data);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        Dialect::shopify().render_template(
            &case.template,
            &data,
            &case.partials,
            &RenderOptions::default(),
        )
    }));
    match result {
        Ok(Ok(out)) => Ours::Output(out),
        Ok(Err(TemplateError::Parse { message, .. })) => Ours::ParseError(message),
        Ok(Err(e)) => Ours::RenderError(e.to_string()),
        Err(panic) => Ours::Panic(
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_string()))
                .unwrap_or_default(),
        ),
    }
}

fn ruby_available() -> bool {
    Command::new("ruby")
        .args(["-e", "require 'liquid'"])
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Skips (or fails, under `MAILFIT_REQUIRE_DATA`) when Ruby Liquid is not installed.
fn require_ruby() -> bool {
    if ruby_available() {
        return true;
    }
    assert!(
        std::env::var("MAILFIT_REQUIRE_DATA").is_err(),
        "ruby with ruby-liquid is required (scripts/dev setup installs it)"
    );
    eprintln!("skipping: ruby-liquid not installed");
    false
}

/// One long-lived render.rb process: the whole run in one batch, then one case at a time for
/// the minimizer. Results are cached by case content (the minimizer revisits candidates).
struct Oracle {
    child: Child,
    input: Option<ChildStdin>,
    output: BufReader<ChildStdout>,
    cache: HashMap<String, Ruby>,
    /// Keys of the cases where Ruby's `date` read its clock (render.rb's `clock`).
    clocked: std::collections::HashSet<String>,
    /// What current Liquid renders where it differs from Liquid 5.4 (render.rb's `current`).
    current: HashMap<String, String>,
    renders: usize,
}

impl Oracle {
    fn start() -> Oracle {
        let mut child = Command::new("ruby")
            .arg(RENDER_RB)
            // Ruby's `date` reads zone-less times in local time; ours reads them as UTC.
            .env("TZ", "UTC")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("ruby tests/liquid-diff/render.rb");
        let input = child.stdin.take();
        let output = BufReader::new(child.stdout.take().unwrap());
        Oracle {
            child,
            input,
            output,
            cache: HashMap::new(),
            clocked: std::collections::HashSet::new(),
            current: HashMap::new(),
            renders: 0,
        }
    }

    fn line(case: &Case) -> String {
        let mut line = serde_json::to_string(&json!({
            "id": case.id,
            "template": case.template,
            "data": case.data,
            "partials": case.partials,
        }))
        .unwrap();
        line.push('\n');
        line
    }

    /// Did Ruby's `date` read its clock on this case (rendered before)?
    fn clock_dependent(&self, case: &Case) -> bool {
        self.clocked.contains(&key(case))
    }

    /// The next result, for the case with this key.
    fn read_result(&mut self, key: String) -> Ruby {
        let mut line = String::new();
        let n = self.output.read_line(&mut line).unwrap();
        assert!(n > 0, "render.rb exited early");
        let v: Value = serde_json::from_str(&line).unwrap();
        let text = |key: &str| v[key].as_str().unwrap_or_default().to_string();
        let errors: Vec<String> = v["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e.as_str().map(str::to_string))
            .collect();
        let ruby = match (v.get("output"), v.get("phase")) {
            (Some(_), _) if errors.is_empty() => Ruby::Output(text("output")),
            (Some(_), _) => Ruby::Errored(text("output"), errors),
            (None, Some(_)) => Ruby::RenderError(text("error")),
            (None, None) => Ruby::ParseError(text("error")),
        };
        if let Some(current) = v["current"].as_str() {
            self.current.insert(key.clone(), current.to_string());
        }
        if v["clock"] == json!(true) {
            self.clocked.insert(key);
        }
        ruby
    }

    /// Renders every case, writing from a second thread so neither pipe can fill up and block.
    fn render_all(&mut self, cases: &[Case]) -> Vec<Ruby> {
        let mut input = self.input.take().unwrap();
        let results = std::thread::scope(|scope| {
            let writer = scope.spawn(move || {
                for case in cases {
                    input.write_all(Oracle::line(case).as_bytes()).unwrap();
                }
                input.flush().unwrap();
                input
            });
            let results: Vec<Ruby> = cases.iter().map(|c| self.read_result(key(c))).collect();
            (results, writer.join().unwrap())
        });
        self.input = Some(results.1);
        self.renders += cases.len();
        results.0
    }

    fn render(&mut self, case: &Case) -> Ruby {
        let key = key(case);
        if let Some(hit) = self.cache.get(&key) {
            return hit.clone();
        }
        let input = self.input.as_mut().unwrap();
        input.write_all(Oracle::line(case).as_bytes()).unwrap();
        input.flush().unwrap();
        let result = self.read_result(key.clone());
        self.renders += 1;
        self.cache.insert(key, result.clone());
        result
    }
}

impl Drop for Oracle {
    fn drop(&mut self) {
        // Closing stdin ends render.rb's loop.
        self.input.take();
        let _ = self.child.wait();
    }
}

/// A case's content, for caches.
fn key(case: &Case) -> String {
    serde_json::to_string(&json!([case.template, case.data, case.partials])).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Comparison.

/// How a disagreement shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Both rendered, differently.
    Output,
    /// Ruby rendered cleanly; we refuse to parse.
    OursParseError,
    /// Ruby rendered cleanly; we fail while rendering.
    OursRenderError,
    /// Ruby refused to parse; we did not.
    RubyParseError,
    /// Ruby failed while rendering (inline error); we rendered.
    RubyError,
    /// Our engine panicked.
    Panic,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Output => "output",
            Kind::OursParseError => "ours-parse-error",
            Kind::OursRenderError => "ours-render-error",
            Kind::RubyParseError => "ruby-parse-error",
            Kind::RubyError => "ruby-error",
            Kind::Panic => "panic",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Same,
    BothParseError,
    /// Ruby's inline (or raised) runtime error, and an error of ours: agreement.
    ErrorVsError,
    Differ(Kind),
}

fn verdict(ruby: &Ruby, ours: &Ours) -> Verdict {
    match (ruby, ours) {
        (_, Ours::Panic(_)) => Verdict::Differ(Kind::Panic),
        (Ruby::Output(a) | Ruby::Errored(a, _), Ours::Output(b)) if a == b => Verdict::Same,
        (Ruby::ParseError(_), Ours::ParseError(_)) => Verdict::BothParseError,
        (r, Ours::ParseError(_) | Ours::RenderError(_)) if r.failed_rendering() => {
            Verdict::ErrorVsError
        }
        (Ruby::ParseError(_), _) => Verdict::Differ(Kind::RubyParseError),
        (r, Ours::Output(_)) if r.failed_rendering() => Verdict::Differ(Kind::RubyError),
        (_, Ours::Output(_)) => Verdict::Differ(Kind::Output),
        (_, Ours::ParseError(_)) => Verdict::Differ(Kind::OursParseError),
        (_, Ours::RenderError(_)) => Verdict::Differ(Kind::OursRenderError),
    }
}

/// Our email filters, which Ruby Liquid lacks: the gem has no `money` (Shopify's storefront
/// has its own), `utm`, `image_url` or `asset_url`, so its lax mode hands their input on
/// unchanged where ours formats it. What they change is ours on purpose.
const EMAIL_FILTERS: &[&str] = &["money", "utm", "image_url", "asset_url"];

/// Why a disagreement is deliberate, if it is (see "Deliberate differences" in the README):
/// - `clock`: Ruby's `date` read its clock (`now`, or a string without a year, which
///   `Time.parse` completes from the current time; render.rb notes it); ours never reads it;
/// - `email filter`: the case without its email filters agrees, and Ruby renders it exactly as
///   it rendered the case with them;
/// - `current Liquid`: we render what current Shopify Liquid (and golden-liquid) renders where
///   Liquid 5.4 differs: `tablerowloop.col_last` in a `tablerow` without `cols` (render.rb).
fn deliberate(oracle: &mut Oracle, case: &Case) -> Option<&'static str> {
    if oracle.clock_dependent(case) {
        return Some("clock");
    }
    if let Some(current) = oracle.current.get(&key(case)) {
        let ours = render_ours(case);
        if verdict(&Ruby::Output(current.clone()), &ours) == Verdict::Same {
            return Some("current Liquid");
        }
    }
    let stripped = without_email_filters(case)?;
    let ruby = oracle.render(case);
    let ruby_stripped = oracle.render(&stripped);
    let agrees = !matches!(
        verdict(&ruby_stripped, &render_ours(&stripped)),
        Verdict::Differ(_)
    );
    (agrees && ruby_stripped == ruby).then_some("email filter")
}

/// The case with every email filter (and its arguments) dropped from its outputs and tags, in
/// the template and the partials; `None` when it uses none.
fn without_email_filters(case: &Case) -> Option<Case> {
    let strip = |source: &str| -> String {
        let mut out = String::new();
        for token in tokenize(source) {
            let (Token::Output(text) | Token::Tag(text, _)) = &token else {
                out.push_str(token.text());
                continue;
            };
            let (open, inner, close) = frame(text);
            out.push_str(open);
            for line in inner.split_inclusive('\n') {
                let pieces = split_filters(line);
                let kept: Vec<&str> = pieces
                    .iter()
                    .enumerate()
                    .filter(|(i, piece)| {
                        let name = piece.trim_start();
                        let name = &name[..name
                            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                            .unwrap_or(name.len())];
                        *i == 0 || !EMAIL_FILTERS.contains(&name)
                    })
                    .map(|(_, piece)| *piece)
                    .collect();
                out.push_str(&kept.join("|"));
                if kept.len() < pieces.len() && line.ends_with('\n') && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            out.push_str(close);
        }
        out
    };
    let stripped = Case {
        template: strip(&case.template),
        partials: case
            .partials
            .iter()
            .map(|(name, source)| (name.clone(), strip(source)))
            .collect(),
        ..case.clone()
    };
    (key(&stripped) != key(case)).then_some(stripped)
}

// ---------------------------------------------------------------------------------------------
// Templates as trees, for the minimizer and the classifier.

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Text(String),
    Output(String),
    /// A `{% %}` tag, with its name.
    Tag(String, String),
}

impl Token {
    fn text(&self) -> &str {
        match self {
            Token::Text(t) | Token::Output(t) | Token::Tag(t, _) => t,
        }
    }
}

/// Splits a source into text, `{{ }}` and `{% %}` tokens the way Liquid's tokenizer does (an
/// output ends at its first `}`, a tag at its first `%}`); concatenated, the tokens give the
/// source back exactly (an unterminated tag runs to the end).
fn tokenize(source: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut rest = source;
    while !rest.is_empty() {
        let start = [rest.find("{{"), rest.find("{%")]
            .into_iter()
            .flatten()
            .min();
        let Some(start) = start else {
            tokens.push(Token::Text(rest.to_string()));
            break;
        };
        if start > 0 {
            tokens.push(Token::Text(rest[..start].to_string()));
            rest = &rest[start..];
        }
        let is_output = rest.starts_with("{{");
        let len = if is_output {
            rest[2..].find('}').map_or(rest.len(), |at| {
                let end = at + 3;
                end + usize::from(rest[end..].starts_with('}'))
            })
        } else {
            rest[2..].find("%}").map_or(rest.len(), |at| at + 4)
        };
        let text = rest[..len].to_string();
        rest = &rest[len..];
        if is_output {
            tokens.push(Token::Output(text));
        } else {
            let name = tag_name(markup(&text));
            tokens.push(Token::Tag(text, name));
        }
    }
    tokens
}

/// The lines of a `{% liquid %}` tag as tag tokens (blank lines as text), so its body
/// minimizes and classifies like a template.
fn liquid_lines(body: &str) -> Vec<Token> {
    body.split_inclusive('\n')
        .map(|line| {
            if line.trim().is_empty() {
                Token::Text(line.to_string())
            } else {
                Token::Tag(line.to_string(), tag_name(line.trim()))
            }
        })
        .collect()
}

/// `endif -` -> `endif`; `# note` -> `#`.
fn tag_name(markup: &str) -> String {
    if markup.starts_with('#') {
        return "#".into();
    }
    markup
        .split(|c: char| c.is_whitespace() || c == '-' || c == '%')
        .next()
        .unwrap_or("")
        .to_string()
}

/// A token as (opening delimiter with its trim marker, markup, closing delimiter); a line of
/// `{% liquid %}` has its surrounding whitespace as delimiters.
fn frame(token: &str) -> (&str, &str, &str) {
    let open = if token.starts_with("{{-") || token.starts_with("{%-") {
        3
    } else if token.starts_with("{{") || token.starts_with("{%") {
        2
    } else {
        token.len() - token.trim_start().len()
    };
    let rest = &token[open..];
    let close = if rest.ends_with("-}}") || rest.ends_with("-%}") {
        3
    } else if rest.ends_with("}}") || rest.ends_with("%}") {
        2
    } else if token.starts_with("{{") && rest.ends_with('}') {
        1
    } else if token.starts_with('{') {
        0
    } else {
        rest.len() - rest.trim_end().len()
    };
    let inner = &rest[..rest.len() - close];
    (&token[..open], inner, &rest[rest.len() - close..])
}

/// What is between the delimiters of a tag or output, trimmed.
fn markup(token: &str) -> &str {
    frame(token).1.trim()
}

const BLOCKS: &[&str] = &[
    "if",
    "unless",
    "case",
    "for",
    "tablerow",
    "capture",
    "ifchanged",
];

fn is_middle(block: &str, name: &str) -> bool {
    match block {
        "if" | "unless" => matches!(name, "elsif" | "else"),
        "case" => matches!(name, "when" | "else"),
        "for" => name == "else",
        _ => false,
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Leaf(Token),
    Block {
        open: Token,
        parts: Vec<Part>,
        close: Option<Token>,
    },
}

/// A block's body up to the next `else`/`elsif`/`when` or its end; `head` is that tag.
#[derive(Debug, Clone, PartialEq)]
struct Part {
    head: Option<Token>,
    body: Vec<Node>,
}

fn parse_tree(source: &str) -> Vec<Node> {
    tree_of(&tokenize(source))
}

fn tree_of(tokens: &[Token]) -> Vec<Node> {
    let mut pos = 0;
    let (mut parts, _) = parse_parts(tokens, &mut pos, "");
    parts.remove(0).body
}

fn parse_parts(tokens: &[Token], pos: &mut usize, block: &str) -> (Vec<Part>, Option<Token>) {
    let mut parts = vec![Part {
        head: None,
        body: Vec::new(),
    }];
    while let Some(token) = tokens.get(*pos) {
        *pos += 1;
        let Token::Tag(_, name) = token else {
            parts
                .last_mut()
                .unwrap()
                .body
                .push(Node::Leaf(token.clone()));
            continue;
        };
        if !block.is_empty() && *name == format!("end{block}") {
            return (parts, Some(token.clone()));
        }
        if is_middle(block, name) {
            parts.push(Part {
                head: Some(token.clone()),
                body: Vec::new(),
            });
            continue;
        }
        let node = if name == "raw" || name == "comment" {
            // Opaque up to its end tag: one leaf.
            let mut text = token.text().to_string();
            while let Some(inner) = tokens.get(*pos) {
                *pos += 1;
                text.push_str(inner.text());
                if matches!(inner, Token::Tag(_, n) if *n == format!("end{name}")) {
                    break;
                }
            }
            Node::Leaf(Token::Tag(text, name.clone()))
        } else if BLOCKS.contains(&name.as_str()) {
            let (inner, close) = parse_parts(tokens, pos, name);
            Node::Block {
                open: token.clone(),
                parts: inner,
                close,
            }
        } else {
            Node::Leaf(token.clone())
        };
        parts.last_mut().unwrap().body.push(node);
    }
    (parts, None)
}

fn write_nodes(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Leaf(t) => out.push_str(t.text()),
            Node::Block { open, parts, close } => {
                out.push_str(open.text());
                for part in parts {
                    if let Some(head) = &part.head {
                        out.push_str(head.text());
                    }
                    write_nodes(&part.body, out);
                }
                if let Some(close) = close {
                    out.push_str(close.text());
                }
            }
        }
    }
}

fn source_of(nodes: &[Node]) -> String {
    let mut out = String::new();
    write_nodes(nodes, &mut out);
    out
}

/// Every token of a tree, in source order (concatenated, the source).
fn tokens_of(nodes: &[Node], out: &mut Vec<Token>) {
    for node in nodes {
        match node {
            Node::Leaf(t) => out.push(t.clone()),
            Node::Block { open, parts, close } => {
                out.push(open.clone());
                for part in parts {
                    out.extend(part.head.clone());
                    tokens_of(&part.body, out);
                }
                out.extend(close.clone());
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The minimizer: greedy delta debugging over the template tree, the partials and the data.

/// Splits markup at `|` outside quotes: the expression, then one piece per filter.
fn split_filters(markup: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (i, c) in markup.char_indices() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '|') => {
                pieces.push(&markup[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(&markup[start..]);
    pieces
}

/// The body of a `{% liquid %}` tag, between `liquid` and the closing delimiter.
fn liquid_body(token: &str) -> Option<(&str, &str, &str)> {
    let (open, inner, close) = frame(token);
    let at = token.find("liquid")? + "liquid".len();
    let body_end = open.len() + inner.len();
    (at <= body_end).then(|| (&token[..at], &token[at..body_end], close))
}

/// A `{% liquid %}` tag written as the tags it stands for (`echo x` as `{{ x }}`), so what it
/// holds minimizes like the rest of the template.
fn liquid_as_tags(token: &str) -> Option<String> {
    let (_, body, _) = liquid_body(token)?;
    let tags = body
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| match line.strip_prefix("echo") {
            Some(expression) if expression.is_empty() || expression.starts_with(' ') => {
                format!("{{{{ {} }}}}", expression.trim())
            }
            _ => format!("{{% {line} %}}"),
        })
        .collect();
    Some(tags)
}

/// The case with one `include`/`render` of a known partial replaced by the partial's source.
fn partial_inlined(case: &Case) -> Vec<Case> {
    let mut out = Vec::new();
    let mut at = 0;
    for token in tokenize(&case.template) {
        let len = token.text().len();
        if let Token::Tag(text, name) = &token {
            let partial = markup(text).split_whitespace().nth(1).map(|w| {
                w.trim_end_matches(',')
                    .trim_matches(|c| c == '\'' || c == '"')
            });
            if let (true, Some(source)) = (
                name == "include" || name == "render",
                partial.and_then(|p| case.partials.get(p)),
            ) {
                let template = format!(
                    "{}{source}{}",
                    &case.template[..at],
                    &case.template[at + len..]
                );
                out.push(Case {
                    template,
                    ..case.clone()
                });
            }
        }
        at += len;
    }
    out
}

/// Smaller versions of one token: text halved; for tags and outputs, without trim markers,
/// without one filter, without one loop option, with one clause of a condition; for
/// `{% liquid %}`, its lines minimized as a template.
fn token_variants(token: &Token) -> Vec<Token> {
    let mut out = Vec::new();
    let text = token.text();
    if let Token::Text(t) = token {
        let chars: Vec<char> = t.chars().collect();
        if chars.len() > 1 {
            out.push(Token::Text(chars[..chars.len() / 2].iter().collect()));
            out.push(Token::Text(chars[..1].iter().collect()));
        }
        return out;
    }
    let (open, inner, close) = frame(text);
    let name = match token {
        Token::Tag(_, name) => name.as_str(),
        _ => "",
    };
    if matches!(name, "raw" | "comment" | "#") {
        return out;
    }
    let with = |text: String| match token {
        Token::Tag(_, name) => Token::Tag(text, name.clone()),
        _ => Token::Output(text),
    };
    let rebuild = |markup: String| -> Token {
        if open.starts_with('{') {
            with(format!("{open} {markup} {close}"))
        } else {
            with(format!("{open}{markup}{close}"))
        }
    };
    if open.ends_with('-') || close.starts_with('-') {
        let open = open.trim_end_matches('-');
        let close = close.trim_start_matches('-');
        out.push(with(format!("{open}{inner}{close}")));
    }
    if name == "echo" && open.starts_with('{') {
        let expression = inner.trim().strip_prefix("echo").unwrap_or("").trim();
        out.push(Token::Output(format!("{{{{ {expression} }}}}")));
    }
    if name == "liquid" {
        if let Some((head, body, tail)) = liquid_body(text) {
            let tree = tree_of(&liquid_lines(body));
            for smaller in list_variants(&tree) {
                out.push(with(format!("{head}{}{tail}", source_of(&smaller))));
            }
        }
        return out;
    }
    let m = inner.trim();
    let pieces = split_filters(m);
    for i in 1..pieces.len() {
        let mut kept = pieces.clone();
        kept.remove(i);
        out.push(rebuild(kept.join("|").trim().to_string()));
    }
    if matches!(name, "for" | "tablerow") {
        let words: Vec<&str> = m.split_whitespace().collect();
        for (i, w) in words.iter().enumerate().skip(4) {
            let mut kept = words.clone();
            if w.ends_with(':') && i + 1 < words.len() {
                kept.drain(i..=i + 1);
            } else {
                kept.remove(i);
            }
            out.push(rebuild(kept.join(" ")));
        }
    }
    if matches!(name, "if" | "elsif" | "unless") {
        let words: Vec<&str> = m.split_whitespace().collect();
        let clauses: Vec<&[&str]> = words[1..].split(|w| *w == "and" || *w == "or").collect();
        if clauses.len() > 1 {
            for clause in clauses {
                out.push(rebuild(format!("{} {}", words[0], clause.join(" "))));
            }
        }
    }
    out
}

/// Smaller versions of a node list: chunks removed (halves first), then each node simplified.
fn list_variants(nodes: &[Node]) -> Vec<Vec<Node>> {
    let mut out = Vec::new();
    let n = nodes.len();
    let mut size = n;
    while size > 0 {
        for start in (0..n).step_by(size) {
            let mut kept = nodes.to_vec();
            kept.drain(start..(start + size).min(n));
            out.push(kept);
        }
        size /= 2;
    }
    for (i, node) in nodes.iter().enumerate() {
        for replacement in node_variants(node) {
            let mut kept = nodes[..i].to_vec();
            kept.extend(replacement);
            kept.extend_from_slice(&nodes[i + 1..]);
            out.push(kept);
        }
    }
    out
}

/// Smaller versions of one node, each as the nodes that replace it.
fn node_variants(node: &Node) -> Vec<Vec<Node>> {
    let mut out = Vec::new();
    match node {
        Node::Leaf(token) => {
            if let Token::Tag(text, name) = token {
                if name == "liquid" {
                    if let Some(tags) = liquid_as_tags(text) {
                        out.push(parse_tree(&tags));
                    }
                }
            }
            for t in token_variants(token) {
                out.push(vec![Node::Leaf(t)]);
            }
        }
        Node::Block { open, parts, close } => {
            // The block replaced by one of its bodies.
            for part in parts {
                out.push(part.body.clone());
            }
            // One branch dropped (never the first: it follows the opening tag).
            for i in 1..parts.len() {
                let mut kept = parts.clone();
                kept.remove(i);
                out.push(vec![Node::Block {
                    open: open.clone(),
                    parts: kept,
                    close: close.clone(),
                }]);
            }
            for (i, part) in parts.iter().enumerate() {
                for body in list_variants(&part.body) {
                    let mut kept = parts.clone();
                    kept[i].body = body;
                    out.push(vec![Node::Block {
                        open: open.clone(),
                        parts: kept,
                        close: close.clone(),
                    }]);
                }
            }
            for t in token_variants(open) {
                out.push(vec![Node::Block {
                    open: t,
                    parts: parts.clone(),
                    close: close.clone(),
                }]);
            }
            for (i, part) in parts.iter().enumerate() {
                for t in part.head.iter().flat_map(token_variants) {
                    let mut kept = parts.clone();
                    kept[i].head = Some(t);
                    out.push(vec![Node::Block {
                        open: open.clone(),
                        parts: kept,
                        close: close.clone(),
                    }]);
                }
            }
        }
    }
    out
}

/// Smaller versions of a source; empty when it does not round-trip through the tree.
fn source_variants(source: &str) -> Vec<String> {
    let tree = parse_tree(source);
    if source_of(&tree) != source {
        return Vec::new();
    }
    list_variants(&tree).iter().map(|t| source_of(t)).collect()
}

/// Smaller versions of a JSON value: keys dropped, arrays and strings shortened.
fn value_variants(value: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    match value {
        Value::Object(map) => {
            for key in map.keys() {
                let mut kept = map.clone();
                kept.shift_remove(key);
                out.push(Value::Object(kept));
            }
            for (key, v) in map {
                for smaller in value_variants(v) {
                    let mut kept = map.clone();
                    kept[key] = smaller;
                    out.push(Value::Object(kept));
                }
            }
        }
        Value::Array(items) => {
            if items.len() > 1 {
                out.push(Value::Array(items[..items.len() / 2].to_vec()));
            }
            for i in 0..items.len() {
                let mut kept = items.clone();
                kept.remove(i);
                out.push(Value::Array(kept));
            }
            for (i, v) in items.iter().enumerate() {
                for smaller in value_variants(v) {
                    let mut kept = items.clone();
                    kept[i] = smaller;
                    out.push(Value::Array(kept));
                }
            }
        }
        Value::String(s) => {
            // Short strings (names, dates, tags) stay as they are: halves of them read as
            // noise in a report and hide what the value was.
            let chars: Vec<char> = s.chars().collect();
            if chars.len() > 16 {
                out.push(Value::String(chars[..chars.len() / 2].iter().collect()));
                out.push(Value::String(chars[chars.len() / 2..].iter().collect()));
            }
        }
        _ => {}
    }
    out
}

/// Top-level data keys no template or partial mentions, dropped in one step.
fn unreferenced_data_dropped(case: &Case) -> Option<Case> {
    let map = case.data.as_object()?;
    let sources: String = std::iter::once(case.template.as_str())
        .chain(case.partials.values().map(String::as_str))
        .collect();
    let kept: serde_json::Map<String, Value> = map
        .iter()
        .filter(|(k, _)| sources.contains(k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    (kept.len() < map.len()).then(|| Case {
        data: Value::Object(kept),
        ..case.clone()
    })
}

/// Every one-step-smaller version of a case, biggest steps first.
fn case_variants(case: &Case) -> Vec<Case> {
    let mut out: Vec<Case> = unreferenced_data_dropped(case).into_iter().collect();
    out.extend(partial_inlined(case));
    for template in source_variants(&case.template) {
        out.push(Case {
            template,
            ..case.clone()
        });
    }
    for name in case.partials.keys() {
        let mut partials = case.partials.clone();
        partials.remove(name);
        out.push(Case {
            partials,
            ..case.clone()
        });
    }
    for (name, source) in &case.partials {
        for smaller in source_variants(source) {
            let mut partials = case.partials.clone();
            partials.insert(name.clone(), smaller);
            out.push(Case {
                partials,
                ..case.clone()
            });
        }
    }
    for data in value_variants(&case.data) {
        out.push(Case {
            data,
            ..case.clone()
        });
    }
    out
}

/// What a disagreement says beyond its kind: the failing side's error, normalized. The
/// minimizer keeps it fixed, so a case cannot drift from one problem to another on the way.
fn signature(kind: Kind, ruby: &Ruby, ours: &Ours) -> String {
    let message = match (kind, ruby, ours) {
        (Kind::Output, Ruby::Output(r) | Ruby::Errored(r, _), Ours::Output(o)) => {
            return output_difference(r, o).to_string();
        }
        (Kind::RubyParseError, Ruby::ParseError(m), _) => m.as_str(),
        (Kind::RubyError, Ruby::RenderError(m), _) => m.as_str(),
        (Kind::RubyError, Ruby::Errored(_, errors), _) => errors.first().map_or("", String::as_str),
        (_, _, Ours::ParseError(m) | Ours::RenderError(m) | Ours::Panic(m)) => m.as_str(),
        _ => "",
    };
    // The first line that says what is wrong (not where: pest's excerpt lines say where).
    let line = message
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("= "))
        .or_else(|| message.lines().next())
        .unwrap_or("");
    let line = line.trim_start_matches("= ");
    let line = line.split("failed to render: ").last().unwrap_or(line);
    let line = line.trim_start_matches("liquid: ");
    // Names in backticks (fields, partials) vary from case to case; numbers (positions) too.
    let mut named = String::new();
    for (i, piece) in line.split('`').enumerate() {
        named.push_str(if i % 2 == 1 { "`…`" } else { piece });
    }
    let mut out = String::new();
    for c in named.chars() {
        if !c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('#') {
            out.push('#');
        }
    }
    out
}

/// A coarse name for how two outputs differ where they first differ: minimizing keeps it, so a
/// float printed `1` rather than `1.0` cannot turn into a hash printed differently on the way.
fn output_difference(ruby: &str, ours: &str) -> &'static str {
    let start = ruby
        .chars()
        .zip(ours.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    let (r, o) = (&ruby[start..], &ours[start..]);
    let number = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | 'e' | '+'))
            .collect()
    };
    let (rn, on) = (number(r), number(o));
    let (rc, oc) = (r.chars().next(), o.chars().next());
    if r.contains("=>") || o.contains("=>") {
        "hash"
    } else if rn.contains("..") || on.contains("..") {
        "range"
    } else if (rn == ".0" && on.is_empty()) || (on == ".0" && rn.is_empty()) {
        "float .0"
    } else if !rn.is_empty() && !on.is_empty() {
        "number"
    } else if rc.is_some_and(char::is_whitespace) || oc.is_some_and(char::is_whitespace) {
        "whitespace"
    } else if rc
        .zip(oc)
        .is_some_and(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
    {
        "letter case"
    } else {
        "text"
    }
}

/// Our result on a case, and whether it still disagrees with Ruby as `kind` with `signature`.
/// Our side runs first: it is cheap, and most candidates that lose the disagreement lose it
/// on our side.
fn still_differs(oracle: &mut Oracle, case: &Case, kind: Kind, signature_was: &str) -> bool {
    let ours = render_ours(case);
    let plausible = match kind {
        Kind::Output | Kind::RubyError => matches!(ours, Ours::Output(_)),
        Kind::OursParseError => matches!(ours, Ours::ParseError(_)),
        Kind::OursRenderError => matches!(ours, Ours::RenderError(_)),
        Kind::RubyParseError => matches!(ours, Ours::Output(_) | Ours::RenderError(_)),
        Kind::Panic => matches!(ours, Ours::Panic(_)),
    };
    if !plausible {
        return false;
    }
    let ruby = oracle.render(case);
    // A candidate whose difference is deliberate is not the same problem any more.
    verdict(&ruby, &ours) == Verdict::Differ(kind)
        && signature(kind, &ruby, &ours) == signature_was
        && deliberate(oracle, case).is_none()
}

/// Shrinks a disagreeing case while it keeps disagreeing the same way, within a step budget.
/// Greedy: the candidates of each version are tried in order (biggest cuts first); after a
/// success the new version's candidates are tried from the same position on, since the ones
/// before it mostly failed already, and a pass that made progress is followed by another.
/// Returns the smallest case found and whether the budget ran out first.
fn minimize(oracle: &mut Oracle, case: &Case, kind: Kind) -> (Case, bool) {
    let signature_was = signature(kind, &oracle.render(case), &render_ours(case));
    let mut current = case.clone();
    let mut seen: HashMap<String, bool> = HashMap::new();
    let mut steps = 0;
    let mut progress = true;
    while progress {
        progress = false;
        let mut candidates = case_variants(&current);
        let mut i = 0;
        while let Some(candidate) = candidates.get(i) {
            let k = key(candidate);
            if seen.contains_key(&k) {
                i += 1;
                continue;
            }
            if steps == MINIMIZE_STEPS {
                return (current, true);
            }
            steps += 1;
            let differs = still_differs(oracle, candidate, kind, &signature_was);
            seen.insert(k, differs);
            if differs {
                current = candidate.clone();
                candidates = case_variants(&current);
                progress = true;
            } else {
                i += 1;
            }
        }
    }
    (current, false)
}

// ---------------------------------------------------------------------------------------------
// Classification.

/// How telling a construct is when it survives minimizing: a filter names the operation that
/// differs; a wrapper (`assign`, `echo`, a partial call) mostly carries something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Weight {
    Print,
    Wrapper,
    Tag,
    Filter,
}

/// A construct left in a minimized case.
struct Feature {
    weight: Weight,
    label: String,
    /// For a filter or a print in the template itself: the token's byte range and the number
    /// of markup pieces (expression, filters) before the filter, to probe its input's type.
    probe: Option<(std::ops::Range<usize>, usize)>,
}

/// The constructs a minimized case still uses (template and partials, `{% liquid %}` lines
/// included), in source order: filters, tags with their loop options or condition operators,
/// and plain `{{ x }}` prints.
fn features(case: &Case) -> Vec<Feature> {
    // Tokens with their byte range in the template (none for partials and `liquid` lines).
    let mut tokens: Vec<(Token, Option<std::ops::Range<usize>>)> = Vec::new();
    let mut template = Vec::new();
    tokens_of(&parse_tree(&case.template), &mut template);
    let mut at = 0;
    for token in template {
        let len = token.text().len();
        tokens.push((token, Some(at..at + len)));
        at += len;
    }
    for source in case.partials.values() {
        let mut partial = Vec::new();
        tokens_of(&parse_tree(source), &mut partial);
        tokens.extend(partial.into_iter().map(|t| (t, None)));
    }
    let mut out = Vec::new();
    let mut i = 0;
    while let Some((token, range)) = tokens.get(i).cloned() {
        i += 1;
        let (name, m) = match &token {
            Token::Text(_) => continue,
            Token::Output(t) => ("", markup(t)),
            Token::Tag(t, name) => (name.as_str(), markup(t)),
        };
        if name.starts_with("end") || name == "else" {
            continue;
        }
        let rest = m.strip_prefix(name).unwrap_or(m);
        let mut push = |weight, label: String, probe| {
            out.push(Feature {
                weight,
                label,
                probe,
            })
        };
        match name {
            "for" | "tablerow" => {
                let mut options: Vec<&str> = Vec::new();
                for word in rest.split_whitespace() {
                    let option = word.trim_end_matches(|c: char| c == ':' || c.is_ascii_digit());
                    if matches!(option, "limit" | "offset" | "reversed" | "cols") {
                        options.push(option);
                    }
                    if word.starts_with('(') {
                        options.push("range");
                    }
                }
                let label = if options.is_empty() {
                    name.to_string()
                } else {
                    format!("{name}({})", options.join(","))
                };
                push(Weight::Tag, label, None);
            }
            "if" | "elsif" | "unless" | "when" | "case" => {
                let ops: Vec<&str> = rest
                    .split_whitespace()
                    .filter(|w| {
                        matches!(
                            *w,
                            "==" | "!="
                                | "<>"
                                | ">"
                                | "<"
                                | ">="
                                | "<="
                                | "contains"
                                | "and"
                                | "or"
                        ) || matches!(*w, "nil" | "null" | "blank" | "empty")
                    })
                    .collect();
                let base = if name == "elsif" { "if" } else { name };
                let label = if ops.is_empty() {
                    base.to_string()
                } else {
                    format!("{base} {}", ops.join(" "))
                };
                push(Weight::Tag, label, None);
            }
            "liquid" => {
                push(Weight::Wrapper, name.to_string(), None);
                let lines = liquid_body(token.text())
                    .map(|(_, body, _)| {
                        let mut lines = Vec::new();
                        tokens_of(&tree_of(&liquid_lines(body)), &mut lines);
                        lines
                    })
                    .unwrap_or_default();
                for (k, line) in lines.into_iter().enumerate() {
                    tokens.insert(i + k, (line, None));
                }
            }
            "assign" | "capture" | "echo" | "include" | "render" | "" => {
                if !name.is_empty() {
                    push(Weight::Wrapper, name.to_string(), None);
                }
                // An assign's filters follow its `=`.
                let expression = match name {
                    "assign" => rest.split_once('=').map_or(rest, |(_, e)| e),
                    _ => rest,
                };
                let pieces = split_filters(expression);
                // `x.size`, `x.first`: properties that are filters in disguise.
                let printed = matches!(name, "" | "echo" | "assign");
                for property in [".size", ".first", ".last"] {
                    if printed
                        && pieces
                            .first()
                            .is_some_and(|e| e.trim_end().ends_with(property))
                    {
                        push(Weight::Filter, property.to_string(), None);
                    }
                }
                if pieces.len() == 1 && name.is_empty() {
                    push(Weight::Print, "print".into(), range.clone().map(|r| (r, 1)));
                }
                if matches!(name, "" | "echo" | "assign") {
                    for (k, piece) in pieces.iter().enumerate().skip(1) {
                        let filter = piece
                            .split(|c: char| c == ':' || c.is_whitespace())
                            .find(|w| !w.is_empty())
                            .unwrap_or("");
                        push(
                            Weight::Filter,
                            format!("|{filter}"),
                            range.clone().map(|r| (r, k)),
                        );
                    }
                }
            }
            _ => push(Weight::Tag, name.to_string(), None),
        }
    }
    out
}

/// The Ruby type of what a filter (or a print) is given: the template re-rendered with the
/// token printing, between markers, its expression up to that filter through render.rb's
/// probe filter. `None` when the probe does not come back.
fn probe_type(
    oracle: &mut Oracle,
    case: &Case,
    range: &std::ops::Range<usize>,
    pieces: usize,
) -> Option<String> {
    const START: &str = "<<probe>>";
    const END: &str = "<</probe>>";
    let token = case.template.get(range.clone())?;
    let m = markup(token);
    let (head, expression) = match tag_name(m).as_str() {
        "assign" => m.split_once('=')?,
        "echo" => ("echo", m.strip_prefix("echo")?),
        _ => ("", m),
    };
    let prefix: Vec<&str> = split_filters(expression).into_iter().take(pieces).collect();
    let probe = format!(
        "{{{{ '{START}' }}}}{{{{ {} | liquid_diff_type }}}}{{{{ '{END}' }}}}",
        prefix.join("|")
    );
    // An assign still assigns: what follows may print the variable.
    let keep = if head.is_empty() || head == "echo" {
        ""
    } else {
        token
    };
    let template = format!(
        "{}{probe}{keep}{}",
        &case.template[..range.start],
        &case.template[range.end..]
    );
    let (Ruby::Output(out) | Ruby::Errored(out, _)) = oracle.render(&Case {
        template,
        ..case.clone()
    }) else {
        return None;
    };
    let (_, after) = out.split_once(START)?;
    let (name, _) = after.split_once(END)?;
    let short = |name: &str| -> String {
        match name {
            "Integer" => "int",
            "Float" | "BigDecimal" => "float",
            "String" => "string",
            "TrueClass" | "FalseClass" => "bool",
            "NilClass" => "nil",
            "Hash" => "object",
            "Range" => "range",
            other => other,
        }
        .to_string()
    };
    // Arrays come back as `Array(Float,NilClass)`: the types of their items.
    Some(match name.strip_prefix("Array(") {
        Some(items) => {
            let items: Vec<String> = items
                .trim_end_matches(')')
                .split(',')
                .filter(|i| !i.is_empty())
                .map(short)
                .collect();
            if items.is_empty() {
                "empty array".into()
            } else {
                format!("array of {}", items.join(","))
            }
        }
        None => short(name),
    })
}

/// Ruby Liquid 5.4's standard filters: any other name is one Ruby's lax mode ignores.
const RUBY_FILTERS: &[&str] = &[
    "abs",
    "append",
    "at_least",
    "at_most",
    "base64_decode",
    "base64_encode",
    "base64_url_safe_decode",
    "base64_url_safe_encode",
    "capitalize",
    "ceil",
    "compact",
    "concat",
    "date",
    "default",
    "divided_by",
    "downcase",
    "escape",
    "escape_once",
    "first",
    "floor",
    "h",
    "join",
    "last",
    "lstrip",
    "map",
    "minus",
    "modulo",
    "newline_to_br",
    "plus",
    "prepend",
    "remove",
    "remove_first",
    "remove_last",
    "replace",
    "replace_first",
    "replace_last",
    "reverse",
    "round",
    "rstrip",
    "size",
    "slice",
    "sort",
    "sort_natural",
    "split",
    "strip",
    "strip_html",
    "strip_newlines",
    "times",
    "truncate",
    "truncatewords",
    "uniq",
    "upcase",
    "url_decode",
    "url_encode",
    "where",
];

/// A short key naming what differs: the disagreement kind, the most telling construct left
/// after minimizing (the last filter, else the last tag, else a plain print) with the Ruby type
/// of its input, and the failing side's error.
fn classify(oracle: &mut Oracle, case: &Case, kind: Kind, signature: &str) -> String {
    let features = features(case);
    let top = features.iter().map(|f| f.weight).max();
    let chosen = features.iter().rev().find(|f| Some(f.weight) == top);
    if kind == Kind::OursParseError {
        // Ruby's lax parser lets most malformed markup through; what we reject is named by
        // its construct (the pest message varies with every detail of the mistake).
        let what = chosen.map_or("text".to_string(), |f| match f.weight {
            Weight::Filter
                if f.label.len() > 1
                    && f.label.starts_with('|')
                    && !RUBY_FILTERS.contains(&f.label.trim_start_matches('|')) =>
            {
                format!("unknown filter {}", f.label)
            }
            Weight::Filter => "malformed filter arguments".to_string(),
            Weight::Print => "malformed output".to_string(),
            _ => format!(
                "malformed {}",
                f.label.split([' ', '(']).next().unwrap_or("")
            ),
        });
        return format!("{}: {what}", kind.name());
    }
    let mut class = format!(
        "{}: {}",
        kind.name(),
        chosen.map_or("text", |f| f.label.as_str())
    );
    // The type of a filter's input means nothing when one side cannot parse the template.
    let parses = !matches!(kind, Kind::OursParseError | Kind::RubyParseError);
    if let Some((range, pieces)) = chosen.and_then(|f| f.probe.as_ref()).filter(|_| parses) {
        if let Some(ty) = probe_type(oracle, case, range, *pieces) {
            class.push_str(&format!(" [{ty}]"));
        }
    }
    if !signature.is_empty() && kind != Kind::Output {
        // The message without its details in parentheses, cut short.
        let message = signature.split(" (").next().unwrap_or(signature);
        let short: String = message.chars().take(48).collect();
        class.push_str(&format!(" ({short})"));
    }
    class
}

// ---------------------------------------------------------------------------------------------
// The tests.

/// A minimized disagreement, as written to target/liquid-diff and kept in the corpus.
struct Finding {
    class: String,
    case: Case,
    ruby: Ruby,
    ours: Ours,
    original: Case,
}

impl Finding {
    fn json(&self) -> Value {
        let mut v = json!({
            "id": self.case.id,
            "class": self.class,
            "template": self.case.template,
            "data": self.case.data,
            "ruby": self.ruby.recorded(),
            "ours": self.ours.shown(),
            "original": {
                "template": self.original.template,
                "data": self.original.data,
                "partials": self.original.partials,
            },
        });
        if !self.case.partials.is_empty() {
            v["partials"] = json!(self.case.partials);
        }
        v
    }
}

fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    Some(
        text.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={text:?} is not a number")),
    )
}

fn clock_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    // Keep seeds short enough to type.
    (nanos % 1_000_000_007) as u64
}

/// Quoted and cut for a one-line report.
fn brief(text: &str) -> String {
    let quoted = format!("{text:?}");
    if quoted.chars().count() > 300 {
        format!("{}…", quoted.chars().take(300).collect::<String>())
    } else {
        quoted
    }
}

#[test]
fn agrees_with_ruby_liquid_on_random_templates() {
    if !require_ruby() {
        return;
    }
    let seed = env_number("MAILFIT_LIQUID_DIFF_SEED").unwrap_or_else(clock_seed);
    let n = env_number("MAILFIT_LIQUID_DIFF_CASES").unwrap_or(DEFAULT_CASES as u64) as usize;
    eprintln!("liquid-diff: seed {seed} (replay with MAILFIT_LIQUID_DIFF_SEED={seed}), {n} cases");
    let started = Instant::now();

    let cases: Vec<Case> = (0..n).map(|i| generator::case(seed, i)).collect();
    if let Ok(path) = std::env::var("MAILFIT_LIQUID_DIFF_DUMP") {
        // The generated cases as render.rb reads them, to feed it by hand.
        let lines: String = cases.iter().map(Oracle::line).collect();
        std::fs::write(&path, lines).unwrap();
    }
    let mut oracle = Oracle::start();
    let ruby = oracle.render_all(&cases);
    let ruby_time = started.elapsed();

    let mut agreements: BTreeMap<&str, usize> = BTreeMap::new();
    let mut findings: Vec<Finding> = Vec::new();
    let mut disagreeing = Vec::new();
    let mut deliberate_cases: BTreeMap<&str, Vec<&Case>> = BTreeMap::new();
    for (case, ruby) in cases.iter().zip(&ruby) {
        let ours = render_ours(case);
        match verdict(ruby, &ours) {
            Verdict::Same => *agreements.entry("same output").or_default() += 1,
            Verdict::BothParseError => *agreements.entry("both refuse to parse").or_default() += 1,
            Verdict::ErrorVsError => *agreements.entry("error-vs-error").or_default() += 1,
            Verdict::Differ(kind) => match deliberate(&mut oracle, case) {
                Some(why) => deliberate_cases.entry(why).or_default().push(case),
                None => disagreeing.push((case, kind)),
            },
        }
    }
    let compare_time = started.elapsed();
    let mut unfinished = 0;
    for (case, kind) in &disagreeing {
        let (small, out_of_steps) = minimize(&mut oracle, case, *kind);
        unfinished += usize::from(out_of_steps);
        let (ruby, ours) = (oracle.render(&small), render_ours(&small));
        findings.push(Finding {
            class: classify(&mut oracle, &small, *kind, &signature(*kind, &ruby, &ours)),
            ruby,
            ours,
            case: small,
            original: (*case).clone(),
        });
    }

    let agreed: usize = agreements.values().sum();
    // Deliberate differences are counted apart, outside the rate.
    let deliberate_count: usize = deliberate_cases.values().map(Vec::len).sum();
    let in_scope = n - deliberate_count;
    let rate = if in_scope == 0 {
        1.0
    } else {
        agreed as f64 / in_scope as f64
    };
    let mut classes: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &findings {
        classes.entry(&f.class).or_default().push(f);
    }
    let mut by_count: Vec<(&str, Vec<&Finding>)> = classes.into_iter().collect();
    by_count.sort_by_key(|(class, found)| (std::cmp::Reverse(found.len()), *class));

    eprintln!(
        "liquid-diff: seed {seed}: {agreed} of {in_scope} agree ({:.2}%; {} disagree); \
         {deliberate_count} of {n} deliberate, counted apart",
        rate * 100.0,
        findings.len()
    );
    for (how, count) in &agreements {
        eprintln!("  {count:5}  {how}");
    }
    for (why, found) in &deliberate_cases {
        eprintln!("  {:5}  deliberate: {why}", found.len());
    }
    eprintln!("disagreements by class:");
    for (class, found) in &by_count {
        eprintln!("  {:5}  {class}", found.len());
    }
    for (class, found) in &by_count {
        // The smallest example of the class.
        let f = found
            .iter()
            .min_by_key(|f| f.case.template.len() + f.case.data.to_string().len())
            .unwrap();
        eprintln!("\n[{class}] ({} cases) id {}", found.len(), f.case.id);
        eprintln!("  template: {}", brief(&f.case.template));
        eprintln!("  data:     {}", brief(&f.case.data.to_string()));
        for (name, source) in &f.case.partials {
            eprintln!("  partial {name}: {}", brief(source));
        }
        eprintln!("  ruby:     {}", brief(&f.ruby.recorded()));
        eprintln!("  ours:     {}", brief(&f.ours.shown()));
    }

    for (why, found) in &deliberate_cases {
        let case = found
            .iter()
            .min_by_key(|c| c.template.len() + c.data.to_string().len())
            .unwrap();
        eprintln!(
            "\n[deliberate: {why}] ({} cases) id {}",
            found.len(),
            case.id
        );
        eprintln!("  template: {}", brief(&case.template));
        eprintln!("  ruby:     {}", brief(&oracle.render(case).recorded()));
        eprintln!("  ours:     {}", brief(&render_ours(case).shown()));
    }

    // The workspace's target directory (this crate lives in crates/<name>/).
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/liquid-diff");
    std::fs::create_dir_all(&dir).unwrap();
    let lines: String = findings.iter().map(|f| format!("{}\n", f.json())).collect();
    std::fs::write(dir.join("disagreements.jsonl"), lines).unwrap();
    eprintln!(
        "\nliquid-diff: ruby batch {:.1}s, compare {:.1}s, minimize {:.1}s ({} ruby renders, \
         {unfinished} cases out of steps); minimized cases in \
         target/liquid-diff/disagreements.jsonl",
        ruby_time.as_secs_f64(),
        (compare_time - ruby_time).as_secs_f64(),
        (started.elapsed() - compare_time).as_secs_f64(),
        oracle.renders,
    );

    assert!(
        !by_count
            .iter()
            .any(|(_, f)| f[0].ours.shown().starts_with("panic")),
        "our engine panicked (see the panic class above); replay with MAILFIT_LIQUID_DIFF_SEED={seed}"
    );
    assert!(
        rate >= FLOOR,
        "agreement {:.1}% fell below the floor {:.1}%; replay with MAILFIT_LIQUID_DIFF_SEED={seed}",
        rate * 100.0,
        FLOOR * 100.0
    );
}

/// One committed corpus case.
#[derive(serde::Deserialize)]
struct Entry {
    id: String,
    class: String,
    template: String,
    #[serde(default)]
    data: Value,
    #[serde(default)]
    partials: BTreeMap<String, String>,
    /// Ruby's output when the case was recorded (or `parse error: ...`/`render error: ...`).
    ruby: String,
}

#[test]
fn corpus_still_reproduces_under_ruby_and_fixed_cases_agree() {
    if !require_ruby() {
        return;
    }
    // Another file of cases in the corpus format (such as target/liquid-diff's findings) can be
    // replayed in its place; the checks that the corpus is complete then do not apply.
    let other = std::env::var("MAILFIT_LIQUID_DIFF_CORPUS").ok();
    let text = std::fs::read_to_string(other.as_deref().unwrap_or(CORPUS))
        .expect("tests/liquid-diff/corpus.jsonl");
    let entries: Vec<Entry> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("corpus line {l}: {e}")))
        .collect();
    let cases: Vec<Case> = entries
        .iter()
        .map(|e| Case {
            id: e.id.clone(),
            template: e.template.clone(),
            data: if e.data.is_null() {
                json!({})
            } else {
                e.data.clone()
            },
            partials: e.partials.clone(),
        })
        .collect();
    let ruby = Oracle::start().render_all(&cases);

    let mut stale = Vec::new();
    let mut agree_now = Vec::new();
    let mut regressed = Vec::new();
    for ((entry, case), ruby) in entries.iter().zip(&cases).zip(&ruby) {
        if ruby.recorded() != entry.ruby {
            stale.push(format!(
                "{}: recorded {:?}, ruby now renders {:?}",
                entry.id,
                entry.ruby,
                ruby.recorded()
            ));
        }
        let ours = render_ours(case);
        let agrees = !matches!(verdict(ruby, &ours), Verdict::Differ(_));
        if !agrees && other.is_some() {
            eprintln!(
                "  differs: {} {}: ruby {}, ours {}",
                entry.id,
                brief(&entry.template),
                brief(&ruby.recorded()),
                brief(&ours.shown())
            );
        }
        if agrees {
            agree_now.push(format!("{} ({})", entry.id, entry.class));
        } else if FIXED.contains(&entry.id.as_str()) {
            regressed.push(entry.id.clone());
        }
    }
    eprintln!(
        "liquid-diff corpus: {} cases, {} agree now",
        entries.len(),
        agree_now.len()
    );
    for line in &agree_now {
        let listed = FIXED.iter().any(|id| line.starts_with(&format!("{id} ")));
        let note = if listed { "" } else { "  (add to FIXED)" };
        eprintln!("  agrees: {line}{note}");
    }
    if other.is_some() {
        eprintln!(
            "liquid-diff corpus: {} disagree",
            entries.len() - agree_now.len()
        );
        return;
    }
    for id in FIXED {
        assert!(
            entries.iter().any(|e| e.id == *id),
            "FIXED lists {id}, which is not in the corpus"
        );
    }
    assert!(
        stale.is_empty(),
        "Ruby no longer renders what the corpus recorded:\n{}",
        stale.join("\n")
    );
    assert!(
        regressed.is_empty(),
        "corpus cases listed as FIXED disagree again: {regressed:?}"
    );
}
