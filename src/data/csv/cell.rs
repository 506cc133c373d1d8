//! Reading one cell as a number, with an error that names its place.

use crate::data::MAX_MAGNITUDE;
use crate::text::{Num, part};
use crate::{Error, Result};

/// Longest cell text quoted in an error message.
const SHOWN_CHARS: usize = 24;

/// The finite number in `text`, or an error at `line`, `column`.
pub(super) fn number(text: &str, line: usize, column: usize) -> Result<f64> {
    let problem = match text.parse::<f64>() {
        Ok(value) if value.abs() <= MAX_MAGNITUDE => return Ok(value),
        Ok(value) if value.is_finite() => format!(
            "{} is too large: numbers are read up to ±{}",
            shown(text),
            Num(MAX_MAGNITUDE)
        ),
        Ok(_) => format!("{} is not a finite number", shown(text)),
        Err(_) if text.is_empty() => "empty cell, expected a number".to_string(),
        Err(_) => format!("{} is not a number", shown(text)),
    };
    Err(Error::data_at(line, Some(column), problem))
}

/// True for cells that parse as numbers (including NaN and infinities).
pub(super) fn is_numeric(text: &str) -> bool {
    text.parse::<f64>().is_ok()
}

/// `text` in quotes for a message, shortened if long, control characters escaped as `{:?}`
/// writes them. Written out: `{:?}` of a string brings Unicode's printable tables (~10 KB of
/// the wasm module) to escape characters no CSV cell holds.
pub(super) fn shown(text: &str) -> String {
    let (text, more) = match text.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => (part(text, ..cut), "…"),
        None => (text, ""),
    };
    let mut out = String::from('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push_str(more);
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_as_debug_quotes_them() {
        for text in [
            "abc",
            "",
            "a \"quoted\" \\ back",
            "tab\there\r\n\0\u{7}\u{1b}\u{85}",
            "été ∑ 日本 🙂 it's",
        ] {
            assert_eq!(shown(text), format!("{text:?}"));
        }
        let long = "x\"".repeat(20);
        let cut: String = long.chars().take(SHOWN_CHARS).collect();
        assert_eq!(shown(&long), format!("{:?}", format!("{cut}…")));
    }

    #[test]
    fn numbers_and_their_problems() {
        assert_eq!(number("-1.5e2", 1, 1), Ok(-150.0));
        let message = |text| number(text, 2, 3).unwrap_err().to_string();
        assert_eq!(
            message(""),
            "line 2, column 3: empty cell, expected a number"
        );
        assert_eq!(message("abc"), "line 2, column 3: \"abc\" is not a number");
        assert_eq!(
            message("NaN"),
            "line 2, column 3: \"NaN\" is not a finite number"
        );
        assert_eq!(
            message("1e999"),
            "line 2, column 3: \"1e999\" is not a finite number"
        );
        assert_eq!(
            message("a very long cell that goes on and on"),
            "line 2, column 3: \"a very long cell that go…\" is not a number"
        );
    }
}
