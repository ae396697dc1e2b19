//! The document-level parse without pest (patched in mailfit's copy; see PATCHES.md).
//!
//! [`Elements`] splits a template into raw text, tags and expressions in plain Rust, and a
//! hand-written recursive descent parses each tag and expression rule for rule as
//! `grammar.pest` defines them (ordered choice, greedy repetition, implicit whitespace in the
//! non-atomic rules), into the tokens pest would have produced, with positions in the whole
//! document so that error messages keep their line and column. pest itself still parses where
//! this parser would nest too deep (then pest's tokens are used) or fails (then pest confirms
//! the failure), and still produces every parse error's message.

use std::rc::Rc;

use pest::Parser;

use super::inner::{LiquidParser, Rule};

/// Deepest nesting of values (`a[b[c]]`, ranges) parsed by hand; deeper pieces go to pest.
const MAX_DEPTH: usize = 64;

/// One token in pre-order: `next` is the index just past its subtree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Tok {
    pub(super) rule: Rule,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) next: usize,
}

/// A token with its subtree (what a pest `Pair` was), positioned in the document.
#[derive(Clone, Debug)]
pub(super) struct Node<'a> {
    queue: Rc<Vec<Tok>>,
    doc: &'a str,
    index: usize,
}

impl<'a> Node<'a> {
    fn new(queue: Vec<Tok>, doc: &'a str) -> Self {
        Node {
            queue: Rc::new(queue),
            doc,
            index: 0,
        }
    }

    #[inline(always)]
    fn tok(&self) -> Tok {
        self.queue.get(self.index).copied().unwrap_or(Tok {
            rule: Rule::EOI,
            start: 0,
            end: 0,
            next: 0,
        })
    }

    #[inline(always)]
    pub(super) fn as_rule(&self) -> Rule {
        self.tok().rule
    }

    #[inline(always)]
    pub(super) fn as_str(&self) -> &'a str {
        let tok = self.tok();
        self.doc.get(tok.start..tok.end).unwrap_or("")
    }

    #[inline(always)]
    pub(super) fn start(&self) -> usize {
        self.tok().start
    }

    #[inline(always)]
    pub(super) fn end(&self) -> usize {
        self.tok().end
    }

    pub(super) fn doc(&self) -> &'a str {
        self.doc
    }

    /// The token's span in the document, for pest's error messages.
    pub(super) fn as_span(&self) -> pest::Span<'a> {
        span(self.doc, self.start(), self.end())
    }

    pub(super) fn into_inner(self) -> Nodes<'a> {
        let tok = self.tok();
        Nodes {
            at: self.index + 1,
            end: tok.next,
            queue: self.queue,
            doc: self.doc,
        }
    }
}

/// The children of a [`Node`].
pub(super) struct Nodes<'a> {
    queue: Rc<Vec<Tok>>,
    doc: &'a str,
    at: usize,
    end: usize,
}

impl<'a> Iterator for Nodes<'a> {
    type Item = Node<'a>;

    fn next(&mut self) -> Option<Node<'a>> {
        if self.at >= self.end {
            return None;
        }
        let tok = self.queue.get(self.at)?;
        let node = Node {
            queue: Rc::clone(&self.queue),
            doc: self.doc,
            index: self.at,
        };
        self.at = tok.next.max(self.at + 1);
        Some(node)
    }
}

/// A span of the document (empty at its start if the offsets are not on character boundaries,
/// which the scanner never makes).
pub(super) fn span(doc: &str, start: usize, end: usize) -> pest::Span<'_> {
    pest::Span::new(doc, start, end).unwrap_or_else(|| {
        let at = pest::Position::from_start(doc);
        at.span(&at)
    })
}

/// A position in the document.
pub(super) fn position(doc: &str, at: usize) -> pest::Position<'_> {
    pest::Position::new(doc, at).unwrap_or_else(|| pest::Position::from_start(doc))
}

/// What one element of the document is.
#[derive(Debug)]
pub(super) enum Kind<'a> {
    Raw,
    Tag(Node<'a>),
    Expression(Node<'a>),
    /// A character where a tag or expression starts but does not parse (`InvalidLiquid`).
    Invalid,
    /// The end of the document.
    Eoi,
}

/// One element of the document and where it lies.
#[derive(Debug)]
pub(super) struct Item<'a> {
    pub(super) kind: Kind<'a>,
    pub(super) doc: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl<'a> Item<'a> {
    pub(super) fn as_str(&self) -> &'a str {
        self.doc.get(self.start..self.end).unwrap_or("")
    }

    pub(super) fn as_span(&self) -> pest::Span<'a> {
        span(self.doc, self.start, self.end)
    }
}

/// The elements of a document, as `SOI ~ (Element | InvalidLiquid)* ~ EOI` matched them, where
/// `Element = Expression | Tag | Raw`: an expression or a tag where one parses, else raw text up
/// to the next `{{`/`{%` (or the whitespace before a `{{-`/`{%-`), else one invalid character.
/// Ends with `Eoi`.
pub(super) struct Elements<'a> {
    doc: &'a str,
    pos: usize,
    done: bool,
}

impl<'a> Elements<'a> {
    pub(super) fn new(doc: &'a str) -> Self {
        Elements {
            doc,
            pos: 0,
            done: false,
        }
    }
}

#[inline(always)]
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r')
}

/// Where raw text starting at `from` ends: at the next `{{` or `{%`, or at the start of the
/// whitespace before a `{{-` or `{%-`; never before `from + 1`.
fn raw_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    loop {
        let Some(brace) = bytes
            .get(at..)
            .and_then(|rest| rest.iter().position(|&b| b == b'{'))
        else {
            return bytes.len();
        };
        let i = at + brace;
        if matches!(bytes.get(i + 1), Some(b'{' | b'%')) {
            let mut stop = i;
            if bytes.get(i + 2) == Some(&b'-') {
                while stop > from && bytes.get(stop - 1).copied().is_some_and(is_ws) {
                    stop -= 1;
                }
            }
            if stop > from {
                return stop;
            }
        }
        at = i + 1;
    }
}

impl<'a> Iterator for Elements<'a> {
    type Item = Item<'a>;

    fn next(&mut self) -> Option<Item<'a>> {
        if self.done {
            return None;
        }
        let (doc, p) = (self.doc, self.pos);
        let bytes = doc.as_bytes();
        let item = |kind, end| Item {
            kind,
            doc,
            start: p,
            end,
        };
        if p >= doc.len() {
            self.done = true;
            let len = doc.len();
            return Some(Item {
                kind: Kind::Eoi,
                doc,
                start: len,
                end: len,
            });
        }
        let here = bytes.get(p..).unwrap_or_default();
        let ws = here.iter().take_while(|&&b| is_ws(b)).count();
        let after_ws = here.get(ws..).unwrap_or_default();
        let rule = if after_ws.starts_with(b"{{-") || here.starts_with(b"{{") {
            Rule::Expression
        } else if after_ws.starts_with(b"{%-") || here.starts_with(b"{%") {
            Rule::Tag
        } else {
            let end = raw_end(bytes, p);
            self.pos = end;
            return Some(item(Kind::Raw, end));
        };
        match markup(doc, p, rule) {
            Some(node) => {
                let end = node.end().max(p + 1);
                self.pos = end;
                let kind = if rule == Rule::Tag {
                    Kind::Tag(node)
                } else {
                    Kind::Expression(node)
                };
                Some(item(kind, end))
            }
            None => {
                let width = doc
                    .get(p..)
                    .and_then(|rest| rest.chars().next())
                    .map_or(1, char::len_utf8);
                self.pos = p + width;
                Some(item(Kind::Invalid, p + width))
            }
        }
    }
}

/// A tag or an expression (`rule`) starting at `at`, if one does: parsed by hand, by pest
/// where that would nest too deep, and by pest again to confirm a failure.
fn markup(doc: &str, at: usize, rule: Rule) -> Option<Node<'_>> {
    let mut state = State {
        bytes: doc.as_bytes(),
        pos: at,
        queue: Vec::with_capacity(16),
        depth: 0,
        deep: false,
    };
    let matched = if rule == Rule::Tag {
        state.tag()
    } else {
        state.expression()
    };
    if matched && !state.deep {
        return Some(Node::new(state.queue, doc));
    }
    let confirmed = with_pest(doc, at, rule);
    #[cfg(test)]
    assert!(
        state.deep || confirmed.is_none(),
        "pest parsed what the hand-written parser did not: {:?}",
        doc.get(at..)
    );
    confirmed
}

/// `rule` parsed by pest at `at`, its tokens positioned in the document.
pub(super) fn with_pest(doc: &str, at: usize, rule: Rule) -> Option<Node<'_>> {
    let pairs = LiquidParser::parse(rule, doc.get(at..)?).ok()?;
    Some(Node::new(from_pest(pairs, at), doc))
}

/// pest's tokens as a queue, offset by `base`.
pub(super) fn from_pest(pairs: pest::iterators::Pairs<'_, Rule>, base: usize) -> Vec<Tok> {
    let mut queue: Vec<Tok> = Vec::new();
    let mut open = Vec::new();
    for token in pairs.tokens() {
        match token {
            pest::Token::Start { rule, pos } => {
                open.push(queue.len());
                queue.push(Tok {
                    rule,
                    start: base + pos.pos(),
                    end: base + pos.pos(),
                    next: 0,
                });
            }
            pest::Token::End { pos, .. } => {
                let next = queue.len();
                if let Some(tok) = open.pop().and_then(|i| queue.get_mut(i)) {
                    tok.end = base + pos.pos();
                    tok.next = next;
                }
            }
        }
    }
    queue
}

/// A node of pest's tokens for `rule` over all of `text`, or pest's error.
pub(super) fn parse_with_pest(
    rule: Rule,
    text: &str,
) -> Result<Node<'_>, pest::error::Error<Rule>> {
    let pairs = LiquidParser::parse(rule, text)?;
    Ok(Node::new(from_pest(pairs, 0), text))
}

/// The hand-written parser's state: every rule method leaves `pos` and `queue` as they were
/// when it fails, as pest's rules do.
struct State<'s> {
    bytes: &'s [u8],
    pos: usize,
    queue: Vec<Tok>,
    depth: usize,
    /// Nesting passed [`MAX_DEPTH`]: the result is void and pest parses instead.
    deep: bool,
}

type Mark = (usize, usize);

impl State<'_> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Compares the first byte before the rest: most tries fail there, and a call to
    /// `starts_with` per try was a tenth of the parse at `opt-level = "z"`.
    #[inline(always)]
    fn at(&self, s: &[u8]) -> bool {
        let Some(rest) = self.bytes.get(self.pos..) else {
            return false;
        };
        match (s.first(), rest.first()) {
            (Some(a), Some(b)) if a != b => false,
            (None, _) => true,
            _ => rest.len() >= s.len() && s.iter().zip(rest).all(|(a, b)| a == b),
        }
    }

    #[inline(always)]
    fn eat(&mut self, s: &[u8]) -> bool {
        let at = self.at(s);
        if at {
            self.pos += s.len();
        }
        at
    }

    /// `WHITESPACE*`, and the implicit whitespace of non-atomic rules.
    #[inline(always)]
    fn ws(&mut self) {
        while self.peek().is_some_and(is_ws) {
            self.pos += 1;
        }
    }

    #[inline(always)]
    fn mark(&self) -> Mark {
        (self.pos, self.queue.len())
    }

    #[inline(always)]
    fn reset(&mut self, mark: Mark) {
        self.pos = mark.0;
        self.queue.truncate(mark.1);
    }

    /// A sequence: all of `f` or nothing.
    fn seq(&mut self, f: impl FnOnce(&mut Self) -> bool) -> bool {
        let mark = self.mark();
        let ok = f(self);
        if !ok {
            self.reset(mark);
        }
        ok
    }

    /// A visible rule: its token around what `f` matched.
    fn rule(&mut self, rule: Rule, f: impl FnOnce(&mut Self) -> bool) -> bool {
        let mark = self.mark();
        self.queue.push(Tok {
            rule,
            start: self.pos,
            end: self.pos,
            next: 0,
        });
        let ok = f(self);
        if ok {
            let (end, next) = (self.pos, self.queue.len());
            if let Some(tok) = self.queue.get_mut(mark.1) {
                tok.end = end;
                tok.next = next;
            }
        } else {
            self.reset(mark);
        }
        ok
    }

    /// A rule without inner tokens matching `len` bytes here.
    #[inline(always)]
    fn leaf(&mut self, rule: Rule, len: usize) -> bool {
        let next = self.queue.len() + 1;
        self.queue.push(Tok {
            rule,
            start: self.pos,
            end: self.pos + len,
            next,
        });
        self.pos += len;
        true
    }

    /// `e*` in a non-atomic rule after a first `e`: `(skip ~ e)*`.
    fn more(&mut self, mut e: impl FnMut(&mut Self) -> bool) {
        loop {
            let mark = self.mark();
            self.ws();
            if !e(self) || self.pos == mark.0 {
                self.reset(mark);
                return;
            }
        }
    }

    // Expression = { ExpressionStart ~ WHITESPACE* ~ ExpressionInner ~ WHITESPACE* ~ ExpressionEnd }
    // ExpressionStart = _{ (WHITESPACE* ~ "{{-") | "{{" }
    // ExpressionEnd = _{ ("-}}" ~ WHITESPACE*) | "}}" }
    // ExpressionInner = !{FilterChain}
    fn expression(&mut self) -> bool {
        self.rule(Rule::Expression, |s| {
            (s.seq(|s| {
                s.ws();
                s.eat(b"{{-")
            }) || s.eat(b"{{"))
                && {
                    s.ws();
                    s.rule(Rule::ExpressionInner, Self::filter_chain)
                }
                && {
                    s.ws();
                    if s.eat(b"-}}") {
                        s.ws();
                        true
                    } else {
                        s.eat(b"}}")
                    }
                }
        })
    }

    // Tag = { TagStart ~ WHITESPACE* ~ TagInner ~ WHITESPACE* ~ TagEnd }
    // TagStart = _{ (WHITESPACE* ~ "{%-") | "{%" }
    // TagEnd = _{ ("-%}" ~ WHITESPACE*) | "%}" }
    fn tag(&mut self) -> bool {
        self.rule(Rule::Tag, |s| {
            (s.seq(|s| {
                s.ws();
                s.eat(b"{%-")
            }) || s.eat(b"{%"))
                && {
                    s.ws();
                    s.rule(Rule::TagInner, Self::tag_inner)
                }
                && {
                    s.ws();
                    if s.eat(b"-%}") {
                        s.ws();
                        true
                    } else {
                        s.eat(b"%}")
                    }
                }
        })
    }

    // TagInner = !{Identifier ~ TagToken*}
    fn tag_inner(&mut self) -> bool {
        if !self.identifier() {
            return false;
        }
        self.ws();
        if self.tag_token() {
            self.more(Self::tag_token);
        }
        true
    }

    // TagToken = _{ Range | FilterChain | DoubleCharSymbol | SingleCharSymbol }
    fn tag_token(&mut self) -> bool {
        self.range() || self.filter_chain() || self.symbol()
    }

    // DoubleCharSymbol before SingleCharSymbol, each in the grammar's order.
    fn symbol(&mut self) -> bool {
        const SYMBOLS: [(&[u8], Rule); 10] = [
            (b"==", Rule::Equals),
            (b"!=", Rule::NotEquals),
            (b"<>", Rule::LesserThanGreaterThan),
            (b">=", Rule::GreaterThanEquals),
            (b"<=", Rule::LesserThanEquals),
            (b">", Rule::GreaterThan),
            (b"<", Rule::LesserThan),
            (b"=", Rule::Assign),
            (b",", Rule::Comma),
            (b":", Rule::Colon),
        ];
        SYMBOLS
            .iter()
            .find(|(text, _)| self.at(text))
            .is_some_and(|&(text, rule)| self.leaf(rule, text.len()))
    }

    // Range = { "(" ~ Value ~ ".." ~ Value ~ ")" }
    fn range(&mut self) -> bool {
        self.rule(Rule::Range, |s| {
            s.eat(b"(")
                && {
                    s.ws();
                    s.value()
                }
                && {
                    s.ws();
                    s.eat(b"..")
                }
                && {
                    s.ws();
                    s.value()
                }
                && {
                    s.ws();
                    s.eat(b")")
                }
        })
    }

    // FilterChain = { Value ~ ("|" ~ Filter)* }
    fn filter_chain(&mut self) -> bool {
        self.rule(Rule::FilterChain, |s| {
            if !s.value() {
                return false;
            }
            s.ws();
            let piped = |s: &mut Self| {
                s.seq(|s| {
                    s.eat(b"|") && {
                        s.ws();
                        s.filter()
                    }
                })
            };
            if piped(s) {
                s.more(piped);
            }
            true
        })
    }

    // Filter = { Identifier ~ (":" ~ FilterArgument ~ ("," ~ FilterArgument)*)? }
    fn filter(&mut self) -> bool {
        self.rule(Rule::Filter, |s| {
            if !s.identifier() {
                return false;
            }
            s.ws();
            s.seq(|s| {
                if !s.eat(b":") {
                    return false;
                }
                s.ws();
                if !s.filter_argument() {
                    return false;
                }
                s.ws();
                let next = |s: &mut Self| {
                    s.seq(|s| {
                        s.eat(b",") && {
                            s.ws();
                            s.filter_argument()
                        }
                    })
                };
                if next(s) {
                    s.more(next);
                }
                true
            });
            true
        })
    }

    // FilterArgument = _{ KeywordFilterArgument | PositionalFilterArgument }
    // KeywordFilterArgument = { Identifier ~ ":" ~ Value }
    // PositionalFilterArgument = { Value }
    fn filter_argument(&mut self) -> bool {
        self.rule(Rule::KeywordFilterArgument, |s| {
            s.identifier()
                && {
                    s.ws();
                    s.eat(b":")
                }
                && {
                    s.ws();
                    s.value()
                }
        }) || self.rule(Rule::PositionalFilterArgument, Self::value)
    }

    // Value = { Literal | Variable }
    fn value(&mut self) -> bool {
        if self.depth >= MAX_DEPTH {
            self.deep = true;
            return false;
        }
        self.depth += 1;
        let ok = self.rule(Rule::Value, |s| s.literal() || s.variable());
        self.depth -= 1;
        ok
    }

    // Literal = { NilLiteral | EmptyLiteral | BlankLiteral | StringLiteral | FloatLiteral
    //           | IntegerLiteral | BooleanLiteral }
    fn literal(&mut self) -> bool {
        // A literal starts with one of these bytes: a variable's name is refused at once.
        if !self.peek().is_some_and(|b| {
            matches!(b, b'n' | b'e' | b'b' | b't' | b'f' | b'\'' | b'"' | b'-' | b'+' | b'.')
                || b.is_ascii_digit()
        }) {
            return false;
        }
        self.rule(Rule::Literal, |s| {
            s.word(Rule::NilLiteral, &[b"nil", b"null"])
                || s.word(Rule::EmptyLiteral, &[b"empty"])
                || s.word(Rule::BlankLiteral, &[b"blank"])
                || s.string_literal()
                || s.number(true)
                || s.number(false)
                || s.word(Rule::BooleanLiteral, &[b"true", b"false"])
        })
    }

    fn word(&mut self, rule: Rule, words: &[&[u8]]) -> bool {
        words
            .iter()
            .find(|w| self.at(w))
            .is_some_and(|w| self.leaf(rule, w.len()))
    }

    // StringLiteral = @{ ("'" ~ (!"'" ~ ANY)* ~ "'") | ("\"" ~ (!"\"" ~ ANY)* ~ "\"") }
    fn string_literal(&mut self) -> bool {
        let Some(quote @ (b'\'' | b'"')) = self.peek() else {
            return false;
        };
        self.bytes
            .get(self.pos + 1..)
            .and_then(|rest| rest.iter().position(|&b| b == quote))
            .is_some_and(|len| self.leaf(Rule::StringLiteral, len + 2))
    }

    fn digits(&self, from: usize) -> usize {
        self.bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    }

    // FloatLiteral = @{ ("+" | "-")? ~ ASCII_DIGIT+ ~ "." ~ ASCII_DIGIT+ }
    // IntegerLiteral = @{ ("+" | "-")? ~ ASCII_DIGIT+ }
    fn number(&mut self, float: bool) -> bool {
        let mut at = self.pos + usize::from(matches!(self.peek(), Some(b'+' | b'-')));
        let whole = self.digits(at);
        if whole == 0 {
            return false;
        }
        at += whole;
        if float {
            if self.bytes.get(at) != Some(&b'.') {
                return false;
            }
            let fraction = self.digits(at + 1);
            if fraction == 0 {
                return false;
            }
            at += 1 + fraction;
        }
        let rule = if float {
            Rule::FloatLiteral
        } else {
            Rule::IntegerLiteral
        };
        self.leaf(rule, at - self.pos)
    }

    // Variable = ${ Identifier ~ ( ("." ~ Identifier)
    //                            | ("[" ~ WHITESPACE* ~ Value ~ WHITESPACE* ~ "]") )* }
    fn variable(&mut self) -> bool {
        self.rule(Rule::Variable, |s| {
            if !s.identifier() {
                return false;
            }
            loop {
                let mark = s.mark();
                let index = s.seq(|s| s.eat(b".") && s.identifier())
                    || s.seq(|s| {
                        s.eat(b"[")
                            && {
                                s.ws();
                                s.value()
                            }
                            && {
                                s.ws();
                                s.eat(b"]")
                            }
                    });
                if !index || s.pos == mark.0 {
                    s.reset(mark);
                    return true;
                }
            }
        })
    }

    // Identifier = @{ (ASCII_ALPHA | "_" | NON_WHITESPACE_CONTROL_HYPHEN)
    //               ~ (ASCII_ALPHANUMERIC | "_" | NON_WHITESPACE_CONTROL_HYPHEN)* }
    // NON_WHITESPACE_CONTROL_HYPHEN = _{ !"-}}" ~ !"-%}" ~ "-" }
    fn identifier(&mut self) -> bool {
        let start = self.pos;
        let mut at = start;
        while let Some(&b) = self.bytes.get(at) {
            let ok = match b {
                b'a'..=b'z' | b'A'..=b'Z' | b'_' => true,
                b'0'..=b'9' => at > start,
                b'-' => !matches!(self.bytes.get(at + 1..at + 3), Some(b"}}" | b"%}")),
                _ => false,
            };
            if !ok {
                break;
            }
            at += 1;
        }
        at > start && self.leaf(Rule::Identifier, at - start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grammar as it was, with the lax file rule that parsed whole documents.
    mod lax {
        #[derive(pest_derive::Parser)]
        #[grammar = "parser/grammar.pest"]
        #[grammar_inline = "LaxLiquidFile = ${ SOI ~ (Element | InvalidLiquid)* ~ EOI }
InvalidLiquid = { !Expression ~ ANY }"]
        pub struct LaxParser;
    }

    type Flat = Vec<(String, usize, usize)>;

    /// Every token of the document as pest's lax file rule made them, in pre-order.
    fn with_lax_grammar(doc: &str) -> Flat {
        use pest::Parser as _;
        let file = lax::LaxParser::parse(lax::Rule::LaxLiquidFile, doc)
            .unwrap()
            .next()
            .unwrap();
        file.into_inner()
            .tokens()
            .filter_map(|t| match t {
                pest::Token::Start { rule, pos } => Some((format!("{rule:?}"), pos.pos())),
                pest::Token::End { .. } => None,
            })
            .zip(
                // the ends, in the order of the starts
                {
                    let file = lax::LaxParser::parse(lax::Rule::LaxLiquidFile, doc)
                        .unwrap()
                        .next()
                        .unwrap();
                    let mut ends = Vec::new();
                    let mut open = Vec::new();
                    for t in file.into_inner().tokens() {
                        match t {
                            pest::Token::Start { .. } => {
                                open.push(ends.len());
                                ends.push(0);
                            }
                            pest::Token::End { pos, .. } => {
                                let i = open.pop().unwrap();
                                ends[i] = pos.pos();
                            }
                        }
                    }
                    ends
                },
            )
            .map(|((rule, start), end)| (rule, start, end))
            .collect()
    }

    /// The same from the scanner.
    fn with_scanner(doc: &str) -> Flat {
        let mut out = Vec::new();
        for item in Elements::new(doc) {
            match item.kind {
                Kind::Raw => out.push(("Raw".into(), item.start, item.end)),
                Kind::Invalid => out.push(("InvalidLiquid".into(), item.start, item.end)),
                Kind::Eoi => out.push(("EOI".into(), item.start, item.end)),
                Kind::Tag(node) | Kind::Expression(node) => {
                    for tok in node.queue.iter() {
                        out.push((format!("{:?}", tok.rule), tok.start, tok.end));
                    }
                }
            }
        }
        out
    }

    fn check(doc: &str) {
        let (old, new) = (with_lax_grammar(doc), with_scanner(doc));
        assert_eq!(old, new, "document {doc:?}");
    }

    /// xorshift64*: reproducible cases without a dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn pick<'x>(&mut self, from: &[&'x str]) -> &'x str {
            from[(self.next() % from.len() as u64) as usize]
        }
    }

    const PIECES: &[&str] = &[
        "{{", "}}", "{%", "%}", "{{-", "-}}", "{%-", "-%}", "-", " ", "  ", "\n", "\r\n", "\r",
        "\t", "{", "}", "%", "a", "b1", "_x", "é", "if", "endif", "raw", "endraw", "comment", "'",
        "\"", "'s'", "\"d}}\"", "|", ":", ",", ".", "..", "[", "]", "(", ")", "=", "==", "!=", "<",
        ">", "<=", ">=", "<>", "nil", "null", "nilly", "true", "false", "empty", "blank", "1",
        "-2", "3.5", "+4", "5.", "x-", "a-b", "text ", "<p>",
    ];
    #[rustfmt::skip]
    const INNER: &[&str] = &[
        "a", "b.c", "d[0]", "e['k']", "f[ g ]", "h[i.j]", "k-l", "_m", "n1", "'s'", "\"t\"",
        "''", "1", "-2", "+3", "4.5", "-6.7", "nil", "null", "true", "false", "empty", "blank",
        "nilly", "truth", "(1..3)", "( a .. b )", "(1..", "|", "| upcase", "| f: 1", "| f: a, b",
        "| f: k: 1", "| f: k: 1, 2", ":", ",", "==", "!=", "<>", ">=", "<=", ">", "<", "=", "in",
        "and", "or", "contains", "-", ".", "[", "]", "é", "x-}", "%", "}",
    ];
    const OPEN: &[&str] = &["{{", "{{-", "{%", "{%-", " {{-", "\n {%-", "{{ -", "{% -"];
    const CLOSE: &[&str] = &["}}", "-}}", "%}", "-%}", " -}}", "- %}", ""];
    const GAP: &[&str] = &["", " ", "  ", "\n", "\r\n", "\t"];

    fn markup(rng: &mut Rng) -> String {
        let mut s = String::from(rng.pick(OPEN));
        for _ in 0..rng.next() % 7 {
            s.push_str(rng.pick(GAP));
            s.push_str(rng.pick(INNER));
        }
        s.push_str(rng.pick(GAP));
        s.push_str(rng.pick(CLOSE));
        s
    }

    #[test]
    fn random_pieces_split_as_the_lax_grammar_did() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..60_000 {
            let doc: String = (0..rng.next() % 24).map(|_| rng.pick(PIECES)).collect();
            check(&doc);
        }
    }

    #[test]
    fn random_markup_parses_as_the_lax_grammar_did() {
        let mut rng = Rng(0x0123_4567_89ab_cdef);
        for _ in 0..60_000 {
            let mut doc = String::new();
            for _ in 0..1 + rng.next() % 4 {
                doc.push_str(rng.pick(&["", "x", " ", "\n", "a {", "é "]));
                doc.push_str(&markup(&mut rng));
            }
            check(&doc);
        }
    }

    #[test]
    fn examples_parse_as_the_lax_grammar_did() {
        for doc in [
            "",
            "plain",
            "{{ a }}",
            "a {{- b -}} c",
            "a \n {%- if x -%} \n b {% endif %}",
            "{{ a | f: 1, k: 'v' | g }}",
            "{% for i in (1..n) reversed limit: 2 %}{{ i }}{% endfor %}",
            "{% if a == b and c != d or e <> f %}{% endif %}",
            "{{ nilly }} {{ null.x }} {% if truth %}{% endif %}",
            "{% raw %}{{ not valid }} {% endraw %}",
            "{{ 'a}}b' }}",
            "{% comment %} {% if %} {% endcomment %}",
            "{{ a[b[c['d']]] }}",
            "{{- -}}",
            "{{-5}}",
            "{{{ a }}}",
            "{%%}",
            "{ {% { %} }",
            "é{{ é }}é",
            "a\r\n{%- x -%}\r\nb",
        ] {
            check(doc);
        }
    }

    #[test]
    fn deep_nesting_goes_to_pest() {
        for depth in [MAX_DEPTH - 2, MAX_DEPTH, MAX_DEPTH + 5, 200] {
            let doc = format!("x{{{{ {}0{} }}}}y", "a[".repeat(depth), "]".repeat(depth));
            check(&doc);
            let doc = format!("{{% if {}0{} %}}", "a[".repeat(depth), "]".repeat(depth));
            check(&doc);
        }
    }

    /// golden-liquid's templates (tests/golden-liquid in mailfit's repository), when present.
    #[test]
    fn golden_liquid_templates_parse_as_the_lax_grammar_did() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/golden-liquid");
        let Ok(text) = std::fs::read_to_string(format!("{root}/golden_liquid.json")) else {
            return;
        };
        let suite: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        let mut count = 0;
        for case in suite["tests"].as_sequence().unwrap() {
            if let Some(template) = case["template"].as_str() {
                check(template);
                count += 1;
            }
            if let Some(partials) = case["partials"].as_mapping() {
                for (_, source) in partials {
                    check(source.as_str().unwrap_or(""));
                }
            }
        }
        assert!(count > 1000, "{count} templates");
        for fixture in std::fs::read_dir(format!("{root}/benchmark_fixtures")).unwrap() {
            let dir = fixture.unwrap().path().join("templates");
            for file in std::fs::read_dir(dir).unwrap() {
                check(&std::fs::read_to_string(file.unwrap().path()).unwrap());
            }
        }
    }
}
