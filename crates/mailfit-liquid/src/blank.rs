//! Ruby Liquid's blank-block rule: a block whose body holds only whitespace and tags that
//! print nothing (`assign`, `capture`, comments, and blocks that are themselves blank) renders
//! without that whitespace. Templates indent their logic freely, so without this rule an email
//! collects stray blank lines that Shopify would not print.

use std::cell::Cell;

use liquid_core::parser::BlockElement;
use liquid_core::{Language, Renderable, Result, TagBlock};

use super::sequence::Sequence;

thread_local! {
    // NOTE: set by our block parsers as they finish, read by the enclosing body right after
    // the nested parse returns; the crate's `Renderable` has no way to carry it.
    static LAST_BLOCK_BLANK: Cell<bool> = const { Cell::new(false) };
}

/// Records whether the block just parsed is blank, for the body that contains it.
pub fn report(blank: bool) {
    LAST_BLOCK_BLANK.with(|b| b.set(blank));
}

/// Tags that never print.
fn tag_is_blank(name: &str) -> Option<bool> {
    match name {
        "assign" | "capture" | "comment" | "doc" => Some(true),
        "if" | "unless" | "case" | "for" | "tablerow" => None,
        _ => Some(false),
    }
}

/// One block body, parsed element by element, knowing whether it is blank.
pub struct Body {
    elements: Vec<(Box<dyn Renderable>, bool)>,
    blank: bool,
}

impl Default for Body {
    fn default() -> Self {
        Body {
            elements: Vec::new(),
            blank: true,
        }
    }
}

impl Body {
    /// Parses one element (a nested block takes its whole body with it).
    pub fn push<'a>(
        &mut self,
        element: BlockElement<'a>,
        tokens: &mut TagBlock<'a, '_>,
        options: &Language,
    ) -> Result<()> {
        match element {
            BlockElement::Raw(raw) => {
                let whitespace = raw.as_str().trim().is_empty();
                self.blank &= whitespace;
                self.elements.push((raw.into_renderable(), whitespace));
            }
            BlockElement::Tag(tag) => {
                let known = tag_is_blank(tag.name());
                report(false);
                let parsed = tag.parse(tokens, options)?;
                self.blank &= known.unwrap_or_else(|| LAST_BLOCK_BLANK.with(Cell::get));
                self.elements.push((parsed, false));
            }
            other => {
                self.blank = false;
                self.elements.push((other.parse(tokens, options)?, false));
            }
        }
        Ok(())
    }

    pub fn is_blank(&self) -> bool {
        self.blank
    }

    /// The body as a template, without its whitespace text when `strip` (the block is blank).
    pub fn finish(self, strip: bool) -> Sequence {
        Sequence(
            self.elements
                .into_iter()
                .filter(|(_, whitespace)| !(strip && *whitespace))
                .map(|(element, _)| element)
                .collect(),
        )
    }
}
