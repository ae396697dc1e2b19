//! Errors that end the run (unreadable catalog, unwritable output): one clear line, exit 2.
//! A bad customer line is never one of these: it becomes a typed error in the decisions file.

use std::fmt;
use std::path::Path;

/// Why the run could not go on.
#[derive(Debug)]
pub struct Fatal(String);

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Fatal {
    /// A message as is.
    pub fn new(message: impl Into<String>) -> Self {
        Fatal(message.into())
    }

    /// `what` failed on `path` because of `error`.
    pub fn at(what: &str, path: &Path, error: impl fmt::Display) -> Self {
        Fatal(format!("{what} {}: {error}", path.display()))
    }
}

impl From<mailfit::Error> for Fatal {
    fn from(error: mailfit::Error) -> Self {
        let info = error.info();
        Fatal(format!("{} ({} at {})", info.message, info.code, info.path))
    }
}

impl From<mailfit::error::InputError> for Fatal {
    fn from(error: mailfit::error::InputError) -> Self {
        mailfit::Error::from(error).into()
    }
}

/// The result of a command.
pub type Result<T> = std::result::Result<T, Fatal>;
