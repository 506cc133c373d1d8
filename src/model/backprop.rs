//! The training loss over a set of rows and its gradient by backpropagation.

use super::lanes::{self, LANES, for_each_block};
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
        let mut total = 0.0;
        let count = for_each_block(rows, |block| {
            total += self.block_loss(theta, samples, block, workspace);
            self.backward(theta, workspace, gradient);
        });
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
        let mut total = 0.0;
        let count = for_each_block(rows, |block| {
            total += self.block_loss(theta, samples, block, workspace);
        });
        assert!(count > 0, "a batch needs at least one row");
        // The same rounding as `loss_and_gradient`, so both report the same value.
        total * (1.0 / count as f64) + self.penalty(theta, None)
    }

    /// Runs a block of rows forward; returns the sum of their losses and leaves the output
    /// deltas in the workspace (zero in unused lanes).
    fn block_loss(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: &[usize],
        workspace: &mut Workspace,
    ) -> f64 {
        self.forward(theta, samples.features, rows, workspace);
        let at = self.outputs_at();
        let Workspace {
            activations,
            deltas,
            logits,
            row_logits,
            row_outputs,
            row_deltas,
        } = workspace;
        let (outputs, output_deltas) = (&activations[at..], &mut deltas[at..]);
        let mut total = 0.0;
        for lane in 0..LANES {
            let Some(&row) = rows.get(lane) else {
                output_deltas.iter_mut().for_each(|d| d[lane] = 0.0);
                continue;
            };
            lanes::gather(logits, lane, row_logits);
            lanes::gather(outputs, lane, row_outputs);
            let (output, loss, target) = (self.output(), self.loss(), samples.target(row));
            total += loss_and_delta(output, loss, row_logits, row_outputs, target, row_deltas);
            lanes::scatter(row_deltas, lane, output_deltas);
        }
        total
    }

    /// Propagates the output deltas of a block back through the layers, adding each weight's
    /// and bias's derivative, summed over the lanes, to `gradient`.
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
            bias_grad
                .iter_mut()
                .zip(delta)
                .for_each(|(g, d)| *g += lanes::sum(d));
            if l == 0 {
                for (g_row, d) in weight_grad.chunks_exact_mut(n).zip(delta) {
                    g_row
                        .iter_mut()
                        .zip(input)
                        .for_each(|(g, a)| *g += lanes::dot(d, a));
                }
                continue;
            }
            let back = &mut earlier[layer.input_at..];
            back.fill([0.0; LANES]);
            let weights = &theta[layer.weights..layer.biases()];
            let rows = weight_grad
                .chunks_exact_mut(n)
                .zip(weights.chunks_exact(n))
                .zip(delta);
            for ((g_row, w_row), d) in rows {
                let inner = g_row.iter_mut().zip(input).zip(back.iter_mut().zip(w_row));
                for ((g, a), (b, &w)) in inner {
                    *g += lanes::dot(d, a);
                    lanes::axpy(b, w, d);
                }
            }
            self.activation().scale_by_derivative(back, input);
        }
    }
}
