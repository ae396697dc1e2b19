//! `if`, `unless` and `case` with Shopify's semantics, in place of the crate's:
//! - conditions read right to left (`a and b or c` is `a and (b or c)`), with Ruby's `==`
//!   (`1 != true`), `contains` that is false for nil, ordering that errors across types, and
//!   the `empty`/`blank` literals;
//! - extra `else`/`elsif` branches are ignored instead of failing the template;
//! - `case` renders every matching `when` (and every `else` until one matched), and
//!   `when a, b` or `when a or b` tests each value as its own branch;
//! - a body that prints nothing loses its whitespace ([`super::blank`]).

use std::cmp::Ordering;
use std::io::Write;

use liquid_core::model::{State, ValueCow};
use liquid_core::parser::{BlockElement, TagToken};
use liquid_core::{
    BlockReflection, Error, Language, ParseBlock, Renderable, Result, Runtime, TagBlock,
    TagTokenIter, ValueView,
};

use super::blank::{self, Body};
use super::loops::ValueOrRange;
use super::ruby::{compare_views, ruby_eq, to_s, truthy};
use super::sequence::Sequence;

/// One side of a comparison.
#[derive(Debug)]
enum Operand {
    Value(ValueOrRange),
    /// `empty`: equal to "", [] and {}.
    Empty,
    /// `blank`: equal to nil, false, whitespace and empty collections.
    Blank,
}

enum Resolved<'r> {
    Value(ValueCow<'r>),
    Empty,
    Blank,
}

impl Operand {
    fn parse(token: TagToken<'_>) -> Result<Self> {
        match token.as_str() {
            "empty" => return Ok(Operand::Empty),
            "blank" => return Ok(Operand::Blank),
            _ => {}
        }
        Ok(Operand::Value(ValueOrRange::parse(token)?))
    }

    fn resolve<'r>(&'r self, runtime: &'r dyn Runtime) -> Result<Resolved<'r>> {
        Ok(match self {
            Operand::Value(v) => {
                let value = v.evaluate(runtime)?;
                // `assign x = empty` keeps the literal's meaning.
                match value.as_view().as_state() {
                    Some(State::Empty) => Resolved::Empty,
                    Some(State::Blank) => Resolved::Blank,
                    _ => Resolved::Value(value),
                }
            }
            Operand::Empty => Resolved::Empty,
            Operand::Blank => Resolved::Blank,
        })
    }
}

fn is_empty(value: &dyn ValueView) -> bool {
    // A range is never empty: Ruby's `Range` has no `empty?`.
    if let Some(a) = value.as_array().filter(|_| value.type_name() != "range") {
        return a.size() == 0;
    }
    if let Some(o) = value.as_object() {
        return o.size() == 0;
    }
    value.type_name() == "string" && value.to_kstr().is_empty()
}

fn is_blank(value: &dyn ValueView) -> bool {
    !truthy(value)
        || is_empty(value)
        || (value.type_name() == "string" && value.to_kstr().trim().is_empty())
}

/// Ruby Liquid's `equal_variables`: `empty`/`blank` ask the other side; two of them are never
/// equal.
fn equal(a: &Resolved<'_>, b: &Resolved<'_>) -> bool {
    match (a, b) {
        (Resolved::Value(x), Resolved::Value(y)) => ruby_eq(x.as_view(), y.as_view()),
        (Resolved::Empty, Resolved::Value(v)) | (Resolved::Value(v), Resolved::Empty) => {
            is_empty(v.as_view())
        }
        (Resolved::Blank, Resolved::Value(v)) | (Resolved::Value(v), Resolved::Blank) => {
            is_blank(v.as_view())
        }
        _ => false,
    }
}

#[derive(Debug, Clone, Copy)]
enum Op {
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    Contains,
    /// Another word of Ruby's operator characters (`x = 1`): an error when evaluated.
    Unknown,
}

impl Op {
    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "==" => Op::Eq,
            "!=" | "<>" => Op::Ne,
            "<" => Op::Lt,
            ">" => Op::Gt,
            "<=" => Op::Le,
            ">=" => Op::Ge,
            "contains" => Op::Contains,
            "and" | "or" => return None,
            _ if text
                .bytes()
                .all(|b| b"=!<>_".contains(&b) || b.is_ascii_lowercase()) =>
            {
                Op::Unknown
            }
            _ => return None,
        })
    }
}

/// Ordering as Ruby's `<` and friends: numbers with numbers, strings with strings; nil,
/// booleans and collections never order; a string against a number is an error.
fn order(a: &Resolved<'_>, b: &Resolved<'_>) -> Result<Option<Ordering>> {
    let (Resolved::Value(x), Resolved::Value(y)) = (a, b) else {
        return Ok(None);
    };
    let orderable = |v: &dyn ValueView| {
        matches!(
            v.type_name(),
            "string" | "whole number" | "fractional number"
        )
    };
    if !orderable(x.as_view()) || !orderable(y.as_view()) {
        return Ok(None);
    }
    match compare_views(x.as_view(), y.as_view()) {
        Some(ordering) => Ok(Some(ordering)),
        None => Err(Error::with_msg(format!(
            "cannot compare a {} with a {}",
            x.type_name(),
            y.type_name()
        ))),
    }
}

fn contains(a: &Resolved<'_>, b: &Resolved<'_>) -> bool {
    let (Resolved::Value(x), Resolved::Value(y)) = (a, b) else {
        return false;
    };
    let (x, y) = (x.as_view(), y.as_view());
    // Ruby: `left && right && left.include?(right)`, so a false or nil needle never matches.
    if x.is_nil() || !truthy(y) {
        return false;
    }
    if let Some(items) = x.as_array() {
        return items.values().any(|item| ruby_eq(item, y));
    }
    if let Some(object) = x.as_object() {
        return object.contains_key(&to_s(y));
    }
    x.type_name() == "string" && x.to_kstr().contains(&*to_s(y))
}

#[derive(Debug)]
struct Comparison {
    left: Operand,
    test: Option<(Op, Operand)>,
}

impl Comparison {
    fn evaluate(&self, runtime: &dyn Runtime) -> Result<bool> {
        let left = self.left.resolve(runtime)?;
        let Some((op, right)) = &self.test else {
            return Ok(match &left {
                Resolved::Value(v) => truthy(v.as_view()),
                Resolved::Empty | Resolved::Blank => true,
            });
        };
        let right = right.resolve(runtime)?;
        if matches!(op, Op::Eq | Op::Ne | Op::Contains) {
            // These walk arrays and hashes item by item.
            for side in [&left, &right] {
                if let Resolved::Value(v) = side {
                    crate::budget::charge_processed(crate::budget::shallow_size(v.as_view()))?;
                }
            }
        }
        Ok(match op {
            Op::Eq => equal(&left, &right),
            Op::Ne => !equal(&left, &right),
            Op::Contains => contains(&left, &right),
            Op::Unknown => return Err(Error::with_msg("Unknown operator")),
            Op::Lt => order(&left, &right)? == Some(Ordering::Less),
            Op::Gt => order(&left, &right)? == Some(Ordering::Greater),
            Op::Le => matches!(
                order(&left, &right)?,
                Some(Ordering::Less | Ordering::Equal)
            ),
            Op::Ge => matches!(
                order(&left, &right)?,
                Some(Ordering::Greater | Ordering::Equal)
            ),
        })
    }
}

/// Comparisons joined by `and`/`or`, evaluated right to left as Ruby Liquid does.
#[derive(Debug)]
struct Condition {
    comparisons: Vec<Comparison>,
    /// `true` for `and`, between comparison i and i + 1.
    joins: Vec<bool>,
}

impl Condition {
    fn parse(mut tokens: TagTokenIter<'_>) -> Result<Self> {
        let mut comparisons = Vec::new();
        let mut joins = Vec::new();
        loop {
            let left = Operand::parse(tokens.expect_next("Value expected.")?)?;
            let mut next = tokens.next();
            let mut test = None;
            if let Some(op) = next.as_ref().and_then(|t| Op::parse(t.as_str())) {
                let right = Operand::parse(tokens.expect_next("Value expected.")?)?;
                test = Some((op, right));
                next = tokens.next();
            }
            comparisons.push(Comparison { left, test });
            match next.as_ref().map(TagToken::as_str) {
                None => break,
                Some("and") => joins.push(true),
                Some("or") => joins.push(false),
                Some(_) => {
                    return Err(next
                        .map(|t| t.raise_custom_error("\"and\", \"or\" or the end expected."))
                        .unwrap_or_else(|| Error::with_msg("unexpected token")));
                }
            }
        }
        Ok(Condition { comparisons, joins })
    }

    fn evaluate(&self, runtime: &dyn Runtime) -> Result<bool> {
        for (i, comparison) in self.comparisons.iter().enumerate() {
            let result = comparison.evaluate(runtime)?;
            match self.joins.get(i) {
                None => return Ok(result),
                Some(true) if !result => return Ok(false),
                Some(false) if result => return Ok(true),
                Some(_) => {}
            }
        }
        Ok(false)
    }
}

/// A branch: its condition (`None` for `else`), negated for `unless`'s first.
#[derive(Debug)]
struct Branch {
    condition: Option<(Condition, bool)>,
    body: Sequence,
}

#[derive(Debug)]
struct Conditional {
    branches: Vec<Branch>,
}

impl Renderable for Conditional {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        for branch in &self.branches {
            let taken = match &branch.condition {
                None => true,
                Some((condition, negate)) => condition.evaluate(runtime)? != *negate,
            };
            if taken {
                return branch.body.render_to(writer, runtime);
            }
        }
        Ok(())
    }
}

fn parse_conditional(
    arguments: TagTokenIter<'_>,
    mut tokens: TagBlock<'_, '_>,
    options: &Language,
    negate_first: bool,
) -> Result<Box<dyn Renderable>> {
    let mut pending = vec![(
        Some((Condition::parse(arguments)?, negate_first)),
        Body::default(),
    )];
    while let Some(element) = tokens.next()? {
        match element {
            BlockElement::Tag(tag) if tag.name() == "elsif" => {
                let condition = Condition::parse(tag.into_tokens())?;
                pending.push((Some((condition, false)), Body::default()));
            }
            BlockElement::Tag(tag) if tag.name() == "else" => {
                pending.push((None, Body::default()));
            }
            element => {
                if let Some((_, body)) = pending.last_mut() {
                    body.push(element, &mut tokens, options)?;
                }
            }
        }
    }
    tokens.assert_empty();
    let blank = pending.iter().all(|(_, body)| body.is_blank());
    blank::report(blank);
    Ok(Box::new(Conditional {
        branches: pending
            .into_iter()
            .map(|(condition, body)| Branch {
                condition,
                body: body.finish(blank),
            })
            .collect(),
    }))
}

macro_rules! block {
    ($name:ident, $start:literal, $end:literal, $description:literal, $negate:literal) => {
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;

        impl BlockReflection for $name {
            fn start_tag(&self) -> &str {
                $start
            }
            fn end_tag(&self) -> &str {
                $end
            }
            fn description(&self) -> &str {
                $description
            }
        }

        impl ParseBlock for $name {
            fn parse(
                &self,
                arguments: TagTokenIter<'_>,
                tokens: TagBlock<'_, '_>,
                options: &Language,
            ) -> Result<Box<dyn Renderable>> {
                parse_conditional(arguments, tokens, options, $negate)
            }

            fn reflection(&self) -> &dyn BlockReflection {
                self
            }
        }
    };
}

block!(
    IfBlock,
    "if",
    "endif",
    "Renders the first branch whose condition holds.",
    false
);
block!(
    UnlessBlock,
    "unless",
    "endunless",
    "Renders its body unless the condition holds, else the first alternative that does.",
    true
);

#[derive(Debug)]
enum Arm {
    When(Operand, usize),
    Else(usize),
}

#[derive(Debug)]
struct Case {
    subject: Operand,
    arms: Vec<Arm>,
    bodies: Vec<Sequence>,
}

impl Renderable for Case {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let subject = self.subject.resolve(runtime)?;
        let mut run_else = true;
        for arm in &self.arms {
            let (taken, body) = match arm {
                Arm::Else(body) => (run_else, body),
                Arm::When(value, body) => {
                    let hit = equal(&subject, &value.resolve(runtime)?);
                    run_else &= !hit;
                    (hit, body)
                }
            };
            if taken {
                if let Some(body) = self.bodies.get(*body) {
                    body.render_to(writer, runtime)?;
                }
            }
        }
        Ok(())
    }
}

/// `when a, b or c`: each value, until a token that is neither `,` nor `or` (ignored, as Ruby
/// Liquid's lax parser does).
fn when_values(mut tokens: TagTokenIter<'_>) -> Result<Vec<Operand>> {
    let mut values = vec![Operand::parse(tokens.expect_next("Value expected.")?)?];
    while let Some(separator) = tokens.next() {
        if !matches!(separator.as_str(), "," | "or") {
            break;
        }
        match tokens.next() {
            Some(token) => values.push(Operand::parse(token)?),
            None => break,
        }
    }
    Ok(values)
}

#[derive(Debug, Clone, Copy, Default)]
pub struct CaseBlock;

impl BlockReflection for CaseBlock {
    fn start_tag(&self) -> &str {
        "case"
    }
    fn end_tag(&self) -> &str {
        "endcase"
    }
    fn description(&self) -> &str {
        "Renders every `when` equal to the subject, or the `else`s when none was."
    }
}

impl ParseBlock for CaseBlock {
    fn parse(
        &self,
        mut arguments: TagTokenIter<'_>,
        mut tokens: TagBlock<'_, '_>,
        options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        let subject = Operand::parse(arguments.expect_next("Value expected.")?)?;
        arguments.expect_nothing()?;
        let mut arms = Vec::new();
        let mut bodies: Vec<Body> = Vec::new();
        // What comes before the first `when` is parsed (nested blocks must close) but dropped.
        let mut preamble = Body::default();
        while let Some(element) = tokens.next()? {
            match element {
                BlockElement::Tag(tag) if tag.name() == "when" => {
                    let index = bodies.len();
                    for value in when_values(tag.into_tokens())? {
                        arms.push(Arm::When(value, index));
                    }
                    bodies.push(Body::default());
                }
                BlockElement::Tag(tag) if tag.name() == "else" => {
                    // Ruby: "Valid else condition: {% else %} (no parameters)".
                    tag.into_tokens().expect_nothing()?;
                    arms.push(Arm::Else(bodies.len()));
                    bodies.push(Body::default());
                }
                element => {
                    let body = bodies.last_mut().unwrap_or(&mut preamble);
                    body.push(element, &mut tokens, options)?;
                }
            }
        }
        tokens.assert_empty();
        let blank = bodies.iter().all(Body::is_blank);
        blank::report(blank);
        Ok(Box::new(Case {
            subject,
            arms,
            bodies: bodies.into_iter().map(|b| b.finish(blank)).collect(),
        }))
    }

    fn reflection(&self) -> &dyn BlockReflection {
        self
    }
}
