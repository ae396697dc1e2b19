//! Shopify-dialect filters the `liquid` crate lacks: `has`, `find`, `find_index`,
//! `sum`, `remove_last`, `replace_last` (the encoding ones are in `encode_filters`).
//!
//! Array filters follow Shopify: a hash input is a one-item array; string items match when they
//! contain the property; objects match when the property equals the target (or is truthy when
//! no target, or a nil one, is given); a nil item makes the result nil; other scalars compare
//! with the property and mismatched types are errors.

use liquid_core::model::{State, ValueViewCmp};

use liquid_core::{Result, Value, ValueView};

use super::lax_filters::{Args, Lax};
use super::ruby::{property_of, ruby_eq, to_s};

/// One item against (property, target).
enum Match {
    Yes,
    No,
    /// A nil item: the whole result is nil.
    Nil,
}

fn matches(
    item: &dyn ValueView,
    property: &dyn ValueView,
    target: Option<&dyn ValueView>,
) -> Result<Match> {
    let target = target.filter(|t| !t.is_nil());
    if item.is_nil() {
        return Ok(Match::Nil);
    }
    if let Some(object) = item.as_object() {
        let Some(key) = property
            .as_scalar()
            .filter(|_| !property.is_nil())
            .map(|s| s.to_kstr().into_owned())
        else {
            return Ok(Match::No);
        };
        let value = object.get(key.as_str());
        let hit = match (value, target) {
            (Some(v), Some(t)) => ValueViewCmp::new(v) == ValueViewCmp::new(t),
            (Some(v), None) => v.query_state(State::Truthy),
            (None, _) => false,
        };
        return Ok(if hit { Match::Yes } else { Match::No });
    }
    let Some(scalar) = item.as_scalar() else {
        return Ok(Match::No);
    };
    if let Some(target) = target {
        // Ruby reads `"zoo"["z"]` as "z" (the property, when the text contains it).
        let hit = property_of(item, property).is_some_and(|v| ruby_eq(&v, target));
        return Ok(if hit { Match::Yes } else { Match::No });
    }
    if let (Some(text), Some(needle)) = (scalar.to_kstr().as_str().into(), property.as_scalar()) {
        let text: &str = text;
        if item.type_name() == "string" {
            return Ok(
                if needle.type_name() == "string" && text.contains(needle.to_kstr().as_str()) {
                    Match::Yes
                } else {
                    Match::No
                },
            );
        }
    }
    if property.type_name() == "string" && item.type_name() != "string" {
        return Err(liquid_core::Error::with_msg(format!(
            "cannot match a {} item against a string property",
            item.type_name()
        )));
    }
    Ok(if ValueViewCmp::new(item) == ValueViewCmp::new(property) {
        Match::Yes
    } else {
        Match::No
    })
}

/// The items of an array, or a hash as a one-item array.
fn items(input: &dyn ValueView) -> Vec<&dyn ValueView> {
    if let Some(array) = input.as_array() {
        array.values().collect()
    } else if input.is_object() {
        vec![input]
    } else if input.is_nil() {
        Vec::new()
    } else {
        vec![input]
    }
}

/// The items of an input and whether each matched.
type Scan<'v> = (Vec<&'v dyn ValueView>, Vec<bool>);

/// Matches every item against (property, target); `None` when a nil item makes the whole
/// result nil.
fn scan<'v>(input: &'v dyn ValueView, args: &Args<'_>) -> Result<Option<Scan<'v>>> {
    let items = items(input);
    let property = args.raw(0).unwrap_or(&Value::Nil);
    let mut hits = Vec::with_capacity(items.len());
    for item in &items {
        match matches(*item, property, args.get(1))? {
            Match::Yes => hits.push(true),
            Match::No => hits.push(false),
            Match::Nil => return Ok(None),
        }
    }
    Ok(Some((items, hits)))
}

/// True if any item matches.
fn has(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    Ok(scan(input, args)?.map_or(Value::Nil, |(_, hits)| {
        Value::scalar(hits.iter().any(|h| *h))
    }))
}

/// The first item that matches, else nil.
fn find(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    Ok(scan(input, args)?
        .and_then(|(items, hits)| {
            let at = hits.iter().position(|h| *h)?;
            items.get(at).map(|v| v.to_value())
        })
        .unwrap_or(Value::Nil))
}

/// The index of the first item that matches, else nil.
fn find_index(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    Ok(scan(input, args)?
        .and_then(|(_, hits)| hits.iter().position(|h| *h))
        .map_or(Value::Nil, |i| Value::scalar(i as i64)))
}

/// Sums numbers (or numeric strings), or a property of each item; nested arrays flatten.
fn sum(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    let property = args.raw(0).map(to_s);
    let (mut int, mut float, mut any_float) = (0i64, 0.0f64, false);
    // Nested arrays are flattened, as Shopify does.
    let mut stack: Vec<&dyn ValueView> = items(input);
    stack.reverse();
    while let Some(item) = stack.pop() {
        if let Some(inner) = item.as_array() {
            let mut nested: Vec<&dyn ValueView> = inner.values().collect();
            nested.reverse();
            stack.extend(nested);
            continue;
        }
        let value = match &property {
            Some(p) if item.is_object() => item.as_object().and_then(|o| o.get(p)),
            Some(_) if item.is_nil() => None,
            Some(_) => {
                return Err(liquid_core::Error::with_msg(
                    "`sum` with a property needs hashes",
                ));
            }
            None => Some(item),
        };
        let Some(scalar) = value.and_then(|v| v.as_scalar()) else {
            continue;
        };
        if let Some(i) = scalar.to_integer() {
            int = int.saturating_add(i);
        } else if let Some(f) = scalar.to_float() {
            float += f;
            any_float = true;
        }
    }
    Ok(if any_float {
        Value::scalar(int as f64 + float)
    } else {
        Value::scalar(int)
    })
}

fn replace_last(text: &str, search: &str, replacement: &str) -> String {
    match text.rfind(search) {
        // An empty search matches at the end, as Ruby's `rindex("")` does.
        Some(at) => {
            format!(
                "{}{replacement}{}",
                text.get(..at).unwrap_or(""),
                text.get(at + search.len()..).unwrap_or("")
            )
        }
        _ => text.to_string(),
    }
}

/// Removes the last occurrence of a substring.
fn remove_last(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    Ok(Value::scalar(replace_last(
        &to_s(input),
        &args.text(0, ""),
        "",
    )))
}

/// Replaces the last occurrence of a substring.
fn replace_last_filter(input: &dyn ValueView, args: &Args<'_>) -> Result<Value> {
    Ok(Value::scalar(replace_last(
        &to_s(input),
        &args.text(0, ""),
        &args.text(1, ""),
    )))
}

/// Every filter of this module.
pub fn shopify_filters() -> Vec<Lax> {
    vec![
        Lax::new("has", "True if any item matches.", 1, 2, has),
        Lax::new("find", "The first item that matches, else nil.", 1, 2, find),
        Lax::new(
            "find_index",
            "The index of the first match, else nil.",
            1,
            2,
            find_index,
        ),
        Lax::new(
            "sum",
            "Sums numbers, or a property of each item.",
            0,
            1,
            sum,
        ),
        Lax::new(
            "remove_last",
            "Removes the last occurrence of a substring.",
            1,
            1,
            remove_last,
        ),
        Lax::new(
            "replace_last",
            "Replaces the last occurrence of a substring.",
            2,
            2,
            replace_last_filter,
        ),
    ]
}
