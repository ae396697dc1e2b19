//! Delimited feeds: Merchant Center's tab-separated upload format and CSV exports.
//!
//! The first line names the columns in Merchant Center attribute names, in any case and
//! spacing (`item group id`, `Item Group ID`, `item_group_id`). Quoted fields (`"a""b"`),
//! CRLF line ends and a byte-order mark are read. Repeated attributes (`product_highlight`,
//! `product_detail`, `additional_image_link`) take several comma-separated values and may also
//! be repeated as columns; `product_detail` values are `section:attribute:value`, or the order
//! the header declares: `product detail(attribute_name:attribute_value)`.

use super::{
    Applied, Apply, Attr, Collector, Context, DETAIL_ORDER, DetailPart, Draft, canonical_name,
    is_unused_merchant_attribute,
};
use crate::error::InputError;

struct Column {
    /// As written in the header (trimmed).
    name: String,
    attr: Option<Attr>,
    detail_order: Vec<DetailPart>,
}

/// Reads a tab-, comma- or semicolon-separated feed into `out`.
pub(super) fn parse(text: &str, context: &Context, out: &mut Collector) -> Result<(), InputError> {
    let header_line = text.lines().next().unwrap_or("");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(header_line))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(record)) => record,
        Some(Err(err)) => return Err(csv_error(&err)),
        None => return Err(InputError::invalid("feed", "the feed is empty")),
    };
    let columns = columns(&header, out)?;
    for record in records {
        let record = record.map_err(|err| csv_error(&err))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        if record.len() != columns.len() {
            let place = columns.get(record.len()).map_or_else(
                || format!("column {}", columns.len() + 1),
                |c| c.name.clone(),
            );
            return Err(InputError::invalid(
                format!("feed:{line}:{place}"),
                format!(
                    "malformed row: {} fields, but the header has {} columns",
                    record.len(),
                    columns.len()
                ),
            ));
        }
        out.check_room()?;
        let mut draft = Draft::default();
        for (column, value) in columns.iter().zip(record.iter()) {
            let Some(attr) = column.attr else { continue };
            let how = Apply {
                split: true,
                strong: false,
                currency: context.currency.as_deref(),
                detail_order: &column.detail_order,
            };
            match draft.apply(attr, value, &how) {
                Ok(Applied::Done | Applied::Repeated) => {}
                Err(message) => {
                    return Err(InputError::invalid(
                        format!("feed:{line}:{}", column.name),
                        message,
                    ));
                }
            }
        }
        let at = |field: &str| {
            let column = columns
                .iter()
                .find(|c| c.attr.is_some_and(|a| a.name() == field))
                .map_or(field, |c| c.name.as_str());
            format!("feed:{line}:{column}")
        };
        out.push(draft, &at)?;
    }
    Ok(())
}

/// Tab when the header line has one; else whichever of comma and semicolon it has more of,
/// outside quotes.
fn delimiter(header_line: &str) -> u8 {
    if header_line.contains('\t') {
        return b'\t';
    }
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for c in header_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// The header's columns; unknown ones are reported once each, required ones checked.
fn columns(header: &csv::StringRecord, out: &mut Collector) -> Result<Vec<Column>, InputError> {
    let mut columns: Vec<Column> = Vec::with_capacity(header.len());
    for (index, raw) in header.iter().enumerate() {
        let name = raw.trim().trim_start_matches('\u{feff}').trim().to_string();
        // `product detail(section_name:attribute_name:attribute_value)`
        let (base, parts) = match name.split_once('(') {
            Some((base, rest)) => (base, Some(rest.trim_end_matches(')'))),
            None => (name.as_str(), None),
        };
        let canonical = canonical_name(base);
        let attr = Attr::from_name(&canonical);
        let mut detail_order = DETAIL_ORDER.to_vec();
        if attr == Some(Attr::ProductDetail) {
            if let Some(parts) = parts {
                detail_order = parts
                    .split(':')
                    .map(|part| match canonical_name(part).as_str() {
                        "section_name" => Ok(DetailPart::Section),
                        "attribute_name" => Ok(DetailPart::Attribute),
                        "attribute_value" => Ok(DetailPart::Value),
                        other => Err(InputError::invalid(
                            format!("feed:1:{name}"),
                            format!("unknown product_detail sub-attribute `{other}`"),
                        )),
                    })
                    .collect::<Result<_, _>>()?;
            }
        }
        match attr {
            None if name.is_empty() => out.warnings.unknown("column", &format!("#{}", index + 1)),
            None if is_unused_merchant_attribute(&canonical) => out.warnings.unused(&name),
            None => out.warnings.unknown("column", &name),
            Some(attr) if !is_list(attr) && columns.iter().any(|c| c.attr == Some(attr)) => {
                out.warnings
                    .once(&format!("duplicate:{}", attr.name()), || {
                        format!(
                            "column `{}` appears more than once: the first non-empty value is used",
                            attr.name()
                        )
                    });
            }
            Some(_) => {}
        }
        columns.push(Column {
            name,
            attr,
            detail_order,
        });
    }
    for required in [Attr::Id, Attr::Title, Attr::Price] {
        if !columns.iter().any(|c| c.attr == Some(required)) {
            return Err(InputError::invalid(
                format!("feed:1:{}", required.name()),
                format!(
                    "the header has no `{}` column (columns are Merchant Center attribute names)",
                    required.name()
                ),
            ));
        }
    }
    Ok(columns)
}

fn is_list(attr: Attr) -> bool {
    matches!(
        attr,
        Attr::Tags | Attr::ProductHighlight | Attr::ProductDetail | Attr::AdditionalImageLink
    )
}

fn csv_error(err: &csv::Error) -> InputError {
    let line = err.position().map_or(0, |p| p.line());
    InputError::invalid(format!("feed:{line}"), format!("malformed row: {err}"))
}
