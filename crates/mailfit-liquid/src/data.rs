//! Template data as Liquid sees it: objects keep the host's key order (the `liquid` crate's own
//! `Object` is a `HashMap` whose iteration order changes from run to run, which would break
//! byte-identical re-renders), and a missing key or an index out of range reads as nil, as in
//! Shopify. Scalars are the `liquid` crate's own, so filters and comparisons behave the same.

use std::fmt;

use liquid_core::model::{
    ArrayView, DisplayCow, KString, KStringCow, ObjectRender, ObjectSource, ObjectView, Scalar,
    ScalarCow, State, Value, ValueView,
};

/// One value of template data.
#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    /// `nil`.
    Nil,
    /// A string, number or boolean.
    Scalar(Scalar),
    /// A list.
    Array(Vec<Data>),
    /// Keys in insertion order.
    Object(Vec<(DataKey, Data)>),
}

/// An object's key. It carries its length and first bytes as one integer, so that a lookup
/// settles most of the keys it passes with one comparison: objects are small and scanned in
/// order, and at `opt-level = "z"` reading a `KString`'s text is a call.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DataKey {
    tag: u64,
    text: KString,
}

impl DataKey {
    /// A key from a static string.
    pub fn from_static(text: &'static str) -> DataKey {
        DataKey::from(KString::from_static(text))
    }

    /// The key's text.
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    fn is(&self, tag: u64, text: &str) -> bool {
        self.tag == tag && self.text.as_str() == text
    }
}

impl From<KString> for DataKey {
    fn from(text: KString) -> DataKey {
        DataKey {
            tag: tag_of(text.as_str()),
            text,
        }
    }
}

impl From<&str> for DataKey {
    fn from(text: &str) -> DataKey {
        DataKey::from(KString::from_ref(text))
    }
}

/// Length and first and last bytes: equal for equal texts, and different for most others.
fn tag_of(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let end = |byte: Option<&u8>| u64::from(byte.copied().unwrap_or(0));
    ((bytes.len() as u64) << 16) | (end(bytes.first()) << 8) | end(bytes.last())
}

/// The value of `key` in an object's entries.
fn find<'d>(entries: &'d [(DataKey, Data)], key: &str) -> Option<&'d Data> {
    let tag = tag_of(key);
    entries.iter().find(|(k, _)| k.is(tag, key)).map(|(_, v)| v)
}

/// What a missing key or index reads as.
static NIL: Data = Data::Nil;

/// Is this the nil a missing key or index read as (rather than a nil the data holds)?
pub(crate) fn is_missing(value: &dyn ValueView) -> bool {
    std::ptr::addr_eq(value, &NIL)
}

impl Data {
    /// Converts JSON, keeping object key order.
    pub fn from_json(value: &serde_json::Value) -> Data {
        match value {
            serde_json::Value::Null => Data::Nil,
            serde_json::Value::Bool(b) => Data::Scalar(Scalar::new(*b)),
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(i) => Data::Scalar(Scalar::new(i)),
                None => Data::Scalar(Scalar::new(n.as_f64().unwrap_or(0.0))),
            },
            serde_json::Value::String(s) => Data::Scalar(Scalar::new(KString::from_ref(s))),
            serde_json::Value::Array(items) => {
                Data::Array(items.iter().map(Data::from_json).collect())
            }
            serde_json::Value::Object(map) => Data::Object(
                map.iter()
                    .map(|(k, v)| (DataKey::from(k.as_str()), Data::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// An empty object.
    pub fn object() -> Data {
        Data::Object(Vec::new())
    }

    /// Sets a key of an object (replacing it if present); ignored on other variants.
    pub fn insert(&mut self, key: &str, value: Data) {
        if let Data::Object(entries) = self {
            let tag = tag_of(key);
            match entries.iter_mut().find(|(k, _)| k.is(tag, key)) {
                Some(slot) => slot.1 = value,
                None => entries.push((DataKey::from(key), value)),
            }
        }
    }

    /// Does an object have this key?
    pub fn has_key(&self, key: &str) -> bool {
        matches!(self, Data::Object(entries) if find(entries, key).is_some())
    }
}

/// Read straight from JSON (or any serde format), as [`Data::from_json`] reads a
/// `serde_json::Value`, without building one first: hosts that send data per render pay for
/// one conversion, not two. Objects keep the first position of a repeated key and its last
/// value, as `serde_json`'s ordered map does. Nesting is bounded by the deserializer
/// (`serde_json` stops at 128 levels).
impl<'de> serde::Deserialize<'de> for Data {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DataVisitor)
    }
}

struct DataVisitor;

impl<'de> serde::de::Visitor<'de> for DataVisitor {
    type Value = Data;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Data, E> {
        Ok(Data::Nil)
    }

    fn visit_none<E>(self) -> Result<Data, E> {
        Ok(Data::Nil)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Data, D::Error> {
        serde::Deserialize::deserialize(d)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Data, E> {
        Ok(Data::Scalar(Scalar::new(b)))
    }

    fn visit_i64<E>(self, i: i64) -> Result<Data, E> {
        Ok(Data::Scalar(Scalar::new(i)))
    }

    fn visit_u64<E>(self, u: u64) -> Result<Data, E> {
        // Past i64 a number is a float, as `serde_json::Number::as_i64` then `as_f64` read it.
        Ok(Data::Scalar(match i64::try_from(u) {
            Ok(i) => Scalar::new(i),
            Err(_) => Scalar::new(u as f64),
        }))
    }

    fn visit_f64<E>(self, f: f64) -> Result<Data, E> {
        Ok(Data::Scalar(Scalar::new(f)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Data, E> {
        Ok(Data::Scalar(Scalar::new(KString::from_ref(s))))
    }

    fn visit_string<E>(self, s: String) -> Result<Data, E> {
        Ok(Data::Scalar(Scalar::new(KString::from_string(s))))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Data, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Data::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Data, A::Error> {
        let mut entries: Vec<(DataKey, Data)> = Vec::new();
        // Positions by key, built once an object is large enough for a scan to cost.
        let mut index: Option<std::collections::HashMap<DataKey, usize>> = None;
        while let Some(ReadKey(key)) = map.next_key()? {
            let value: Data = map.next_value()?;
            if index.is_none() && entries.len() >= 32 {
                let positions = entries.iter().enumerate().map(|(i, (k, _))| (k.clone(), i));
                index = Some(positions.collect());
            }
            let at = match &index {
                Some(index) => index.get(&key).copied(),
                None => entries.iter().position(|(k, _)| *k == key),
            };
            match at.and_then(|at| entries.get_mut(at)) {
                Some(slot) => slot.1 = value,
                None => {
                    if let Some(index) = &mut index {
                        index.insert(key.clone(), entries.len());
                    }
                    entries.push((key, value));
                }
            }
        }
        Ok(Data::Object(entries))
    }
}

/// An object's key, borrowed from the input where the format allows.
struct ReadKey(DataKey);

impl<'de> serde::Deserialize<'de> for ReadKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl serde::de::Visitor<'_> for KeyVisitor {
            type Value = ReadKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_str<E>(self, s: &str) -> Result<ReadKey, E> {
                Ok(ReadKey(DataKey::from(s)))
            }
            fn visit_string<E>(self, s: String) -> Result<ReadKey, E> {
                Ok(ReadKey(DataKey::from(KString::from_string(s))))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Arrays render as their items side by side (Shopify's `join` with nothing).
struct ArrayDisplay<'a>(&'a [Data]);

impl fmt::Display for ArrayDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for item in self.0 {
            write!(f, "{}", item.render())?;
        }
        Ok(())
    }
}

impl ValueView for Data {
    fn as_debug(&self) -> &dyn fmt::Debug {
        self
    }

    fn render(&self) -> DisplayCow<'_> {
        match self {
            Data::Nil => DisplayCow::Borrowed(&""),
            Data::Scalar(s) => s.render(),
            Data::Array(items) => DisplayCow::Owned(Box::new(ArrayDisplay(items))),
            Data::Object(_) => DisplayCow::Owned(Box::new(ObjectRender::new(self))),
        }
    }

    fn source(&self) -> DisplayCow<'_> {
        match self {
            Data::Nil => DisplayCow::Borrowed(&"nil"),
            Data::Scalar(s) => s.source(),
            Data::Array(_) => DisplayCow::Owned(Box::new(self.to_value().source().to_string())),
            Data::Object(_) => DisplayCow::Owned(Box::new(ObjectSource::new(self))),
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            Data::Nil => "nil",
            Data::Scalar(s) => s.type_name(),
            Data::Array(_) => "array",
            Data::Object(_) => "object",
        }
    }

    fn query_state(&self, state: State) -> bool {
        match self {
            Data::Nil => !matches!(state, State::Truthy),
            Data::Scalar(s) => s.query_state(state),
            Data::Array(items) => matches!(state, State::Truthy) || items.is_empty(),
            Data::Object(entries) => matches!(state, State::Truthy) || entries.is_empty(),
        }
    }

    fn to_kstr(&self) -> KStringCow<'_> {
        match self {
            Data::Scalar(s) => s.to_kstr(),
            _ => KStringCow::from_string(self.render().to_string()),
        }
    }

    fn to_value(&self) -> Value {
        match self {
            Data::Nil => Value::Nil,
            Data::Scalar(s) => Value::Scalar(s.clone()),
            Data::Array(items) => Value::Array(items.iter().map(ValueView::to_value).collect()),
            Data::Object(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.text.clone(), v.to_value()))
                    .collect(),
            ),
        }
    }

    fn as_scalar(&self) -> Option<ScalarCow<'_>> {
        match self {
            Data::Scalar(s) => Some(s.as_ref()),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<&dyn ArrayView> {
        matches!(self, Data::Array(_)).then_some(self as &dyn ArrayView)
    }

    fn as_object(&self) -> Option<&dyn ObjectView> {
        matches!(self, Data::Object(_)).then_some(self as &dyn ObjectView)
    }

    fn is_nil(&self) -> bool {
        matches!(self, Data::Nil)
    }
}

fn items(data: &Data) -> &[Data] {
    match data {
        Data::Array(items) => items,
        _ => &[],
    }
}

fn entries(data: &Data) -> &[(DataKey, Data)] {
    match data {
        Data::Object(entries) => entries,
        _ => &[],
    }
}

impl ArrayView for Data {
    fn as_value(&self) -> &dyn ValueView {
        self
    }

    fn size(&self) -> i64 {
        items(self).len() as i64
    }

    fn values<'k>(&'k self) -> Box<dyn Iterator<Item = &'k dyn ValueView> + 'k> {
        Box::new(items(self).iter().map(|v| v as &dyn ValueView))
    }

    fn contains_key(&self, index: i64) -> bool {
        let size = ArrayView::size(self);
        let index = if index < 0 { size + index } else { index };
        (0..size).contains(&index)
    }

    fn get(&self, index: i64) -> Option<&dyn ValueView> {
        let size = ArrayView::size(self);
        let index = if index < 0 { size + index } else { index };
        let item = usize::try_from(index).ok().and_then(|i| items(self).get(i));
        Some(item.unwrap_or(&NIL))
    }
}

impl ObjectView for Data {
    fn as_value(&self) -> &dyn ValueView {
        self
    }

    fn size(&self) -> i64 {
        entries(self).len() as i64
    }

    fn keys<'k>(&'k self) -> Box<dyn Iterator<Item = KStringCow<'k>> + 'k> {
        Box::new(
            entries(self)
                .iter()
                .map(|(k, _)| KStringCow::from_ref(k.as_str())),
        )
    }

    fn values<'k>(&'k self) -> Box<dyn Iterator<Item = &'k dyn ValueView> + 'k> {
        Box::new(entries(self).iter().map(|(_, v)| v as &dyn ValueView))
    }

    fn iter<'k>(&'k self) -> Box<dyn Iterator<Item = (KStringCow<'k>, &'k dyn ValueView)> + 'k> {
        Box::new(
            entries(self)
                .iter()
                .map(|(k, v)| (KStringCow::from_ref(k.as_str()), v as &dyn ValueView)),
        )
    }

    fn contains_key(&self, index: &str) -> bool {
        find(entries(self), index).is_some()
    }

    fn get<'s>(&'s self, index: &str) -> Option<&'s dyn ValueView> {
        match (find(entries(self), index), index) {
            // Not ours to answer: the lookup gives Ruby's `Hash#size` and `Hash#first`.
            (None, "size" | "first") => None,
            (found, _) => Some(found.unwrap_or(&NIL)),
        }
    }
}

impl serde::Serialize for Data {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Data::Nil => serializer.serialize_unit(),
            Data::Scalar(s) => match s.type_name() {
                "boolean" => serializer.serialize_bool(s.to_bool().unwrap_or(false)),
                "whole number" => serializer.serialize_i64(s.to_integer().unwrap_or(0)),
                "fractional number" => serializer.serialize_f64(s.to_float().unwrap_or(0.0)),
                _ => serializer.serialize_str(s.to_kstr().as_str()),
            },
            Data::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Data::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k.as_str(), v)?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_json_directly_equals_reading_a_json_value() {
        let many: String = (0..40).map(|i| format!(r#""k{}":{i},"#, i % 35)).collect();
        for text in [
            r#"{"a":1,"b":[true,null,2.5,"x"],"c":{"d":{"e":"é"}}}"#,
            r#"{"a":1,"b":2,"a":3}"#,
            r#"[18446744073709551615,-9223372036854775808,1.5e300,0.1]"#,
            r#""just a string""#,
            &format!("{{{many}\"last\":0}}"),
        ] {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            let direct: Data = serde_json::from_str(text).unwrap();
            assert_eq!(direct, Data::from_json(&value), "{text}");
        }
    }

    #[test]
    fn keys_that_share_length_and_ends_are_told_apart() {
        // "abc" and "axc" have the same tag (length, first and last byte): the text decides.
        let mut data = Data::from_json(&serde_json::json!({"abc": 1, "axc": 2, "": 3}));
        let read = |data: &Data, key: &str| {
            ObjectView::get(data, key).and_then(|v| v.as_scalar().and_then(|s| s.to_integer()))
        };
        assert_eq!(read(&data, "abc"), Some(1));
        assert_eq!(read(&data, "axc"), Some(2));
        assert_eq!(read(&data, ""), Some(3));
        assert_eq!(read(&data, "ayc"), None);
        assert!(!ObjectView::contains_key(&data, "ayc"));
        data.insert("axc", Data::Nil);
        data.insert("ayc", Data::Nil);
        assert_eq!(read(&data, "abc"), Some(1));
        assert_eq!(ObjectView::size(&data), 4);
        let twice: Data = serde_json::from_str(r#"{"abc":1,"axc":2,"abc":3}"#).unwrap();
        assert_eq!(read(&twice, "abc"), Some(3));
        assert_eq!(read(&twice, "axc"), Some(2));
    }

    #[test]
    fn keeps_key_order_and_reads_missing_as_nil() {
        let data = Data::from_json(&serde_json::json!({"b": 1, "a": 2, "c": {"x": [1, 2]}}));
        let keys: Vec<String> = ObjectView::keys(&data).map(|k| k.to_string()).collect();
        assert_eq!(keys, ["b", "a", "c"]);
        assert!(ObjectView::get(&data, "missing").is_some_and(|v| v.is_nil()));
        let c = ObjectView::get(&data, "c")
            .and_then(|c| c.as_object())
            .and_then(|c| c.get("x"))
            .and_then(|x| x.as_array());
        assert_eq!(
            c.and_then(|x| x.get(-1)).map(|v| v.to_kstr().to_string()),
            Some("2".into())
        );
        assert!(c.and_then(|x| x.get(9)).is_some_and(|v| v.is_nil()));
    }
}
