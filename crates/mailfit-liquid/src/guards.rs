//! Guards the `liquid` crate lacks, so no template can trap the host:
//! - `date` reads `"now"`/`"today"` from the render data's `now` instead of the system clock
//!   (wasm32 has none: the stock filter traps there), and also reads RFC 3339 input;
//! - `include` and `render` count their depth, so a self-including partial is an error, not a
//!   stack overflow, and blocks and partials count their nesting across partials;
//! - [`check_nesting`] rejects sources whose block nesting would overflow the parser's stack.

use std::io::Write;

use liquid_core::model::{DateTime, ScalarCow};
use liquid_core::{
    BlockReflection, Display_filter, Expression, Filter, FilterParameters, FilterReflection,
    FromFilterParameters, Language, ParseBlock, ParseFilter, ParseTag, Renderable, Result, Runtime,
    TagBlock, TagReflection, TagTokenIter, Value, ValueView,
};

/// Deepest `include`/`render` chain allowed.
pub const MAX_INCLUDE_DEPTH: usize = 16;
/// Deepest block nesting (`if` in `for` in `case`...) allowed in one source.
pub const MAX_NESTING: usize = 64;
/// Deepest nesting of blocks and partials while rendering, across partials (Ruby Liquid's
/// `Block::MAX_DEPTH`). The two limits above alone allowed 16 partials of 64 nested blocks
/// each, and 1,088 levels of `for` overflowed a 1 MiB stack, a wasm module's (the fuzzer's
/// finding).
pub const MAX_RENDER_DEPTH: usize = 100;

#[derive(Debug, FilterParameters)]
struct DateArgs {
    #[parameter(
        description = "The format to return the date in (strftime).",
        arg_type = "str"
    )]
    format: Expression,
}

/// `date` with `"now"` taken from the data's `now` variable (mailfit sets it to the render time).
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "date",
    description = "Formats a date; \"now\" and \"today\" mean the render time.",
    parameters(DateArgs),
    parsed(DateFilter)
)]
pub struct SafeDate;

#[derive(Debug, FromFilterParameters, Display_filter)]
#[name = "date"]
struct DateFilter {
    #[parameters]
    args: DateArgs,
}

fn is_now(text: &str) -> bool {
    matches!(text.trim().to_ascii_lowercase().as_str(), "now" | "today")
}

/// Reads ISO 8601, then liquid's own formats, then "March 14, 2016", never the system clock. Only unsigned digit strings are timestamps, as in Ruby Liquid.
fn date_of(text: &str) -> Option<DateTime> {
    let trimmed = text.trim();
    if trimmed.is_empty() || is_now(text) || is_negative_number(trimmed) {
        return None;
    }
    numeric(text)
        .or_else(|| parse_date_time(text))
        .or_else(|| month_day_year(trimmed))
}

/// A reader of ASCII digits and separators.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    /// Takes one of `bytes` if the text goes on with it.
    fn eat(&mut self, bytes: &[u8]) -> bool {
        match self.0.split_first() {
            Some((b, rest)) if bytes.contains(b) => {
                self.0 = rest;
                true
            }
            _ => false,
        }
    }

    /// Up to `max` digits as a number; `None` without any.
    fn num(&mut self, max: usize) -> Option<i32> {
        let n = self
            .0
            .iter()
            .take(max)
            .take_while(|b| b.is_ascii_digit())
            .count();
        let (digits, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        std::str::from_utf8(digits).ok()?.parse().ok()
    }
}

/// Numeric dates as Ruby's `Time.parse` reads them: ISO 8601 (`2024-02-29`), or `a/b/c` as
/// day/month/year when the last has more than two digits (`31/12/2023`, `7/4/2025` is April)
/// and else year/month/day (`01/01/20` is 2001-01-20); then a time to the minute or the second
/// (a fraction dropped) after `T` or spaces, `am`/`pm`, and an offset kept as written (`Z`,
/// `+05:30`, `+0530`, `+05`; none is UTC). Anything else after the date is ignored
/// (`2024-02-29T1` is midnight).
fn numeric(text: &str) -> Option<DateTime> {
    let text = text.trim();
    let mut c = Cursor(text.as_bytes());
    let first = c.num(4)?;
    let (year, month, day) = if text.as_bytes().get(4) == Some(&b'-') && c.eat(b"-") {
        let month = c.num(2)?;
        (first, month, c.eat(b"-").then(|| c.num(2)).flatten()?)
    } else {
        let month = c.eat(b"/").then(|| c.num(2)).flatten()?;
        let left = c.0.len();
        let last = c.eat(b"/").then(|| c.num(4)).flatten()?;
        match (left - c.0.len() > 3, first) {
            (true, _) => (last, month, first),
            (_, 0..=68) => (first + 2000, month, last),
            (_, 69..=99) => (first + 1900, month, last),
            _ => (first, month, last),
        }
    };
    let clock = (|| {
        c.eat(b"Tt");
        while c.eat(b" ") {}
        let mut hour = c.num(2)?;
        let minute = c.eat(b":").then(|| c.num(2)).flatten()?;
        let second = if c.eat(b":") { c.num(2)? } else { 0 };
        if c.eat(b".") {
            c.num(usize::MAX);
        }
        while c.eat(b" ") {}
        let pm = c.0.first().is_some_and(|b| b"pP".contains(b));
        if c.eat(b"aApP") {
            c.eat(b"mM");
            hour = hour % 12 + if pm { 12 } else { 0 };
        }
        let sign = match () {
            _ if c.eat(b"+") => 1,
            _ if c.eat(b"-") => -1,
            _ => 0,
        };
        let offset = if sign == 0 {
            0
        } else {
            let hours = c.num(2)?;
            c.eat(b":");
            sign * (hours * 3600 + c.num(2).unwrap_or(0) * 60)
        };
        Some((hour, minute, second, offset))
    })();
    let (hour, minute, second, offset) = clock.unwrap_or_default();
    let byte = |n: i32| u8::try_from(n).ok();
    let at = time::PrimitiveDateTime::new(
        time::Date::from_calendar_date(year, time::Month::try_from(byte(month)?).ok()?, byte(day)?)
            .ok()?,
        time::Time::from_hms(byte(hour)?, byte(minute)?, byte(second)?).ok()?,
    )
    .assume_offset(time::UtcOffset::from_whole_seconds(offset).ok()?);
    let mut date = DateTime::default();
    *date = at;
    Some(date)
}

fn is_negative_number(text: &str) -> bool {
    text.strip_prefix('-')
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// "March 14, 2016", "Mar 14 2016" or "Thu, 29 Feb 2024 12:00": a month's name before or after
/// the day, then the year and perhaps a time; a weekday's name is skipped.
fn month_day_year(text: &str) -> Option<DateTime> {
    const WEEKDAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !WEEKDAYS.iter().any(|d| w.starts_with(d)))
        .collect();
    let (Some(a), Some(b), Some(year), None) =
        (words.first(), words.get(1), words.get(2), words.get(4))
    else {
        return None;
    };
    let month_of = |w: &str| MONTHS.iter().position(|m| w.starts_with(m));
    let (month, day) = match (month_of(a), month_of(b)) {
        (Some(m), _) => (m, b),
        (_, Some(m)) => (m, a),
        _ => return None,
    };
    numeric(&format!(
        "{year}-{:02}-{day:0>2} {}",
        month + 1,
        words.get(3).unwrap_or(&"")
    ))
}

/// liquid-core's `DateTime::from_str` (0.26) without its per-call `Regex` (which alone links the
/// whole regex engine and its Unicode tables): the same formats, the same `+0000` default offset.
/// `now`/`today` are not dates here (callers resolve them from the render data).
fn parse_date_time(s: &str) -> Option<DateTime> {
    use time::OffsetDateTime;
    use time::macros::format_description;
    const FORMATS: &[&[time::format_description::BorrowedFormatItem<'_>]] = &[
        format_description!(
            "[year]-[month]-[day] [hour]:[minute]:[second] [offset_hour sign:mandatory][offset_minute]"
        ),
        format_description!(
            "[year]-[month]-[day] [hour]:[minute]:[second].[subsecond] [offset_hour sign:mandatory][offset_minute]"
        ),
        format_description!(
            "[day] [month repr:long] [year] [hour]:[minute]:[second] [offset_hour sign:mandatory][offset_minute]"
        ),
        format_description!(
            "[day] [month repr:short] [year] [hour]:[minute]:[second] [offset_hour sign:mandatory][offset_minute]"
        ),
        format_description!(
            "[month]/[day]/[year] [hour]:[minute]:[second] [offset_hour sign:mandatory][offset_minute]"
        ),
        format_description!(
            "[weekday repr:short] [month repr:short] [day padding:none] [hour]:[minute]:[second] [year] [offset_hour sign:mandatory][offset_minute]"
        ),
    ];
    if s.is_empty() || is_now(s) {
        return None;
    }
    let parsed = if s.parse::<i64>().is_ok() {
        OffsetDateTime::parse(s, format_description!("[unix_timestamp]")).ok()
    } else {
        // The regex was `[+-][01][0-9]{3}$`.
        let has_offset = matches!(
            s.as_bytes().split_last_chunk::<5>(),
            Some((_, [b'+' | b'-', b'0' | b'1', d1, d2, d3]))
                if d1.is_ascii_digit() && d2.is_ascii_digit() && d3.is_ascii_digit()
        );
        let owned;
        let s = if has_offset {
            s
        } else {
            owned = format!("{s} +0000");
            owned.as_str()
        };
        FORMATS
            .iter()
            .find_map(|f| OffsetDateTime::parse(s, f).ok())
    }?;
    let mut date = DateTime::default();
    *date = parsed;
    Some(date)
}

/// The date a filter's input stands for, read as `date` reads it: an integer is Unix seconds
/// (negative ones too, as Ruby's `Time.at`), `"now"`/`"today"` the data's `now` (the render
/// time), text ISO 8601, liquid's own formats or "March 14, 2016". `None` when it is no date.
pub fn date_of_input(input: &dyn ValueView, runtime: &dyn Runtime) -> Option<DateTime> {
    let scalar = input.as_scalar()?;
    let text = match (input.type_name(), scalar.to_integer()) {
        ("whole number", Some(seconds)) => seconds.to_string().into(),
        _ => scalar.to_kstr(),
    };
    // NOTE: "now" must never reach liquid's parser: it reads the system clock, which traps in wasm.
    if is_now(text.as_str()) {
        let now = runtime.try_get(&[ScalarCow::new("now")]);
        now.and_then(|v| v.as_scalar().map(|s| s.to_kstr().to_string()))
            .and_then(|s| date_of(&s))
    } else if is_negative_number(text.trim()) {
        // Negative Unix seconds only from an integer; a string "-3" is no date in Ruby.
        (input.type_name() == "whole number")
            .then(|| {
                let seconds: i64 = text.trim().parse().ok()?;
                let at = time::OffsetDateTime::from_unix_timestamp(seconds).ok()?;
                let mut date = DateTime::default();
                *date = at;
                Some(date)
            })
            .flatten()
    } else {
        date_of(text.as_str())
    }
}

impl Filter for DateFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let args = self.args.evaluate(runtime)?;
        let date = date_of_input(input, runtime);
        match date {
            Some(date) if !args.format.is_empty() => {
                let cap = crate::budget::max_value_bytes();
                if formatted_bytes_at_most(args.format.as_str()) > cap {
                    // Checked before formatting: `%99999999d` would pad 100 MB first.
                    return Err(crate::budget::limit_error(format!(
                        "`date: \"{}\"` would make a value over {cap} bytes",
                        args.format.chars().take(40).collect::<String>()
                    )));
                }
                date.format(args.format.as_str())
                    .map(Value::scalar)
                    .map_err(|_| {
                        liquid_core::Error::with_msg(format!(
                            "Invalid date-format string: {}",
                            args.format
                        ))
                    })
            }
            _ => Ok(input.to_value()),
        }
    }
}

/// At least as many bytes as `strftime(format)` can make: the format's own bytes (literals and
/// unknown directives are copied) plus, per directive, its width and 64 (no directive's own text,
/// `%c` or `%+` say, is longer). A width too long to read counts as unbounded.
fn formatted_bytes_at_most(format: &str) -> usize {
    let mut total = format.len();
    let mut bytes = format.bytes().peekable();
    while let Some(byte) = bytes.next() {
        if byte != b'%' {
            continue;
        }
        while bytes.next_if(|b| b"-_0^#".contains(b)).is_some() {}
        let mut width = 0usize;
        while let Some(digit) = bytes.next_if(u8::is_ascii_digit) {
            width = width
                .saturating_mul(10)
                .saturating_add(usize::from(digit - b'0'));
        }
        total = total.saturating_add(width).saturating_add(64);
    }
    total
}

thread_local! {
    // NOTE: not runtime registers: `render` runs partials in a sandboxed frame whose registers
    // start empty, which would reset the counts at every level.
    static INCLUDE_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static RENDER_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Levels of blocks and partials around what renders now.
pub fn render_depth() -> usize {
    RENDER_DEPTH.with(std::cell::Cell::get)
}

/// Runs `render` with `depth` one level higher, or fails with `too_deep` past `max` levels.
fn one_level_deeper(
    depth: &'static std::thread::LocalKey<std::cell::Cell<usize>>,
    max: usize,
    too_deep: impl FnOnce() -> liquid_core::Error,
    render: impl FnOnce() -> Result<()>,
) -> Result<()> {
    let level = depth.with(|d| {
        d.set(d.get() + 1);
        d.get()
    });
    let result = if level > max {
        Err(too_deep())
    } else {
        render()
    };
    depth.with(|d| d.set(d.get().saturating_sub(1)));
    result
}

/// Runs `render` one level deeper in the render's nesting of blocks and partials; a limit
/// error past [`MAX_RENDER_DEPTH`].
fn nested(render: impl FnOnce() -> Result<()>) -> Result<()> {
    let too_deep = || {
        crate::budget::limit_error(format!(
            "blocks and partials nest deeper than {MAX_RENDER_DEPTH} levels"
        ))
    };
    one_level_deeper(&RENDER_DEPTH, MAX_RENDER_DEPTH, too_deep, render)
}

/// Wraps a block (`if`, `for`...) so its renders count toward [`MAX_RENDER_DEPTH`].
#[derive(Clone)]
pub struct DepthCounted<B>(pub B);

impl<B: ParseBlock + Clone + 'static> ParseBlock for DepthCounted<B> {
    fn parse(
        &self,
        arguments: TagTokenIter<'_>,
        block: TagBlock<'_, '_>,
        options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        Ok(Box::new(Counted(self.0.parse(arguments, block, options)?)))
    }

    fn reflection(&self) -> &dyn BlockReflection {
        self.0.reflection()
    }
}

#[derive(Debug)]
struct Counted(Box<dyn Renderable>);

impl Renderable for Counted {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        nested(|| self.0.render_to(writer, runtime))
    }
}

/// Wraps a stock tag (`include`, `render`) with a depth limit.
#[derive(Clone)]
pub struct DepthGuarded<T>(pub T);

impl<T: ParseTag + Clone + 'static> TagReflection for DepthGuarded<T> {
    fn tag(&self) -> &str {
        self.0.reflection().tag()
    }

    fn description(&self) -> &str {
        self.0.reflection().description()
    }
}

impl<T: ParseTag + Clone + 'static> ParseTag for DepthGuarded<T> {
    fn parse(
        &self,
        arguments: TagTokenIter<'_>,
        options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        Ok(Box::new(Guarded(self.0.parse(arguments, options)?)))
    }

    fn reflection(&self) -> &dyn TagReflection {
        self
    }
}

#[derive(Debug)]
struct Guarded(Box<dyn Renderable>);

impl Renderable for Guarded {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        // Each partial render counts like a loop iteration: partials that include partials
        // fan out (ten includes, eight levels: 10^8 renders) even when they print nothing.
        crate::budget::charge_iteration()?;
        let too_deep = || {
            liquid_core::Error::with_msg(format!(
                "partials nest deeper than {MAX_INCLUDE_DEPTH} levels (a partial includes itself?)"
            ))
        };
        one_level_deeper(&INCLUDE_DEPTH, MAX_INCLUDE_DEPTH, too_deep, || {
            nested(|| self.0.render_to(writer, runtime))
        })
    }
}

/// Tags that open a block closed by `end<tag>`.
const BLOCKS: &[&str] = &[
    "if",
    "unless",
    "for",
    "case",
    "capture",
    "tablerow",
    "ifchanged",
    "comment",
    "raw",
];

/// Rejects sources nested deeper than [`MAX_NESTING`] blocks (checked before parsing).
pub fn check_nesting(source: &str) -> std::result::Result<(), String> {
    // Each level opens with its own `{%`: with no more of them than the limit allows, no
    // reading of names is needed (most templates; a count is a fraction of the scan below).
    if memchr::memmem::find_iter(source.as_bytes(), b"{%")
        .nth(MAX_NESTING)
        .is_none()
    {
        return Ok(());
    }
    let mut depth = 0usize;
    let mut verbatim: Option<&str> = None; // inside raw/comment: only its end tag counts
    let mut rest = source;
    while let Some(start) = super::tokens::next_tag_open(rest) {
        let after = rest.get(start + 2..).unwrap_or("");
        let after_space = super::tokens::skip_ascii(after, b"- \t\r\n");
        let name_len = after_space
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        let name = after_space.get(..name_len).unwrap_or("");
        rest = after;
        if let Some(open) = verbatim {
            if name.strip_prefix("end") == Some(open) {
                verbatim = None;
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if let Some(block) = BLOCKS.iter().find(|b| **b == name) {
            depth += 1;
            if depth > MAX_NESTING {
                return Err(format!("blocks nest deeper than {MAX_NESTING} levels"));
            }
            if matches!(*block, "raw" | "comment") {
                verbatim = Some(block);
            }
        } else if name
            .strip_prefix("end")
            .is_some_and(|b| BLOCKS.contains(&b))
        {
            depth = depth.saturating_sub(1);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_format_is_bounded_before_it_is_formatted() {
        assert!(formatted_bytes_at_most("%99999999999999999999999d") == usize::MAX);
        let date = date_of("2026-11-20T12:00:00Z").expect("a date");
        for format in [
            "%d",
            "%70000z",
            "%-_^#12c",
            "%::z %+ %N %12N %v %s",
            "%E %O %%",
            "a%",
        ] {
            let made = date.format(format).map_or(0, |s| s.len());
            assert!(made <= formatted_bytes_at_most(format), "{format}: {made}");
        }
    }

    #[test]
    fn nesting_is_bounded_but_raw_content_is_not_counted() {
        assert!(check_nesting(&"{% if a %}".repeat(MAX_NESTING + 1)).is_err());
        assert!(check_nesting(&"{% if a %}x{% endif %}".repeat(500)).is_ok());
        let raw = format!("{{% raw %}}{}{{% endraw %}}", "{% if a %}".repeat(200));
        assert!(check_nesting(&raw).is_ok());
    }

    use std::collections::BTreeMap;

    use crate::error::TemplateError;
    use crate::render_template;

    fn render(
        source: &str,
        data: serde_json::Value,
        partials: &[(&str, &str)],
    ) -> Result<String, TemplateError> {
        let partials: BTreeMap<String, String> = partials
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        render_template(source, &crate::Data::from_json(&data), &partials)
    }

    #[test]
    fn cached_parses_are_keyed_by_source_and_partials() {
        let data = serde_json::json!({"x": 1});
        let source = "{{ x }}-{% include 'p' %}";
        assert_eq!(render(source, data.clone(), &[("p", "a")]).unwrap(), "1-a");
        // Same source, other partials: parsed again, not served from the cache.
        assert_eq!(render(source, data.clone(), &[("p", "b")]).unwrap(), "1-b");
        assert_eq!(render(source, data.clone(), &[("p", "a")]).unwrap(), "1-a");
        // More templates than the cache holds: the oldest are evicted and parse again.
        for i in 0..40 {
            let source = format!("{{{{ x }}}}{i}");
            assert_eq!(render(&source, data.clone(), &[]).unwrap(), format!("1{i}"));
        }
        assert_eq!(render(source, data, &[("p", "a")]).unwrap(), "1-a");
    }

    #[test]
    fn now_comes_from_the_data_not_the_clock() {
        let data = serde_json::json!({"now": "2026-11-20T12:00:00Z", "d": "2026-01-02T03:04:05Z"});
        assert_eq!(
            render("{{ 'now' | date: '%Y-%m-%d' }}", data.clone(), &[]).unwrap(),
            "2026-11-20"
        );
        assert_eq!(
            render("{{ 'today' | date: '%b %d' }}", data.clone(), &[]).unwrap(),
            "Nov 20"
        );
        assert_eq!(
            render("{{ d | date: '%H:%M' }}", data, &[]).unwrap(),
            "03:04"
        );
        // Without a `now` in the data, "now" passes through unchanged rather than reading a clock.
        assert_eq!(
            render("{{ 'now' | date: '%Y' }}", serde_json::json!({}), &[]).unwrap(),
            "now"
        );
    }

    #[test]
    fn self_including_partials_are_an_error_not_a_stack_overflow() {
        let err = render(
            "{% include 'a' %}",
            serde_json::json!({}),
            &[("a", "x{% include 'a' %}")],
        );
        assert!(
            matches!(err, Err(TemplateError::Render { ref message, .. }) if message.contains("nest deeper")),
            "{err:?}"
        );
        let err = render(
            "{% render 'a' %}",
            serde_json::json!({}),
            &[("a", "{% render 'b' %}"), ("b", "{% render 'a' %}")],
        );
        assert!(err.is_err());
        assert_eq!(
            render(
                "{% include 'a' %}",
                serde_json::json!({}),
                &[("a", "{% include 'b' %}b"), ("b", "c")]
            )
            .unwrap(),
            "cb"
        );
    }

    #[test]
    fn hashes_iterate_in_the_hosts_order_and_missing_keys_are_nil() {
        let data = serde_json::json!({"h": {"zeta": 1, "alpha": 2, "mid": 3}, "items": [{"a": 1}, {"b": 2}]});
        for _ in 0..20 {
            let out = render("{% for p in h %}{{ p[0] }},{% endfor %}", data.clone(), &[]).unwrap();
            assert_eq!(out, "zeta,alpha,mid,");
        }
        let out = render(
            "{% for i in items %}[{{ i.a }}|{{ i.missing }}]{% endfor %}{{ items[9].a }}",
            data,
            &[],
        )
        .unwrap();
        assert_eq!(out, "[1|][|]");
    }

    #[test]
    fn a_date_wider_than_the_value_limit_is_a_limit_error_before_it_is_made() {
        let data = serde_json::json!({"now": "2026-11-20T12:00:00Z"});
        let wide = render("{{ now | date: '%99999z' }}", data.clone(), &[]).unwrap();
        assert_eq!(wide.len(), 99_999, "Ruby pads to the width");
        // 100 GB of padding: refused before any of it is made.
        let err = render("{{ now | date: '%99999999999d' }}", data, &[]);
        assert!(matches!(err, Err(TemplateError::Limit { .. })), "{err:?}");
    }

    #[test]
    fn a_token_the_scanner_rejects_but_pest_reads_from_its_line_is_an_error_not_a_panic() {
        // Found by fuzz/ (liquid_raw); Ruby rejects it too ("Tag '{%'%}' was not properly
        // terminated").
        let err = render("{%render'\n{%r'%}{%'%}", serde_json::json!({}), &[]);
        match err {
            Err(TemplateError::Parse { message, .. }) => {
                assert!(message.contains("line 2"), "{message}");
                assert!(!message.contains('\n'), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn nesting_across_partials_is_bounded_at_render() {
        // Found by fuzz/ (liquid): each source within MAX_NESTING and the chain within
        // MAX_INCLUDE_DEPTH, but 16 x 64 levels of `for` overflowed a wasm-sized stack.
        let blocks = |n: usize, inner: &str| {
            format!(
                "{}{inner}{}",
                "{% for i in (1..1) %}".repeat(n),
                "{% endfor %}".repeat(n)
            )
        };
        let deep = blocks(60, "{% include 'b' %}");
        // `include 'a'` (1) + 60 loops + `include 'b'` (1) + 38 loops: 100 levels.
        let within = [("a", deep.as_str()), ("b", &blocks(38, "x"))];
        let out = render("{% include 'a' %}", serde_json::json!({}), &within);
        assert_eq!(out.unwrap(), "x");
        let beyond = [("a", deep.as_str()), ("b", &blocks(39, "x"))];
        let err = render("{% include 'a' %}", serde_json::json!({}), &beyond);
        assert!(
            matches!(err, Err(TemplateError::Limit { ref message, .. }) if message.contains("nest deeper than 100")),
            "{err:?}"
        );
        let recursive = [("a", blocks(64, "{% include 'a' %}"))];
        let recursive: Vec<(&str, &str)> =
            recursive.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let err = render("{% include 'a' %}", serde_json::json!({}), &recursive);
        assert!(matches!(err, Err(TemplateError::Limit { .. })), "{err:?}");
    }

    #[test]
    fn work_on_large_data_is_bounded_by_the_processed_bytes() {
        let products: Vec<_> = (0..3000)
            .map(|n| serde_json::json!({"title": "Flow Legging", "n": n}))
            .collect();
        let data = serde_json::json!({ "products": products });
        for (what, source) in [
            (
                "assign copies",
                "{% for i in (1..100000) %}{% assign a = products %}{% endfor %}",
            ),
            (
                "reads of an assigned array",
                "{% assign a = products %}{% for i in (1..100000) %}{{ a | size }}{% endfor %}",
            ),
            (
                "filters",
                "{% for i in (1..100000) %}{% assign a = products | where: 'n', 5 %}{% endfor %}",
            ),
            (
                "scans",
                "{% for i in (1..100000) %}{% if products contains i %}{% endif %}{% endfor %}",
            ),
            (
                "filter arguments read from the data",
                "{% for i in (1..100000) %}{{ 'x' | split: big | size }}{% endfor %}",
            ),
        ] {
            let mut data = data.clone();
            data["big"] = serde_json::Value::from("y".repeat(512 * 1024));
            let started = std::time::Instant::now();
            let err = render(source, data, &[]);
            assert!(
                started.elapsed().as_secs() < 5,
                "{what}: {:?}",
                started.elapsed()
            );
            assert!(
                matches!(err, Err(TemplateError::Limit { ref message, .. }) if message.contains("bytes of values")),
                "{what}: {err:?}"
            );
        }
        // A page's worth of the same work is far within it.
        let page =
            "{% assign a = products | where: 'n', 5 %}{% for p in a %}{{ p.title }}{% endfor %}";
        assert_eq!(render(page, data, &[]).unwrap(), "Flow Legging");
    }

    #[test]
    fn a_forloop_prints_as_rubys_drop_however_deep() {
        // Found by fuzz/ (liquid): printed as a hash with its parents, 63 nested loops took 2 s.
        let source = format!(
            "{}{{{{ forloop }}}}{{{{ forloop.parentloop | append: '!' }}}}{}",
            "{% for i in (1..2) %}".repeat(63),
            "{% endfor %}".repeat(63)
        );
        let started = std::time::Instant::now();
        let err = render(&source, serde_json::json!({}), &[]);
        assert!(matches!(err, Err(TemplateError::Limit { .. })), "{err:?}");
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        let out = render(
            "{% for i in (1..1) %}{% for j in (1..1) %}{{ forloop }}|{{ forloop.parentloop }}|{% assign f = forloop %}{{ f.parentloop.index }}{% endfor %}{% endfor %}",
            serde_json::json!({}),
            &[],
        );
        assert_eq!(out.unwrap(), "Liquid::ForloopDrop|Liquid::ForloopDrop|1");
    }

    #[test]
    fn elements_rendered_count_toward_the_processed_bytes() {
        // 5,000 conditions in a loop of 100,000 ran 52 s natively within every other limit.
        let source = format!(
            "{{% for i in (1..100000) %}}{}{{% endfor %}}",
            "{% if a %}{% endif %}".repeat(5000)
        );
        let err = render(&source, serde_json::json!({"a": 1}), &[]);
        assert!(
            matches!(err, Err(TemplateError::Limit { ref message, .. }) if message.contains("elements rendered")),
            "{err:?}"
        );
    }

    #[test]
    fn filter_calls_count_toward_the_processed_bytes_more_so_deep_in_loops() {
        // Found by fuzz/ (liquid): 242 appends of an empty string in 63 nested loops of 6 items
        // ran 11 s in wasm and stopped only at the loop iterations' limit.
        let source = format!(
            "{}{{% assign a = '' %}}{{{{ a{} | size }}}}{}",
            "{% for i in items %}".repeat(63),
            " | append: a".repeat(242),
            "{% endfor %}".repeat(63)
        );
        let data = serde_json::json!({"items": [1, 2, 3, 4, 5, 6]});
        let started = std::time::Instant::now();
        let err = render(&source, data.clone(), &[]);
        assert!(
            matches!(err, Err(TemplateError::Limit { ref message, .. }) if message.contains("elements rendered")),
            "{err:?}"
        );
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        // The same chain at the top level and in a few loops is far within it.
        let shallow = format!("{{{{ a{} | size }}}}", " | append: a".repeat(242));
        let out = render(&shallow, serde_json::json!({"a": "x"}), &[]).unwrap();
        assert_eq!(out, "243");
        let looped = format!(
            "{{% for i in (1..3) %}}{{% for j in (1..100) %}}{shallow}{{% endfor %}}{{% endfor %}}"
        );
        assert!(render(&looped, serde_json::json!({"a": "x"}), &[]).is_ok());
    }

    #[test]
    fn deep_nesting_is_a_limit_error() {
        let err = render(&"{% if true %}".repeat(5000), serde_json::json!({}), &[]);
        assert!(matches!(err, Err(TemplateError::Limit { .. })), "{err:?}");
    }
}
