//! The forward pass: a reusable workspace, predictions, and the output of any single neuron.

use crate::error::{Result, check_count};

use super::spec::ModelSpec;

/// Scratch buffers for one sample's forward and backward pass, made once per model by
/// [`ModelSpec::workspace`] so that no pass allocates.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// Every neuron's output, inputs first, laid out layer after layer.
    pub(crate) activations: Vec<f64>,
    /// ∂loss/∂(pre-activation) per neuron, in the same layout (the input slots are unused).
    pub(crate) deltas: Vec<f64>,
    /// The output layer's pre-activations.
    pub(crate) logits: Vec<f64>,
}

impl ModelSpec {
    /// Buffers sized for this model.
    pub fn workspace(&self) -> Workspace {
        Workspace {
            activations: vec![0.0; self.neurons()],
            deltas: vec![0.0; self.neurons()],
            logits: vec![0.0; self.output().size()],
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

    /// Runs `x` through the network, leaving every neuron's output in the workspace.
    pub(crate) fn forward(&self, theta: &[f64], x: &[f64], workspace: &mut Workspace) {
        let layers = self.layers();
        let last = layers.len() - 1;
        workspace.activations[..x.len()].copy_from_slice(x);
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
                *o = row.iter().zip(input).fold(b, |sum, (w, a)| sum + w * a);
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
        self.map_rows(theta, inputs, |activations, out| {
            out.extend_from_slice(&activations[at..at + size]);
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
        Ok(self.map_rows(theta, inputs, |activations, out| out.push(activations[at])))
    }

    /// Runs every row of `inputs` forward and lets `take` copy what it needs into the result.
    fn map_rows(
        &self,
        theta: &[f64],
        inputs: &[f64],
        mut take: impl FnMut(&[f64], &mut Vec<f64>),
    ) -> Vec<f64> {
        let mut workspace = self.workspace();
        self.check_buffers(theta, &workspace);
        let d = self.inputs();
        assert_eq!(
            inputs.len() % d,
            0,
            "inputs must be whole rows of {d} features"
        );
        let mut out = Vec::with_capacity(inputs.len() / d * self.output().size());
        for x in inputs.chunks_exact(d) {
            self.forward(theta, x, &mut workspace);
            take(&workspace.activations, &mut out);
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
        let out = spec.predict(&theta, &[1.0, -2.0]);
        assert_eq!(out, vec![3.0 * 3.0 + 0.5, -2.0 + 0.5]);
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
}
