//! The forward pass: a reusable workspace, predictions, and the output of any single neuron.

use crate::error::{Result, check_count};

use super::dense::dense_forward;
use super::lanes::{self, BLOCKS, CHUNK, LANES, Lanes, blocks};
use super::spec::ModelSpec;

/// Scratch buffers for a chunk of rows going forward and back, made once per model by
/// [`ModelSpec::workspace`] so that no pass allocates.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// Every neuron's output, inputs first, layer after layer; for each neuron one lane pair
    /// per block of the chunk (see [`super::lanes`] for the layout).
    pub(crate) activations: Vec<Lanes>,
    /// ∂loss/∂(pre-activation) per neuron, in the same layout (the input slots are unused).
    pub(crate) deltas: Vec<Lanes>,
    /// The output layer's pre-activations, in the same layout.
    pub(crate) logits: Vec<Lanes>,
    /// The gradient with respect to θ summed lane by lane over the blocks of a batch; the
    /// lanes are added up once, at the end of the batch, which leaves them zero.
    pub(crate) gradient: Vec<Lanes>,
    /// Whether `gradient` may hold the sums of a batch that did not finish (a panic).
    pub(crate) gradient_dirty: bool,
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
            activations: vec![[0.0; LANES]; self.neurons() * BLOCKS],
            deltas: vec![[0.0; LANES]; self.neurons() * BLOCKS],
            logits: vec![[0.0; LANES]; outputs * BLOCKS],
            gradient: vec![[0.0; LANES]; self.n_params()],
            gradient_dirty: false,
            row_logits: vec![0.0; outputs],
            row_outputs: vec![0.0; outputs],
            row_deltas: vec![0.0; outputs],
        }
    }

    /// Checks that θ and `workspace` belong to this model.
    pub(crate) fn check_buffers(&self, theta: &[f64], workspace: &Workspace) {
        assert!(
            theta.len() == self.n_params(),
            "θ has the wrong length for this model"
        );
        assert!(
            workspace.activations.len() == self.neurons() * BLOCKS
                && workspace.gradient.len() == self.n_params(),
            "workspace from another model"
        );
    }

    /// Runs `rows` (1 to [`CHUNK`]) of the row-major `features` through the network, one lane
    /// each, leaving every neuron's output in the workspace, laid out for
    /// [`blocks`]`(rows.len())` blocks. The last block's unused lane sees zeros.
    pub(crate) fn forward(
        &self,
        theta: &[f64],
        features: &[f64],
        rows: &[usize],
        workspace: &mut Workspace,
    ) {
        assert!(!rows.is_empty() && rows.len() <= CHUNK, "1 to {CHUNK} rows");
        let s = blocks(rows.len());
        let d = self.inputs();
        let inputs = &mut workspace.activations[..d * s];
        for (j, &row) in rows.iter().enumerate() {
            lanes::scatter(&features[row * d..(row + 1) * d], s, j, inputs);
        }
        for j in rows.len()..s * LANES {
            lanes::clear(inputs, s, j, d);
        }
        let layers = self.layers();
        let last = layers.len() - 1;
        for (l, layer) in layers.iter().enumerate() {
            let (done, rest) = workspace.activations.split_at_mut(layer.output_at() * s);
            let input = &done[layer.input_at * s..];
            let out = &mut rest[..layer.outputs * s];
            let weights = &theta[layer.weights..layer.biases()];
            let biases = &theta[layer.biases()..layer.biases() + layer.outputs];
            dense_forward(weights, biases, input, out, s);
            if l == last {
                workspace.logits[..out.len()].copy_from_slice(out);
                self.output().activate(out, s);
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
        self.map_rows(theta, inputs, self.outputs_at(), self.output().size())
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
        Ok(self.map_rows(theta, inputs, at, 1))
    }

    /// Runs every row of `inputs` forward and returns, row after row, the outputs of the
    /// `width` neurons from `at` in the activation buffer.
    fn map_rows(&self, theta: &[f64], inputs: &[f64], at: usize, width: usize) -> Vec<f64> {
        let mut workspace = self.workspace();
        self.check_buffers(theta, &workspace);
        let d = self.inputs();
        assert!(
            inputs.len().is_multiple_of(d),
            "inputs must be whole rows of {d} features"
        );
        let rows = inputs.len() / d;
        let mut out = vec![0.0; rows * width];
        let mut chunk = [0; CHUNK];
        for (start, chunk_out) in (0..rows).step_by(CHUNK).zip(out.chunks_mut(CHUNK * width)) {
            let count = (rows - start).min(CHUNK);
            for (j, row) in chunk.iter_mut().enumerate() {
                *row = start + j;
            }
            self.forward(theta, inputs, &chunk[..count], &mut workspace);
            let s = blocks(count);
            let values = &workspace.activations[at * s..(at + width) * s];
            for (j, row_out) in chunk_out.chunks_exact_mut(width).enumerate() {
                lanes::gather(values, s, j, row_out);
            }
        }
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
