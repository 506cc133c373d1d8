//! A dataset: rows of numeric features, each labelled with a class or a value.

use crate::text::Num;
use crate::{Error, Result};

/// Most rows a dataset may hold, whether read from a CSV file or drawn by hand.
pub const MAX_ROWS: usize = 100_000;
/// Largest magnitude of a feature or target value: sums of squares over [`MAX_ROWS`] rows
/// (for standardizing) stay finite.
pub const MAX_MAGNITUDE: f64 = 1e150;

/// The class index `value` names among `classes` classes: a whole number from 0 to
/// `classes` − 1 (1.5, −1, NaN or 2³² is refused, never truncated or wrapped).
pub fn class_index(value: f64, classes: usize) -> Result<usize> {
    if value.fract() == 0.0 && value >= 0.0 && value < classes as f64 {
        return Ok(value as usize);
    }
    Err(Error::setting(
        "class",
        format!(
            "must be a class number from 0 to {} (got {})",
            classes.saturating_sub(1),
            Num(value)
        ),
    ))
}

/// What each row is labelled with.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// Classification: `labels[i]` indexes `class_names`.
    Classes {
        /// One class index per row.
        labels: Vec<usize>,
        /// The name of each class, by index.
        class_names: Vec<String>,
    },
    /// Regression: one value per row.
    Values(Vec<f64>),
}

impl Target {
    /// Number of rows labelled.
    pub fn len(&self) -> usize {
        match self {
            Target::Classes { labels, .. } => labels.len(),
            Target::Values(values) => values.len(),
        }
    }

    /// True when no row is labelled.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of class names for classification, `None` for regression.
    pub fn n_classes(&self) -> Option<usize> {
        match self {
            Target::Classes { class_names, .. } => Some(class_names.len()),
            Target::Values(_) => None,
        }
    }

    /// Removes the last row's label.
    fn pop(&mut self) {
        match self {
            Target::Classes { labels, .. } => {
                labels.pop();
            }
            Target::Values(values) => {
                values.pop();
            }
        }
    }
}

/// A validated dataset: at least one row and one feature, every number finite, and for
/// classification at least two classes present. Features are stored row-major (n × d).
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    name: String,
    features: Vec<f64>,
    feature_names: Vec<String>,
    target: Target,
}

impl Dataset {
    /// Builds a dataset from row-major `features` (one row per target entry, one column per
    /// feature name), checking every invariant listed on [`Dataset`].
    pub fn new(
        name: impl Into<String>,
        features: Vec<f64>,
        feature_names: Vec<String>,
        target: Target,
    ) -> Result<Self> {
        Self::checked(name.into(), features, feature_names, target)
    }

    /// [`Dataset::new`] past its one generic argument (one copy in the wasm module).
    fn checked(
        name: String,
        features: Vec<f64>,
        feature_names: Vec<String>,
        target: Target,
    ) -> Result<Self> {
        let n = target.len();
        let d = feature_names.len();
        if d == 0 {
            return Err(Error::data("a dataset needs at least one feature column"));
        }
        if n == 0 {
            return Err(Error::data("the dataset has no rows"));
        }
        if n.checked_mul(d) != Some(features.len()) {
            return Err(Error::data(format!(
                "{} feature values do not fill {n} rows of {d} features",
                features.len()
            )));
        }
        if let Some(i) = features.iter().position(|v| !within_magnitude(*v)) {
            return Err(Error::data(format!(
                "row {}, feature \"{}\": {} is not a finite number within ±{}",
                i / d + 1,
                feature_names[i % d],
                Num(features[i]),
                Num(MAX_MAGNITUDE)
            )));
        }
        check_target(&target)?;
        Ok(Dataset {
            name,
            features,
            feature_names,
            target,
        })
    }

    /// The dataset's display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Number of rows (always at least 1).
    pub fn n_rows(&self) -> usize {
        self.target.len()
    }

    /// Number of feature columns (always at least 1).
    pub fn n_features(&self) -> usize {
        self.feature_names.len()
    }

    /// All features, row-major (`n_rows × n_features`).
    pub fn features(&self) -> &[f64] {
        &self.features
    }

    /// The features of row `i` (panics if `i >= n_rows()`).
    pub fn row(&self, i: usize) -> &[f64] {
        let d = self.n_features();
        &self.features[i * d..(i + 1) * d]
    }

    /// One name per feature column.
    pub fn feature_names(&self) -> &[String] {
        &self.feature_names
    }

    /// The labels.
    pub fn target(&self) -> &Target {
        &self.target
    }

    /// Adds a point drawn by hand to a 2-D dataset. For classification `class_or_value` is a
    /// class index (a whole number below the number of classes); for regression, the value.
    pub fn push_point(&mut self, x: f64, y: f64, class_or_value: f64) -> Result<()> {
        if self.n_features() != 2 {
            return Err(Error::data(format!(
                "points can only be drawn on a 2-D dataset (this one has {} features)",
                self.n_features()
            )));
        }
        if self.n_rows() >= MAX_ROWS {
            return Err(Error::data(format!(
                "a dataset holds at most {MAX_ROWS} rows"
            )));
        }
        if !(x.is_finite() && y.is_finite()) {
            return Err(Error::data(format!(
                "the point ({}, {}) is not finite",
                Num(x),
                Num(y)
            )));
        }
        match &mut self.target {
            Target::Classes {
                labels,
                class_names,
            } => {
                labels.push(class_index(class_or_value, class_names.len())?);
            }
            Target::Values(values) => {
                if !class_or_value.is_finite() {
                    return Err(Error::setting(
                        "value",
                        format!("must be a finite number (got {})", Num(class_or_value)),
                    ));
                }
                values.push(class_or_value);
            }
        }
        self.features.extend([x, y]);
        Ok(())
    }

    /// Removes the last row, refusing when that would leave the dataset empty or, for
    /// classification, with fewer than two classes present.
    pub fn pop_point(&mut self) -> Result<()> {
        let n = self.n_rows();
        if n == 1 {
            return Err(Error::data("cannot remove the last point of the dataset"));
        }
        if let Target::Classes {
            labels,
            class_names,
        } = &self.target
        {
            let last = labels[n - 1];
            if classes_present(&labels[..n - 1]) < 2 {
                return Err(Error::data(format!(
                    "cannot remove the last point of class \"{}\": classification needs at \
                     least 2 classes",
                    class_names[last]
                )));
            }
        }
        self.target.pop();
        self.features.truncate((n - 1) * self.n_features());
        Ok(())
    }
}

/// Checks labels against class names (and at least two classes present), or values finite.
/// Finite, and at most [`MAX_MAGNITUDE`] in size.
fn within_magnitude(value: f64) -> bool {
    value.abs() <= MAX_MAGNITUDE
}

fn check_target(target: &Target) -> Result<()> {
    match target {
        Target::Classes {
            labels,
            class_names,
        } => {
            let k = class_names.len();
            if let Some(i) = labels.iter().position(|&l| l >= k) {
                return Err(Error::data(format!(
                    "row {}: class {} does not exist (there are {k} classes)",
                    i + 1,
                    labels[i]
                )));
            }
            if classes_present(labels) < 2 {
                return Err(Error::data(format!(
                    "only one class (\"{}\") is present; classification needs at least 2 classes",
                    class_names[labels[0]]
                )));
            }
        }
        Target::Values(values) => {
            if let Some(i) = values.iter().position(|v| !within_magnitude(*v)) {
                return Err(Error::data(format!(
                    "row {}: the target {} is not a finite number within ±{}",
                    i + 1,
                    Num(values[i]),
                    Num(MAX_MAGNITUDE)
                )));
            }
        }
    }
    Ok(())
}

/// Number of distinct labels, counting no further than 2.
fn classes_present(labels: &[usize]) -> usize {
    match labels.first() {
        None => 0,
        Some(&first) if labels.iter().all(|&l| l == first) => 1,
        Some(_) => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_points() -> Dataset {
        Dataset::new(
            "t",
            vec![0.0, 0.0, 1.0, 1.0],
            vec!["x1".into(), "x2".into()],
            Target::Classes {
                labels: vec![0, 1],
                class_names: vec!["A".into(), "B".into()],
            },
        )
        .unwrap()
    }

    #[test]
    fn construction_checks_every_invariant() {
        let names = || vec!["x".to_string()];
        let values = |v: Vec<f64>| Target::Values(v);
        assert_eq!(
            Dataset::new("t", vec![], names(), values(vec![]))
                .unwrap_err()
                .to_string(),
            "the dataset has no rows"
        );
        assert_eq!(
            Dataset::new("t", vec![1.0], vec![], values(vec![1.0]))
                .unwrap_err()
                .to_string(),
            "a dataset needs at least one feature column"
        );
        assert_eq!(
            Dataset::new("t", vec![1.0], names(), values(vec![1.0, 2.0]))
                .unwrap_err()
                .to_string(),
            "1 feature values do not fill 2 rows of 1 features"
        );
        assert_eq!(
            Dataset::new("t", vec![1.0, f64::NAN], names(), values(vec![1.0, 2.0]))
                .unwrap_err()
                .to_string(),
            "row 2, feature \"x\": NaN is not a finite number within ±1e150"
        );
        assert_eq!(
            Dataset::new("t", vec![1.0], names(), values(vec![f64::INFINITY]))
                .unwrap_err()
                .to_string(),
            "row 1: the target ∞ is not a finite number within ±1e150"
        );
        assert!(Dataset::new("t", vec![1e151], names(), values(vec![1.0])).is_err());
        let classes = |labels| Target::Classes {
            labels,
            class_names: vec!["A".into(), "B".into()],
        };
        assert_eq!(
            Dataset::new("t", vec![1.0, 2.0], names(), classes(vec![1, 1]))
                .unwrap_err()
                .to_string(),
            "only one class (\"B\") is present; classification needs at least 2 classes"
        );
        assert_eq!(
            Dataset::new("t", vec![1.0, 2.0], names(), classes(vec![0, 2]))
                .unwrap_err()
                .to_string(),
            "row 2: class 2 does not exist (there are 2 classes)"
        );
    }

    #[test]
    fn points_are_pushed_and_popped_keeping_the_invariants() {
        let mut data = two_points();
        data.push_point(0.5, -0.5, 1.0).unwrap();
        assert_eq!(data.n_rows(), 3);
        assert_eq!(data.row(2), &[0.5, -0.5]);
        assert!(data.push_point(f64::NAN, 0.0, 0.0).is_err());
        assert_eq!(
            data.push_point(0.0, 0.0, 2.0).unwrap_err().to_string(),
            "class: must be a class number from 0 to 1 (got 2)"
        );
        data.pop_point().unwrap();
        assert_eq!(data, two_points());
        assert_eq!(
            data.pop_point().unwrap_err().to_string(),
            "cannot remove the last point of class \"B\": classification needs at least 2 classes"
        );
    }

    #[test]
    fn points_need_a_two_dimensional_dataset() {
        let mut data =
            Dataset::new("t", vec![1.0], vec!["x".into()], Target::Values(vec![1.0])).unwrap();
        assert!(data.push_point(0.0, 0.0, 1.0).is_err());
        assert!(data.pop_point().is_err());
    }
}
