//! The user's CSV file, read into a [`Dataset`].
//!
//! Accepted: UTF-8 (a byte order mark is dropped); fields separated by commas, or by
//! semicolons or tabs when those split the first rows consistently; fields in double quotes
//! may hold delimiters, line breaks and `""` for a quote; blank lines are skipped. The first
//! row is a header when detected (see [`HeaderRow::Auto`]) or when forced. One column is the
//! target (by default the last); every other column must hold finite numbers. Column names
//! and class names longer than [`MAX_NAME_CHARS`] characters are cut there and end in "…"
//! (the page shows them in legends and beside the network, where longer ones cannot fit).
//!
//! Every problem is an [`Error`] naming its line (and column, counted from 1, when there is
//! one). Parsing takes time and memory linear in the input and never panics.

mod cell;
mod records;
mod sniff;
mod target;

use std::borrow::Cow;

use super::{Dataset, MAX_ROWS};
use crate::text::{Num, part};
use crate::{Error, Result};
use records::{Record, Records};
pub use target::AUTO_MAX_CLASSES;

/// Most columns (features and target) a file may have.
pub const MAX_COLUMNS: usize = 100;
/// Most classes a classification target may have.
pub const MAX_CLASSES: usize = 100;
/// Largest file read, in bytes (50 MB, room for the largest table allowed): a larger file is
/// refused by its size, before it is read into memory.
pub const MAX_CSV_BYTES: usize = 50_000_000;

/// Refuses a file of `size` bytes when it is larger than [`MAX_CSV_BYTES`] (the page asks
/// before it reads the file).
pub fn check_csv_size(size: f64) -> Result<()> {
    if size <= MAX_CSV_BYTES as f64 {
        return Ok(());
    }
    // Up to the next tenth (50.1 MB, never "50 MB" for one byte over); `Num`, not `{:.1}`,
    // keeps exact-digit float formatting (about 9 KB gzipped) out of the wasm module.
    let tenths = |x: f64| Num((x * 10.0).ceil() / 10.0);
    let shown = if size >= 1e9 {
        format!("{} GB", tenths(size / 1e9))
    } else {
        format!("{} MB", tenths(size / 1e6))
    };
    Err(Error::data(format!(
        "the file is {shown}; files up to {} MB are read",
        MAX_CSV_BYTES / 1_000_000
    )))
}

/// Longest column or class name kept, in characters; a longer one is cut and ends in "…".
pub const MAX_NAME_CHARS: usize = 200;

/// `name`, cut to [`MAX_NAME_CHARS`] characters (the last one "…") when longer.
fn capped(name: &str) -> String {
    match name.char_indices().nth(MAX_NAME_CHARS - 1) {
        Some((end, _)) if name.chars().count() > MAX_NAME_CHARS => {
            format!("{}…", part(name, ..end))
        }
        _ => name.to_string(),
    }
}

/// Whether the first row holds column names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HeaderRow {
    /// Decide from the data: a header if every non-empty cell of the first row is text, or if
    /// one of its text cells sits above a number in the second row.
    #[default]
    Auto,
    /// The first row is a header.
    Present,
    /// The first row is data.
    Absent,
}

crate::named_choices!(HeaderRow {
    "auto" => Auto,
    "present" => Present,
    "absent" => Absent,
});

/// How to read the target column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TargetKind {
    /// Classes if any cell is text or if the cells are whole numbers with at most
    /// [`AUTO_MAX_CLASSES`] distinct values; regression otherwise.
    #[default]
    Auto,
    /// Classes: whole numbers in increasing order, any other text in order of appearance.
    Classification,
    /// Values: every cell must be a finite number.
    Regression,
}

crate::named_choices!(TargetKind {
    "auto" => Auto,
    "classification" => Classification,
    "regression" => Regression,
});

/// How to read a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvOptions {
    /// The dataset's display name (e.g. the file name).
    pub name: String,
    /// Whether the first row is a header.
    pub header: HeaderRow,
    /// The 0-based target column; `None` means the last one.
    pub target_column: Option<usize>,
    /// How to read the target column.
    pub target_kind: TargetKind,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            name: "CSV file".to_string(),
            header: HeaderRow::default(),
            target_column: None,
            target_kind: TargetKind::default(),
        }
    }
}

/// A CSV file read into a dataset, with what was detected about its format.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedCsv {
    /// The rows: every column but the target as features.
    pub dataset: Dataset,
    /// Every column's name, the target's included ("column 1"… without a header).
    pub column_names: Vec<String>,
    /// The 0-based target column.
    pub target_column: usize,
    /// Whether the first row was read as a header.
    pub has_header: bool,
    /// The field delimiter found: ',', ';' or '\t'.
    pub delimiter: char,
}

/// Reads a CSV file (see the module documentation for the accepted format).
pub fn parse_csv(bytes: &[u8], options: &CsvOptions) -> Result<ParsedCsv> {
    check_csv_size(bytes.len() as f64)?;
    let text = sniff::decode(bytes)?;
    let delimiter = sniff::delimiter(text, MAX_COLUMNS);
    let mut records = Records::new(text, delimiter, MAX_COLUMNS);
    let first = records
        .next()
        .ok_or_else(|| Error::data("the file is empty"))??;
    let width = first.fields.len();
    if width < 2 {
        return Err(Error::data_at(
            first.line,
            None,
            "only one column; a dataset needs at least one feature column and a target column",
        ));
    }
    let target_column = match options.target_column {
        None => width - 1,
        Some(column) if column < width => column,
        Some(column) => {
            return Err(Error::setting(
                "target column",
                format!(
                    "must be a column number from 1 to {width} (got {})",
                    column.saturating_add(1)
                ),
            ));
        }
    };
    let second = records.next().transpose()?;
    let has_header = match options.header {
        HeaderRow::Present => true,
        HeaderRow::Absent => false,
        HeaderRow::Auto => {
            sniff::looks_like_header(&first.fields, second.as_ref().map(|r| &r.fields[..]))
        }
    };
    let column_names = if has_header {
        first
            .fields
            .iter()
            .enumerate()
            .map(|(j, name)| column_name(j, name))
            .collect()
    } else {
        (0..width).map(|j| column_name(j, "")).collect::<Vec<_>>()
    };
    let mut rows = Rows::new(width, target_column);
    if !has_header {
        rows.push(first)?;
    }
    for record in second.into_iter().map(Ok).chain(records) {
        rows.push(record?)?;
    }
    if rows.targets.is_empty() {
        return Err(Error::data("the file has a header row but no data rows"));
    }
    let target = target::read_target(&rows.targets, target_column + 1, options.target_kind)?;
    let feature_names = column_names
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != target_column)
        .map(|(_, name)| name.clone())
        .collect();
    let dataset = Dataset::new(options.name.clone(), rows.features, feature_names, target)?;
    Ok(ParsedCsv {
        dataset,
        column_names,
        target_column,
        has_header,
        delimiter: delimiter.into(),
    })
}

/// A header cell as a column name, "column j" (1-based) when empty.
fn column_name(j: usize, header: &str) -> String {
    match header.trim() {
        "" => format!("column {}", j + 1),
        name => capped(name),
    }
}

/// Data rows collected so far: features row-major, target cells kept as text with their line.
struct Rows<'a> {
    width: usize,
    target_column: usize,
    features: Vec<f64>,
    targets: Vec<(usize, Cow<'a, str>)>,
}

impl<'a> Rows<'a> {
    fn new(width: usize, target_column: usize) -> Self {
        Rows {
            width,
            target_column,
            features: Vec::new(),
            targets: Vec::new(),
        }
    }

    fn push(&mut self, record: Record<'a>) -> Result<()> {
        let line = record.line;
        if record.fields.len() != self.width {
            return Err(Error::data_at(
                line,
                None,
                format!(
                    "has {} fields, expected {}",
                    record.fields.len(),
                    self.width
                ),
            ));
        }
        if self.targets.len() == MAX_ROWS {
            return Err(Error::data_at(
                line,
                None,
                format!("more than {MAX_ROWS} data rows (the limit is {MAX_ROWS})"),
            ));
        }
        for (j, field) in record.fields.into_iter().enumerate() {
            if j == self.target_column {
                self.targets.push((line, field));
            } else {
                self.features.push(cell::number(&field, line, j + 1)?);
            }
        }
        Ok(())
    }
}
