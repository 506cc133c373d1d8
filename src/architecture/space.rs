//! The search space: which architectures and hyperparameters a search may try. Every
//! dimension is either fixed (one value) or searched over a range or a set.

use super::candidate::Architecture;
use crate::error::{check_count, check_range};
use crate::model::{Activation, MAX_HIDDEN_LAYERS, MAX_NEURONS};
use crate::rng::{Rng, index, uniform};
use crate::search::settings::UpdateRule;
use crate::text::Num;
use crate::{Error, Result};

/// Most points a grid may have.
pub const MAX_GRID_POINTS: usize = 10_000;
/// Most values a dimension's grid may take.
pub const MAX_GRID_STEPS: usize = 20;
/// Most training epochs per candidate.
pub const MAX_EPOCHS: usize = 2_000;
/// The smallest and largest learning rate a space may hold.
pub const LEARNING_RATE_LIMITS: [f64; 2] = [1e-5, 10.0];
/// The largest L2 rate a space may hold (its smallest positive one is 1e−7).
pub const L2_LIMITS: [f64; 2] = [1e-7, 10.0];

/// A whole-number dimension: `min..=max`, with `steps` values on the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntRange {
    /// Smallest value.
    pub min: usize,
    /// Largest value (equal to `min`: the dimension is fixed).
    pub max: usize,
    /// Values on the grid, spread evenly on a log scale and rounded (at most max − min + 1).
    pub steps: usize,
}

/// A positive rate searched on a log scale: `min..=max`, plus 0 when `zero` is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogRange {
    /// Smallest positive value.
    pub min: f64,
    /// Largest value (equal to `min`: the dimension is fixed unless `zero`).
    pub max: f64,
    /// Values on the grid, log-spaced (0, when allowed, is one more); 0 steps with `zero`
    /// set fixes the dimension at 0.
    pub steps: usize,
    /// Whether 0 (no penalty) is a value too.
    pub zero: bool,
}

/// Every dimension a search may vary.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchSpace {
    /// Number of hidden layers (0 = a linear or logistic model), within 0 to 6.
    pub layers: IntRange,
    /// Neurons per hidden layer, within 1 to 32.
    pub neurons: IntRange,
    /// Hidden activations to choose from (at least one).
    pub activations: Vec<Activation>,
    /// Gradient-descent update rules to choose from (at least one).
    pub rules: Vec<UpdateRule>,
    /// The learning rate α.
    pub learning_rate: LogRange,
    /// The L2 penalty rate.
    pub l2: LogRange,
    /// Training epochs per candidate: the budget of each (successive halving gives its
    /// early rungs a fraction of it).
    pub epochs: usize,
}

impl Default for SearchSpace {
    fn default() -> Self {
        SearchSpace {
            layers: IntRange {
                min: 0,
                max: 3,
                steps: 4,
            },
            neurons: IntRange {
                min: 2,
                max: 16,
                steps: 4,
            },
            activations: vec![Activation::Relu, Activation::Tanh],
            rules: vec![UpdateRule::Adam],
            learning_rate: LogRange {
                min: 0.003,
                max: 0.3,
                steps: 3,
                zero: false,
            },
            l2: LogRange {
                min: 1e-4,
                max: 1e-2,
                steps: 2,
                zero: true,
            },
            epochs: 60,
        }
    }
}

impl IntRange {
    fn validate(&self, name: &str, lo: usize, hi: usize) -> Result<()> {
        check_count(&format!("{name} (smallest)"), self.min, lo, hi)?;
        check_count(&format!("{name} (largest)"), self.max, self.min, hi)?;
        check_count(
            &format!("{name} (grid steps)"),
            self.steps,
            1,
            MAX_GRID_STEPS,
        )?;
        Ok(())
    }

    /// The grid's values, increasing and distinct.
    pub fn grid(&self) -> Vec<usize> {
        let span = self.max - self.min + 1;
        let steps = self.steps.min(span);
        if steps >= span {
            return (self.min..=self.max).collect();
        }
        let (lo, hi) = ((self.min + 1) as f64, (self.max + 1) as f64);
        let mut values: Vec<usize> = (0..steps)
            .map(|i| {
                let t = if steps == 1 {
                    0.0
                } else {
                    i as f64 / (steps - 1) as f64
                };
                ((lo * (hi / lo).powf(t)).round() as usize - 1).clamp(self.min, self.max)
            })
            .collect();
        values.dedup();
        values
    }

    /// A uniform draw from the range.
    pub fn sample(&self, rng: &mut Rng) -> usize {
        self.min + index(rng, self.max - self.min + 1)
    }

    /// `value` moved into the range.
    pub fn clamp(&self, value: usize) -> usize {
        value.clamp(self.min, self.max)
    }

    /// Whether more than one value is allowed.
    pub fn searched(&self) -> bool {
        self.max > self.min
    }
}

impl LogRange {
    fn validate(&self, name: &str, limits: [f64; 2]) -> Result<()> {
        check_range(
            &format!("{name} (smallest)"),
            self.min,
            limits[0],
            limits[1],
        )?;
        check_range(&format!("{name} (largest)"), self.max, self.min, limits[1])?;
        let fewest = if self.zero { 0 } else { 1 };
        check_count(
            &format!("{name} (grid steps)"),
            self.steps,
            fewest,
            MAX_GRID_STEPS,
        )?;
        Ok(())
    }

    /// Whether the only value is 0.
    fn only_zero(&self) -> bool {
        self.zero && self.steps == 0
    }

    /// The grid's values: 0 first when allowed, then `steps` log-spaced values (one when fixed).
    pub fn grid(&self) -> Vec<f64> {
        let steps = if self.max > self.min {
            self.steps
        } else {
            self.steps.min(1)
        };
        let zero = self.zero.then_some(0.0);
        let spaced = (0..steps).map(|i| {
            if steps == 1 {
                self.min
            } else {
                let t = i as f64 / (steps - 1) as f64;
                self.min * (self.max / self.min).powf(t)
            }
        });
        zero.into_iter().chain(spaced).collect()
    }

    /// A log-uniform draw; when 0 is allowed it comes with the share one grid value has.
    pub fn sample(&self, rng: &mut Rng) -> f64 {
        let slots = self.steps + 1;
        if self.only_zero() || (self.zero && index(rng, slots) == 0) {
            return 0.0;
        }
        self.min * (self.max / self.min).powf(uniform(rng, 0.0, 1.0))
    }

    /// `value` moved into the range (a value below the range becomes 0 when 0 is allowed).
    pub fn clamp(&self, value: f64) -> f64 {
        if self.only_zero() || (self.zero && value < self.min * 0.5) {
            0.0
        } else if value < self.min {
            self.min
        } else if value > self.max {
            self.max
        } else {
            value
        }
    }

    /// Whether `value` is allowed.
    pub fn contains(&self, value: f64) -> bool {
        (self.zero && value == 0.0) || (!self.only_zero() && (self.min..=self.max).contains(&value))
    }

    /// Whether more than one value is allowed.
    pub fn searched(&self) -> bool {
        !self.only_zero() && (self.max > self.min || self.zero)
    }
}

/// One value of a set: `items[i]` drawn uniformly.
pub fn pick<T: Copy>(items: &[T], rng: &mut Rng) -> T {
    items[index(rng, items.len())]
}

impl SearchSpace {
    /// Checks every dimension; errors name the dimension and its allowed range.
    pub fn validate(&self) -> Result<()> {
        self.layers
            .validate("hidden layers", 0, MAX_HIDDEN_LAYERS)?;
        self.neurons.validate("neurons per layer", 1, MAX_NEURONS)?;
        if self.activations.is_empty() {
            return Err(Error::setting(
                "activations",
                "choose at least one activation to search",
            ));
        }
        if self.rules.is_empty() {
            return Err(Error::setting(
                "update rules",
                "choose at least one update rule to search",
            ));
        }
        self.learning_rate
            .validate("learning rate", LEARNING_RATE_LIMITS)?;
        self.l2.validate("L2 rate", L2_LIMITS)?;
        check_count("epochs per candidate", self.epochs, 1, MAX_EPOCHS)?;
        Ok(())
    }

    /// How many points the grid has (saturating: a huge grid reads as `usize::MAX`).
    pub fn grid_size(&self) -> usize {
        let widths = self.neurons.grid().len();
        let per_depth: usize = self
            .layers
            .grid()
            .iter()
            .map(|&depth| if depth == 0 { 1 } else { widths })
            .sum();
        [
            per_depth,
            self.activations.len(),
            self.rules.len(),
            self.learning_rate.grid().len(),
            self.l2.grid().len(),
        ]
        .iter()
        .fold(1usize, |total, &n| total.saturating_mul(n))
    }

    /// Checks that the grid is small enough to walk.
    pub fn check_grid(&self) -> Result<usize> {
        let size = self.grid_size();
        if size > MAX_GRID_POINTS {
            return Err(Error::setting(
                "grid",
                format!(
                    "{} points is more than the {} a grid search may visit: fix a dimension or use fewer steps",
                    Num(size as f64),
                    Num(MAX_GRID_POINTS as f64)
                ),
            ));
        }
        Ok(size)
    }

    /// A uniform draw: depth, each layer's width, the set members uniformly; the rates
    /// log-uniformly.
    pub fn sample(&self, rng: &mut Rng) -> Architecture {
        let depth = self.layers.sample(rng);
        Architecture {
            hidden: (0..depth).map(|_| self.neurons.sample(rng)).collect(),
            activation: pick(&self.activations, rng),
            rule: pick(&self.rules, rng),
            learning_rate: self.learning_rate.sample(rng),
            l2: self.l2.sample(rng),
        }
    }

    /// Whether `architecture` lies inside the space.
    pub fn contains(&self, architecture: &Architecture) -> bool {
        let a = architecture;
        (self.layers.min..=self.layers.max).contains(&a.hidden.len())
            && a.hidden
                .iter()
                .all(|n| (self.neurons.min..=self.neurons.max).contains(n))
            && self.activations.contains(&a.activation)
            && self.rules.contains(&a.rule)
            && self.learning_rate.contains(a.learning_rate)
            && self.l2.contains(a.l2)
    }
}
