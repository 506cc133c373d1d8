//! The crate's one error type. Every message names the setting (or the place in the data)
//! and what would be accepted instead, so the page can show it to the user as it is.

use crate::text::Num;
use std::fmt;

/// Everything that can go wrong in the core, as a value rather than a panic. Boxed, so that
/// a [`Result`] is as small as its value plus a pointer: every `?` in the core then moves a
/// pointer, not the whole error (the wasm module is 6.8 KB smaller gzipped).
#[derive(Clone, PartialEq)]
pub struct Error(Box<ErrorKind>);

/// What went wrong: [`Error::kind`].
#[derive(Clone, PartialEq)]
pub enum ErrorKind {
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
        Error::from(ErrorKind::Setting {
            name: name.into(),
            message: message.into(),
        })
    }

    /// A protocol error (the ask/tell protocol used out of order).
    pub fn protocol(message: String) -> Self {
        Error::from(ErrorKind::Protocol(message))
    }

    /// A data error without a position.
    pub fn data(message: impl Into<String>) -> Self {
        Error::from(ErrorKind::Data {
            line: None,
            column: None,
            message: message.into(),
        })
    }

    /// A data error at a 1-based line and (optionally) column.
    pub fn data_at(line: usize, column: Option<usize>, message: impl Into<String>) -> Self {
        Error::from(ErrorKind::Data {
            line: Some(line),
            column,
            message: message.into(),
        })
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error(Box::new(kind))
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
        match self.kind() {
            ErrorKind::Setting { name, message } => write!(f, "{name}: {message}"),
            ErrorKind::Protocol(message) => write!(f, "protocol error: {message}"),
            ErrorKind::Data {
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
