//! Reading the target column as classes or values.
//!
//! Automatic choice: text (any cell that is not a number) means classes, in order of first
//! appearance; whole numbers with at most [`AUTO_MAX_CLASSES`] distinct values mean classes,
//! in increasing order; any other numbers mean regression.

use std::borrow::Cow;

use super::cell::{is_numeric, number, shown};
use super::{MAX_CLASSES, TargetKind};
use crate::data::Target;
use crate::{Error, Result};

/// Most distinct whole numbers that are taken as classes when the kind is automatic.
pub const AUTO_MAX_CLASSES: usize = 10;
/// Largest magnitude up to which every whole `f64` is exact.
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

/// The target cells of every data row, with their lines, read from 1-based `column`.
pub(super) fn read_target(
    cells: &[(usize, Cow<str>)],
    column: usize,
    kind: TargetKind,
) -> Result<Target> {
    if let Some((line, _)) = cells.iter().find(|(_, text)| text.is_empty()) {
        return Err(Error::data_at(*line, Some(column), "empty target cell"));
    }
    let numeric = cells.iter().all(|(_, text)| is_numeric(text));
    match kind {
        TargetKind::Regression => values(cells, column),
        TargetKind::Auto if !numeric => text_classes(cells, column, MAX_CLASSES),
        TargetKind::Auto => match whole_numbers(cells) {
            Some(keys) => match integer_classes(keys, column, AUTO_MAX_CLASSES) {
                Ok(target) => Ok(target),
                Err(_) => values(cells, column),
            },
            None => values(cells, column),
        },
        TargetKind::Classification => match whole_numbers(cells) {
            Some(keys) => integer_classes(keys, column, MAX_CLASSES),
            None => text_classes(cells, column, MAX_CLASSES),
        },
    }
}

fn values(cells: &[(usize, Cow<str>)], column: usize) -> Result<Target> {
    let values = cells
        .iter()
        .map(|(line, text)| number(text, *line, column))
        .collect::<Result<_>>()?;
    Ok(Target::Values(values))
}

/// Every cell as an exact whole number, or `None`.
fn whole_numbers(cells: &[(usize, Cow<str>)]) -> Option<Vec<(usize, i64)>> {
    cells
        .iter()
        .map(|(line, text)| {
            let value: f64 = text.parse().ok()?;
            let whole = value.fract() == 0.0 && value.abs() <= EXACT_INTEGERS;
            whole.then_some((*line, value as i64))
        })
        .collect()
}

/// Classes named by the cell text, in order of first appearance.
fn text_classes(cells: &[(usize, Cow<str>)], column: usize, limit: usize) -> Result<Target> {
    let keys = cells.iter().map(|(line, text)| (*line, text.as_ref()));
    let (labels, names) = first_appearance(keys, column, limit)?;
    Ok(Target::Classes {
        labels,
        class_names: names.into_iter().map(super::capped).collect(),
    })
}

/// Classes named by whole numbers, in increasing order.
fn integer_classes(keys: Vec<(usize, i64)>, column: usize, limit: usize) -> Result<Target> {
    let (labels, names) = first_appearance(keys, column, limit)?;
    // As f64 (exact below 2^53, far beyond any class count), so that the crate's one sort serves.
    let order = crate::ranking::ascending(&names.iter().map(|&k| k as f64).collect::<Vec<_>>());
    let mut rank = vec![0; names.len()];
    for (position, &k) in order.iter().enumerate() {
        rank[k] = position;
    }
    Ok(Target::Classes {
        labels: labels.into_iter().map(|l| rank[l]).collect(),
        class_names: order.iter().map(|&k| names[k].to_string()).collect(),
    })
}

/// Labels each key by the order in which its value first appears; more than `limit`
/// distinct values is an error at the first cell beyond it.
fn first_appearance<K: Ord + Copy + std::fmt::Display>(
    keys: impl IntoIterator<Item = (usize, K)>,
    column: usize,
    limit: usize,
) -> Result<(Vec<usize>, Vec<K>)> {
    // (key, label) in key order: at most `limit` + 1 keys, so a sorted list serves as well as
    // a BTreeMap, with 3 KB less of the wasm module (gzipped).
    let mut index: Vec<(K, usize)> = Vec::new();
    let mut names = Vec::new();
    let mut labels = Vec::new();
    for (line, key) in keys {
        let next = names.len();
        let label = match index.binary_search_by(|(known, _)| known.cmp(&key)) {
            Ok(found) => index[found].1,
            Err(at) => {
                index.insert(at, (key, next));
                next
            }
        };
        if label == next {
            if next == limit {
                return Err(Error::data_at(
                    line,
                    Some(column),
                    format!(
                        "{} would be class number {}; the limit is {limit} classes",
                        shown(&key.to_string()),
                        limit + 1
                    ),
                ));
            }
            names.push(key);
        }
        labels.push(label);
    }
    Ok((labels, names))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(texts: &[&'static str]) -> Vec<(usize, Cow<'static, str>)> {
        texts
            .iter()
            .enumerate()
            .map(|(i, &t)| (i + 2, Cow::Borrowed(t)))
            .collect()
    }

    fn classes(labels: &[usize], names: &[&str]) -> Target {
        Target::Classes {
            labels: labels.to_vec(),
            class_names: names.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn text_is_classes_in_order_of_appearance() {
        let got = read_target(&cells(&["dog", "cat", "dog", "1"]), 3, TargetKind::Auto).unwrap();
        assert_eq!(got, classes(&[0, 1, 0, 2], &["dog", "cat", "1"]));
    }

    #[test]
    fn few_whole_numbers_are_classes_in_increasing_order() {
        let got = read_target(&cells(&["2", "0", "2.0", "-1"]), 3, TargetKind::Auto).unwrap();
        assert_eq!(got, classes(&[2, 1, 2, 0], &["-1", "0", "2"]));
    }

    #[test]
    fn other_numbers_are_values_unless_classes_are_asked_for() {
        let texts: Vec<&'static str> =
            vec!["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"];
        let auto = read_target(&cells(&texts), 1, TargetKind::Auto).unwrap();
        assert!(matches!(auto, Target::Values(_)));
        let forced = read_target(&cells(&texts), 1, TargetKind::Classification).unwrap();
        assert_eq!(forced.n_classes(), Some(11));
        let fractions = read_target(&cells(&["0.5", "1"]), 1, TargetKind::Auto).unwrap();
        assert_eq!(fractions, Target::Values(vec![0.5, 1.0]));
        let as_text = read_target(&cells(&["0.5", "1"]), 1, TargetKind::Classification).unwrap();
        assert_eq!(as_text, classes(&[0, 1], &["0.5", "1"]));
    }

    #[test]
    fn problems_name_the_cell() {
        let error = |texts, kind| read_target(&cells(texts), 4, kind).unwrap_err().to_string();
        assert_eq!(
            error(&["1", ""], TargetKind::Auto),
            "line 3, column 4: empty target cell"
        );
        assert_eq!(
            error(&["1", "inf"], TargetKind::Auto),
            "line 3, column 4: \"inf\" is not a finite number"
        );
        assert_eq!(
            error(&["1", "x"], TargetKind::Regression),
            "line 3, column 4: \"x\" is not a number"
        );
    }
}
