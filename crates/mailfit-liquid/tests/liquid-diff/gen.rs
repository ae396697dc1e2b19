//! Random Liquid cases for the differential test, in the shapes email authors write: greetings
//! with fallbacks, product loops with prices, dates, conditions on customer fields, partials.
//!
//! Everything is derived from a seed through a small PRNG written here (no dependency, and the
//! same seed gives the same cases on every machine and toolchain), one independent stream per
//! case so any case can be regenerated from its seed and index alone.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

/// splitmix64: tiny, fast and well distributed; good enough for test-case generation.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with the given probability in percent.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

/// One generated case: what render.rb reads, and what the native side renders.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub id: String,
    pub template: String,
    pub data: Value,
    pub partials: BTreeMap<String, String>,
}

/// The case `index` of the run `seed`.
pub fn case(seed: u64, index: usize) -> Case {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93));
    // Warm the stream so neighbouring indexes do not start alike.
    rng.next_u64();
    let data = data(&mut rng);
    let mut generator = Gen::new(&mut rng, globals());
    let nodes = generator.rng.between(1, 6);
    let mut template = generator.nodes(nodes);
    let mut partials = std::mem::take(&mut generator.partials);
    if rng.chance(6) {
        template = mistake(&mut rng, &template, &mut partials);
    }
    Case {
        id: format!("{seed}-{index}"),
        template,
        data,
        partials,
    }
}

// ---------------------------------------------------------------------------------------------
// Data: one schema (an ESP's customer, order, products and shop), random values.

/// The type of a value, as far as the generator needs it to write sensible filters.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Str,
    Num,
    Bool,
    Date,
    Strs,
    Nums,
    Obj(Shape),
    Objs(Shape),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    Customer,
    Address,
    Product,
    Item,
    Shop,
    Order,
}

fn fields(shape: Shape) -> &'static [(&'static str, Kind)] {
    use Kind::*;
    match shape {
        Shape::Customer => &[
            ("first_name", Str),
            ("last_name", Str),
            ("email", Str),
            ("nickname", Str),
            ("tags", Strs),
            ("orders_count", Num),
            ("total_spent", Num),
            ("points", Num),
            ("vip", Bool),
            ("accepts_marketing", Bool),
            ("birthday", Date),
            ("address", Obj(Shape::Address)),
        ],
        Shape::Address => &[("city", Str), ("country", Str), ("zip", Str)],
        Shape::Product => &[
            ("title", Str),
            ("handle", Str),
            ("vendor", Str),
            ("price", Num),
            ("compare_at_price", Num),
            ("rating", Num),
            ("inventory", Num),
            ("available", Bool),
            ("tags", Strs),
            ("url", Str),
        ],
        Shape::Item => &[
            ("title", Str),
            ("sku", Str),
            ("quantity", Num),
            ("price", Num),
        ],
        Shape::Shop => &[("name", Str), ("url", Str), ("currency", Str)],
        Shape::Order => &[
            ("number", Num),
            ("created_at", Date),
            ("subtotal", Num),
            ("discount", Num),
            ("note", Str),
            ("items", Objs(Shape::Item)),
        ],
    }
}

/// Top-level template variables.
fn globals() -> Vec<(String, Kind)> {
    use Kind::*;
    [
        ("customer", Obj(Shape::Customer)),
        ("shop", Obj(Shape::Shop)),
        ("order", Obj(Shape::Order)),
        ("products", Objs(Shape::Product)),
        ("tags", Strs),
        ("numbers", Nums),
        ("prices", Nums),
        ("headline", Str),
        ("html", Str),
        ("count", Num),
        ("ratio", Num),
        ("flag", Bool),
        ("today", Date),
    ]
    .into_iter()
    .map(|(n, k)| (n.to_string(), k))
    .collect()
}

const NAMES: &[&str] = &[
    "Ada",
    "Zoë",
    "José",
    "Łukasz",
    "Søren",
    "李雷",
    "Mary-Jane",
    "O'Neil",
    "ADA",
    "ada",
    "",
    " Ada ",
    "Émile",
    "Ngozi",
];
const TEXTS: &[&str] = &[
    "Hello world",
    "the quick brown fox jumps over the lazy dog",
    "  padded  ",
    "Ünïcödé text",
    "日本語のテキスト",
    "🎉 Big sale 🎉",
    "line one\nline two",
    "a,b,,c",
    "<b>Bold</b> & <i>it's</i>",
    "50% off — today only!",
    "Tom & Jerry's \"best\"",
    "MiXeD CaSe wOrDs",
    "snake_case_word",
    "x",
    "",
    "café crème brûlée",
    "one two three four five six seven eight",
    "Fish &amp; Chips",
];
const TAGS: &[&str] = &[
    "vip",
    "new",
    "sale",
    "Sale",
    "summer",
    "été",
    "🔥hot",
    "",
    "b",
    "a",
    "winter-2024",
    "10",
];
const INTS: &[i64] = &[
    0, 1, 2, 3, 5, 7, 10, 12, 42, 99, 100, 250, 1000, 12345, -1, -3, -20,
];
const FLOATS: &[f64] = &[
    0.5, 1.5, 2.25, 19.99, 0.1, 3.75, -0.5, -2.75, 100.0, 0.001, 2.5, 1234.5678, 9.999, 1.0, 0.0,
    7.125, 4.35,
];
const DATES: &[&str] = &[
    "2024-03-14",
    "2023-12-31T23:59:59Z",
    "2025-07-04 08:30:00 +0200",
    "2024-02-29T12:00:00+05:30",
    "March 14, 2016",
    "1700000000",
    "2024-01-05T09:05:03.250Z",
    "Jan 1 2020",
    "2024-11-28 17:45",
];
const URLS: &[&str] = &[
    "https://shop.example/products/tee",
    "https://shop.example/p?id=1&ref=mail",
    "/collections/all",
    "https://shop.example/ünï/😀?q=a b",
];
const CURRENCIES: &[&str] = &["USD", "EUR", "¥", "£"];

fn string(rng: &mut Rng, pool: &[&str]) -> Value {
    Value::String((*rng.pick(pool)).to_string())
}

fn number(rng: &mut Rng) -> Value {
    if rng.chance(50) {
        json!(*rng.pick(INTS))
    } else {
        json!(*rng.pick(FLOATS))
    }
}

/// A value of `kind` for the field `name` (names pick realistic pools).
fn value(rng: &mut Rng, name: &str, kind: Kind) -> Value {
    match kind {
        Kind::Str => match name {
            "first_name" | "last_name" | "nickname" | "vendor" => string(rng, NAMES),
            "url" => string(rng, URLS),
            "currency" => string(rng, CURRENCIES),
            "email" => json!(format!(
                "{}@example.com",
                rng.pick(&["ada", "zoë", "j.doe", "x+1"])
            )),
            "zip" | "sku" => json!(rng.pick(&["01234", "AB-12", "9", "00"])),
            "city" | "country" => string(rng, &["Paris", "Zürich", "São Paulo", "東京", ""]),
            "handle" => string(rng, &["blue-tee", "ünï-mug", "gift_card"]),
            _ => string(rng, TEXTS),
        },
        Kind::Num => match name {
            // Counts that ranges loop over stay small.
            "count" | "quantity" => json!(rng.between(0, 6)),
            "number" | "orders_count" | "inventory" => json!(*rng.pick(INTS)),
            _ => number(rng),
        },
        Kind::Bool => json!(rng.chance(50)),
        Kind::Date => {
            if rng.chance(10) {
                json!(1_700_000_000 + rng.below(100_000_000) as i64)
            } else {
                string(rng, DATES)
            }
        }
        Kind::Strs => {
            let n = rng.between(0, 5);
            Value::Array((0..n).map(|_| list_item(rng, TAGS)).collect())
        }
        Kind::Nums => {
            let n = rng.between(0, 6);
            Value::Array((0..n).map(|_| number(rng)).collect())
        }
        Kind::Obj(shape) => object(rng, shape),
        Kind::Objs(shape) => {
            let n = rng.between(0, 4);
            Value::Array((0..n).map(|_| object(rng, shape)).collect())
        }
    }
}

/// An array item: now and then a nil, as feeds deliver them.
fn list_item(rng: &mut Rng, pool: &[&str]) -> Value {
    if rng.chance(5) {
        Value::Null
    } else {
        string(rng, pool)
    }
}

fn object(rng: &mut Rng, shape: Shape) -> Value {
    let mut map = Map::new();
    for (name, kind) in fields(shape) {
        // Real feeds leave fields out or null.
        if rng.chance(5) {
            continue;
        }
        let v = if rng.chance(7) {
            Value::Null
        } else {
            value(rng, name, *kind)
        };
        map.insert((*name).to_string(), v);
    }
    Value::Object(map)
}

fn data(rng: &mut Rng) -> Value {
    let mut map = Map::new();
    for (name, kind) in globals() {
        if rng.chance(3) {
            continue;
        }
        map.insert(name.clone(), value(rng, &name, kind));
    }
    Value::Object(map)
}

// ---------------------------------------------------------------------------------------------
// Templates.

/// How tags are written: delimited, or as lines of a `{% liquid %}` tag.
#[derive(Clone, Copy, PartialEq)]
enum Syntax {
    Tags,
    Lines,
}

/// The partials a case may use, and what each expects to find in scope.
const PARTIALS: &[&str] = &["greeting", "product_card", "footer"];

struct Gen<'r> {
    rng: &'r mut Rng,
    /// Variables in scope: globals, loop variables, assigned names.
    scope: Vec<(String, Kind)>,
    depth: usize,
    /// Inside a `for` (where `break`, `continue`, `forloop` and `cycle` make sense).
    loops: usize,
    syntax: Syntax,
    partials: BTreeMap<String, String>,
    /// Names assigned so far, for fresh ones.
    assigned: usize,
}

impl<'r> Gen<'r> {
    fn new(rng: &'r mut Rng, scope: Vec<(String, Kind)>) -> Self {
        Gen {
            rng,
            scope,
            depth: 0,
            loops: 0,
            syntax: Syntax::Tags,
            partials: BTreeMap::new(),
            assigned: 0,
        }
    }

    fn nodes(&mut self, n: usize) -> String {
        (0..n).map(|_| self.node()).collect()
    }

    /// A body inside a block: shorter the deeper we are.
    fn body(&mut self) -> String {
        let most = match self.depth {
            0 | 1 => 3,
            2 => 2,
            _ => 1,
        };
        self.depth += 1;
        let n = self.rng.between(1, most);
        let out = self.nodes(n);
        self.depth -= 1;
        out
    }

    fn node(&mut self) -> String {
        let deep = self.depth >= 3;
        let lines = self.syntax == Syntax::Lines;
        loop {
            let roll = self.rng.below(100);
            let out = match roll {
                0..=21 if !lines => self.text(),
                0..=44 => self.output(),
                45..=54 if !deep => self.if_block(),
                55..=61 if !deep => self.for_block(),
                62..=67 => self.assign(),
                68..=70 if !deep => self.capture(),
                71..=72 if !deep => self.unless_block(),
                73..=75 if !deep => self.case_block(),
                76..=77 => self.counter(),
                78..=80 if self.loops > 0 => self.interrupt(),
                81..=82 if self.loops > 0 => self.cycle(),
                83..=84 if !deep && !lines => self.tablerow(),
                85..=86 if !lines && self.depth < 2 => self.liquid_tag(),
                87..=88 => self.echo(),
                89 if !lines => self.raw(),
                90 if !lines => self.comment(),
                91..=95 if !lines && self.depth < 2 => self.partial_call(),
                96..=97 if self.loops > 0 => self.forloop_output(),
                98..=99 if !lines => self.text(),
                _ => continue,
            };
            return out;
        }
    }

    // -- delimiters --------------------------------------------------------------------------

    /// A tag with its markup: `{% markup %}` (now and then trimming) or a `{% liquid %}` line.
    fn tag(&mut self, markup: &str) -> String {
        match self.syntax {
            // A line cannot hold a line break (a `join: "\n"` argument, say).
            Syntax::Lines => format!("{}\n", markup.replace('\n', " ")),
            Syntax::Tags => {
                let open = if self.rng.chance(12) { "{%-" } else { "{%" };
                let close = if self.rng.chance(12) { "-%}" } else { "%}" };
                format!("{open} {markup} {close}")
            }
        }
    }

    fn out(&mut self, expr: &str) -> String {
        match self.syntax {
            Syntax::Lines => format!("echo {}\n", expr.replace('\n', " ")),
            Syntax::Tags => {
                let open = if self.rng.chance(10) { "{{-" } else { "{{" };
                let close = if self.rng.chance(10) { "-}}" } else { "}}" };
                if self.rng.chance(5) {
                    // Authors do not always put spaces inside the braces.
                    format!("{open}{expr}{close}")
                } else {
                    format!("{open} {expr} {close}")
                }
            }
        }
    }

    fn text(&mut self) -> String {
        const TEXT: &[&str] = &[
            "Hi ",
            "Dear ",
            ", ",
            "!\n",
            "\n",
            "  ",
            "<p>",
            "</p>\n",
            "<li>",
            "</li>\n",
            " | ",
            "Total: ",
            " — ",
            "Ünïcödé ",
            "🎁 ",
            "\n  \n",
            "<td>",
            "Only ",
            " left!",
            "100% ",
            "a {curly} note ",
        ];
        let n = self.rng.between(1, 2);
        (0..n).map(|_| *self.rng.pick(TEXT)).collect()
    }

    // -- expressions -------------------------------------------------------------------------

    /// Every path of `want` reachable from the scope, in the ways authors write them.
    fn paths(&self, want: Kind) -> Vec<String> {
        let mut out = Vec::new();
        for (name, kind) in &self.scope {
            if *kind == want {
                out.push(name.clone());
            }
            match kind {
                Kind::Obj(shape) => object_paths(name, *shape, want, 2, &mut out),
                Kind::Objs(shape) => {
                    if want == Kind::Num {
                        out.push(format!("{name}.size"));
                    }
                    if want == Kind::Obj(*shape) {
                        out.push(format!("{name}.first"));
                        out.push(format!("{name}[0]"));
                    }
                    for head in ["first", "last"] {
                        object_paths(&format!("{name}.{head}"), *shape, want, 1, &mut out);
                    }
                    object_paths(&format!("{name}[0]"), *shape, want, 1, &mut out);
                    object_paths(&format!("{name}[1]"), *shape, want, 1, &mut out);
                }
                Kind::Strs | Kind::Nums => {
                    if want == Kind::Num {
                        out.push(format!("{name}.size"));
                    }
                    let item = if *kind == Kind::Strs {
                        Kind::Str
                    } else {
                        Kind::Num
                    };
                    if want == item {
                        out.push(format!("{name}.first"));
                        out.push(format!("{name}.last"));
                        out.push(format!("{name}[0]"));
                        out.push(format!("{name}[-1]"));
                    }
                }
                Kind::Str if want == Kind::Num => out.push(format!("{name}.size")),
                _ => {}
            }
        }
        out
    }

    /// An expression of `want`: mostly a path, sometimes a literal, an undefined variable or a
    /// value of another type (as in real templates).
    fn expr(&mut self, want: Kind) -> String {
        let roll = self.rng.below(100);
        if roll < 4 {
            return (*self.rng.pick(&[
                "missing",
                "customer.middle_name",
                "products[9].title",
                "shop.owner.name",
                "order.items.first.missing",
                "nil",
            ]))
            .to_string();
        }
        if roll < 20 {
            if let Some(literal) = self.literal(want) {
                return literal;
            }
        }
        let paths = self.paths(want);
        if paths.is_empty() || roll >= 96 {
            let other = *self
                .rng
                .pick(&[Kind::Str, Kind::Num, Kind::Bool, Kind::Date]);
            let paths = self.paths(other);
            if paths.is_empty() {
                return "missing".into();
            }
            return self.rng.pick(&paths).clone();
        }
        self.rng.pick(&paths).clone()
    }

    fn literal(&mut self, want: Kind) -> Option<String> {
        Some(match want {
            Kind::Str => {
                let text = self.rng_str();
                quote(self.rng, text)
            }
            Kind::Num => self.num_literal(),
            Kind::Bool => (*self.rng.pick(&["true", "false"])).to_string(),
            Kind::Date => {
                let date = (*self.rng.pick(DATES)).to_string();
                quote(self.rng, date)
            }
            Kind::Strs | Kind::Nums => format!("(1..{})", self.rng.between(0, 4)),
            Kind::Obj(_) | Kind::Objs(_) => return None,
        })
    }

    fn rng_str(&mut self) -> String {
        (*self.rng.pick(&[
            "Hello",
            "sale",
            "vip",
            "",
            " ",
            "Zoë",
            "🎉",
            "a,b",
            "World & co",
            "10",
            "3.5",
            "é",
        ]))
        .to_string()
    }

    fn num_literal(&mut self) -> String {
        (*self.rng.pick(&[
            "0", "1", "2", "3", "5", "10", "100", "-1", "-2", "0.5", "1.5", "2.0", "10.25", "-0.5",
            "3.14159", "'3'", "'2.5'",
        ]))
        .to_string()
    }

    /// An expression with 0..=3 filters; returns it with the kind it ends with.
    fn filtered(&mut self, start: Kind) -> (String, Kind) {
        let mut expr = self.expr(start);
        let mut kind = start;
        let n = *self.rng.pick(&[0, 1, 1, 1, 2, 2, 3]);
        for _ in 0..n {
            if matches!(kind, Kind::Obj(_)) {
                // One item of a list: authors read its fields rather than filter it.
                break;
            }
            let (filter, next) = self.filter(kind);
            expr.push_str(" | ");
            expr.push_str(&filter);
            kind = next;
        }
        (expr, kind)
    }

    fn string_arg(&mut self) -> String {
        if self.rng.chance(15) {
            let paths = self.paths(Kind::Str);
            if !paths.is_empty() {
                return self.rng.pick(&paths).clone();
            }
        }
        let piece = (*self.rng.pick(&[
            "o", " ", "a", "the", ",", "é", "🎉", "&", "-", "", "!", " items", "…", "...", "e",
            "Sale", "\\n", "<br>", "%",
        ]))
        .to_string();
        quote(self.rng, piece)
    }

    fn number_arg(&mut self) -> String {
        if self.rng.chance(20) {
            let paths = self.paths(Kind::Num);
            if !paths.is_empty() {
                return self.rng.pick(&paths).clone();
            }
        }
        self.num_literal()
    }

    fn small_int(&mut self) -> String {
        (*self
            .rng
            .pick(&["0", "1", "2", "3", "5", "8", "15", "-1", "'4'"]))
        .to_string()
    }

    /// One filter applicable to `kind`, and the kind it yields.
    fn filter(&mut self, kind: Kind) -> (String, Kind) {
        use Kind::*;
        match kind {
            Str => self.string_filter(),
            // Booleans get a fallback or a label at most.
            Bool => match self.rng.below(3) {
                0 => (
                    format!("default: {}", self.rng.pick(&["false", "'no'"])),
                    Str,
                ),
                1 => (format!("append: {}", self.string_arg()), Str),
                _ => ("upcase".into(), Str),
            },
            Date => {
                if self.rng.chance(70) {
                    (format!("date: {}", self.date_format()), Str)
                } else {
                    self.string_filter()
                }
            }
            Num => self.number_filter(),
            Strs | Nums => self.list_filter(kind),
            Objs(shape) => self.objects_filter(shape),
            Obj(_) => ("json".into(), Str),
        }
    }

    fn string_filter(&mut self) -> (String, Kind) {
        use Kind::*;
        let plain = [
            "upcase",
            "downcase",
            "capitalize",
            "strip",
            "lstrip",
            "rstrip",
            "escape",
            "escape_once",
            "url_encode",
            "newline_to_br",
            "strip_html",
            "strip_newlines",
        ];
        match self.rng.below(20) {
            0..=5 => ((*self.rng.pick(&plain)).to_string(), Str),
            6 => (format!("append: {}", self.string_arg()), Str),
            7 => (format!("prepend: {}", self.string_arg()), Str),
            8 => {
                let name = self.rng.pick(&["remove", "remove_first"]);
                (format!("{name}: {}", self.string_arg()), Str)
            }
            9 => {
                let name = self.rng.pick(&["replace", "replace_first"]);
                let (a, b) = (self.string_arg(), self.string_arg());
                (format!("{name}: {a}, {b}"), Str)
            }
            10 | 11 => {
                let name = self.rng.pick(&["truncate", "truncatewords"]);
                let n = self.small_int();
                if self.rng.chance(35) {
                    (format!("{name}: {n}, {}", self.string_arg()), Str)
                } else {
                    (format!("{name}: {n}"), Str)
                }
            }
            12 => {
                let start = self.small_int();
                if self.rng.chance(50) {
                    (format!("slice: {start}, {}", self.small_int()), Str)
                } else {
                    (format!("slice: {start}"), Str)
                }
            }
            13 => {
                let sep = (*self.rng.pick(&[",", " ", "", "-", ", "])).to_string();
                let sep = quote(self.rng, sep);
                (format!("split: {sep}"), Strs)
            }
            14 => ("size".into(), Num),
            15 => (format!("default: {}", self.string_arg()), Str),
            16 => (format!("date: {}", self.date_format()), Str),
            17 => (
                (*self.rng.pick(&["first", "last", "escape"])).to_string(),
                Str,
            ),
            18 => ((*self.rng.pick(&["plus: 1", "size"])).to_string(), Num),
            _ => ((*self.rng.pick(&plain)).to_string(), Str),
        }
    }

    fn number_filter(&mut self) -> (String, Kind) {
        use Kind::*;
        match self.rng.below(16) {
            0..=4 => {
                let name = self
                    .rng
                    .pick(&["plus", "minus", "times", "divided_by", "modulo"]);
                (format!("{name}: {}", self.number_arg()), Num)
            }
            5 => {
                if self.rng.chance(50) {
                    ("round".into(), Num)
                } else {
                    (
                        format!("round: {}", self.rng.pick(&["0", "1", "2", "3"])),
                        Num,
                    )
                }
            }
            6 => ((*self.rng.pick(&["ceil", "floor", "abs"])).to_string(), Num),
            7 => {
                let name = self.rng.pick(&["at_least", "at_most"]);
                (format!("{name}: {}", self.number_arg()), Num)
            }
            8 => (format!("append: {}", self.string_arg()), Str),
            9 => (format!("prepend: {}", quote(self.rng, "$".into())), Str),
            10 => (format!("default: {}", self.number_arg()), Num),
            11 => (format!("date: {}", self.date_format()), Str),
            12 => ("round: 2".into(), Num),
            13 => (
                (*self.rng.pick(&["divided_by: 100.0", "times: 1.0"])).into(),
                Num,
            ),
            // A per-item average over a list that may be empty.
            14 => {
                let count = self
                    .rng
                    .pick(&["order.items.size", "customer.orders_count", "count"]);
                (format!("divided_by: {count}"), Num)
            }
            _ => ("plus: 0.5".into(), Num),
        }
    }

    fn list_filter(&mut self, kind: Kind) -> (String, Kind) {
        use Kind::*;
        let item = if kind == Strs { Str } else { Num };
        match self.rng.below(12) {
            0..=2 => {
                let sep = (*self.rng.pick(&[", ", ",", " ", "", " · ", "\n"])).to_string();
                let sep = quote(self.rng, sep);
                (format!("join: {sep}"), Str)
            }
            3 => ((*self.rng.pick(&["first", "last"])).to_string(), item),
            4 => ("size".into(), Num),
            5..=8 => (
                (*self
                    .rng
                    .pick(&["reverse", "sort", "sort_natural", "uniq", "compact"]))
                .to_string(),
                kind,
            ),
            9 => ("concat: tags".into(), kind),
            10 => ("join".into(), Str),
            _ => (format!("default: {}", self.string_arg()), kind),
        }
    }

    fn objects_filter(&mut self, shape: Shape) -> (String, Kind) {
        use Kind::*;
        let field = *self.rng.pick(fields(shape));
        let name = quote(self.rng, field.0.to_string());
        match self.rng.below(10) {
            0..=2 => {
                let items = match field.1 {
                    Num => Nums,
                    Str => Strs,
                    _ => Strs,
                };
                (format!("map: {name}"), items)
            }
            3 | 4 => {
                if field.1 == Bool || self.rng.chance(40) {
                    (format!("where: {name}"), Objs(shape))
                } else {
                    let value = match field.1 {
                        Num => self.num_literal(),
                        _ => self.string_arg(),
                    };
                    (format!("where: {name}, {value}"), Objs(shape))
                }
            }
            5 => (format!("sort: {name}"), Objs(shape)),
            6 => ("size".into(), Num),
            7 => ((*self.rng.pick(&["first", "last"])).to_string(), Obj(shape)),
            8 => ("reverse".into(), Objs(shape)),
            _ => (format!("map: {name}"), Strs),
        }
    }

    fn date_format(&mut self) -> String {
        let format = (*self.rng.pick(&[
            "%Y-%m-%d",
            "%b %d, %Y",
            "%B %-d, %Y",
            "%d/%m/%Y",
            "%A",
            "%a, %d %b %Y %H:%M",
            "%H:%M",
            "%I:%M %p",
            "%s",
            "%j",
            "%e %B",
            "%y",
            "%-m/%-d/%Y",
            "%m/%d/%y %l:%M%P",
            "%Y-%m-%dT%H:%M:%S%z",
            "%U",
            "",
        ]))
        .to_string();
        quote(self.rng, format)
    }

    // -- conditions --------------------------------------------------------------------------

    fn comparison(&mut self) -> String {
        match self.rng.below(13) {
            0 | 1 => {
                let op = self.rng.pick(&["==", "!=", ">", "<", ">=", "<="]);
                let left = self.expr(Kind::Num);
                let right = self.number_arg();
                format!("{left} {op} {right}")
            }
            2 | 3 => {
                let op = self.rng.pick(&["==", "!=", "==", "<>"]);
                let left = self.expr(Kind::Str);
                let right = self.string_arg();
                format!("{left} {op} {right}")
            }
            4 => {
                let kind = *self.rng.pick(&[Kind::Strs, Kind::Str]);
                let left = self.expr(kind);
                format!("{left} contains {}", self.string_arg())
            }
            5 => {
                let kind = *self.rng.pick(&[Kind::Str, Kind::Strs, Kind::Num]);
                let left = self.expr(kind);
                let special = self.rng.pick(&["nil", "blank", "empty", "null"]);
                let op = self.rng.pick(&["==", "!="]);
                format!("{left} {op} {special}")
            }
            6 | 7 => self.expr(Kind::Bool),
            8 => {
                let kind = *self.rng.pick(&[Kind::Str, Kind::Num, Kind::Strs]);
                self.expr(kind)
            }
            9 => {
                let what = self.expr(Kind::Bool);
                format!("{what} == {}", self.rng.pick(&["true", "false"]))
            }
            10 => format!("{} > 0", self.expr(Kind::Num)),
            11 => {
                let list = self
                    .rng
                    .pick(&["products", "tags", "customer.tags", "order.items"]);
                format!("{list}.size {} 0", self.rng.pick(&[">", "==", ">="]))
            }
            _ => {
                let left = self.expr(Kind::Obj(Shape::Product));
                format!("{left} {} nil", self.rng.pick(&["==", "!="]))
            }
        }
    }

    fn condition(&mut self) -> String {
        let mut cond = self.comparison();
        while self.rng.chance(25) {
            let op = self.rng.pick(&["and", "or"]);
            cond = format!("{cond} {op} {}", self.comparison());
        }
        cond
    }

    // -- tags --------------------------------------------------------------------------------

    fn output(&mut self) -> String {
        let start = *self.rng.pick(&[
            Kind::Str,
            Kind::Str,
            Kind::Str,
            Kind::Num,
            Kind::Num,
            Kind::Strs,
            Kind::Nums,
            Kind::Date,
            Kind::Bool,
            Kind::Objs(Shape::Product),
            Kind::Objs(Shape::Item),
        ]);
        let (mut expr, kind) = self.filtered(start);
        // Authors print lists through `join`; the rare bare list or object is a mistake worth
        // having too.
        if matches!(kind, Kind::Strs | Kind::Nums) && self.rng.chance(70) {
            expr.push_str(" | join: ', '");
        }
        match kind {
            Kind::Objs(_) if self.rng.chance(97) => expr.push_str(" | map: 'title' | join: ', '"),
            Kind::Obj(_) if self.rng.chance(90) && self.syntax == Syntax::Tags => {
                // `{{ products | first.title }}` is not Liquid: authors assign the item first.
                let name = self.fresh("item");
                let assign = self.tag(&format!("assign {name} = {expr}"));
                return format!("{assign}{}", self.out(&format!("{name}.title")));
            }
            _ => {}
        }
        self.out(&expr)
    }

    fn echo(&mut self) -> String {
        let kind = *self.rng.pick(&[Kind::Str, Kind::Num]);
        let (expr, _) = self.filtered(kind);
        self.tag(&format!("echo {expr}"))
    }

    fn forloop_output(&mut self) -> String {
        let field = self.rng.pick(&[
            "forloop.index",
            "forloop.index0",
            "forloop.rindex",
            "forloop.rindex0",
            "forloop.first",
            "forloop.last",
            "forloop.length",
            "forloop.parentloop.index",
            "forloop.name",
        ]);
        self.out(field)
    }

    fn if_block(&mut self) -> String {
        let cond = self.condition();
        let mut out = self.tag(&format!("if {cond}"));
        out.push_str(&self.body());
        for _ in 0..self.rng.below(3).saturating_sub(1) {
            let cond = self.condition();
            out.push_str(&self.tag(&format!("elsif {cond}")));
            out.push_str(&self.body());
        }
        if self.rng.chance(45) {
            out.push_str(&self.tag("else"));
            out.push_str(&self.body());
        }
        out.push_str(&self.tag("endif"));
        out
    }

    fn unless_block(&mut self) -> String {
        let cond = self.condition();
        let mut out = self.tag(&format!("unless {cond}"));
        out.push_str(&self.body());
        if self.rng.chance(30) {
            out.push_str(&self.tag("else"));
            out.push_str(&self.body());
        }
        out.push_str(&self.tag("endunless"));
        out
    }

    fn case_block(&mut self) -> String {
        let (subject, values): (String, Vec<String>) = if self.rng.chance(50) {
            let subject = self.expr(Kind::Str);
            let values = (0..3).map(|_| self.string_arg()).collect();
            (subject, values)
        } else {
            let subject = self.expr(Kind::Num);
            let values = (0..3).map(|_| self.num_literal()).collect();
            (subject, values)
        };
        let mut out = self.tag(&format!("case {subject}"));
        if self.syntax == Syntax::Tags && self.rng.chance(30) {
            out.push('\n');
        }
        for (i, value) in values.iter().enumerate().take(self.rng.between(1, 3)) {
            let when = match (i, self.rng.below(3)) {
                (0, 0) => format!("when {value}, {}", self.string_arg()),
                (0, 1) => format!("when {value} or {}", self.num_literal()),
                _ => format!("when {value}"),
            };
            out.push_str(&self.tag(&when));
            out.push_str(&self.body());
        }
        if self.rng.chance(50) {
            out.push_str(&self.tag("else"));
            out.push_str(&self.body());
        }
        out.push_str(&self.tag("endcase"));
        out
    }

    /// What a `for` may loop over, and the kind of its items.
    fn collection(&mut self) -> (String, Kind) {
        match self.rng.below(10) {
            0..=2 => (
                self.rng.pick(&["products", "order.items"]).to_string(),
                Kind::Obj(Shape::Product),
            ),
            3 | 4 => {
                let list = self
                    .rng
                    .pick(&["tags", "customer.tags", "products.first.tags"]);
                (list.to_string(), Kind::Str)
            }
            5 => (self.rng.pick(&["numbers", "prices"]).to_string(), Kind::Num),
            6 | 7 => {
                let hi = self
                    .rng
                    .pick(&["3", "count", "products.size", "0", "'4'", "1"]);
                let lo = self.rng.pick(&["1", "1", "0", "2"]);
                (format!("({lo}..{hi})"), Kind::Num)
            }
            8 => {
                let (expr, _) = (format!("{} | split: ','", self.expr(Kind::Str)), Kind::Strs);
                // Filters in a for's collection are not Liquid; assign first, as authors must.
                let name = self.fresh("parts");
                let out = self.tag(&format!("assign {name} = {expr}"));
                self.scope.push((name.clone(), Kind::Strs));
                (format!("{out}\u{0}{name}"), Kind::Str)
            }
            _ => (
                self.rng
                    .pick(&["missing", "headline", "customer"])
                    .to_string(),
                Kind::Str,
            ),
        }
    }

    fn for_block(&mut self) -> String {
        let (collection, item) = self.collection();
        // An assign the collection needed goes before the loop.
        let (prefix, collection) = match collection.split_once('\u{0}') {
            Some((prefix, name)) => (prefix.to_string(), name.to_string()),
            None => (String::new(), collection),
        };
        let var = match item {
            Kind::Obj(_) => "product",
            Kind::Num => "i",
            _ => "tag",
        };
        let var = if self.scope.iter().any(|(n, _)| n == var) {
            self.fresh(var)
        } else {
            var.to_string()
        };
        let item = if collection == "order.items" {
            Kind::Obj(Shape::Item)
        } else {
            item
        };
        let mut markup = format!("for {var} in {collection}");
        if self.rng.chance(20) {
            markup.push_str(&format!(" limit: {}", self.small_int()));
        }
        if self.rng.chance(15) {
            markup.push_str(&format!(" offset: {}", self.small_int()));
        }
        if self.rng.chance(15) {
            markup.push_str(" reversed");
        }
        let mut out = prefix;
        out.push_str(&self.tag(&markup));
        self.scope.push((var.clone(), item));
        self.loops += 1;
        out.push_str(&self.body());
        if self.rng.chance(40) {
            // The item itself, as almost every loop prints it.
            let field = match item {
                Kind::Obj(_) => format!("{var}.title"),
                _ => var.clone(),
            };
            out.push_str(&self.out(&field));
        }
        self.loops -= 1;
        self.scope.retain(|(n, _)| *n != var);
        if self.rng.chance(20) {
            out.push_str(&self.tag("else"));
            out.push_str(&self.body());
        }
        out.push_str(&self.tag("endfor"));
        out
    }

    fn tablerow(&mut self) -> String {
        let (collection, var, item) = match self.rng.below(3) {
            0 => ("products", "product", Kind::Obj(Shape::Product)),
            1 => ("tags", "tag", Kind::Str),
            _ => ("(1..5)", "i", Kind::Num),
        };
        let mut markup = format!("tablerow {var} in {collection}");
        if self.rng.chance(50) {
            markup.push_str(&format!(" cols: {}", self.rng.pick(&["1", "2", "3"])));
        }
        if self.rng.chance(25) {
            markup.push_str(&format!(" limit: {}", self.small_int()));
        }
        if self.rng.chance(20) {
            markup.push_str(&format!(" offset: {}", self.small_int()));
        }
        let mut out = self.tag(&markup);
        self.scope.push((var.to_string(), item));
        let field = match item {
            Kind::Obj(_) => format!("{var}.title"),
            _ => var.to_string(),
        };
        out.push_str(&self.out(&field));
        if self.rng.chance(40) {
            let field = self.rng.pick(&[
                "tablerowloop.col",
                "tablerowloop.col0",
                "tablerowloop.index",
                "tablerowloop.col_first",
                "tablerowloop.col_last",
                "tablerowloop.first",
                "tablerowloop.last",
                "tablerowloop.row",
            ]);
            out.push_str(&self.out(field));
        }
        self.scope.retain(|(n, _)| n != var);
        out.push_str(&self.tag("endtablerow"));
        out
    }

    fn fresh(&mut self, stem: &str) -> String {
        self.assigned += 1;
        format!("{stem}_{}", self.assigned)
    }

    fn assign(&mut self) -> String {
        let start = *self
            .rng
            .pick(&[Kind::Str, Kind::Num, Kind::Num, Kind::Strs, Kind::Date]);
        let (expr, kind) = self.filtered(start);
        // Reassigning a name already in scope is common (`assign total = total | plus: x`).
        let name = match self.scope.iter().rev().find(|(_, k)| *k == kind) {
            Some((n, _)) if self.rng.chance(25) && !is_global(n) => n.clone(),
            _ => {
                let stem = self
                    .rng
                    .pick(&["greeting", "total", "label", "list", "price"]);
                self.fresh(stem)
            }
        };
        let out = self.tag(&format!("assign {name} = {expr}"));
        self.scope.push((name, kind));
        if self.rng.chance(60) && self.syntax == Syntax::Tags {
            // An assign is made to be used.
            let used = self
                .scope
                .last()
                .map(|(n, _)| n.clone())
                .unwrap_or_default();
            return format!("{out}{}", self.out(&used));
        }
        out
    }

    fn capture(&mut self) -> String {
        let name = self.fresh("block");
        let mut out = self.tag(&format!("capture {name}"));
        out.push_str(&self.body());
        out.push_str(&self.tag("endcapture"));
        self.scope.push((name.clone(), Kind::Str));
        if self.syntax == Syntax::Tags {
            let use_it = self.rng.pick(&["", " | strip", " | upcase", " | size"]);
            out.push_str(&self.out(&format!("{name}{use_it}")));
        }
        out
    }

    fn counter(&mut self) -> String {
        // Now and then named like a data key, which Ruby's counters share.
        let name = self
            .rng
            .pick(&["counter", "n", "counter", "n", "i", "counter", "n", "count"]);
        let tag = self.rng.pick(&["increment", "decrement", "increment"]);
        let mut out = self.tag(&format!("{tag} {name}"));
        if self.rng.chance(30) {
            out.push_str(&self.out(name));
        }
        out
    }

    fn interrupt(&mut self) -> String {
        let which = self.rng.pick(&["break", "continue"]);
        if self.rng.chance(70) {
            let cond = self.condition();
            let open = self.tag(&format!("if {cond}"));
            let inner = self.tag(which);
            let close = self.tag("endif");
            format!("{open}{inner}{close}")
        } else {
            self.tag(which)
        }
    }

    fn cycle(&mut self) -> String {
        let markup = match self.rng.below(4) {
            0 => "cycle 'odd', 'even'".to_string(),
            1 => "cycle 'row': 'a', 'b', 'c'".to_string(),
            2 => "cycle '', ', '".to_string(),
            _ => "cycle 1, 2".to_string(),
        };
        self.tag(&markup)
    }

    fn liquid_tag(&mut self) -> String {
        let saved = self.syntax;
        self.syntax = Syntax::Lines;
        self.depth += 1;
        let n = self.rng.between(1, 3);
        let lines = self.nodes(n);
        self.depth -= 1;
        self.syntax = saved;
        let open = if self.rng.chance(12) { "{%-" } else { "{%" };
        format!("{open} liquid\n{lines}%}}")
    }

    fn raw(&mut self) -> String {
        let inner = self.rng.pick(&[
            "{{ customer.first_name }}",
            "{% if x %}y{% endif %}",
            "{{ '}}' }}",
            "plain",
        ]);
        format!("{{% raw %}}{inner}{{% endraw %}}")
    }

    fn comment(&mut self) -> String {
        match self.rng.below(3) {
            0 => "{% comment %}Note to self: {{ customer.first_name }}{% endcomment %}".into(),
            1 => "{%- comment -%} trimmed {%- endcomment -%}".into(),
            _ => "{% # inline note %}".into(),
        }
    }

    /// An `include` or `render` of one of the case's partials, in the ways authors pass data.
    fn partial_call(&mut self) -> String {
        let name = *self.rng.pick(PARTIALS);
        self.ensure_partial(name);
        let markup = match (name, self.rng.below(6)) {
            ("product_card", 0) => "render 'product_card' for products as product".to_string(),
            ("product_card", 1) => "render 'product_card', product: products.first".to_string(),
            ("product_card", 2) => "include 'product_card' with products.first".to_string(),
            ("product_card", 3) => "include 'product_card' for products".to_string(),
            ("product_card", 4) => "render 'product_card' with products[0] as product".to_string(),
            ("footer", 0 | 1) => "render 'footer', year: 2025, shop: shop".to_string(),
            ("greeting", 0) => "render 'greeting', customer: customer".to_string(),
            ("greeting", 1) => "include 'greeting', fallback: 'friend'".to_string(),
            (_, 5) => "include 'missing_partial'".to_string(),
            (name, n) if n % 2 == 0 => format!("include '{name}'"),
            (name, _) => format!("render '{name}'"),
        };
        self.tag(&markup)
    }

    /// Writes the partial the first time it is used, with what it may find in scope.
    fn ensure_partial(&mut self, name: &str) {
        if self.partials.contains_key(name) {
            return;
        }
        let mut scope = globals();
        match name {
            "product_card" => {
                scope.push(("product".into(), Kind::Obj(Shape::Product)));
                scope.push(("product_card".into(), Kind::Obj(Shape::Product)));
            }
            "greeting" => scope.push(("fallback".into(), Kind::Str)),
            _ => scope.push(("year".into(), Kind::Num)),
        }
        let mut inner = Gen::new(self.rng, scope);
        // Partials do not call partials (no recursion to bound), and stay short.
        inner.depth = 2;
        let n = inner.rng.between(1, 3);
        let mut source = inner.nodes(n);
        if name == "product_card" && inner.rng.chance(70) {
            source = format!("<h3>{{{{ product.title }}}}</h3>{source}");
        }
        self.partials.insert(name.to_string(), source);
    }
}

fn is_global(name: &str) -> bool {
    globals().iter().any(|(n, _)| n == name)
}

/// Paths `prefix.field...` of `want` under an object of `shape`, `levels` deep.
fn object_paths(prefix: &str, shape: Shape, want: Kind, levels: usize, out: &mut Vec<String>) {
    for (field, kind) in fields(shape) {
        let path = format!("{prefix}.{field}");
        if *kind == want {
            out.push(path.clone());
        }
        match kind {
            Kind::Obj(inner) if levels > 1 => object_paths(&path, *inner, want, levels - 1, out),
            Kind::Strs | Kind::Objs(_) if want == Kind::Num => out.push(format!("{path}.size")),
            Kind::Strs if want == Kind::Str => out.push(format!("{path}.first")),
            _ => {}
        }
    }
}

/// A string literal, single- or double-quoted.
fn quote(rng: &mut Rng, text: String) -> String {
    if text.contains('\'') || (!text.contains('"') && rng.chance(25)) {
        format!("\"{text}\"")
    } else {
        format!("'{text}'")
    }
}

/// One of the mistakes authors make, applied to a valid template.
fn mistake(rng: &mut Rng, template: &str, partials: &mut BTreeMap<String, String>) -> String {
    let t = template;
    let replace_first = |from: &str, to: &str| -> Option<String> {
        t.contains(from).then(|| t.replacen(from, to, 1))
    };
    for _ in 0..8 {
        let attempt = match rng.below(14) {
            0 => replace_first("{% endif %}", ""),
            1 => replace_first("{% endfor %}", ""),
            2 => replace_first(" | ", " | upcasee | "),
            3 => replace_first(" }}", " | }}"),
            4 => replace_first(" }}", " }"),
            5 => replace_first("{% if ", "{% if x = 1 or "),
            6 => replace_first("{% else %}", "{% else if flag %}"),
            7 => replace_first(": ", " "),
            8 => replace_first("'", ""),
            9 => Some(format!("{t}{{% endunless %}}")),
            // Filters of Shopify's storefront, not of Liquid.
            10 => Some(format!(
                "{t}{{{{ {} }}}}",
                rng.pick(&[
                    "customer.first_name | money",
                    "customer | json",
                    "shop.url | asset_url"
                ])
            )),
            11 => Some(format!("{t}{{% include 'nope' %}}")),
            12 => Some(format!("{{{{ customer.first_name | append }}}}{t}")),
            _ => {
                partials.insert("broken".into(), "{% if customer %}oops".into());
                Some(format!("{t}{{% include 'broken' %}}"))
            }
        };
        if let Some(t) = attempt {
            return t;
        }
    }
    format!("{t}{{% endfor %}}")
}
