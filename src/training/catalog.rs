//! The Train a model view's own settings, once (see [`crate::catalog`]): the generated data,
//! the split, the model, the batches and the seed, paths relative to the view's options
//! (`data.…`, `config.…`). The strategy's settings are in [`crate::search::catalog`]. Every
//! one of these restarts the run.

use super::{BatchMode, DisplayMode, InputMode, MAX_BATCH_SIZE, StepUnit, TrainingConfig};
use crate::catalog::{DefaultValue, SettingSpec};
use crate::data::{
    GENERATOR_IDS, MAX_NOISE, MAX_POINTS, MIN_POINTS, TEST_SHARE_RANGE, VALIDATION_SHARE_RANGE,
    generator_defaults,
};
use crate::landscape::catalog::seed_spec;
use crate::model::{MAX_HIDDEN_LAYERS, MAX_NEURONS, MAX_RATE};

/// The data set the view opens with (its points and noise are the defaults below).
const FIRST_DATA: &str = "circle";

/// The Train a model view's table, in link order, defaults from [`TrainingConfig::default`]
/// and the first data set's generator.
pub fn training_settings_table() -> Vec<SettingSpec> {
    let d = TrainingConfig::default();
    let (points, noise) = generator_defaults(FIRST_DATA);
    let generated = |spec: SettingSpec| spec.requires("data.id", &GENERATOR_IDS);
    let gradient = |spec: SettingSpec| spec.only(&["gradient"]);
    let m = &d.model;
    vec![
        generated(
            SettingSpec::count(
                "data.points",
                "n",
                "Points",
                [MIN_POINTS, MAX_POINTS],
                points,
            )
            .named("points"),
        ),
        generated(
            SettingSpec::number("data.noise", "noise", "Noise", [0.0, MAX_NOISE], noise)
                .named("noise"),
        ),
        generated(seed_spec("data.seed", "dseed", "Data seed").named("data seed"))
            .defaulting(DefaultValue::Number(1.0)),
        SettingSpec::number(
            "config.testShare",
            "test",
            "Test share",
            TEST_SHARE_RANGE,
            d.test_share,
        )
        .named("test share"),
        SettingSpec::number(
            "config.validationShare",
            "val",
            "Validation share",
            VALIDATION_SHARE_RANGE,
            d.validation_share,
        )
        .named("validation share"),
        SettingSpec::choice("config.display", "display", "Display", DisplayMode::Pair),
        SettingSpec::choice(
            "config.inputs",
            "inputs",
            "Model inputs",
            InputMode::Display,
        ),
        SettingSpec::count(
            "config.model.hidden",
            "layers",
            "Hidden layers",
            [0, MAX_HIDDEN_LAYERS],
            m.hidden.len(),
        )
        .named("hidden layers")
        .defaulting(DefaultValue::Counts(m.hidden.clone())),
        SettingSpec::count(
            "config.model.hidden.*",
            "neurons",
            "Layer {n}: neurons",
            [1, MAX_NEURONS],
            m.hidden[0],
        )
        .named("neurons in layer {n}")
        .unlinked(),
        SettingSpec::choice("config.model.activation", "act", "Activation", m.activation),
        SettingSpec::choice("config.model.loss", "loss", "Loss", m.loss),
        SettingSpec::choice(
            "config.model.regularization",
            "reg",
            "Regularization",
            m.regularization,
        ),
        SettingSpec::number(
            "config.model.regularizationRate",
            "lambda",
            "Regularization rate λ",
            [0.0, MAX_RATE],
            m.regularization_rate,
        )
        .named("regularization rate")
        .unless("config.model.regularization", &["none"]),
        gradient(SettingSpec::choice(
            "config.batch",
            "batch",
            "Batches",
            BatchMode::Mini,
        )),
        gradient(
            SettingSpec::count(
                "config.batchSize",
                "bs",
                "Batch size",
                [1, MAX_BATCH_SIZE],
                d.batch_size,
            )
            .named("batch size")
            .requires("config.batch", &["mini"]),
        ),
        gradient(SettingSpec::choice(
            "config.stepUnit",
            "unit",
            "One step",
            StepUnit::Epoch,
        )),
        seed_spec("config.seed", "seed", "Seed (split, first weights, search)")
            .defaulting(DefaultValue::Number(d.seed as f64)),
    ]
}
