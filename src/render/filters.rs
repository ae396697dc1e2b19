//! Shopify-dialect filters the `liquid` crate lacks: `has`, `find`, `find_index`,
//! `sum`, `remove_last`, `replace_last` (the encoding ones are in `encode_filters`).
//!
//! Array filters follow Shopify: a hash input is a one-item array; string items match when they
//! contain the property; objects match when the property equals the target (or is truthy when
//! no target, or a nil one, is given); a nil item makes the result nil; other scalars compare
//! with the property and mismatched types are errors.

use liquid_core::model::{State, ValueViewCmp};

use super::ruby::{property_of, ruby_eq};
use liquid_core::{
    Display_filter, Expression, Filter, FilterParameters, FilterReflection, FromFilterParameters,
    ParseFilter, Result, Runtime, Value, ValueView,
};

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

#[derive(Debug, FilterParameters)]
struct MatchArgs {
    #[parameter(
        description = "The property (or, for scalars, the value) to look for.",
        arg_type = "any"
    )]
    property: Expression,
    #[parameter(
        description = "The value the property must equal (default: truthy).",
        arg_type = "any"
    )]
    target: Option<Expression>,
}

/// The items of an input and whether each matched.
type Scan<'v> = (Vec<&'v dyn ValueView>, Vec<bool>);

/// Matches every item; `None` when a nil item makes the whole result nil.
fn scan<'v>(input: &'v dyn ValueView, args: &EvaluatedMatchArgs<'_>) -> Result<Option<Scan<'v>>> {
    let items = items(input);
    let mut hits = Vec::with_capacity(items.len());
    for item in &items {
        match matches(
            *item,
            args.property.as_view(),
            args.target.as_ref().map(|t| t.as_view()),
        )? {
            Match::Yes => hits.push(true),
            Match::No => hits.push(false),
            Match::Nil => return Ok(None),
        }
    }
    Ok(Some((items, hits)))
}

/// True if any item matches.
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "has",
    description = "True if any item matches.",
    parameters(MatchArgs),
    parsed(HasFilter)
)]
pub struct Has;

#[derive(Debug, FromFilterParameters, Display_filter)]
#[name = "has"]
struct HasFilter {
    #[parameters]
    args: MatchArgs,
}

impl Filter for HasFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let args = self.args.evaluate(runtime)?;
        let Some((items, hits)) = scan(input, &args)? else {
            return Ok(Value::Nil);
        };
        let _ = &items;
        Ok(Value::scalar(hits.iter().any(|h| *h)))
    }
}

/// The first item that matches, else nil.
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "find",
    description = "The first item that matches, else nil.",
    parameters(MatchArgs),
    parsed(FindFilter)
)]
pub struct Find;

#[derive(Debug, FromFilterParameters, Display_filter)]
#[name = "find"]
struct FindFilter {
    #[parameters]
    args: MatchArgs,
}

impl Filter for FindFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let args = self.args.evaluate(runtime)?;
        let Some((items, hits)) = scan(input, &args)? else {
            return Ok(Value::Nil);
        };
        let _ = &items;
        Ok(hits
            .iter()
            .position(|h| *h)
            .and_then(|i| items.get(i))
            .map_or(Value::Nil, |v| v.to_value()))
    }
}

/// The index of the first item that matches, else nil.
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "find_index",
    description = "The index of the first item that matches, else nil.",
    parameters(MatchArgs),
    parsed(FindIndexFilter)
)]
pub struct FindIndex;

#[derive(Debug, FromFilterParameters, Display_filter)]
#[name = "find_index"]
struct FindIndexFilter {
    #[parameters]
    args: MatchArgs,
}

impl Filter for FindIndexFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let args = self.args.evaluate(runtime)?;
        let Some((items, hits)) = scan(input, &args)? else {
            return Ok(Value::Nil);
        };
        let _ = &items;
        Ok(hits
            .iter()
            .position(|h| *h)
            .map_or(Value::Nil, |i| Value::scalar(i as i64)))
    }
}

#[derive(Debug, FilterParameters)]
struct SumArgs {
    #[parameter(
        description = "Sum this property of each item instead of the items.",
        arg_type = "str"
    )]
    property: Option<Expression>,
}

/// Sums numbers (or numeric strings), or a property of each item.
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "sum",
    description = "Sums numbers, or a property of each item.",
    parameters(SumArgs),
    parsed(SumFilter)
)]
pub struct Sum;

#[derive(Debug, FromFilterParameters, Display_filter)]
#[name = "sum"]
struct SumFilter {
    #[parameters]
    args: SumArgs,
}

impl Filter for SumFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let args = self.args.evaluate(runtime)?;
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
            let value = match &args.property {
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
}

#[derive(Debug, FilterParameters)]
struct LastArgs {
    #[parameter(description = "The substring to find.", arg_type = "str")]
    search: Expression,
}

#[derive(Debug, FilterParameters)]
struct ReplaceLastArgs {
    #[parameter(description = "The substring to find.", arg_type = "str")]
    search: Expression,
    #[parameter(description = "What replaces it.", arg_type = "str")]
    replacement: Expression,
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
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "remove_last",
    description = "Removes the last occurrence of a substring.",
    parameters(LastArgs),
    parsed(RemoveLastFilter)
)]
pub struct RemoveLast;

#[derive(Debug, FromFilterParameters, Display_filter)]
#[name = "remove_last"]
struct RemoveLastFilter {
    #[parameters]
    args: LastArgs,
}

impl Filter for RemoveLastFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let args = self.args.evaluate(runtime)?;
        Ok(Value::scalar(replace_last(
            input.to_kstr().as_str(),
            &args.search,
            "",
        )))
    }
}

/// Replaces the last occurrence of a substring.
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "replace_last",
    description = "Replaces the last occurrence of a substring.",
    parameters(ReplaceLastArgs),
    parsed(ReplaceLastFilter)
)]
pub struct ReplaceLast;

#[derive(Debug, FromFilterParameters, Display_filter)]
#[name = "replace_last"]
struct ReplaceLastFilter {
    #[parameters]
    args: ReplaceLastArgs,
}

impl Filter for ReplaceLastFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let args = self.args.evaluate(runtime)?;
        Ok(Value::scalar(replace_last(
            input.to_kstr().as_str(),
            &args.search,
            &args.replacement,
        )))
    }
}
