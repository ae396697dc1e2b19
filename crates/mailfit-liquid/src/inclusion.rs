//! `include` and `render` as Shopify has them, in place of the crate's:
//! - `with x`, `for x` and `as name` bind a value (or each item of an array) under the
//!   partial's name or the alias; keyword arguments may be separated by commas or not;
//! - `include` shares the caller's variables (its arguments shadow them until it returns);
//! - `render` sees only its arguments, keeps its own assigns and counters, and `for` gives
//!   the partial a `forloop` of its own ([`super::scope::Root::isolated`]).
//!
//! Depth is bounded by [`super::guards::DepthGuarded`], which wraps both tags.

use std::borrow::Cow;
use std::io::Write;

use liquid_core::model::{KString, Object, ScalarCow, Value, ValueCow};
use liquid_core::parser::TagToken;
use liquid_core::runtime::StackFrame;
use liquid_core::{
    Error, Expression, Language, ParseTag, Renderable, Result, Runtime, TagReflection,
    TagTokenIter, ValueView,
};

use super::loops::{ValueOrRange, loop_object, text};
use super::scope::{Lenient, Names, Root, within};

/// `'name' [with|for value] [as alias] [,] key: value [,] key: value ...`
#[derive(Debug)]
struct Call {
    partial: Expression,
    /// The partial's name when written as a literal (the usual case): no per-render lookup.
    literal: Option<String>,
    /// The bound value and whether it came with `for`.
    bound: Option<(ValueOrRange, bool)>,
    alias: Option<KString>,
    arguments: Vec<(KString, Expression)>,
}

impl Call {
    fn parse(mut arguments: TagTokenIter<'_>) -> Result<Self> {
        let partial = arguments
            .expect_next("Partial name expected.")?
            .expect_value()
            .into_result()?;
        let literal = match &partial {
            Expression::Literal(value) if value.as_scalar().is_some() => {
                Some(value.to_kstr().to_string())
            }
            _ => None,
        };
        let mut call = Call {
            partial,
            literal,
            bound: None,
            alias: None,
            arguments: Vec::new(),
        };
        let mut next = arguments.next();
        if let Some(keyword) = next.as_ref().map(TagToken::as_str) {
            if keyword == "with" || keyword == "for" {
                let value = ValueOrRange::parse(arguments.expect_next("Value expected.")?)?;
                call.bound = Some((value, keyword == "for"));
                next = arguments.next();
            }
        }
        if next.as_ref().map(TagToken::as_str) == Some("as") {
            let alias = arguments
                .expect_next("Identifier expected.")?
                .expect_identifier()
                .into_result()?;
            call.alias = Some(KString::from_ref(alias));
            next = arguments.next();
        }
        // Ruby reads arguments only as `name: value`; anything else (`year 2025`) is ignored.
        while let Some(token) = next {
            next = arguments.next();
            if next.as_ref().map(TagToken::as_str) == Some(":") {
                let value = arguments
                    .expect_next("Value expected.")?
                    .expect_value()
                    .into_result()?;
                call.arguments
                    .push((KString::from_ref(token.as_str()), value));
                next = arguments.next();
            }
        }
        Ok(call)
    }

    fn name(&self, runtime: &dyn Runtime) -> Result<Cow<'_, str>> {
        if let Some(name) = &self.literal {
            return Ok(Cow::Borrowed(name));
        }
        let value = self.partial.evaluate(runtime)?;
        if value.as_scalar().is_none() || value.is_nil() {
            return Err(Error::with_msg("a partial's name must be a string"));
        }
        Ok(Cow::Owned(value.to_kstr().to_string()))
    }

    fn variable_name(&self, name: &str) -> KString {
        self.alias
            .clone()
            .unwrap_or_else(|| KString::from_ref(name.rsplit('/').next().unwrap_or(name)))
    }

    fn evaluated_arguments(&self, runtime: &dyn Runtime) -> Result<Object> {
        let mut object = Object::new();
        for (key, value) in &self.arguments {
            object.insert(key.clone(), value.evaluate(runtime)?.into_owned());
        }
        Ok(object)
    }
}

macro_rules! reflect {
    ($name:ident, $tag:literal, $description:literal) => {
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;

        impl TagReflection for $name {
            fn tag(&self) -> &str {
                $tag
            }

            fn description(&self) -> &str {
                $description
            }
        }
    };
}

reflect!(
    IncludeTag,
    "include",
    "Renders a partial in the caller's scope."
);
reflect!(
    RenderTag,
    "render",
    "Renders a partial in a scope of its own."
);

impl ParseTag for IncludeTag {
    fn parse(&self, arguments: TagTokenIter<'_>, _: &Language) -> Result<Box<dyn Renderable>> {
        Ok(Box::new(Include(Call::parse(arguments)?)))
    }

    fn reflection(&self) -> &dyn TagReflection {
        self
    }
}

impl ParseTag for RenderTag {
    fn parse(&self, arguments: TagTokenIter<'_>, _: &Language) -> Result<Box<dyn Renderable>> {
        Ok(Box::new(Render(Call::parse(arguments)?)))
    }

    fn reflection(&self) -> &dyn TagReflection {
        self
    }
}

#[derive(Debug)]
struct Include(Call);

impl Renderable for Include {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let call = &self.0;
        let name = call.name(runtime)?;
        let partial = runtime.partials().get(&name)?;
        let variable = call.variable_name(&name);
        // Without `with`/`for`, Ruby binds the caller's variable of the partial's own name.
        let value = match &call.bound {
            Some((bound, _)) => bound.evaluate(runtime)?,
            None => runtime
                .try_get(&[ScalarCow::new(name.as_ref())])
                .unwrap_or(ValueCow::Owned(Value::Nil)),
        };
        let arguments = call.evaluated_arguments(runtime)?;
        let items: Vec<&dyn ValueView> = match value.as_array() {
            Some(array) => array.values().collect(),
            None => vec![value.as_view()],
        };
        for item in items {
            let mut names: Vec<(&str, &dyn ValueView)> = arguments
                .iter()
                .map(|(k, v)| (k.as_str(), v as &dyn ValueView))
                .filter(|(k, _)| *k != variable.as_str())
                .collect();
            names.push((variable.as_str(), item));
            partial.render_to(writer, &Lenient(StackFrame::new(runtime, Names(&names))))?;
        }
        Ok(())
    }
}

#[derive(Debug)]
struct Render(Call);

/// The `forloop` a `render ... for` partial sees (no `parentloop`: it is isolated).
fn forloop(i: usize, length: usize, name: &str) -> Value {
    let mut forloop = loop_object(i, length);
    forloop.insert("name", text(name));
    forloop.to_value()
}

impl Renderable for Render {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let call = &self.0;
        let name = call.name(runtime)?;
        let partial = runtime.partials().get(&name)?;
        let variable = call.variable_name(&name);
        let arguments = call.evaluated_arguments(runtime)?;
        let value = match &call.bound {
            Some((bound, _)) => Some(bound.evaluate(runtime)?),
            None => None,
        };
        let each = matches!(call.bound, Some((_, true)));
        match value.as_ref().and_then(|v| v.as_array()).filter(|_| each) {
            Some(array) => {
                let length = array.size() as usize;
                for (i, item) in array.values().enumerate() {
                    let mut scope = arguments.clone();
                    scope.insert("forloop".into(), forloop(i, length, &name));
                    scope.insert(variable.clone(), item.to_value());
                    let isolated =
                        Root::isolated(KString::from_ref(&name), &scope, runtime.partials());
                    within(None, |_| partial.render_to(writer, &isolated))?;
                }
            }
            None => {
                let mut scope = arguments;
                if let Some(value) = value.filter(|v| !v.is_nil()) {
                    scope.insert(variable, value.into_owned());
                }
                let isolated = Root::isolated(KString::from_ref(&name), &scope, runtime.partials());
                within(None, |_| partial.render_to(writer, &isolated))?;
            }
        }
        Ok(())
    }
}
