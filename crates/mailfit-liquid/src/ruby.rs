//! Ruby's value semantics, which Shopify's Liquid inherits: what is truthy, what is equal,
//! what orders, how a value prints, and how an input becomes a list. Shared by the lenient
//! filters and the conditions so both agree with each other and with Shopify.

use std::borrow::Cow;
use std::cmp::Ordering;

use liquid_core::{Value, ValueView};

use super::math_filters::ruby_float;

/// Only nil and false are falsy (0, "" and empty arrays are truthy).
pub fn truthy(value: &dyn ValueView) -> bool {
    !(value.is_nil() || value.as_scalar().and_then(|s| s.to_bool()) == Some(false))
}

fn is_number(value: &dyn ValueView) -> bool {
    matches!(value.type_name(), "whole number" | "fractional number")
}

/// Ruby's `==`: numbers by value (1 == 1.0), strings by text, no coercion between types
/// (1 != "1", 1 != true); arrays and hashes element by element.
pub fn ruby_eq(a: &dyn ValueView, b: &dyn ValueView) -> bool {
    if a.is_nil() || b.is_nil() {
        return a.is_nil() && b.is_nil();
    }
    if let (Some(x), Some(y)) = (a.as_array(), b.as_array()) {
        return x.size() == y.size() && x.values().zip(y.values()).all(|(p, q)| ruby_eq(p, q));
    }
    if let (Some(x), Some(y)) = (a.as_object(), b.as_object()) {
        return x.size() == y.size()
            && x.iter()
                .all(|(k, v)| y.get(k.as_str()).is_some_and(|w| ruby_eq(v, w)));
    }
    match (a.as_scalar(), b.as_scalar()) {
        (Some(x), Some(y)) if is_number(a) && is_number(b) => x.to_float() == y.to_float(),
        (Some(x), Some(y)) if a.type_name() == b.type_name() => x.to_kstr() == y.to_kstr(),
        _ => false,
    }
}

/// Ruby's `<=>` for the types that order: numbers with numbers, strings with strings, arrays
/// item by item; and 0 for equal values of any type (`true <=> true`).
pub fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    if let (Value::Array(x), Value::Array(y)) = (a, b) {
        for (p, q) in x.iter().zip(y) {
            match compare(p, q)? {
                Ordering::Equal => {}
                other => return Some(other),
            }
        }
        return Some(x.len().cmp(&y.len()));
    }
    if ruby_eq(a, b) {
        return Some(Ordering::Equal);
    }
    compare_views(a, b)
}

/// [`compare`] on views.
pub fn compare_views(a: &dyn ValueView, b: &dyn ValueView) -> Option<Ordering> {
    let (x, y) = (a.as_scalar()?, b.as_scalar()?);
    if is_number(a) && is_number(b) {
        return x.to_float()?.partial_cmp(&y.to_float()?);
    }
    if a.type_name() == "string" && b.type_name() == "string" {
        return Some(x.to_kstr().as_str().cmp(y.to_kstr().as_str()));
    }
    None
}

/// How Ruby prints a value: arrays concatenate, hashes `inspect`, nil is empty, floats keep
/// their `.0`.
pub fn to_s(value: &dyn ValueView) -> Cow<'_, str> {
    // A string, the common case, is borrowed rather than copied.
    match value.as_scalar() {
        Some(scalar) if scalar.as_str().is_some() => scalar.into_cow_str(),
        _ => {
            let mut out = String::new();
            write_s(value, &mut out);
            Cow::Owned(out)
        }
    }
}

fn write_s(value: &dyn ValueView, out: &mut String) {
    // Scalars first: they are most of what prints, and need the fewest questions.
    if let Some(scalar) = value.as_scalar() {
        match scalar.as_str() {
            Some(text) => out.push_str(text),
            None if scalar.type_name() == "fractional number" => {
                if let Some(f) = scalar.to_float() {
                    out.push_str(&ruby_float(f));
                }
            }
            None => out.push_str(scalar.to_kstr().as_str()),
        }
    } else if value.type_name() == "range" {
        out.push_str(value.to_kstr().as_str());
    } else if let Some(items) = value.as_array() {
        for item in items.values() {
            write_s(item, out);
        }
    } else if value.is_object() {
        // A hash prints as Ruby's `Hash#inspect` (the crate's patched rendering).
        out.push_str(&value.render().to_string());
    }
}

/// Ruby Liquid's `InputIterator`: arrays flatten, nil is empty, anything else is one item.
pub fn flatten(input: &dyn ValueView) -> Vec<&dyn ValueView> {
    let mut out = Vec::new();
    if !input.is_nil() {
        push_flat(input, &mut out);
    }
    out
}

fn push_flat<'v>(value: &'v dyn ValueView, out: &mut Vec<&'v dyn ValueView>) {
    match value.as_array() {
        Some(items) => {
            for item in items.values() {
                push_flat(item, out);
            }
        }
        None => out.push(value),
    }
}

/// `item[property]` as Ruby reads it: a hash's value, or for a string the property itself
/// when the string contains it; `None` when there is nothing to read.
pub fn property_of(item: &dyn ValueView, property: &dyn ValueView) -> Option<Value> {
    let key = to_s(property);
    if let Some(object) = item.as_object() {
        return object.get(&key).map(|v| v.to_value());
    }
    if item.type_name() == "string" && item.to_kstr().contains(&*key) {
        return Some(Value::scalar(key.into_owned()));
    }
    None
}
