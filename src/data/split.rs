//! Train / validation / test split of a dataset's rows.

use super::Target;
use super::strata::shuffled_classes;
use crate::error::check_range;
use crate::rng::{Rng, shuffle, uniform};
use crate::{Error, Result};

/// Row indices of each part, each list in increasing order; together they cover every row
/// exactly once.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// Rows the model learns from.
    pub train: Vec<usize>,
    /// Rows the search scores candidates on (empty when the validation share is 0).
    pub validation: Vec<usize>,
    /// Rows held back for the final score.
    pub test: Vec<usize>,
}

/// Allowed test shares.
pub const TEST_SHARE_RANGE: [f64; 2] = [0.05, 0.5];
/// Allowed validation shares.
pub const VALIDATION_SHARE_RANGE: [f64; 2] = [0.0, 0.5];

/// Splits the rows labelled by `target` at random: `test` share in [0.05, 0.5], `validation`
/// share in [0, 0.5], together at most 0.8. Each non-zero share gets at least one row, and
/// training at least one. For classification every part keeps the class proportions (within
/// a row or two per class).
pub fn train_test_split(
    target: &Target,
    validation: f64,
    test: f64,
    rng: &mut Rng,
) -> Result<Split> {
    let [min, max] = TEST_SHARE_RANGE;
    check_range("test share", test, min, max)?;
    let [min, max] = VALIDATION_SHARE_RANGE;
    check_range("validation share", validation, min, max)?;
    if validation + test > 0.8 {
        return Err(Error::setting(
            "validation share",
            "validation and test shares together may be at most 0.8, leaving 20% for training",
        ));
    }
    let n = target.len();
    let n_test = ((n as f64 * test).round() as usize).max(1);
    let n_validation = if validation == 0.0 {
        0
    } else {
        ((n as f64 * validation).round() as usize).max(1)
    };
    if n_test + n_validation >= n {
        return Err(Error::data(format!(
            "{n} rows are too few to split into training, validation and test sets"
        )));
    }
    let order = match target {
        Target::Classes { labels, .. } => interleaved_classes(labels, rng),
        Target::Values(_) => {
            let mut order: Vec<usize> = (0..n).collect();
            shuffle(rng, &mut order);
            order
        }
    };
    // Each part lists its rows in increasing order, read off a membership mask (no sort).
    let sorted = |rows: &[usize]| {
        let mut member = vec![false; n];
        rows.iter().for_each(|&row| member[row] = true);
        (0..n).filter(|&row| member[row]).collect::<Vec<_>>()
    };
    Ok(Split {
        test: sorted(&order[..n_test]),
        validation: sorted(&order[n_test..n_test + n_validation]),
        train: sorted(&order[n_test + n_validation..]),
    })
}

/// A random order of all rows in which every prefix holds each class in proportion (within
/// one row): class members are spread evenly, with a random phase, over [0, 1).
fn interleaved_classes(labels: &[usize], rng: &mut Rng) -> Vec<usize> {
    let mut keyed: Vec<(f64, usize)> = Vec::with_capacity(labels.len());
    for (_, rows) in shuffled_classes(labels, rng) {
        let phase = uniform(rng, 0.0, 1.0);
        let m = rows.len() as f64;
        keyed.extend(
            rows.iter()
                .enumerate()
                .map(|(j, &row)| ((j as f64 + phase) / m, row)),
        );
    }
    let keys: Vec<f64> = keyed.iter().map(|&(key, _)| key).collect();
    crate::ranking::ascending(&keys)
        .into_iter()
        .map(|i| keyed[i].1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::seeded;

    fn classes(labels: Vec<usize>) -> Target {
        Target::Classes {
            labels,
            class_names: vec!["A".into(), "B".into(), "C".into()],
        }
    }

    fn count(rows: &[usize], labels: &[usize], class: usize) -> usize {
        rows.iter().filter(|&&i| labels[i] == class).count()
    }

    #[test]
    fn parts_cover_every_row_once_with_the_asked_sizes() {
        let target = Target::Values(vec![0.0; 100]);
        let split = train_test_split(&target, 0.2, 0.1, &mut seeded(1)).unwrap();
        assert_eq!(
            (split.train.len(), split.validation.len(), split.test.len()),
            (70, 20, 10)
        );
        let mut all = [split.train, split.validation, split.test].concat();
        all.sort_unstable();
        assert_eq!(all, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn classification_parts_keep_class_proportions() {
        let labels: Vec<usize> = (0..200)
            .map(|i| {
                if i < 100 {
                    0
                } else if i < 160 {
                    1
                } else {
                    2
                }
            })
            .collect();
        let split = train_test_split(&classes(labels.clone()), 0.25, 0.25, &mut seeded(3)).unwrap();
        for (part, expected) in [
            (&split.test, [25, 15, 10]),
            (&split.validation, [25, 15, 10]),
        ] {
            for (class, want) in expected.into_iter().enumerate() {
                let got = count(part, &labels, class);
                assert!(got.abs_diff(want) <= 2, "class {class}: {got}");
            }
        }
    }

    #[test]
    fn same_seed_same_split() {
        let target = classes((0..50).map(|i| i % 3).collect());
        let split = |seed| train_test_split(&target, 0.0, 0.3, &mut seeded(seed)).unwrap();
        assert_eq!(split(5), split(5));
        assert_ne!(split(5), split(6));
        assert!(split(5).validation.is_empty());
    }

    #[test]
    fn shares_are_validated() {
        let target = Target::Values(vec![0.0; 10]);
        let mut rng = seeded(0);
        assert_eq!(
            train_test_split(&target, 0.0, 0.6, &mut rng)
                .unwrap_err()
                .to_string(),
            "test share: must be a number from 0.05 to 0.5 (got 0.6)"
        );
        assert!(train_test_split(&target, 0.5, 0.5, &mut rng).is_err());
        assert_eq!(
            train_test_split(&Target::Values(vec![0.0; 2]), 0.1, 0.1, &mut rng)
                .unwrap_err()
                .to_string(),
            "2 rows are too few to split into training, validation and test sets"
        );
    }
}
