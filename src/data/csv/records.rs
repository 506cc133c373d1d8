//! Splits CSV text into records of fields: quoted fields (with `""` for a quote and line
//! breaks inside), `\n`, `\r\n` or `\r` line ends, and blank lines skipped. Linear time;
//! unquoted fields borrow from the text.

use std::borrow::Cow;

use crate::text::part;
use crate::{Error, Result};

/// One non-blank record: the line it starts on and its fields (trimmed unless quoted).
pub(super) struct Record<'a> {
    pub line: usize,
    pub fields: Vec<Cow<'a, str>>,
}

/// An iterator over the records of a text; stops after the first error.
pub(super) struct Records<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    delimiter: u8,
    max_fields: usize,
}

impl<'a> Records<'a> {
    /// Records of `text` split at `delimiter` (an ASCII byte); a record with more than
    /// `max_fields` fields is an error.
    pub fn new(text: &'a str, delimiter: u8, max_fields: usize) -> Self {
        Records {
            text,
            pos: 0,
            line: 1,
            delimiter,
            max_fields,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// Spaces, and tabs unless tab is the delimiter.
    fn is_space(&self, byte: u8) -> bool {
        byte == b' ' || (byte == b'\t' && self.delimiter != b'\t')
    }

    /// Moves past blank lines; false at the end of the text.
    fn skip_blank_lines(&mut self) -> bool {
        loop {
            let rest = &self.bytes()[self.pos..];
            let blanks = rest
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
            match rest.get(blanks) {
                None => {
                    self.pos = self.text.len();
                    return false;
                }
                Some(b'\n' | b'\r') => {
                    self.pos += blanks;
                    self.end_line();
                }
                Some(_) => return true,
            }
        }
    }

    /// Moves past the line end at `pos`, if any.
    fn end_line(&mut self) {
        match self.bytes().get(self.pos..self.pos + 2) {
            Some(b"\r\n") => self.pos += 2,
            _ if self.pos < self.text.len() => self.pos += 1,
            _ => return,
        }
        self.line += 1;
    }

    fn record(&mut self) -> Result<Record<'a>> {
        let line = self.line;
        let mut fields = Vec::new();
        loop {
            fields.push(self.field(fields.len() + 1)?);
            if fields.len() > self.max_fields {
                let limit = self.max_fields;
                return Err(Error::data_at(
                    line,
                    None,
                    format!("more than {limit} columns (the limit is {limit})"),
                ));
            }
            match self.bytes().get(self.pos) {
                Some(&b) if b == self.delimiter => self.pos += 1,
                _ => {
                    self.end_line();
                    return Ok(Record { line, fields });
                }
            }
        }
    }

    /// The field starting at `pos`, leaving `pos` on the delimiter or line end after it.
    fn field(&mut self, column: usize) -> Result<Cow<'a, str>> {
        let bytes = self.bytes();
        let start = self.pos;
        let content = start
            + bytes[start..]
                .iter()
                .take_while(|&&b| self.is_space(b))
                .count();
        if bytes.get(content) == Some(&b'"') {
            return self.quoted(content + 1, column);
        }
        let end = bytes[start..]
            .iter()
            .position(|&b| b == self.delimiter || b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |p| start + p);
        self.pos = end;
        Ok(Cow::Borrowed(part(self.text, start..end).trim()))
    }

    /// A quoted field whose content starts at `open`.
    fn quoted(&mut self, open: usize, column: usize) -> Result<Cow<'a, str>> {
        let (text, bytes) = (self.text, self.bytes());
        let start_line = self.line;
        let mut unescaped: Option<String> = None;
        let mut segment = open;
        let mut p = open;
        let close = loop {
            let Some(q) = bytes[p..].iter().position(|&b| b == b'"').map(|i| p + i) else {
                return Err(Error::data_at(
                    start_line,
                    Some(column),
                    "a quoted field is never closed",
                ));
            };
            if bytes.get(q + 1) == Some(&b'"') {
                unescaped
                    .get_or_insert_with(String::new)
                    .push_str(part(text, segment..=q));
                p = q + 2;
                segment = p;
            } else {
                break q;
            }
        };
        self.line += line_breaks(&bytes[open..close]);
        let value = match unescaped {
            Some(mut value) => {
                value.push_str(part(text, segment..close));
                Cow::Owned(value)
            }
            None => Cow::Borrowed(part(text, open..close)),
        };
        let after = close
            + 1
            + bytes[close + 1..]
                .iter()
                .take_while(|&&b| self.is_space(b))
                .count();
        match bytes.get(after) {
            Some(&b) if b != self.delimiter && b != b'\n' && b != b'\r' => Err(Error::data_at(
                self.line,
                Some(column),
                "unexpected text after a closing quote",
            )),
            _ => {
                self.pos = after;
                Ok(value)
            }
        }
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<Record<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if !self.skip_blank_lines() {
            return None;
        }
        let record = self.record();
        if record.is_err() {
            self.pos = self.text.len();
        }
        Some(record)
    }
}

/// Number of line ends in `bytes` (`\r\n` counts once).
pub(super) fn line_breaks(bytes: &[u8]) -> usize {
    let lf = bytes.iter().filter(|&&b| b == b'\n').count();
    let lone_cr = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
        .count();
    lf + lone_cr
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, delimiter: u8) -> Vec<(usize, Vec<String>)> {
        Records::new(text, delimiter, 10)
            .map(|r| r.map(|r| (r.line, r.fields.iter().map(|f| f.to_string()).collect())))
            .collect::<Result<_>>()
            .unwrap()
    }

    #[test]
    fn fields_are_split_trimmed_and_unquoted() {
        let text = "a, b ,\"c,d\"\r\n\n  \n\"say \"\"hi\"\"\", \"x\ny\" ,z\r1;2";
        assert_eq!(
            split(text, b','),
            [
                (1, vec!["a".into(), "b".into(), "c,d".into()]),
                (4, vec!["say \"hi\"".into(), "x\ny".into(), "z".into()]),
                (6, vec!["1;2".into()]),
            ]
        );
        assert_eq!(
            split("1;2\t3\n", b';'),
            [(1, vec!["1".into(), "2\t3".into()])]
        );
        assert_eq!(
            split("1\t\t3", b'\t'),
            [(1, vec!["1".into(), "".into(), "3".into()])]
        );
    }

    #[test]
    fn quoting_problems_are_errors_with_their_place() {
        let first = |text: &str| Records::new(text, b',', 10).last().unwrap().err().unwrap();
        assert_eq!(
            first("1,2\n3,\"4").to_string(),
            "line 2, column 2: a quoted field is never closed"
        );
        assert_eq!(
            first("1,\"a\nb\"c,3").to_string(),
            "line 2, column 2: unexpected text after a closing quote"
        );
        assert_eq!(
            first("1,2,3,4,5,6,7,8,9,10,11").to_string(),
            "line 1: more than 10 columns (the limit is 10)"
        );
    }

    #[test]
    fn line_ends_are_counted_once_each() {
        assert_eq!(line_breaks(b"a\r\nb\nc\rd\r"), 4);
    }
}
