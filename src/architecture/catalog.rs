//! Every setting of a search for a model, once: its path in the settings object, its key in a
//! share link, its label, kind, range and default. The page builds its fields, its checks'
//! hints and its link keys from this table; the core checks the values themselves.

use super::evolution::EvolutionSettings;
use super::halving::HalvingSettings;
use super::random::{MAX_CANDIDATES, RandomSettings};
use super::search::SearchSettings;
use super::space::{L2_LIMITS, LEARNING_RATE_LIMITS, MAX_EPOCHS, MAX_GRID_STEPS};
use crate::choice::Choice;
use crate::model::{Activation, MAX_HIDDEN_LAYERS, MAX_NEURONS};
use crate::search::settings::UpdateRule;
use crate::training::MAX_FOLDS;
use serde::Serialize;

/// How a setting is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SettingKind {
    /// A whole number.
    Count,
    /// Any number in the range.
    Number,
    /// `[min, max]` of whole numbers.
    CountRange,
    /// `[min, max]` of numbers on a log scale.
    LogRange,
    /// One of `choices`.
    Choice,
    /// A non-empty subset of `choices`.
    Choices,
    /// true or false.
    Flag,
}

/// One setting of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingSpec {
    /// Where it lives in the settings object, dotted ("space.epochs").
    pub path: &'static str,
    /// Its key in a share link.
    pub key: &'static str,
    /// What the page calls it.
    pub label: &'static str,
    /// How it is written.
    pub kind: SettingKind,
    /// Smallest allowed value (per end, for ranges).
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// The default: a number, `[min, max]`, a name, a list of names or a flag, as a JS value.
    pub default: DefaultValue,
    /// The names allowed (choice settings).
    pub choices: Vec<&'static str>,
    /// The strategies it applies to (empty: every one).
    pub strategies: Vec<&'static str>,
}

/// A setting's default value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum DefaultValue {
    /// A number.
    Number(f64),
    /// `[min, max]`.
    Pair([f64; 2]),
    /// A name.
    Name(&'static str),
    /// Names.
    Names(Vec<&'static str>),
    /// A flag.
    Flag(bool),
}

fn names<T: Choice>() -> Vec<&'static str> {
    T::NAMES.iter().map(|(name, _)| *name).collect()
}

fn named<T: Choice>(items: &[T]) -> DefaultValue {
    DefaultValue::Names(items.iter().map(|item| item.name()).collect())
}

/// The table of a search's settings, defaults from [`SearchSettings::default`] and each
/// strategy's own settings type.
pub fn search_settings_table() -> Vec<SettingSpec> {
    let d = SearchSettings::default();
    let (random, evolution, halving) = (
        RandomSettings::default(),
        EvolutionSettings::default(),
        HalvingSettings::default(),
    );
    let spec = |path, key, label, kind, min: f64, max: f64, default| SettingSpec {
        path,
        key,
        label,
        kind,
        min,
        max,
        default,
        choices: Vec::new(),
        strategies: Vec::new(),
    };
    let count = |n: usize| DefaultValue::Number(n as f64);
    let only = |mut s: SettingSpec, kinds: &[&'static str]| {
        s.strategies = kinds.to_vec();
        s
    };
    let with_choices = |mut s: SettingSpec, choices: Vec<&'static str>| {
        s.choices = choices;
        s
    };
    let s = &d.space;
    vec![
        with_choices(
            spec(
                "strategy.kind",
                "strategy",
                "Strategy",
                SettingKind::Choice,
                0.0,
                0.0,
                DefaultValue::Name("random"),
            ),
            vec!["grid", "random", "evolution", "halving"],
        ),
        only(
            spec(
                "strategy.candidates",
                "cand",
                "Candidates",
                SettingKind::Count,
                1.0,
                MAX_CANDIDATES as f64,
                count(random.candidates),
            ),
            &["random", "evolution", "halving"],
        ),
        only(
            spec(
                "strategy.population",
                "pop",
                "Population",
                SettingKind::Count,
                4.0,
                50.0,
                count(evolution.population),
            ),
            &["evolution"],
        ),
        only(
            spec(
                "strategy.tournament",
                "tour",
                "Tournament size",
                SettingKind::Count,
                2.0,
                50.0,
                count(evolution.tournament),
            ),
            &["evolution"],
        ),
        only(
            spec(
                "strategy.elitism",
                "elite",
                "Elites kept",
                SettingKind::Count,
                0.0,
                49.0,
                count(evolution.elitism),
            ),
            &["evolution"],
        ),
        only(
            spec(
                "strategy.mutationRate",
                "mrate",
                "Extra mutation chance",
                SettingKind::Number,
                0.0,
                0.9,
                DefaultValue::Number(evolution.mutation_rate),
            ),
            &["evolution"],
        ),
        only(
            spec(
                "strategy.eta",
                "eta",
                "Keep 1/η per rung",
                SettingKind::Count,
                2.0,
                4.0,
                count(halving.eta),
            ),
            &["halving"],
        ),
        spec(
            "space.layers",
            "layers",
            "Hidden layers",
            SettingKind::CountRange,
            0.0,
            MAX_HIDDEN_LAYERS as f64,
            DefaultValue::Pair([s.layers.min as f64, s.layers.max as f64]),
        ),
        spec(
            "space.neurons",
            "neurons",
            "Neurons per layer",
            SettingKind::CountRange,
            1.0,
            MAX_NEURONS as f64,
            DefaultValue::Pair([s.neurons.min as f64, s.neurons.max as f64]),
        ),
        with_choices(
            spec(
                "space.activations",
                "acts",
                "Activations",
                SettingKind::Choices,
                0.0,
                0.0,
                named(&s.activations),
            ),
            names::<Activation>(),
        ),
        with_choices(
            spec(
                "space.rules",
                "rules",
                "Update rules",
                SettingKind::Choices,
                0.0,
                0.0,
                named(&s.rules),
            ),
            names::<UpdateRule>(),
        ),
        spec(
            "space.learningRate",
            "lr",
            "Learning rate α",
            SettingKind::LogRange,
            LEARNING_RATE_LIMITS[0],
            LEARNING_RATE_LIMITS[1],
            DefaultValue::Pair([s.learning_rate.min, s.learning_rate.max]),
        ),
        spec(
            "space.l2",
            "l2",
            "L2 rate",
            SettingKind::LogRange,
            L2_LIMITS[0],
            L2_LIMITS[1],
            DefaultValue::Pair([s.l2.min, s.l2.max]),
        ),
        spec(
            "space.l2Zero",
            "l2zero",
            "Also try no L2",
            SettingKind::Flag,
            0.0,
            1.0,
            DefaultValue::Flag(s.l2.zero),
        ),
        spec(
            "space.epochs",
            "epochs",
            "Epochs per candidate",
            SettingKind::Count,
            1.0,
            MAX_EPOCHS as f64,
            count(s.epochs),
        ),
        only(
            spec(
                "space.layerSteps",
                "gl",
                "Grid: depths",
                SettingKind::Count,
                1.0,
                MAX_GRID_STEPS as f64,
                count(s.layers.steps),
            ),
            &["grid"],
        ),
        only(
            spec(
                "space.neuronSteps",
                "gn",
                "Grid: widths",
                SettingKind::Count,
                1.0,
                MAX_GRID_STEPS as f64,
                count(s.neurons.steps),
            ),
            &["grid"],
        ),
        only(
            spec(
                "space.learningRateSteps",
                "glr",
                "Grid: learning rates",
                SettingKind::Count,
                1.0,
                MAX_GRID_STEPS as f64,
                count(s.learning_rate.steps),
            ),
            &["grid"],
        ),
        only(
            spec(
                "space.l2Steps",
                "gl2",
                "Grid: L2 rates",
                SettingKind::Count,
                0.0,
                MAX_GRID_STEPS as f64,
                count(s.l2.steps),
            ),
            &["grid"],
        ),
        spec(
            "folds.k",
            "folds",
            "Folds k",
            SettingKind::Count,
            2.0,
            MAX_FOLDS as f64,
            count(d.folds.k),
        ),
        spec(
            "folds.stratified",
            "strat",
            "Stratified folds",
            SettingKind::Flag,
            0.0,
            1.0,
            DefaultValue::Flag(d.folds.stratified),
        ),
        spec(
            "testShare",
            "test",
            "Held-out test share",
            SettingKind::Number,
            0.05,
            0.5,
            DefaultValue::Number(d.test_share),
        ),
        spec(
            "seed",
            "seed",
            "Seed",
            SettingKind::Count,
            0.0,
            u32::MAX as f64,
            count(d.seed as usize),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_has_its_own_path_and_link_key() {
        let table = search_settings_table();
        for (i, a) in table.iter().enumerate() {
            for b in &table[i + 1..] {
                assert_ne!(a.path, b.path);
                assert_ne!(a.key, b.key);
            }
            assert!(a.min <= a.max, "{}", a.path);
        }
    }
}
