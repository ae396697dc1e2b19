//! Builds [`Data`] straight from any `Serialize` type (the email model), in field order, without
//! going through `serde_json::Value`: that detour (a sorted map per object, a copy per string)
//! cost a fifth of every render.

use liquid_core::model::{KString, Scalar};
use serde::ser::{self, Serialize};

use super::data::Data;

/// Why a value could not become template data.
#[derive(Debug)]
pub struct DataError(String);

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DataError {}

impl ser::Error for DataError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        DataError(msg.to_string())
    }
}

/// `value` as template data.
pub fn to_data<T: Serialize + ?Sized>(value: &T) -> Result<Data, DataError> {
    value.serialize(DataSerializer)
}

struct DataSerializer;

/// Items of a list or tuple being built.
pub struct Items(Vec<Data>);

/// Entries of an object being built (and the key of a map entry awaiting its value).
pub struct Entries {
    entries: Vec<(KString, Data)>,
    key: Option<KString>,
}

fn scalar<T: Into<Scalar>>(value: T) -> Result<Data, DataError> {
    Ok(Data::Scalar(value.into()))
}

impl ser::Serializer for DataSerializer {
    type Ok = Data;
    type Error = DataError;
    type SerializeSeq = Items;
    type SerializeTuple = Items;
    type SerializeTupleStruct = Items;
    type SerializeTupleVariant = Items;
    type SerializeMap = Entries;
    type SerializeStruct = Entries;
    type SerializeStructVariant = Entries;

    fn serialize_bool(self, v: bool) -> Result<Data, DataError> {
        scalar(v)
    }
    fn serialize_i8(self, v: i8) -> Result<Data, DataError> {
        scalar(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<Data, DataError> {
        scalar(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<Data, DataError> {
        scalar(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<Data, DataError> {
        scalar(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Data, DataError> {
        scalar(i64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<Data, DataError> {
        scalar(i64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<Data, DataError> {
        scalar(i64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<Data, DataError> {
        match i64::try_from(v) {
            Ok(i) => scalar(i),
            Err(_) => scalar(v as f64),
        }
    }
    fn serialize_f32(self, v: f32) -> Result<Data, DataError> {
        scalar(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<Data, DataError> {
        // As serde_json: a number that is not finite has no JSON form and becomes nil.
        if v.is_finite() {
            scalar(v)
        } else {
            Ok(Data::Nil)
        }
    }
    fn serialize_char(self, v: char) -> Result<Data, DataError> {
        scalar(KString::from_string(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Data, DataError> {
        scalar(KString::from_ref(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Data, DataError> {
        Ok(Data::Array(
            v.iter()
                .map(|b| Data::Scalar(Scalar::new(i64::from(*b))))
                .collect(),
        ))
    }
    fn serialize_none(self) -> Result<Data, DataError> {
        Ok(Data::Nil)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Data, DataError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Data, DataError> {
        Ok(Data::Nil)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Data, DataError> {
        Ok(Data::Nil)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Data, DataError> {
        scalar(KString::from_static(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Data, DataError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Data, DataError> {
        Ok(Data::Object(vec![(
            KString::from_static(variant),
            value.serialize(self)?,
        )]))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Items, DataError> {
        Ok(Items(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<Items, DataError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Items, DataError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Items, DataError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Entries, DataError> {
        Ok(Entries {
            entries: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Entries, DataError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Entries, DataError> {
        self.serialize_map(Some(len))
    }
}

impl Items {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), DataError> {
        self.0.push(value.serialize(DataSerializer)?);
        Ok(())
    }
}

macro_rules! items {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Items {
            type Ok = Data;
            type Error = DataError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), DataError> {
                self.push(value)
            }
            fn end(self) -> Result<Data, DataError> {
                Ok(Data::Array(self.0))
            }
        }
    )*};
}

items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl Entries {
    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), DataError> {
        let value = value.serialize(DataSerializer)?;
        self.entries.push((KString::from_static(key), value));
        Ok(())
    }

    fn end(self) -> Result<Data, DataError> {
        Ok(Data::Object(self.entries))
    }
}

impl ser::SerializeStruct for Entries {
    type Ok = Data;
    type Error = DataError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), DataError> {
        self.field(key, value)
    }
    fn end(self) -> Result<Data, DataError> {
        Entries::end(self)
    }
}

impl ser::SerializeStructVariant for Entries {
    type Ok = Data;
    type Error = DataError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), DataError> {
        self.field(key, value)
    }
    fn end(self) -> Result<Data, DataError> {
        Entries::end(self)
    }
}

impl ser::SerializeMap for Entries {
    type Ok = Data;
    type Error = DataError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), DataError> {
        let key = match key.serialize(DataSerializer)? {
            Data::Scalar(s) => s.into_string(),
            _ => return Err(DataError("a map key must be a string or number".into())),
        };
        self.key = Some(key);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), DataError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| DataError("a map value came without its key".into()))?;
        let value = value.serialize(DataSerializer)?;
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.entries.push((key, value)),
        }
        Ok(())
    }
    fn end(self) -> Result<Data, DataError> {
        Entries::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::to_data;
    use crate::render::Data;

    #[test]
    fn keeps_field_order_and_json_values() {
        #[derive(serde::Serialize)]
        struct Inner {
            b: Option<u8>,
            a: Vec<&'static str>,
        }
        #[derive(serde::Serialize)]
        struct Outer {
            z: f64,
            inner: Inner,
            nothing: Option<String>,
        }
        let value = Outer {
            z: 1.5,
            inner: Inner {
                b: Some(2),
                a: vec!["x", "y"],
            },
            nothing: None,
        };
        let direct = to_data(&value).unwrap();
        let json = serde_json::json!({"b": 2, "a": ["x", "y"]});
        let mut inner = Data::object();
        inner.insert("b", Data::from_json(&json["b"]));
        inner.insert("a", Data::from_json(&json["a"]));
        let mut expected = Data::object();
        expected.insert("z", Data::from_json(&serde_json::json!(1.5)));
        expected.insert("inner", inner);
        expected.insert("nothing", Data::Nil);
        assert_eq!(direct, expected);
    }
}
