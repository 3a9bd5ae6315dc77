//! A `Deserializer` wrapper that accepts only the documented form of the interchange format.
//!
//! serde_json also accepts other spellings of the same data, which would let a file mean
//! something other than what it appears to say. At every depth this wrapper:
//! - reads structs from JSON objects only (serde_json's `deserialize_struct` also takes a list
//!   of values in field order, where two swapped text fields would land in the wrong fields);
//! - requires every field of a struct, also the optional ones (their empty value is `null`);
//! - reads enums from strings only (serde_json also takes `{"full": null}` for `"full"`);
//! - reads whole numbers written with a fraction of zero (`24.0`) as integers: JSON, and so the
//!   JSON Schema, does not tell them apart;
//! - cuts the input values that serde's messages repeat (`unknown variant`, `invalid type`) to
//!   an excerpt, so that a 50 MB value never becomes a 50 MB message.
//!
//! It composes with `serde_path_to_error`, which wraps it from outside to name the path. The
//! model has no flattened, untagged or internally tagged types: those buffer their input in
//! serde's own content type, which this wrapper does not see.

use std::cell::Cell;
use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor};

use crate::text;

/// A field a file of an older format version may leave out: (struct name, field name).
pub(super) type OptionalField = (&'static str, &'static str);

thread_local! {
    /// The fields the file being read may leave out, because its format version predates them.
    static MAY_BE_ABSENT: Cell<&'static [OptionalField]> = const { Cell::new(&[]) };
}

/// Runs `read` with `fields` allowed to be absent, and no others.
pub(super) fn allowing_absent<T>(fields: &'static [OptionalField], read: impl FnOnce() -> T) -> T {
    struct Reset(&'static [OptionalField]);
    impl Drop for Reset {
        fn drop(&mut self) {
            MAY_BE_ABSENT.with(|c| c.set(self.0));
        }
    }
    let _reset = Reset(MAY_BE_ABSENT.with(|c| c.replace(fields)));
    read()
}

/// The input to `Deserializer` `D`, read strictly.
pub(super) struct Strict<'k, D> {
    de: D,
    key: Option<KeyTarget<'k>>,
}

impl<D> Strict<'static, D> {
    pub(super) fn new(de: D) -> Self {
        Strict { de, key: None }
    }
}

/// Where a struct's map notes which of its fields a key named.
struct KeyTarget<'k> {
    fields: &'static [&'static str],
    found: &'k mut Option<usize>,
}

/// The wrapped visitor: passes nested input on wrapped, notes keys, reads integral floats as
/// integers where an integer is asked for, and cuts long values out of error messages.
struct Wrap<'k, V> {
    inner: V,
    key: Option<KeyTarget<'k>>,
    integer: bool,
}

impl<'k, V> Wrap<'k, V> {
    fn new(inner: V, key: Option<KeyTarget<'k>>) -> Self {
        Wrap { inner, key, integer: false }
    }
}

/// A seed whose input is read strictly.
struct StrictSeed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for StrictSeed<S> {
    type Value = S::Value;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict::new(de))
    }
}

/// The seed of a struct's key: read strictly, noting which field it names.
struct KeySeed<'k, S> {
    seed: S,
    target: KeyTarget<'k>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, S> {
    type Value = S::Value;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(Strict { de, key: Some(self.target) })
    }
}

/// The error, with `value` cut where the message repeats it whole (serde quotes it either with
/// Rust's escaping, as in `invalid type: string "..."`, or as it is, in backquotes).
fn cut<T, E: de::Error>(result: Result<T, E>, value: &str) -> Result<T, E> {
    result.map_err(|e| {
        if value.len() <= text::EXCERPT_CHARS {
            return e;
        }
        let message = e.to_string();
        let message = message.replacen(&format!("{value:?}"), &text::quoted(value), 1);
        E::custom(message.replacen(value, &text::excerpt(value), 1))
    })
}

macro_rules! forward_deserialize {
    ($($method:ident $(($($arg:ident: $ty:ty),*))?;)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($($arg: $ty,)*)? visitor: V) -> Result<V::Value, D::Error> {
            self.de.$method($($($arg,)*)? Wrap::new(visitor, self.key))
        }
    )*};
}

// For a value of the wrong type, serde_json's typed methods build the error themselves and repeat
// a string whole; `deserialize_any` reads the same JSON values and lets the wrapped visitor refuse
// (and cut) them. Integers also take whole numbers written with a fraction of zero.
macro_rules! through_any {
    ($integer:expr => $($method:ident $(($($arg:ident: $ty:ty),*))?;)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($($arg: $ty,)*)? visitor: V) -> Result<V::Value, D::Error> {
            $($(let _ = $arg;)*)?
            self.de.deserialize_any(Wrap { inner: visitor, key: self.key, integer: $integer })
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<'_, D> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any; deserialize_char; deserialize_str; deserialize_string; deserialize_bytes;
        deserialize_byte_buf; deserialize_option; deserialize_newtype_struct(name: &'static str);
        deserialize_identifier; deserialize_ignored_any;
    }

    through_any! { true =>
        deserialize_i8; deserialize_i16; deserialize_i32; deserialize_i64; deserialize_i128;
        deserialize_u8; deserialize_u16; deserialize_u32; deserialize_u64; deserialize_u128;
    }

    through_any! { false =>
        deserialize_bool; deserialize_f32; deserialize_f64; deserialize_unit;
        deserialize_unit_struct(name: &'static str); deserialize_seq; deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize); deserialize_map;
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_any(StructVisitor { inner: visitor, name, fields })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_any(EnumVisitor { inner: visitor, variants })
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<V::Value, E> {
        self.inner.visit_bool(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<V::Value, E> {
        self.inner.visit_i64(v)
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<V::Value, E> {
        self.inner.visit_i128(v)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V::Value, E> {
        self.inner.visit_u64(v)
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<V::Value, E> {
        self.inner.visit_u128(v)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        // 2^64 and -2^63 are exact in f64; every integral value between them converts exactly.
        const TWO_POW_64: f64 = 18_446_744_073_709_551_616.0;
        if self.integer && v.fract() == 0.0 {
            if (0.0..TWO_POW_64).contains(&v) {
                return self.inner.visit_u64(v as u64);
            }
            if (-TWO_POW_64 / 2.0..0.0).contains(&v) {
                return self.inner.visit_i64(v as i64);
            }
        }
        self.inner.visit_f64(v)
    }

    fn visit_char<E: de::Error>(self, v: char) -> Result<V::Value, E> {
        self.inner.visit_char(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        note_key(self.key, v);
        cut(self.inner.visit_str(v), v)
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        note_key(self.key, v);
        cut(self.inner.visit_borrowed_str(v), v)
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        note_key(self.key, &v);
        if v.len() <= text::EXCERPT_CHARS {
            return self.inner.visit_string(v);
        }
        let copy = v.clone();
        cut(self.inner.visit_string(v), &copy)
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<V::Value, E> {
        self.inner.visit_bytes(v)
    }
    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<V::Value, E> {
        self.inner.visit_borrowed_bytes(v)
    }
    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<V::Value, E> {
        self.inner.visit_byte_buf(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }
    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(Strict::new(de))
    }
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, de: D) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(Strict::new(de))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.inner.visit_seq(Seq(seq))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(Map { inner: map, name: "", fields: None, seen: Vec::new() })
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        // Enum input reaches visitors only through `EnumVisitor`, as a bare string.
        self.inner.visit_enum(data)
    }
}

fn note_key(key: Option<KeyTarget<'_>>, v: &str) {
    if let Some(t) = key {
        *t.found = t.fields.iter().position(|f| *f == v);
    }
}

/// A struct, read from a JSON object only.
struct StructVisitor<V> {
    inner: V,
    name: &'static str,
    fields: &'static [&'static str],
}

impl<V> StructVisitor<V> {
    /// "MatrixCell" as "matrix cell".
    fn words(&self) -> String {
        let mut out = String::new();
        for c in self.name.chars() {
            if c.is_uppercase() && !out.is_empty() {
                out.push(' ');
            }
            out.extend(c.to_lowercase());
        }
        out
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for StructVisitor<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object ({})", self.words())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let seen = vec![false; self.fields.len()];
        self.inner.visit_map(Map { inner: map, name: self.name, fields: Some(self.fields), seen })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _seq: A) -> Result<V::Value, A::Error> {
        Err(de::Error::custom(format_args!(
            "found a list where an object ({}) is expected; write each field with its name",
            self.words()
        )))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        cut(Err(E::invalid_type(Unexpected::Str(v), &self)), v)
    }
}

/// An enum whose variants carry no data, read from a string only.
struct EnumVisitor<V> {
    inner: V,
    variants: &'static [&'static str],
}

impl<'de, V: Visitor<'de>> Visitor<'de> for EnumVisitor<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, one of ")?;
        for (i, v) in self.variants.iter().enumerate() {
            write!(f, "{}`{v}`", if i == 0 { "" } else { ", " })?;
        }
        Ok(())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        let de: StrDeserializer<'_, E> = v.into_deserializer();
        cut(self.inner.visit_enum(de), v)
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        cut(self.inner.visit_enum(BorrowedStrDeserializer::new(v)), v)
    }
}

struct Seq<A>(A);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Seq<A> {
    type Error = A::Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(StrictSeed(seed))
    }
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// A JSON object; for a struct (`name`), `fields` are its field names and `seen` which of them came.
struct Map<A> {
    inner: A,
    name: &'static str,
    fields: Option<&'static [&'static str]>,
    seen: Vec<bool>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Map<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        let Some(fields) = self.fields else {
            return self.inner.next_key_seed(StrictSeed(seed));
        };
        let mut found = None;
        let key = self.inner.next_key_seed(KeySeed { seed, target: KeyTarget { fields, found: &mut found } })?;
        if key.is_some() {
            if let Some(i) = found {
                self.seen[i] = true;
            }
            return Ok(key);
        }
        let absent_ok = MAY_BE_ABSENT.with(Cell::get);
        let required = |field: &&str| !absent_ok.contains(&(self.name, *field));
        match fields.iter().zip(&self.seen).find(|(field, seen)| !**seen && required(field)) {
            Some((missing, _)) => Err(de::Error::custom(format_args!(
                "missing field `{missing}`: every field must be present; write null where there is no value"
            ))),
            None => Ok(None),
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.inner.next_value_seed(StrictSeed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}
