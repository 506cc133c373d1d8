//! The forward pass: a reusable workspace, predictions, and the output of any single neuron.

use crate::error::{Result, check_count};

use super::lanes::{self, LANES, Lanes, for_each_block};
use super::spec::ModelSpec;

/// Scratch buffers for a block of rows going forward and back, made once per model by
/// [`ModelSpec::workspace`] so that no pass allocates.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// Every neuron's output, inputs first, layer after layer; one lane per row of the block.
    pub(crate) activations: Vec<Lanes>,
    /// ∂loss/∂(pre-activation) per neuron, in the same layout (the input slots are unused).
    pub(crate) deltas: Vec<Lanes>,
    /// The output layer's pre-activations.
    pub(crate) logits: Vec<Lanes>,
    /// One row's output pre-activations, outputs and deltas, for the per-row loss.
    pub(crate) row_logits: Vec<f64>,
    pub(crate) row_outputs: Vec<f64>,
    pub(crate) row_deltas: Vec<f64>,
}

impl ModelSpec {
    /// Buffers sized for this model.
    pub fn workspace(&self) -> Workspace {
        let outputs = self.output().size();
        Workspace {
            activations: vec![[0.0; LANES]; self.neurons()],
            deltas: vec![[0.0; LANES]; self.neurons()],
            logits: vec![[0.0; LANES]; outputs],
            row_logits: vec![0.0; outputs],
            row_outputs: vec![0.0; outputs],
            row_deltas: vec![0.0; outputs],
        }
    }

    /// Checks that θ and `workspace` belong to this model.
    pub(crate) fn check_buffers(&self, theta: &[f64], workspace: &Workspace) {
        assert_eq!(
            theta.len(),
            self.n_params(),
            "θ has the wrong length for this model"
        );
        assert_eq!(
            workspace.activations.len(),
            self.neurons(),
            "workspace from another model"
        );
    }

    /// Runs `rows` (at most [`LANES`]) of the row-major `features` through the network, one
    /// lane each, leaving every neuron's output in the workspace. Unused lanes see zeros.
    pub(crate) fn forward(
        &self,
        theta: &[f64],
        features: &[f64],
        rows: &[usize],
        workspace: &mut Workspace,
    ) {
        let d = self.inputs();
        let inputs = &mut workspace.activations[..d];
        for lane in 0..LANES {
            match rows.get(lane) {
                Some(&row) => lanes::scatter(&features[row * d..(row + 1) * d], lane, inputs),
                None => inputs.iter_mut().for_each(|a| a[lane] = 0.0),
            }
        }
        let layers = self.layers();
        let last = layers.len() - 1;
        for (l, layer) in layers.iter().enumerate() {
            let (done, rest) = workspace.activations.split_at_mut(layer.output_at());
            let input = &done[layer.input_at..];
            let out = &mut rest[..layer.outputs];
            let weights = &theta[layer.weights..layer.biases()];
            let biases = &theta[layer.biases()..layer.biases() + layer.outputs];
            for ((o, row), &b) in out
                .iter_mut()
                .zip(weights.chunks_exact(layer.inputs))
                .zip(biases)
            {
                let mut z = [b; LANES];
                row.iter()
                    .zip(input)
                    .for_each(|(&w, a)| lanes::axpy(&mut z, w, a));
                *o = z;
            }
            if l == last {
                workspace.logits.copy_from_slice(out);
                self.output().activate(out);
            } else {
                self.activation().apply(out);
            }
        }
    }

    /// Offset of the output layer in the activation buffer.
    pub(crate) fn outputs_at(&self) -> usize {
        self.neurons() - self.output().size()
    }

    /// The model's outputs for each row of `inputs` (row-major, [`ModelSpec::inputs`] values
    /// per row), row after row: one value per row, or one probability per class for softmax.
    /// Panics if θ has the wrong length or `inputs` is not whole rows.
    pub fn predict(&self, theta: &[f64], inputs: &[f64]) -> Vec<f64> {
        let at = self.outputs_at();
        let size = self.output().size();
        self.map_rows(theta, inputs, |activations, lane, out| {
            out.extend(activations[at..at + size].iter().map(|a| a[lane]));
        })
    }

    /// The output of neuron `neuron` of layer `layer` (0 = the inputs, the last = the outputs,
    /// both counted from 0) for each row of `inputs`, e.g. a grid of points for a heatmap.
    /// Panics if θ has the wrong length or `inputs` is not whole rows.
    pub fn neuron_outputs(
        &self,
        theta: &[f64],
        inputs: &[f64],
        layer: usize,
        neuron: usize,
    ) -> Result<Vec<f64>> {
        let sizes = self.layer_sizes();
        check_count("layer", layer, 0, sizes.len() - 1)?;
        check_count("neuron", neuron, 0, sizes[layer] - 1)?;
        let at = sizes[..layer].iter().sum::<usize>() + neuron;
        Ok(self.map_rows(theta, inputs, |activations, lane, out| {
            out.push(activations[at][lane]);
        }))
    }

    /// Runs every row of `inputs` forward and lets `take` copy what it needs of each lane into
    /// the result.
    fn map_rows(
        &self,
        theta: &[f64],
        inputs: &[f64],
        mut take: impl FnMut(&[Lanes], usize, &mut Vec<f64>),
    ) -> Vec<f64> {
        let mut workspace = self.workspace();
        self.check_buffers(theta, &workspace);
        let d = self.inputs();
        assert_eq!(
            inputs.len() % d,
            0,
            "inputs must be whole rows of {d} features"
        );
        let rows = inputs.len() / d;
        let mut out = Vec::with_capacity(rows * self.output().size());
        for_each_block(0..rows, |block| {
            self.forward(theta, inputs, block, &mut workspace);
            (0..block.len()).for_each(|lane| take(&workspace.activations, lane, &mut out));
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Activation, Loss, Output, Regularization};

    use super::*;

    /// A 1-2-1 network with hand-picked weights.
    fn tiny() -> (ModelSpec, Vec<f64>) {
        let spec = ModelSpec::new(
            1,
            &[2],
            Activation::Relu,
            Output::Linear,
            Loss::Mse,
            Regularization::None,
        )
        .unwrap();
        // Hidden: h1 = relu(2x + 1), h2 = relu(−x); output: 3·h1 − h2 + 0.5.
        (spec, vec![2.0, -1.0, 1.0, 0.0, 3.0, -1.0, 0.5])
    }

    #[test]
    fn predict_computes_the_network_by_hand() {
        let (spec, theta) = tiny();
        let by_hand = |x: f64| 3.0 * (2.0 * x + 1.0).max(0.0) - (-x).max(0.0) + 0.5;
        // Six rows: a full block and a partial one.
        let xs = [1.0, -2.0, 0.5, -0.25, 3.0, -1.0];
        let want: Vec<f64> = xs.iter().map(|&x| by_hand(x)).collect();
        assert_eq!(spec.predict(&theta, &xs), want);
    }

    #[test]
    fn neuron_outputs_read_any_layer() {
        let (spec, theta) = tiny();
        let grid = [1.0, -2.0];
        assert_eq!(
            spec.neuron_outputs(&theta, &grid, 0, 0).unwrap(),
            vec![1.0, -2.0]
        );
        assert_eq!(
            spec.neuron_outputs(&theta, &grid, 1, 0).unwrap(),
            vec![3.0, 0.0]
        );
        assert_eq!(
            spec.neuron_outputs(&theta, &grid, 1, 1).unwrap(),
            vec![0.0, 2.0]
        );
        assert_eq!(
            spec.neuron_outputs(&theta, &grid, 2, 0).unwrap(),
            spec.predict(&theta, &grid)
        );
        let err = spec.neuron_outputs(&theta, &grid, 1, 2).unwrap_err();
        assert_eq!(
            err.to_string(),
            "neuron: must be a whole number from 0 to 1 (got 2)"
        );
        assert!(spec.neuron_outputs(&theta, &grid, 3, 0).is_err());
    }

    #[test]
    fn softmax_predictions_come_row_by_row() {
        let spec = ModelSpec::logistic_regression(1, 3).unwrap();
        // Logits (x, 0, −x): row x = 0 is uniform.
        let theta = [1.0, 0.0, -1.0, 0.0, 0.0, 0.0];
        let out = spec.predict(&theta, &[0.0, 2.0, -1.0, 0.0, 5.0]);
        assert_eq!(out.len(), 15);
        assert!((out[0] - 1.0 / 3.0).abs() < 1e-15);
        assert!(out[3] > out[4] && out[4] > out[5]);
        assert!(out[6] < out[7] && out[7] < out[8]);
        assert!((out[12..].iter().sum::<f64>() - 1.0).abs() < 1e-15);
    }
}
