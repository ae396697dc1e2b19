use std::fmt::Debug;
use std::io::Write;

use crate::error::Result;

use super::Runtime;

/// Any object (tag/block) that can be rendered by liquid must implement this trait.
pub trait Renderable: Send + Sync + Debug {
    /// Renders the Renderable instance given a Liquid runtime.
    fn render(&self, runtime: &dyn Runtime) -> Result<String> {
        let mut data = Vec::new();
        self.render_to(&mut data, runtime)?;
        into_text(data)
    }

    /// Renders the Renderable instance given a Liquid runtime.
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()>;
}

/// The end of every implementation's `render`, compiled once instead of once per type; an
/// error rather than a panic if a renderable ever wrote bytes that are not UTF-8.
fn into_text(data: Vec<u8>) -> Result<String> {
    String::from_utf8(data).map_err(|_| crate::error::Error::with_msg("render wrote invalid UTF-8"))
}
