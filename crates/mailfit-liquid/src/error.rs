//! The one error type of the dialect: what went wrong, in which template, in one line.

/// A template that failed to parse, to render, or to stay within its limits. Messages name the
/// author's line and column, never the rewrites the dialect makes before parsing.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TemplateError {
    /// The template source is not valid Liquid.
    #[error("template `{template}` does not parse: {message}")]
    Parse { template: String, message: String },
    /// The template parsed but failed while rendering (bad filter argument, missing partial, ...).
    #[error("template `{template}` failed to render: {message}")]
    Render { template: String, message: String },
    /// The template or its output exceeded a configured limit.
    #[error("template `{template}` exceeded a limit: {message}")]
    Limit { template: String, message: String },
}

impl TemplateError {
    /// The template's name, as given to the parser.
    pub fn template(&self) -> &str {
        match self {
            TemplateError::Parse { template, .. }
            | TemplateError::Render { template, .. }
            | TemplateError::Limit { template, .. } => template,
        }
    }
}
