//! The crate's one error type. Every message names the setting (or the place in the data)
//! and what would be accepted instead, so the page can show it to the user as it is.

use crate::text::Num;
use std::fmt;

/// Everything that can go wrong in the core, as a value rather than a panic.
#[derive(Clone, PartialEq)]
pub enum Error {
    /// A setting outside its allowed range, e.g. a negative σ or a population of 0.
    Setting {
        /// The setting's name as the page labels it.
        name: String,
        /// What is wrong and what is allowed.
        message: String,
    },
    /// The ask/tell protocol was used out of order or with the wrong number of values.
    Protocol(String),
    /// Bad input data (a CSV file, an empty dataset, a single class…).
    Data {
        /// 1-based line of the problem, when there is one.
        line: Option<usize>,
        /// 1-based column of the problem, when there is one.
        column: Option<usize>,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// A setting error: `name` is the setting, `message` says what is allowed.
    pub fn setting(name: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Setting {
            name: name.into(),
            message: message.into(),
        }
    }

    /// A data error without a position.
    pub fn data(message: impl Into<String>) -> Self {
        Error::Data {
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// A data error at a 1-based line and (optionally) column.
    pub fn data_at(line: usize, column: Option<usize>, message: impl Into<String>) -> Self {
        Error::Data {
            line: Some(line),
            column,
            message: message.into(),
        }
    }
}

/// Written as its message, in `Error(…)`. (A derived `Debug` quotes strings with Rust's
/// escapes, which would bring Unicode's printable tables, ~10 KB, into the wasm module.)
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error({self})")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Setting { name, message } => write!(f, "{name}: {message}"),
            Error::Protocol(message) => write!(f, "protocol error: {message}"),
            Error::Data {
                line,
                column,
                message,
            } => match (line, column) {
                (Some(l), Some(c)) => write!(f, "line {l}, column {c}: {message}"),
                (Some(l), None) => write!(f, "line {l}: {message}"),
                _ => write!(f, "{message}"),
            },
        }
    }
}

impl std::error::Error for Error {}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;

/// Checks that a finite `value` lies in `[min, max]`, naming the setting otherwise.
pub fn check_range(name: &str, value: f64, min: f64, max: f64) -> Result<f64> {
    if value.is_finite() && value >= min && value <= max {
        Ok(value)
    } else {
        Err(Error::setting(
            name,
            format!(
                "must be a number from {} to {} (got {})",
                Num(min),
                Num(max),
                Num(value)
            ),
        ))
    }
}

/// Checks that a count lies in `[min, max]`, naming the setting otherwise.
pub fn check_count(name: &str, value: usize, min: usize, max: usize) -> Result<usize> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(Error::setting(
            name,
            format!("must be a whole number from {min} to {max} (got {value})"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_checks_name_the_setting_and_the_allowed_range() {
        assert_eq!(check_range("σ", 0.5, 0.0, 1.0), Ok(0.5));
        let err = check_range("σ", -1.0, 0.0, 1.0).unwrap_err();
        assert_eq!(err.to_string(), "σ: must be a number from 0 to 1 (got -1)");
        assert!(check_range("α", f64::NAN, 0.0, 1.0).is_err());
        assert!(check_count("population", 0, 2, 2000).is_err());
        assert_eq!(check_count("population", 50, 2, 2000), Ok(50));
    }

    #[test]
    fn data_errors_show_their_position() {
        assert_eq!(
            Error::data_at(3, Some(2), "not a number").to_string(),
            "line 3, column 2: not a number"
        );
        assert_eq!(
            Error::data_at(7, None, "ragged row").to_string(),
            "line 7: ragged row"
        );
    }
}
