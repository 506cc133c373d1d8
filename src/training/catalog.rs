//! The Train a model view's own settings, once (see [`crate::catalog`]): the generated data,
//! the split, the model, the batches and the seed, paths relative to the view's options
//! (`data.…`, `config.…`, `show.…`). The strategy's settings are in
//! [`crate::search::catalog`]. Every one of these restarts the run but the display settings
//! (`show.…`), which change only the picture.

use super::{BatchMode, DisplayMode, InputMode, MAX_BATCH_SIZE, StepUnit, TrainingConfig};
use crate::catalog::{DefaultValue, Row, SettingKind, SettingSpec, name, table, whole};
use crate::data::{
    GENERATOR_IDS, MAX_NOISE, MAX_POINTS, MIN_POINTS, TEST_SHARE_RANGE, VALIDATION_SHARE_RANGE,
    generator_defaults,
};
use crate::landscape::catalog::seed_row;
use crate::model::{Activation, Loss, MAX_HIDDEN_LAYERS, MAX_NEURONS, MAX_RATE};
use crate::training::RegularizationKind;

/// The data set the view opens with (its points and noise are the defaults below).
const FIRST_DATA: &str = "circle";

/// The defaults.
fn d() -> TrainingConfig {
    TrainingConfig::default()
}

/// A setting of the generated data sets only.
const fn generated(row: Row) -> Row {
    row.requires("data.id", &GENERATOR_IDS)
}

/// A setting of gradient descent only.
const fn gradient(row: Row) -> Row {
    row.only(&["gradient"])
}

/// A display setting: a flag that changes only the picture, never the run.
const fn shown(path: &'static str, key: &'static str, label: &'static str, on: bool) -> Row {
    let default = if on { flag_on } else { flag_off };
    Row::of_kind(path, key, label, SettingKind::Flag, default).mid_run()
}

fn flag_on() -> DefaultValue {
    DefaultValue::Flag(true)
}

fn flag_off() -> DefaultValue {
    DefaultValue::Flag(false)
}

/// The Train a model view's rows, in link order.
static ROWS: &[Row] = &[
    generated(
        Row::count(
            "data.points",
            "n",
            "Points",
            [MIN_POINTS, MAX_POINTS],
            || whole(generator_defaults(FIRST_DATA).0),
        )
        .named("points"),
    ),
    generated(
        Row::number("data.noise", "noise", "Noise", [0.0, MAX_NOISE], || {
            DefaultValue::Number(generator_defaults(FIRST_DATA).1)
        })
        .named("noise"),
    ),
    generated(seed_row("data.seed", "dseed", "Data seed").named("data seed"))
        .defaulting(|| DefaultValue::Number(1.0)),
    Row::number(
        "config.testShare",
        "test",
        "Test share",
        TEST_SHARE_RANGE,
        || DefaultValue::Number(d().test_share),
    )
    .named("test share"),
    Row::number(
        "config.validationShare",
        "val",
        "Validation share",
        VALIDATION_SHARE_RANGE,
        || DefaultValue::Number(d().validation_share),
    )
    .named("validation share"),
    Row::choice::<DisplayMode>("config.display", "display", "Display", || {
        name(DisplayMode::Pair)
    }),
    Row::choice::<InputMode>("config.inputs", "inputs", "Model inputs", || {
        name(InputMode::Display)
    }),
    Row::count(
        "config.model.hidden",
        "layers",
        "Hidden layers",
        [0, MAX_HIDDEN_LAYERS],
        || DefaultValue::Counts(d().model.hidden),
    )
    .named("hidden layers"),
    Row::count(
        "config.model.hidden.*",
        "neurons",
        "Layer {n}: neurons",
        [1, MAX_NEURONS],
        || whole(d().model.hidden[0]),
    )
    .named("neurons in layer {n}")
    .unlinked(),
    Row::choice::<Activation>("config.model.activation", "act", "Activation", || {
        name(d().model.activation)
    }),
    Row::choice::<Loss>("config.model.loss", "loss", "Loss", || name(d().model.loss)),
    Row::choice::<RegularizationKind>(
        "config.model.regularization",
        "reg",
        "Regularization",
        || name(d().model.regularization),
    ),
    Row::number(
        "config.model.regularizationRate",
        "lambda",
        "Regularization rate λ",
        [0.0, MAX_RATE],
        || DefaultValue::Number(d().model.regularization_rate),
    )
    .named("regularization rate")
    .unless("config.model.regularization", &["none"]),
    gradient(Row::choice::<BatchMode>(
        "config.batch",
        "batch",
        "Batches",
        || name(BatchMode::Mini),
    )),
    gradient(
        Row::count(
            "config.batchSize",
            "bs",
            "Batch size",
            [1, MAX_BATCH_SIZE],
            || whole(d().batch_size),
        )
        .named("batch size")
        .requires("config.batch", &["mini"]),
    ),
    gradient(Row::choice::<StepUnit>(
        "config.stepUnit",
        "unit",
        "One step",
        || name(StepUnit::Epoch),
    )),
    seed_row("config.seed", "seed", "Seed (split, first weights, search)")
        .defaulting(|| DefaultValue::Number(d().seed as f64)),
    // The test rows drawn as hollow rings on the plot (TensorFlow Playground's "Show test data").
    shown("show.testData", "showtest", "Show test data", true),
    // The output as hard class regions or value bands instead of shading by confidence.
    shown("show.discretize", "discretize", "Discretize output", false),
];

/// The Train a model view's table, in link order, defaults from [`TrainingConfig::default`]
/// and the first data set's generator.
pub fn training_settings_table() -> Vec<SettingSpec> {
    table(ROWS)
}
