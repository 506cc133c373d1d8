//! Reading the page's settings objects, field by field, with js-sys. (A generic deserializer
//! was the largest single part of the wasm module.) A missing or null field keeps its default;
//! a field of the wrong type is refused by name, and nothing is changed.

use crate::choice::Choice;
use crate::{Error, Result};
use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;

/// A plain JS object whose fields are read into settings.
pub(crate) struct Fields {
    object: JsValue,
    /// The object's place in the settings ("" at the top, "strategy." inside), for messages.
    path: String,
}

impl Fields {
    /// The object `value` (undefined or null read as an empty object: every default).
    pub fn of(value: JsValue) -> Result<Fields> {
        Fields::at(value, String::new(), "settings")
    }

    fn at(object: JsValue, path: String, name: &str) -> Result<Fields> {
        let plain_object = object.is_object() && !Array::is_array(&object);
        if object.is_undefined() || object.is_null() || plain_object {
            Ok(Fields { object, path })
        } else {
            Err(Error::setting(name, "expected an object"))
        }
    }

    fn get(&self, key: &str) -> Option<JsValue> {
        if !self.object.is_object() {
            return None;
        }
        let value = Reflect::get(&self.object, &JsValue::from_str(key)).ok()?;
        (!value.is_undefined() && !value.is_null()).then_some(value)
    }

    fn wrong(&self, key: &str, expected: &str) -> Error {
        Error::setting(
            format!("{}{key}", self.path),
            format!("expected {expected}"),
        )
    }

    /// The object in field `key` (empty when missing).
    pub fn object(&self, key: &str) -> Result<Fields> {
        let name = format!("{}{key}", self.path);
        let value = self.get(key).unwrap_or(JsValue::UNDEFINED);
        Fields::at(value, format!("{name}."), &name)
    }

    /// A number (any number: ranges are checked by the settings themselves).
    pub fn number(&self, key: &str, into: &mut f64) -> Result<()> {
        if let Some(value) = self.get(key) {
            *into = value.as_f64().ok_or_else(|| self.wrong(key, "a number"))?;
        }
        Ok(())
    }

    /// A whole number ≥ 0 (ranges are checked by the settings themselves).
    pub fn count(&self, key: &str, into: &mut usize) -> Result<()> {
        if let Some(value) = self.get(key) {
            *into = whole(&value).ok_or_else(|| {
                let expected = format!("a whole number from 0 to {}", usize::MAX);
                self.wrong(key, &expected)
            })?;
        }
        Ok(())
    }

    /// A whole number from 0 to 2³² − 1 (seeds).
    pub fn seed(&self, key: &str, into: &mut u32) -> Result<()> {
        if let Some(value) = self.get(key) {
            *into = whole(&value)
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| self.wrong(key, "a whole number from 0 to 4294967295"))?;
        }
        Ok(())
    }

    /// true or false.
    pub fn flag(&self, key: &str, into: &mut bool) -> Result<()> {
        if let Some(value) = self.get(key) {
            *into = value
                .as_bool()
                .ok_or_else(|| self.wrong(key, "true or false"))?;
        }
        Ok(())
    }

    /// A string.
    pub fn text(&self, key: &str, into: &mut String) -> Result<()> {
        if let Some(value) = self.get(key) {
            *into = value
                .as_string()
                .ok_or_else(|| self.wrong(key, "a string"))?;
        }
        Ok(())
    }

    /// A string, or `None` when missing.
    pub fn optional_text(&self, key: &str) -> Result<Option<String>> {
        let mut text = String::new();
        self.text(key, &mut text)?;
        Ok(self.get(key).map(|_| text))
    }

    /// A whole number ≥ 0, or `None` when missing.
    pub fn optional_count(&self, key: &str) -> Result<Option<usize>> {
        let mut count = 0;
        self.count(key, &mut count)?;
        Ok(self.get(key).map(|_| count))
    }

    /// One of the names of `T`.
    pub fn choice<T: Choice>(&self, key: &str, into: &mut T) -> Result<()> {
        if let Some(value) = self.get(key) {
            let expected = || self.wrong(key, &T::listed());
            *into = T::named(&value.as_string().ok_or_else(expected)?).ok_or_else(expected)?;
        }
        Ok(())
    }

    /// An array of `length` numbers (any length when `length` is `None`), or `None` when
    /// missing.
    pub fn numbers(&self, key: &str, length: Option<usize>) -> Result<Option<Vec<f64>>> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        let expected = || match length {
            Some(n) => self.wrong(key, &format!("a list of {n} numbers")),
            None => self.wrong(key, "a list of numbers"),
        };
        if !Array::is_array(&value) {
            return Err(expected());
        }
        let items: Option<Vec<f64>> = Array::from(&value).iter().map(|v| v.as_f64()).collect();
        match items {
            Some(items) if length.is_none_or(|n| items.len() == n) => Ok(Some(items)),
            _ => Err(expected()),
        }
    }

    /// An array of whole numbers ≥ 0, or `None` when missing.
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

/// A JS number that is a whole number ≥ 0 within `usize`.
fn whole(value: &JsValue) -> Option<usize> {
    whole_number(value.as_f64()?)
}

fn whole_number(x: f64) -> Option<usize> {
    (x >= 0.0 && x.fract() == 0.0 && x <= usize::MAX as f64).then_some(x as usize)
}
