//! The element list every template, partial and block body renders through, with `break` and
//! `continue` signalled in a thread-local flag. The crate's own list asks a hashed register
//! after every element whether a loop was interrupted; on an email's few hundred elements that
//! lookup was a tenth of the render.

use std::cell::Cell;
use std::io::Write;

use liquid_core::{Language, ParseTag, Renderable, Result, Runtime, TagReflection, TagTokenIter};

/// What a `break` or `continue` asked of the nearest loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interrupt {
    Break,
    Continue,
}

thread_local! {
    static PENDING: Cell<Option<Interrupt>> = const { Cell::new(None) };
}

/// Takes the pending interrupt (a loop does, after each item).
pub fn take_interrupt() -> Option<Interrupt> {
    PENDING.with(Cell::take)
}

/// Elements rendered in order until one interrupts.
#[derive(Debug)]
pub struct Sequence(pub Vec<Box<dyn Renderable>>);

/// What rendering one element or calling one filter counts toward the render's processed bytes
/// ([`crate::RenderLimits::max_processed_bytes`]): without it, 5,000 `{% if a %}` in a loop of
/// 100,000 ran 52 s natively within every other limit (Ruby Liquid's `render_score_limit`).
pub const ELEMENT_BYTES: usize = 32;

/// What each level of blocks and partials around an element or a filter call adds to it: a
/// variable read walks the scopes of the loops and partials around it. Without it, 242 `append`s
/// of an empty string in 63 nested loops ran 11 s in wasm within every other limit (a filter
/// call there cost 7 times one at the top level; found by fuzz/, target `liquid`).
pub const DEPTH_BYTES: usize = 4;

/// [`ELEMENT_BYTES`] and [`DEPTH_BYTES`] for the current nesting.
pub fn element_bytes() -> usize {
    ELEMENT_BYTES.saturating_add(DEPTH_BYTES.saturating_mul(crate::guards::render_depth()))
}

impl Renderable for Sequence {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        crate::budget::charge_processed(self.0.len().saturating_mul(element_bytes()))?;
        for element in &self.0 {
            element.render_to(writer, runtime)?;
            if PENDING.with(Cell::get).is_some() {
                break;
            }
        }
        Ok(())
    }
}

/// `break` and `continue`.
#[derive(Debug, Clone, Copy)]
pub struct InterruptTag(pub Interrupt);

impl TagReflection for InterruptTag {
    fn tag(&self) -> &str {
        match self.0 {
            Interrupt::Break => "break",
            Interrupt::Continue => "continue",
        }
    }

    fn description(&self) -> &str {
        "Leaves the loop, or goes on to its next item."
    }
}

impl ParseTag for InterruptTag {
    fn parse(&self, mut arguments: TagTokenIter<'_>, _: &Language) -> Result<Box<dyn Renderable>> {
        arguments.expect_nothing()?;
        Ok(Box::new(Raise(self.0)))
    }

    fn reflection(&self) -> &dyn TagReflection {
        self
    }
}

#[derive(Debug)]
struct Raise(Interrupt);

impl Renderable for Raise {
    fn render_to(&self, _: &mut dyn Write, _: &dyn Runtime) -> Result<()> {
        PENDING.with(|p| p.set(Some(self.0)));
        Ok(())
    }
}
