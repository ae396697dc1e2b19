//! Liquid templates built from the grammar with `arbitrary`: outputs with filter chains and
//! arguments, every tag (if/unless/case/for/tablerow/cycle/capture/assign/increment/decrement/
//! include/render/raw/comment/liquid/echo/ifchanged/break/continue), whitespace control,
//! ranges, nesting (deep on purpose, past the dialect's limits) and some malformed markup, with
//! fuzzed data and options.

use std::fmt::Write;

use arbitrary::Arbitrary;

use crate::harness::liquid_case::{Case, Limits, fixed_partials, sample_data};

/// Depth past which generated children are left out (deep nesting comes from [`Node::Deep`]).
const MAX_TREE_DEPTH: usize = 12;
/// Depth of generated data values.
const MAX_DATA_DEPTH: usize = 8;

#[derive(Arbitrary, Debug)]
pub struct Input {
    flags: u8,
    template: Vec<Node>,
    partial: Vec<Node>,
    data: Vec<(Key, Val)>,
}

impl Input {
    /// The render case this input stands for.
    pub fn to_case(&self) -> Case {
        let mut partials = fixed_partials();
        partials.insert("gen".into(), nodes(&self.partial, 0));
        let mut data = sample_data();
        if let Some(object) = data.as_object_mut() {
            for (key, value) in &self.data {
                object.insert(key.name().into(), value.json(0));
            }
        }
        Case {
            template: nodes(&self.template, 0),
            partials,
            data,
            strict: self.flags & 1 != 0,
            escape_html: self.flags & 2 != 0,
            limits: if self.flags & 4 != 0 {
                Limits::Small
            } else {
                Limits::Medium
            },
            email_dialect: self.flags & 8 != 0,
            compiled: self.flags & 16 != 0,
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Key {
    A,
    B,
    X,
    S,
    N,
    T,
    I,
    Items,
    Words,
    Products,
    Customer,
    Shop,
    Deep,
    Empty,
    Forloop,
    Tablerowloop,
    Now,
    Big,
    Small,
}

impl Key {
    fn name(self) -> &'static str {
        match self {
            Key::A => "a",
            Key::B => "b",
            Key::X => "x",
            Key::S => "s",
            Key::N => "n",
            Key::T => "t",
            Key::I => "i",
            Key::Items => "items",
            Key::Words => "words",
            Key::Products => "products",
            Key::Customer => "customer",
            Key::Shop => "shop",
            Key::Deep => "deep",
            Key::Empty => "empty",
            Key::Forloop => "forloop",
            Key::Tablerowloop => "tablerowloop",
            Key::Now => "now",
            Key::Big => "big",
            Key::Small => "small",
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Val {
    Nil,
    Bool(bool),
    Int(i64),
    Small(i8),
    Float(f64),
    Str(Str),
    Text(String),
    Arr(Vec<Val>),
    Obj(Vec<(Key, Val)>),
}

impl Val {
    fn json(&self, depth: usize) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Val::Nil => J::Null,
            Val::Bool(b) => J::Bool(*b),
            Val::Int(i) => J::from(*i),
            Val::Small(i) => J::from(*i),
            Val::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Val::Str(s) => J::String(s.text().into()),
            Val::Text(s) => J::String(s.clone()),
            Val::Arr(_) | Val::Obj(_) if depth >= MAX_DATA_DEPTH => J::Null,
            Val::Arr(items) => J::Array(items.iter().map(|v| v.json(depth + 1)).collect()),
            Val::Obj(fields) => J::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.name().to_string(), v.json(depth + 1)))
                    .collect(),
            ),
        }
    }
}

/// Strings that mean something to some filter.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Str {
    Empty,
    Space,
    Word,
    Html,
    Date,
    DateNow,
    Number,
    Neg,
    Url,
    Js,
    Utf8,
    Format,
    Comma,
    Base64,
    Percent,
    Liquid,
    Long,
    DateStyle,
    Locale,
}

impl Str {
    fn text(self) -> &'static str {
        match self {
            Str::Empty => "",
            Str::Space => "  \t\n ",
            Str::Word => "hello",
            Str::Html => "<a href=\"x\">&amp;</a>",
            Str::Date => "2024-02-29T23:59:59Z",
            Str::DateNow => "now",
            Str::Number => "12.50",
            Str::Neg => "-0.0",
            Str::Url => "https://shop.example/p?q=1&r=%20#f",
            Str::Js => "javascript:alert(1)",
            Str::Utf8 => "é😀\u{301}ß",
            Str::Format => "%Y-%m-%d %H:%M:%S %z %-d %j %A %%",
            Str::Comma => "a,b,,c",
            Str::Base64 => "aGVsbG8=",
            Str::Percent => "%E2%82%AC%",
            Str::Liquid => "{{ a }}{% if %}",
            Str::Long => "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz",
            Str::DateStyle => "weekday_month_day",
            Str::Locale => "de_ch",
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
struct Ws {
    left: bool,
    right: bool,
}

impl Ws {
    fn tag(self, out: &mut String, body: &str) {
        out.push_str(if self.left { "{%- " } else { "{% " });
        out.push_str(body);
        out.push_str(if self.right { " -%}" } else { " %}" });
    }

    fn output(self, out: &mut String, body: &str) {
        out.push_str(if self.left { "{{- " } else { "{{ " });
        out.push_str(body);
        out.push_str(if self.right { " -}}" } else { " }}" });
    }
}

#[derive(Arbitrary, Debug)]
enum Access {
    Dot(Key),
    Index(i8),
    IndexVar(Key),
    IndexStr(Str),
    Size,
    First,
    Last,
}

#[derive(Arbitrary, Debug)]
enum Expr {
    Var(Key, Vec<Access>),
    Str(Str),
    Int(i32),
    Float(i16, u8),
    Bool(bool),
    Nil,
    Empty,
    Blank,
    Range(Box<Expr>, Box<Expr>),
}

impl Expr {
    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Expr::Var(key, path) => {
                out.push_str(key.name());
                for access in path.iter().take(6) {
                    match access {
                        Access::Dot(k) => {
                            let _ = write!(out, ".{}", k.name());
                        }
                        Access::Index(i) => {
                            let _ = write!(out, "[{i}]");
                        }
                        Access::IndexVar(k) => {
                            let _ = write!(out, "[{}]", k.name());
                        }
                        Access::IndexStr(s) => {
                            let _ = write!(out, "[{}]", quote(s.text()));
                        }
                        Access::Size => out.push_str(".size"),
                        Access::First => out.push_str(".first"),
                        Access::Last => out.push_str(".last"),
                    }
                }
            }
            Expr::Str(s) => out.push_str(&quote(s.text())),
            Expr::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Expr::Float(i, f) => {
                let _ = write!(out, "{i}.{f}");
            }
            Expr::Bool(b) => {
                let _ = write!(out, "{b}");
            }
            Expr::Nil => out.push_str("nil"),
            Expr::Empty => out.push_str("empty"),
            Expr::Blank => out.push_str("blank"),
            Expr::Range(_, _) if depth > 3 => out.push_str("(1..3)"),
            Expr::Range(a, b) => {
                out.push('(');
                a.write(out, depth + 1);
                out.push_str("..");
                b.write(out, depth + 1);
                out.push(')');
            }
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out
    }
}

fn quote(text: &str) -> String {
    if text.contains('\'') {
        format!("\"{}\"", text.replace('"', ""))
    } else {
        format!("'{text}'")
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum FilterName {
    Abs,
    Append,
    AtLeast,
    AtMost,
    Capitalize,
    Ceil,
    Compact,
    Concat,
    Date,
    Default,
    DividedBy,
    Downcase,
    Escape,
    EscapeOnce,
    First,
    Floor,
    Join,
    Last,
    Lstrip,
    Map,
    Minus,
    Modulo,
    NewlineToBr,
    Plus,
    Prepend,
    Remove,
    RemoveFirst,
    RemoveLast,
    Replace,
    ReplaceFirst,
    ReplaceLast,
    Reverse,
    Round,
    Rstrip,
    Size,
    Slice,
    Sort,
    SortNatural,
    Split,
    Strip,
    StripHtml,
    StripNewlines,
    Times,
    Truncate,
    Truncatewords,
    Uniq,
    Upcase,
    UrlDecode,
    UrlEncode,
    Where,
    Reject,
    Has,
    Find,
    FindIndex,
    Sum,
    Base64Encode,
    Base64Decode,
    Base64UrlSafeEncode,
    Base64UrlSafeDecode,
    Json,
    Money,
    Utm,
    ImageUrl,
    AssetUrl,
    LocalDate,
    Raw,
    H,
    Unknown,
}

impl FilterName {
    fn name(self) -> &'static str {
        match self {
            FilterName::Abs => "abs",
            FilterName::Append => "append",
            FilterName::AtLeast => "at_least",
            FilterName::AtMost => "at_most",
            FilterName::Capitalize => "capitalize",
            FilterName::Ceil => "ceil",
            FilterName::Compact => "compact",
            FilterName::Concat => "concat",
            FilterName::Date => "date",
            FilterName::Default => "default",
            FilterName::DividedBy => "divided_by",
            FilterName::Downcase => "downcase",
            FilterName::Escape => "escape",
            FilterName::EscapeOnce => "escape_once",
            FilterName::First => "first",
            FilterName::Floor => "floor",
            FilterName::Join => "join",
            FilterName::Last => "last",
            FilterName::Lstrip => "lstrip",
            FilterName::Map => "map",
            FilterName::Minus => "minus",
            FilterName::Modulo => "modulo",
            FilterName::NewlineToBr => "newline_to_br",
            FilterName::Plus => "plus",
            FilterName::Prepend => "prepend",
            FilterName::Remove => "remove",
            FilterName::RemoveFirst => "remove_first",
            FilterName::RemoveLast => "remove_last",
            FilterName::Replace => "replace",
            FilterName::ReplaceFirst => "replace_first",
            FilterName::ReplaceLast => "replace_last",
            FilterName::Reverse => "reverse",
            FilterName::Round => "round",
            FilterName::Rstrip => "rstrip",
            FilterName::Size => "size",
            FilterName::Slice => "slice",
            FilterName::Sort => "sort",
            FilterName::SortNatural => "sort_natural",
            FilterName::Split => "split",
            FilterName::Strip => "strip",
            FilterName::StripHtml => "strip_html",
            FilterName::StripNewlines => "strip_newlines",
            FilterName::Times => "times",
            FilterName::Truncate => "truncate",
            FilterName::Truncatewords => "truncatewords",
            FilterName::Uniq => "uniq",
            FilterName::Upcase => "upcase",
            FilterName::UrlDecode => "url_decode",
            FilterName::UrlEncode => "url_encode",
            FilterName::Where => "where",
            FilterName::Reject => "reject",
            FilterName::Has => "has",
            FilterName::Find => "find",
            FilterName::FindIndex => "find_index",
            FilterName::Sum => "sum",
            FilterName::Base64Encode => "base64_encode",
            FilterName::Base64Decode => "base64_decode",
            FilterName::Base64UrlSafeEncode => "base64_url_safe_encode",
            FilterName::Base64UrlSafeDecode => "base64_url_safe_decode",
            FilterName::Json => "json",
            FilterName::Money => "money",
            FilterName::Utm => "utm",
            FilterName::ImageUrl => "image_url",
            FilterName::AssetUrl => "asset_url",
            FilterName::LocalDate => "local_date",
            FilterName::Raw => "raw",
            FilterName::H => "h",
            FilterName::Unknown => "no_such_filter",
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Arg {
    Positional(Expr),
    Named(Key, Expr),
}

#[derive(Arbitrary, Debug)]
struct FilterCall(FilterName, Vec<Arg>);

fn filters(out: &mut String, chain: &[FilterCall]) {
    for FilterCall(name, args) in chain.iter().take(8) {
        let _ = write!(out, " | {}", name.name());
        for (i, arg) in args.iter().take(4).enumerate() {
            out.push_str(if i == 0 { ": " } else { ", " });
            match arg {
                Arg::Positional(e) => e.write(out, 0),
                Arg::Named(k, e) => {
                    let _ = write!(out, "{}: ", k.name());
                    e.write(out, 0);
                }
            }
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Op {
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    Contains,
    Diamond,
}

impl Op {
    fn text(self) -> &'static str {
        match self {
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Gt => ">",
            Op::Le => "<=",
            Op::Ge => ">=",
            Op::Contains => "contains",
            Op::Diamond => "<>",
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Cond {
    first: Expr,
    compare: Option<(Op, Expr)>,
    more: Vec<(bool, Expr, Option<(Op, Expr)>)>,
}

impl Cond {
    fn text(&self) -> String {
        let mut out = self.first.text();
        if let Some((op, e)) = &self.compare {
            let _ = write!(out, " {} {}", op.text(), e.text());
        }
        for (and, e, compare) in self.more.iter().take(4) {
            let _ = write!(out, " {} {}", if *and { "and" } else { "or" }, e.text());
            if let Some((op, e)) = compare {
                let _ = write!(out, " {} {}", op.text(), e.text());
            }
        }
        out
    }
}

#[derive(Arbitrary, Debug)]
enum Offset {
    Expr(Expr),
    Continue,
}

#[derive(Arbitrary, Debug)]
struct ForParams {
    limit: Option<Expr>,
    offset: Option<Offset>,
    cols: Option<Expr>,
    reversed: bool,
}

impl ForParams {
    fn write(&self, out: &mut String, tablerow: bool) {
        if self.reversed && !tablerow {
            out.push_str(" reversed");
        }
        if let Some(limit) = &self.limit {
            let _ = write!(out, " limit: {}", limit.text());
        }
        match &self.offset {
            Some(Offset::Expr(e)) => {
                let _ = write!(out, " offset: {}", e.text());
            }
            Some(Offset::Continue) => out.push_str(" offset: continue"),
            None => {}
        }
        if let (Some(cols), true) = (&self.cols, tablerow) {
            let _ = write!(out, " cols: {}", cols.text());
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Partial {
    Simple,
    Loop,
    SelfInclude,
    Render,
    Wide,
    Gen,
    Missing,
}

impl Partial {
    fn name(self) -> &'static str {
        match self {
            Partial::Simple => "simple",
            Partial::Loop => "loop",
            Partial::SelfInclude => "self",
            Partial::Render => "r",
            Partial::Wide => "wide",
            Partial::Gen => "gen",
            Partial::Missing => "missing",
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum DeepKind {
    If,
    Unless,
    For,
    Tablerow,
    Case,
    Capture,
    Comment,
    Ifchanged,
    Liquid,
    Include,
    Filters,
    Raw,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Garbage {
    OpenTag,
    OpenOutput,
    StrayEnd,
    EmptyTag,
    EmptyOutput,
    UnknownTag,
    DanglingPipe,
    BadRange,
    UnclosedString,
    Else,
    EndRaw,
    NestedDelims,
}

impl Garbage {
    fn text(self) -> &'static str {
        match self {
            Garbage::OpenTag => "{% if a",
            Garbage::OpenOutput => "{{ a",
            Garbage::StrayEnd => "{% endfor %}",
            Garbage::EmptyTag => "{%- -%}",
            Garbage::EmptyOutput => "{{}}",
            Garbage::UnknownTag => "{% frobnicate a b c %}",
            Garbage::DanglingPipe => "{{ a | }}",
            Garbage::BadRange => "{% for i in (1..) %}x{% endfor %}",
            Garbage::UnclosedString => "{{ 'abc }}",
            Garbage::Else => "{% else %}",
            Garbage::EndRaw => "{% endraw %}",
            Garbage::NestedDelims => "{{ {{ a }} }}{% {% %} %}",
        }
    }
}

#[derive(Arbitrary, Debug)]
enum LiquidLine {
    Assign(Key, Expr, Vec<FilterCall>),
    Echo(Expr, Vec<FilterCall>),
    If(Cond),
    Elsif(Cond),
    Else,
    Endif,
    For(Key, Expr),
    Endfor,
    Case(Expr),
    When(Expr),
    Endcase,
    Cycle(Vec<Expr>),
    Increment(Key),
    Comment,
    Endcomment,
    Break,
    Include(Partial),
}

impl LiquidLine {
    fn write(&self, out: &mut String) {
        match self {
            LiquidLine::Assign(k, e, f) => {
                let _ = write!(out, "assign {} = {}", k.name(), e.text());
                filters(out, f);
            }
            LiquidLine::Echo(e, f) => {
                let _ = write!(out, "echo {}", e.text());
                filters(out, f);
            }
            LiquidLine::If(c) => {
                let _ = write!(out, "if {}", c.text());
            }
            LiquidLine::Elsif(c) => {
                let _ = write!(out, "elsif {}", c.text());
            }
            LiquidLine::Else => out.push_str("else"),
            LiquidLine::Endif => out.push_str("endif"),
            LiquidLine::For(k, e) => {
                let _ = write!(out, "for {} in {}", k.name(), e.text());
            }
            LiquidLine::Endfor => out.push_str("endfor"),
            LiquidLine::Case(e) => {
                let _ = write!(out, "case {}", e.text());
            }
            LiquidLine::When(e) => {
                let _ = write!(out, "when {}", e.text());
            }
            LiquidLine::Endcase => out.push_str("endcase"),
            LiquidLine::Cycle(items) => {
                out.push_str("cycle ");
                let items: Vec<String> = items.iter().take(4).map(Expr::text).collect();
                out.push_str(&items.join(", "));
            }
            LiquidLine::Increment(k) => {
                let _ = write!(out, "increment {}", k.name());
            }
            LiquidLine::Comment => out.push_str("comment"),
            LiquidLine::Endcomment => out.push_str("endcomment"),
            LiquidLine::Break => out.push_str("break"),
            LiquidLine::Include(p) => {
                let _ = write!(out, "include '{}'", p.name());
            }
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Node {
    Text(Str),
    Plain(String),
    Output(Ws, Expr, Vec<FilterCall>),
    If(
        Ws,
        Cond,
        Vec<Node>,
        Vec<(Cond, Vec<Node>)>,
        Option<Vec<Node>>,
    ),
    Unless(Ws, Cond, Vec<Node>, Option<Vec<Node>>),
    Case(Ws, Expr, Vec<(Vec<Expr>, Vec<Node>)>, Option<Vec<Node>>),
    For(Ws, Key, Expr, ForParams, Vec<Node>, Option<Vec<Node>>),
    Tablerow(Ws, Key, Expr, ForParams, Vec<Node>),
    Cycle(Option<Expr>, Vec<Expr>),
    Capture(Key, Vec<Node>),
    Assign(Ws, Key, Expr, Vec<FilterCall>),
    Increment(Key),
    Decrement(Key),
    Include(Partial, Option<Expr>, Vec<(Key, Expr)>),
    IncludeVar(Key),
    Render(Partial, Vec<(Key, Expr)>, Option<Expr>),
    Raw(Str, Vec<Node>),
    Comment(Vec<Node>),
    InlineComment(Str),
    Liquid(Vec<LiquidLine>),
    Echo(Expr, Vec<FilterCall>),
    Break,
    Continue,
    Ifchanged(Vec<Node>),
    Deep(u8, DeepKind, Vec<Node>),
    Garbage(Garbage),
}

fn nodes(list: &[Node], depth: usize) -> String {
    let mut out = String::new();
    if depth <= MAX_TREE_DEPTH {
        for node in list.iter().take(32) {
            node.write(&mut out, depth);
        }
    }
    out
}

impl Node {
    fn write(&self, out: &mut String, depth: usize) {
        let inner = |list: &[Node]| nodes(list, depth + 1);
        match self {
            Node::Text(s) => out.push_str(s.text()),
            Node::Plain(s) => out.push_str(s),
            Node::Output(ws, e, f) => {
                let mut body = e.text();
                filters(&mut body, f);
                ws.output(out, &body);
            }
            Node::If(ws, c, then, elsifs, otherwise) => {
                ws.tag(out, &format!("if {}", c.text()));
                out.push_str(&inner(then));
                for (c, body) in elsifs.iter().take(4) {
                    ws.tag(out, &format!("elsif {}", c.text()));
                    out.push_str(&inner(body));
                }
                if let Some(body) = otherwise {
                    ws.tag(out, "else");
                    out.push_str(&inner(body));
                }
                ws.tag(out, "endif");
            }
            Node::Unless(ws, c, then, otherwise) => {
                ws.tag(out, &format!("unless {}", c.text()));
                out.push_str(&inner(then));
                if let Some(body) = otherwise {
                    ws.tag(out, "else");
                    out.push_str(&inner(body));
                }
                ws.tag(out, "endunless");
            }
            Node::Case(ws, e, whens, otherwise) => {
                ws.tag(out, &format!("case {}", e.text()));
                for (values, body) in whens.iter().take(6) {
                    let values: Vec<String> = values.iter().take(4).map(Expr::text).collect();
                    let joiner = if values.len() % 2 == 0 { ", " } else { " or " };
                    ws.tag(out, &format!("when {}", values.join(joiner)));
                    out.push_str(&inner(body));
                }
                if let Some(body) = otherwise {
                    ws.tag(out, "else");
                    out.push_str(&inner(body));
                }
                ws.tag(out, "endcase");
            }
            Node::For(ws, k, e, params, body, otherwise) => {
                let mut head = format!("for {} in {}", k.name(), e.text());
                params.write(&mut head, false);
                ws.tag(out, &head);
                out.push_str(&inner(body));
                if let Some(body) = otherwise {
                    ws.tag(out, "else");
                    out.push_str(&inner(body));
                }
                ws.tag(out, "endfor");
            }
            Node::Tablerow(ws, k, e, params, body) => {
                let mut head = format!("tablerow {} in {}", k.name(), e.text());
                params.write(&mut head, true);
                ws.tag(out, &head);
                out.push_str(&inner(body));
                ws.tag(out, "endtablerow");
            }
            Node::Cycle(group, items) => {
                out.push_str("{% cycle ");
                if let Some(group) = group {
                    let _ = write!(out, "{}: ", group.text());
                }
                let items: Vec<String> = items.iter().take(5).map(Expr::text).collect();
                out.push_str(&items.join(", "));
                out.push_str(" %}");
            }
            Node::Capture(k, body) => {
                let _ = write!(out, "{{% capture {} %}}", k.name());
                out.push_str(&inner(body));
                out.push_str("{% endcapture %}");
            }
            Node::Assign(ws, k, e, f) => {
                let mut body = format!("assign {} = {}", k.name(), e.text());
                filters(&mut body, f);
                ws.tag(out, &body);
            }
            Node::Increment(k) => {
                let _ = write!(out, "{{% increment {} %}}", k.name());
            }
            Node::Decrement(k) => {
                let _ = write!(out, "{{% decrement {} %}}", k.name());
            }
            Node::Include(p, with, args) => {
                let _ = write!(out, "{{% include '{}'", p.name());
                if let Some(with) = with {
                    let _ = write!(out, " with {}", with.text());
                }
                for (k, e) in args.iter().take(3) {
                    let _ = write!(out, ", {}: {}", k.name(), e.text());
                }
                out.push_str(" %}");
            }
            Node::IncludeVar(k) => {
                let _ = write!(out, "{{% include {} %}}", k.name());
            }
            Node::Render(p, args, each) => {
                let _ = write!(out, "{{% render '{}'", p.name());
                if let Some(each) = each {
                    let _ = write!(out, " for {} as item", each.text());
                }
                for (k, e) in args.iter().take(3) {
                    let _ = write!(out, ", {}: {}", k.name(), e.text());
                }
                out.push_str(" %}");
            }
            Node::Raw(s, body) => {
                out.push_str("{% raw %}");
                out.push_str(s.text());
                out.push_str(&inner(body));
                out.push_str("{% endraw %}");
            }
            Node::Comment(body) => {
                out.push_str("{% comment %}");
                out.push_str(&inner(body));
                out.push_str("{% endcomment %}");
            }
            Node::InlineComment(s) => {
                let _ = write!(out, "{{% # {} %}}", s.text().replace('\n', " "));
            }
            Node::Liquid(lines) => {
                out.push_str("{% liquid\n");
                for line in lines.iter().take(16) {
                    line.write(out);
                    out.push('\n');
                }
                out.push_str("%}");
            }
            Node::Echo(e, f) => {
                let mut body = format!("echo {}", e.text());
                filters(&mut body, f);
                out.push_str("{% ");
                out.push_str(&body);
                out.push_str(" %}");
            }
            Node::Break => out.push_str("{% break %}"),
            Node::Continue => out.push_str("{% continue %}"),
            Node::Ifchanged(body) => {
                out.push_str("{% ifchanged %}");
                out.push_str(&inner(body));
                out.push_str("{% endifchanged %}");
            }
            Node::Deep(n, kind, body) => deep(out, usize::from(*n), *kind, &inner(body)),
            Node::Garbage(g) => out.push_str(g.text()),
        }
    }
}

/// `n` levels of `kind` around `body`: past the nesting and include limits on purpose.
fn deep(out: &mut String, n: usize, kind: DeepKind, body: &str) {
    let (open, close) = match kind {
        DeepKind::If => ("{% if t %}", "{% endif %}"),
        DeepKind::Unless => ("{% unless n %}", "{% endunless %}"),
        DeepKind::For => ("{% for i in items %}", "{% endfor %}"),
        DeepKind::Tablerow => ("{% tablerow i in words %}", "{% endtablerow %}"),
        DeepKind::Case => ("{% case b %}{% when 3 %}", "{% endcase %}"),
        DeepKind::Capture => ("{% capture a %}{{ a }}", "{% endcapture %}{{ a }}"),
        DeepKind::Comment => ("{% comment %}", "{% endcomment %}"),
        DeepKind::Ifchanged => ("{% ifchanged %}", "{% endifchanged %}"),
        DeepKind::Liquid => ("{% liquid\nif t\n", "endif\n%}"),
        DeepKind::Include => ("{% include 'gen' %}", ""),
        DeepKind::Filters => {
            out.push_str("{{ a");
            for _ in 0..n {
                out.push_str(" | append: a");
            }
            out.push_str(" | size }}");
            out.push_str(body);
            return;
        }
        DeepKind::Raw => ("{% raw %}{% raw %}", "{% endraw %}"),
    };
    if matches!(kind, DeepKind::Liquid) {
        // One `liquid` tag holding n nested `if`s.
        out.push_str("{% liquid\n");
        for _ in 0..n {
            out.push_str("if t\n");
        }
        out.push_str("echo a\n");
        for _ in 0..n {
            out.push_str("endif\n");
        }
        out.push_str("%}");
        out.push_str(body);
        return;
    }
    for _ in 0..n {
        out.push_str(open);
    }
    out.push_str(body);
    for _ in 0..n {
        out.push_str(close);
    }
}
