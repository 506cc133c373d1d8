//! A trained model as a file: the features it reads, how it scales them, its layers and
//! weights, and what its output means — enough to predict the same values anywhere, and to
//! load it back into a run on the same data.

use serde::Serialize;

use super::trainer::TargetCoding;
use crate::choice::Choice;
use crate::data::{Pca, Standardizer};
use crate::model::{Activation, Loss, ModelSpec, Output, Regularization, most_probable_class};
use crate::{Error, Result};

/// The `format` every model file names.
pub const MODEL_FORMAT: &str = "automl-playground-model";
/// The layout version this build writes and reads.
pub const MODEL_VERSION: u32 = 1;

/// How the standardized features become the model's inputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ModelInputs {
    /// These standardized columns, in this order.
    Columns {
        /// Column indices into `features`.
        columns: Vec<usize>,
    },
    /// The two principal-component coordinates of the standardized features: each
    /// standardized column is centred and scaled again by `means`/`scales`, then projected on
    /// the two `axes`.
    PrincipalComponents {
        /// Means of the standardized columns on the training rows.
        means: Vec<f64>,
        /// Their scales.
        scales: Vec<f64>,
        /// The two leading principal axes, one after the other (2 × d loadings).
        axes: Vec<f64>,
    },
}

/// A trained model, as it is saved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelFile {
    /// Always [`MODEL_FORMAT`].
    pub format: String,
    /// Always [`MODEL_VERSION`].
    pub version: u32,
    /// The raw feature columns a row holds, in order.
    pub features: Vec<String>,
    /// The training mean of each feature: a value is standardized to (value − mean) / scale.
    pub means: Vec<f64>,
    /// The training scale of each feature.
    pub scales: Vec<f64>,
    /// How standardized features become the model's inputs.
    pub inputs: ModelInputs,
    /// Neurons per hidden layer.
    pub hidden: Vec<usize>,
    /// The hidden layers' activation.
    pub activation: String,
    /// Class names (a sigmoid output for two, softmax for more); `None` for a regression
    /// (a linear output).
    pub classes: Option<Vec<String>>,
    /// Regression: a prediction is the output × `target_scale` + `target_mean`.
    pub target_mean: f64,
    /// See `target_mean`.
    pub target_scale: f64,
    /// θ: each layer from the input side, its weights row by row `[output][input]`, then its
    /// biases.
    pub weights: Vec<f64>,
}

fn refuse(message: impl Into<String>) -> Error {
    Error::data(format!("not a usable model file: {}", message.into()))
}

impl ModelFile {
    /// The network the file describes, after checking that every part fits the others.
    pub fn spec(&self) -> Result<ModelSpec> {
        if self.format != MODEL_FORMAT || self.version != MODEL_VERSION {
            return Err(refuse(format!(
                "expected format \"{MODEL_FORMAT}\" version {MODEL_VERSION}"
            )));
        }
        let d = self.features.len();
        if d == 0 || self.means.len() != d || self.scales.len() != d {
            return Err(refuse("it needs one mean and one scale per feature"));
        }
        let positive = |v: &f64| v.is_finite() && *v > 0.0;
        if !self.means.iter().all(|v| v.is_finite()) || !self.scales.iter().all(positive) {
            return Err(refuse("its means must be finite and its scales positive"));
        }
        let inputs = match &self.inputs {
            ModelInputs::Columns { columns } => {
                if columns.is_empty() || columns.iter().any(|&c| c >= d) {
                    return Err(refuse(format!(
                        "its input columns must be from 0 to {}",
                        d - 1
                    )));
                }
                columns.len()
            }
            ModelInputs::PrincipalComponents {
                means,
                scales,
                axes,
            } => {
                let fits = |v: &Vec<f64>| v.len() == d && v.iter().all(|x| x.is_finite());
                if !fits(means) || !scales.iter().all(positive) || scales.len() != d {
                    return Err(refuse("its principal components need d means and scales"));
                }
                if axes.len() != 2 * d || !axes.iter().all(|x| x.is_finite()) {
                    return Err(refuse("its principal axes need d finite loadings each"));
                }
                2
            }
        };
        let activation = Activation::named(&self.activation)
            .ok_or_else(|| refuse(format!("unknown activation \"{:.30}\"", self.activation)))?;
        let output = match self.classes.as_ref().map(Vec::len) {
            None => Output::Linear,
            Some(2) => Output::Sigmoid,
            Some(classes) => Output::Softmax { classes },
        };
        let spec = ModelSpec::new(
            inputs,
            &self.hidden,
            activation,
            output,
            Loss::Mse,
            Regularization::None,
        )
        .map_err(|e| refuse(e.to_string()))?;
        if self.weights.len() != spec.n_params() || !self.weights.iter().all(|w| w.is_finite()) {
            return Err(refuse(format!(
                "this network has {} parameters: it needs as many finite weights (got {})",
                spec.n_params(),
                self.weights.len()
            )));
        }
        if !self.target_mean.is_finite() || !positive(&self.target_scale) {
            return Err(refuse(
                "its target mean must be finite and its scale positive",
            ));
        }
        Ok(spec)
    }

    /// The model's inputs for raw rows (row-major, one value per feature).
    pub fn model_inputs(&self, raw: &[f64]) -> Vec<f64> {
        let z = Standardizer::from_parts(self.means.clone(), self.scales.clone()).transform(raw);
        let d = self.features.len();
        match &self.inputs {
            ModelInputs::Columns { columns } => z
                .chunks_exact(d)
                .flat_map(|row| columns.iter().map(move |&c| row[c]))
                .collect(),
            ModelInputs::PrincipalComponents {
                means,
                scales,
                axes,
            } => {
                let (first, second) = axes.split_at(d);
                let axes = [first.to_vec(), second.to_vec()];
                Pca::from_parts(means.clone(), scales.clone(), axes).project(&z)
            }
        }
    }

    /// Predictions for raw rows (row-major, one value per feature): a class index per row for
    /// a classifier, a value in the target's units for a regression.
    pub fn predict(&self, raw: &[f64]) -> Result<Vec<f64>> {
        let spec = self.spec()?;
        if !raw.len().is_multiple_of(self.features.len()) {
            return Err(Error::data(format!(
                "each row needs {} values",
                self.features.len()
            )));
        }
        let outputs = spec.predict(&self.weights, &self.model_inputs(raw));
        let coding = TargetCoding {
            mean: self.target_mean,
            scale: self.target_scale,
        };
        Ok(if self.classes.is_some() {
            outputs
                .chunks_exact(spec.output().size())
                .map(|p| most_probable_class(p) as f64)
                .collect()
        } else {
            outputs.into_iter().map(|v| coding.decode(v)).collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_by_two() -> ModelFile {
        ModelFile {
            format: MODEL_FORMAT.into(),
            version: MODEL_VERSION,
            features: vec!["a".into(), "b".into()],
            means: vec![1.0, -1.0],
            scales: vec![2.0, 0.5],
            inputs: ModelInputs::Columns {
                columns: vec![0, 1],
            },
            hidden: vec![],
            activation: "tanh".into(),
            classes: None,
            target_mean: 10.0,
            target_scale: 3.0,
            // y = 0.5·z_a − 2·z_b + 0.25, then × 3 + 10.
            weights: vec![0.5, -2.0, 0.25],
        }
    }

    #[test]
    fn a_linear_model_predicts_by_its_formula_in_the_targets_units() {
        let file = two_by_two();
        // z = ((3 − 1)/2, (0 − (−1))/0.5) = (1, 2): 0.5 − 4 + 0.25 = −3.25 → −9.75 + 10.
        let predicted = file.predict(&[3.0, 0.0]).unwrap();
        assert_eq!(predicted, vec![-3.25 * 3.0 + 10.0]);
    }

    #[test]
    fn a_file_whose_parts_do_not_fit_is_refused_by_what_is_wrong() {
        type Spoil = fn(&mut ModelFile);
        let cases: Vec<(Spoil, &str)> = vec![
            (|f| f.format = "other".into(), "expected format"),
            (|f| f.version = 9, "version 1"),
            (|f| f.weights.push(1.0), "3 parameters"),
            (|f| f.weights[0] = f64::NAN, "finite weights"),
            (|f| f.scales[1] = 0.0, "scales positive"),
            (|f| f.means.pop().map_or((), drop), "one mean and one scale"),
            (|f| f.activation = "<b>".into(), "unknown activation"),
            (
                |f| {
                    f.inputs = ModelInputs::Columns {
                        columns: vec![0, 5],
                    }
                },
                "from 0 to 1",
            ),
            (|f| f.hidden = vec![99], "neurons in layer 1"),
            (|f| f.target_scale = -1.0, "target mean"),
        ];
        for (spoil, expected) in cases {
            let mut file = two_by_two();
            spoil(&mut file);
            let message = file.spec().unwrap_err().to_string();
            assert!(message.contains(expected), "{message} (wanted {expected})");
            assert!(message.contains("not a usable model file"), "{message}");
        }
    }
}
