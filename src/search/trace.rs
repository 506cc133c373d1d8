//! The history of a run that the page draws: every evaluated sample (the most recent
//! [`SAMPLE_CAPACITY`] of them), the strategy's position after each step, and the
//! best-so-far curve against evaluations.

/// How many evaluated samples the trace keeps for drawing; older ones are dropped first.
pub const SAMPLE_CAPACITY: usize = 20_000;

/// A run's history, flat and ready to copy into typed arrays.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Trace {
    dim: usize,
    /// Evaluated points, row-major, oldest first (at most `SAMPLE_CAPACITY` rows).
    pub samples: Vec<f64>,
    /// The value of each kept sample.
    pub sample_values: Vec<f64>,
    /// The strategy's position after each step (the path), row-major; row 0 is the start.
    pub positions: Vec<f64>,
    /// Evaluations done after each step (x of the best-so-far chart).
    pub evaluations: Vec<f64>,
    /// Best value found after each step (y of the best-so-far chart).
    pub best: Vec<f64>,
}

impl Trace {
    /// An empty trace for θ of dimension `dim`, starting at `start`.
    pub fn new(start: &[f64]) -> Self {
        Trace { dim: start.len(), positions: start.to_vec(), ..Default::default() }
    }

    /// Records one step: its evaluated points and values, the new position and the best so far.
    pub fn record(&mut self, points: &[f64], values: &[f64], position: &[f64], evaluations: usize, best: f64) {
        self.samples.extend_from_slice(points);
        self.sample_values.extend_from_slice(values);
        let excess = self.sample_values.len().saturating_sub(SAMPLE_CAPACITY);
        if excess > 0 {
            self.samples.drain(..excess * self.dim);
            self.sample_values.drain(..excess);
        }
        self.positions.extend_from_slice(position);
        self.evaluations.push(evaluations as f64);
        self.best.push(best);
    }
}
