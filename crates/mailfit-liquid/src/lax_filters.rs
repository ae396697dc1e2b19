//! Shopify's forgiving array and string filters, in place of the `liquid` crate's strict ones.
//!
//! Ruby Liquid reads most inputs through `InputIterator`: an array is flattened, nil is empty,
//! anything else is a one-item array. A marketer's `{{ tags | join: ", " }}` therefore prints
//! nothing for a customer without tags instead of failing the whole email, and these filters
//! do the same. Each one follows Liquid 5's `standardfilters.rb`; the golden-liquid suite pins
//! the edge cases.

use std::cmp::Ordering;

use liquid_core::model::{KString, ValueCow};
use liquid_core::parser::{FilterArguments, ParameterReflection};
use liquid_core::{
    Error, Expression, Filter, FilterReflection, ParseFilter, Result, Runtime, Value, ValueView,
};

use super::ruby::{self, flatten, property_of, ruby_eq, to_s, truthy};
use super::text_filters::{
    capitalize, newline_to_br, replace, size, slice, split, strip_html, truncate, truncatewords,
    url_encode,
};

/// Evaluated arguments: positional ones (missing ones read as nil) and keyword ones.
pub struct Args<'a> {
    positional: Vec<ValueCow<'a>>,
    keyword: Vec<(&'a str, ValueCow<'a>)>,
}

impl Args<'_> {
    pub(super) fn get(&self, index: usize) -> Option<&dyn ValueView> {
        self.positional
            .get(index)
            .map(|v| v.as_view())
            .filter(|v| !v.is_nil())
    }

    /// The argument as given, nil included; `None` when absent.
    pub(super) fn raw(&self, index: usize) -> Option<&dyn ValueView> {
        self.positional.get(index).map(|v| v.as_view())
    }

    fn keyword(&self, name: &str) -> Option<&dyn ValueView> {
        self.keyword
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_view())
    }

    pub(super) fn text(&self, index: usize, default: &str) -> String {
        match self.positional.get(index) {
            Some(v) => to_s(v.as_view()).into_owned(),
            None => default.to_string(),
        }
    }
}

pub type Apply = fn(&dyn ValueView, &Args<'_>) -> Result<Value>;

/// A filter defined by its arity and a function of the input and evaluated arguments.
#[derive(Clone)]
pub struct Lax {
    name: &'static str,
    description: &'static str,
    min: usize,
    max: usize,
    keywords: &'static [&'static str],
    apply: Apply,
}

impl Lax {
    /// A filter taking `min..=max` positional arguments and no keywords.
    pub fn new(
        name: &'static str,
        description: &'static str,
        min: usize,
        max: usize,
        apply: Apply,
    ) -> Self {
        Lax {
            name,
            description,
            min,
            max,
            keywords: &[],
            apply,
        }
    }
}

impl FilterReflection for Lax {
    fn name(&self) -> &str {
        self.name
    }

    fn description(&self) -> &str {
        self.description
    }

    fn positional_parameters(&self) -> &'static [ParameterReflection] {
        &[]
    }

    fn keyword_parameters(&self) -> &'static [ParameterReflection] {
        &[]
    }
}

impl ParseFilter for Lax {
    fn parse(&self, arguments: FilterArguments<'_>) -> Result<Box<dyn Filter>> {
        let positional: Vec<Expression> = arguments.positional.collect();
        if positional.len() < self.min || positional.len() > self.max {
            return Err(Error::with_msg(format!(
                "`{}` takes {}..={} arguments, got {}",
                self.name,
                self.min,
                self.max,
                positional.len()
            )));
        }
        let mut keyword = Vec::new();
        for (name, value) in arguments.keyword {
            if !self.keywords.contains(&name) {
                return Err(Error::with_msg(format!(
                    "`{}` has no argument `{name}`",
                    self.name
                )));
            }
            keyword.push((KString::from_ref(name), value));
        }
        Ok(Box::new(LaxFilter {
            name: self.name,
            positional,
            keyword,
            apply: self.apply,
        }))
    }

    fn reflection(&self) -> &dyn FilterReflection {
        self
    }
}

struct LaxFilter {
    name: &'static str,
    positional: Vec<Expression>,
    keyword: Vec<(KString, Expression)>,
    apply: Apply,
}

impl std::fmt::Debug for LaxFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl std::fmt::Display for LaxFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl Filter for LaxFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let mut positional = Vec::with_capacity(self.positional.len());
        for expression in &self.positional {
            positional.push(expression.evaluate(runtime)?);
        }
        let mut keyword = Vec::with_capacity(self.keyword.len());
        for (name, expression) in &self.keyword {
            keyword.push((name.as_str(), expression.evaluate(runtime)?));
        }
        (self.apply)(
            input,
            &Args {
                positional,
                keyword,
            },
        )
    }
}

fn array(items: Vec<&dyn ValueView>) -> Value {
    Value::Array(items.into_iter().map(|v| v.to_value()).collect())
}

fn join(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    if input.as_array().is_none() {
        return Ok(Value::scalar(to_s(input).into_owned()));
    }
    let glue = args.text(0, " ");
    let mut joined = String::new();
    for (at, item) in flatten(input).into_iter().enumerate() {
        if at > 0 {
            joined.push_str(&glue);
        }
        joined.push_str(&to_s(item));
    }
    Ok(Value::scalar(joined))
}

/// A range's ends (Ruby's `Range#first` and `#last`, even when it has no items).
fn range_ends(input: &dyn ValueView) -> Option<(i64, i64)> {
    if input.type_name() != "range" {
        return None;
    }
    match input.to_value() {
        Value::Range(_, [start, end]) => Some((start, end)),
        _ => None,
    }
}

fn first(input: &dyn ValueView, _: &Args<'_>) -> Result<Value> {
    if let Some((start, _)) = range_ends(input) {
        return Ok(Value::scalar(start));
    }
    if let Some(items) = input.as_array() {
        return Ok(items.first().map_or(Value::Nil, |v| v.to_value()));
    }
    if let Some(object) = input.as_object() {
        return Ok(object.iter().next().map_or(Value::Nil, |(k, v)| {
            Value::Array(vec![Value::scalar(k.as_str().to_string()), v.to_value()])
        }));
    }
    Ok(Value::Nil)
}

fn last(input: &dyn ValueView, _: &Args<'_>) -> Result<Value> {
    if let Some((_, end)) = range_ends(input) {
        return Ok(Value::scalar(end));
    }
    if let Some(items) = input.as_array() {
        return Ok(items.last().map_or(Value::Nil, |v| v.to_value()));
    }
    Ok(Value::Nil)
}

fn reverse(input: &dyn ValueView, _: &Args<'_>) -> Result<Value> {
    let mut items = flatten(input);
    items.reverse();
    Ok(array(items))
}

/// Keeps the first item of each key (the item itself, or its property).
fn uniq(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    let items = flatten(input);
    let mut seen: Vec<Value> = Vec::new();
    let mut kept = Vec::new();
    for item in items {
        let key = match args.get(0) {
            Some(property) => property_of(item, property).unwrap_or(Value::Nil),
            None => item.to_value(),
        };
        // A hash key's equality (`eql?`): 0 and 0.0 are two values.
        if !seen
            .iter()
            .any(|s| ruby_eq(s, &key) && s.type_name() == key.type_name())
        {
            seen.push(key);
            kept.push(item);
        }
    }
    Ok(array(kept))
}

fn compact(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    let kept = flatten(input)
        .into_iter()
        .filter(|item| match args.get(0) {
            Some(property) => property_of(*item, property).is_some_and(|v| !v.is_nil()),
            None => !item.is_nil(),
        })
        .collect();
    Ok(array(kept))
}

fn concat(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    let Some(other) = args.get(0).and_then(|v| v.as_array()) else {
        return Err(Error::with_msg("`concat` needs an array argument"));
    };
    let mut items: Vec<Value> = flatten(input).into_iter().map(|v| v.to_value()).collect();
    items.extend(other.values().map(|v| v.to_value()));
    Ok(Value::Array(items))
}

fn map(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    let property = args.get(0).map(to_s).unwrap_or_default();
    let mut out = Vec::new();
    for item in flatten(input) {
        if let Some(object) = item.as_object() {
            out.push(object.get(&property).map_or(Value::Nil, |v| v.to_value()));
        } else if item.type_name() == "string" || item.is_nil() {
            out.push(property_of(item, &Value::scalar(property.to_string())).unwrap_or(Value::Nil));
        } else if item.type_name() != "whole number" {
            // Ruby: booleans and floats have no `[]`, so nothing; an integer's `[]` raises.
            out.push(Value::Nil);
        } else {
            return Err(Error::with_msg(format!(
                "`map` cannot read `{property}` of a {}",
                item.type_name()
            )));
        }
    }
    Ok(Value::Array(out))
}

/// Does `item` match `where`/`reject`'s (property, target)? No target: the property is truthy.
fn selects(item: &dyn ValueView, args: &Args<'_>) -> bool {
    let Some(property) = args.get(0) else {
        // An undefined property reads nothing from a hash; a string item still counts.
        return item.type_name() == "string";
    };
    let value = property_of(item, property);
    match (value, args.get(1)) {
        (Some(v), Some(target)) => ruby_eq(&v, target),
        (Some(v), None) => truthy(&v),
        (None, _) => false,
    }
}

/// The items `where` (keep = true) or `reject` (keep = false) returns. Booleans and floats
/// have no properties (they never match), an integer's is an error, as in Ruby; a nil item
/// makes the whole result nil.
fn select(input: &dyn ValueView, args: &Args<'_>, keep: bool) -> Result<Value> {
    let mut kept = Vec::new();
    for item in flatten(input) {
        if item.is_nil() {
            return Ok(Value::Nil);
        }
        if item.type_name() == "whole number" {
            return Err(Error::with_msg(format!(
                "cannot read a property of a {}",
                item.type_name()
            )));
        }
        if selects(item, args) == keep {
            kept.push(item);
        }
    }
    Ok(array(kept))
}

fn where_(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    select(input, args, true)
}

fn reject(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    select(input, args, false)
}

/// Ruby's `nil_safe_compare`: nils sort last; other mismatches are errors.
fn nil_safe(
    a: &Value,
    b: &Value,
    compare: fn(&Value, &Value) -> Option<Ordering>,
) -> Result<Ordering> {
    match (a.is_nil(), b.is_nil()) {
        (true, true) => Ok(Ordering::Equal),
        (true, false) => Ok(Ordering::Greater),
        (false, true) => Ok(Ordering::Less),
        _ => compare(a, b).ok_or_else(|| {
            Error::with_msg(format!(
                "cannot sort a {} against a {}",
                a.type_name(),
                b.type_name()
            ))
        }),
    }
}

fn sort_by(
    input: &dyn ValueView,
    args: &Args<'_>,
    compare: fn(&Value, &Value) -> Option<Ordering>,
) -> Result<Value> {
    let items = flatten(input);
    let mut keyed: Vec<(Value, Value)> = items
        .into_iter()
        .map(|item| {
            let key = match args.get(0) {
                Some(p) => property_of(item, p).unwrap_or(Value::Nil),
                None => item.to_value(),
            };
            (key, item.to_value())
        })
        .collect();
    let mut failure = None;
    keyed.sort_by(|(a, _), (b, _)| {
        nil_safe(a, b, compare).unwrap_or_else(|e| {
            failure.get_or_insert(e);
            Ordering::Equal
        })
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(Value::Array(keyed.into_iter().map(|(_, v)| v).collect())),
    }
}

fn sort(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    sort_by(input, args, ruby::compare)
}

fn sort_natural(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    sort_by(input, args, |a, b| {
        Some(to_s(a).to_lowercase().cmp(&to_s(b).to_lowercase()))
    })
}

/// `default`: nil, false (unless `allow_false: true`) and empty values take the default.
fn default(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    let allow_false = args
        .keyword("allow_false")
        .is_some_and(|v| truthy(&v.to_value()));
    let value = input.to_value();
    let falsy = if allow_false {
        input.is_nil()
    } else {
        !truthy(&value)
    };
    let empty = match &value {
        Value::Scalar(s) => s.type_name() == "string" && s.to_kstr().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::State(_) | Value::Nil => true,
        Value::Range(..) => false,
    };
    if falsy || empty {
        Ok(args.get(0).map_or(Value::scalar(""), |v| v.to_value()))
    } else {
        Ok(value)
    }
}

/// Every filter of this module.
pub fn lax_filters() -> Vec<Lax> {
    let f = |name, description, min, max, apply| Lax {
        name,
        description,
        min,
        max,
        keywords: &[],
        apply,
    };
    vec![
        f("join", "Joins the items with a glue.", 0, 1, join),
        f("first", "The first item.", 0, 0, first),
        f("last", "The last item.", 0, 0, last),
        f("reverse", "The items in reverse order.", 0, 0, reverse),
        f("uniq", "The items without repeats.", 0, 1, uniq),
        f("compact", "The items without nils.", 0, 1, compact),
        f(
            "concat",
            "The items followed by another array's.",
            1,
            1,
            concat,
        ),
        f("map", "A property of each item.", 1, 1, map),
        f("where", "The items whose property matches.", 1, 2, where_),
        f(
            "reject",
            "The items whose property does not match.",
            1,
            2,
            reject,
        ),
        f("sort", "The items in order.", 0, 1, sort),
        f(
            "sort_natural",
            "The items in case-insensitive order.",
            0,
            1,
            sort_natural,
        ),
        f("split", "Splits text on a separator.", 1, 1, split),
        f(
            "strip_html",
            "Removes HTML tags, scripts, styles and comments.",
            0,
            0,
            strip_html,
        ),
        f("slice", "A part of a text or array.", 1, 2, slice),
        f(
            "size",
            "Characters of a text, items of an array or hash.",
            0,
            0,
            size,
        ),
        f(
            "capitalize",
            "The first character upper-case, the rest lower-case.",
            0,
            0,
            capitalize,
        ),
        f(
            "truncate",
            "The first characters of a text, the ellipsis included.",
            0,
            2,
            truncate,
        ),
        f(
            "truncatewords",
            "The first words of a text.",
            0,
            2,
            truncatewords,
        ),
        f(
            "newline_to_br",
            "Line breaks as <br />.",
            0,
            0,
            newline_to_br,
        ),
        f("url_encode", "Form-encodes text.", 0, 0, url_encode),
        f("replace", "Replaces every occurrence.", 1, 2, replace),
        Lax {
            keywords: &["allow_false"],
            ..f(
                "default",
                "A fallback for nil, false or empty.",
                0,
                1,
                default,
            )
        },
    ]
}
