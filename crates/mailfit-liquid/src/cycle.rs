//! `cycle` as Ruby Liquid has it: `{% cycle 'odd', 'even' %}` or, grouped,
//! `{% cycle group: 'a', 'b' %}`. A group's key is its name's value when rendered (undefined
//! names share one key); unnamed cycles with the same values share a counter. A counter past
//! a shorter cycle's values prints nothing and starts over, instead of failing the render.

use std::collections::HashMap;
use std::io::Write;

use liquid_core::{
    Expression, Language, ParseTag, Renderable, Result, Runtime, TagReflection, TagTokenIter,
};

use super::ruby::to_s;

#[derive(Debug, Clone, Copy, Default)]
pub struct CycleTag;

impl TagReflection for CycleTag {
    fn tag(&self) -> &str {
        "cycle"
    }

    fn description(&self) -> &str {
        "Prints the next of its values each time it renders."
    }
}

#[derive(Debug)]
enum Group {
    Named(Expression),
    Values(String),
}

#[derive(Debug)]
struct Cycle {
    group: Group,
    values: Vec<Expression>,
}

/// Counters per group key, for one render.
#[derive(Debug, Default)]
struct Counters(HashMap<String, usize>);

impl ParseTag for CycleTag {
    fn parse(
        &self,
        mut arguments: TagTokenIter<'_>,
        _options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        let first = arguments
            .expect_next("Value expected.")?
            .expect_value()
            .into_result()?;
        let mut values = Vec::new();
        let mut group = None;
        match arguments.next() {
            Some(token) if token.as_str() == ":" => group = Some(first),
            Some(token) => {
                values.push(first);
                token
                    .expect_str(",")
                    .into_result_custom_msg("\",\" expected.")?;
            }
            None => values.push(first),
        }
        for token in arguments {
            if token.as_str() == "," {
                continue;
            }
            values.push(token.expect_value().into_result()?);
        }
        let group = match group {
            Some(name) => Group::Named(name),
            None => Group::Values(
                values
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        };
        Ok(Box::new(Cycle { group, values }))
    }

    fn reflection(&self) -> &dyn TagReflection {
        self
    }
}

impl Renderable for Cycle {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let key = match &self.group {
            Group::Named(name) => {
                let value = name.evaluate(runtime)?;
                if value.as_view().is_nil() {
                    "named:nil".to_string()
                } else {
                    format!("named:{}", to_s(value.as_view()))
                }
            }
            Group::Values(values) => format!("values:{values}"),
        };
        let iteration = runtime
            .registers()
            .get_mut::<Counters>()
            .0
            .get(&key)
            .copied()
            .unwrap_or(0);
        if let Some(value) = self.values.get(iteration) {
            let value = value.evaluate(runtime)?;
            write!(writer, "{}", to_s(value.as_view()))
                .map_err(|e| liquid_core::Error::with_msg(format!("failed to write: {e}")))?;
        }
        let next = if iteration + 1 >= self.values.len() {
            0
        } else {
            iteration + 1
        };
        runtime
            .registers()
            .get_mut::<Counters>()
            .0
            .insert(key, next);
        Ok(())
    }
}
