//! The history of a run that the page draws: the most recent evaluated samples, the
//! strategy's recent positions (the path), and the best-so-far curve against evaluations.

/// How many evaluated samples the trace keeps for drawing; older ones are dropped first.
pub const SAMPLE_CAPACITY: usize = 20_000;

/// The most numbers the samples or the path may hold (so a 1000-weight model keeps fewer
/// rows than a 2-D landscape); older rows are dropped first.
pub const FLOAT_CAPACITY: usize = 200_000;

/// Once `rows` (row-major, `dim` wide) holds a quarter more than `max_rows`, drops the
/// oldest rows down to `max_rows` (so the cost of dropping is spread over many steps).
/// Returns how many rows were dropped.
fn drop_oldest(rows: &mut Vec<f64>, dim: usize, max_rows: usize) -> usize {
    let held = rows.len() / dim.max(1);
    if held <= max_rows + max_rows / 4 {
        return 0;
    }
    let excess = held - max_rows;
    rows.drain(..excess * dim);
    excess
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
        let max_rows = SAMPLE_CAPACITY.min(FLOAT_CAPACITY / self.dim.max(1)).max(1);
        // A batch larger than what is kept only contributes its newest rows.
        let skipped = values.len().saturating_sub(max_rows);
        self.samples
            .extend_from_slice(&points[skipped * self.dim..]);
        self.sample_values.extend_from_slice(&values[skipped..]);
        let dropped = drop_oldest(&mut self.samples, self.dim, max_rows);
        self.sample_values.drain(..dropped);
        self.positions.extend_from_slice(position);
        drop_oldest(
            &mut self.positions,
            self.dim,
            FLOAT_CAPACITY / self.dim.max(1),
        );
        self.evaluations.push(evaluations as f64);
        self.best.push(best);
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
        let rows = FLOAT_CAPACITY / dim + 50;
        let points: Vec<f64> = (0..rows * dim).map(|i| (i / dim) as f64).collect();
        let values: Vec<f64> = (0..rows).map(|r| r as f64).collect();
        let start = vec![0.0; dim];
        let mut trace = Trace::new(&start);
        trace.record(&points, &values, &start, rows, 0.0);
        assert_eq!(trace.sample_values.len(), FLOAT_CAPACITY / dim);
        assert_eq!(trace.sample_values[0], 50.0);
        assert_eq!(trace.samples[0], 50.0);
        let mut off = Trace::off();
        off.record(&points, &values, &start, rows, 0.0);
        assert_eq!(off, Trace::off());
    }
}
