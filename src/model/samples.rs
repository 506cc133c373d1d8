//! A borrowed view of a data set as the models read it: row-major features and one target
//! per row.

use crate::error::{Error, Result};
use crate::text::Num;

/// `len()` rows of `inputs` features (row-major) with one target each.
#[derive(Debug, Clone, Copy)]
pub struct Samples<'a> {
    pub(crate) features: &'a [f64],
    pub(crate) targets: &'a [f64],
    pub(crate) inputs: usize,
}

impl<'a> Samples<'a> {
    /// Views `features` (row-major, `targets.len()` rows of `inputs` values) and `targets`.
    /// Fails if the lengths disagree or a feature is not finite; targets are checked against a
    /// model by [`super::ModelSpec::check_samples`].
    pub fn new(features: &'a [f64], targets: &'a [f64], inputs: usize) -> Result<Self> {
        if inputs == 0 || features.len() != targets.len() * inputs {
            return Err(Error::data(format!(
                "{} feature values do not make {} rows of {inputs} features",
                features.len(),
                targets.len()
            )));
        }
        if let Some(i) = features.iter().position(|v| !v.is_finite()) {
            let (row, column) = (i / inputs + 1, i % inputs + 1);
            return Err(Error::data(format!(
                "row {row}, feature {column}: must be a finite number (got {})",
                Num(features[i])
            )));
        }
        Ok(Samples {
            features,
            targets,
            inputs,
        })
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// The features of row `i`.
    pub fn row(&self, i: usize) -> &'a [f64] {
        &self.features[i * self.inputs..(i + 1) * self.inputs]
    }

    /// The target of row `i`.
    pub fn target(&self, i: usize) -> f64 {
        self.targets[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_targets_line_up() {
        let features = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let samples = Samples::new(&features, &[0.0, 1.0], 3).unwrap();
        assert_eq!(samples.len(), 2);
        assert_eq!(samples.row(1), &[4.0, 5.0, 6.0]);
        assert_eq!(samples.target(1), 1.0);
    }

    #[test]
    fn bad_shapes_and_values_are_refused() {
        let err = Samples::new(&[1.0, 2.0, 3.0], &[0.0, 1.0], 2).unwrap_err();
        assert_eq!(
            err.to_string(),
            "3 feature values do not make 2 rows of 2 features"
        );
        let err = Samples::new(&[1.0, f64::NAN], &[0.0], 2).unwrap_err();
        assert_eq!(
            err.to_string(),
            "row 1, feature 2: must be a finite number (got NaN)"
        );
    }
}
