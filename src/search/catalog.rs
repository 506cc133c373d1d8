//! Every setting of a parameter strategy, once (see [`crate::catalog`]): paths relative to the
//! strategy's settings object, ranges from the constants [`StrategySettings::validate`] checks.
//! Every rate applies mid-run; the strategy, its update rule and the population restart it.

use super::settings::{
    BETA1_RANGE, BETA2_RANGE, BLEND_RANGE, EPSILON_RANGE, LEARNING_RATE_RANGE, MIN_TOURNAMENT,
    MOMENTUM_RANGE, MUTATION_RATE_RANGE, MUTATION_SIGMA_RANGE, POPULATION_RANGE, RHO_RANGE,
    SAMPLES_RANGE, SIGMA_RANGE, SPREAD_RANGE, StrategySettings,
};
use crate::catalog::SettingSpec;

/// The strategy settings' table, in link order, defaults from [`StrategySettings::default`].
pub fn strategy_settings_table() -> Vec<SettingSpec> {
    let d = StrategySettings::default();
    let gradient = |path, key, label, name, range, default| {
        SettingSpec::number(path, key, label, range, default)
            .named(name)
            .only(&["gradient"])
            .mid_run()
    };
    let genetic = |path, key, label, name, range, default| {
        SettingSpec::number(path, key, label, range, default)
            .named(name)
            .only(&["genetic"])
            .mid_run()
    };
    let count = |path, key, label, name, range, default| {
        SettingSpec::count(path, key, label, range, default)
            .named(name)
            .only(&["genetic"])
    };
    vec![
        SettingSpec::choice("kind", "strategy", "Strategy", d.kind),
        SettingSpec::choice("rule", "rule", "Update rule", d.rule).only(&["gradient"]),
        gradient(
            "learningRate",
            "alpha",
            "Learning rate α",
            "learning rate α",
            LEARNING_RATE_RANGE,
            d.learning_rate,
        ),
        gradient(
            "momentum",
            "mu",
            "Momentum μ",
            "momentum μ",
            MOMENTUM_RANGE,
            d.momentum,
        )
        .requires("rule", &["momentum", "nesterov"]),
        gradient("rho", "rho", "Decay ρ", "decay ρ", RHO_RANGE, d.rho)
            .requires("rule", &["rmsprop"]),
        gradient(
            "beta1",
            "beta1",
            "β₁ (1st moment)",
            "β₁",
            BETA1_RANGE,
            d.beta1,
        )
        .requires("rule", &["adam"]),
        gradient(
            "beta2",
            "beta2",
            "β₂ (2nd moment)",
            "β₂",
            BETA2_RANGE,
            d.beta2,
        )
        .requires("rule", &["adam"]),
        gradient(
            "epsilon",
            "eps",
            "ε (small constant)",
            "ε",
            EPSILON_RANGE,
            d.epsilon,
        )
        .requires("rule", &["adagrad", "rmsprop", "adam"]),
        SettingSpec::count(
            "samplesPerStep",
            "samples",
            "Samples per step",
            SAMPLES_RANGE,
            d.samples_per_step,
        )
        .named("samples per step")
        .only(&["random-global", "random-walk"])
        .mid_run(),
        SettingSpec::number("sigma", "sigma", "Step size σ", SIGMA_RANGE, d.sigma)
            .named("step size σ")
            .only(&["random-walk"])
            .mid_run(),
        count(
            "population",
            "pop",
            "Population",
            "population",
            POPULATION_RANGE,
            d.population,
        ),
        count(
            "tournament",
            "k",
            "Tournament size k",
            "tournament size",
            [MIN_TOURNAMENT, POPULATION_RANGE[1]],
            d.tournament,
        )
        .max_from("population", 0.0)
        .mid_run(),
        SettingSpec::choice("crossover", "crossover", "Crossover", d.crossover)
            .only(&["genetic"])
            .mid_run(),
        genetic(
            "blendAlpha",
            "blend",
            "Blend α",
            "blend α",
            BLEND_RANGE,
            d.blend_alpha,
        )
        .requires("crossover", &["blend"]),
        genetic(
            "mutationRate",
            "mrate",
            "Mutation rate",
            "mutation rate",
            MUTATION_RATE_RANGE,
            d.mutation_rate,
        ),
        genetic(
            "mutationSigma",
            "msigma",
            "Mutation σ",
            "mutation σ",
            MUTATION_SIGMA_RANGE,
            d.mutation_sigma,
        ),
        count(
            "elitism",
            "elite",
            "Elitism (kept best)",
            "elitism",
            [0, POPULATION_RANGE[1] - 1],
            d.elitism,
        )
        .max_from("population", -1.0)
        .mid_run(),
        genetic(
            "initialSpread",
            "spread",
            "Initial spread",
            "initial spread",
            SPREAD_RANGE,
            d.initial_spread,
        ),
    ]
}
