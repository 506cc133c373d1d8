//! Guessing the file's shape: text encoding, delimiter and whether the first row is a header.

use std::borrow::Cow;

use super::cell::is_numeric;
use super::records::{Records, line_breaks};
use crate::{Error, Result};

/// Delimiters tried, in order of preference.
const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];
/// Records looked at to choose the delimiter.
const SNIFFED_RECORDS: usize = 10;

/// The text of `bytes` without a UTF-8 byte order mark; an error names the first line that
/// is not UTF-8.
pub(super) fn decode(bytes: &[u8]) -> Result<&str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + line_breaks(&bytes[..e.valid_up_to()]);
        Error::data_at(
            line,
            None,
            "the file is not UTF-8 text; save it as UTF-8 CSV",
        )
    })
}

/// The delimiter that splits the first records into the same number (at least 2) of fields,
/// the one giving the most fields if several do; a comma if none does.
pub(super) fn delimiter(text: &str, max_fields: usize) -> u8 {
    let mut best = (b',', 0);
    for delimiter in DELIMITERS {
        let mut counts = Records::new(text, delimiter, max_fields)
            .take(SNIFFED_RECORDS)
            .map(|record| record.map_or(0, |r| r.fields.len()));
        let Some(first) = counts.next() else { break };
        if first >= 2 && counts.all(|c| c == first) && first > best.1 {
            best = (delimiter, first);
        }
    }
    best.0
}

/// A first row is a header if all its non-empty cells are words (not numbers), or if one of
/// its cells is a word above a number in the second row.
pub(super) fn looks_like_header(first: &[Cow<str>], second: Option<&[Cow<str>]>) -> bool {
    let word = |cell: &str| !cell.is_empty() && !is_numeric(cell);
    let all_words = first.iter().any(|c| word(c)) && first.iter().all(|c| c.is_empty() || word(c));
    let word_over_number = second.is_some_and(|second| {
        first
            .iter()
            .zip(second)
            .any(|(above, below)| word(above) && is_numeric(below))
    });
    all_words || word_over_number
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_consistent_delimiter_with_most_fields_wins() {
        assert_eq!(delimiter("a,b,c\n1,2,3\n", 100), b',');
        assert_eq!(delimiter("a;b\n1,5;2,5\n", 100), b';');
        assert_eq!(delimiter("x\ty\tlabel\n1\t2\tred, big\n", 100), b'\t');
        assert_eq!(delimiter("1;2;red, big\n3;4;blue, small\n", 100), b';');
        assert_eq!(delimiter("just one column\n", 100), b',');
        assert_eq!(delimiter("", 100), b',');
    }

    #[test]
    fn headers_are_words_above_numbers() {
        let row =
            |cells: &[&'static str]| cells.iter().map(|&c| Cow::Borrowed(c)).collect::<Vec<_>>();
        assert!(looks_like_header(
            &row(&["x", "y", "class"]),
            Some(&row(&["1", "2", "a"]))
        ));
        assert!(looks_like_header(
            &row(&["", "2019", "label"]),
            Some(&row(&["0", "1", "2"]))
        ));
        assert!(!looks_like_header(
            &row(&["1", "2", "a"]),
            Some(&row(&["3", "4", "b"]))
        ));
        assert!(!looks_like_header(
            &row(&["1", "", "3"]),
            Some(&row(&["3", "4", "5"]))
        ));
        assert!(looks_like_header(&row(&["x", "y"]), None));
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_bad_bytes_are_placed() {
        assert_eq!(decode(b"\xEF\xBB\xBFx,y"), Ok("x,y"));
        assert_eq!(
            decode(b"x,y\r\n1,2\n\xFF,3").unwrap_err().to_string(),
            "line 3: the file is not UTF-8 text; save it as UTF-8 CSV"
        );
    }
}
