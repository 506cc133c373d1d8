//! The training loss over a set of rows and its gradient by backpropagation.

use super::loss::loss_and_delta;
use super::network::Workspace;
use super::samples::Samples;
use super::spec::ModelSpec;

impl ModelSpec {
    /// The mean loss over `rows` of `samples` plus the weight penalty, writing its gradient
    /// with respect to θ into `gradient`. Reuses `workspace` and allocates nothing.
    /// Panics if `rows` is empty, a row is out of range, or θ, `gradient` or `workspace` do not
    /// fit this model.
    pub fn loss_and_gradient(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: impl IntoIterator<Item = usize>,
        workspace: &mut Workspace,
        gradient: &mut [f64],
    ) -> f64 {
        self.check_buffers(theta, workspace);
        assert_eq!(
            gradient.len(),
            theta.len(),
            "gradient and θ differ in length"
        );
        gradient.fill(0.0);
        let (mut total, mut count) = (0.0, 0usize);
        for row in rows {
            total += self.sample_loss(theta, samples, row, workspace);
            self.backward(theta, workspace, gradient);
            count += 1;
        }
        assert!(count > 0, "a batch needs at least one row");
        let scale = 1.0 / count as f64;
        gradient.iter_mut().for_each(|g| *g *= scale);
        total * scale + self.penalty(theta, Some(gradient))
    }

    /// The mean loss over `rows` of `samples` plus the weight penalty. Panics like
    /// [`ModelSpec::loss_and_gradient`].
    pub fn loss_value(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: impl IntoIterator<Item = usize>,
        workspace: &mut Workspace,
    ) -> f64 {
        self.check_buffers(theta, workspace);
        let (mut total, mut count) = (0.0, 0usize);
        for row in rows {
            total += self.sample_loss(theta, samples, row, workspace);
            count += 1;
        }
        assert!(count > 0, "a batch needs at least one row");
        total / count as f64 + self.penalty(theta, None)
    }

    /// Runs one row forward; returns its loss and leaves the output deltas in the workspace.
    fn sample_loss(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        row: usize,
        workspace: &mut Workspace,
    ) -> f64 {
        self.forward(theta, samples.row(row), workspace);
        let at = self.outputs_at();
        let Workspace {
            activations,
            deltas,
            logits,
        } = workspace;
        let (output, loss, target) = (self.output(), self.loss(), samples.target(row));
        loss_and_delta(
            output,
            loss,
            logits,
            &activations[at..],
            target,
            &mut deltas[at..],
        )
    }

    /// Propagates the output deltas back through the layers, adding each weight's and bias's
    /// derivative to `gradient`.
    fn backward(&self, theta: &[f64], workspace: &mut Workspace, gradient: &mut [f64]) {
        let Workspace {
            activations,
            deltas,
            ..
        } = workspace;
        for (l, layer) in self.layers().iter().enumerate().rev() {
            let n = layer.inputs;
            let input = &activations[layer.input_at..layer.output_at()];
            let (earlier, current) = deltas.split_at_mut(layer.output_at());
            let delta = &current[..layer.outputs];
            let params = &mut gradient[layer.weights..layer.biases() + layer.outputs];
            let (weight_grad, bias_grad) = params.split_at_mut(n * layer.outputs);
            bias_grad.iter_mut().zip(delta).for_each(|(g, d)| *g += d);
            if l == 0 {
                for (g_row, &d) in weight_grad.chunks_exact_mut(n).zip(delta) {
                    g_row.iter_mut().zip(input).for_each(|(g, a)| *g += d * a);
                }
                continue;
            }
            let back = &mut earlier[layer.input_at..];
            back.fill(0.0);
            let weights = &theta[layer.weights..layer.biases()];
            let rows = weight_grad
                .chunks_exact_mut(n)
                .zip(weights.chunks_exact(n))
                .zip(delta);
            for ((g_row, w_row), &d) in rows {
                let inner = g_row.iter_mut().zip(input).zip(back.iter_mut().zip(w_row));
                for ((g, a), (b, w)) in inner {
                    *g += d * a;
                    *b += d * w;
                }
            }
            self.activation().scale_by_derivative(back, input);
        }
    }
}
