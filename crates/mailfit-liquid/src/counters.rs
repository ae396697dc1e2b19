//! `increment` and `decrement` as the `liquid` crate has them, but a counter at the end of the
//! integer range is an error rather than an overflow (a trap with overflow checks, a silent
//! wrap without): `{% decrement n %}` where the data's `n` is -9223372036854775808.

use std::io::Write;

use liquid_core::error::ResultLiquidReplaceExt;
use liquid_core::model::{KString, Value, ValueView};
use liquid_core::{
    Error, Language, ParseTag, Renderable, Result, Runtime, TagReflection, TagTokenIter,
};

/// `increment` (`step` 1: prints, then counts) or `decrement` (`step` -1: counts, then prints).
#[derive(Clone, Copy, Debug)]
pub struct CounterTag {
    name: &'static str,
    step: i64,
}

/// `{% increment x %}`.
pub const INCREMENT: CounterTag = CounterTag {
    name: "increment",
    step: 1,
};
/// `{% decrement x %}`.
pub const DECREMENT: CounterTag = CounterTag {
    name: "decrement",
    step: -1,
};

impl TagReflection for CounterTag {
    fn tag(&self) -> &'static str {
        self.name
    }

    fn description(&self) -> &'static str {
        "Counts a variable up or down and prints it."
    }
}

impl ParseTag for CounterTag {
    fn parse(
        &self,
        mut arguments: TagTokenIter<'_>,
        _options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        let id: KString = arguments
            .expect_next("Identifier expected.")?
            .expect_identifier()
            .into_result()?
            .to_owned()
            .into();
        arguments.expect_nothing()?;
        Ok(Box::new(Counter { id, tag: *self }))
    }

    fn reflection(&self) -> &dyn TagReflection {
        self
    }
}

#[derive(Clone, Debug)]
struct Counter {
    id: KString,
    tag: CounterTag,
}

impl Renderable for Counter {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let value = runtime
            .get_index(&self.id)
            .and_then(|v| v.as_scalar().and_then(|s| s.to_integer()))
            .unwrap_or(0);
        let next = value.checked_add(self.tag.step).ok_or_else(|| {
            Error::with_msg(format!(
                "{} {} passes the integer range",
                self.tag.name, self.id
            ))
        })?;
        let shown = if self.tag.step > 0 { value } else { next };
        write!(writer, "{shown}").replace("Failed to render")?;
        runtime.set_index(self.id.clone(), Value::scalar(next));
        Ok(())
    }
}
