//! The training loss over a set of rows and its gradient by backpropagation.

use super::dense::dense_backward;
use super::lanes::{self, F2, LANES, blocks, for_each_chunk};
use super::loss::{Loss, coded_target, loss_and_delta, mse_error};
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
        // Only the walk over `rows` is generic; the work is in the methods it calls.
        self.start_gradient(theta, workspace);
        let mut total = 0.0;
        let count = for_each_chunk(rows, |chunk| {
            total += self.chunk_gradient(theta, samples, chunk, workspace);
        });
        self.finish_gradient(theta, workspace, gradient, total, count)
    }

    /// Checks the buffers and makes sure the lane gradient starts from zero: `finish_gradient`
    /// leaves it cleared, so it only needs clearing here after a batch that did not finish.
    pub(crate) fn start_gradient(&self, theta: &[f64], workspace: &mut Workspace) {
        self.check_buffers(theta, workspace);
        if workspace.gradient_dirty {
            workspace.gradient.fill([0.0; LANES]);
        }
        workspace.gradient_dirty = true;
    }

    /// One chunk's loss, its gradient added lane by lane to the workspace's.
    pub(crate) fn chunk_gradient(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: &[usize],
        workspace: &mut Workspace,
    ) -> f64 {
        let total = self.chunk_loss(theta, samples, rows, workspace);
        self.backward(theta, workspace, blocks(rows.len()));
        total
    }

    /// Turns the sums over `count` rows into the mean loss plus the penalty, and the lane
    /// gradient into `gradient`, clearing it for the next batch.
    pub(crate) fn finish_gradient(
        &self,
        theta: &[f64],
        workspace: &mut Workspace,
        gradient: &mut [f64],
        total: f64,
        count: usize,
    ) -> f64 {
        assert!(
            gradient.len() == theta.len(),
            "gradient and θ differ in length"
        );
        assert!(count > 0, "a batch needs at least one row");
        let scale = 1.0 / count as f64;
        let n = gradient.len();
        let lanes = &mut workspace.gradient[..n];
        // Two parameters at a time: their two lanes' sums in one SIMD add.
        let mut p = 0;
        while p + 2 <= n {
            let (a, b) = (F2::load(&lanes[p]), F2::load(&lanes[p + 1]));
            [gradient[p], gradient[p + 1]] = (F2::sum_lanes(a, b) * F2::splat(scale)).to_array();
            F2::splat(0.0).store(&mut lanes[p]);
            F2::splat(0.0).store(&mut lanes[p + 1]);
            p += 2;
        }
        if p < n {
            gradient[p] = (lanes[p][0] + lanes[p][1]) * scale;
            lanes[p] = [0.0; LANES];
        }
        workspace.gradient_dirty = false;
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
        let count = for_each_chunk(rows, |chunk| {
            total += self.chunk_loss(theta, samples, chunk, workspace);
        });
        self.finish_loss(theta, total, count)
    }

    /// The mean loss over `count` rows plus the penalty, rounded as in
    /// [`ModelSpec::loss_and_gradient`], so that both report the same value.
    pub(crate) fn finish_loss(&self, theta: &[f64], total: f64, count: usize) -> f64 {
        assert!(count > 0, "a batch needs at least one row");
        total * (1.0 / count as f64) + self.penalty(theta, None)
    }

    /// Runs a chunk of rows forward; returns the sum of their losses and leaves the output
    /// deltas in the workspace (zero in the unused lane).
    pub(crate) fn chunk_loss(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: &[usize],
        workspace: &mut Workspace,
    ) -> f64 {
        self.forward(theta, samples.features, rows, workspace);
        let s = blocks(rows.len());
        let (at, size) = (self.outputs_at(), self.output().size());
        let Workspace {
            activations,
            deltas,
            logits,
            row_logits,
            row_outputs,
            row_deltas,
            ..
        } = workspace;
        let outputs = &activations[at * s..(at + size) * s];
        let output_deltas = &mut deltas[at * s..(at + size) * s];
        let (output, loss) = (self.output(), self.loss());
        let mut total = 0.0;
        if size == 1 && loss == Loss::Mse {
            // One output under MSE: a block's two rows at once, the same arithmetic as
            // `loss_and_delta` in lanes. The unused lane's target is its own output (e = 0).
            for (b, pair) in rows.chunks(LANES).enumerate() {
                let out = F2::load(&outputs[b]);
                let mut y = out.to_array();
                for (y, &row) in y.iter_mut().zip(pair) {
                    *y = coded_target(output, samples.target(row));
                }
                let (e, delta) = mse_error(output, out, F2::load(&y));
                delta.store(&mut output_deltas[b]);
                let half = (F2::splat(0.5) * e * e).to_array();
                total += half[0];
                if pair.len() == LANES {
                    total += half[1];
                }
            }
        } else {
            for (j, &row) in rows.iter().enumerate() {
                lanes::gather(logits, s, j, row_logits);
                lanes::gather(outputs, s, j, row_outputs);
                let target = samples.target(row);
                total += loss_and_delta(output, loss, row_logits, row_outputs, target, row_deltas);
                lanes::scatter(row_deltas, s, j, output_deltas);
            }
        }
        for j in rows.len()..s * LANES {
            lanes::clear(output_deltas, s, j, size);
        }
        total
    }

    /// Propagates the output deltas of a chunk of `blocks` blocks back through the layers,
    /// adding each weight's and bias's derivative, lane by lane, to the workspace's gradient.
    fn backward(&self, theta: &[f64], workspace: &mut Workspace, blocks: usize) {
        let s = blocks;
        let Workspace {
            activations,
            deltas,
            gradient,
            ..
        } = workspace;
        for (l, layer) in self.layers().iter().enumerate().rev() {
            let input = &activations[layer.input_at * s..layer.output_at() * s];
            let (earlier, current) = deltas.split_at_mut(layer.output_at() * s);
            let delta = &current[..layer.outputs * s];
            let params = &mut gradient[layer.weights..layer.biases() + layer.outputs];
            let (weight_grad, bias_grad) = params.split_at_mut(layer.inputs * layer.outputs);
            let weights = &theta[layer.weights..layer.biases()];
            // The first layer's inputs are the features: nothing to propagate to.
            let back = (l > 0).then(|| &mut earlier[layer.input_at * s..]);
            dense_backward(weights, delta, input, weight_grad, bias_grad, back, s);
            if l > 0 {
                let back = &mut earlier[layer.input_at * s..];
                self.activation().scale_by_derivative(back, input);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Activation, Loss, Output, Regularization};
    use crate::rng;

    use super::*;

    /// A batch spanning several chunks, with a short last block, gives the mean of the rows'
    /// own losses and gradients; predictions do not depend on a row's place in its chunk.
    #[test]
    fn chunks_and_lanes_do_not_change_the_answer() {
        let softmax = (Output::Softmax { classes: 3 }, Loss::CrossEntropy);
        for (output, loss) in [
            softmax,
            (Output::Tanh, Loss::Mse),
            (Output::Linear, Loss::Mse),
        ] {
            let spec = ModelSpec::new(
                3,
                &[5, 4],
                Activation::Tanh,
                output,
                loss,
                Regularization::None,
            )
            .unwrap();
            check_chunks(&spec);
        }
    }

    /// A batch that panics half way (a row out of range) leaves no trace in the workspace.
    #[test]
    fn a_failed_batch_does_not_leak_into_the_next() {
        let spec = ModelSpec::linear_regression(1).unwrap();
        let (x, y) = ([1.0, 2.0, 3.0], [1.0, 0.0, 2.0]);
        let samples = Samples::new(&x, &y, 1).unwrap();
        let theta = [0.5, -0.25];
        let mut workspace = spec.workspace();
        let mut gradient = [0.0; 2];
        let rows = (0..40).map(|i| if i < 20 { i % 3 } else { 99 });
        let failed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            spec.loss_and_gradient(&theta, &samples, rows, &mut workspace, &mut gradient)
        }));
        assert!(failed.is_err());
        let value = spec.loss_and_gradient(&theta, &samples, 0..3, &mut workspace, &mut gradient);
        let mut fresh = [0.0; 2];
        let want =
            spec.loss_and_gradient(&theta, &samples, 0..3, &mut spec.workspace(), &mut fresh);
        assert_eq!((value, gradient), (want, fresh));
    }

    fn check_chunks(spec: &ModelSpec) {
        let mut g = rng::seeded(4);
        let rows = 37;
        let features: Vec<f64> = (0..rows * 3)
            .map(|_| rng::uniform(&mut g, -2.0, 2.0))
            .collect();
        let targets: Vec<f64> = (0..rows).map(|i| (i % 3) as f64).collect();
        let samples = Samples::new(&features, &targets, 3).unwrap();
        let theta = spec.init(&mut g);
        let mut workspace = spec.workspace();
        let n = spec.n_params();

        let mut gradient = vec![0.0; n];
        let order: Vec<usize> = (0..rows).rev().collect();
        let value = spec.loss_and_gradient(&theta, &samples, order, &mut workspace, &mut gradient);
        let (mut mean_value, mut mean_gradient) = (0.0, vec![0.0; n]);
        let mut one = vec![0.0; n];
        for row in 0..rows {
            mean_value += spec.loss_and_gradient(&theta, &samples, [row], &mut workspace, &mut one);
            mean_gradient
                .iter_mut()
                .zip(&one)
                .for_each(|(m, g)| *m += g);
        }
        assert!((value - mean_value / rows as f64).abs() < 1e-13);
        for (g, m) in gradient.iter().zip(&mean_gradient) {
            assert!((g - m / rows as f64).abs() < 1e-13);
        }
        let same = spec.loss_value(&theta, &samples, (0..rows).rev(), &mut workspace);
        assert_eq!(value, same);

        let width = spec.output().size();
        let all = spec.predict(&theta, &features);
        for row in 0..rows {
            let alone = spec.predict(&theta, samples.row(row));
            assert_eq!(alone, all[row * width..(row + 1) * width]);
        }
    }
}
