//! The peer benchmark's entry (`www/bench.html`, shipped as `dist/bench/`): a tanh network
//! trained by plain SGD on mini-batches taken in data order, the whole loop inside wasm. It
//! goes through the model code the playground trains with, [`ModelSpec::loss_and_gradient`],
//! so the figures it reports are the playground's own. `benches/train_mlp.rs` runs the same
//! loop natively.

use wasm_bindgen::prelude::*;

use super::js_error;
use crate::Error;
use crate::model::{Activation, Loss, ModelSpec, Output, Regularization, Samples, Workspace};

/// A network, its parameters, its training data and the heatmap grid, ready to train.
#[wasm_bindgen]
pub struct MlpBench {
    spec: ModelSpec,
    theta: Vec<f64>,
    features: Vec<f64>,
    targets: Vec<f64>,
    grid: Vec<f64>,
    learning_rate: f64,
    batch: usize,
    workspace: Workspace,
    gradient: Vec<f64>,
}

#[wasm_bindgen]
impl MlpBench {
    /// `layers` are the neurons per layer, inputs first and a single output last; every layer
    /// after the inputs is tanh and the loss is ½(out − target)² (targets ±1). `theta` holds
    /// the initial parameters in the model's layout: per layer the weights `[out][in]` row by
    /// row, then the biases. `features` (row-major) and `targets` are the training rows in the
    /// order training visits them, and `grid` (row-major) the points of the heatmap.
    #[wasm_bindgen(constructor)]
    pub fn new(
        layers: &[u32],
        theta: &[f64],
        features: &[f64],
        targets: &[f64],
        grid: &[f64],
        learning_rate: f64,
        batch: u32,
    ) -> Result<MlpBench, JsError> {
        let sizes: Vec<usize> = layers.iter().map(|&n| n as usize).collect();
        let (&inputs, rest) = sizes.split_first().ok_or_else(|| no_layers("layers"))?;
        let (&outputs, hidden) = rest.split_last().ok_or_else(|| no_layers("layers"))?;
        if outputs != 1 {
            return Err(js_error(Error::setting(
                "layers",
                "the bench has one output",
            )));
        }
        let none = Regularization::None;
        let spec = ModelSpec::new(
            inputs,
            hidden,
            Activation::Tanh,
            Output::Tanh,
            Loss::Mse,
            none,
        )
        .map_err(js_error)?;
        if theta.len() != spec.n_params() {
            let message = format!("{} values for {} parameters", theta.len(), spec.n_params());
            return Err(js_error(Error::setting("theta", message)));
        }
        let samples = Samples::new(features, targets, inputs).map_err(js_error)?;
        spec.check_samples(&samples).map_err(js_error)?;
        let batch = batch as usize;
        if batch == 0 || batch > samples.len() {
            let message = "from 1 to the number of rows";
            return Err(js_error(Error::setting("batch", message)));
        }
        if !grid.len().is_multiple_of(inputs) {
            let message = "whole points, one value per input each";
            return Err(js_error(Error::setting("grid", message)));
        }
        Ok(MlpBench {
            workspace: spec.workspace(),
            gradient: vec![0.0; theta.len()],
            spec,
            theta: theta.to_vec(),
            features: features.to_vec(),
            targets: targets.to_vec(),
            grid: grid.to_vec(),
            learning_rate,
            batch,
        })
    }

    /// Trains `epochs` epochs (see [`MlpBench::epoch`]).
    pub fn train(&mut self, epochs: u32) {
        for _ in 0..epochs {
            self.epoch();
        }
    }

    /// Trains one epoch: every batch of consecutive rows (the last one may be short) gives one
    /// step θ ← θ − learning rate · mean gradient.
    ///
    /// A function of its own, called once per epoch, and exported as well: V8 moves a hot
    /// wasm function to its optimizing tier only for later calls (there is no on-stack
    /// replacement), so a loop running inside `train` itself would stay in baseline code
    /// for the whole run; and with a second caller wasm-opt does not inline it back into
    /// `train`.
    pub fn epoch(&mut self) {
        // Checked when made.
        let samples = Samples {
            features: &self.features,
            targets: &self.targets,
            inputs: self.spec.inputs(),
        };
        let n = samples.len();
        for start in (0..n).step_by(self.batch) {
            let rows = start..(start + self.batch).min(n);
            let (theta, gradient) = (&mut self.theta, &mut self.gradient);
            self.spec
                .loss_and_gradient(theta, &samples, rows, &mut self.workspace, gradient);
            for (t, g) in theta.iter_mut().zip(gradient.iter()) {
                *t -= self.learning_rate * g;
            }
        }
    }

    /// The network's output for every training row.
    pub fn predict(&self) -> Vec<f64> {
        self.spec.predict(&self.theta, &self.features)
    }

    /// The network's output at every grid point: one forward pass.
    pub fn heatmap(&self) -> Vec<f64> {
        self.spec.predict(&self.theta, &self.grid)
    }
}

fn no_layers(name: &str) -> JsError {
    js_error(Error::setting(name, "inputs, hidden layers and one output"))
}
