//! `for` and `tablerow` as Shopify's Liquid runs them, in place of the crate's blocks:
//! - ranges are never materialized (`(1..n)` with a huge `n` costs nothing until iterated), and
//!   every iteration is charged to the render's budget ([`super::budget`]);
//! - `offset: continue`, `forloop.name`, `forloop.parentloop` only inside nested loops, commas
//!   between arguments, strings iterate as one item, non-iterables as none;
//! - `tablerow` writes Ruby's markup (`<tr class="row1">\n`) and `tablerowloop`.

use std::collections::HashMap;
use std::io::Write;

use liquid_core::model::{KString, Scalar, Value, ValueCow, ValueView};

use super::data::{Data, DataKey};
use liquid_core::parser::{BlockElement, TagToken, TryMatchToken};
use liquid_core::runtime::StackFrame;

use super::sequence::{Interrupt, Sequence, take_interrupt};
use liquid_core::{
    BlockReflection, Error, Expression, Language, ParseBlock, Renderable, Result, Runtime,
    TagBlock, TagTokenIter,
};

use super::blank::{self, Body};
use super::budget;
use super::forloop::Forloop;
use super::scope::{Lenient, LoopPosition, Names, loop_depth, within};

/// A value a tag reads: an expression, or a range literal `(a..b)` (the crate's tag grammar
/// gives ranges a token of their own). `for` and `tablerow` count through ranges lazily;
/// other tags [`evaluate`](ValueOrRange::evaluate) them to an array.
#[derive(Debug)]
pub(super) enum ValueOrRange {
    Value(Expression),
    Range(Expression, Expression),
}

impl ValueOrRange {
    pub(super) fn parse(token: TagToken<'_>) -> Result<Self> {
        match token.expect_range() {
            TryMatchToken::Matches((start, end)) => Ok(ValueOrRange::Range(start, end)),
            TryMatchToken::Fails(token) => {
                Ok(ValueOrRange::Value(token.expect_value().into_result()?))
            }
        }
    }

    /// The value, a range as the array of its items.
    pub(super) fn evaluate<'r>(&'r self, runtime: &'r dyn Runtime) -> Result<ValueCow<'r>> {
        match self {
            ValueOrRange::Value(e) => e.evaluate(runtime),
            ValueOrRange::Range(start, end) => {
                Ok(ValueCow::Owned(range_array(start, end, runtime)?))
            }
        }
    }
}

/// `offset:` is a number or `continue` (where the last loop of the same name stopped).
#[derive(Debug)]
enum Offset {
    At(Expression),
    Continue,
}

#[derive(Debug)]
pub(super) struct LoopHead {
    pub(super) var: KString,
    pub(super) collection: ValueOrRange,
    /// `var-collection`, as Ruby names a loop (the key of `offset: continue`).
    name: String,
    limit: Option<Expression>,
    offset: Option<Offset>,
    pub(super) cols: Option<Expression>,
    reversed: bool,
}

pub(super) fn parse_head(arguments: &mut TagTokenIter<'_>, tablerow: bool) -> Result<LoopHead> {
    let var = arguments
        .expect_next("Identifier expected.")?
        .expect_identifier()
        .into_result()?;
    arguments
        .expect_next("\"in\" expected.")?
        .expect_str("in")
        .into_result_custom_msg("\"in\" expected.")?;
    let token = arguments.expect_next("Array or range expected.")?;
    let markup = token.as_str().trim().to_string();
    super::assign::check_collection(&markup)?;
    let collection = ValueOrRange::parse(token)?;
    let var = super::paths::loop_variable_name(var);
    let mut head = LoopHead {
        name: [var.as_ref(), "-", &markup].concat(),
        var: KString::from_ref(&var),
        collection,
        limit: None,
        offset: None,
        cols: None,
        reversed: false,
    };
    let mut first = true;
    while let Some(token) = arguments.next() {
        let at_start = std::mem::replace(&mut first, false);
        let name = token.as_str();
        // Ruby's lax parser reads `reversed` only right after the collection (`limit: 2
        // reversed` does not reverse), and attributes only as `name: value`: anything else is
        // ignored.
        if name == "reversed" {
            head.reversed |= at_start && !tablerow;
            continue;
        }
        if !matches!(name, "limit" | "offset" | "cols")
            || arguments.next().map(|t| t.as_str() == ":") != Some(true)
        {
            continue;
        }
        let value = arguments.expect_next("Value expected.")?;
        match name {
            "offset" if value.as_str() == "continue" => head.offset = Some(Offset::Continue),
            "offset" => head.offset = Some(Offset::At(value.expect_value().into_result()?)),
            "limit" => head.limit = Some(value.expect_value().into_result()?),
            _ if tablerow => head.cols = Some(value.expect_value().into_result()?),
            _ => {}
        }
    }
    Ok(head)
}

/// Ruby's `to_integer`: numbers truncate, numeric strings parse, nil is absent.
fn to_integer(value: &dyn ValueView, what: &str) -> Result<Option<i64>> {
    if value.is_nil() {
        return Ok(None);
    }
    let scalar = value.as_scalar();
    let number = scalar.as_ref().and_then(|s| {
        s.to_integer().or_else(|| {
            s.to_float()
                .or_else(|| s.to_kstr().trim().parse::<f64>().ok())
                .filter(|f| f.is_finite())
                .map(|f| f.trunc() as i64)
        })
    });
    match number {
        Some(n) => Ok(Some(n)),
        None => Err(Error::with_msg(format!(
            "`{what}` must be a number, found `{}`",
            value.to_kstr()
        ))),
    }
}

pub(super) fn evaluate_integer(
    expression: &Option<Expression>,
    runtime: &dyn Runtime,
    what: &str,
) -> Result<Option<i64>> {
    match expression {
        Some(e) => to_integer(e.evaluate(runtime)?.as_view(), what),
        None => Ok(None),
    }
}

/// The items of one loop: a window over an array or a counted range, never copied whole.
enum Items<'r> {
    Values(Vec<ValueCow<'r>>),
    Counted { start: i64 },
}

pub(super) struct Window<'r> {
    items: Items<'r>,
    /// Positions `from..to` of the source, iterated forwards or backwards.
    from: usize,
    to: usize,
    reversed: bool,
}

impl Window<'_> {
    pub(super) fn len(&self) -> usize {
        self.to - self.from
    }

    pub(super) fn item(&self, i: usize) -> ValueCow<'_> {
        let at = if self.reversed {
            self.to - 1 - i
        } else {
            self.from + i
        };
        match &self.items {
            Items::Values(values) => values.get(at).map_or(ValueCow::Owned(Value::Nil), |v| {
                ValueCow::Borrowed(v.as_view())
            }),
            Items::Counted { start } => {
                ValueCow::Owned(Value::scalar(start.saturating_add(at as i64)))
            }
        }
    }
}

/// Offsets where named loops stopped, for `offset: continue`.
#[derive(Default)]
struct ContinueOffsets(HashMap<String, usize>);

pub(super) fn window<'r>(head: &'r LoopHead, runtime: &'r dyn Runtime) -> Result<Window<'r>> {
    // Ruby loops over a string as one item and ignores `offset` and `limit` then.
    let mut text = false;
    let (items, length) = match &head.collection {
        ValueOrRange::Range(start, stop) => {
            let start = bound(start, runtime, "start")?;
            let stop = bound(stop, runtime, "end")?;
            // NOTE: saturate, not zero: on wasm32 a usize cannot hold (1..1e12)'s length.
            let span = stop.saturating_sub(start).saturating_add(1).max(0);
            let length = usize::try_from(span).unwrap_or(usize::MAX);
            (Items::Counted { start }, length)
        }
        ValueOrRange::Value(expression) => {
            let value = expression.evaluate(runtime)?;
            text = value.type_name() == "string";
            let values = iterable(value);
            let length = values.len();
            (Items::Values(values), length)
        }
    };
    let offset = match &head.offset {
        Some(Offset::Continue) => runtime
            .registers()
            .get_mut::<ContinueOffsets>()
            .0
            .get(&head.name)
            .map_or(0, |&at| i64::try_from(at).unwrap_or(i64::MAX)),
        Some(Offset::At(e)) => to_integer(e.evaluate(runtime)?.as_view(), "offset")?.unwrap_or(0),
        None => 0,
    };
    // Ruby's `slice_collection`: the items from `offset` (which may be negative) up to
    // `offset + limit`.
    let from = clamp(Some(offset)).min(length);
    let to = match evaluate_integer(&head.limit, runtime, "limit")? {
        Some(limit) => clamp(Some(offset.saturating_add(limit)))
            .min(length)
            .max(from),
        None => length,
    };
    let (from, to) = if text { (0, length) } else { (from, to) };
    runtime
        .registers()
        .get_mut::<ContinueOffsets>()
        .0
        .insert(head.name.clone(), to);
    Ok(Window {
        items,
        from,
        to,
        reversed: head.reversed,
    })
}

pub(super) fn clamp(n: Option<i64>) -> usize {
    n.map_or(0, |n| usize::try_from(n.max(0)).unwrap_or(usize::MAX))
}

fn bound(expression: &Expression, runtime: &dyn Runtime, what: &str) -> Result<i64> {
    Ok(to_integer(expression.evaluate(runtime)?.as_view(), what)?.unwrap_or(0))
}

/// A range literal (`(1..5) | join`, `assign r = (1..3)`) as a range value: its items as
/// Ruby's `to_a` gives them, and its ends. Bounds that are not numbers read as 0; every item
/// counts against the loop budget, so `(1..1e12)` is a limit error, not an out-of-memory trap.
pub fn range_array(start: &Expression, end: &Expression, runtime: &dyn Runtime) -> Result<Value> {
    let lenient = |e: &Expression| -> Result<i64> {
        Ok(to_integer(e.evaluate(runtime)?.as_view(), "range")
            .unwrap_or(Some(0))
            .unwrap_or(0))
    };
    let (start, end) = (lenient(start)?, lenient(end)?);
    let mut items = Vec::new();
    for i in start..=end {
        budget::charge_iteration()?;
        items.push(Value::scalar(i));
    }
    Ok(Value::Range(items, [start, end]))
}

/// Arrays as they are, hashes as `[key, value]` pairs, a non-empty string as one item, and
/// anything else as nothing (Ruby's `slice_collection`).
fn iterable(value: ValueCow<'_>) -> Vec<ValueCow<'_>> {
    let view = value.as_view();
    if view.as_array().is_some() {
        return match value {
            ValueCow::Borrowed(v) => v
                .as_array()
                .map(|a| a.values().map(ValueCow::Borrowed).collect())
                .unwrap_or_default(),
            ValueCow::Owned(Value::Array(items)) => {
                items.into_iter().map(ValueCow::Owned).collect()
            }
            ValueCow::Owned(other) => other
                .as_array()
                .map(|a| a.values().map(|v| ValueCow::Owned(v.to_value())).collect())
                .unwrap_or_default(),
        };
    }
    if let Some(object) = view.as_object() {
        return object
            .iter()
            .map(|(k, v)| {
                ValueCow::Owned(Value::Array(vec![
                    Value::scalar(k.into_owned()),
                    v.to_value(),
                ]))
            })
            .collect();
    }
    match view.as_scalar() {
        Some(s) if s.to_kstr().is_empty() => vec![],
        Some(s) if s.to_integer().is_none() && s.to_float().is_none() && s.to_bool().is_none() => {
            vec![value]
        }
        _ => vec![],
    }
}

pub(super) fn loop_object(i: usize, length: usize) -> Data {
    let (i, length) = (i as i64, length as i64);
    let int = |n: i64| Data::Scalar(Scalar::new(n));
    let boolean = |b: bool| Data::Scalar(Scalar::new(b));
    Data::Object(vec![
        (DataKey::from_static("length"), int(length)),
        (DataKey::from_static("index"), int(i + 1)),
        (DataKey::from_static("index0"), int(i)),
        (DataKey::from_static("rindex"), int(length - i)),
        (DataKey::from_static("rindex0"), int(length - i - 1)),
        (DataKey::from_static("first"), boolean(i == 0)),
        (DataKey::from_static("last"), boolean(i == length - 1)),
    ])
}

/// Text as template data.
pub(super) fn text(value: &str) -> Data {
    Data::Scalar(Scalar::new(KString::from_ref(value)))
}

/// Renders one iteration's body in a frame holding `names`; true when it ended in `break`.
pub(super) fn iterate(
    body: &dyn Renderable,
    writer: &mut dyn Write,
    runtime: &dyn Runtime,
    names: &[(&str, &dyn ValueView)],
) -> Result<bool> {
    budget::charge_iteration()?;
    let scope = Lenient(StackFrame::new(runtime, Names(names)));
    body.render_to(writer, &scope)?;
    Ok(take_interrupt() == Some(Interrupt::Break))
}

/// `{% for x in collection limit: n offset: n|continue reversed %}...{% else %}...{% endfor %}`.
#[derive(Clone, Debug, Default)]
pub struct ForBlock;

impl BlockReflection for ForBlock {
    fn start_tag(&self) -> &str {
        "for"
    }
    fn end_tag(&self) -> &str {
        "endfor"
    }
    fn description(&self) -> &str {
        "Loops over an array, a hash or a range, within the render's iteration budget."
    }
}

impl ParseBlock for ForBlock {
    fn parse(
        &self,
        mut arguments: TagTokenIter<'_>,
        mut tokens: TagBlock<'_, '_>,
        options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        let head = parse_head(&mut arguments, false)?;
        let mut body = Body::default();
        let mut otherwise: Option<Body> = None;
        while let Some(element) = tokens.next()? {
            match element {
                // Ruby's `for` reads no arguments of its `else` (`{% else if x %}` is `else`).
                BlockElement::Tag(tag) if tag.name() == "else" && otherwise.is_none() => {
                    otherwise = Some(Body::default());
                }
                element => {
                    otherwise
                        .as_mut()
                        .unwrap_or(&mut body)
                        .push(element, &mut tokens, options)?
                }
            }
        }
        tokens.assert_empty();
        let blank = body.is_blank() && otherwise.as_ref().is_none_or(Body::is_blank);
        blank::report(blank);
        Ok(Box::new(For {
            head,
            body: body.finish(blank),
            otherwise: otherwise.map(|o| o.finish(blank)),
        }))
    }

    fn reflection(&self) -> &dyn BlockReflection {
        self
    }
}

#[derive(Debug)]
struct For {
    head: LoopHead,
    body: Sequence,
    otherwise: Option<Sequence>,
}

impl Renderable for For {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let window = window(&self.head, runtime)?;
        let length = window.len();
        if length == 0 {
            if let Some(otherwise) = &self.otherwise {
                otherwise.render_to(writer, runtime)?;
            }
            return Ok(());
        }
        let position = LoopPosition {
            index: 0,
            length,
            name: self.head.name.clone(),
        };
        // One `forloop` per loop, its counters moved at each item.
        let mut forloop = Forloop::new(length, &self.head.name, loop_depth());
        within(Some(position), |at| {
            for i in 0..length {
                at(i);
                forloop.move_to(i, length);
                let item = window.item(i);
                let names: [(&str, &dyn ValueView); 2] = [
                    ("forloop", &forloop),
                    (self.head.var.as_str(), item.as_view()),
                ];
                if iterate(&self.body, writer, runtime, &names)? {
                    break;
                }
            }
            Ok(())
        })
    }
}
