//! Fitting a model to a dataset's rows within a budget, and scoring it on other rows: the
//! pure pair that cross-validation, the architecture search and the tests train through.
//! Every feature column is standardized on the fitting rows only, so nothing leaks from the
//! rows a model is scored on.

use super::config::ModelSettings;
use super::plane::Plane;
use super::trainer::{TargetCoding, Trainer, WeightSearch, model_spec};
use crate::data::{Dataset, Standardizer, Target};
use crate::model::{ModelSpec, Samples};
use crate::render::boundary::output_rgba;
use crate::rng::seeded;
use crate::search::Status;
use crate::{Error, Result};

/// Everything that says how one candidate model is trained, apart from its data.
#[derive(Debug, Clone, PartialEq)]
pub struct FitSettings {
    /// Architecture, activation, loss and weight penalty.
    pub model: ModelSettings,
    /// How the weights are searched.
    pub search: WeightSearch,
    /// The budget: steps to train (epochs of gradient descent, GA generations…), at least 1.
    pub steps: usize,
}

/// A trained model with what it needs to predict on new rows of the same dataset.
#[derive(Debug, Clone)]
pub struct FittedModel {
    /// The network.
    pub spec: ModelSpec,
    /// Its parameters.
    pub theta: Vec<f64>,
    /// The feature standardization learnt on the fitting rows.
    pub standardizer: Standardizer,
    /// How targets were coded for the model.
    pub coding: TargetCoding,
    /// Steps trained.
    pub steps: usize,
    /// Why training stopped early ("diverged …", "converged …"), or empty.
    pub reason: String,
    /// Whether training blew up (the model is then useless).
    pub diverged: bool,
}

/// How well a model does on some rows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// The mean loss the model was trained on (weight penalty included).
    pub loss: f64,
    /// Accuracy for classes, R² for values (NaN when undefined, e.g. constant targets).
    pub score: f64,
    /// Root mean squared error in the target's units (NaN for classes).
    pub rmse: f64,
}

/// Rows whose features and targets fit in the dataset.
fn check_rows(dataset: &Dataset, rows: &[usize]) -> Result<()> {
    if rows.is_empty() {
        return Err(Error::data("there are no rows to fit"));
    }
    match rows.iter().find(|&&r| r >= dataset.n_rows()) {
        Some(r) => Err(Error::data(format!(
            "row {r} is outside the dataset's {} rows",
            dataset.n_rows()
        ))),
        None => Ok(()),
    }
}

/// The listed rows of row-major `values` with `width` values per row.
pub(super) fn subset(values: &[f64], width: usize, rows: &[usize]) -> Vec<f64> {
    rows.iter()
        .flat_map(|&r| values[r * width..(r + 1) * width].iter().copied())
        .collect()
}

/// Trains a model on `rows` of `dataset` for `settings.steps` steps (fewer if the search
/// stops), every feature standardized on those rows. The same arguments give the same model,
/// bit for bit. A training that blows up returns a model marked `diverged`.
pub fn fit(
    dataset: &Dataset,
    rows: &[usize],
    settings: &FitSettings,
    seed: u64,
) -> Result<FittedModel> {
    fit_watched(dataset, rows, settings, seed, &mut |_| Ok(()))
}

/// What [`fit_watched`]'s watcher sees: the model as it stands after `step` steps (0: the
/// initial weights), with what it needs to be scored on rows of the dataset.
pub struct Snapshot<'a> {
    /// Steps trained so far.
    pub step: usize,
    /// The network.
    pub spec: &'a ModelSpec,
    /// Its parameters now.
    pub theta: &'a [f64],
    /// The feature standardization learnt on the fitting rows.
    pub standardizer: &'a Standardizer,
    /// How targets are coded for the model.
    pub coding: TargetCoding,
}

impl Snapshot<'_> {
    /// The model's scores now on `rows` of `dataset` (exactly as [`score`] would give them
    /// for a fitted model with these weights).
    pub fn score(&self, dataset: &Dataset, rows: &[usize]) -> Result<Scores> {
        score_theta(
            self.spec,
            self.theta,
            self.standardizer,
            self.coding,
            dataset,
            rows,
        )
    }
}

/// Like [`fit`], calling `watch` with the model before the first step and after every step;
/// the model fitted is the same, bit for bit (the watcher only looks). [`fit`] watches
/// nothing, so a search's hot loop records nothing. (`watch` is a `dyn`: one copy of the
/// training in the wasm module, not one per watcher.)
pub fn fit_watched(
    dataset: &Dataset,
    rows: &[usize],
    settings: &FitSettings,
    seed: u64,
    watch: &mut dyn FnMut(&Snapshot) -> Result<()>,
) -> Result<FittedModel> {
    check_rows(dataset, rows)?;
    crate::error::check_count("training steps", settings.steps, 1, 100_000)?;
    let d = dataset.n_features();
    let spec = model_spec(&settings.model, d, dataset.target())?;
    let standardizer = Standardizer::fit(dataset.features(), d, rows)?;
    let coding = TargetCoding::fit(dataset.target(), rows);
    let inputs = standardizer.transform(&subset(dataset.features(), d, rows));
    let encoded = coding.encode(dataset.target());
    let targets: Vec<f64> = rows.iter().map(|&r| encoded[r]).collect();
    let start = spec.init(&mut seeded(seed));
    let mut trainer = Trainer::new(
        spec.clone(),
        &inputs,
        &targets,
        &settings.search,
        &start,
        seed,
    )?;
    let (spec_ref, standardizer_ref) = (&spec, &standardizer);
    let snapshot = move |step, theta: &[f64], watch: &mut dyn FnMut(&Snapshot) -> Result<()>| {
        watch(&Snapshot {
            step,
            spec: spec_ref,
            theta,
            standardizer: standardizer_ref,
            coding,
        })
    };
    snapshot(0, &start, watch)?;
    while trainer.steps() < settings.steps {
        let status = trainer.step()?;
        snapshot(trainer.steps(), trainer.theta(), watch)?;
        if status.is_final() {
            break;
        }
    }
    let status = trainer.driver().status();
    let theta = trainer.theta().to_vec();
    let samples = Samples::new(&inputs, &targets, d)?;
    let first = spec.loss_value(&start, &samples, 0..targets.len(), &mut spec.workspace());
    let last = spec.loss_value(&theta, &samples, 0..targets.len(), &mut spec.workspace());
    let exploded = !last.is_finite() || last.abs() > 1e8 * (1.0 + first.abs());
    let diverged = status == Status::Diverged || exploded;
    let reason = if exploded && status != Status::Diverged {
        format!("the training loss exploded by step {}", trainer.steps())
    } else if status.is_final() {
        trainer.driver().reason().to_string()
    } else {
        String::new()
    };
    Ok(FittedModel {
        spec,
        theta,
        standardizer,
        coding,
        steps: trainer.steps(),
        reason,
        diverged,
    })
}

impl FittedModel {
    /// The model's output over the plane of a two-feature dataset as RGBA, `width` ×
    /// `height` pixels from the top left, the features in their units within `bounds`
    /// (`[x_min, x_max, y_min, y_max]`); `None` unless the model takes two features.
    pub fn picture(&self, bounds: [f64; 4], width: usize, height: usize) -> Option<Vec<u8>> {
        if self.spec.inputs() != 2 {
            return None;
        }
        let (means, scales) = (self.standardizer.means(), self.standardizer.scales());
        let plane = Plane::Pair {
            i: 0,
            j: 1,
            means: [means[0], means[1]],
            scales: [scales[0], scales[1]],
            all: None,
        };
        let grid = plane.grid_inputs(bounds, width, height);
        let outputs = self.spec.predict(&self.theta, &grid);
        Some(output_rgba(self.spec.output(), &outputs, false))
    }
}

/// Scores `model` on `rows` of `dataset` (the same columns it was fitted on).
pub fn score(model: &FittedModel, dataset: &Dataset, rows: &[usize]) -> Result<Scores> {
    score_theta(
        &model.spec,
        &model.theta,
        &model.standardizer,
        model.coding,
        dataset,
        rows,
    )
}

/// Scores network `spec` with weights `theta` (features standardized by `standardizer`,
/// targets coded by `coding`) on `rows` of `dataset`.
fn score_theta(
    spec: &ModelSpec,
    theta: &[f64],
    standardizer: &Standardizer,
    coding: TargetCoding,
    dataset: &Dataset,
    rows: &[usize],
) -> Result<Scores> {
    check_rows(dataset, rows)?;
    let d = dataset.n_features();
    if d != spec.inputs() {
        return Err(Error::data(format!(
            "the model takes {} features, the dataset has {d}",
            spec.inputs()
        )));
    }
    let inputs = standardizer.transform(&subset(dataset.features(), d, rows));
    let encoded = coding.encode(dataset.target());
    let targets: Vec<f64> = rows.iter().map(|&r| encoded[r]).collect();
    let samples = Samples::new(&inputs, &targets, d)?;
    let all = 0..targets.len();
    let loss = spec.loss_value(theta, &samples, all.clone(), &mut spec.workspace());
    let (score, rmse) = match dataset.target() {
        Target::Classes { .. } => (
            spec.accuracy(theta, &samples, all).unwrap_or(f64::NAN),
            f64::NAN,
        ),
        Target::Values(_) => (
            spec.r_squared(theta, &samples, all.clone())
                .unwrap_or(f64::NAN),
            spec.rmse(theta, &samples, all).unwrap_or(f64::NAN) * coding.scale,
        ),
    };
    Ok(Scores { loss, score, rmse })
}
