//! `tablerow`: table cells over a collection, with the same heads, windows and iteration
//! budget as `for` ([`super::loops`]).

use std::io::Write;

use liquid_core::error::ResultLiquidReplaceExt;
use liquid_core::model::{Scalar, ValueView};

use super::data::Data;
use super::sequence::Sequence;
use liquid_core::{
    BlockReflection, Language, ParseBlock, Renderable, Result, Runtime, TagBlock, TagTokenIter,
};

use super::loops::{
    LoopHead, ValueOrRange, clamp, evaluate_integer, iterate, loop_object, parse_head, window,
};

/// `{% tablerow x in collection cols: n limit: n offset: n %}...{% endtablerow %}`.
#[derive(Clone, Debug, Default)]
pub struct TableRowBlock;

impl BlockReflection for TableRowBlock {
    fn start_tag(&self) -> &str {
        "tablerow"
    }
    fn end_tag(&self) -> &str {
        "endtablerow"
    }
    fn description(&self) -> &str {
        "Writes table rows of `cols` cells, within the render's iteration budget."
    }
}

impl ParseBlock for TableRowBlock {
    fn parse(
        &self,
        mut arguments: TagTokenIter<'_>,
        mut tokens: TagBlock<'_, '_>,
        options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        let head = parse_head(&mut arguments, true)?;
        let body = Sequence(tokens.parse_all(options)?);
        tokens.assert_empty();
        Ok(Box::new(TableRow { head, body }))
    }

    fn reflection(&self) -> &dyn BlockReflection {
        self
    }
}

#[derive(Debug)]
struct TableRow {
    head: LoopHead,
    body: Sequence,
}

impl Renderable for TableRow {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        // Ruby renders nothing at all over nil or false (an empty array still gets its row).
        if let ValueOrRange::Value(expression) = &self.head.collection {
            if !super::ruby::truthy(expression.evaluate(runtime)?.as_view()) {
                return Ok(());
            }
        }
        let window = window(&self.head, runtime)?;
        let length = window.len();
        let cols = match evaluate_integer(&self.head.cols, runtime, "cols")? {
            Some(c) if c > 0 => clamp(Some(c)),
            _ => length.max(1),
        };
        writer
            .write_all(b"<tr class=\"row1\">\n")
            .replace("Failed to render")?;
        for i in 0..length {
            let (row, col) = (i / cols, i % cols);
            if col == 0 && i > 0 {
                write!(writer, "</tr>\n<tr class=\"row{}\">", row + 1)
                    .replace("Failed to render")?;
            }
            let mut tablerowloop = loop_object(i, length);
            tablerowloop.insert("col", Data::Scalar(Scalar::new(col as i64 + 1)));
            tablerowloop.insert("col0", Data::Scalar(Scalar::new(col as i64)));
            tablerowloop.insert("col_first", Data::Scalar(Scalar::new(col == 0)));
            tablerowloop.insert("col_last", Data::Scalar(Scalar::new(col + 1 == cols)));
            tablerowloop.insert("row", Data::Scalar(Scalar::new(row as i64 + 1)));
            let item = window.item(i);
            let names: [(&str, &dyn ValueView); 2] = [
                ("tablerowloop", &tablerowloop),
                (self.head.var.as_str(), item.as_view()),
            ];
            write!(writer, "<td class=\"col{}\">", col + 1).replace("Failed to render")?;
            let broke = iterate(&self.body, writer, runtime, &names)?;
            write!(writer, "</td>").replace("Failed to render")?;
            if broke {
                break;
            }
        }
        writer.write_all(b"</tr>\n").replace("Failed to render")?;
        Ok(())
    }
}
