//! JSON Lines read in bounded memory: a line is kept only up to [`MAX_LINE_BYTES`]; a longer one
//! is read past (not kept) and reported as too large, so no input can make a line buffer grow.

use std::io::{self, BufRead};

/// The largest line kept: the library's limit for one JSON argument (16 MiB).
pub const MAX_LINE_BYTES: usize = mailfit::error::MAX_JSON_BYTES;

/// One line of the input.
pub enum LineText {
    /// The line's bytes, without the line break.
    Text(Vec<u8>),
    /// A line longer than the limit: its length in bytes (not kept).
    TooLong(u64),
}

/// A line and its 1-based number in the file (blank lines count).
pub struct Line {
    /// 1-based line number.
    pub number: u64,
    /// Its content.
    pub text: LineText,
}

/// Reads lines from a buffered reader, counting lines and bytes.
pub struct LineReader<R> {
    inner: R,
    number: u64,
    offset: u64,
    max: usize,
}

impl<R: BufRead> LineReader<R> {
    /// Lines of `inner`, each kept up to `max` bytes.
    pub fn new(inner: R, max: usize) -> Self {
        LineReader {
            inner,
            number: 0,
            offset: 0,
            max,
        }
    }

    /// Bytes consumed so far.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// The next line (`\n` or `\r\n` removed), `None` at the end of the input.
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        let mut buf = Vec::new();
        let mut len: u64 = 0;
        let mut too_long = false;
        let mut any = false;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            any = true;
            let (chunk, newline) = match available.iter().position(|&b| b == b'\n') {
                Some(at) => (at, true),
                None => (available.len(), false),
            };
            len = len.saturating_add(chunk as u64);
            if !too_long {
                if buf.len().saturating_add(chunk) > self.max {
                    too_long = true;
                    buf = Vec::new();
                } else {
                    buf.extend_from_slice(available.get(..chunk).unwrap_or_default());
                }
            }
            let consumed = chunk + usize::from(newline);
            self.inner.consume(consumed);
            self.offset = self.offset.saturating_add(consumed as u64);
            if newline {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.number += 1;
        let text = if too_long {
            LineText::TooLong(len)
        } else {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            LineText::Text(buf)
        };
        Ok(Some(Line {
            number: self.number,
            text,
        }))
    }
}

impl LineText {
    /// Nothing but white space: not a customer, skipped.
    pub fn is_blank(&self) -> bool {
        matches!(self, LineText::Text(bytes) if bytes.iter().all(u8::is_ascii_whitespace))
    }

    /// Bytes held in memory.
    pub fn held(&self) -> usize {
        match self {
            LineText::Text(bytes) => bytes.len(),
            LineText::TooLong(_) => 0,
        }
    }
}
