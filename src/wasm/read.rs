//! Reading the page's settings objects, field by field, with js-sys. (A generic deserializer
//! was the largest single part of the wasm module.) A missing or null field keeps its default;
//! a field of the wrong type is refused by name, and nothing is changed. Every read that can
//! run the page's code (a getter, a proxy) catches what it throws: a thrown exception must not
//! cross the Rust frames, or the session would stay borrowed for good.

use crate::choice::{Choice, or_list};
use crate::{Error, Result};
use js_sys::{ArrayBuffer, Float64Array, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

/// Longest list read from a settings object (a longer one is refused before it is read).
const MAX_LIST: usize = 1000;

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked proxy.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn array_is_array(value: &JsValue) -> std::result::Result<bool, JsValue>;
}

/// Whether `value` is an array (false when asking throws).
fn is_array(value: &JsValue) -> bool {
    array_is_array(value).unwrap_or(false)
}

/// A plain JS object whose fields are read into settings.
pub(crate) struct Fields {
    object: JsValue,
    /// The object's place in the settings ("" at the top, "strategy." inside), for messages.
    path: String,
}

impl Fields {
    /// The object `value` (undefined or null read as an empty object: every default).
    #[inline(never)]
    pub fn of(value: JsValue) -> Result<Fields> {
        Fields::at(value, String::new(), "settings")
    }

    fn at(object: JsValue, path: String, name: &str) -> Result<Fields> {
        let plain_object = object.is_object() && !is_array(&object);
        if object.is_undefined() || object.is_null() || plain_object {
            Ok(Fields { object, path })
        } else {
            Err(Error::setting(name, "expected an object"))
        }
    }

    /// The field `key`, or `None` when it is missing or null (a getter that throws is refused).
    fn get(&self, key: &str) -> Result<Option<JsValue>> {
        if !self.object.is_object() {
            return Ok(None);
        }
        let value = Reflect::get(&self.object, &JsValue::from_str(key))
            .map_err(|_| self.wrong(key, "a readable value"))?;
        Ok((!value.is_undefined() && !value.is_null()).then_some(value))
    }

    fn wrong(&self, key: &str, expected: &str) -> Error {
        Error::setting(
            format!("{}{key}", self.path),
            format!("expected {expected}"),
        )
    }

    /// The field `key` converted by `convert`, or `None` when missing; a value `convert`
    /// refuses is an error naming the field and `expected`.
    fn read<T>(
        &self,
        key: &str,
        expected: &str,
        convert: impl Fn(&JsValue) -> Option<T>,
    ) -> Result<Option<T>> {
        self.get(key)?
            .map(|value| convert(&value).ok_or_else(|| self.wrong(key, expected)))
            .transpose()
    }

    /// The object in field `key` (empty when missing).
    #[inline(never)]
    pub fn object(&self, key: &str) -> Result<Fields> {
        let name = format!("{}{key}", self.path);
        let value = self.get(key)?.unwrap_or(JsValue::UNDEFINED);
        Fields::at(value, format!("{name}."), &name)
    }

    /// A number (any number: ranges are checked by the settings themselves).
    #[inline(never)]
    pub fn number(&self, key: &str, into: &mut f64) -> Result<()> {
        overwrite(into, self.read(key, "a number", JsValue::as_f64)?)
    }

    /// A whole number ≥ 0 (ranges are checked by the settings themselves).
    #[inline(never)]
    pub fn count(&self, key: &str, into: &mut usize) -> Result<()> {
        overwrite(into, self.optional_count(key)?)
    }

    /// A whole number ≥ 0, or `None` when missing.
    #[inline(never)]
    pub fn optional_count(&self, key: &str) -> Result<Option<usize>> {
        self.read(key, "a whole number", whole)
    }

    /// A whole number from 0 to 2³² − 1 (seeds).
    #[inline(never)]
    pub fn seed(&self, key: &str, into: &mut u32) -> Result<()> {
        let seed = |v: &JsValue| whole(v).and_then(|n| u32::try_from(n).ok());
        overwrite(
            into,
            self.read(key, "a whole number from 0 to 4294967295", seed)?,
        )
    }

    /// true or false.
    #[inline(never)]
    pub fn flag(&self, key: &str, into: &mut bool) -> Result<()> {
        overwrite(into, self.read(key, "true or false", JsValue::as_bool)?)
    }

    /// A string.
    #[inline(never)]
    pub fn text(&self, key: &str, into: &mut String) -> Result<()> {
        overwrite(into, self.optional_text(key)?)
    }

    /// A string, or `None` when missing.
    #[inline(never)]
    pub fn optional_text(&self, key: &str) -> Result<Option<String>> {
        self.read(key, "a string", JsValue::as_string)
    }

    /// One of the names of `T`.
    #[inline(never)]
    pub fn choice<T: Choice>(&self, key: &str, into: &mut T) -> Result<()> {
        let names: Vec<&str> = T::NAMES.iter().map(|(name, _)| *name).collect();
        let found = self.name_index(key, &names)?;
        overwrite(into, found.map(|i| T::NAMES[i].1))
    }

    /// Which of `names` field `key` holds, or `None` when missing (the part of [`Self::choice`]
    /// that is not generic: one copy in the wasm module, not one per choice type).
    #[inline(never)]
    fn name_index(&self, key: &str, names: &[&str]) -> Result<Option<usize>> {
        let index = |v: &JsValue| {
            let name = v.as_string()?;
            names.iter().position(|known| *known == name)
        };
        self.read(key, &or_list(names), index)
    }

    /// An array of `length` numbers (up to [`MAX_LIST`] when `length` is `None`), or `None`
    /// when missing.
    #[inline(never)]
    pub fn numbers(&self, key: &str, length: Option<usize>) -> Result<Option<Vec<f64>>> {
        let expected = match length {
            Some(n) => format!("a list of {n} numbers"),
            None => format!("a list of at most {MAX_LIST} numbers"),
        };
        self.read(key, &expected, |value| list(value, length, JsValue::as_f64))
    }

    /// A typed array (Float64Array, Uint32Array…, any length) or an array of numbers, or
    /// `None` when missing: bulk numbers such as a dataset's features.
    #[inline(never)]
    pub fn floats(&self, key: &str) -> Result<Option<Vec<f64>>> {
        let Some(value) = self.get(key)? else {
            return Ok(None);
        };
        if ArrayBuffer::is_view(&value) && !value.is_instance_of::<js_sys::DataView>() {
            return Ok(Some(Float64Array::new(&value).to_vec()));
        }
        self.numbers(key, None)
    }

    /// An array of at most [`MAX_LIST`] strings, or `None` when missing.
    #[inline(never)]
    pub fn texts(&self, key: &str) -> Result<Option<Vec<String>>> {
        let expected = format!("a list of at most {MAX_LIST} strings");
        self.read(key, &expected, |value| {
            list(value, None, JsValue::as_string)
        })
    }

    /// Whether the object was given (not missing, not null).
    pub fn is_given(&self) -> bool {
        self.object.is_object()
    }

    /// An array of whole numbers ≥ 0, or `None` when missing.
    #[inline(never)]
    pub fn counts(&self, key: &str, length: Option<usize>) -> Result<Option<Vec<usize>>> {
        let Some(numbers) = self.numbers(key, length)? else {
            return Ok(None);
        };
        let counts: Option<Vec<usize>> = numbers.iter().map(|&x| whole_number(x)).collect();
        counts
            .map(Some)
            .ok_or_else(|| self.wrong(key, "a list of whole numbers"))
    }
}

/// The items of array `value` converted by `item`: `length` of them, or up to [`MAX_LIST`]
/// when `length` is `None` (a longer list is refused before it is read). `None` when `value`
/// is not such an array or an item does not convert.
fn list<T>(
    value: &JsValue,
    length: Option<usize>,
    item: impl Fn(&JsValue) -> Option<T>,
) -> Option<Vec<T>> {
    if !is_array(value) {
        return None;
    }
    let n = Reflect::get(value, &JsValue::from_str("length"))
        .ok()?
        .as_f64()?;
    let fits = length.map_or(n <= MAX_LIST as f64, |want| n == want as f64);
    if !fits {
        return None;
    }
    (0..n as u32)
        .map(|i| item(&Reflect::get_u32(value, i).ok()?))
        .collect()
}

/// Replaces a default by the value found, if any.
fn overwrite<T>(into: &mut T, found: Option<T>) -> Result<()> {
    if let Some(value) = found {
        *into = value;
    }
    Ok(())
}

/// A JS number that is a whole number ≥ 0 within `usize`.
fn whole(value: &JsValue) -> Option<usize> {
    whole_number(value.as_f64()?)
}

fn whole_number(x: f64) -> Option<usize> {
    (x >= 0.0 && x.fract() == 0.0 && x <= usize::MAX as f64).then_some(x as usize)
}
