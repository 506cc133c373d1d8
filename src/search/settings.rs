//! Every strategy hyperparameter the page can set, with its allowed range.

use super::grid::GridSettings;
use crate::Result;
use crate::error::{check_count, check_range};
use serde::Serialize;

/// Which strategy searches θ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrategyKind {
    /// Gradient descent with one of the [`UpdateRule`]s.
    Gradient,
    /// Random search: uniform samples in the domain box.
    RandomGlobal,
    /// Random search: the local walk θ ← θ + ε, kept when it improves.
    RandomWalk,
    /// A genetic algorithm.
    Genetic,
    /// Grid search: every cell centre of an n-per-axis grid over the box.
    Grid,
}

crate::named_choices!(StrategyKind {
    "gradient" => Gradient,
    "random-global" => RandomGlobal,
    "random-walk" => RandomWalk,
    "genetic" => Genetic,
    "grid" => Grid,
});

/// Gradient-descent update rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateRule {
    /// θ ← θ − α g
    Plain,
    /// v ← μv + g; θ ← θ − αv
    Momentum,
    /// v ← μv + ∇J(θ − αμv); θ ← θ − αv
    Nesterov,
    /// G ← G + g²; θ ← θ − α g / (√G + ε)
    Adagrad,
    /// s ← ρs + (1−ρ)g²; θ ← θ − α g / (√s + ε)
    Rmsprop,
    /// Adam with bias correction.
    Adam,
}

crate::named_choices!(UpdateRule {
    "plain" => Plain,
    "momentum" => Momentum,
    "nesterov" => Nesterov,
    "adagrad" => Adagrad,
    "rmsprop" => Rmsprop,
    "adam" => Adam,
});

/// GA crossover operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crossover {
    /// Each gene from either parent with probability ½.
    Uniform,
    /// Each gene drawn uniformly from the parents' interval widened by α on both sides (BLX-α);
    /// α = 0 gives arithmetic crossover.
    Blend,
}

crate::named_choices!(Crossover {
    "uniform" => Uniform,
    "blend" => Blend,
});

/// All strategy settings; each strategy reads the fields it needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StrategySettings {
    /// Which strategy.
    pub kind: StrategyKind,
    /// GD update rule.
    pub rule: UpdateRule,
    /// GD learning rate α.
    pub learning_rate: f64,
    /// Momentum / Nesterov coefficient μ.
    pub momentum: f64,
    /// RMSProp decay ρ.
    pub rho: f64,
    /// Adam β₁.
    pub beta1: f64,
    /// Adam β₂.
    pub beta2: f64,
    /// Small constant ε of AdaGrad, RMSProp and Adam.
    pub epsilon: f64,
    /// Random search and grid search: candidates per step.
    pub samples_per_step: usize,
    /// Random walk: step size σ of ε ~ N(0, σ²I).
    pub sigma: f64,
    /// GA population size.
    pub population: usize,
    /// GA tournament size k.
    pub tournament: usize,
    /// GA crossover operator.
    pub crossover: Crossover,
    /// BLX-α widening.
    pub blend_alpha: f64,
    /// GA probability that a gene mutates.
    pub mutation_rate: f64,
    /// GA mutation step σ.
    pub mutation_sigma: f64,
    /// GA individuals copied unchanged into the next generation.
    pub elitism: usize,
    /// GA initial spread around the start point, as a fraction of the domain width.
    pub initial_spread: f64,
    /// Grid search's own settings (its points per axis, `gridPoints` in JS).
    #[serde(rename = "gridPoints")]
    pub grid: GridSettings,
}

impl Default for StrategySettings {
    fn default() -> Self {
        StrategySettings {
            kind: StrategyKind::Gradient,
            rule: UpdateRule::Plain,
            learning_rate: 0.05,
            momentum: 0.9,
            rho: 0.9,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
            samples_per_step: 5,
            sigma: 0.3,
            population: 40,
            tournament: 3,
            crossover: Crossover::Blend,
            blend_alpha: 0.3,
            mutation_rate: 0.2,
            mutation_sigma: 0.3,
            elitism: 2,
            initial_spread: 0.25,
            grid: GridSettings::default(),
        }
    }
}

/// The largest population or batch the page accepts (keeps a step well under a frame).
pub const MAX_POPULATION: usize = 2000;
/// Allowed learning rates α.
pub const LEARNING_RATE_RANGE: [f64; 2] = [0.0, 1e6];
/// Allowed momentum coefficients μ.
pub const MOMENTUM_RANGE: [f64; 2] = [0.0, 0.999];
/// Allowed RMSProp decays ρ.
pub const RHO_RANGE: [f64; 2] = [0.0, 0.9999];
/// Allowed Adam β₁.
pub const BETA1_RANGE: [f64; 2] = [0.0, 0.9999];
/// Allowed Adam β₂.
pub const BETA2_RANGE: [f64; 2] = [0.0, 0.99999];
/// Allowed small constants ε.
pub const EPSILON_RANGE: [f64; 2] = [1e-12, 1.0];
/// Allowed random-search samples per step.
pub const SAMPLES_RANGE: [usize; 2] = [1, MAX_POPULATION];
/// Allowed random-walk step sizes σ.
pub const SIGMA_RANGE: [f64; 2] = [1e-6, 100.0];
/// Allowed GA population sizes.
pub const POPULATION_RANGE: [usize; 2] = [2, MAX_POPULATION];
/// Smallest tournament size (the largest is the population).
pub const MIN_TOURNAMENT: usize = 1;
/// Allowed BLX-α widenings.
pub const BLEND_RANGE: [f64; 2] = [0.0, 1.0];
/// Allowed mutation probabilities.
pub const MUTATION_RATE_RANGE: [f64; 2] = [0.0, 1.0];
/// Allowed mutation steps σ.
pub const MUTATION_SIGMA_RANGE: [f64; 2] = [0.0, 100.0];
/// Allowed initial spreads (fractions of the domain width).
pub const SPREAD_RANGE: [f64; 2] = [0.0, 1.0];

impl StrategySettings {
    /// Checks every field against its allowed range; the error names the first bad setting.
    pub fn validate(&self) -> Result<()> {
        let number = |name, value, [min, max]: [f64; 2]| check_range(name, value, min, max);
        let count = |name, value, [min, max]: [usize; 2]| check_count(name, value, min, max);
        number("learning rate α", self.learning_rate, LEARNING_RATE_RANGE)?;
        number("momentum μ", self.momentum, MOMENTUM_RANGE)?;
        number("decay ρ", self.rho, RHO_RANGE)?;
        number("β₁", self.beta1, BETA1_RANGE)?;
        number("β₂", self.beta2, BETA2_RANGE)?;
        number("ε", self.epsilon, EPSILON_RANGE)?;
        count("samples per step", self.samples_per_step, SAMPLES_RANGE)?;
        number("step size σ", self.sigma, SIGMA_RANGE)?;
        count("population", self.population, POPULATION_RANGE)?;
        let tournament = [MIN_TOURNAMENT, self.population];
        count("tournament size", self.tournament, tournament)?;
        number("blend α", self.blend_alpha, BLEND_RANGE)?;
        number("mutation rate", self.mutation_rate, MUTATION_RATE_RANGE)?;
        number("mutation σ", self.mutation_sigma, MUTATION_SIGMA_RANGE)?;
        count("elitism", self.elitism, [0, self.population - 1])?;
        number("initial spread", self.initial_spread, SPREAD_RANGE)?;
        self.grid.validate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_absurd_values_are_refused_by_name() {
        assert!(StrategySettings::default().validate().is_ok());
        let bad = |f: fn(&mut StrategySettings)| {
            let mut s = StrategySettings::default();
            f(&mut s);
            s.validate().unwrap_err().to_string()
        };
        assert!(
            bad(|s| s.population = 0)
                .starts_with("population: must be a whole number from 2 to 2000")
        );
        assert!(bad(|s| s.population = 1_000_000_000).contains("(got 1000000000)"));
        assert!(bad(|s| s.sigma = -1.0).starts_with("step size σ"));
        assert!(bad(|s| s.learning_rate = f64::NAN).starts_with("learning rate α"));
        assert!(bad(|s| s.elitism = 40).starts_with("elitism"));
        assert!(bad(|s| s.tournament = 0).starts_with("tournament size"));
    }
}
