//! The history of a run that the page draws: the most recent evaluated samples, the
//! strategy's recent positions (the path), and the best-so-far curve against evaluations.

/// How many evaluated samples the trace keeps for drawing; older ones are dropped first.
pub const SAMPLE_CAPACITY: usize = 20_000;

/// The most numbers the samples or the path may hold (so a 1000-weight model keeps fewer
/// rows than a 2-D landscape); older rows are dropped first.
pub const FLOAT_CAPACITY: usize = 200_000;

/// The first row a window of `capacity` rows keeps once `total` rows were recorded. Rows are
/// dropped a quarter of the capacity at a time (so the cost of dropping is spread over many
/// steps), at multiples of that quarter, so what is kept depends only on `total`: a run
/// rewound to a snapshot and stepped on keeps the same rows as the run that got there at once.
fn window_start(total: usize, capacity: usize) -> usize {
    let block = (capacity / 4).max(1);
    if total <= capacity + block {
        0
    } else {
        (total - capacity) / block * block
    }
}

/// Appends `new` rows (`dim` wide) to `rows`, which holds the run's rows from `from` on, and
/// drops (or skips) those before `first`.
fn append(rows: &mut Vec<f64>, from: usize, new: &[f64], dim: usize, first: usize) {
    let held = rows.len() / dim;
    let dropped = first.saturating_sub(from).min(held);
    rows.drain(..dropped * dim);
    let skipped = first.saturating_sub(from + held);
    rows.extend_from_slice(&new[(skipped * dim).min(new.len())..]);
}

/// A run's history, flat and ready to copy into typed arrays.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Trace {
    /// Whether steps are recorded at all ([`Trace::off`] records nothing).
    on: bool,
    dim: usize,
    /// Evaluated points, row-major, oldest first (at most a quarter over [`SAMPLE_CAPACITY`]
    /// rows, or over [`FLOAT_CAPACITY`] numbers).
    pub samples: Vec<f64>,
    /// The value of each kept sample.
    pub sample_values: Vec<f64>,
    /// The strategy's position after each step (the path), row-major, oldest first; row 0 is
    /// the start until the path outgrows [`FLOAT_CAPACITY`].
    pub positions: Vec<f64>,
    /// Evaluations done after each step (x of the best-so-far chart).
    pub evaluations: Vec<f64>,
    /// Best value found after each step (y of the best-so-far chart).
    pub best: Vec<f64>,
    /// The run's index of the first kept sample.
    samples_from: usize,
    /// The run's index of the first kept position (the step it was reached at).
    positions_from: usize,
}

impl Trace {
    /// An empty trace for θ of dimension `dim`, starting at `start`.
    pub fn new(start: &[f64]) -> Self {
        Trace {
            on: true,
            dim: start.len(),
            positions: start.to_vec(),
            ..Default::default()
        }
    }

    /// A trace that records nothing.
    pub fn off() -> Self {
        Trace::default()
    }

    /// Records one step: its evaluated points and values, the new position and the best so far.
    pub fn record(
        &mut self,
        points: &[f64],
        values: &[f64],
        position: &[f64],
        evaluations: usize,
        best: f64,
    ) {
        if !self.on {
            return;
        }
        let dim = self.dim.max(1);
        let total = self.samples_from + self.sample_values.len() + values.len();
        let first = window_start(total, self.sample_rows());
        let from = self.samples_from;
        append(&mut self.samples, from, points, dim, first);
        append(&mut self.sample_values, from, values, 1, first);
        self.samples_from = first.max(from);
        let total = self.positions_from + self.positions.len() / dim + 1;
        let first = window_start(total, self.position_rows());
        append(
            &mut self.positions,
            self.positions_from,
            position,
            dim,
            first,
        );
        self.positions_from = first.max(self.positions_from);
        self.evaluations.push(evaluations as f64);
        self.best.push(best);
    }

    /// How many samples are kept (fewer for a wide θ).
    fn sample_rows(&self) -> usize {
        SAMPLE_CAPACITY.min(FLOAT_CAPACITY / self.dim.max(1)).max(1)
    }

    /// How many positions are kept.
    fn position_rows(&self) -> usize {
        (FLOAT_CAPACITY / self.dim.max(1)).max(1)
    }

    /// Whether this trace still holds every row that the trace of the same run holds after
    /// `to` (steps, samples) and that was recorded before `since` (steps, samples): what a
    /// rewind to a snapshot taken at `since` cannot record again on its way to `to`.
    pub fn covers(&self, to: (usize, usize), since: (usize, usize)) -> bool {
        let samples = window_start(to.1, self.sample_rows());
        let positions = window_start(to.0 + 1, self.position_rows());
        (self.samples_from <= samples || since.1 <= samples)
            && (self.positions_from <= positions || since.0 < positions)
    }

    /// Forgets what was recorded after the first `steps` steps and `samples` samples (a run
    /// rewound to a snapshot taken then): stepping on records the rest again.
    pub fn truncate(&mut self, steps: usize, samples: usize) {
        if !self.on {
            return;
        }
        let dim = self.dim.max(1);
        self.evaluations.truncate(steps);
        self.best.truncate(steps);
        let kept = samples.saturating_sub(self.samples_from);
        self.samples.truncate(kept * dim);
        self.sample_values.truncate(kept);
        self.samples_from = self.samples_from.min(samples);
        let kept = (steps + 1).saturating_sub(self.positions_from);
        self.positions.truncate(kept * dim);
        self.positions_from = self.positions_from.min(steps + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_theta_keeps_fewer_rows_and_the_newest_ones() {
        let dim = 1000;
        let mut trace = Trace::new(&vec![0.0; dim]);
        for step in 0..300 {
            let point = vec![step as f64; dim];
            trace.record(&point, &[step as f64], &point, step + 1, 0.0);
        }
        let max_rows = FLOAT_CAPACITY / dim;
        let kept = trace.sample_values.len();
        assert!(
            (max_rows..=max_rows + max_rows / 4).contains(&kept),
            "kept {kept}"
        );
        assert_eq!(trace.samples.len(), kept * dim);
        assert_eq!(
            trace.sample_values[0],
            (300 - kept) as f64,
            "the newest rows are kept"
        );
        assert!(trace.positions.len() <= (max_rows + max_rows / 4) * dim);
        assert_eq!(trace.best.len(), 300);
    }

    #[test]
    fn a_batch_larger_than_the_capacity_keeps_its_newest_rows_and_off_keeps_nothing() {
        let dim = 1000;
        let rows = 2 * (FLOAT_CAPACITY / dim) + 50;
        let points: Vec<f64> = (0..rows * dim).map(|i| (i / dim) as f64).collect();
        let values: Vec<f64> = (0..rows).map(|r| r as f64).collect();
        let start = vec![0.0; dim];
        let mut trace = Trace::new(&start);
        trace.record(&points, &values, &start, rows, 0.0);
        assert_eq!(trace.sample_values.len(), FLOAT_CAPACITY / dim);
        // Rows are dropped a quarter of the capacity at a time, from the run's first row on.
        assert_eq!(trace.sample_values[0], 250.0);
        assert_eq!(trace.samples[0], 250.0);
        let mut off = Trace::off();
        off.record(&points, &values, &start, rows, 0.0);
        assert_eq!(off, Trace::off());
    }
}
