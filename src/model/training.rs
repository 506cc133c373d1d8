//! A model and its training data as an [`Objective`], so every search strategy can train it.

use crate::error::{Error, Result, check_count};
use crate::objective::Objective;
use crate::rng::{self, Rng};

use super::lanes::CHUNK;
use super::network::Workspace;
use super::samples::Samples;
use super::spec::{ModelSpec, PARAM_BOUND};

/// How many rows each gradient is computed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Batching {
    /// Every row, every step.
    Full,
    /// This many rows per step (1 is plain stochastic gradient descent); the last batch of an
    /// epoch takes whatever rows are left.
    MiniBatch(usize),
}

/// The rows a [`RowPass`] goes through.
#[derive(Debug, Clone, Copy)]
pub enum Rows<'a> {
    /// Rows 0, 1, … up to this count.
    First(usize),
    /// These rows, in this order.
    Listed(&'a [usize]),
}

impl Rows<'_> {
    fn len(&self) -> usize {
        match self {
            Rows::First(n) => *n,
            Rows::Listed(rows) => rows.len(),
        }
    }
}

/// The mean loss of a model over some rows (with its gradient, or not), worked out a few
/// chunks of rows at a time: the same sums in the same order as
/// [`ModelSpec::loss_and_gradient`] and [`ModelSpec::loss_value`] at once, so the same bits.
/// Between calls the pass keeps its running loss, and the gradient's sums stay in the
/// workspace, which nothing else may use meanwhile.
#[derive(Debug, Clone, Default)]
pub struct RowPass {
    done: usize,
    total: f64,
}

impl RowPass {
    /// Whether the pass has begun and not finished.
    pub fn started(&self) -> bool {
        self.done > 0
    }

    /// Carries the pass of `theta` over `rows` of `samples` on for about `budget` units (a row
    /// times a parameter), at least one chunk of rows, taking them off `budget`. Returns the
    /// mean loss plus the weight penalty — and writes the gradient when one is given — once
    /// the last row is done, leaving the pass ready for the next one. Panics like
    /// [`ModelSpec::loss_and_gradient`] (no rows, θ or buffers of another model).
    #[allow(clippy::too_many_arguments)]
    pub fn resume(
        &mut self,
        spec: &ModelSpec,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: Rows<'_>,
        workspace: &mut Workspace,
        gradient: Option<&mut [f64]>,
        budget: &mut usize,
    ) -> Option<f64> {
        let count = rows.len();
        if self.done == 0 {
            self.total = 0.0;
            match gradient {
                Some(_) => spec.start_gradient(theta, workspace),
                None => spec.check_buffers(theta, workspace),
            }
        }
        let per_row = spec.n_params().max(1);
        let mut chunk = [0; CHUNK];
        loop {
            let end = (self.done + CHUNK).min(count);
            let rows_here = &mut chunk[..end - self.done];
            match rows {
                Rows::First(_) => rows_here
                    .iter_mut()
                    .zip(self.done..end)
                    .for_each(|(r, i)| *r = i),
                Rows::Listed(listed) => rows_here.copy_from_slice(&listed[self.done..end]),
            }
            self.total += match gradient {
                Some(_) => spec.chunk_gradient(theta, samples, rows_here, workspace),
                None => spec.chunk_loss(theta, samples, rows_here, workspace),
            };
            *budget = budget.saturating_sub(rows_here.len().saturating_mul(per_row));
            self.done = end;
            if end == count {
                self.done = 0;
                return Some(match gradient {
                    Some(gradient) => {
                        spec.finish_gradient(theta, workspace, gradient, self.total, count)
                    }
                    None => spec.finish_loss(theta, self.total, count),
                });
            }
            if *budget == 0 {
                return None;
            }
        }
    }
}

/// A model spec with owned training data, scored through the [`Objective`] trait.
///
/// `value` is the full training loss; `value_and_gradient` works on the next batch. Mini-batches
/// walk through the rows in a shuffled order, one epoch after another; the order is reshuffled
/// at the start of every epoch by the objective's own generator, seeded at construction, so
/// the same seed gives the same batches. A full batch takes the rows in data order, so its
/// value is exactly `value`'s. Both include the weight penalty. The search box is
/// `[-PARAM_BOUND, PARAM_BOUND]` for every parameter.
#[derive(Debug, Clone)]
pub struct ModelObjective {
    spec: ModelSpec,
    features: Vec<f64>,
    targets: Vec<f64>,
    batch_size: usize,
    stream: Stream,
    workspace: Workspace,
    pass: RowPass,
}

/// Where a [`ModelObjective`]'s batches stand: all it changes as it is evaluated (see
/// [`Objective::state`]).
#[derive(Debug, Clone)]
struct Stream {
    order: Vec<usize>,
    cursor: usize,
    batch: std::ops::Range<usize>,
    epochs: usize,
    rng: Rng,
}

impl ModelObjective {
    /// Trains `spec` on a copy of `features` (row-major) and `targets`, with `batching`;
    /// `seed` fixes the order of the mini-batches. Fails if the data is empty or does not fit
    /// the spec, or the batch size is not from 1 to the number of rows.
    pub fn new(
        spec: ModelSpec,
        features: &[f64],
        targets: &[f64],
        batching: Batching,
        seed: u64,
    ) -> Result<Self> {
        let samples = Samples::new(features, targets, spec.inputs())?;
        spec.check_samples(&samples)?;
        if samples.is_empty() {
            return Err(Error::data("there are no training rows"));
        }
        let n = samples.len();
        let batch_size = match batching {
            Batching::Full => n,
            Batching::MiniBatch(m) => check_count("batch size", m, 1, n)?,
        };
        let mut objective = ModelObjective {
            workspace: spec.workspace(),
            spec,
            features: features.to_vec(),
            targets: targets.to_vec(),
            batch_size,
            stream: Stream {
                order: (0..n).collect(),
                cursor: 0,
                batch: 0..0,
                epochs: 0,
                rng: rng::seeded(seed),
            },
            pass: RowPass::default(),
        };
        objective.shuffle();
        Ok(objective)
    }

    /// The model being trained.
    pub fn spec(&self) -> &ModelSpec {
        &self.spec
    }

    /// The training data.
    pub fn samples(&self) -> Samples<'_> {
        Samples {
            features: &self.features,
            targets: &self.targets,
            inputs: self.spec.inputs(),
        }
    }

    /// Epochs completed by `value_and_gradient` so far.
    pub fn epochs(&self) -> usize {
        self.stream.epochs
    }

    /// The rows of the latest batch (empty before the first gradient), e.g. to highlight them.
    pub fn last_batch(&self) -> &[usize] {
        let s = &self.stream;
        &s.order[s.batch.clone()]
    }

    /// Shuffles the row order for the next epoch; a full batch keeps the rows in data order.
    fn shuffle(&mut self) {
        let s = &mut self.stream;
        if self.batch_size < s.order.len() {
            rng::shuffle(&mut s.rng, &mut s.order);
        }
    }

    /// Moves the cursor past the next batch, reshuffling when an epoch is complete.
    fn advance(&mut self) {
        if self.stream.cursor == self.stream.order.len() {
            self.stream.cursor = 0;
            self.shuffle();
        }
        let s = &mut self.stream;
        let end = (s.cursor + self.batch_size).min(s.order.len());
        s.batch = s.cursor..end;
        s.cursor = end;
        if end == s.order.len() {
            s.epochs += 1;
        }
    }
}

impl Objective for ModelObjective {
    fn dim(&self) -> usize {
        self.spec.n_params()
    }

    fn bounds(&self) -> Vec<(f64, f64)> {
        vec![(-PARAM_BOUND, PARAM_BOUND); self.dim()]
    }

    /// The loss on all training rows, penalty included.
    fn value(&mut self, theta: &[f64]) -> f64 {
        let mut unlimited = usize::MAX;
        self.evaluate_part(theta, None, &mut unlimited)
            .expect("an unlimited budget finishes the pass")
    }

    /// The loss and gradient on the next batch, penalty included.
    fn value_and_gradient(&mut self, theta: &[f64], gradient: &mut [f64]) -> f64 {
        let mut unlimited = usize::MAX;
        self.evaluate_part(theta, Some(gradient), &mut unlimited)
            .expect("an unlimited budget finishes the pass")
    }

    /// The loss on all training rows, or the loss and gradient on the next batch, a few
    /// chunks of rows at a time (see [`RowPass`]); a unit of work is a row times a parameter.
    fn evaluate_part(
        &mut self,
        theta: &[f64],
        gradient: Option<&mut [f64]>,
        budget: &mut usize,
    ) -> Option<f64> {
        if gradient.is_some() && !self.pass.started() {
            self.advance();
        }
        let samples = Samples {
            features: &self.features,
            targets: &self.targets,
            inputs: self.spec.inputs(),
        };
        let rows = match gradient {
            Some(_) => Rows::Listed(&self.stream.order[self.stream.batch.clone()]),
            None => Rows::First(self.targets.len()),
        };
        self.pass.resume(
            &self.spec,
            theta,
            &samples,
            rows,
            &mut self.workspace,
            gradient,
            budget,
        )
    }

    fn state(&self) -> Option<Box<dyn std::any::Any>> {
        Some(Box::new(self.stream.clone()))
    }

    fn set_state(&mut self, state: &dyn std::any::Any) {
        if let Some(stream) = state.downcast_ref::<Stream>() {
            self.stream.clone_from(stream);
            self.pass = RowPass::default();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn objective(n: usize, batching: Batching) -> ModelObjective {
        let features: Vec<f64> = (0..n).map(|i| i as f64 / n as f64).collect();
        let spec = ModelSpec::linear_regression(1).unwrap();
        ModelObjective::new(spec, &features, &features, batching, 9).unwrap()
    }

    #[test]
    fn epochs_count_completed_passes() {
        let mut objective = objective(10, Batching::MiniBatch(4));
        let mut gradient = [0.0; 2];
        let sizes: Vec<(usize, usize)> = (0..6)
            .map(|_| {
                objective.value_and_gradient(&[0.0, 0.0], &mut gradient);
                (objective.last_batch().len(), objective.epochs())
            })
            .collect();
        assert_eq!(sizes, [(4, 0), (4, 0), (2, 1), (4, 1), (4, 1), (2, 2)]);
    }

    #[test]
    fn batch_size_must_fit_the_data() {
        let spec = ModelSpec::linear_regression(1).unwrap();
        let err = ModelObjective::new(
            spec.clone(),
            &[1.0, 2.0],
            &[1.0, 2.0],
            Batching::MiniBatch(3),
            1,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "batch size: must be a whole number from 1 to 2 (got 3)"
        );
        let err = ModelObjective::new(spec, &[], &[], Batching::Full, 1).unwrap_err();
        assert_eq!(err.to_string(), "there are no training rows");
    }
}
