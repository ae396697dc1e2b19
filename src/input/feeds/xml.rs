//! Merchant Center XML: RSS 2.0 (`<rss><channel><item>`) and Atom (`<feed><entry>`).
//!
//! An item's child elements are its attributes, in Google's namespace (whatever its prefix,
//! or an undeclared `g:`) or plain (`title`, `link`, `description` of RSS; `summary`, `content`
//! and `<link href>` of Atom). A `g:` element beats a plain one for the same attribute.
//! Markup inside a text attribute (unescaped HTML in a description) is kept as text.

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use super::{
    Applied, Apply, Attr, Collector, Context, DETAIL_ORDER, Draft, MAX_XML_DEPTH, canonical_name,
    is_unused_merchant_attribute, line_col,
};
use crate::error::InputError;

const GOOGLE_NS: &str = "http://base.google.com/ns/1.0";
const ATOM_NS: &str = "http://www.w3.org/2005/Atom";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    /// Google's product namespace.
    Google,
    /// No namespace, Atom's, or the document's default one.
    Plain,
    /// Any other namespace (`content:encoded`, `dc:creator`).
    Other,
}

/// One attribute element of an item being read.
struct Field {
    /// As written (`g:price`).
    name: String,
    canonical: String,
    ns: Ns,
    offset: usize,
    text: String,
    /// The attribute it feeds, if any.
    attr: Option<Attr>,
    /// Children of a structured attribute (`product_detail`): canonical name and text.
    children: Vec<(String, String)>,
    /// Ignore this element entirely (an Atom `<link rel="self">`).
    skip: bool,
}

struct Item {
    index: usize,
    offset: usize,
    depth: usize,
    draft: Draft,
    field: Option<Field>,
}

/// Reads an RSS or Atom feed into `out`.
pub(super) fn parse(text: &str, context: &Context, out: &mut Collector) -> Result<(), InputError> {
    let mut reader = NsReader::from_str(text);
    let mut depth = 0usize;
    let mut root: Option<String> = None;
    let mut item: Option<Item> = None;
    let mut items = 0usize;
    let at = |offset: usize, item: Option<usize>| {
        let (line, column) = line_col(text, offset);
        match item {
            Some(i) => format!("feed:item[{i}]:{line}:{column}"),
            None => format!("feed:{line}:{column}"),
        }
    };
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(err) => {
                let offset = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                return Err(InputError::invalid(
                    at(offset, item.as_ref().map(|i| i.index)),
                    format!("malformed XML: {err}"),
                ));
            }
        };
        let (start, empty) = match event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            Event::End(e) => {
                close(&mut item, Some(e.name().as_ref()), depth, context, out, &at)?;
                depth = depth.saturating_sub(1);
                continue;
            }
            Event::Text(t) => {
                push_text(&mut item, depth, &t.xml10_content());
                continue;
            }
            Event::CData(t) => {
                push_text(&mut item, depth, &t.xml10_content());
                continue;
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match &*r {
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "amp" => "&".into(),
                        "apos" => "'".into(),
                        "quot" => "\"".into(),
                        // An HTML entity in a description: kept as written.
                        other => format!("&{other};"),
                    },
                    Err(err) => {
                        return Err(InputError::invalid(
                            at(before, item.as_ref().map(|i| i.index)),
                            format!("malformed XML: {err}"),
                        ));
                    }
                };
                push_text(&mut item, depth, &resolved);
                continue;
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => continue,
        };
        let Some(e) = start else { continue };
        depth += 1;
        if depth > MAX_XML_DEPTH {
            return Err(InputError::TooLarge {
                path: at(before, item.as_ref().map(|i| i.index)),
                message: format!("XML nested deeper than {MAX_XML_DEPTH} elements"),
            });
        }
        let ns = {
            let (resolved, _) = reader.resolver().resolve_element(e.name());
            classify(resolved, e.name().as_ref())
        };
        let local = e.local_name().as_ref().to_string();
        if root.is_none() {
            if !matches!(local.as_str(), "rss" | "feed") {
                return Err(InputError::invalid(
                    at(before, None),
                    format!(
                        "not a Merchant Center feed: the root element is `<{}>`, not `<rss>` or `<feed>`",
                        e.name().as_ref()
                    ),
                ));
            }
            root = Some(local);
        } else if item.is_none() {
            if matches!(local.as_str(), "item" | "entry") && ns != Ns::Other {
                out.check_room()?;
                item = Some(Item {
                    index: items,
                    offset: before,
                    depth,
                    draft: Draft::default(),
                    field: None,
                });
                items += 1;
            }
        } else if let Some(current) = item.as_mut() {
            open(current, &e, ns, &local, depth, before, empty);
        }
        if empty {
            close(&mut item, None, depth, context, out, &at)?;
            depth -= 1;
        }
    }
    if depth > 0 || item.is_some() {
        return Err(InputError::invalid(
            at(text.len(), item.as_ref().map(|i| i.index)),
            "malformed XML: the feed ends before its elements are closed",
        ));
    }
    if root.is_none() {
        return Err(InputError::invalid(
            "feed",
            "malformed XML: no root element",
        ));
    }
    Ok(())
}

fn classify(resolved: ResolveResult<'_>, qualified: &str) -> Ns {
    match resolved {
        ResolveResult::Bound(ns) if ns.as_ref() == GOOGLE_NS => Ns::Google,
        ResolveResult::Bound(ns) if ns.as_ref() == ATOM_NS => Ns::Plain,
        ResolveResult::Unbound => Ns::Plain,
        // A feed that uses `g:` without declaring it: lenient, as Merchant Center is.
        ResolveResult::Unknown(prefix) if prefix == "g" => Ns::Google,
        // The document's own default namespace (an RSS feed with `xmlns="..."`).
        ResolveResult::Bound(_) if !qualified.contains(':') => Ns::Plain,
        _ => Ns::Other,
    }
}

/// A start tag inside an item: a new attribute, a child of a structured one, or markup.
fn open(
    item: &mut Item,
    e: &BytesStart<'_>,
    ns: Ns,
    local: &str,
    depth: usize,
    offset: usize,
    empty: bool,
) {
    if depth == item.depth + 1 {
        let canonical = canonical_name(local);
        let attr = match (ns, canonical.as_str()) {
            (Ns::Other, _) => None,
            (Ns::Plain, "summary" | "content") => Some(Attr::Description),
            _ => Attr::from_name(&canonical),
        };
        let mut field = Field {
            name: e.name().as_ref().to_string(),
            canonical,
            ns,
            offset,
            text: String::new(),
            attr,
            children: Vec::new(),
            skip: false,
        };
        if attr == Some(Attr::Link) {
            // Atom: `<link rel="alternate" href="..."/>`; other rels are not the product page.
            let attribute = |key: &str| {
                e.try_get_attribute(key).ok().flatten().map(|a| {
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map(|v| v.into_owned())
                        .unwrap_or_else(|_| a.value.clone().into_owned())
                })
            };
            if let Some(href) = attribute("href") {
                match attribute("rel").as_deref() {
                    None | Some("alternate") => field.text = href,
                    Some(_) => field.skip = true,
                }
            }
        }
        item.field = Some(field);
        return;
    }
    let Some(field) = item.field.as_mut() else {
        return;
    };
    if field.attr == Some(Attr::ProductDetail) && depth == item.depth + 2 {
        field.children.push((canonical_name(local), String::new()));
    } else if field.attr.is_some() && field.attr != Some(Attr::ProductDetail) {
        // Unescaped HTML in a text attribute: kept as text for the facet stage to strip.
        field.text.push('<');
        field.text.push_str(e);
        field.text.push_str(if empty { "/>" } else { ">" });
    }
}

/// Text (or a resolved reference) at the current depth.
fn push_text(item: &mut Option<Item>, depth: usize, text: &str) {
    let Some(item) = item.as_mut() else { return };
    let Some(field) = item.field.as_mut() else {
        return;
    };
    if depth == item.depth + 1 {
        field.text.push_str(text);
    } else if field.attr == Some(Attr::ProductDetail) {
        if depth == item.depth + 2 {
            if let Some((_, child)) = field.children.last_mut() {
                child.push_str(text);
            }
        }
    } else if field.attr.is_some() {
        field.text.push_str(text);
    }
}

/// An end tag (or the end of an empty element) at `depth`.
fn close(
    item: &mut Option<Item>,
    end_name: Option<&str>,
    depth: usize,
    context: &Context,
    out: &mut Collector,
    at: &dyn Fn(usize, Option<usize>) -> String,
) -> Result<(), InputError> {
    let Some(current) = item.as_mut() else {
        return Ok(());
    };
    if depth == current.depth {
        if let Some(done) = item.take() {
            // The position is computed only for an error (a scan from the start).
            let (offset, index) = (done.offset, done.index);
            out.push(done.draft, &|_| at(offset, Some(index)))?;
        }
        return Ok(());
    }
    if depth == current.depth + 1 {
        if let Some(field) = current.field.take() {
            apply(field, current, context, out, at)?;
        }
        return Ok(());
    }
    // A closing tag of markup inside a text attribute.
    if let (Some(field), Some(name)) = (current.field.as_mut(), end_name) {
        if field.attr.is_some() && field.attr != Some(Attr::ProductDetail) {
            field.text.push_str("</");
            field.text.push_str(name);
            field.text.push('>');
        }
    }
    Ok(())
}

/// A finished attribute element: applied to the item, or reported.
fn apply(
    field: Field,
    item: &mut Item,
    context: &Context,
    out: &mut Collector,
    at: &dyn Fn(usize, Option<usize>) -> String,
) -> Result<(), InputError> {
    if field.skip {
        return Ok(());
    }
    let Some(attr) = field.attr else {
        if field.ns != Ns::Other && is_unused_merchant_attribute(&field.canonical) {
            out.warnings.unused(&field.name);
        } else {
            out.warnings.unknown("element", &field.name);
        }
        return Ok(());
    };
    let fail = |message: String| {
        InputError::invalid(
            at(field.offset, Some(item.index)),
            format!("{message} in `<{}>`", field.name),
        )
    };
    if attr == Attr::ProductDetail && !field.children.is_empty() {
        let mut section = None;
        let mut name = None;
        let mut value = None;
        for (child, text) in &field.children {
            match child.as_str() {
                "section_name" => section = Some(text.as_str()),
                "attribute_name" => name = Some(text.as_str()),
                "attribute_value" => value = Some(text.as_str()),
                other => out
                    .warnings
                    .unknown("element", &format!("{}/{other}", field.name)),
            }
        }
        return item
            .draft
            .add_detail(section, name.unwrap_or(""), value.unwrap_or(""))
            .map_err(fail);
    }
    let how = Apply {
        split: false,
        strong: field.ns == Ns::Google,
        currency: context.currency.as_deref(),
        detail_order: &DETAIL_ORDER,
    };
    match item.draft.apply(attr, &field.text, &how).map_err(fail)? {
        Applied::Done => {}
        Applied::Repeated => {
            let index = item.index;
            out.warnings.once(&format!("repeated:{}", field.name), || {
                format!(
                    "`<{}>` appears more than once in an item (first in item[{index}]): the first value is kept",
                    field.name
                )
            });
        }
    }
    Ok(())
}
