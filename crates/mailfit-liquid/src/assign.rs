//! `assign` with Shopify's names: digits-only names are allowed (Ruby accepts them), a leading
//! hyphen is not (the crate's grammar would take `-foo` as a name). The same check names
//! `capture` variables.

use std::io::Write;

use liquid_core::model::{KString, ValueCow};
use liquid_core::parser::{FilterChain, TagToken};
use liquid_core::{
    Error, Language, ParseTag, Renderable, Result, Runtime, TagReflection, TagTokenIter,
};

/// A variable name for `assign` or `capture`: letters, digits, `_` and inner `-`.
pub fn variable_name(token: TagToken<'_>) -> Result<KString> {
    let name = token.as_str().trim();
    let valid = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if valid {
        Ok(KString::from_ref(name))
    } else {
        Err(token.raise_custom_error("a variable name (letters, digits, `_`, inner `-`) expected"))
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct AssignTag;

impl TagReflection for AssignTag {
    fn tag(&self) -> &str {
        "assign"
    }

    fn description(&self) -> &str {
        "Sets a variable to a value (through filters)."
    }
}

impl ParseTag for AssignTag {
    fn parse(
        &self,
        mut arguments: TagTokenIter<'_>,
        options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        let name = variable_name(arguments.expect_next("Variable name expected.")?)?;
        arguments
            .expect_next("\"=\" expected.")?
            .expect_str("=")
            .into_result_custom_msg("\"=\" expected.")?;
        let value = arguments
            .expect_next("Value expected.")?
            .expect_filter_chain(options)
            .into_result()?;
        arguments.expect_nothing()?;
        Ok(Box::new(Assign { name, value }))
    }

    fn reflection(&self) -> &dyn TagReflection {
        self
    }
}

#[derive(Debug)]
struct Assign {
    name: KString,
    value: FilterChain,
}

impl Renderable for Assign {
    fn render_to(&self, _writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let value = self
            .value
            .evaluate(runtime)
            .map_err(|e| e.trace(format!("{{% assign {} = {} %}}", self.name, self.value)))?;
        // A borrowed value (the data's) is copied here; an owned one was counted where it was
        // made (a filter) or copied (a read of an assigned variable).
        let copied = matches!(value, ValueCow::Borrowed(_));
        let value = value.into_owned();
        if copied {
            crate::budget::charge_copy(&value)?;
        }
        runtime.set_global(self.name.clone(), value);
        Ok(())
    }
}

/// Rejects `for x in -foo`: Ruby reads no variable there.
pub fn check_collection(markup: &str) -> Result<()> {
    let mut chars = markup.chars();
    if chars.next() == Some('-') && chars.next().is_some_and(|c| c.is_alphabetic() || c == '_') {
        return Err(Error::with_msg(format!(
            "`{markup}` is not a variable name"
        )));
    }
    Ok(())
}
